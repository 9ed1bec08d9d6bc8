"""Anchor every evidence item's quote in its source's text, at load.

Each claim gets its entry in `LoadedKnowledgeBase` (see `ClaimChecks`), and each quote that is
not verified a `Finding`. A claim whose quote/source pair is broken (a quote without a source,
a source without a quote, or in format 1 no quote at all) is a problem: the file is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from evcards.kb.loaded import ClaimChecks, ItemCheck
from evcards.kb.model import Claim, KnowledgeBase, Quote
from evcards.kb.problems import Finding, Problem, Severity
from evcards.kb.quotes import FoldedText, QuoteStatus, SearchBudget, locate
from evcards.kb.word_cuts import WORD_BREAKS, cuts_word

ProgressCallback = Callable[[int, int], None]
PROGRESS_STEP = 2048  # entities between two progress reports
QuoteChecks = dict[str, list[ClaimChecks]]


class _Checker:
    """Checks quotes against the texts, folding each source once and only if needed."""

    def __init__(self, shown: str, texts: dict[str, str]) -> None:
        self.shown = shown
        self.texts = texts
        self.folded: dict[str, FoldedText] = {}
        self.findings: list[Problem] = []
        self.budget = SearchBudget()  # one for the whole load: see SearchBudget

    def item(self, quote: Quote, source_id: str, where: tuple[str, int, int, int, str], searched: bool = False) -> ItemCheck:
        """One quote's check: the bare offset when verbatim (see `LoadedKnowledgeBase`).
        `searched`: the caller looked for a plain string quote with `str.find` already, and
        found it nowhere or only inside a word (a second scan of the source cost 10 % of a
        multilingual load)."""
        text = self.texts[source_id]
        hint: int | None
        if quote.__class__ is str:
            exact, hint, plain = quote, None, True
        else:
            fields = quote.__dict__
            exact, hint = fields["exact"], fields["start"]
            plain = fields["prefix"] is None and fields["suffix"] is None
        if plain and not searched:  # no context to match: verbatim at the hint, else at the first occurrence
            if hint is not None and text.startswith(exact, hint) and not cuts_word(text, hint, hint + len(exact)):
                return hint
            position = text.find(exact)
            if position != -1 and not cuts_word(text, position, position + len(exact)):
                return position
        check = locate(quote, text, partial(self._folded, source_id, text), searched=plain, budget=self.budget)
        if check.status is not QuoteStatus.VERIFIED:
            entity_id, entity_index, claim_index, evidence_index, path = where
            self.findings.append(
                Finding(
                    self.shown,
                    f"entities[{entity_index}].claims[{claim_index}].{path}",
                    f"{check.status.value}: {check.note}",
                    Severity.FINDING,
                    entity_id,
                    claim_index + 1,
                    evidence_index + 1,
                    check,
                )
            )
        return check

    def _folded(self, source_id: str, text: str) -> FoldedText:
        if source_id not in self.folded:
            self.folded[source_id] = FoldedText.of(text)
        return self.folded[source_id]

    def claim(self, kb: KnowledgeBase, entity_id: str, i: int, k: int, claim: Claim) -> tuple[ClaimChecks, list[Problem]]:
        """A claim spelt the format-2 way (or with no quote): a check per evidence item."""
        place = f"entities[{i}].claims[{k}]"
        if claim.evidence and kb.format == 1:
            return (), [Problem(self.shown, f"{place}.evidence", 'evidence lists are format 2: the file must say "format": 2')]
        if claim.quote is None and claim.source is not None:
            return (), [Problem(self.shown, f"{place}.source", "'source' needs a 'quote' beside it (or use 'evidence')")]
        if claim.quote is None and not claim.evidence and kb.format == 1:
            message = 'required field is missing (format 1 claims have a quote; a claim without one needs "format": 2)'
            return (), [Problem(self.shown, f"{place}.quote", message)]
        checks: list[ItemCheck] = []
        if claim.quote is not None and claim.source is not None:
            checks.append(self.item(claim.quote, claim.source, (entity_id, i, k, 0, "quote")))
        offset = len(checks)
        for j, item in enumerate(claim.evidence):
            checks.append(self.item(item.quote, item.source, (entity_id, i, k, offset + j, f"evidence[{j}].quote")))
        return (checks[0] if len(checks) == 1 else tuple(checks)), []


def check_quotes(
    shown: str, kb: KnowledgeBase, texts: dict[str, str], progress: ProgressCallback | None
) -> tuple[QuoteChecks, list[Problem], list[Problem]]:
    """Every claim's checks by entity id, the findings, and the problems of broken claims.

    Every source quoted has a text by now (the caller checked references and read every text).
    A format-1 claim whose quote (a string, or a selector without prefix and suffix) stands
    verbatim anywhere or at its `start` hint, between characters that end words
    (`evcards.kb.word_cuts`), costs one `str.find` or `str.startswith` and two set lookups:
    that common case is inlined here and recorded as the bare offset, as 200,000 claims leave
    no time for a function call or a new object each. Everything else goes through `_Checker`.
    """
    checker = _Checker(shown, texts)
    problems: list[Problem] = []
    checks: QuoteChecks = {}
    total = sum(len(e.claims) for e in kb.entities)
    done = 0
    for i, entity in enumerate(kb.entities):
        entity_checks: list[ClaimChecks] = []
        checks[entity.id] = entity_checks
        store = entity_checks.append
        for k, claim in enumerate(entity.claims):
            quote = claim.quote
            if quote is None or claim.evidence:
                found, broken = checker.claim(kb, entity.id, i, k, claim)
                store(found)
                problems += broken
                continue
            source = claim.source
            try:
                text = texts[source]  # type: ignore[index]  # None raises KeyError: caught below
            except KeyError:  # a quote with no source beside it (every source id has a text by now)
                problems.append(Problem(shown, f"entities[{i}].claims[{k}].quote", "'quote' needs a 'source' beside it"))
                store(())
                continue
            plain = quote.__class__ is str
            if plain:  # the common cases, inlined: a string found by `str.find`...
                exact: str = quote  # type: ignore[assignment]  # a str
                position = text.find(exact)
            else:  # ... or a selector with no context, at its `start` hint
                fields = quote.__dict__
                exact, position = fields["exact"], fields["start"]
                if position is None or fields["prefix"] is not None or fields["suffix"] is not None or not text.startswith(exact, position):
                    position = -1
            if position != -1:
                end = position + len(exact)  # neighbours that end words (nearly always) need no call
                if (
                    (not position or text[position - 1] in WORD_BREAKS) and (end == len(text) or text[end] in WORD_BREAKS)
                ) or not cuts_word(text, position, end):
                    store(position)
                    continue
            store(checker.item(quote, source, (entity.id, i, k, 0, "quote"), searched=plain))  # type: ignore[arg-type]  # not None: it had a text
        done += len(entity.claims)
        if progress and (i % PROGRESS_STEP == 0):
            progress(done, total)
    return checks, checker.findings, problems
