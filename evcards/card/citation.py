"""A source's citation, in the one style every output uses: the card on screen, the PDF's
Sources section, the Markdown and HTML exports and a claim copied with its citation.

A citation is numbered ("[1]", the number a claim's quote refers to), then says the title,
author, publisher and date on one line, the URL on the next and when the source was read on
a third: what a reader needs to find the source again. No Qt here, and no markup: each writer
escapes the text for its own format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from evcards.card.basics import is_web_url
from evcards.translation import fill, translate

if TYPE_CHECKING:
    from evcards.kb.model import Source


class Citation(NamedTuple):
    """One source's reference, as plain text pieces; `url` is "" when the source has none, and
    `web` says whether it may be a link (only http(s) URLs leave the app)."""

    number: int
    text: str
    url: str
    web: bool
    accessed: str

    @property
    def label(self) -> str:
        return reference_label(self.number)

    def lines(self) -> list[str]:
        """The citation as plain text lines: "[1] Title, Author, Publisher, 2024-01-02", the
        URL, "Accessed 2024-04-05" (the last two when the source gives them)."""
        return [f"{self.label} {self.text}", *(line for line in (self.url, self.accessed) if line)]


def reference_label(number: int) -> str:
    """What a quote shows to refer to its source: "[1]"."""
    return f"[{number}]"


def citation_text(source: Source) -> str:
    """Title, author, publisher, date: the citation's first line (plain text, no number)."""
    parts = [source.display_title]
    parts += [p for p in (source.author, source.publisher, source.published) if p]
    return ", ".join(parts)


def cite(number: int, source: Source) -> Citation:
    """Source `source` as reference number `number`."""
    url = source.url or ""
    accessed = fill(translate("Card", "Accessed %1"), source.accessed) if source.accessed else ""
    return Citation(number, citation_text(source), url, is_web_url(url), accessed)
