"""The card's content: what one entity's card says, as paragraphs of styled text runs.

No Qt here. `evcards.card.document` turns these parts into the one `QTextDocument` that the
screen, the printer and the PDF all draw. Strings from a data file only ever become text
runs, never markup, so a claim holding `<script>` or `<a href=...>` shows those characters.
Links inside the card use the `evcards:` scheme; only a source's http(s) URL links outward.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, NamedTuple

from evcards.card.basics import entity_link, kind_label, relation_label, source_link
from evcards.card.citation import cite, reference_label
from evcards.card.quote_view import LINE_BREAK, quote_pieces
from evcards.kb.model import Amount, Ratio, Year
from evcards.kb.quotes import QuoteStatus
from evcards.kb.verdicts import Verdict, verdict_of
from evcards.translation import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Claim, Entity, Evidence, Source, StructuredValue
    from evcards.kb.quotes import QuoteCheck


# The card's styles by name; `evcards.card.formats` gives each one its Qt format.
CharStyle = Literal[
    "text",
    "bold",
    "muted",
    "link",
    "quote",
    "quote_context",  # the source's words around a quote, dimmed
    "quote_diff",  # a character that differs between a quote and its source
    "verified",
    "approximate",
    "missing",
    "title",
    "title_native",
    "kind",
    "section",
    "stance",
    "supported",
    "partly_supported",
    "contested",
    "refuted",
    "unconfirmed",
    "no_source_quote",
]
BlockStyle = Literal["title", "kind", "aliases", "paragraph", "note", "section", "statement", "citation", "source"]


class Run(NamedTuple):
    """A piece of text in one character style; `href` makes it a link, `anchor` a place a
    `#anchor` link scrolls to, and `language` (a BCP 47 tag) picks the glyph forms of its CJK
    characters (`evcards.card.fonts.families_for_language`)."""

    text: str
    style: CharStyle = "text"
    href: str = ""
    anchor: str = ""
    language: str = ""


class LineBreak(NamedTuple):
    """A line break inside a paragraph, in the style of the text around it. (Data text never
    breaks a line: the writer shows its line and paragraph separators as spaces.)"""

    style: CharStyle = "text"


class Paragraph(NamedTuple):
    """A paragraph in a block style, made of runs."""

    style: BlockStyle
    runs: tuple[Run | LineBreak, ...]


class QuoteBox(NamedTuple):
    """A quote, set off in a shaded box with a bar on its left. `runs`, when given, are what the
    box shows (the quote in its context, differences marked: `evcards.card.quote_view`);
    `text` is the quote alone."""

    text: str
    runs: tuple[Run | LineBreak, ...] = ()


class RelationRow(NamedTuple):
    label: str
    targets: tuple[Run, ...]


class RelationTable(NamedTuple):
    rows: tuple[RelationRow, ...]


Part = Paragraph | QuoteBox | RelationTable


class CardColors(NamedTuple):
    """Colours the card is drawn with; the window passes its palette's, print uses `PRINT_COLORS`."""

    text: str = "#1f2328"
    muted: str = "#59636e"
    link: str = "#0b5cad"
    quote_background: str = "#f3f4f6"
    quote_bar: str = "#8c959f"
    verified: str = "#1a7f37"
    approximate: str = "#9a6700"
    missing: str = "#cf222e"


PRINT_COLORS = CardColors()


def format_value(value: StructuredValue) -> str:
    if isinstance(value, Year):
        return str(value.year)
    if isinstance(value, Ratio):
        return f"{value.factor:g}× {value.of}"
    assert isinstance(value, Amount)
    qualifier = "" if value.qualifier == "exactly" else f"{value.qualifier} "
    amount = value.amount
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(amount) >= size:
            return f"{qualifier}{amount / size:g} {word} {value.unit}"
    return f"{qualifier}{amount:,.{0 if amount == int(amount) else 2}f} {value.unit}"


