"""The `evcards` command: the window, or `validate`, `list`, `schema` and `export`."""
