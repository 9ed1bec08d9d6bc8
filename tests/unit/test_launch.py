"""The `evcards` command's first step (`evcards.cli.launch`): which starts open the window,
and so get the first card's process and the paused collector from the very start."""

from __future__ import annotations

import gc

import pytest

from evcards import start_pause
from evcards.cli import launch, main


@pytest.mark.parametrize(
    "argv",
    [[], ["kb.json"], ["--lang", "zh_CN"], ["kb.json", "--allow-outside-sources"], ["--data", "kb.json"], ["validate.json"]],
)
def test_starts_that_open_the_window(argv: list[str]) -> None:
    assert launch.opens_window(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "kb.json"],
        ["list"],
        ["export", "kb.json", "-o", "out.pdf"],
        ["--help"],
        ["kb.json", "-h"],
        ["--version"],
        ["--install-desktop-entry"],
    ],
)
def test_starts_that_do_not(argv: list[str]) -> None:
    assert not launch.opens_window(argv)


def test_it_knows_every_command() -> None:
    assert set(main.COMMANDS) == launch.COMMAND_NAMES


def test_the_start_pause_ends_with_resume() -> None:
    assert gc.isenabled()
    start_pause.pause()
    try:
        assert not gc.isenabled()
    finally:
        start_pause.resume()
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_is_left_paused() -> None:
    gc.disable()
    try:
        start_pause.pause()
        start_pause.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