# A verdict's sign and word: never colour alone. The style gives the colour as well. A sign
# and its word never part at the end of a line: a no-break space between them.
NBSP = "\u00a0"
# (sign, word, style); the word is translated where the card is made (`verdict_run`).
VERDICT_RUNS: dict[Verdict, tuple[str, str, CharStyle]] = {
    Verdict.SUPPORTED: ("✓", QT_TRANSLATE_NOOP("Card", "Supported"), "supported"),
    Verdict.PARTLY_SUPPORTED: ("◐", QT_TRANSLATE_NOOP("Card", "Partly supported"), "partly_supported"),
    Verdict.CONTESTED: ("⇄", QT_TRANSLATE_NOOP("Card", "Contested"), "contested"),
    Verdict.REFUTED: ("✗", QT_TRANSLATE_NOOP("Card", "Refuted"), "refuted"),
    Verdict.UNCONFIRMED: ("?", QT_TRANSLATE_NOOP("Card", "Unconfirmed: no quote found in a source supports or refutes it"), "unconfirmed"),
    Verdict.NO_SOURCE_QUOTE: ("○", QT_TRANSLATE_NOOP("Card", "No source quote"), "no_source_quote"),
}
STANCE_WORDS = {
    "supports": ("+", QT_TRANSLATE_NOOP("Card", "Supports")),
    "refutes": ("−", QT_TRANSLATE_NOOP("Card", "Refutes")),
    "partial": ("±", QT_TRANSLATE_NOOP("Card", "Partly supports")),
    "context": ("·", QT_TRANSLATE_NOOP("Card", "Context")),
}


def verdict_run(verdict: Verdict) -> Run:
    """ "✓ Supported": the verdict's sign and word, in the reader's language."""
    sign, word, style = VERDICT_RUNS[verdict]
    return Run(f"{sign}{NBSP}{translate('Card', word)}", style)


def stance_word(stance: str) -> str:
    sign, word = STANCE_WORDS[stance]
    return f"{sign}{NBSP}{translate('Card', word)}"


# What was checked, in words that say so: a quote found in its source is not a claim proven.
# The usual case is quiet (muted, like the reference beside it); only what needs a second look
# (an approximate or missing quote, a refuting one) is coloured and bold.
_FOUND = ("✓", QT_TRANSLATE_NOOP("Card", "quote found in source"))
_NOT_FOUND = ("✗", QT_TRANSLATE_NOOP("Card", "quote not found in source"), QT_TRANSLATE_NOOP("Card", "not counted in the verdict"))
_SEPARATOR = Run(" · ", "muted")
_VERDICT_GAP = Run("  ")


def _status_runs(check: QuoteCheck) -> tuple[Run, ...]:
    if check.status is QuoteStatus.NOT_FOUND:
        sign, word, note = _NOT_FOUND
        return (Run(f"{sign}{NBSP}{translate('Card', word)}", "missing"), Run(f" — {translate('Card', note)}", "muted"))
    if check.status is QuoteStatus.APPROXIMATE:
        detail = (
            translate("Card", ", ").join(translate("QuoteCheck", kind) for kind in check.differences) or check.note or ""
        )  # the box shows where
        approximate = translate("Card", "quote matches the source only approximately")
        return (Run(f"≈{NBSP}{approximate}", "approximate"), Run(f" — {detail}", "muted"))
    return (Run(f"{_FOUND[0]}{NBSP}{translate('Card', _FOUND[1])}", "muted"),)


def _statement(number: int, claim: Claim, verdict: Verdict) -> Paragraph:
    """The statement line: "3. The claim (its value · date · section)  ✓ Supported"."""
    details = [format_value(claim.value)] if claim.value else []
    details += [d for d in (claim.date, claim.section) if d and d not in details]  # a year value and date once
    runs = [Run(f"{number}.", "bold"), Run(f" {claim.statement}")]
    if details:
        runs += (Run(" "), Run(f"({' · '.join(details)})", "muted"))
    return Paragraph("statement", (*runs, _VERDICT_GAP, verdict_run(verdict)))


def source_anchor(number: int) -> str:
    """The name of the place in the card where source `number`'s full citation is."""
    return f"source-{number}"


class _References:
    """Each source's short reference ("[1]"), numbered in order of first use; the card's Sources
    section gives the full citation under the same number, once."""

    def __init__(self, kb: LoadedKnowledgeBase, entity: Entity) -> None:
        self.kb = kb
        self.sources = used_sources(kb, entity)
        numbers = {source.id: number for number, source in enumerate(self.sources, 1)}
        self.numbers = {sid: numbers[found.id] for c in entity.claims for sid in c.sources if (found := kb.source(sid))}

    def run(self, source_id: str, for_print: bool) -> Run:
        number = self.numbers.get(source_id)
        if number is None:  # (the loader refuses an unknown source: shown as its id all the same)
            return Run(source_id, "muted")
        return Run(reference_label(number), "muted" if for_print else "link", "" if for_print else f"#{source_anchor(number)}")

    def language(self, source_id: str) -> str:
        source = self.kb.source(source_id)
        return (source.language or "") if source else ""


