"""Which fonts draw what: the fallback families for a language, and installed fonts before bundled ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from evcards.card.fonts import cjk_forms
from evcards.resources import fonts_dir
from tests.conftest import DEJAVU, dejavu_only_environment


@pytest.mark.parametrize(
    ("tag", "forms"),
    [
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-Hans", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-hk", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
        ("zh-Hant-CN", "zh-Hant"),
        ("yue", "zh-Hant"),
        ("ja", "ja"),
        ("ja-JP", "ja"),
        ("ko-KR", "ko"),
        ("en", None),
        ("", None),
        (None, None),
    ],
)
def test_a_language_tag_names_the_cjk_forms_it_is_written_in(tag: str | None, forms: str | None) -> None:
    assert cjk_forms(tag) == forms


CHILD = r"""
import json
from PySide6.QtGui import QFontDatabase
from evcards.gui.app import create_application
from evcards.card.fonts import families_for_language

app = create_application()
registered = sorted({f for i in range(16) for f in QFontDatabase.applicationFontFamilies(i)})
cjk = {tag: [f for f in families_for_language(tag) if "CJK" in f] for tag in ("", "zh-Hans", "ja", "ko")}
print(json.dumps({"registered": registered, "cjk": cjk, "app": [f for f in app.font().families() if "CJK" in f]}))
"""


def _fonts_seen(tmp_path: Path, installed: dict[str, str]) -> dict:
    """What a child process sees with DejaVu and fonts of the `installed` families (file -> family)."""
    env = {**dejavu_only_environment(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    if installed:
        folder = tmp_path / "installed"
        folder.mkdir()
        for file_name, family in installed.items():
            font = TTFont(fonts_dir() / "NotoSansHebrew-Regular.ttf")  # small; only the names matter here
            for record in font["name"].names:
                if record.nameID in (1, 4, 16):
                    record.string = family
                elif record.nameID == 6:
                    record.string = family.replace(" ", "")
            font.save(folder / file_name)
        config = Path(env["FONTCONFIG_FILE"])
        config.write_text(config.read_text(encoding="utf-8").replace(f"<dir>{DEJAVU}</dir>", f"<dir>{DEJAVU}</dir><dir>{folder}</dir>"))
    run = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.slow
def test_with_only_dejavu_the_bundled_subset_draws_every_cjk_language(tmp_path: Path) -> None:
    seen = _fonts_seen(tmp_path, {})
    assert "Noto Sans CJK SC" in seen["registered"]
    assert seen["cjk"] == {tag: ["Noto Sans CJK SC"] for tag in ("", "zh-Hans", "ja", "ko")}
    assert seen["app"] == ["Noto Sans CJK SC"]


@pytest.mark.slow
def test_installed_cjk_fonts_come_first_and_the_language_picks_their_forms(tmp_path: Path) -> None:
    seen = _fonts_seen(tmp_path, {"sc.ttf": "Noto Sans CJK SC", "jp.ttf": "Noto Sans CJK JP"})
    assert "Noto Sans CJK SC" not in seen["registered"]  # the installed full font is not hidden by the subset
    assert seen["cjk"] == {
        "": ["Noto Sans CJK SC", "Noto Sans CJK JP"],
        "zh-Hans": ["Noto Sans CJK SC", "Noto Sans CJK JP"],
        "ja": ["Noto Sans CJK JP", "Noto Sans CJK SC"],
        "ko": ["Noto Sans CJK SC", "Noto Sans CJK JP"],
    }


@pytest.mark.slow
def test_a_language_picks_the_bundled_subset_before_an_installed_font_of_other_forms(tmp_path: Path) -> None:
    seen = _fonts_seen(tmp_path, {"jp.ttf": "Noto Sans CJK JP"})
    assert "Noto Sans CJK SC" in seen["registered"]
    assert seen["cjk"]["zh-Hans"] == ["Noto Sans CJK SC", "Noto Sans CJK JP"]  # Chinese text keeps Chinese forms
    assert seen["cjk"]["ja"] == ["Noto Sans CJK JP", "Noto Sans CJK SC"]
    assert seen["cjk"][""] == ["Noto Sans CJK JP", "Noto Sans CJK SC"]  # no language: what is installed first
