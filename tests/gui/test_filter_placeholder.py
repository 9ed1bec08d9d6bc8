"""The filter field's hint shows whole at the window's first size, in English and Chinese, on
a machine with only DejaVu (Chinese from the bundled font); the full hint is its tooltip."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_under_dejavu_only

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QStyle
from evcards.gui.app import create_application
from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings
from evcards.translation import set_language
from evcards.translators import install_translators

app = create_application()
seen = {}
for language in ("en", "zh_CN"):
    install_translators(app, set_language(language))
    window = MainWindow(Settings(Path(sys.argv[1]) / f"{language}.ini"))
    window.show()
    app.processEvents()
    field = window.entity_pane.filter_field
    frame = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    # Room for the text: the field less its frame, Qt's 2 px text margins and the clear button (as wide as the field is high).
    room = field.width() - 2 * frame - 2 * 2 - field.height()
    seen[language] = {"hint": field.placeholderText(), "width": field.fontMetrics().horizontalAdvance(field.placeholderText()), "room": room, "tooltip": field.toolTip()}
    window.close()
print(json.dumps(seen))
"""


def test_the_filter_hint_shows_whole_in_english_and_chinese_with_the_full_hint_as_tooltip(tmp_path: Path) -> None:
    run = run_under_dejavu_only(tmp_path, CHILD, str(tmp_path))
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.splitlines()[-1])
    assert seen["en"]["hint"].startswith("Filter by name") and "筛选" in seen["zh_CN"]["hint"]
    for language, field in seen.items():
        assert field["width"] <= field["room"], f"{language}: {field['hint']!r} is {field['width']} px in {field['room']} px"
        assert "Shift+F1" in field["tooltip"] and "kind:" in field["tooltip"]
