"""The knowledge base as plain data: pydantic v2 models with no Qt import.

These models are the file format. Field names that other tools rely on are fixed
(`entities`, `name`, `quote`, `exact`); everything else is named for a reader of the JSON.
The models only describe shape and hold only what the file says: cross-references and quotes
are checked by `evcards.kb.loader`, and what loading finds out (source texts, where each quote
stands) is kept apart, in `evcards.kb.loaded.LoadedKnowledgeBase`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator

from evcards.kb.dates import check_date, check_date_or_time
from evcards.kb.language_tags import check_language_tag
from evcards.kb.limits import (
    ALIASES_PER_ENTITY,
    CLAIMS_PER_ENTITY,
    EVIDENCE_PER_CLAIM,
    ID_CHARS,
    NAME_CHARS,
    NAMES_PER_ENTITY,
    PATH_CHARS,
    PROSE_CHARS,
    RELATIONS_PER_ENTITY,
)

FORMAT_VERSION = 2  # the format `evcards migrate` writes; format 1 files are read as they are
FORMATS = (1, 2)


ID_PATTERN = r"^[\p{L}\p{N}][\p{L}\p{M}\p{N}_.:-]*$"
# The same rule as JSON Schema validators (ECMA 262 without the 'u' flag, Python's `re`) can
# read it: ASCII exactly, and anything beyond ASCII from U+00AA on. The loader is the stricter.
ID_SCHEMA_PATTERN = r"^[0-9A-Za-z\u00aa-\uffff][-_.:0-9A-Za-z\u00aa-\uffff]*$"
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=ID_CHARS),
    Field(
        description="A stable id: letters and digits of any script, and '-', '_', '.', ':' after the first; "
        "compared after Unicode NFC normalisation (the loader normalises every id)."
    ),
]
Slug = Id  # the name format 1 gave ids
NON_EMPTY_PATTERN = r"\S"
NonEmptyText = Annotated[str, StringConstraints(min_length=1, pattern=NON_EMPTY_PATTERN)]  # not only white space
# Every string has a most length (evcards.kb.limits says why): a name, a title...; prose; a path.
Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_CHARS, pattern=NON_EMPTY_PATTERN)]
OptionalName = Annotated[str, StringConstraints(max_length=NAME_CHARS)]  # may be empty
Prose = Annotated[str, StringConstraints(min_length=1, max_length=PROSE_CHARS, pattern=NON_EMPTY_PATTERN)]
OptionalProse = Annotated[str, StringConstraints(max_length=PROSE_CHARS)]
RELATION_TYPE_PATTERN = r"^[a-z]+(?:_[a-z]+)*$"
LanguageTag = Annotated[
    str,
    BeforeValidator(check_language_tag),
    Field(description="A BCP 47 language tag, e.g. 'en', 'zh-Hans', 'pt-BR'."),
]
Stance = Literal["supports", "refutes", "partial", "context"]


class _Strict(BaseModel):
    """Unknown keys are errors: a misspelt field must not be silently ignored.

    Validators are built on first use (`defer_build`), in the loading thread rather than
    during start-up, before the window is shown. The JSON parser caches keys only
    (`cache_strings`): its cache of every short string kept strings of a dropped knowledge base
    alive, scattered over the allocator's arenas, so that its memory was never given back.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, defer_build=True, cache_strings="keys")


