"""`evcards --install-desktop-entry` and `--uninstall-desktop-entry` in a child process with no
display, into a temporary $XDG_DATA_HOME: what a desktop finds there, and what is left after."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from evcards import __version__
from evcards.file_saving import TEMPORARY_NAME
from evcards.resources import icons_dir
from tests.unit.test_desktop_entry import exec_arguments

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
VENV_BIN = str(Path(sys.executable).parent)


def _env(data_home: Path, *, script_on_path: bool = True) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_DATA_HOME")}
    folders = [folder for folder in env.get("PATH", "/usr/bin:/bin").split(os.pathsep) if folder and folder != VENV_BIN]
    env["PATH"] = os.pathsep.join([VENV_BIN, *folders] if script_on_path else folders)
    return {**env, "XDG_DATA_HOME": str(data_home)}


def evcards(data_home: Path, *args: str, prefix: tuple[str, ...] = (), script_on_path: bool = True) -> subprocess.CompletedProcess[str]:
    command = [*prefix, sys.executable, "-m", "evcards", *args]
    return subprocess.run(command, env=_env(data_home, script_on_path=script_on_path), capture_output=True, text=True, timeout=120)


def ours(data_home: Path) -> list[Path]:
    icons = data_home / "icons" / "hicolor"
    pngs = [icons / f"{size}x{size}" / "apps" / "evcards.png" for size in SIZES]
    return [data_home / "applications" / "evcards.desktop", icons / "scalable" / "apps" / "evcards.svg", *pngs]


def listing(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("script_on_path", [True, False])
def test_install_writes_an_entry_that_starts_this_evcards_and_its_icons(tmp_path: Path, script_on_path: bool) -> None:
    run = evcards(tmp_path, "--install-desktop-entry", script_on_path=script_on_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    written = [line.removesuffix(": written") for line in run.stdout.splitlines() if line.endswith(": written")]
    assert sorted(written) == sorted(map(str, ours(tmp_path)))
    entry_file = tmp_path / "applications" / "evcards.desktop"
    validator = shutil.which("desktop-file-validate")  # CI installs it (desktop-file-utils) and requires it
    if validator is None and os.environ.get("EVCARDS_REQUIRE_DESKTOP_FILE_VALIDATE"):
        pytest.fail("desktop-file-validate is not installed (Debian: apt-get install desktop-file-utils)")
    if validator is not None:
        validation = subprocess.run([validator, str(entry_file)], capture_output=True, text=True, timeout=60)
        assert (validation.returncode, validation.stdout, validation.stderr) == (0, "", "")
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry_file, encoding="utf-8")
    command = exec_arguments(parser["Desktop Entry"]["Exec"])
    assert command[-1] == "%f"
    expected = [str(Path(VENV_BIN) / "evcards")] if script_on_path else [sys.executable, "-m", "evcards"]
    assert command[:-1] == expected
    started = subprocess.run([*command[:-1], "--version"], env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert started.stdout.strip() == f"evcards {__version__}", started.stderr
    assert (tmp_path / "icons/hicolor/scalable/apps/evcards.svg").read_bytes() == (icons_dir() / "evcards.svg").read_bytes()
    for size in SIZES:
        assert png_size(tmp_path / f"icons/hicolor/{size}x{size}/apps/evcards.png") == (size, size)


def test_install_twice_then_uninstall_removes_exactly_what_was_written(tmp_path: Path) -> None:
    others = {
        tmp_path / "applications" / "other.desktop": b"[Desktop Entry]\nType=Application\nName=Other\nExec=other\n",
        tmp_path / "icons/hicolor/48x48/apps/other.png": b"not ours",
        tmp_path / "icons/hicolor/scalable/apps/other.svg": b"<svg/>",
    }
    for path, data in others.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert evcards(tmp_path, "--install-desktop-entry").returncode == 0
    first = listing(tmp_path)
    again = evcards(tmp_path, "--install-desktop-entry")
    assert again.returncode == 0, again.stderr
    assert listing(tmp_path) == first and not [p for p in tmp_path.rglob("*") if TEMPORARY_NAME.fullmatch(p.name)]

    removed = evcards(tmp_path, "--uninstall-desktop-entry")
    assert removed.returncode == 0, removed.stderr
    assert sorted(line.removesuffix(": removed") for line in removed.stdout.splitlines() if line.endswith(": removed")) == sorted(
        map(str, ours(tmp_path))
    )
    assert not [path for path in ours(tmp_path) if os.path.lexists(path)]
    assert all(path.read_bytes() == data for path, data in others.items())

    nothing = evcards(tmp_path, "--uninstall-desktop-entry")
    assert (nothing.returncode, nothing.stdout.strip()) == (0, f"no desktop entry of evcards to remove in {tmp_path}")


def test_a_desktop_file_evcards_did_not_write_is_neither_replaced_nor_removed(tmp_path: Path) -> None:
    entry = tmp_path / "applications" / "evcards.desktop"
    entry.parent.mkdir(parents=True)
    mine = b"[Desktop Entry]\nType=Application\nName=My evcards\nExec=evcards --lang zh_CN\n"
    entry.write_bytes(mine)
    expected = {
        "--install-desktop-entry": f"{entry} exists and was not written by evcards; nothing was written (remove it first to replace it)",
        "--uninstall-desktop-entry": f"{entry} was not written by evcards; nothing was removed",
    }
    for flag, message in expected.items():
        run = evcards(tmp_path, flag)
        assert (run.returncode, run.stderr.strip()) == (1, f"evcards {flag}: {message}")
    assert entry.read_bytes() == mine and listing(tmp_path) == {"applications/evcards.desktop": mine}


def _read_only(folder: Path) -> tuple[str, ...]:
    """A prefix that runs a command with `folder` read-only: its permissions for a user; a
    read-only bind mount in a mount namespace of its own for root, whom permissions do not stop."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return ()
    return ("unshare", "--mount", "sh", "-c", 'mount -o bind,ro "$0" "$0" && exec "$@"', str(folder))


