"""The search language of the filter field, `evcards list QUERY` and `evcards export --query`.

    query   := either EOF
    either  := all ("OR" all)*
    all     := unary+                       (implicit AND)
    unary   := "-" atom | atom
    atom    := "(" either ")" | '"' phrase '"' | FIELD ":" value | word

A hand-written recursive descent (docs/architecture.md says why not lark): the grammar is
five rules, every error must carry the place it is at, and a query is parsed on each key press.
`parse` never raises: it returns a `Query` or a `QueryError` (a message and a position).

A query made only of words, with no quote, parenthesis, `OR`, leading `-` or known field, is
*plain* (`Query.plain`): the window and the CLI then run today's filter on the whole text, so
"lei jun" still matches the substring "lei jun" and ranks as it always did.
"""

from __future__ import annotations

from dataclasses import dataclass

from evcards.kb.dates import DATE_FORMS, is_date
from evcards.search.folding import fold_for_search

__all__ = [
    "FIELDS",
    "HAS_VALUES",
    "All",
    "Either",
    "Not",
    "Query",
    "QueryError",
    "Term",
    "parse",
    "positive_text_terms",
]

FIELDS = ("kind", "name", "alias", "claim", "quote", "source", "rel", "date", "has")
HAS_VALUES = ("approximate", "notfound", "noquote", "refutes", "relations")
TEXT_KINDS = ("word", "phrase", "name", "alias", "claim", "quote")
"""Terms matched as folded text (substrings), whose values the card's marks can show."""


@dataclass(frozen=True, slots=True)
class Term:
    """One leaf: a word, a phrase or a field. `kind` is "word", "phrase" or the field's name;
    `value` is folded (for `date`, the range's ends are `low`/`high`, "" when open)."""

    kind: str
    value: str
    start: int
    end: int
    low: str = ""
    high: str = ""


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class All:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Either:
    items: tuple[Node, ...]


Node = Term | Not | All | Either


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query. `plain`: words only, searched as today's filter searches the whole text."""

    text: str
    node: Node | None  # None for an empty query: everything
    plain: bool


@dataclass(frozen=True, slots=True)
class QueryError:
    """Why a query does not parse: `position` is a code-point offset into the query."""

    message: str
    position: int

    def __str__(self) -> str:
        return f"{self.message} (at character {self.position + 1})"


