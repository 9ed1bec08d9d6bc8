"""What the window needs from the card before any card is shown: the card's link scheme and
text size, and the labels of kinds and relations.

Imported at start-up by the list and the card view, so it imports neither Qt nor the model
(pydantic); `evcards.card.content`, which renders whole cards, is imported with the first card.
"""

from __future__ import annotations

from urllib.parse import quote as url_quote
from urllib.parse import unquote as url_unquote
from urllib.parse import urlsplit

from evcards.translation import QT_TRANSLATE_NOOP, translate

ENTITY_SCHEME = "evcards"
BASE_POINT_SIZE = 10.5  # the card's text size at zoom 0, on screen and in print
KIND_LABELS = {
    "organization": QT_TRANSLATE_NOOP("Card", "Organization"),
    "person": QT_TRANSLATE_NOOP("Card", "Person"),
    "product": QT_TRANSLATE_NOOP("Card", "Product"),
    "place": QT_TRANSLATE_NOOP("Card", "Place"),
}
RELATION_LABELS = {
    "founded_by": QT_TRANSLATE_NOOP("Card", "Founded by"),
    "founder_of": QT_TRANSLATE_NOOP("Card", "Founder of"),
    "maker_of": QT_TRANSLATE_NOOP("Card", "Maker of"),
    "made_by": QT_TRANSLATE_NOOP("Card", "Made by"),
    "variant_of": QT_TRANSLATE_NOOP("Card", "Variant of"),
    "has_variant": QT_TRANSLATE_NOOP("Card", "Has variant"),
    "inspired_by": QT_TRANSLATE_NOOP("Card", "Inspired by"),
    "inspiration_for": QT_TRANSLATE_NOOP("Card", "Inspiration for"),
    "competitor_of": QT_TRANSLATE_NOOP("Card", "Competitor of"),
    "based_in": QT_TRANSLATE_NOOP("Card", "Based in"),
    "associated_with": QT_TRANSLATE_NOOP("Card", "Associated with"),
}


def entity_link(entity_id: str) -> str:
    return f"{ENTITY_SCHEME}:entity/{url_quote(entity_id)}"


def source_link_prefix(entity_id: str) -> str:
    """A claim's 'Show in source' link is this prefix followed by the claim's index."""
    return f"{ENTITY_SCHEME}:source/{url_quote(entity_id)}/"


def entity_link_target(href: str) -> str | None:
    """The entity id an `entity_link` names; None for any other link."""
    prefix = f"{ENTITY_SCHEME}:entity/"
    return url_unquote(href[len(prefix) :]) if href.startswith(prefix) else None


def source_link(entity_id: str, claim_index: int, evidence_index: int = 0) -> str:
    """The 'Show in source' link of one evidence item: the claim's index, then '.k' for the
    claim's item k > 0 (a claim's first item keeps the format-1 link)."""
    suffix = f".{evidence_index}" if evidence_index else ""
    return f"{source_link_prefix(entity_id)}{claim_index}{suffix}"


def _source_link_parts(href: str) -> tuple[str, int, int] | None:
    prefix = f"{ENTITY_SCHEME}:source/"
    if not href.startswith(prefix):
        return None
    entity_id, _, index = href[len(prefix) :].rpartition("/")
    claim, _, evidence = index.partition(".")
    if not entity_id or not claim.isdigit() or not (evidence.isdigit() or evidence == ""):
        return None
    return url_unquote(entity_id), int(claim), int(evidence or 0)


def source_link_target(href: str) -> tuple[str, int] | None:
    """The entity id and claim index a 'Show in source' link names; None for any other link."""
    parts = _source_link_parts(href)
    return None if parts is None else parts[:2]


def source_link_evidence(href: str) -> int:
    """Which of its claim's evidence items a 'Show in source' link names (0 for any other link)."""
    parts = _source_link_parts(href)
    return 0 if parts is None else parts[2]


def kind_label(kind: str) -> str:
    """A known kind's label, else the kind as written with '-' as a space and its first letter
    capitalised; the rest keeps its case (a free-text kind may hold names: "iPhone model")."""
    if kind in KIND_LABELS:
        return translate("Card", KIND_LABELS[kind])
    label = kind.replace("-", " ")
    return label[:1].upper() + label[1:]


def relation_label(relation_type: str) -> str:
    if relation_type in RELATION_LABELS:
        return translate("Card", RELATION_LABELS[relation_type])
    return relation_type.replace("_", " ").capitalize()


def is_web_url(url: str | None) -> bool:
    """Only http(s) links leave the app; file:, javascript: and the like are shown as text."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