class Source(_Strict):
    """A document that claims quote from: its full text in a UTF-8 file beside the JSON, or inline."""

    id: Id
    title: Name | None = Field(default=None, description="The source's title; without one, cards show its file name or id.")
    text_file: Annotated[str, StringConstraints(min_length=1, max_length=PATH_CHARS, pattern=NON_EMPTY_PATTERN)] | None = Field(
        default=None, description="Path of the source's full text (UTF-8), relative to the JSON file. Give this or 'text'."
    )
    text: NonEmptyText | None = Field(
        default=None, description="The source's full text, inside the JSON (format 2). Give this or 'text_file'."
    )
    publisher: OptionalName | None = None
    author: OptionalName | None = None
    url: OptionalProse | None = Field(default=None, description="Where the source can be read (http or https).")
    published: str | None = Field(default=None, description="Publication date, ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD.")
    accessed: str | None = Field(default=None, description="When the source was read, ISO 8601: a date, or a date and time.")
    language: LanguageTag | None = Field(default=None, description="BCP 47 language tag of the text, e.g. 'en', 'zh-Hans'.")

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        return None if value is None else check_date("published", value)

    @field_validator("accessed")
    @classmethod
    def _accessed(cls, value: str | None) -> str | None:
        return None if value is None else check_date_or_time("accessed", value)

    @model_validator(mode="after")
    def _one_text(self) -> Source:
        if (self.text_file is None) == (self.text is None):
            raise ValueError("give exactly one of 'text_file' (a file beside the JSON) and 'text' (the text itself)")
        return self

    @property
    def display_title(self) -> str:
        """What a card calls the source: its title, else its text file's name, else its id."""
        if self.title:
            return self.title
        return self.text_file.replace("\\", "/").rsplit("/", 1)[-1] if self.text_file else self.id


class QuoteSelector(_Strict):
    """The W3C Web Annotation TextQuoteSelector: exact text, with optional context to pick one of repeats."""

    exact: Prose
    prefix: OptionalProse | None = Field(default=None, description="Text right before the quote, to disambiguate repeats.")
    suffix: OptionalProse | None = Field(default=None, description="Text right after the quote, to disambiguate repeats.")
    start: int | None = Field(
        default=None,
        ge=0,
        description="Optional hint: code-point offset where the quote is expected; checked first.",
    )


class Amount(_Strict):
    """A quantity, e.g. 1.4 billion USD or 3,400 engineers."""

    type: Literal["amount"] = "amount"
    amount: float
    unit: Name
    qualifier: Literal["exactly", "over", "under", "about"] = "exactly"


class Year(_Strict):
    type: Literal["year"] = "year"
    year: int = Field(ge=-9999, le=9999)


class Ratio(_Strict):
    """A multiple of something, e.g. 'tenfold the industry average'."""

    type: Literal["ratio"] = "ratio"
    factor: float
    of: Name


StructuredValue = Annotated[Amount | Year | Ratio, Field(discriminator="type")]


Quote = Prose | QuoteSelector


def _exact(quote: Quote) -> str:
    return quote if isinstance(quote, str) else quote.exact


class Evidence(_Strict):
    """One quote from one source, and what it does to the claim: supports, refutes, partly
    supports it, or only gives context."""

    source: Id = Field(description="Id of the source the quote comes from.")
    quote: Quote = Field(description="The verbatim text from the source: a string, or a TextQuoteSelector.")
    stance: Stance = Field(
        default="supports",
        description="supports, refutes, partial (supports part of the claim) or context (neither); default supports.",
    )

    @property
    def exact(self) -> str:
        return _exact(self.quote)

    @property
    def selector(self) -> QuoteSelector:
        return QuoteSelector(exact=self.quote) if isinstance(self.quote, str) else self.quote


class Claim(_Strict):
    """One statement about an entity, and the quotes from sources that bear on it.

    Format 1 gives one supporting quote as `quote` and `source`; format 2 gives `evidence`, a
    list (which may be empty: a claim with no source quote yet), and still accepts the pair.
    Read a claim's quotes through `evidence_items`, whichever way the file spells them.
    (That `quote` and `source` come together is checked by the loader: a validator here cost
    a tenth of a second on 200,000 claims.)
    """

    statement: Prose = Field(description="The claim in plain words.")
    quote: Quote | None = Field(
        default=None,
        description="Format 1 (still valid): the verbatim text that supports the claim, with 'source'; one evidence item.",
    )
    source: Id | None = Field(default=None, description="Format 1 (still valid): id of the source 'quote' comes from.")
    evidence: tuple[Evidence, ...] = Field(
        default=(),
        max_length=EVIDENCE_PER_CLAIM,
        description="The quotes that bear on the claim, each with its source and stance (format 2).",
    )
    value: StructuredValue | None = Field(default=None, description="Optional structured value.")
    date: str | None = Field(default=None, description="When the claim holds or was made, ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD.")
    section: Name | None = Field(default=None, description="The section of the source or article the claim belongs to.")

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return None if value is None else check_date("date", value)

    @property
    def evidence_items(self) -> tuple[Evidence, ...]:
        """Every quote bearing on the claim: the `quote`/`source` pair first (a supporting item),
        then `evidence`. Made on each call for a format-1 claim: keep the result if you need it twice."""
        if self.quote is None or self.source is None:  # (the loader refuses half a pair)
            return self.evidence
        pair = Evidence.model_construct(source=self.source, quote=self.quote, stance="supports")
        return (pair, *self.evidence)

    @property
    def sources(self) -> list[str]:
        """The ids of the sources the claim quotes, in order, each once."""
        ids = [] if self.source is None else [self.source]
        return list(dict.fromkeys([*ids, *(item.source for item in self.evidence)]))

    @property
    def exact(self) -> str:
        """The first evidence item's quote, "" for a claim with none."""
        items = self.evidence_items
        return items[0].exact if items else ""

    @property
    def selector(self) -> QuoteSelector | None:
        """The first evidence item's quote as a selector, None for a claim with none."""
        items = self.evidence_items
        return items[0].selector if items else None


