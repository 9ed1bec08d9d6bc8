"""The cyclic garbage collector is paused while start-up and loading build objects, and always comes back."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from evcards.kb.collector import PausedCollector


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """Leave the collector on, and unfreeze if a test froze objects (which also thaws any frozen
    before: harmless here, they only come back into the collector's sight)."""
    frozen_before = gc.get_freeze_count()
    yield
    if gc.get_freeze_count() > frozen_before:
        gc.unfreeze()
    gc.enable()


def make_objects(count: int) -> list[list[int]]:
    return [[n] for n in range(count)]


def is_frozen(objects: list[list[int]]) -> bool:
    """Whether `objects` are out of the collector's sight: frozen objects are in no generation."""
    tracked = {id(o) for o in gc.get_objects()}
    return not any(id(o) in tracked for o in objects)


def test_paused_inside_the_block_and_on_again_after_it_even_on_an_error() -> None:
    with pytest.raises(RuntimeError), PausedCollector(freeze_after=None):
        assert not gc.isenabled()
        raise RuntimeError("a failed load")
    assert gc.isenabled()


def test_objects_made_in_the_pause_are_frozen_only_past_the_threshold() -> None:
    gc.collect()  # the collector's count of new objects starts from zero
    with PausedCollector(freeze_after=10_000):
        few = make_objects(100)
    assert not is_frozen(few)  # a small load: the collector sees its objects as usual
    with PausedCollector(freeze_after=10_000):
        many = make_objects(20_000)
    assert is_frozen(many)


def test_freeze_and_resume_freezes_whatever_was_made_and_resumes_once() -> None:
    paused = PausedCollector(freeze_after=None)
    kept = make_objects(100)
    paused.freeze_and_resume()
    assert gc.isenabled() and is_frozen(kept)
    gc.disable()  # someone else's pause: a second resume must not end it
    paused.resume()
    assert not gc.isenabled()


def test_a_collector_that_was_off_stays_off_and_freezes_nothing() -> None:
    gc.disable()
    frozen = gc.get_freeze_count()
    with PausedCollector(freeze_after=0) as paused:
        kept = make_objects(100)
        paused.freeze_and_resume()
    assert not gc.isenabled() and gc.get_freeze_count() == frozen and not is_frozen(kept)


def test_the_window_start_resumes_the_collector_even_if_the_window_never_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    from evcards.cli import main as cli
    from evcards.gui import app

    def fails_to_start(path: object, settings: object = None, when_shown: object = None) -> int:
        assert not gc.isenabled()  # paused for start-up
        raise RuntimeError("no display")

    monkeypatch.setattr(app, "run_app", fails_to_start)
    frozen = gc.get_freeze_count()
    with pytest.raises(RuntimeError):
        cli.main([])
    assert gc.isenabled() and gc.get_freeze_count() == frozen
