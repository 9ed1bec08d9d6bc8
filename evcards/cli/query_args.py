"""The search language on the command line: `evcards list QUERY`, `evcards export --query QUERY`.

A query that does not parse is a wrong command line: exit 2 (as argparse), with the message
and the place of the error, as the window shows it under the filter field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evcards.cli.terminal_text import say
from evcards.search.entity_filter import EntityFilter
from evcards.search.query import QueryError
from evcards.search.query_eval import QueryIndex, run_query
from evcards.translation import fill, translate

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity


def matching(kb: LoadedKnowledgeBase, query: str, command: str) -> list[Entity] | None:
    """The entities `query` matches, ranked as the window lists them; None (with the error
    printed) when it does not parse."""
    entity_filter = EntityFilter(kb.entities)
    rows = run_query(QueryIndex(entity_filter, kb), query)
    if isinstance(rows, QueryError):
        say(fill(translate("cli", "evcards %1: the query does not parse: %2"), command, rows) + f"\n  {query}\n  {' ' * rows.position}^")
        return None
    return [entity_filter.entities[row] for row in rows]