class Relation(_Strict):
    type: Annotated[str, StringConstraints(pattern=RELATION_TYPE_PATTERN, max_length=NAME_CHARS)] = Field(
        description="What the relation means, e.g. founded_by, founder_of, maker_of, made_by, variant_of."
    )
    target: Slug = Field(description="Id of the other entity.")


class Entity(_Strict):
    id: Id
    name: Name
    kind: Name = Field(description="What the entity is, in free text: organization, person, product, place, event, ...")
    native_name: OptionalName | None = Field(default=None, description="The name in its own script, e.g. 小米.")
    names: dict[LanguageTag, Name] | None = Field(
        default=None,
        max_length=NAMES_PER_ENTITY,
        description='The name in other languages, by BCP 47 tag: {"zh-Hans": "小米", "en": "Xiaomi"} (format 2).',
    )
    aliases: list[Name] = Field(default_factory=list, max_length=ALIASES_PER_ENTITY)
    summary: OptionalProse = Field(default="", description="One paragraph about the entity.")
    claims: list[Claim] = Field(default_factory=list, max_length=CLAIMS_PER_ENTITY)
    relations: list[Relation] = Field(default_factory=list, max_length=RELATIONS_PER_ENTITY)

    @property
    def native_names(self) -> list[str]:
        """The entity's names other than `name`, for the card's title and for search:
        `native_name` first, then each of `names` that differs from the others."""
        found = [self.native_name] if self.native_name else []
        found += (self.names or {}).values()
        return [n for n in dict.fromkeys(found) if n != self.name]

    def language_of(self, name: str) -> str | None:
        """The language tag `names` gives `name`, if any (to pick the glyph forms it is drawn in)."""
        return next((tag for tag, value in (self.names or {}).items() if value == name), None)


class KnowledgeBase(_Strict):
    format: Literal[1, 2] = Field(description="Version of the evcards file format: 2 is current, 1 is still read.")
    title: OptionalName | None = Field(default=None, description="A name for the knowledge base as a whole.")
    language: LanguageTag | None = Field(
        default=None, description="BCP 47 tag of the knowledge base's own text (statements, summaries), e.g. 'en'."
    )
    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity]


def field_names() -> set[str]:
    """Every field name the format knows, to suggest the one a misspelt key meant."""
    models: tuple[type[BaseModel], ...] = (KnowledgeBase, Source, Entity, Claim, Evidence, QuoteSelector, Relation, Amount, Year, Ratio)
    return {name for model in models for name in model.model_fields}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a knowledge base file, generated from the models: format 2, which
    also accepts every format 1 file."""
    schema = KnowledgeBase.model_json_schema(mode="validation")
    _readable_patterns(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "evcards knowledge base, format 2"
    return schema


def _readable_patterns(node: object) -> None:
    """Swap the id pattern, in place, for one that every JSON Schema validator can read."""
    if isinstance(node, dict):
        if node.get("pattern") == ID_PATTERN:
            node["pattern"] = ID_SCHEMA_PATTERN
        for value in node.values():
            _readable_patterns(value)
    elif isinstance(node, list):
        for value in node:
            _readable_patterns(value)
