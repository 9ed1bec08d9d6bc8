"""What `evcards --install-desktop-entry` writes, and where: the text of the .desktop file and
the XDG paths of it and of the icon, and the two flags. No Qt and no writing here, so the text
is testable alone and the window's start (whose parser has the flags) pays for little.

The names follow the specifications the desktops read:
- Desktop Entry Specification (version 1.4, the newest desktop-file-validate 0.26 knows):
  `$XDG_DATA_HOME/applications/evcards.desktop`. Its file name is the app's id: the window
  calls `setDesktopFileName("evcards")` (Wayland's app id) and Qt sets the X11 WM_CLASS class
  to the application name "evcards", so `StartupWMClass=evcards` lets the dock group the
  window under this entry.
- Icon Theme Specification: `$XDG_DATA_HOME/icons/hicolor/scalable/apps/evcards.svg` and a PNG
  per size in `hicolor/NxN/apps/evcards.png` (for the desktops and toolkits that draw no SVG).
- Base Directory Specification: `$XDG_DATA_HOME`, when set to an absolute path, else
  `~/.local/share` (a relative value is invalid and ignored, as the specification says).

No `MimeType=`: evcards opens one kind of JSON file, and `application/json` would put it in
"Open With" for every JSON file (and some desktops make the latest such entry the default).
`%f` still lets a file be dropped on the launcher or opened with "Open With > Other".
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from evcards.translation import LANGUAGES, QT_TRANSLATE_NOOP, translate, translated_in

if TYPE_CHECKING:
    import argparse

INSTALL, UNINSTALL = "--install-desktop-entry", "--uninstall-desktop-entry"
APP_ID = "evcards"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
# The key that marks a .desktop file as written by evcards: uninstalling removes only such a file.
MARKER_KEY = "X-Evcards-Installed-By"
MARKER = f"{MARKER_KEY}=evcards --install-desktop-entry"

GENERIC_NAME = QT_TRANSLATE_NOOP("cli", "Knowledge Card Viewer")
COMMENT = QT_TRANSLATE_NOOP("cli", "Browse knowledge cards whose every quote is checked against its source text.")
# A list: the translation keeps the semicolons, one after each word.
KEYWORDS = QT_TRANSLATE_NOOP("cli", "knowledge;cards;quotes;citations;sources;evidence;")

# The Exec key's reserved characters: an argument holding one is quoted.
_RESERVED = re.compile("[ \t\n\"'\\\\><~|&;$*?#()`]")
_ESCAPED_IN_QUOTES = re.compile('(["`$\\\\])')
# A script pip (distlib) writes for an interpreter whose path holds a space: /bin/sh runs it.
_SH_LAUNCHER = re.compile(r"""'''exec' "(?P<python>[^"]+)" "\$0" "\$@\"""")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The two flags, on the window's parser. Here, not beside the install, which imports more
    than a start of the window should pay for."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        INSTALL,
        action="store_true",
        help=translate("cli", "add evcards and its icon to your desktop's application menu ($XDG_DATA_HOME, else ~/.local/share)"),
    )
    group.add_argument(UNINSTALL, action="store_true", help=translate("cli", "remove what --install-desktop-entry wrote, and nothing else"))


def asked(args: argparse.Namespace) -> bool:
    """Whether the command line asks to install or remove the desktop entry."""
    return bool(args.install_desktop_entry or args.uninstall_desktop_entry)


def data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path, else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def desktop_file(base: Path) -> Path:
    return base / "applications" / f"{APP_ID}.desktop"


def svg_icon(base: Path) -> Path:
    return base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def png_icon(base: Path, size: int) -> Path:
    return base / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def icon_files(base: Path) -> list[Path]:
    """Every icon file the install writes, the SVG first."""
    return [svg_icon(base), *(png_icon(base, size) for size in PNG_SIZES)]


def _script_interpreter(script: Path) -> str | None:
    """The Python a console script runs (its `#!` line, or the line pip writes after `#!/bin/sh`
    for a path with spaces); None when it is not such a script."""
    try:
        with open(script, "rb") as file:
            head = file.read(4096).decode("utf-8", "surrogateescape").splitlines()
    except OSError:
        return None
    if not head or not head[0].startswith("#!"):
        return None
    if head[0].strip() == "#!/bin/sh" and len(head) > 1 and (match := _SH_LAUNCHER.fullmatch(head[1].strip())):
        return match["python"]
    return head[0][2:].strip().split(" ")[0] or None


def _is_this_python(interpreter: str) -> bool:
    """Whether `interpreter` is the Python running now: the same file, in the same folder (a
    virtual environment's `python` links to the system's, which must not count as this one)."""
    here = Path(sys.executable)
    there = Path(interpreter)
    try:
        return there.parent.resolve() == here.parent.resolve() and os.path.samefile(there, here)
    except OSError:
        return False


def launch_command() -> list[str]:
    """The command that starts this installation of evcards: the `evcards` script on PATH when
    it runs this Python (by its full path, so the desktop session's PATH does not matter), else
    this Python with `-m evcards`."""
    import shutil  # here: the window's start imports this module, and shutil costs it 3 ms

    script = shutil.which(APP_ID)
    if script is not None and (interpreter := _script_interpreter(Path(script))) and _is_this_python(interpreter):
        return [os.path.abspath(script)]
    return [sys.executable, "-m", "evcards"]


def exec_argument(argument: str) -> str:
    """One argument of the Exec key, quoted as the specification says: in double quotes when it
    holds a reserved character (with `"`, `` ` ``, `$` and `\\` escaped), and `%` doubled."""
    if argument and not _RESERVED.search(argument):
        return argument.replace("%", "%%")
    return '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", argument).replace("%", "%%") + '"'


def escape_value(value: str) -> str:
    """A value of type string: backslash, newline, tab and carriage return escaped (applied
    after the Exec quoting, as the specification orders), and a leading space kept."""
    value = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return "\\s" + value[1:] if value.startswith(" ") else value


def _localized(key: str, source: str) -> list[str]:
    """`key=English` and a `key[lang]=` line for each language that translates `source`."""
    lines = [f"{key}={escape_value(source)}"]
    for code in LANGUAGES:
        if code != "en" and (text := translated_in(code, "cli", source)) and text != source:
            lines.append(f"{key}[{code}]={escape_value(text)}")
    return lines


def desktop_entry_text(command: Sequence[str]) -> str:
    """The .desktop file that starts `command` (with the file to open, if any, after it)."""
    exec_line = " ".join([*map(exec_argument, command), "%f"])
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            f"Name={APP_ID}",
            *_localized("GenericName", GENERIC_NAME),
            *_localized("Comment", COMMENT),
            *_localized("Keywords", KEYWORDS),
            f"TryExec={escape_value(command[0])}",
            f"Exec={escape_value(exec_line)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Office;Viewer;",
            "StartupNotify=true",
            f"StartupWMClass={APP_ID}",
            MARKER,
            "",
        ]
    )


def is_ours(text: str) -> bool:
    """Whether a .desktop file's text is one `--install-desktop-entry` wrote."""
    return MARKER in text.splitlines()
