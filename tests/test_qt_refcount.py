"""PySide6 6.12 loses references to None and True on Python 3.11; evcards keeps them alive.

Run in a fresh interpreter, where None has only a few thousand references to lose.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

MANY_QT_CALLS = r'''
import sys
import evcards.gui  # what the window imports first
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Emitter(QObject):
    changed = Signal(bool)

app = QApplication([])
label = QLabel()
emitter = Emitter()
emitter.changed.connect(lambda value: None)
for i in range(100_000):
    label.setText("x")             # a void call: returns None
    label.parentWidget()           # a null pointer: returns None
    emitter.changed.emit(i % 2 == 0)  # emit returns True
print("ok")
'''


@pytest.mark.slow
def test_a_long_session_of_qt_calls_does_not_use_up_none_or_true() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", MANY_QT_CALLS], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "ok"


def test_keep_constants_alive_is_idempotent() -> None:
    from evcards.qt_refcount import SPARE_REFERENCES, keep_constants_alive

    keep_constants_alive()
    counts = [sys.getrefcount(c) for c in (None, True, False)]
    keep_constants_alive()
    after = [sys.getrefcount(c) for c in (None, True, False)]
    assert all(abs(a - b) < 1000 for a, b in zip(after, counts))  # not raised a second time
    if sys.version_info < (3, 12):  # (3.12 made them immortal itself)
        assert all(count >= SPARE_REFERENCES // 2 for count in after)
