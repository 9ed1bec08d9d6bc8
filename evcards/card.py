"""The card: one entity rendered as HTML, the single rendering used by screen, printer and PDF.

No Qt here: the card is a string of the HTML subset that `QTextDocument` understands, built
from the model. Every string that comes from a data file goes through `escape`, so a
claim holding `<script>` or `<a href=...>` shows those characters and never becomes markup.
Links inside the card use the `evcards:` scheme; only a source's http(s) URL links outward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from evcards.card_basics import entity_link, escape, is_web_url, kind_label, relation_label, source_link_prefix
from evcards.model import Amount, QuoteStatus, Ratio, Year

if TYPE_CHECKING:
    from evcards.model import Claim, Entity, KnowledgeBase, QuoteCheck, Source, StructuredValue


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


def citation_text(source: Source) -> str:
    """Title, publisher, date: what a reader needs to find the source again (plain text)."""
    parts = [source.title]
    parts += [p for p in (source.author, source.publisher, source.published) if p]
    return ", ".join(parts)


def _status_html(claim: Claim, check: QuoteCheck | None) -> str:
    if check is None or check.status is QuoteStatus.NOT_FOUND:
        return '<span class="missing">✗ Quote not found in the source</span>'
    if check.status is QuoteStatus.APPROXIMATE:
        if check.actual == claim.exact:  # the words are there, but not with the given prefix/suffix
            detail = escape(check.note or "")
        else:
            detail = f"the source says: “{escape(check.actual or '')}”"
        return (
            '<span class="approximate">≈ Quote matches only approximately</span>'
            f'<span class="muted"> — {detail}</span>'
        )
    return '<span class="verified">✓ Verified verbatim</span>'


def _claim_styles(colors: CardColors) -> str:
    """Claims repeat dozens of times per card: a class is parsed once, inline styles every time."""
    return (
        "p.statement { margin-top: 14px; margin-bottom: 4px; }"
        " table.quote { margin-left: 18px; }"
        f" td.quote {{ border-left: 3px solid {colors.quote_bar}; background-color: {colors.quote_background}; padding: 6px 10px; }}"
        f" p.citation {{ margin-top: 4px; margin-left: 18px; color: {colors.muted}; }}"
        f" span.muted {{ color: {colors.muted}; }}"
        f" span.verified {{ color: {colors.verified}; font-weight: 600; }}"
        f" span.approximate {{ color: {colors.approximate}; font-weight: 600; }}"
        f" span.missing {{ color: {colors.missing}; font-weight: 600; }}"
    )


def _claims_html(kb: KnowledgeBase, entity: Entity, for_print: bool) -> str:
    """Every claim of the card; a long card repeats its few sources, so each citation is built once."""
    citations: dict[str, str] = {}
    source_prefix = source_link_prefix(entity.id)
    parts: list[str] = []
    for index, claim in enumerate(entity.claims):
        cite = citations.get(claim.source)
        if cite is None:
            source = kb.source(claim.source)
            cite = citations[claim.source] = escape(citation_text(source) if source else claim.source)
        check = claim.check
        value = f' <span class="muted">({escape(format_value(claim.value))})</span>' if claim.value else ""
        show = "" if for_print or check is None or check.start is None else (
            f' · <a href="{source_prefix}{index}">Show in source</a>'
        )
        parts.append(
            f'<p class="statement"><b>{index + 1}.</b> {escape(claim.statement)}{value}</p>'
            f'<table width="100%" cellspacing="0" cellpadding="0" class="quote"><tr>'
            f'<td class="quote"><i>“{escape(claim.exact)}”</i></td></tr></table>'
            f'<p class="citation">— {cite}{show}<br/>{_status_html(claim, check)}</p>'
        )
    return "".join(parts)


def _relations_html(kb: KnowledgeBase, entity: Entity, for_print: bool) -> str:
    grouped: dict[str, list[str]] = {}
    for relation in entity.relations:
        target = kb.entity(relation.target)
        name = escape(target.name if target else relation.target)
        grouped.setdefault(relation.type, []).append(name if for_print else f'<a href="{entity_link(relation.target)}">{name}</a>')
    rows = "".join(
        f"<tr><td style=\"padding-right:12px\">{escape(relation_label(kind))}</td><td>{', '.join(links)}</td></tr>"
        for kind, links in grouped.items()
    )
    return f"<h3>Relations</h3><table cellspacing=\"0\" cellpadding=\"2\">{rows}</table>" if rows else ""


def _used_sources(kb: KnowledgeBase, entity: Entity) -> list[Source]:
    """The sources the entity's claims cite, in order of first use."""
    found = (kb.source(source_id) for source_id in dict.fromkeys(c.source for c in entity.claims))
    return [source for source in found if source is not None]


