"""The knowledge base as plain data: pydantic v2 models with no Qt import.

These models are the file format. Field names that other tools rely on are fixed
(`entities`, `name`, `quote`, `exact`); everything else is named for a reader of the JSON.
The models only describe shape; cross-references and quotes are checked by `evcards.kb.loader`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

FORMAT_VERSION = 1

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=200),
    Field(description="A stable id: lower-case letters and digits, words joined by '-'."),
]
NonEmptyText = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]  # not only white space


class _Strict(BaseModel):
    """Unknown keys are errors: a misspelt field must not be silently ignored.

    Validators are built on first use (`defer_build`), in the loading thread rather than
    during start-up, before the window is shown.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True)


class Source(_Strict):
    """A document that claims quote; its full text lives in a UTF-8 file beside the JSON."""

    id: Slug
    title: NonEmptyText
    text_file: NonEmptyText = Field(description="Path of the source's full text (UTF-8), relative to the JSON file.")
    publisher: str | None = None
    author: str | None = None
    url: str | None = Field(default=None, description="Where the source can be read (http or https).")
    published: str | None = Field(default=None, description="Publication date, ISO 8601 (YYYY[-MM[-DD]]).")
    accessed: str | None = Field(default=None, description="When the source was read, ISO 8601.")
    language: str | None = Field(default=None, description="BCP 47 language tag of the text, e.g. 'en'.")


class QuoteSelector(_Strict):
    """The W3C Web Annotation TextQuoteSelector: exact text, with optional context to pick one of repeats."""

    exact: NonEmptyText
    prefix: str | None = Field(default=None, description="Text right before the quote, to disambiguate repeats.")
    suffix: str | None = Field(default=None, description="Text right after the quote, to disambiguate repeats.")
    start: int | None = Field(
        default=None,
        ge=0,
        description="Optional hint: code-point offset where the quote is expected; checked first.",
    )


class Amount(_Strict):
    """A quantity, e.g. 1.4 billion USD or 3,400 engineers."""

    type: Literal["amount"] = "amount"
    amount: float
    unit: NonEmptyText
    qualifier: Literal["exactly", "over", "under", "about"] = "exactly"


class Year(_Strict):
    type: Literal["year"] = "year"
    year: int = Field(ge=-9999, le=9999)


class Ratio(_Strict):
    """A multiple of something, e.g. 'tenfold the industry average'."""

    type: Literal["ratio"] = "ratio"
    factor: float
    of: NonEmptyText


StructuredValue = Annotated[Amount | Year | Ratio, Field(discriminator="type")]


class QuoteStatus(str, Enum):
    VERIFIED = "verified"
    APPROXIMATE = "approximate"
    NOT_FOUND = "not-found"


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """Where a claim's quote stands in its source, computed at load.

    `start`/`end` are code-point offsets into the source text (None when not found);
    `actual` is what the source says there, which differs from the quote when approximate.
    """

    status: QuoteStatus
    start: int | None = None
    end: int | None = None
    actual: str | None = None
    note: str | None = None


_CHECK_SLOT = "_quote_check"


