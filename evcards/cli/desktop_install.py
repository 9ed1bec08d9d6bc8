"""`evcards --install-desktop-entry` and `--uninstall-desktop-entry`: put evcards, with its icon,
in the desktop's application menu for the current user, and take exactly that out again.

Every file is written by `evcards.file_saving.save_bytes` (atomic, never a device or a folder; a
symbolic link, such as a linked ~/.local/share, is written through). Every folder is made and
every target checked before the first write, so a read-only folder fails with nothing written.
The icons are written first and the .desktop file last (a menu never shows an entry whose icon
is missing), and removed in the other order. An `evcards.desktop` that evcards did not write
(no `X-Evcards-Installed-By` key) is neither replaced nor removed.

The PNGs are drawn from the bundled SVG by QSvgRenderer into a QImage: raster painting needs no
QGuiApplication, hence no display (the icon holds no text, which would need fonts and an app).
`update-desktop-database` and `gtk-update-icon-cache` run afterwards when they are on PATH; their
caches belong to the folders, not to evcards, so they are refreshed and never removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from evcards.cli.desktop_entry import (
    APP_ID,
    INSTALL,
    PNG_SIZES,
    UNINSTALL,
    data_home,
    desktop_entry_text,
    desktop_file,
    icon_files,
    is_ours,
    launch_command,
    png_icon,
    svg_icon,
)
from evcards.cli.report import EXIT_INVALID, EXIT_OK
from evcards.cli.terminal_text import say
from evcards.file_saving import SaveFailed, check_target, save_bytes
from evcards.resources import icons_dir
from evcards.translation import fill, translate

if TYPE_CHECKING:
    import argparse


class DesktopEntryError(Exception):
    """The install or the removal stopped; `str(error)` names the file and the cause."""


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Do what `--install-desktop-entry` or `--uninstall-desktop-entry` asks; the exit code."""
    flag = INSTALL if args.install_desktop_entry else UNINSTALL
    if args.file or args.data:
        parser.error(fill(translate("cli", "%1 takes no FILE.json"), flag))
    try:
        if flag == INSTALL:
            install(data_home())
        else:
            uninstall(data_home())
    except (DesktopEntryError, SaveFailed) as error:
        say(fill(translate("cli", "evcards %1: %2"), flag, error))
        return EXIT_INVALID
    return EXIT_OK


def render_png(svg: bytes, size: int) -> bytes:
    """The icon as a PNG of `size` x `size` pixels, transparent around the drawing."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, b"png").write(image):
        raise DesktopEntryError(fill(translate("cli", "cannot draw the icon at %1 pixels"), size))
    return bytes(buffer.data().data())


def _cause(error: OSError, path: Path) -> str:
    """Why making or removing `path` failed, in words."""
    folder = path.parent
    code = error.errno
    if code == errno.EROFS:
        return fill(translate("cli", "%1 is on a read-only file system"), folder)
    if code in (errno.EACCES, errno.EPERM):
        return fill(translate("cli", "permission denied (the folder %1 is not writable for you)"), folder)
    if code in (errno.EEXIST, errno.ENOTDIR):
        blocker = next((step for step in (*reversed(path.parents), path) if os.path.exists(step) and not os.path.isdir(step)), path)
        return fill(translate("cli", "%1 is not a folder"), blocker)
    if code == errno.ENOENT:
        return fill(translate("cli", "the folder %1 takes no new folders (a system folder such as /proc)"), folder)
    return error.strerror or str(error)


def _make_folder(folder: Path, base: Path) -> None:
    try:
        if not base.is_dir():
            base.mkdir(mode=0o700, parents=True, exist_ok=True)  # as the Base Directory Specification asks
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        failed = Path(error.filename) if error.filename else folder
        raise DesktopEntryError(fill(translate("cli", "cannot create the folder %1: %2"), failed, _cause(error, failed))) from error


def _read_entry(path: Path) -> str | None:
    """The text of the .desktop file at `path`, None when there is none (or a folder is in the
    way: writing then says so)."""
    try:
        return path.read_text("utf-8", errors="replace")
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    except OSError as error:
        raise DesktopEntryError(fill(translate("cli", "cannot read %1: %2"), path, error.strerror or error)) from error


def install(base: Path) -> None:
    """Write the icons and the .desktop file under `base` ($XDG_DATA_HOME) and say so."""
    entry = desktop_file(base)
    existing = _read_entry(entry)
    if existing is not None and not is_ours(existing):
        raise DesktopEntryError(
            fill(translate("cli", "%1 exists and was not written by evcards; nothing was written (remove it first to replace it)"), entry)
        )
    command = launch_command()
    try:
        text = desktop_entry_text(command).encode("utf-8")
    except UnicodeEncodeError as error:
        raise DesktopEntryError(
            fill(translate("cli", "the path %1 is not valid UTF-8, which a .desktop file needs; nothing was written"), repr(command[0]))
        ) from error
    targets = [*icon_files(base), entry]
    for path in targets:
        _make_folder(path.parent, base)
    for path in targets:
        check_target(path)  # a read-only folder or a folder in the way: said before any write
    svg = (icons_dir() / f"{APP_ID}.svg").read_bytes()
    contents = {svg_icon(base): svg, **{png_icon(base, size): render_png(svg, size) for size in PNG_SIZES}, entry: text}
    for path, data in contents.items():
        save_bytes(path, data)
        say(fill(translate("cli", "%1: written"), path), sys.stdout)
    _refresh_caches(base)
    say(fill(translate("cli", "evcards is in the application menu, started as: %1"), shlex.join(command)), sys.stdout)


def _is_file(path: Path) -> bool:
    """Whether `path` is a file or a symbolic link, which removing it takes away; never a folder."""
    try:
        return not stat.S_ISDIR(os.lstat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise DesktopEntryError(fill(translate("cli", "cannot remove %1: %2"), path, _cause(error, path))) from error


def uninstall(base: Path) -> None:
    """Remove the .desktop file and the icons `install` wrote under `base`, and say so."""
    entry = desktop_file(base)
    existing = _read_entry(entry)
    if existing is not None and not is_ours(existing):
        raise DesktopEntryError(fill(translate("cli", "%1 was not written by evcards; nothing was removed"), entry))
    present = [path for path in (entry, *icon_files(base)) if _is_file(path)]
    if not present:
        say(fill(translate("cli", "no desktop entry of evcards to remove in %1"), base), sys.stdout)
        return
    for path in present:
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopEntryError(fill(translate("cli", "cannot remove %1: %2"), path, _cause(error, path))) from error
        say(fill(translate("cli", "%1: removed"), path), sys.stdout)
    _refresh_caches(base)
    say(translate("cli", "evcards is no longer in the application menu"), sys.stdout)


def _refresh_caches(base: Path) -> None:
    """Let the desktop's caches know, with their own tools where installed; never an error."""
    for tool, folder in (("update-desktop-database", base / "applications"), ("gtk-update-icon-cache", base / "icons" / "hicolor")):
        program = shutil.which(tool)
        if program is None or not folder.is_dir():
            continue
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                [program, "--quiet", str(folder)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=30,
                check=False,
            )
