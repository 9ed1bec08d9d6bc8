"""What the window imports before it is shown (issue 5: start-up against bare Qt).

Each check runs in a fresh interpreter: this test process has imported everything already.
The loader, printing, the dialogs and the source view are imported where they are first used;
the model (pydantic, about 150 ms) belongs to the loading thread too, once the card and list
modules import it only for type checking.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from tests.benchmarks.bench_processes import EXIT_AFTER_SHOWN
from tests.conftest import run_fresh_python

pytestmark = pytest.mark.slow

# The modules the window imports to be shown, as `evcards` imports them.
WINDOW_IMPORTS = "import sys, evcards.cli.main, evcards.gui.app\n"


@cache  # two tests ask about the window's imports
def imported_after(code: str) -> frozenset[str]:
    """The names in sys.modules after running `code` in a fresh interpreter."""
    return frozenset(run_fresh_python(code + "print('\\n'.join(sorted(sys.modules)))\n").split())


def test_version_imports_neither_qt_nor_the_model() -> None:
    modules = imported_after("import sys\nfrom evcards.cli.main import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\n")
    assert not {m for m in modules if m.startswith(("PySide6", "pydantic", "evcards.kb.loader", "evcards.kb.model"))}


def test_window_start_up_leaves_loading_printing_and_dialogs_for_later() -> None:
    modules = imported_after(WINDOW_IMPORTS)
    later = {
        "evcards.kb.loader",  # the loading thread imports it
        "evcards.kb.quotes",
        "evcards.gui.dialogs",
        "evcards.gui.source_view",
        "evcards.pdf.export",
        "evcards.card.content",  # the first card imports it, and the model with it
        "evcards.card.document",
        "PySide6.QtPrintSupport",
        "html",  # its entity table; evcards.card.basics escapes by itself
        "dataclasses",  # PySide6 does not import it; the start-up modules use NamedTuple
    }
    assert not modules & later, modules & later


def test_window_start_up_does_not_import_pydantic() -> None:
    assert not {m for m in imported_after(WINDOW_IMPORTS) if m.startswith("pydantic")}


# PySide6 sets a class up (its Python enums: QTextCursor's take ~1 ms) the first time it is
# used. These serve rows, links and the card's text cursor, none of which the first frame has;
# the `Qt` namespace (93 enums, 20-27 ms) is read only by code that runs once the window is
# shown: widgets made before set their `Qt` properties by name (evcards.gui.enum_properties).
SET_UP_LATER = {"QtCore": ["Qt", "QUrl"], "QtGui": ["QStaticText", "QTransform", "QTextCursor"], "QtWidgets": ["QStyleOptionViewItem"]}

SHOWN_PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from evcards.gui.app import create_application
from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings

app = create_application()
window = MainWindow(Settings(sys.argv[1]))

def report():
    import PySide6
    wanted = json.loads(sys.argv[2])
    print(json.dumps(sorted(f"{m}.{c}" for m, names in wanted.items() for c in names if c in vars(getattr(PySide6, m)))))
    app.quit()

QTimer.singleShot(0, report)  # as `evcards` reports the window shown: queued before show()
window.show()
app.exec()
"""


@pytest.mark.parametrize("scheme", ["", "dark"])  # the desktop's colours, or the reader's choice
def test_the_window_is_shown_before_rows_and_links_set_their_classes_up(tmp_path: Path, scheme: str) -> None:
    from evcards.gui.app import COLOR_SCHEME

    out = run_fresh_python(
        SHOWN_PROBE, str(tmp_path / "settings.ini"), json.dumps(SET_UP_LATER), config_home=tmp_path, **{COLOR_SCHEME: scheme}
    )
    assert json.loads(out.strip().splitlines()[-1]) == []


# Counts the collector's runs from the start-up pause to its end, as `evcards` starts the window
# (EVCARDS_EXIT_AFTER_SHOWN quits once the first file is loaded). Nothing of the window is
# imported before `main` pauses the collector.
COLLECTOR_PROBE = """
import gc, json
from evcards.kb.collector import PausedCollector

runs, seen = [], {}
gc.callbacks.append(lambda phase, info: runs.append(info["generation"]) if phase == "start" else None)
pause, resume = PausedCollector.__init__, PausedCollector.freeze_and_resume

def paused(self, *args, **kwargs):
    pause(self, *args, **kwargs)
    seen.setdefault("runs_at_pause", len(runs))  # the first pause is start-up's; the loader's follow

def resumed(self):
    seen.update(runs_at_resume=len(runs), frozen_before=gc.get_freeze_count())
    resume(self)
    seen.update(enabled=gc.isenabled(), frozen_after=gc.get_freeze_count())

PausedCollector.__init__, PausedCollector.freeze_and_resume = paused, resumed
from evcards.cli.main import main
main([])
print(json.dumps(seen))
"""


def test_the_collector_is_paused_until_the_window_is_shown_then_freezes_start_up(tmp_path: Path) -> None:
    out = run_fresh_python(COLLECTOR_PROBE, config_home=tmp_path, **{EXIT_AFTER_SHOWN: "1"})
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["runs_at_resume"] == seen["runs_at_pause"]  # not one run while Qt and the window were built
    assert seen["enabled"]
    assert seen["frozen_after"] - seen["frozen_before"] > 10_000  # Qt's bindings and the window: out of its way for good
