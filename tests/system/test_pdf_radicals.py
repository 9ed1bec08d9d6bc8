"""A PDF drawn with an installed Noto Sans CJK gives back the ideographs written, not the CJK
radicals that share their glyphs (页, not ⻚; 马斯克, not ⻢斯克), and keeps a radical the card
really holds.

The exports run in a child process whose fontconfig lists DejaVu and the system's Noto CJK
(Debian fonts-noto-cjk), then DejaVu only (the bundled subset, which has no radicals). CI
installs the package and sets EVCARDS_REQUIRE_NOTO_CJK=1, so a missing font fails there
instead of being skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_under_dejavu_only

pytestmark = pytest.mark.slow

NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# Each shares its glyph with a radical of the CJK Radicals Supplement in Noto Sans CJK SC.
SIMPLIFIED = "页马长门见鱼鸟龙"
KANGXI = "人"  # shares its glyph with ⼈ U+2F08
NAME = "马斯克"
HOUSEHOLD = "用户"  # in the SC face 户 shares ⼾ U+2F3E, whose NFKC is the Traditional 戶
RADICALS = "⻚⼈"  # typed as radicals: the card about them keeps them
TEXT = f"{NAME}说：{SIMPLIFIED}，{KANGXI}，{HOUSEHOLD}。"

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtGui import QFontDatabase
from evcards.gui.app import create_application
from evcards.kb.loader import load
from evcards.pdf.export import export_pdf

app = create_application()
folder = Path(sys.argv[1])
kb = load(folder / "kb.json").knowledge_base
for entity in kb.entities:
    export_pdf(kb, [entity], folder / f"{entity.id}.pdf")
print(json.dumps({"installed_cjk": "Noto Sans CJK JP" in QFontDatabase.families()}))  # the bundled subset is SC only
"""


def _write_kb(folder: Path) -> None:
    (folder / "article.txt").write_text(f"{TEXT}\n", encoding="utf-8")
    claim = {"statement": f"{NAME}，{SIMPLIFIED}。", "quote": TEXT, "source": "article"}
    data = {
        "format": 1,
        "title": "Radicals",
        "sources": [{"id": "article", "title": "Article", "text_file": "article.txt", "language": "zh-Hans"}],
        "entities": [
            {"id": "ideographs", "name": NAME, "kind": "person", "native_name": NAME, "summary": HOUSEHOLD, "claims": [claim]},
            {"id": "radicals", "name": "Radicals", "kind": "product", "summary": f"部首{RADICALS}"},
        ],
    }
    (folder / "kb.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _export(folder: Path, also: tuple[Path, ...]) -> dict[str, Any]:
    """Each card's PDF text as pdftotext gives it, white space dropped (it may put a space or a
    line break between Han characters); and whether the installed Noto CJK drew it ("installed_cjk")."""
    _write_kb(folder)
    run = run_under_dejavu_only(folder, CHILD, str(folder), also=also)
    assert run.returncode == 0, run.stderr
    texts = json.loads(run.stdout)
    for card in ("ideographs", "radicals"):
        text = subprocess.run(["pdftotext", str(folder / f"{card}.pdf"), "-"], capture_output=True, text=True, check=True).stdout
        texts[card] = "".join(text.split())
    return texts


@pytest.fixture(scope="module")
def noto_cjk() -> Path:
    if not NOTO_CJK.is_file():
        message = f"{NOTO_CJK} is not installed (Debian: apt-get install fonts-noto-cjk)"
        if os.environ.get("EVCARDS_REQUIRE_NOTO_CJK"):
            pytest.fail(message)
        pytest.skip(message)
    return NOTO_CJK.parent


def test_the_ideographs_drawn_with_the_installed_noto_cjk_come_back(tmp_path: Path, noto_cjk: Path) -> None:
    texts = _export(tmp_path, (noto_cjk,))
    assert texts["installed_cjk"] is True  # the installed font drew the cards, not the bundled subset
    ideographs = texts["ideographs"]
    for expected in (NAME, SIMPLIFIED, KANGXI, HOUSEHOLD, f"{NAME}说：{SIMPLIFIED}，{KANGXI}，{HOUSEHOLD}。"):
        assert expected in ideographs, ideographs
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in ideographs), ideographs
    assert f"部首{RADICALS}" in texts["radicals"], texts["radicals"]  # written as radicals, kept


def test_the_bundled_font_gives_the_same_ideographs(tmp_path: Path) -> None:
    """No radical in the bundled subset: the text was right there before, and stays so."""
    texts = _export(tmp_path, ())
    assert texts["installed_cjk"] is False
    assert f"{NAME}说：{SIMPLIFIED}，{KANGXI}，{HOUSEHOLD}。" in texts["ideographs"], texts["ideographs"]
    assert NAME in texts["ideographs"]
