"""The card: what it says (`content`, `basics`: no Qt) and the one Qt text document built
from it (`document`, `formats`, `fonts`) that the screen, the printer and the PDF share."""
