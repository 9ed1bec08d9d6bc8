"""The UI in Simplified Chinese and English: the translations are complete and current, and the
window, the command line and the PDF speak the chosen language."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from evcards import plural
from evcards.resources import fonts_dir, translations_dir
from evcards.translation import language_code, set_language
from tests.conftest import DEJAVU, dejavu_only_environment, open_window, run_fresh_python

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%(?:[1-9]|n)")


def _messages(ts: Path) -> Iterator[tuple[str, str, list[str], str | None]]:
    """(context, source, translations, type) of every message of a .ts file."""
    for context in ElementTree.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            yield context.findtext("name", ""), message.findtext("source", ""), forms, translation.get("type")


def test_every_message_is_translated_with_its_placeholders() -> None:
    """No unfinished or empty entry, and each translation keeps the %1, %2, %n its source fills in."""
    sources = sorted(translations_dir().glob("*.ts"))
    assert [ts.name for ts in sources] == ["evcards_en.ts", "evcards_zh_CN.ts"]
    for ts in sources:
        for context, source, forms, kind in _messages(ts):
            assert kind is None, (ts.name, context, source, kind)
            for form in forms:
                assert form.strip(), (ts.name, context, source)
                assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (ts.name, source, form)
    assert len(list(_messages(translations_dir() / "evcards_zh_CN.ts"))) > 300


def test_the_translations_are_current_with_the_code(tmp_path: Path) -> None:
    """pyside6-lupdate over the sources finds nothing new and nothing gone, and pyside6-lrelease
    gives the committed .qm bytes: run scripts/update_translations.sh after changing a word."""
    for file in translations_dir().iterdir():
        shutil.copy(file, tmp_path / file.name)
    env = {**os.environ, "EVCARDS_TS_DIR": str(tmp_path), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(["bash", "scripts/update_translations.sh"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for file in translations_dir().iterdir():
        fresh = tmp_path / file.name
        if file.suffix == ".ts":
            committed, found = ({m[:2] for m in _messages(ts)} for ts in (file, fresh))
            assert (sorted(found - committed), sorted(committed - found)) == ([], []), (
                f"{file.name}: (new, gone): run scripts/update_translations.sh"
            )
        assert fresh.read_bytes() == file.read_bytes(), f"{file.name}: run scripts/update_translations.sh"


def test_the_chinese_words_have_glyphs_on_a_machine_with_only_dejavu() -> None:
    """Every character of the Chinese UI is in DejaVu Sans or the bundled CJK face: no box."""
    from fontTools.ttLib import TTFont

    covered = set(TTFont(DEJAVU / "DejaVuSans.ttf").getBestCmap())
    covered |= set(TTFont(fonts_dir() / "NotoSansSC-evcards-subset.otf").getBestCmap())
    text = "".join(form for *_, forms, _ in _messages(translations_dir() / "evcards_zh_CN.ts") for form in forms)
    assert {c for c in text if ord(c) not in covered and c not in "\n\t"} == set()


def test_english_plural_forms_without_qt() -> None:
    assert [plural.entities(n) for n in (0, 1, 2)] == ["0 entities", "1 entity", "2 entities"]
    assert [plural.errors(n) for n in (1, 3)] == ["1 error", "3 errors"]
    assert plural.entities_shown(1, 1) == "1 of 1 entity"


@pytest.mark.parametrize(
    ("name", "code"),
    [("zh_CN.UTF-8", "zh_CN"), ("zh_TW", "zh_CN"), ("zh-Hans", "zh_CN"), ("en_GB.UTF-8", "en"), ("C", "en"), ("de_DE", None), ("", None)],
)
def test_locale_names(name: str, code: str | None) -> None:
    assert language_code(name) == code


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    """The application speaking Chinese for one test, English again after it."""
    from evcards.translators import install_translators

    install_translators(qapp, set_language("zh_CN"))
    yield
    install_translators(qapp, set_language("en"))


def test_the_window_speaks_chinese(qtbot: Any, settings: Any, chinese: None) -> None:
    from PySide6.QtWidgets import QMenu

    window = open_window(qtbot, settings)
    titles = [window.findChild(QMenu, f"menu_{name}").title() for name in ("file", "edit", "view", "help")]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert window.action_registry["open"].text() == "打开(&O)…"
    assert window.action_registry["open"].iconText() == "打开"  # the tool button: no "(O)"
    assert window.status.count_label.text() == "9/9 个实体"
    window.card.selectAll()
    card = window.card.createMimeDataFromSelection().text()  # the card as a reader copies it
    assert "声明（17）" in card and "来源" in card and "有据支持" in card
    groups = window.action_registry.shortcut_groups()
    assert [menu for menu, _ in groups] == ["文件", "编辑", "视图", "帮助"]
    assert ("Ctrl+O", "打开") in groups[0][1]
    window.close()


def _shown_window(previous: Any) -> Any:
    from PySide6.QtWidgets import QApplication

    from evcards.gui.main_window import MainWindow

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w is not previous and w.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_view_language_shows_the_window_in_it_at_once_and_is_remembered(qtbot: Any, settings: Any) -> None:
    """The same file, entity and docks, now in Chinese; English again with View > Language > English."""
    from PySide6.QtGui import QAction

    from evcards.gui.main_window import MainWindow
    from evcards.resources import bundled_data

    window = MainWindow(settings)
    window.show()
    window.open_file(bundled_data())
    qtbot.waitUntil(lambda: window.card.entity is not None)
    window.entity_pane.select_entity("lei-jun")
    window.action_registry["timeline"].trigger()
    window.entity_pane.filter_field.setText("lei")
    assert window.findChild(QAction, "action_language_system").isChecked()
    window.findChild(QAction, "action_language_zh_CN").trigger()
    chinese = _shown_window(window)
    try:
        assert settings.language == "zh_CN"
        assert chinese.menuBar().actions()[0].text() == "文件(&F)"
        assert chinese.findChild(QAction, "action_language_zh_CN").isChecked()
        qtbot.waitUntil(lambda: chinese.card.entity is not None and chinese.card.entity.id == "lei-jun")
        assert "声明（9）" in chinese.card.toPlainText() and chinese.timeline_dock.isVisible()
        qtbot.waitUntil(lambda: chinese.entity_pane.filter_field.text() == "lei")  # the filter as left
        assert chinese.entity_pane.model.rowCount() < 9
    finally:
        chinese.findChild(QAction, "action_language_en").trigger()
        english = _shown_window(chinese)
        english.close()
    assert settings.language == "en"
    assert english.menuBar().actions()[0].text() == "&File"


def _evcards(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    environment.update(QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(
        [sys.executable, "-m", "evcards", *args], capture_output=True, text=True, encoding="utf-8", env=environment, timeout=300
    )


def test_validate_speaks_the_chosen_language() -> None:
    chinese = _evcards("--lang", "zh_CN", "validate")
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.endswith("：有效：9 个实体，39 条声明，所有引文均已核实\n")
    assert _evcards("validate", LANG="zh_CN.UTF-8").stdout == chinese.stdout  # the system's language
    english = _evcards("validate", "--lang", "en", LANG="zh_CN.UTF-8")
    assert english.stdout.endswith(": valid: 9 entities, 39 claims, every quote verified\n")
    wrong = _evcards("--lang", "fr", "validate")
    assert wrong.returncode == 2 and "--lang takes zh_CN or en, not 'fr'" in wrong.stderr


def test_validate_in_chinese_imports_no_qt() -> None:
    code = "import sys; from evcards.cli.main import main; main(sys.argv[1:]); print(sorted(m for m in sys.modules if 'PySide6' in m))"
    assert run_fresh_python(code, "--lang", "zh_CN", "validate").splitlines()[-1] == "[]"


def test_the_pdf_speaks_chinese(tmp_path: Path) -> None:
    """On a machine with only DejaVu: the bundled CJK face draws the labels (and maps them back to text)."""
    target = tmp_path / "xiaomi.pdf"
    run = _evcards(
        "export", "xiaomi", "-o", str(target), LANG="zh_CN.UTF-8", FONTCONFIG_FILE=dejavu_only_environment(tmp_path)["FONTCONFIG_FILE"]
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("已写入 ")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "来源" in text and "声明（17）" in text and "有据支持" in text and "第 1 页，共" in text


def test_a_translation_reads_without_qt_in_the_chosen_language() -> None:
    code = (
        "from evcards.translation import set_language, translate; from evcards import plural\n"
        "print(translate('Verdict', 'supported'), plural.claims(2), set_language('zh_CN'), translate('Verdict', 'supported'), plural.claims(2))"
    )
    assert run_fresh_python(code).split() == ["supported", "2", "claims", "zh_CN", "有据支持", "2", "条声明"]


def test_the_graph_names_kinds_in_chinese(qtbot: Any, settings: Any, chinese: None) -> None:
    """A node's kind reads as the card and list show it, not as the raw English data word."""
    from PySide6.QtWidgets import QGraphicsView

    window = open_window(qtbot, settings)
    window.action_registry["graph_pane"].trigger()
    view = window.findChild(QGraphicsView, "graph_view")
    qtbot.waitUntil(lambda: len(view.scene().items()) > 2)
    tips = [item.toolTip() for item in view.scene().items() if item.toolTip()]
    assert any("(组织)" in tip for tip in tips), tips
    assert not any("(organization)" in tip for tip in tips)