def _quote_box(exact: str, check: QuoteCheck, source_text: str | None, language: str) -> QuoteBox:
    """The quote in its box, with its context and differences (`evcards.card.quote_view`), in
    its source's language."""
    runs = tuple(
        LineBreak(style) if text == LINE_BREAK else Run(text, style, language=language)
        for text, style in quote_pieces(exact, check, source_text)
    )
    return QuoteBox(f"“{exact}”", runs)


def _evidence_parts(
    item: Evidence, check: QuoteCheck, source_text: str | None, reference: Run, language: str, link: str, show_stance: bool
) -> tuple[Part, ...]:
    """One evidence item: its quote in a box, then one line: its stance (unless it is the claim's
    one supporting quote), its source's reference, what the check found, and Show in source."""
    runs: list[Run | LineBreak] = []
    if show_stance:
        runs += (Run(stance_word(item.stance), "refuted" if item.stance == "refutes" else "stance"), _SEPARATOR)
    runs += (reference, _SEPARATOR, *_status_runs(check))
    if link and check.start is not None:
        runs += (_SEPARATOR, Run(translate("Card", "Show in source"), "link", link))
    return _quote_box(item.exact, check, source_text, language), Paragraph("citation", tuple(runs))


def _claim_parts(kb: LoadedKnowledgeBase, entity: Entity, references: _References, for_print: bool) -> list[Part]:
    """Every claim of the card: its statement and verdict, then each evidence item. A claim with
    no evidence shows no quote box and no citation: nothing on it looks sourced."""
    parts: list[Part] = []
    for index, claim in enumerate(entity.claims):
        evidence = kb.evidence(entity, index)
        verdict = verdict_of((item.stance, check.status) for item, check in evidence)
        parts.append(_statement(index + 1, claim, verdict))
        show_stance = len(evidence) > 1 or (len(evidence) == 1 and evidence[0][0].stance != "supports")
        for k, (item, check) in enumerate(evidence):
            link = "" if for_print else source_link(entity.id, index, k)
            reference = references.run(item.source, for_print)
            language = references.language(item.source)
            parts += _evidence_parts(item, check, kb.source_text(item.source), reference, language, link, show_stance)
    return parts


def _relation_rows(kb: LoadedKnowledgeBase, entity: Entity, for_print: bool) -> tuple[RelationRow, ...]:
    grouped: dict[str, list[Run]] = {}
    for relation in entity.relations:
        target = kb.entity(relation.target)
        name = target.name if target else relation.target
        language = (target.language_of(name) or "") if target else ""  # its glyph forms
        runs = grouped.setdefault(relation.type, [])
        if runs:
            runs.append(Run(", "))
        # Print keeps the target in the run, unstyled: a PDF links it only to a card it holds (evcards.pdf.links).
        runs.append(Run(name, "text" if for_print else "link", entity_link(relation.target), language=language))
    return tuple(RelationRow(relation_label(kind), tuple(runs)) for kind, runs in grouped.items())


def used_sources(kb: LoadedKnowledgeBase, entity: Entity) -> list[Source]:
    """The sources the entity's claims cite, in order of first use: source n of this list is
    the card's reference [n]."""
    found = (kb.source(source_id) for source_id in dict.fromkeys(s for c in entity.claims for s in c.sources))
    return [source for source in found if source is not None]


def _source_parts(sources: list[Source]) -> list[Part]:
    """The Sources section: each source's full citation, once, under its reference number
    (`evcards.card.citation`: the style every output shares)."""
    parts: list[Part] = []
    for number, source in enumerate(sources, 1):
        citation = cite(number, source)
        runs: list[Run | LineBreak] = [Run(citation.label, "bold", anchor=source_anchor(number)), Run(f" {citation.text}")]
        if citation.url:
            runs += (LineBreak(), Run(citation.url, "link", citation.url) if citation.web else Run(citation.url))
        if citation.accessed:
            runs += (LineBreak(), Run(citation.accessed, "muted"))
        parts.append(Paragraph("source", tuple(runs)))
    return [Paragraph("section", (Run(translate("Card", "Sources"), "section"),)), *parts] if parts else []


