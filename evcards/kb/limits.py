"""How big a knowledge base may be: limits that keep hostile or broken input from freezing evcards.

A file is checked against these before anything is laid out, so that a 1 MB entity name is an
error with its place, not a window that lays out one word for minutes. The numbers are generous
for real data and were measured on a small machine (2 shared cores, offscreen Qt):

- A single word without spaces costs Qt's line breaking time that grows with its square: a
  10,000-character word lays out in about 10 ms, 100,000 in 1.6 s, 1,000,000 in 104 s. Names
  and other short fields stop at 1,000 characters; prose at 20,000, three printed pages (a
  20,000-character word still lays out in 40 ms, and the project's own tests print quotes and
  summaries that run over three pages).
- A card's layout grows faster than its claims: 2,000 claims in 0.4 s, 5,000 in 1.3 s,
  10,000 in 7 s; 2,000 evidence items (each a quote box) in 0.7 s, 2,000 approximate ones
  (each with its diff) in 1.5 s (the window writes such a card a slice at a time). An entity holds at most 2,000 claims, 2,000 evidence items
  and 1,000,000 characters of text (a card of a million characters lays out in about 0.5 s,
  one of a hundred 10,000-character words in 1 s).
- A source text is read whole and folded for the approximate comparison: 20 MB by default
  (`Limits.source_bytes`, `--max-source-mb`), checked from `stat` before a byte is read.
  The source pane shows a whole text at once: 20 MB in about 0.5 s here, 50 MB in about 2 s,
  past the second a window may stand still (a book is about 1 MB). The
  JSON file itself stops at 1 GiB (the 200,000-claim benchmark file is 80 MB).

The string lengths and list sizes are part of the models (`evcards.kb.model`), so that
`evcards schema` says them as maxLength and maxItems; what depends on the user's options, or
adds up over an entity, is checked after the models have read the file
(`evcards.kb.card_size`, `evcards.kb.source_files`). This module imports nothing of evcards, so
that the models can import it.
"""

from __future__ import annotations

from dataclasses import dataclass

ID_CHARS = 200
NAME_CHARS = 1_000  # names, aliases, kinds, titles, sections, units, authors, publishers
PROSE_CHARS = 20_000  # statements, summaries, quotes, their prefix and suffix, URLs: three printed pages
PATH_CHARS = 4_096  # a text_file path: PATH_MAX on Linux
CLAIMS_PER_ENTITY = 2_000
EVIDENCE_PER_CLAIM = 100
EVIDENCE_PER_ENTITY = 2_000
ALIASES_PER_ENTITY = 1_000
NAMES_PER_ENTITY = 1_000  # languages in `names`
RELATIONS_PER_ENTITY = 2_000
TEXT_PER_ENTITY = 1_000_000  # characters of one card's text: names, summary, statements, quotes
MB = 1_000_000
DEFAULT_SOURCE_MB = 20
FILE_BYTES = 1 << 30  # the JSON file


@dataclass(frozen=True, slots=True)
class Limits:
    """What a load allows beyond the fixed limits: the user's choices (options, settings)."""

    source_bytes: int = DEFAULT_SOURCE_MB * MB
    """The largest source text, in bytes (UTF-8), in a file or inline; all source files together
    may hold ten times this."""
    outside_sources: bool = False
    """Whether a `text_file` may resolve outside the JSON file's folder (see `evcards.kb.source_files`)."""
    file_bytes: int = FILE_BYTES

    @classmethod
    def of(cls, max_source_mb: float | None = None, allow_outside_sources: bool = False) -> Limits:
        """Limits from the options a user gives (`--max-source-mb`, `--allow-outside-sources`)."""
        source = DEFAULT_SOURCE_MB * MB if max_source_mb is None else int(max_source_mb * MB)
        return cls(source_bytes=max(0, source), outside_sources=allow_outside_sources)

    @property
    def all_sources_bytes(self) -> int:
        return 10 * self.source_bytes


def megabytes(size: int) -> str:
    """A size as people read it in these messages: 52.4 MB."""
    return f"{size / MB:,.1f} MB" if size >= MB // 10 else f"{size:,} bytes"


def too_big(size: int, limit: int, what: str = "is") -> str:
    return f"{what} {megabytes(size)}, over the limit of {megabytes(limit)}"


def clipped(text: str, most: int = 300) -> str:
    """`text`, cut to `most` characters with "…": a message that quotes a 1 MB key or value
    stays one readable line (and a dialog that shows it stays quick)."""
    return text if len(text) <= most else text[: most - 1] + "…"
