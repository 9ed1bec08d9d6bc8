"""The window: widgets, item models, actions and settings."""
