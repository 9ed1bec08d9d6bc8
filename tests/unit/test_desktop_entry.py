"""The .desktop file's text: parsed as a desktop does, its Exec gives back the command exactly."""

from __future__ import annotations

import configparser
import re

import pytest

from evcards.cli.desktop_entry import desktop_entry_text
from evcards.translation import translated_in

_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def parse(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def exec_arguments(value: str) -> list[str]:
    """The Exec key read as the Desktop Entry Specification says: the string escapes first, then
    the arguments, split at spaces outside double quotes (where `\\` escapes `"`, `` ` ``, `$` and
    `\\`), then `%%` as `%`."""
    text = re.sub(r"\\(.)", lambda match: _STRING_ESCAPES.get(match[1], match[0]), value)
    arguments: list[str] = []
    current: list[str] | None = None
    quoted, i = False, 0
    while i < len(text):
        character = text[i]
        if quoted and character == "\\" and text[i + 1 : i + 2] in ('"', "`", "$", "\\"):
            current = [*(current or []), text[i + 1]]
            i += 1
        elif character == '"':
            quoted, current = not quoted, current or []
        elif character == " " and not quoted:
            if current is not None:
                arguments.append("".join(current))
            current = None
        else:
            current = [*(current or []), character]
        i += 1
    assert not quoted, f"an unclosed quote in {value!r}"
    if current is not None:
        arguments.append("".join(current))
    return [argument.replace("%%", "%") for argument in arguments]


@pytest.mark.parametrize(
    "command",
    [
        ["/usr/local/bin/evcards"],
        ["/opt/my apps/bin/python3", "-m", "evcards"],
        ['/home/a"b/$HOME/`id`/back\\slash/100%/python', "-m", "evcards"],
        ["/tmp/semi;colon/it's #1 (new)/~/a|b&c*d?/python", "-m", "evcards"],
        ["/tmp/line\nbreak\tand tab/python", "-m", "evcards"],
    ],
)
def test_exec_gives_back_the_command_with_the_file_code_last(command: list[str]) -> None:
    entry = parse(desktop_entry_text(command))
    assert exec_arguments(entry["Exec"]) == [*command, "%f"]
    assert re.sub(r"\\(.)", lambda match: _STRING_ESCAPES[match[1]], entry["TryExec"]) == command[0]


def test_the_entry_names_the_app_its_icon_and_its_window() -> None:
    entry = parse(desktop_entry_text(["/usr/bin/evcards"]))
    assert entry["Type"] == "Application" and entry["Name"] == "evcards" and entry["Icon"] == "evcards"
    assert entry["Terminal"] == "false" and entry["StartupWMClass"] == "evcards"
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert "MimeType" not in entry  # not offered for every JSON file: see the module's docstring


def test_the_entry_carries_the_chinese_words_too() -> None:
    entry = parse(desktop_entry_text(["/usr/bin/evcards"]))
    for key in ("GenericName", "Comment", "Keywords"):
        assert entry[f"{key}[zh_CN]"] == translated_in("zh_CN", "cli", entry[key])
        assert re.search("[\u4e00-\u9fff]", entry[f"{key}[zh_CN]"])
    assert entry["Keywords[zh_CN]"].endswith(";")
