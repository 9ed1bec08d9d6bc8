"""Issue 15's "done when", on the multilingual fixture (tests/data/multilingual) and on a machine
with only DejaVu: the format-2 knowledge base validates with findings only, every card exports
into one PDF whose fonts are all embedded, every quote on the cards comes back from
`pdftotext`, and no character of the cards draws as a box on screen."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from evcards.kb.text_fold import verbatim_fold
from tests.conftest import dejavu_only_environment, load_kb, run_under_dejavu_only

ROOT = Path(__file__).resolve().parents[2]  # where the child process finds tests.glyph_runs
FIXTURE = ROOT / "tests" / "data" / "multilingual"
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _plain(text: str) -> str:
    """NFC, format characters (zero-width space, soft hyphen) dropped, bidi embeddings that
    pdftotext puts around right-to-left runs as spaces, white space as one space."""
    text = BIDI_CONTROLS.sub(" ", unicodedata.normalize("NFC", text))
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cf").split())


def _evcards(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evcards", *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("multilingual")
    shutil.copytree(FIXTURE, folder / "kb")
    env = {**dejavu_only_environment(folder), "QT_QPA_PLATFORM": "offscreen"}
    run = _evcards("export", "--all", "--single", "--data", str(folder / "kb" / "kb.json"), "-o", str(folder / "all.pdf"), env=env)
    assert run.returncode == 0, run.stderr
    text = subprocess.run(["pdftotext", str(folder / "all.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    return folder, text


def test_the_fixture_validates_with_findings_only(tmp_path: Path) -> None:
    run = _evcards("validate", str(FIXTURE / "kb.json"), env=dejavu_only_environment(tmp_path))
    assert run.returncode == 0, run.stderr
    assert "valid, with 5 findings (3 approximate, 2 not found)" in run.stdout


@pytest.mark.slow
def test_every_font_in_the_pdf_is_embedded_with_a_text_map(exported: tuple[Path, str]) -> None:
    folder, _ = exported
    listing = subprocess.run(["pdffonts", str(folder / "all.pdf")], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert rows and all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), listing


def _quotes() -> list[str]:
    kb = load_kb(FIXTURE / "kb.json")
    return [item.exact for entity in kb.entities for index in range(len(entity.claims)) for item, _ in kb.evidence(entity, index)]


@pytest.mark.slow
@pytest.mark.parametrize("quote", _quotes())
def test_every_quote_comes_back_from_pdftotext(exported: tuple[Path, str], quote: str) -> None:
    """Compared as evcards compares a quote with its source (no space counts beside a CJK
    character, so a line break inside a wrapped Chinese quote is no difference). A quote in a
    right-to-left script that holds digits comes back word by word: where pdftotext puts the
    number of a right-to-left line is its own choice."""
    _, text = exported
    if RIGHT_TO_LEFT.search(quote) and re.search(r"\d", quote):
        words = set(_plain(text).replace("”", " ").replace("“", " ").split())
        assert set(_plain(quote).split()) <= words
    else:
        assert verbatim_fold(_plain(quote)) in verbatim_fold(_plain(text))


SCREEN_CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtGui import QColor, QImage, QPainter
from evcards.gui.app import create_application
from evcards.card.document import build_card_document, card_font
from evcards.kb.loader import load
from tests.glyph_runs import line_layout, missing_glyphs, missing_in_document

app = create_application()
folder = Path(sys.argv[1])
kb = load(folder / "kb" / "kb.json").knowledge_base
missing = []
for entity in kb.entities:
    document = build_card_document(kb, entity)
    document.setTextWidth(700)
    missing += missing_in_document(document, f"card {entity.id}")[0]
    if entity.id == "su7":  # a screenshot, for a person to look at
        image = QImage(700, int(document.size().height()), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        document.drawContents(painter)
        painter.end()
        image.save(str(folder / "su7.png"))
for italic in (False, True):
    font = card_font()
    font.setItalic(italic)
    for text in json.loads(sys.argv[2]):
        missing += missing_glyphs(line_layout(text, font), text, "italic" if italic else "regular")
print(json.dumps(missing, ensure_ascii=False))
"""


def test_no_character_of_the_cards_draws_as_a_box(tmp_path: Path) -> None:
    """Every card of the fixture on screen, and each quote with an emoji beyond DejaVu (🚗) in
    the card's font, regular and italic: each character in a font that has it."""
    shutil.copytree(FIXTURE, tmp_path / "kb")
    emoji_quotes = [quote for quote in _quotes() if re.search("[\U0001f000-\U0001ffff]", quote)]
    assert emoji_quotes
    run = run_under_dejavu_only(tmp_path, SCREEN_CHILD, str(tmp_path), json.dumps(emoji_quotes))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []
    assert (tmp_path / "su7.png").stat().st_size > 10_000
