"""Back/forward history of visited entities, like a browser's. Plain Python, tested without Qt."""

from __future__ import annotations


class History:
    """Visited entities and where we are among them. Only the reader's picks are visits:
    typing a query never changes the card, so it never records one."""

    def __init__(self) -> None:
        self._items: list[str] = []
        self._position = -1

    @property
    def entries(self) -> tuple[str, ...]:
        """The visited entities, oldest first."""
        return tuple(self._items)

    @property
    def position(self) -> int:
        """Where `current` is in `entries` (-1: nothing visited)."""
        return self._position

    @property
    def current(self) -> str | None:
        return self._items[self._position] if self._position >= 0 else None

    def visit(self, entity_id: str) -> None:
        """Record a move; visiting the current entity again records nothing."""
        if entity_id == self.current:
            return
        del self._items[self._position + 1 :]
        self._items.append(entity_id)
        self._position += 1

    def can_go_back(self) -> bool:
        return self._position > 0

    def can_go_forward(self) -> bool:
        return self._position < len(self._items) - 1

    def back(self) -> str | None:
        if self.can_go_back():
            self._position -= 1
        return self.current

    def forward(self) -> str | None:
        if self.can_go_forward():
            self._position += 1
        return self.current

    def forget_missing(self, known_ids: set[str]) -> None:
        """After a reload, drop entities that no longer exist (keeping the order of the rest).

        The current entry stays current even when the same entity was visited before; a
        repeat that the removal makes adjacent is merged. With the current entity gone, the
        last entry becomes current."""
        items: list[str] = []
        position = -1
        for i, item in enumerate(self._items):
            if item in known_ids and not (items and items[-1] == item):
                items.append(item)
            if i == self._position and item in known_ids:
                position = len(items) - 1
        self._items = items
        self._position = position if position >= 0 else len(items) - 1

    def clear(self) -> None:
        self._items, self._position = [], -1
