"""The process that makes the first card while the window starts (`evcards.card.preview`):
it answers with the card the window itself would draw, or with nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from evcards.card.content import card_parts
from evcards.card.first_entity import most_connected
from evcards.card.parts import card_text
from evcards.card.preview import PREVIEW_MAX_BYTES, FirstCardProcess
from evcards.kb.limits import Limits
from evcards.kb.loader import load
from evcards.resources import bundled_data
from tests.conftest import outside_kb

pytestmark = pytest.mark.slow


@pytest.fixture
def child() -> Iterator[FirstCardProcess]:
    process = FirstCardProcess.start()
    assert process is not None
    yield process
    process.stop()


def test_it_sends_the_card_of_the_most_connected_entity(child: FirstCardProcess) -> None:
    assert child.request(bundled_data(), None, "en", Limits())
    preview = child.result()
    kb = load(bundled_data()).knowledge_base
    assert kb is not None and preview is not None
    hub = most_connected(kb.entities)
    assert hub is not None
    assert (preview.entity_id, preview.title) == (hub.id, hub.name)
    assert card_text(preview.parts) == card_text(card_parts(kb, hub))


@pytest.mark.parametrize("path", [bundled_data(), Path(__file__).resolve().parents[1] / "data" / "multilingual" / "kb.json"])
def test_it_says_whether_the_card_s_text_needs_shaping(child: FirstCardProcess, path: Path) -> None:
    from evcards.card.parts import parts_text
    from evcards.card.shaping import needs_shaping

    assert child.request(path, None, "en", Limits())
    preview = child.result()
    assert preview is not None
    assert preview.needs_shaping is needs_shaping(parts_text(preview.parts))


def test_it_sends_the_entity_last_viewed_in_the_file(child: FirstCardProcess) -> None:
    assert child.request(bundled_data(), "lei-jun", "en", Limits())
    preview = child.result()
    assert preview is not None and preview.title == "Lei Jun"
    assert "Claims (" in card_text(preview.parts)


def test_an_entity_the_file_no_longer_has_gives_the_most_connected_one(child: FirstCardProcess) -> None:
    assert child.request(bundled_data(), "gone", "en", Limits())
    preview = child.result()
    assert preview is not None and preview.entity_id == "xiaomi"


def test_the_card_comes_in_the_window_language(child: FirstCardProcess) -> None:
    english_child = FirstCardProcess.start()
    assert english_child is not None
    assert child.request(bundled_data(), "lei-jun", "zh_CN", Limits())
    assert english_child.request(bundled_data(), "lei-jun", "en", Limits())
    chinese, english = child.result(), english_child.result()
    assert chinese is not None and english is not None
    chinese_text, english_text = card_text(chinese.parts), card_text(english.parts)
    assert "人物" in chinese_text.splitlines()[1] and "Person" in english_text.splitlines()[1]  # the kind, translated
    assert chinese_text.splitlines()[0] == english_text.splitlines()[0] == "Lei Jun (雷军)"  # the data as written


def test_a_file_with_problems_gives_no_card(child: FirstCardProcess, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": 2, "entities": [{"id": "a", "name": "A", "kind": "company", "misspelt": 1}]}), encoding="utf-8")
    assert child.request(broken, None, "en", Limits())
    assert child.result() is None


@pytest.mark.parametrize("allowed", [False, True])
def test_sources_outside_the_folder_are_read_only_when_allowed(child: FirstCardProcess, tmp_path: Path, allowed: bool) -> None:
    assert child.request(outside_kb(tmp_path), None, "en", Limits(outside_sources=allowed))
    preview = child.result()
    assert (preview is not None) is allowed


def test_a_large_file_is_left_to_the_window(child: FirstCardProcess, tmp_path: Path) -> None:
    large = tmp_path / "large.json"
    large.write_bytes(b" " * (PREVIEW_MAX_BYTES + 1))
    assert not child.request(large, None, "en", Limits())
    assert child.result() is None


def test_a_missing_file_is_left_to_the_window(child: FirstCardProcess, tmp_path: Path) -> None:
    assert not child.request(tmp_path / "missing.json", None, "en", Limits())


def test_modules_in_the_folder_it_starts_in_are_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "json.py").write_text("open(__file__ + '.ran', 'w').close()\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # e.g. a desktop launcher starting evcards in a folder of downloads
    process = FirstCardProcess.start()
    assert process is not None
    assert process.request(bundled_data(), None, "en", Limits())
    assert process.result() is not None
    assert not (tmp_path / "json.py.ran").exists()


def test_an_answer_that_is_not_card_parts_builds_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    marker = tmp_path / "ran"
    hostile = (  # a pickle that would call os.system when loaded
        "import os, pickle, sys\n"
        "class Evil:\n"
        f"    def __reduce__(self): return (os.system, ('touch {marker}',))\n"
        "sys.stdin.readline(); sys.stdout.buffer.write(pickle.dumps(Evil()))\n"
    )
    process = FirstCardProcess(subprocess.Popen([sys.executable, "-c", hostile], stdin=subprocess.PIPE, stdout=subprocess.PIPE))
    assert process.request(bundled_data(), None, "en", Limits())
    assert process.result() is None
    assert not marker.exists()


FORKED_CHILD = """
import json, sys
from pathlib import Path
from evcards.card.preview import FirstCardProcess
from evcards.card.parts import card_text
from evcards.kb.limits import Limits

