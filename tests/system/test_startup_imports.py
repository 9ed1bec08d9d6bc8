"""Commands that need no window import no Qt: they work on a machine without a display or
Qt's platform libraries. Checked in a fresh interpreter (this one has imported everything)."""

from __future__ import annotations

import pytest

from tests.conftest import run_fresh_python

pytestmark = pytest.mark.slow

RUN_AND_LIST_MODULES = """
import contextlib, io, sys
from evcards.cli.main import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print("\\n".join(sorted(sys.modules)))
"""


@pytest.mark.parametrize("command", [["--version"], ["validate"], ["list"], ["schema"]])
def test_commands_without_a_window_import_no_qt(command: list[str]) -> None:
    modules = run_fresh_python(RUN_AND_LIST_MODULES, *command).split()
    assert "evcards.cli.main" in modules
    assert not [m for m in modules if m.startswith("PySide6")]
