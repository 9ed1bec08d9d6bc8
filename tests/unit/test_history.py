"""History: back/forward like a browser's, in plain Python."""

from __future__ import annotations

from evcards.gui.history import History


def test_empty_history_goes_nowhere() -> None:
    history = History()
    assert history.current is None
    assert not history.can_go_back() and not history.can_go_forward()
    assert history.back() is None and history.forward() is None


def test_visit_back_forward() -> None:
    history = History()
    for item in ("a", "b", "c"):
        history.visit(item)
    assert history.current == "c" and history.can_go_back() and not history.can_go_forward()
    assert history.back() == "b"
    assert history.back() == "a"
    assert not history.can_go_back()
    assert history.back() == "a"  # at the start: stays
    assert history.forward() == "b"
    assert history.forward() == "c"
    assert history.forward() == "c"  # at the end: stays


def test_visiting_the_current_entity_records_nothing() -> None:
    history = History()
    history.visit("a")
    history.visit("a")
    assert not history.can_go_back()
    history.visit("b")
    history.back()
    history.visit("a")  # the current one again: the forward entry survives
    assert history.can_go_forward() and history.forward() == "b"


def test_visit_after_back_drops_the_forward_entries() -> None:
    history = History()
    for item in ("a", "b", "c"):
        history.visit(item)
    history.back()
    history.back()
    history.visit("d")
    assert history.current == "d" and not history.can_go_forward()
    assert history.back() == "a"
    assert not history.can_go_back()


def test_forget_missing_keeps_order_and_the_current_entity() -> None:
    history = History()
    for item in ("a", "b", "c", "d"):
        history.visit(item)
    history.back()  # at c
    history.forget_missing({"a", "c", "d"})
    assert history.current == "c"
    assert history.back() == "a"
    assert history.forward() == "c"
    assert history.forward() == "d"


def test_forget_missing_keeps_the_current_entry_when_it_was_visited_before() -> None:
    history = History()
    for item in ("a", "b", "a", "c"):
        history.visit(item)
    history.back()  # at the second "a"
    history.forget_missing({"a", "b", "c"})
    assert history.current == "a" and history.forward() == "c"
    history.back()
    assert history.back() == "b"


def test_forget_missing_merges_repeats_made_adjacent() -> None:
    history = History()
    for item in ("a", "b", "a", "c"):
        history.visit(item)
    history.forget_missing({"a", "c"})
    assert history.current == "c"
    assert history.back() == "a"
    assert not history.can_go_back()  # "a", "a" became one entry


def test_forget_missing_current_moves_to_the_last_known() -> None:
    history = History()
    for item in ("a", "b", "c"):
        history.visit(item)
    history.back()  # at b
    history.forget_missing({"a", "c"})
    assert history.current == "c"
    history.forget_missing(set())
    assert history.current is None and not history.can_go_back() and not history.can_go_forward()
    history.visit("x")
    assert history.current == "x"


def test_clear() -> None:
    history = History()
    history.visit("a")
    history.visit("b")
    history.clear()
    assert history.current is None and not history.can_go_back()
