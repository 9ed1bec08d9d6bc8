"""`evcards export -o OUT` in a child process, as a user runs it: what it refuses, what it keeps,
and what it leaves behind when it is killed (issue 18, item 1)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from evcards.file_saving import PAUSE_VARIABLE, TEMPORARY_NAME
from tests.conftest import KbWriter

OLD = b"the previous export"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", PAUSE_VARIABLE)}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


def _start(data: Path, out: str, cwd: Path, **env: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "evcards", "export", "lei-jun", "--data", str(data), "-o", out]
    return subprocess.Popen(command, cwd=cwd, env=_env(**env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _export(data: Path, out: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "evcards", "export", "lei-jun", "--data", str(data), "-o", out]
    return subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=120)


def _temporary_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if TEMPORARY_NAME.fullmatch(name))


def _wait_for_temporary_file(folder: Path, process: subprocess.Popen[str]) -> list[str]:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        if found := _temporary_files(folder):
            return found
        time.sleep(0.05)
    raise AssertionError(f"no temporary file appeared in {folder}: {process.communicate()}")


@pytest.fixture
def out_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_a_fifo_is_refused_and_stays_a_fifo(write_kb: KbWriter, out_folder: Path) -> None:
    fifo = out_folder / "card.pdf"
    os.mkfifo(fifo)
    run = _export(write_kb(), str(fifo), out_folder)
    assert (
        run.returncode == 1
        and run.stderr
        == f"evcards export: cannot write {fifo}: it is a FIFO (named pipe), which evcards never replaces; give the name of a file\n"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.listdir(out_folder) == ["card.pdf"]


def test_a_device_is_refused_also_for_root(write_kb: KbWriter, out_folder: Path) -> None:
    before = os.stat("/dev/null")
    run = _export(write_kb(), "/dev/null", out_folder)
    assert run.returncode == 1 and "cannot write /dev/null: it is a device, which evcards never replaces" in run.stderr
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode)


def test_a_symbolic_link_is_written_through_and_a_private_file_stays_private(write_kb: KbWriter, out_folder: Path) -> None:
    real, link = out_folder / "real.pdf", out_folder / "link.pdf"
    real.write_bytes(OLD)
    real.chmod(0o600)
    link.symlink_to(real.name)
    run = _export(write_kb(), str(link), out_folder)
    assert run.returncode == 0, run.stderr
    assert link.is_symlink() and os.readlink(link) == "real.pdf"
    assert PdfReader(real).metadata.title == "Lei Jun" and stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(os.listdir(out_folder)) == ["link.pdf", "real.pdf"]


def test_an_empty_output_is_a_wrong_command_line_and_writes_nothing(write_kb: KbWriter, out_folder: Path) -> None:
    run = _export(write_kb(), "", out_folder)
    assert run.returncode == 2 and "OUT is empty" in run.stderr
    assert os.listdir(out_folder) == []


def test_a_folder_that_takes_no_files_is_named_for_what_it_is(write_kb: KbWriter, out_folder: Path) -> None:
    run = _export(write_kb(), "/proc/x.pdf", out_folder)
    assert run.returncode == 1
    assert (
        run.stderr
        == "evcards export: cannot write /proc/x.pdf: the folder /proc does not take new files (a system folder such as /proc or /sys)\n"
    )


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_the_file_is_written_leaves_no_temporary_file(write_kb: KbWriter, out_folder: Path, signal_number: int) -> None:
    """EVCARDS_SAVE_PAUSE holds the save with its temporary file written, so the signal comes
    exactly then; the file it would have replaced is left as it was."""
    target = out_folder / "card.pdf"
    target.write_bytes(OLD)
    process = _start(write_kb(), str(target), out_folder, **{PAUSE_VARIABLE: "60"})
    _wait_for_temporary_file(out_folder, process)
    process.send_signal(signal_number)
    process.communicate(timeout=60)
    assert process.returncode == -signal_number  # ended by the signal, as without evcards's handler
    assert os.listdir(out_folder) == ["card.pdf"] and target.read_bytes() == OLD


def test_a_temporary_file_a_killed_export_left_is_removed_by_the_next_one(write_kb: KbWriter, out_folder: Path) -> None:
    data = write_kb()
    process = _start(data, str(out_folder / "card.pdf"), out_folder, **{PAUSE_VARIABLE: "60"})
    left = _wait_for_temporary_file(out_folder, process)
    process.kill()  # SIGKILL: nothing can clean up
    process.communicate(timeout=60)
    assert _temporary_files(out_folder) == left
    someone_elses = out_folder / ".notes.txt.part"
    someone_elses.write_text("not ours")
    run = _export(data, str(out_folder / "other.pdf"), out_folder)
    assert run.returncode == 0, run.stderr
    assert sorted(os.listdir(out_folder)) == [".notes.txt.part", "other.pdf"]


def test_migrate_goes_through_the_same_save_and_refuses_a_fifo_even_with_force(write_kb: KbWriter, out_folder: Path) -> None:
    fifo = out_folder / "kb2.json"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "evcards", "migrate", str(write_kb()), str(fifo), "--force"]
    run = subprocess.run(command, cwd=out_folder, env=_env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and f"cannot write {fifo}: it is a FIFO (named pipe)" in run.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and os.listdir(out_folder) == ["kb2.json"]
