"""The knowledge base as data: the file format's models, reading a file and its problems,
and where each quote stands in its source. Imports no Qt."""
