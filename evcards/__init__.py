"""evcards: a desktop viewer of knowledge cards whose every quote is checked against its source."""

__version__ = "0.1.0"
