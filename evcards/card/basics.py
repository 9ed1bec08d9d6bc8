"""What the window needs from the card before any card is shown: the card's link scheme and
text size, and the labels of kinds and relations.

Imported at start-up by the list and the card view, so it imports neither Qt nor the model
(pydantic); `evcards.card.content`, which renders whole cards, is imported with the first card.
"""

from __future__ import annotations

from urllib.parse import quote as url_quote
from urllib.parse import unquote as url_unquote
from urllib.parse import urlsplit

ENTITY_SCHEME = "evcards"
BASE_POINT_SIZE = 10.5  # the card's text size at zoom 0, on screen and in print
KIND_LABELS = {"organization": "Organization", "person": "Person", "product": "Product", "place": "Place"}
RELATION_LABELS = {
    "founded_by": "Founded by",
    "founder_of": "Founder of",
    "maker_of": "Maker of",
    "made_by": "Made by",
    "variant_of": "Variant of",
    "has_variant": "Has variant",
    "inspired_by": "Inspired by",
    "inspiration_for": "Inspiration for",
    "competitor_of": "Competitor of",
    "based_in": "Based in",
    "associated_with": "Associated with",
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


def source_link_target(href: str) -> tuple[str, int] | None:
    """The entity id and claim index a 'Show in source' link names; None for any other link."""
    prefix = f"{ENTITY_SCHEME}:source/"
    if not href.startswith(prefix):
        return None
    entity_id, _, index = href[len(prefix) :].rpartition("/")
    return (url_unquote(entity_id), int(index)) if entity_id and index.isdigit() else None


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("-", " ").capitalize())


def relation_label(relation_type: str) -> str:
    return RELATION_LABELS.get(relation_type, relation_type.replace("_", " ").capitalize())


def is_web_url(url: str | None) -> bool:
    """Only http(s) links leave the app; file:, javascript: and the like are shown as text."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