def card_parts(kb: LoadedKnowledgeBase, entity: Entity, *, for_print: bool = False) -> list[Part]:
    """The whole card, top to bottom. `for_print` drops links that only make sense inside the window."""
    title = [Run(entity.name, "title", language=entity.language_of(entity.name) or "")]
    for k, name in enumerate(entity.native_names):  # each in its own language's glyph forms
        title += (Run(" " if k == 0 else " · ", "title" if k == 0 else "title_native"),)
        title.append(Run(name, "title_native", language=entity.language_of(name) or ""))
    parts: list[Part] = [Paragraph("title", tuple(title)), Paragraph("kind", (Run(kind_label(entity.kind), "kind"),))]
    if entity.aliases:
        parts.append(
            Paragraph("aliases", (Run(fill(translate("Card", "Also known as %1"), translate("Card", ", ").join(entity.aliases)), "muted"),))
        )
    if entity.summary:
        parts.append(Paragraph("paragraph", (Run(entity.summary),)))
    if rows := _relation_rows(kb, entity, for_print):
        parts += (Paragraph("section", (Run(translate("Card", "Relations"), "section"),)), RelationTable(rows))
    if entity.claims:
        parts.append(Paragraph("section", (Run(fill(translate("Card", "Claims (%1)"), len(entity.claims)), "section"),)))
        references = _References(kb, entity)
        return parts + _claim_parts(kb, entity, references, for_print) + _source_parts(references.sources)
    claims, none = translate("Card", "Claims"), translate("Card", "No claims yet.")
    return [*parts, Paragraph("section", (Run(claims, "section"),)), Paragraph("note", (Run(none, "muted"),))]


def parts_text(parts: list[Part]) -> str:
    """Every character of `parts`, unformatted: what `needs_shaping` checks at each card shown
    (a third of the time `card_text` takes: it neither flattens nor lays out lines)."""
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, Paragraph):
            pieces += [run.text if isinstance(run, Run) else "\n" for run in part.runs]
        elif isinstance(part, QuoteBox):
            pieces += [run.text if isinstance(run, Run) else "\n" for run in part.runs] if part.runs else [part.text]
        else:
            for label, runs in part.rows:
                pieces += (label, *(run.text for run in runs))
        pieces.append("\n")
    return "".join(pieces)


# Characters that start a new line or paragraph (in Qt's text too: `QTextCursor.insertText`
# makes a new paragraph or frame of some), and tabs. A card shows a data field's lines as one
# line, each break (with the white space around it) as a single space.
_BREAKS = re.compile("[ \t]*[\t\n\v\f\r\x85\u2028\u2029\ufdd0\ufdd1][ \t\n\v\f\r\x85\u2028\u2029\ufdd0\ufdd1]*")
_TEXT_INDENT = "   "  # under a claim's statement: its quote, citation and check
_INDENTED_BREAK = "\n" + _TEXT_INDENT
_TEXT_GAP_BEFORE: frozenset[BlockStyle] = frozenset({"paragraph", "note", "section", "statement", "source"})


def one_line(text: str) -> str:
    """`text` as the card shows it: each line break or tab, with the white space around it, as a
    single space; other spaces as written."""
    return text if text.isprintable() else _BREAKS.sub(" ", text)  # the test is the fast path: no break


def card_text(parts: list[Part]) -> str:
    """The card as plain text, for the clipboard: all it says, in its order, no-break spaces
    as spaces (as Qt's `toPlainText` gives them).

    A claim's quote, citation and check are indented under its statement; a blank line comes
    before the summary, each section, claim and source, and the note of a card with no claims."""
    lines: list[str] = []
    for part in parts:
        if isinstance(part, QuoteBox):
            box = "".join(_run_text(run, _INDENTED_BREAK) for run in part.runs) if part.runs else one_line(part.text)
            lines.append(_TEXT_INDENT + box)
        elif isinstance(part, RelationTable):
            lines += (f"{row.label}: {one_line(''.join(run.text for run in row.targets))}" for row in part.rows)
        elif part.style == "title":  # "Lei Jun (雷军)"
            name = one_line("".join(run.text for run in part.runs if isinstance(run, Run) and run.style == "title").strip())
            native = one_line("".join(run.text for run in part.runs if isinstance(run, Run) and run.style == "title_native"))
            lines.append(f"{name} ({native})" if native else name)
        else:
            if part.style in _TEXT_GAP_BEFORE and lines:
                lines.append("")
            indented = part.style == "citation"
            line_break = _INDENTED_BREAK if indented else "\n"
            lines.append(_TEXT_INDENT * indented + "".join(_run_text(run, line_break) for run in part.runs))
    return "\n".join(lines).replace(NBSP, " ") + "\n"


def _run_text(run: Run | LineBreak, line_break: str) -> str:
    return line_break if isinstance(run, LineBreak) else one_line(run.text)
