"""Qt-typed properties set by name, as the widgets made before the window shows set them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from evcards.gui.enum_properties import set_enum_properties


def test_enums_and_flags_are_set_by_their_qt_names(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    set_enum_properties(label, textFormat="PlainText", alignment="AlignRight|AlignVCenter")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"alignment": "AlignRight", "textFormat": "Plaintext"}, "QLabel.textFormat cannot be set to 'Plaintext'"),
        ({"alignment": "AlignRight", "textFromat": "PlainText"}, "QLabel has no enum property 'textFromat'"),
        ({"alignment": "AlignRight", "text": "PlainText"}, "QLabel has no enum property 'text'"),  # not a Qt enum
    ],
)
def test_a_misspelt_name_raises_and_changes_nothing(qtbot: Any, values: dict[str, str], message: str) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    with pytest.raises(ValueError, match=message):
        set_enum_properties(label, **values)
    assert label.textFormat() == Qt.TextFormat.RichText
    assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # nor the valid one before it
    assert label.text() == ""
    assert not label.dynamicPropertyNames()  # no stray property made by the misspelling
