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

from evcards.cli.plural import claims, entities, errors, findings
from evcards.cli.report import EXIT_INVALID, EXIT_OK, finding_lines, print_problems
from evcards.cli.terminal_text import say
from evcards.kb.problems import Finding
from evcards.kb.verdicts import Verdict
from evcards.translation import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.loader import LoadResult

FIRST_FINDINGS = 10  # shown without --all
KIND_WORDS = {"approximate": QT_TRANSLATE_NOOP("cli", "approximate"), "not-found": QT_TRANSLATE_NOOP("cli", "not found")}


def _claims_summary(kb: LoadedKnowledgeBase) -> str:
    """ "20 claims", or "20 claims (17 supported, 2 contested, 1 no source quote)" when not all are supported."""
    verdicts = Counter(kb.verdict(entity, k) for entity in kb.entities for k in range(len(entity.claims)))
    counted = claims(sum(verdicts.values()))
    if set(verdicts) <= {Verdict.SUPPORTED}:
        return counted
    by_verdict = translate("cli", ", ").join(f"{verdicts[verdict]} {verdict.label}" for verdict in Verdict if verdicts[verdict])
    return fill(translate("cli", "%1 (%2)"), counted, by_verdict)


def report_validation(result: LoadResult, show_all: bool = False) -> int:
    """Print what `evcards validate` says about `result`; the exit code."""
    kb = result.knowledge_base
    if kb is None or result.problems:
        print_problems(result)
        say(fill(translate("cli", "%1: not valid: %2"), result.path, errors(len(result.problems))))
        return EXIT_INVALID
    contents = fill(translate("cli", "%1, %2"), entities(len(kb.entities)), _claims_summary(kb))
    if not result.findings:
        say(fill(translate("cli", "%1: valid: %2, every quote verified"), result.path, contents), sys.stdout)
        return EXIT_OK
    kinds = Counter(f.kind if isinstance(f, Finding) else "finding" for f in result.findings)
    by_kind = translate("cli", ", ").join(f"{count} {translate('cli', KIND_WORDS.get(kind, kind))}" for kind, count in kinds.most_common())
    say(fill(translate("cli", "%1: valid, with %2 (%3): %4"), result.path, findings(len(result.findings)), by_kind, contents), sys.stdout)
    shown = result.findings if show_all else result.findings[:FIRST_FINDINGS]
    for finding in shown:
        for line in finding_lines(finding):
            say(f"  {line}", sys.stdout)
    if len(shown) < len(result.findings):
        print("  " + fill(translate("cli", "… and %1 more (run with --all to see every finding)"), len(result.findings) - len(shown)))
    return EXIT_OK