def test_a_read_only_folder_gets_one_clear_line_and_exit_1_with_nothing_written(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    data_home.mkdir()
    run = evcards(data_home, "--install-desktop-entry", prefix=_read_only(data_home))
    assert run.returncode == 1 and run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"evcards --install-desktop-entry: cannot create the folder {data_home}/")
    assert line.endswith((f"{data_home} is on a read-only file system", f"(the folder {data_home} is not writable for you)"))
    data_home.chmod(0o755)
    assert listing(data_home) == {}


def test_removing_from_a_read_only_folder_says_which_file_and_why(tmp_path: Path) -> None:
    assert evcards(tmp_path, "--install-desktop-entry").returncode == 0
    applications = tmp_path / "applications"
    run = evcards(tmp_path, "--uninstall-desktop-entry", prefix=_read_only(applications))
    applications.chmod(0o755)
    assert run.returncode == 1 and run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"evcards --uninstall-desktop-entry: cannot remove {applications / 'evcards.desktop'}: ")
    assert "read-only file system" in line or "not writable for you" in line
    assert all(path.exists() for path in ours(tmp_path))


def test_a_file_or_a_folder_in_the_way_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("a file")
    run = evcards(blocker, "--install-desktop-entry")
    assert run.returncode == 1
    assert run.stderr.strip() == f"evcards --install-desktop-entry: cannot create the folder {blocker}: {blocker} is not a folder"
    folder = tmp_path / "home" / "applications" / "evcards.desktop"
    folder.mkdir(parents=True)
    run = evcards(tmp_path / "home", "--install-desktop-entry")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip() == f"evcards --install-desktop-entry: cannot write {folder}: it is a folder"
    assert not (tmp_path / "home" / "icons" / "hicolor" / "scalable" / "apps" / "evcards.svg").exists()


def test_the_flags_are_in_the_help_and_take_no_file(tmp_path: Path) -> None:
    shown = evcards(tmp_path, "--help")
    assert "--install-desktop-entry" in shown.stdout and "--uninstall-desktop-entry" in shown.stdout
    both = evcards(tmp_path, "--install-desktop-entry", "--uninstall-desktop-entry")
    with_file = evcards(tmp_path, "--install-desktop-entry", "kb.json")
    assert both.returncode == with_file.returncode == 2
    assert "not allowed with argument" in both.stderr and "--install-desktop-entry takes no FILE.json" in with_file.stderr
    assert not list(tmp_path.iterdir())


def test_the_messages_speak_chinese_when_asked(tmp_path: Path) -> None:
    run = evcards(tmp_path, "--lang", "zh_CN", "--install-desktop-entry")
    assert run.returncode == 0, run.stderr
    assert any("\u4e00" <= character <= "\u9fff" for character in run.stdout.splitlines()[-1])


def test_no_tool_on_path_is_no_error(tmp_path: Path) -> None:
    """Without update-desktop-database and gtk-update-icon-cache (a minimal system), the install works."""
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**_env(tmp_path / "share", script_on_path=False), "PATH": str(bare)}
    run = subprocess.run([sys.executable, "-m", "evcards", "--install-desktop-entry"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert all(path.exists() for path in ours(tmp_path / "share"))
    assert not (tmp_path / "share" / "applications" / "mimeinfo.cache").exists()