def _sources_html(kb: KnowledgeBase, entity: Entity) -> str:
    items = []
    for source in _used_sources(kb, entity):
        url = ""
        if source.url:
            shown = escape(source.url)
            url = f'<br/><a href="{shown}">{shown}</a>' if is_web_url(source.url) else f"<br/>{shown}"
        accessed = f"<br/>Accessed {escape(source.accessed)}" if source.accessed else ""
        items.append(f'<p style="margin-top:4px">{escape(citation_text(source))}{url}{accessed}</p>')
    return f"<h3>Sources</h3>{''.join(items)}" if items else ""


def render_card_html(kb: KnowledgeBase, entity: Entity, colors: CardColors = PRINT_COLORS, *, for_print: bool = False) -> str:
    """The whole card. `for_print` drops links that only make sense inside the window."""
    native = f' <span style="font-weight:normal; color:{colors.muted}">{escape(entity.native_name)}</span>' if entity.native_name else ""
    aliases = (
        f'<p style="color:{colors.muted}; margin-top:0">Also known as {escape(", ".join(entity.aliases))}</p>' if entity.aliases else ""
    )
    summary = f"<p>{escape(entity.summary)}</p>" if entity.summary else ""
    claims = _claims_html(kb, entity, for_print)
    count = len(entity.claims)
    claims_heading = f"<h3>Claims ({count})</h3>" if count else f'<h3>Claims</h3><p style="color:{colors.muted}">No claims yet.</p>'
    return (
        f"<html><head><style>{_claim_styles(colors)}</style></head>"
        f'<body style="color:{colors.text}">'
        f'<h1 style="margin-bottom:2px">{escape(entity.name)}{native}</h1>'
        f'<p style="color:{colors.muted}; margin-top:0; text-transform:uppercase; font-size:small; letter-spacing:1px">'
        f"{escape(kind_label(entity.kind))}</p>"
        f"{aliases}{summary}{_relations_html(kb, entity, for_print)}{claims_heading}{claims}{_sources_html(kb, entity)}"
        f"</body></html>"
    )


def render_card_text(kb: KnowledgeBase, entity: Entity) -> str:
    """The card as plain text with its citations, for the clipboard."""
    lines = [entity.name + (f" ({entity.native_name})" if entity.native_name else ""), kind_label(entity.kind), ""]
    if entity.summary:
        lines += [entity.summary, ""]
    for relation in entity.relations:
        target = kb.entity(relation.target)
        lines.append(f"{relation_label(relation.type)}: {target.name if target else relation.target}")
    if entity.relations:
        lines.append("")
    for i, claim in enumerate(entity.claims, 1):
        source = kb.source(claim.source)
        check = claim.check
        status = check.status.value if check else QuoteStatus.NOT_FOUND.value
        lines += [f"{i}. {claim.statement}", f"   “{claim.exact}”", f"   — {citation_text(source) if source else claim.source} [{status}]", ""]
    lines += [f"{citation_text(source)}: {source.url}" for source in _used_sources(kb, entity) if source.url]
    return "\n".join(lines).rstrip() + "\n"
