"""`evcards validate`: errors refuse the file (exit 1); findings do not (exit 0).

An *error* stops a file from being a knowledge base: invalid JSON, a missing field, an id
nothing has. A *finding* is a quote that is not verified (approximate, or not found): the file
opens, the card marks the quote. The report counts findings by kind and shows the first ones
with their places, entity by id, claim and evidence item by number, and the JSON path.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TYPE_CHECKING

from evcards.cli.plural import counted
from evcards.cli.report import EXIT_INVALID, EXIT_OK, finding_lines, print_problems
from evcards.cli.terminal_text import say
from evcards.kb.problems import Finding
from evcards.kb.verdicts import Verdict

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.loader import LoadResult

FIRST_FINDINGS = 10  # shown without --all
KIND_WORDS = {"approximate": "approximate", "not-found": "not found"}


def _claims_summary(kb: LoadedKnowledgeBase) -> str:
    """ "20 claims", or "20 claims (17 supported, 2 contested, 1 no source quote)" when not all are supported."""
    verdicts = Counter(kb.verdict(entity, k) for entity in kb.entities for k in range(len(entity.claims)))
    claims = counted(sum(verdicts.values()), "claim")
    if set(verdicts) <= {Verdict.SUPPORTED}:
        return claims
    return f"{claims} ({', '.join(f'{verdicts[verdict]} {verdict.value}' for verdict in Verdict if verdicts[verdict])})"


def report_validation(result: LoadResult, show_all: bool = False) -> int:
    """Print what `evcards validate` says about `result`; the exit code."""
    kb = result.knowledge_base
    if kb is None or result.problems:
        print_problems(result)
        say(f"{result.path}: not valid: {counted(len(result.problems), 'error')}")
        return EXIT_INVALID
    contents = f"{counted(len(kb.entities), 'entity', 'entities')}, {_claims_summary(kb)}"
    if not result.findings:
        say(f"{result.path}: valid: {contents}, every quote verified", sys.stdout)
        return EXIT_OK
    kinds = Counter(f.kind if isinstance(f, Finding) else "finding" for f in result.findings)
    by_kind = ", ".join(f"{count} {KIND_WORDS.get(kind, kind)}" for kind, count in kinds.most_common())
    say(f"{result.path}: valid, with {counted(len(result.findings), 'finding')} ({by_kind}): {contents}", sys.stdout)
    shown = result.findings if show_all else result.findings[:FIRST_FINDINGS]
    for finding in shown:
        for line in finding_lines(finding):
            say(f"  {line}", sys.stdout)
    if len(shown) < len(result.findings):
        print(f"  … and {len(result.findings) - len(shown)} more (run with --all to see every finding)")
    return EXIT_OK
