"""Every script a card may hold draws and prints on a machine whose only fonts are DejaVu, and
the PDF gives each quote back to `pdftotext`.

The checks run in a child process whose fontconfig lists only DejaVu (this process may have
loaded other fonts already): the glyphs Qt actually chooses for the card, on screen and for
print, regular and italic; then the exported PDF, read with poppler's tools here.
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from evcards.kb.text_fold import verbatim_fold
from tests.conftest import run_under_dejavu_only

ROOT = Path(__file__).resolve().parents[2]  # where the child process finds tests.glyph_runs

# One quote per script; each fits on one line of the card, so that no line break falls inside it.
QUOTES = {
    "zh-Hans": "小米集团创始人雷军，鑫彧龘～",  # ～ FULLWIDTH TILDE, and hanzi outside GB2312
    "zh-Hant": "臺灣繁體中文，鬱龜",
    "ext-a": "㐀㑇䶵 in Extension A",
    "ja": "シャオミは中国の企業です〜「スマホ」",  # 〜 WAVE DASH, which shares ～'s glyph in Noto
    "ko": "샤오미는 중국의 전자 기업이다",
    "ar": "شاومي شركة صينية للإلكترونيات",  # the lam-alef ligature in للإلكترونيات
    "he": "שיאומי היא חברה סינית",
    "hi": "शाओमी स्मार्टफ़ोन बनाती है, क्षत्रिय श्री",  # conjuncts, reph, the vowel sign ि
    "th": "เสียวหมี่เป็นบริษัทจีน",  # tone marks
    "ru": "Сяоми — китайская компания",
    "el": "Η Xiaomi είναι κινεζική εταιρεία",
    "fullwidth": "ＡＢＣ１２３！（全角）",
    "zero-width": "zero\u200bwidth and soft\u00adhyphen",
    "emoji": "emoji 😀 and 😎 too",  # beyond the BMP, where Qt's text maps stop; DejaVu draws these two
    "emoji-bundled": "a car 🚗 and a test tube 🧪",  # not in DejaVu: the bundled Noto Emoji
}
NATIVE_NAME = "小米 샤오미 للإلكترونيات שיאומי क्षत्रिय เสียวหมี่"
SCRIPT_SAMPLES = {**QUOTES, "hangul-jamo": "ㄱㄴㄷ ㅏㅑ", "kana": "ひらがな カタカナ ㇰㇱ", "punctuation": "「」『』、。〈〉【】・ー"}

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
from evcards.gui.app import create_application
from evcards.card.document import build_card_document, card_font
from evcards.card.fonts import BUNDLED_FONTS
from evcards.kb.loader import load
from evcards.pdf.export import export_pdf
from tests.glyph_runs import line_layout, missing_glyphs, missing_in_document

app = create_application()
folder, samples = Path(sys.argv[1]), json.loads(sys.argv[2])
assert all("DejaVu" in f or f in {"Monospace", "Sans Serif", "Serif"} or f in BUNDLED_FONTS.values() for f in QFontDatabase.families())
missing = []

for italic in (False, True):
    font = card_font()
    font.setItalic(italic)
    for name, text in samples.items():
        missing += missing_glyphs(line_layout(text, font), text, f"{name}, {'italic' if italic else 'regular'}")

kb = load(folder / "kb.json").knowledge_base
entity = kb.entity("multi")
for for_print in (False, True):
    document = build_card_document(kb, entity, for_print=for_print)
    document.setTextWidth(900)
    found, blocks = missing_in_document(document, f"card ({'print' if for_print else 'screen'})")
    missing += found
    assert blocks > len(samples), blocks
    if not for_print:  # a screenshot, for a person to look at
        image = QImage(900, int(document.size().height()), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        document.drawContents(painter)
        painter.end()
        image.save(str(folder / "screen.png"))
export_pdf(kb, [entity], folder / "multi.pdf")
print(json.dumps(missing, ensure_ascii=False))
"""


BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """NFC, white space as one space, format characters (zero-width spaces, soft hyphens)
    dropped. pdftotext brackets a right-to-left run with bidi embeddings (U+202B ... U+202C)
    and may move the space next to it inside: they count as a space."""
    text = BIDI_CONTROLS.sub(" ", unicodedata.normalize("NFC", text))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def fold(text: str) -> str:
    """What a quote's round trip is compared on: the plain text as evcards compares a quote with
    its source, where no space stands beside a CJK character, so that the line break inside a
    wrapped Chinese or Japanese quote does not count."""
    return verbatim_fold(plain(text))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A card holding every script, checked and exported under DejaVu-only fontconfig."""
    folder = tmp_path_factory.mktemp("every-script")
    (folder / "article.txt").write_text("\n".join(QUOTES.values()) + "\n", encoding="utf-8")
    data = {
        "format": 1,
        "title": "Every script",
        "sources": [{"id": "article", "title": "Article", "text_file": "article.txt", "language": "ko"}],
        "entities": [
            {
                "id": "multi",
                "name": "Multi 多语",
                "kind": "organization",
                "native_name": NATIVE_NAME,
                "summary": "Every script.",
                "claims": [{"statement": f"Quote {key}.", "quote": quote, "source": "article"} for key, quote in QUOTES.items()],
            }
        ],
    }
    (folder / "kb.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run = run_under_dejavu_only(folder, CHILD, str(folder), json.dumps(SCRIPT_SAMPLES))
    assert run.returncode == 0, run.stderr
    assert "qt.text.font" not in run.stderr and "OpenType" not in run.stderr  # no font log line on the user's terminal
    return folder, json.loads(run.stdout)


@pytest.mark.slow
def test_every_script_draws_a_real_glyph_on_screen_and_for_print(exported: tuple[Path, list[str]]) -> None:
    folder, missing = exported
    assert missing == []
    assert (folder / "screen.png").stat().st_size > 10_000


@pytest.mark.slow
def test_the_pdf_embeds_every_font_it_uses(exported: tuple[Path, list[str]]) -> None:
    folder, _ = exported
    listing = subprocess.run(["pdffonts", str(folder / "multi.pdf")], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    names = {row[0].split("+")[-1] for row in rows}
    assert {"NotoSansCJKsc-Regular", "NotoSansArabic-Regular", "NotoSansDevanagari-Regular", "NotoSansThai-Regular"} <= names
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), listing  # embedded, subset, with a ToUnicode map


@pytest.mark.slow
@pytest.mark.parametrize("key", list(QUOTES))
def test_pdftotext_gives_every_quote_back(exported: tuple[Path, list[str]], key: str) -> None:
    folder, _ = exported
    text = subprocess.run(["pdftotext", str(folder / "multi.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert fold(QUOTES[key]) in fold(text)


@pytest.mark.slow
@pytest.mark.parametrize("word", NATIVE_NAME.split())
def test_pdftotext_gives_the_upright_name_back_word_by_word(exported: tuple[Path, list[str]], word: str) -> None:
    """The name is upright: Arabic and Hebrew from DejaVu Sans (whose contextual forms the PDF
    maps back to letters), the rest from the bundled fonts. Word by word: how two adjacent
    right-to-left words are ordered on one line is the extractor's choice."""
    folder, _ = exported
    text = subprocess.run(["pdftotext", str(folder / "multi.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert plain(word) in plain(text).split()


@pytest.mark.slow
def test_the_pdf_language_is_the_cited_sources(exported: tuple[Path, list[str]]) -> None:
    folder, _ = exported
    info = subprocess.run(["pdfinfo", str(folder / "multi.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Multi 多语$", info, re.M)
    from pypdf import PdfReader

    assert PdfReader(folder / "multi.pdf").trailer["/Root"]["/Lang"] == "ko"