class _Failed(Exception):
    """Internal: unwinds the descent; `parse` turns it into a `QueryError`."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.error = QueryError(message, position)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "(", ")", "-", "OR", "phrase", "word"
    text: str
    start: int
    end: int


_BREAKS = frozenset('()"')


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token(ch, ch, i, i + 1))
            i += 1
        elif ch == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise _Failed('this quote is not closed: add a " after the phrase', i)
            tokens.append(_Token("phrase", text[i + 1 : close], i, close + 1))
            i = close + 1
        elif ch == "-" and i + 1 < n and not text[i + 1].isspace() and text[i + 1] not in "-)":
            tokens.append(_Token("-", ch, i, i + 1))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in _BREAKS:
                j += 1
            if j < n and text[j] == '"' and text[i:j].endswith(":") and text[i : j - 1].lower() in FIELDS:
                close = text.find('"', j + 1)  # name:"Lei Jun": a field with a phrase for value
                if close < 0:
                    raise _Failed('this quote is not closed: add a " after the phrase', j)
                tokens.append(_Token("word", text[i:j] + text[j + 1 : close], i, close + 1))
                i = close + 1
                continue
            word = text[i:j]
            tokens.append(_Token("OR" if word == "OR" else "word", word, i, j))
            i = j
    return tokens


def _field_of(word: str) -> tuple[str, str] | None:
    name, colon, value = word.partition(":")
    return (name.lower(), value) if colon and name.lower() in FIELDS else None


def _date_term(value: str, start: int, end: int) -> Term:
    low, dots, high = value.partition("..")
    if not dots:
        high = low
    for part in (low, high):
        if part and not is_date(part):
            raise _Failed(f"date:{value} is not a date or a range: write {DATE_FORMS}, e.g. date:2019..2021 or date:..2020", start)
    if not low and not high:
        raise _Failed("date: needs a year or a range, e.g. date:2020 or date:2019..2021", start)
    if low and high and high[: len(low)] < low[: len(high)]:
        raise _Failed(f"date:{value} ends before it starts", start)
    return Term("date", value, start, end, low, high)


def _term(token: _Token) -> Term:
    if token.kind == "phrase":
        folded = fold_for_search(token.text).strip()
        if not folded:
            raise _Failed("this phrase is empty: put words between the quotes", token.start)
        return Term("phrase", folded, token.start, token.end)
    field = _field_of(token.text)
    if field is None:
        return Term("word", fold_for_search(token.text), token.start, token.end)
    name, value = field
    if not value.strip():
        example = {"has": "has:approximate", "date": "date:2020", "kind": "kind:person"}.get(name, f"{name}:xiaomi")
        raise _Failed(f"{name}: needs a value, e.g. {example}", token.start)
    if name == "date":
        return _date_term(value, token.start, token.end)
    if name == "has" and value.lower() not in HAS_VALUES:
        raise _Failed(f"has:{value} is not known: write has:" + ", has:".join(HAS_VALUES), token.start)
    return Term(name, fold_for_search(value).strip(), token.start, token.end)


class _Parser:
    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self._text = text
        self._tokens = tokens
        self._at = 0

    def _peek(self) -> _Token | None:
        return self._tokens[self._at] if self._at < len(self._tokens) else None

    def _end(self) -> int:
        return len(self._text)

    def either(self) -> Node:
        items = [self.all()]
        while (token := self._peek()) is not None and token.kind == "OR":
            self._at += 1
            if (after := self._peek()) is None or after.kind in (")", "OR"):
                raise _Failed("OR needs a term after it", token.start)
            items.append(self.all())
        return items[0] if len(items) == 1 else Either(tuple(items))

    def all(self) -> Node:
        items: list[Node] = []
        while (token := self._peek()) is not None and token.kind not in (")", "OR"):
            items.append(self.unary())
        if not items:
            token = self._peek()
            if token is None:
                raise _Failed("the query ends where a term was expected", self._end())
            if token.kind == "OR":
                raise _Failed("OR needs a term before it", token.start)
            raise _Failed("expected a term here", token.start)
        return items[0] if len(items) == 1 else All(tuple(items))

    def unary(self) -> Node:
        token = self._peek()
        assert token is not None
        if token.kind == "-":
            self._at += 1
            after = self._peek()
            if after is None or after.kind in (")", "OR", "-"):
                raise _Failed("- needs a term right after it, e.g. -kind:person", token.start)
            return Not(self.atom())
        return self.atom()

    def atom(self) -> Node:
        token = self._peek()
        assert token is not None
        self._at += 1
        if token.kind == "(":
            after = self._peek()
            if after is None:
                raise _Failed("this parenthesis is not closed: add a )", token.start)
            if after.kind == ")":
                raise _Failed("these parentheses are empty", token.start)
            inner = self.either()
            close = self._peek()
            if close is None or close.kind != ")":
                raise _Failed("this parenthesis is not closed: add a )", token.start)
            self._at += 1
            return inner
        return _term(token)

    def query(self) -> Node:
        node = self.either()
        extra = self._peek()
        if extra is not None:  # only a ")" stops `either` early
            raise _Failed("this ) has no ( before it", extra.start)
        return node


def parse(text: str) -> Query | QueryError:
    """`text` as a query, or why it is not one. Never raises."""
    try:
        tokens = _tokens(text)
        plain = all(token.kind == "word" and _field_of(token.text) is None for token in tokens)
        if plain:
            return Query(text, All(tuple(_term(t) for t in tokens)) if tokens else None, True)
        return Query(text, _Parser(text, tokens).query(), False)
    except _Failed as failed:
        return failed.error
    except RecursionError:  # thousands of nested parentheses
        return QueryError("too many parentheses inside each other", 0)


def positive_text_terms(node: Node | None) -> list[str]:
    """The folded words and phrases a match can show (not under a `-`): what the card marks."""
    if node is None or isinstance(node, Not):
        return []
    if isinstance(node, Term):
        return [node.value] if node.kind in TEXT_KINDS and node.value else []
    return [value for item in node.items for value in positive_text_terms(item)]
