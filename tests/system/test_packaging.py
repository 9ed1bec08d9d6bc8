"""The wheel carries the resources, and an installed evcards (not editable) finds them from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import dejavu_only_environment
from tests.pdf_helpers import all_text, font_file_missing, fonts

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_an_installed_evcards_lists_the_bundled_entities_and_draws_chinese_with_its_own_font(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(ROOT)], check=True)
    [wheel] = (tmp_path / "dist").glob("evcards-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "evcards/resources/data/xiaomi-ev.json",
        "evcards/resources/data/sources/xiaomi-ev-article.txt",
        "evcards/resources/fonts/NotoSansSC-evcards-subset.otf",
        "evcards/resources/fonts/NotoSansArabic-Regular.ttf",
        "evcards/resources/fonts/NotoSansDevanagari-Regular.ttf",
        "evcards/resources/fonts/NotoEmoji-Regular.ttf",
        "evcards/resources/fonts/glyph-text.json",
        "evcards/resources/fonts/radical-ideographs.json",
        "evcards/resources/fonts/OFL.txt",
        "evcards/resources/translations/evcards_en.qm",
        "evcards/resources/translations/evcards_zh_CN.qm",
        "evcards/resources/translations/evcards_zh_CN.ts",  # the command line reads it without Qt
    ):
        assert needed in names
    assert wheel.stat().st_size < 20_000_000  # the fonts are most of it: about 20 MB is the budget
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # A machine with only DejaVu and no display: the installed package's own font draws 小米.
    env = {**dejavu_only_environment(tmp_path), "PYTHONPATH": str(target)}

    def evcards(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "evcards", *args], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)

    listed = evcards("list")
    assert listed.returncode == 0, listed.stderr
    ids = [line.split()[0] for line in listed.stdout.splitlines()[1:]]
    assert {"xiaomi", "lei-jun", "su7", "su7-max"} <= set(ids)
    exported = evcards("export", "xiaomi", "-o", "xiaomi.pdf")
    assert exported.returncode == 0, exported.stderr
    pdf = elsewhere / "xiaomi.pdf"
    assert "Xiaomi 小米" in all_text(pdf)
    embedded = [str(font["/BaseFont"]) for font in fonts(PdfReader(pdf)) if not font_file_missing(font)]
    assert any(name.endswith("+NotoSansCJKsc-Regular") for name in embedded), embedded
