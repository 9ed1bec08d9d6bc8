"""Matching entities to what the reader types. Imports no Qt."""
