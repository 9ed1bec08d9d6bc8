"""The desktop window (PySide6). Everything under here may import Qt; nothing outside does, but for fonts and PDF."""
