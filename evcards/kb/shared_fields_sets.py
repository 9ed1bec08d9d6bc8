"""Let the pydantic models of a loaded knowledge base share their sets of fields set.

pydantic gives every model instance its own `__pydantic_fields_set__`, a new `set` of the
field names the file gave it: one per entity, claim, quote selector, structured value and
relation, 620,000 on an 80 MB file, over a third of the objects Python's cyclic garbage
collector tracks there. The collector's one full walk at the end of a big load (see
`evcards.kb.loader._collector_paused`) holds Python's lock, and took 1.27 s on that file, a
stall of the window; with the sets shared it took 0.70 s. Nearly every claim names the same
fields, so a few sets stand for them all.

Only equal sets are shared, so `model_fields_set` and `model_dump(exclude_unset=True)` give
what they gave. pydantic adds a field's name to the set when the field is assigned: the
loader assigns only fields the file gave (ids made NFC, in `evcards.kb.references`), whose
names the set holds already; a loaded knowledge base is not changed afterwards.
"""

from __future__ import annotations

from itertools import chain, repeat
from operator import attrgetter

from pydantic import BaseModel

from evcards.kb.model import Claim, Entity, Evidence

__all__ = ["FieldsSetPool", "share_fields_sets"]

FieldsSetPool = dict[tuple[str, ...], set[str]]
"""The shared sets of one load, by their names in the order the set gives them."""

_FIELDS_SET = "__pydantic_fields_set__"
_fields_set = attrgetter(_FIELDS_SET)
_claims = attrgetter("claims")
_relations = attrgetter("relations")
_evidence = attrgetter("evidence")
_quote = attrgetter("quote")
_value = attrgetter("value")


def share_fields_sets(entities: list[Entity], pool: FieldsSetPool) -> None:
    """Give each model in `entities` (entities, claims, evidence items, quote selectors,
    structured values, relations) the set in `pool` equal to its own, or put its own there.

    The work is done by C loops (`map`), not a Python loop per model: on 270,000 claims it
    costs less than the walk it saves. Two equal sets whose names come out in another order
    are kept apart: less sharing, never a wrong set.
    """
    claims: list[Claim] = list(chain.from_iterable(map(_claims, entities)))
    items: list[Evidence] = list(chain.from_iterable(map(_evidence, claims)))
    quotes = [quote for quote in chain(map(_quote, claims), map(_quote, items)) if isinstance(quote, BaseModel)]
    values = [value for value in map(_value, claims) if value is not None]
    relations = chain.from_iterable(map(_relations, entities))
    models: list[BaseModel] = [*entities, *claims, *items, *quotes, *values, *relations]
    own = list(map(_fields_set, models))
    shared = list(map(pool.setdefault, map(tuple, own), own))
    list(map(object.__setattr__, models, repeat(_FIELDS_SET), shared))
