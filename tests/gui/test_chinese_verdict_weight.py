"""A Chinese verdict on the card ("✓ 有据支持") is as bold as the English one ("✓ Supported"), on
a machine with only DejaVu, where the Chinese comes from the bundled font, which has no bold
face: Qt must embolden it. Measured in the ink the verdict's own format draws, on screen and for print."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_under_dejavu_only

CHILD = r"""
import json
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from evcards.card.document import WORD_JOINER, build_card_document
from evcards.gui.app import create_application
from evcards.kb.loader import load
from evcards.resources import bundled_data
from evcards.translation import set_language
from evcards.translators import install_translators

app = create_application()
install_translators(app, set_language("zh_CN"))
kb = load(bundled_data()).knowledge_base
entity = kb.entity("xiaomi")


def ink(font, text):
    image = QImage(400, 80, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(10, 55, text)
    painter.end()
    return sum(255 - QColor(image.pixel(x, y)).lightness() for y in range(80) for x in range(400))


seen = {}
for for_print in (False, True):
    document = build_card_document(kb, entity, for_print=for_print)
    found = document.find(WORD_JOINER.join("有据支持"))
    assert not found.isNull(), document.toPlainText()[:400]
    verdict = found.charFormat().font().resolve(document.defaultFont())
    verdict.setPointSizeF(20)  # large enough to count the ink of each stroke
    regular = QFont(verdict)
    regular.setWeight(QFont.Weight.Normal)
    seen["print" if for_print else "screen"] = ink(verdict, "有据支持") / ink(regular, "有据支持")
print(json.dumps(seen))
"""


def test_a_chinese_verdict_is_drawn_bold_with_only_the_bundled_chinese_font(tmp_path: Path) -> None:
    run = run_under_dejavu_only(tmp_path, CHILD)
    assert run.returncode == 0, run.stderr
    ratios = json.loads(run.stdout.splitlines()[-1])
    for where, ratio in ratios.items():
        assert ratio >= 1.3, f"{where}: the verdict's strokes carry {ratio:.2f} times the ink of regular text"
