"""The desktop window (PySide6). Everything under here may import Qt; outside it, only fonts, the card document and PDF export do."""