class Claim(_Strict):
    """One statement about an entity, backed by a verbatim quote from a source.

    The loader's verdict on the quote is kept in a plain slot, not a pydantic private
    attribute: private attributes make pydantic call back into Python for every claim it
    builds, which was a third of the time to load 200,000 claims. The slot holds a
    `QuoteCheck`, or just the start offset (an int) for a quote found verbatim where its
    position hint says, the common case, expanded into a `QuoteCheck` when asked.
    """

    __slots__ = (_CHECK_SLOT,)

    statement: NonEmptyText = Field(description="The claim in plain words.")
    quote: NonEmptyText | QuoteSelector = Field(description="The verbatim text that backs the claim: a string, or a TextQuoteSelector.")
    source: Slug = Field(description="Id of the source the quote comes from.")
    value: StructuredValue | None = Field(default=None, description="Optional structured value.")

    @property
    def exact(self) -> str:
        return self.quote if isinstance(self.quote, str) else self.quote.exact

    @property
    def selector(self) -> QuoteSelector:
        return QuoteSelector(exact=self.quote) if isinstance(self.quote, str) else self.quote

    @property
    def check(self) -> QuoteCheck | None:
        """Set by the loader; None only for a claim that was never loaded from a file."""
        found = getattr(self, _CHECK_SLOT, None)
        if found.__class__ is int:
            exact = self.exact
            return QuoteCheck(QuoteStatus.VERIFIED, found, found + len(exact), exact)
        return found

    def set_check(self, check: QuoteCheck | int | None) -> None:
        """Record the loader's verdict; an int means "verbatim at this code-point offset"."""
        set_claim_check(self, check)

    # The slot is not part of pydantic's state: carry it through copies and pickling.
    def __copy__(self) -> Claim:
        copied = super().__copy__()
        copied.set_check(getattr(self, _CHECK_SLOT, None))
        return copied

    def __deepcopy__(self, memo: dict[int, object] | None = None) -> Claim:
        copied = super().__deepcopy__(memo)
        copied.set_check(getattr(self, _CHECK_SLOT, None))
        return copied

    def __getstate__(self) -> dict[object, object]:
        return {**super().__getstate__(), _CHECK_SLOT: getattr(self, _CHECK_SLOT, None)}

    def __setstate__(self, state: dict[object, object]) -> None:
        state = dict(state)
        check = state.pop(_CHECK_SLOT, None)
        super().__setstate__(state)
        self.set_check(check)  # type: ignore[arg-type]


set_claim_check: Callable[[Claim, QuoteCheck | int | None], None] = Claim.__dict__[_CHECK_SLOT].__set__
"""`claim.set_check(check)` as a bare slot store, for the loader's loop over every claim."""


class Relation(_Strict):
    type: Annotated[str, StringConstraints(pattern=r"^[a-z]+(?:_[a-z]+)*$")] = Field(
        description="What the relation means, e.g. founded_by, founder_of, maker_of, made_by, variant_of."
    )
    target: Slug = Field(description="Id of the other entity.")


class Entity(_Strict):
    id: Slug
    name: NonEmptyText
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z]+(?:-[a-z]+)*$")] = Field(
        description="organization, person, product, place, event, ..."
    )
    native_name: str | None = Field(default=None, description="The name in its own script, e.g. 小米.")
    aliases: list[NonEmptyText] = Field(default_factory=list)
    summary: str = Field(default="", description="One paragraph about the entity.")
    claims: list[Claim] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


class KnowledgeBase(_Strict):
    format: Literal[1] = Field(description="Version of the evcards file format.")
    title: str | None = Field(default=None, description="A name for the knowledge base as a whole.")
    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity]

    _texts: dict[str, str] = PrivateAttr(default_factory=dict)
    _path: str | None = PrivateAttr(default=None)
    _entities_by_id: dict[str, Entity] = PrivateAttr(default_factory=dict)
    _sources_by_id: dict[str, Source] = PrivateAttr(default_factory=dict)

    def index(self) -> None:
        """Build the id lookups; the loader calls this once, after checking ids are unique."""
        self._entities_by_id = {e.id: e for e in self.entities}
        self._sources_by_id = {s.id: s for s in self.sources}

    def source_text(self, source_id: str) -> str | None:
        return self._texts.get(source_id)

    def source(self, source_id: str) -> Source | None:
        return self._sources_by_id.get(source_id)

    def entity(self, entity_id: str) -> Entity | None:
        return self._entities_by_id.get(entity_id)

    @property
    def path(self) -> str | None:
        """The file this knowledge base was loaded from."""
        return self._path

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        return (self._path or "knowledge base").rsplit("/", 1)[-1]


def json_schema() -> dict:
    """The JSON Schema of a knowledge base file, generated from the models."""
    schema = KnowledgeBase.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
