"""What a claim's quote box shows: the quote in its context, and what differs from the source.

No Qt here, and no import of `evcards.card.content` (which calls this): the box is given as
`Piece`s, text in one of the box's styles, that `content` turns into its runs.

- Verified: the quote between a few words of the source on each side, dimmed:
  `… The company’s founder, “Lei Jun”, is known …`.
- Approximate: the quote with the characters that differ marked, then on a second line what
  the source says there, in its context, with its differing characters marked the same way.
- Not found: the quote, then the closest passage of the source and how similar it is, the
  differences marked when it is close enough to be worth reading.

Marked characters have their own style (`quote_diff`: bold and underlined, and coloured), so
colour is never the only sign; a difference in an invisible character is named (⟨ZWJ⟩).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from evcards.kb.quote_diff import DiffPart, char_diff, visible
from evcards.kb.quotes import QuoteCheck, QuoteStatus
from evcards.kb.text_fold import verbatim_fold
from evcards.translation import fill, translate

QuoteStyle = Literal["quote", "quote_context", "quote_diff", "muted"]
CONTEXT_WORDS = 6  # words of context on each side, where words are spaced
CONTEXT_CHARS = 30  # characters, where they are not (Chinese, Japanese, Thai)
WINDOW = 200  # how far to look for them (six long words fit)
CLOSE_ENOUGH = 50.0  # a closest passage less similar than this is not shown with its differences marked


class Piece(NamedTuple):
    """Text in one of the box's styles; `text == LINE_BREAK` is a new line inside the box."""

    text: str
    style: QuoteStyle = "quote"


LINE_BREAK = "\n"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n|[\u2029]")


def _words_before(text: str, words: int, chars: int) -> tuple[str, bool]:
    """The end of `text` (already folded): `words` words, or `chars` characters where there are no spaces."""
    trailing = " " if text.endswith(" ") else ""
    body = text.rstrip()
    if not body:
        return trailing, False
    if " " not in body[-chars:]:
        return body[-chars:] + trailing, len(body) > chars
    tokens = body.split(" ")
    return " ".join(tokens[-words:]) + trailing, len(tokens) > words


def _paragraphs(text: str) -> list[str]:
    """`text` cut at its paragraph breaks; most windows have none (a check at C speed, no regex)."""
    return _PARAGRAPH_BREAK.split(text) if "\n" in text or "\u2029" in text else [text]


def context(source_text: str, start: int, end: int, *, words: int = CONTEXT_WORDS, chars: int = CONTEXT_CHARS) -> tuple[str, str]:
    """A few words of `source_text` before `start` and after `end`, within the paragraph, as one
    line; an ellipsis where the paragraph goes on. ("", "") for a quote that is its paragraph."""
    before_window = _paragraphs(source_text[max(0, start - WINDOW) : start])
    after_window = _paragraphs(source_text[end : end + WINDOW])
    before, cut_before = _words_before(verbatim_fold(before_window[-1]), words, chars)
    reversed_after, cut_after = _words_before(verbatim_fold(after_window[0])[::-1], words, chars)
    after = reversed_after[::-1]
    cut_before = cut_before or (len(before_window) == 1 and start > WINDOW)
    cut_after = cut_after or (len(after_window) == 1 and end + WINDOW < len(source_text))
    before, after = before.lstrip(), after.rstrip()
    return ("… " if cut_before and before else "") + before, after + (" …" if cut_after and after else "")


def _side(parts: tuple[DiffPart, ...], side: Literal["quote", "source"]) -> list[Piece]:
    pieces: list[Piece] = []
    for kind, text in parts:
        if kind == "same":
            pieces.append(Piece(text, "quote"))
        elif kind == side:
            pieces.append(Piece(visible(text), "quote_diff"))
    return pieces


def _coarse(parts: tuple[DiffPart, ...]) -> tuple[DiffPart, ...]:
    """For a passage that is not the quote: a letter or two left unmarked inside a changed word
    ("fam·o·us" against "kn·o·wn") marked with it, so that whole words read as changed."""
    merged: list[DiffPart] = []
    for index, (kind, text) in enumerate(parts):
        changed_around = 0 < index < len(parts) - 1 and parts[index - 1].kind != "same" and parts[index + 1].kind != "same"
        if kind == "same" and changed_around and len(text) <= 2 and not any(ch.isspace() for ch in text):
            merged += (DiffPart("quote", text), DiffPart("source", text))
        else:
            merged.append(DiffPart(kind, text))
    return tuple(merged)


def _in_context(source_text: str, start: int, end: int, inner: list[Piece]) -> list[Piece]:
    before, after = context(source_text, start, end)
    return [
        *([Piece(before, "quote_context")] if before else []),
        Piece("“", "quote"),
        *inner,
        Piece("”", "quote"),
        *([Piece(after, "quote_context")] if after else []),
    ]


def quote_pieces(quote_text: str, check: QuoteCheck, source_text: str | None) -> tuple[Piece, ...]:
    """The quote box of a claim whose quote is `quote_text`, anchored by `check` in `source_text`."""
    plain = [Piece(f"“{quote_text}”", "quote")]
    if source_text is None:
        return tuple(plain)
    if check.status is not QuoteStatus.NOT_FOUND and check.start is not None and check.end is not None:
        parts = () if check.status is QuoteStatus.VERIFIED else char_diff(quote_text, source_text[check.start : check.end])
        if all(kind == "same" for kind, _ in parts):  # verified, or found but not with its prefix/suffix
            return tuple(_in_context(source_text, check.start, check.end, [Piece(quote_text, "quote")]))
        return (
            Piece("“", "quote"),
            *_side(parts, "quote"),
            Piece("”", "quote"),
            Piece(LINE_BREAK, "muted"),
            Piece(translate("Card", "the source says: "), "muted"),
            *_in_context(source_text, check.start, check.end, _side(parts, "source")),
        )
    closest = check.closest
    if closest is None:
        return tuple(plain)
    label = Piece(fill(translate("Card", "closest passage in the source (%1 % similar): "), f"{closest.similarity:.0f}"), "muted")
    if closest.similarity < CLOSE_ENOUGH:
        passage = [Piece(verbatim_fold(closest.text).strip(), "quote")]
        return (*plain, Piece(LINE_BREAK, "muted"), label, *_in_context(source_text, closest.start, closest.end, passage))
    parts = _coarse(char_diff(quote_text, closest.text))
    return (
        Piece("“", "quote"),
        *_side(parts, "quote"),
        Piece("”", "quote"),
        Piece(LINE_BREAK, "muted"),
        label,
        *_in_context(source_text, closest.start, closest.end, _side(parts, "source")),
    )
