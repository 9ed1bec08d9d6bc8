"""What the window keeps of the open file while it reads the file again.

A reload used to keep the whole knowledge base until the new version was ready, so for a
moment two were alive. Python's small-object allocator then kept room for both for good: the
new version's objects fill the gaps left between the old one's, and an arena (1 MiB) goes
back to the system only once every object in it is gone. Twenty reloads grew the window by
25-30 % at size M (docs/performance.md, *Memory across reloads*).

So a reload now first lets go of the knowledge base, its filter and its search fields, and
keeps only what the reader sees: the card's laid-out document, each listed row's name, kind
and number of claims (`ListedRow`), the query and the docks as drawn. Until the new version is
in, what needs the knowledge base waits: a query typed applies to the new version, an entity
picked in the list shows its card then, and so do the card's actions (export, print, copy,
show in source) asked for meanwhile.

When the new version cannot be read (or the reload is cancelled), the file on disk has
changed already: the window loads the version it showed from the bytes it kept
(`evcards.kb.snapshot.FileSnapshot`), and then says what went wrong, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from evcards.kb.loader import LoadResult
    from evcards.kb.model import Entity
    from evcards.kb.snapshot import FileSnapshot


class ListedRow(NamedTuple):
    """What a row of the entity list shows of an entity, without the entity."""

    id: str
    name: str
    kind: str
    native_names: list[str]
    claims: range  # one number per claim: a row shows how many there are


def listed_rows(entities: Iterable[Entity]) -> list[ListedRow]:
    return [ListedRow(e.id, e.name, e.kind, e.native_names, range(len(e.claims))) for e in entities]


@dataclass
class ReloadState:
    """The open file while the window has let go of its knowledge base (`path` is then set)."""

    snapshot: FileSnapshot | None = None  # the version shown, kept from its load
    path: Path | None = None  # the file being read again, while its knowledge base is let go
    title: str = ""  # the window title's part for it
    picked: str | None = None  # an entity the reader picked meanwhile
    restoring: bool = False  # loading `snapshot` again
    failure: LoadResult | None = None  # what the load that failed said, shown once restored
    failed_reload: bool = False  # whether that load was a reload (else the reader opened another file)
    waiting: list[Callable[[], object]] = field(default_factory=list)  # actions asked for meanwhile, run once read

    @property
    def let_go(self) -> bool:
        return self.path is not None

    def restored(self) -> None:
        """The window holds a knowledge base again."""
        self.path, self.picked, self.restoring, self.failure = None, None, False, None
