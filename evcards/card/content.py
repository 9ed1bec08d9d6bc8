"""The card's content: what one entity's card says, as paragraphs of styled text runs.

No Qt here. `evcards.card.document` turns these parts into the one `QTextDocument` that the
screen, the printer and the PDF all draw. Strings from a data file only ever become text
runs, never markup, so a claim holding `<script>` or `<a href=...>` shows those characters.
Links inside the card use the `evcards:` scheme; only a source's http(s) URL links outward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evcards.card.basics import entity_link, kind_label, relation_label, source_link
from evcards.card.citation import cite, reference_label
from evcards.card.parts import (  # the card's parts: defined apart, so a document is drawn from them without the model
    NBSP,
    CharStyle,
    LineBreak,
    Paragraph,
    Part,
    QuoteBox,
    RelationRow,
    RelationTable,
    Run,
)
from evcards.card.quote_view import LINE_BREAK, quote_pieces
from evcards.kb.model import Amount, Ratio, Year
from evcards.kb.quotes import QuoteStatus
from evcards.kb.verdicts import Verdict, verdict_of
from evcards.translation import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Claim, Entity, Evidence, Source, StructuredValue
    from evcards.kb.quotes import QuoteCheck


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