child = FirstCardProcess.fork()  # a fresh process: no thread, no Qt, as at the command's start
assert child is not None
assert child.request(Path(sys.argv[1]), sys.argv[2], "en", Limits())
preview = child.result()
print(json.dumps(None if preview is None else [preview.entity_id, card_text(preview.parts)]))
"""


def test_a_forked_child_sends_the_card_the_window_would_draw() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", FORKED_CHILD, str(bundled_data()), "lei-jun"], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert done.returncode == 0, done.stderr
    kb = load(bundled_data()).knowledge_base
    assert kb is not None
    lei_jun = kb.entity("lei-jun")
    assert lei_jun is not None
    assert json.loads(done.stdout) == ["lei-jun", card_text(card_parts(kb, lei_jun))]


FORKED_CHILD_STOPPED = """
from evcards.card.preview import FirstCardProcess

child = FirstCardProcess.fork()
assert child is not None
child.stop()  # the window closed before asking
print(child.result(), child.answered(0))
"""


def test_a_forked_child_stopped_before_it_is_asked_gives_no_card() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FORKED_CHILD_STOPPED], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "False"]


COMMAND_START = """
import atexit, gc, sys
from evcards.cli import launch

atexit.register(lambda: print("collector running:", gc.isenabled(), flush=True))
sys.argv = ["evcards", sys.argv[1]]
sys.exit(launch.main())
"""


def test_the_command_s_window_shows_the_first_card_and_collects_garbage_again(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVCARDS_EXIT_AFTER_SHOWN": "1", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", COMMAND_START, str(bundled_data())], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "evcards: first card painted" in lines and "evcards: loaded 9 entities" in lines
    assert lines[-1] == "collector running: True"  # paused while the window started, not for good


RUN_APP = """
import gc, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from evcards import start_pause
from evcards.gui.app import run_app
from evcards.gui.main_window import MainWindow

def check(window):
    if window.kb is None or not window.card.shows_card:
        QTimer.singleShot(20, lambda: check(window))
        return
    print(type(QApplication.style()).__name__, gc.isenabled(), flush=True)
    QApplication.quit()

shown = MainWindow.show
MainWindow.show = lambda window: (shown(window), QTimer.singleShot(0, lambda: check(window)))
start_pause.pause()  # as the command pauses it
sys.exit(run_app(Path(sys.argv[1])))
"""


def test_once_the_window_is_up_it_has_its_scroll_bar_style_and_collects_garbage(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", RUN_APP, str(bundled_data())], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["GrooveCachingStyle", "True"]  # installed after the first paint; the pause over
