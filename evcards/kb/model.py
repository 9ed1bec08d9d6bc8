"""The knowledge base as plain data: pydantic v2 models with no Qt import.

These models are the file format. Field names that other tools rely on are fixed
(`entities`, `name`, `quote`, `exact`); everything else is named for a reader of the JSON.
The models only describe shape and hold only what the file says: cross-references and quotes
are checked by `evcards.kb.loader`, and what loading finds out (source texts, where each quote
stands) is kept apart, in `evcards.kb.loaded.LoadedKnowledgeBase`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
    during start-up, before the window is shown. The JSON parser caches keys only
    (`cache_strings`): its cache of every short string kept strings of a dropped knowledge base
    alive, scattered over the allocator's arenas, so that its memory was never given back.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True, cache_strings="keys")


class Source(_Strict):
    """A document that claims quote from; its full text lives in a UTF-8 file beside the JSON."""

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


class Claim(_Strict):
    """One statement about an entity, backed by a verbatim quote from a source."""

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


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a knowledge base file, generated from the models."""
    schema = KnowledgeBase.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
