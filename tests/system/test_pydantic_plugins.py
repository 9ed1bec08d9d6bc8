"""evcards turns pydantic's plugins off (they could change how a file is validated), unless the
environment already chose which to turn off. Checked in a fresh interpreter: the switch acts
before pydantic builds its first validator."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_fresh_python

pytestmark = pytest.mark.slow

DISABLE_THEN_LOAD = """
import json, os, sys
if sys.argv[1] == "-":
    os.environ.pop("PYDANTIC_DISABLE_PLUGINS", None)
else:
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = sys.argv[1]
from evcards.kb import pydantic_plugins
pydantic_plugins.disable()
from evcards.kb.loader import load
from evcards.resources import bundled_data
from pydantic.plugin._loader import get_plugins
result = load(bundled_data())
print(json.dumps({
    "entities": len(result.knowledge_base.entities),
    "plugins": len(list(get_plugins())),
    "switch": os.environ["PYDANTIC_DISABLE_PLUGINS"],
}))
"""


def test_every_plugin_is_off_and_files_still_validate() -> None:
    report = json.loads(run_fresh_python(DISABLE_THEN_LOAD, "-"))
    assert report["switch"] == "__all__"
    assert report["plugins"] == 0
    assert report["entities"] > 0


def test_a_choice_in_the_environment_is_kept() -> None:
    report = json.loads(run_fresh_python(DISABLE_THEN_LOAD, "some_plugin"))
    assert report["switch"] == "some_plugin"
    assert report["entities"] > 0
