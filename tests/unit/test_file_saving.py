"""`evcards.file_saving.save_bytes`, the one save path of every export: what it refuses, keeps,
cleans and says."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evcards.file_saving import SaveFailed, remove_stale_temporary_files, save_bytes

OLD, NEW = b"old", b"new content"


def test_a_new_file_gets_the_bytes_and_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.pdf"
    assert save_bytes(target, NEW) == target
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.read_bytes() == NEW and stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert os.listdir(tmp_path) == ["new.pdf"]


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "private.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    save_bytes(target, NEW)
    assert target.read_bytes() == NEW and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symbolic_link_is_written_through_also_a_dangling_one(tmp_path: Path) -> None:
    (tmp_path / "real.pdf").write_bytes(OLD)
    (tmp_path / "link.pdf").symlink_to("real.pdf")
    (tmp_path / "later.pdf").symlink_to("sub/later-real.pdf")
    (tmp_path / "sub").mkdir()
    assert save_bytes(tmp_path / "link.pdf", NEW) == tmp_path / "real.pdf"
    assert save_bytes(tmp_path / "later.pdf", NEW) == tmp_path / "sub" / "later-real.pdf"
    assert (tmp_path / "link.pdf").is_symlink() and (tmp_path / "real.pdf").read_bytes() == NEW
    assert (tmp_path / "later.pdf").is_symlink() and (tmp_path / "sub" / "later-real.pdf").read_bytes() == NEW


def test_what_is_not_a_regular_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    fifo, folder, sock = tmp_path / "fifo.pdf", tmp_path / "folder.pdf", tmp_path / "socket.pdf"
    os.mkfifo(fifo)
    folder.mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    (tmp_path / "to-fifo.pdf").symlink_to("fifo.pdf")
    refused = {
        fifo: "it is a FIFO (named pipe), which evcards never replaces",
        tmp_path / "to-fifo.pdf": "it is a FIFO (named pipe), which evcards never replaces",
        sock: "it is a socket, which evcards never replaces",
        folder: "it is a folder",
        Path("/dev/null"): "it is a device, which evcards never replaces",
    }
    try:
        for target, reason in refused.items():
            with pytest.raises(SaveFailed) as raised:
                save_bytes(target, NEW)
            assert str(raised.value).startswith(f"cannot write {target}: {reason}")
    finally:
        server.close()
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and stat.S_ISSOCK(sock.lstat().st_mode) and folder.is_dir()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert sorted(os.listdir(tmp_path)) == ["fifo.pdf", "folder.pdf", "socket.pdf", "to-fifo.pdf"]


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("/proc/x.pdf", "the folder /proc does not take new files (a system folder such as /proc or /sys)"),
        ("{tmp}/missing/deeper/x.pdf", "the folder {tmp}/missing does not exist"),
        ("{tmp}/file.txt/x.pdf", "{tmp}/file.txt is not a folder"),
        ("{tmp}/" + "x" * 300 + ".pdf", "the name is too long for the file system"),
        (".", "it is a folder"),
    ],
)
def test_each_failure_names_its_real_cause(tmp_path: Path, target: str, reason: str) -> None:
    (tmp_path / "file.txt").write_text("x")
    path = Path(target.format(tmp=tmp_path))
    with pytest.raises(SaveFailed) as raised:
        save_bytes(path, NEW)
    assert str(raised.value) == f"cannot write {path}: {reason.format(tmp=tmp_path)}"
    assert isinstance(raised.value, OSError)  # callers that catch OSError see it too


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_stale_temporary_files_of_ours_are_removed_and_nothing_else(tmp_path: Path) -> None:
    dead, alive = _dead_pid(), os.getppid()
    names = {
        f".card.pdf.evcards-{dead}-0123abcd.part": True,  # its process is gone
        f".card.pdf.evcards-{alive}-0123abcd.part": False,  # a save still running, maybe
        f".old.pdf.evcards-{alive}-89abcdef.part": True,  # running, but for over a minute: stuck
        ".card.pdf.0123abcd.part": False,  # the earlier naming, recent
        ".older.pdf.0123abcd.part": True,  # the earlier naming, over a minute old
        ".notes.txt.part": False,  # not ours
        f"card.pdf.evcards-{dead}-0123abcd.part": False,  # not hidden: not ours
        f".card.pdf.evcards-{dead}-0123ABCD.part": False,  # not our digits
    }
    for name in names:
        (tmp_path / name).write_bytes(b"")
    hour_ago = time.time() - 3600
    for name in (f".old.pdf.evcards-{alive}-89abcdef.part", ".older.pdf.0123abcd.part"):
        os.utime(tmp_path / name, (hour_ago, hour_ago))
    (tmp_path / f".link.pdf.evcards-{dead}-0123abcd.part").symlink_to("elsewhere")  # not a regular file: kept
    save_bytes(tmp_path / "next.pdf", NEW)
    kept = {name for name, stale in names.items() if not stale} | {"next.pdf", f".link.pdf.evcards-{dead}-0123abcd.part"}
    assert set(os.listdir(tmp_path)) == kept
    assert remove_stale_temporary_files(tmp_path) == []
