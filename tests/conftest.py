"""Shared fixtures. Qt runs offscreen: set before any Qt module is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English words, whatever the machine's language (the Chinese ones ask for theirs).
os.environ["LANGUAGE"] = "en"

import pytest

ARTICLE_QUOTE = "Since its inception in 2010, Xiaomi has disrupted the smartphone industry"
SOURCE_TEXT = "Xiaomi’s EV venture is Lei’s “last entrepreneurship.” " + ARTICLE_QUOTE + ". Lei Jun founded Xiaomi. Lei Jun likes phones.\n"


def minimal_kb(**overrides: Any) -> dict[str, Any]:
    """A small valid knowledge base as a dict, for tests to break in one place."""
    data: dict[str, Any] = {
        "format": 1,
        "title": "Test KB",
        "sources": [{"id": "article", "title": "An article", "text_file": "article.txt"}],
        "entities": [
            {
                "id": "xiaomi",
                "name": "Xiaomi",
                "kind": "organization",
                "native_name": "小米",
                "summary": "A company.",
                "claims": [{"statement": "Founded in 2010.", "quote": ARTICLE_QUOTE, "source": "article"}],
                "relations": [{"type": "founded_by", "target": "lei-jun"}],
            },
            {
                "id": "lei-jun",
                "name": "Lei Jun",
                "kind": "person",
                "native_name": "雷军",
                "aliases": ["Lei"],
                "claims": [{"statement": "Founded Xiaomi.", "quote": "Lei Jun founded Xiaomi", "source": "article"}],
                "relations": [{"type": "founder_of", "target": "xiaomi"}],
            },
        ],
    }
    data.update(overrides)
    return data


KbWriter = Callable[..., Path]


def run_fresh_python(code: str, *args: str, config_home: Path | None = None, **env: str) -> str:
    """Run `code` in a fresh interpreter (Qt offscreen, `env` added) and give its standard output;
    for what only a new process shows: start-up imports, a screen scale fixed at start. A child
    that starts the window gets `config_home` for its settings, never the user's."""
    import subprocess
    import sys

    if config_home is not None:
        env["XDG_CONFIG_HOME"] = str(config_home)
    run = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def dejavu_only_environment(folder: Path, also: tuple[Path, ...] = ()) -> dict[str, str]:
    """The environment of a child process whose fontconfig knows only DejaVu, the fonts of a
    fresh machine: what a user without CJK, Arabic or Indic fonts sees. No display either.
    `also`: font folders installed besides (a user who has Noto Sans CJK)."""
    assert DEJAVU.is_dir(), "the test machine needs the DejaVu fonts (fonts-dejavu-core)"
    config = folder / "fonts.conf"
    dirs = "".join(f"<dir>{path}</dir>" for path in (DEJAVU, *also))
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig>{dirs}<cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "FONTCONFIG_PATH")}
    env["FONTCONFIG_FILE"] = str(config)
    return env


def run_under_dejavu_only(folder: Path, code: str, *args: str, also: tuple[Path, ...] = ()) -> subprocess.CompletedProcess[str]:
    """Run `python -c code args...` offscreen under the DejaVu-only fontconfig (see
    `dejavu_only_environment`, and `also` the font folders besides), from the repository root
    so the child finds `tests.*`."""
    env = {**dejavu_only_environment(folder, also), "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[1]
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300, cwd=root)


def load_kb(path: Path) -> LoadedKnowledgeBase:
    """The knowledge base at `path`, as loaded, or the test fails with the loader's report."""
    from evcards.kb.loader import load

    result = load(path)
    assert result.knowledge_base is not None, result.report()
    return result.knowledge_base


def write_and_load(write_kb: KbWriter, data: dict[str, Any] | None = None, source_text: str | None = None) -> LoadedKnowledgeBase:
    path = write_kb(data) if source_text is None else write_kb(data, source_text=source_text)
    return load_kb(path)


def load_entity(write_kb: KbWriter, data: dict[str, Any], entity_id: str) -> tuple[LoadedKnowledgeBase, Entity]:
    """Write `data`, load it (failing with the loader's report) and give the knowledge base and one entity."""
    kb = write_and_load(write_kb, data)
    entity = kb.entity(entity_id)
    assert entity is not None, f"no entity {entity_id!r}"
    return kb, entity


@pytest.fixture
def write_kb(tmp_path: Path) -> KbWriter:
    """Write a knowledge base (dict or raw text/bytes) and its source text; return the JSON path."""

    def write(data: dict[str, Any] | str | bytes | None = None, name: str = "kb.json", source_text: str | None = SOURCE_TEXT) -> Path:
        if source_text is not None:
            (tmp_path / "article.txt").write_text(source_text, encoding="utf-8")
        path = tmp_path / name
        payload = minimal_kb() if data is None else data
        if isinstance(payload, bytes):
            path.write_bytes(payload)
        elif isinstance(payload, str):
            path.write_text(payload, encoding="utf-8")
        else:
            path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    return write


# --- the window ---------------------------------------------------------------------------
WINDOW_TIMEOUT_MS = 10000


@pytest.fixture
def settings(tmp_path: Path):
    """Settings in a temporary file, never the user's."""
    from evcards.gui.settings import Settings

    return Settings(tmp_path / "settings.ini")


def open_window(qtbot: Any, settings: Any, path: Path | None = None) -> Any:
    """A shown MainWindow with `path` (default: the bundled data) loaded and active."""
    from evcards.gui.main_window import MainWindow
    from evcards.resources import bundled_data

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WINDOW_TIMEOUT_MS)
    window.open_file(path or bundled_data())
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    return window


@pytest.fixture
def window(qtbot: Any, settings: Any):
    """The main window on the bundled data, with settings in a temporary file."""
    window = open_window(qtbot, settings)
    yield window
    window.close()


def outside_kb(tmp_path: Path) -> Path:
    """A knowledge base in tmp_path/kb whose source text lies in tmp_path/elsewhere: outside its folder."""
    (tmp_path / "elsewhere").mkdir(parents=True)
    (tmp_path / "elsewhere" / "article.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    (tmp_path / "kb").mkdir()
    data = minimal_kb()
    data["sources"][0]["text_file"] = "../elsewhere/article.txt"
    path = tmp_path / "kb" / "kb.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
