"""At 2x scaling the window draws its text at full resolution, not as a pixel-doubled picture.

A screen's scale factor is fixed when Qt starts, so the window runs in a fresh process with
QT_SCALE_FACTOR=2. A picture drawn at 1x and doubled has every aligned 2x2 block of pixels in
one colour; text drawn at 2x has glyph edges inside the blocks. The probe grabs the card and
the list and reports, for the blocks that are not plain background, how many are
not a single colour.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_fresh_python

pytestmark = pytest.mark.slow

PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from evcards.gui.app import create_application
from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings
from evcards.resources import bundled_data

def detail(pixmap):
    image = pixmap.toImage()
    background = image.pixel(0, 0)
    busy = split = 0
    for y in range(0, image.height() - 1, 2):
        for x in range(0, image.width() - 1, 2):
            block = {image.pixel(x, y), image.pixel(x + 1, y), image.pixel(x, y + 1), image.pixel(x + 1, y + 1)}
            if block != {background}:
                busy += 1
                split += len(block) > 1
    return {"ratio": pixmap.devicePixelRatio(), "width": image.width(), "busy": busy, "split": split}

app = create_application()
window = MainWindow(Settings(Path(sys.argv[1])))
window.resize(1000, 700)
window.show()
loop = QEventLoop()
window.loader.finished.connect(loop.quit)
QTimer.singleShot(30000, loop.quit)
window.open_file(bundled_data())
loop.exec()
window.go_to("lei-jun")
app.processEvents()
card = window.card.viewport()
print(json.dumps({
    "card": detail(card.grab()),
    "card_width": card.width(),
    "list": detail(window.entity_pane.list_view.viewport().grab()),
}))
"""


def test_card_and_list_are_drawn_at_twice_the_resolution(tmp_path: Path) -> None:
    out = run_fresh_python(PROBE, str(tmp_path / "settings.ini"), config_home=tmp_path, QT_SCALE_FACTOR="2")
    found = json.loads(out.strip().splitlines()[-1])
    assert found["card"]["ratio"] == 2 and found["card"]["width"] == 2 * found["card_width"]
    for part in ("card", "list"):
        blocks = found[part]
        assert blocks["busy"] > 500, f"{part}: too little drawn to judge: {blocks}"
        # Measured: about a third of the blocks at 2x, none when a 1x picture is doubled.
        assert blocks["split"] / blocks["busy"] > 0.15, f"{part} looks pixel-doubled: {blocks}"
