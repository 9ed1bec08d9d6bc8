"""The window counts in English words: "1 claim", "2 claims", never "1 claim(s)"."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evcards.gui import counts
from evcards.resources import translations_dir

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (counts.claims, ["0 claims", "1 claim", "2 claims"]),
        (counts.quotes, ["0 quotes", "1 quote", "2 quotes"]),
        (counts.problems, ["0 problems", "1 problem", "2 problems"]),
        (counts.cards, ["0 cards", "1 card", "2 cards"]),
        (counts.pages, ["0 pages", "1 page", "2 pages"]),
    ],
)
def test_each_noun_agrees_with_its_count(count: object, words: list[str]) -> None:
    assert [count(n) for n in (0, 1, 2)] == words  # type: ignore[operator]


def test_the_list_count_agrees_with_the_total() -> None:
    assert counts.entities_shown(1, 1) == "1 of 1 entity"
    assert counts.entities_shown(0, 2) == "0 of 2 entities"
    assert counts.entities_shown(12345, 100000) == "12345 of 100000 entities"


def test_the_shipped_translations_are_compiled_from_their_sources(tmp_path: Path) -> None:
    """Editing a .ts file without running scripts/update_translations.sh would ship old words."""
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    lrelease = str(beside_python) if beside_python.exists() else shutil.which("pyside6-lrelease")
    assert lrelease is not None, "pyside6-lrelease comes with PySide6"
    for source in translations_dir().glob("*.ts"):
        fresh = tmp_path / source.with_suffix(".qm").name
        subprocess.run([lrelease, "-silent", str(source), "-qm", str(fresh)], check=True)
        assert fresh.read_bytes() == source.with_suffix(".qm").read_bytes(), source.name
