"""Cards as a standalone HTML file, for the clipboard (a word processor pastes it formatted)
and for `evcards export`.

No Qt here. The writer works from the card's parts (`evcards.card.content`), so an HTML card
says what the window's card says. Every string from the data goes through `html.escape`, and
only http(s) URLs become outward links: a name such as `<script>` is text. The file needs
nothing else: UTF-8, the knowledge base's language as `lang` (each run in another language
gets its own), a small inline style sheet with light and dark colours (`prefers-color-scheme`),
and verdicts and quote checks that say their words, not only colours.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from evcards.card.content import source_anchor
from evcards.card.parts import LineBreak, QuoteBox, RelationTable, Run, one_line
from evcards.card.shared_document import (
    CardSection,
    card_sections,
    fragment,
    internal_target,
    reference_number,
    source_place,
    title_text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from evcards.card.parts import Part
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

STYLE = """
:root { color-scheme: light dark; --text: #1f2328; --muted: #59636e; --link: #0b5cad; --box: #f3f4f6;
  --bar: #8c959f; --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; --page: #ffffff; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6edf3; --muted: #9198a1; --link: #4493f8; --box: #262c36; --bar: #656c76;
    --good: #3fb950; --warn: #d29922; --bad: #f85149; --page: #0d1117; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--text); background: var(--page); margin: 0; }
main { max-width: 42em; margin: 0 auto; padding: 1.5em 1em; }
a { color: var(--link); }
h1, h2, h3 { line-height: 1.25; }
.kind, .muted, .context, .note { color: var(--muted); }
.native { font-weight: normal; }
blockquote { background: var(--box); border-left: 4px solid var(--bar); margin: 0.5em 0 0.25em 1.5em; padding: 0.5em 0.75em; }
.citation { margin: 0 0 1em 1.5em; font-size: 0.9em; }
.diff { font-weight: bold; text-decoration: underline; color: var(--warn); }
.supported, .verified { color: var(--good); }
.partly_supported, .contested, .approximate { color: var(--warn); }
.refuted, .missing { color: var(--bad); font-weight: bold; }
.verdict { font-weight: bold; white-space: nowrap; }
.unconfirmed, .no_source_quote { color: var(--muted); }
table.relations th { text-align: left; padding-right: 1em; font-weight: 600; vertical-align: top; }
.source { overflow-wrap: anywhere; }
hr { border: none; border-top: 1px solid var(--bar); margin: 2em 0; }
""".strip()

_VERDICTS = frozenset({"supported", "partly_supported", "contested", "refuted", "unconfirmed", "no_source_quote"})
_CLASSES = {"quote_context": "context", "title_native": "native"}
_PLAIN = frozenset({"text", "title", "section", "quote"})


def _run(run: Run, held: set[str]) -> str:
    text = escape(one_line(run.text), quote=True)
    lang = f' lang="{escape(run.language)}"' if run.language else ""
    if run.href and (anchor := internal_target(run, held)) is not None:
        return f'<a href="{escape(fragment(anchor))}"{lang}>{text}</a>'
    if run.style == "link" and run.href.startswith(("http://", "https://")):
        return f'<a href="{escape(run.href, quote=True)}"{lang}>{text}</a>'
    if run.style == "bold":
        return f"<strong{lang}>{text}</strong>"
    if run.style == "quote_diff":
        return f'<b class="diff"{lang}>{text}</b>'
    classes = f"verdict {run.style}" if run.style in _VERDICTS else _CLASSES.get(run.style, run.style)
    if run.style in _PLAIN:
        return f"<span{lang}>{text}</span>" if lang else text
    return f'<span class="{classes}"{lang}>{text}</span>'


def _runs(runs: tuple[Run | LineBreak, ...], held: set[str], card: CardSection | None = None) -> str:
    """Runs as HTML; in a claim's citation line of `card`, its reference ("[1]") links to the
    source's citation."""
    pieces: list[str] = []
    for run in runs:
        if isinstance(run, LineBreak):
            pieces.append("<br>")
        elif card is not None and (number := reference_number(run)) is not None:
            place = source_place(card.anchor, source_anchor(number))
            pieces.append(f'<a class="muted" href="{escape(fragment(place))}">{escape(run.text)}</a>')
        else:
            pieces.append(_run(run, held))
    return "".join(pieces)


def _part(part: Part, card: CardSection, held: set[str], level: int) -> str:
    if isinstance(part, QuoteBox):
        return f"<blockquote>{_runs(part.runs or (Run(part.text, 'quote'),), held)}</blockquote>"
    if isinstance(part, RelationTable):
        rows = (f"<tr><th>{escape(row.label)}:</th><td>{_runs(row.targets, held)}</td></tr>" for row in part.rows)
        return f'<table class="relations">{"".join(rows)}</table>'
    if part.style == "title":
        return f'<h{level} id="{escape(card.anchor)}">{_runs(part.runs, held)}</h{level}>'
    if part.style == "section":
        return f"<h{level + 1}>{_runs(part.runs, held)}</h{level + 1}>"
    if part.style == "source":
        first = part.runs[0]
        place = f' id="{escape(source_place(card.anchor, first.anchor))}"' if isinstance(first, Run) and first.anchor else ""
        return f'<p class="source"{place}>{_runs(part.runs, held)}</p>'
    return f'<p class="{part.style}">{_runs(part.runs, held, card if part.style == "citation" else None)}</p>'


def _card(card: CardSection, held: set[str], level: int) -> str:
    body = "\n".join(_part(part, card, held, level) for part in card.parts)
    return f'<article class="card">\n{body}\n</article>'


def _document(title: str, language: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="evcards">\n<title>{escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n'
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _language(kb: LoadedKnowledgeBase) -> str:
    """The document's language: the knowledge base's, else English (the card's own words)."""
    return kb.data.language or "en"


def parts_html(kb: LoadedKnowledgeBase, parts: list[Part], entity: Entity) -> str:
    """Some of a card's parts (a claim with its citation) as an HTML document."""
    card = CardSection(entity, parts, "claim")
    body = "\n".join(_part(part, card, set(), 2) for part in parts)
    return _document(entity.name, _language(kb), body)


def cards_html(kb: LoadedKnowledgeBase, entities: Sequence[Entity]) -> str:
    """Cards as one HTML document: one card alone, or several after a title and a list of
    contents that links to each, relations linking to the cards the document holds."""
    cards = card_sections(kb, entities)
    held = {card.entity.id for card in cards}
    if len(cards) == 1:
        return _document(title_text(cards[0].parts), _language(kb), _card(cards[0], held, 1))
    items = (f'<li><a href="{escape(fragment(c.anchor))}">{escape(title_text(c.parts))}</a></li>' for c in cards)
    contents = f"<h1>{escape(kb.display_title)}</h1>\n<nav>\n<h2>Contents</h2>\n<ol>{''.join(items)}</ol>\n</nav>"
    body = "\n<hr>\n".join([contents, *(_card(card, held, 2) for card in cards)])
    return _document(kb.display_title, _language(kb), body)


def card_html(kb: LoadedKnowledgeBase, entity: Entity) -> str:
    """One card as an HTML document."""
    return cards_html(kb, [entity])
