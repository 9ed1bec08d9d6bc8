"""A long session of Qt calls must not use up None or True (PySide6 6.12 on CPython 3.11 did).

PySide6 6.12 lost a reference to None on every void call and to True on every emit; the
process aborted after a few thousand ("none_dealloc"). pyproject.toml excludes 6.12; this
test fails if a PySide6 with that bug is installed. Run in a fresh interpreter, where None
has only a few thousand references to lose.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

MANY_QT_CALLS = r"""
import sys
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
"""


@pytest.mark.slow
def test_a_long_session_of_qt_calls_does_not_use_up_none_or_true() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", MANY_QT_CALLS], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "ok"
