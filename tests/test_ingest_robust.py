"""Ingest under hostile conditions, on real files, a real SQLite file and the real CLI:
concurrent ingests, unreadable paths, pathological Markdown, lying charset declarations,
control characters in names, and the order files are given in."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from orgline import project as project_module
from orgline.cli import app
from orgline.ingest import read_document
from orgline.project import Project

runner = CliRunner()
ORGLINE = Path(sys.executable).parent / "orgline"  # the installed command
Write = Callable[[str, "str | bytes"], Path]

DOCS = {
    "guild.txt": "The Orchard Workers Guild was founded in Hereford in 1952.",
    "union.txt": "The Mill Union was founded in Leeds in 1921. It joined the Textile Federation in 1930.",
    "club.txt": "The Rowing Club of Saltash was formed in 1899.",
}


def _docs(write: Write) -> list[Path]:
    return [write(name, text) for name, text in DOCS.items()]


# --- 1. concurrent ingests of the same files ---------------------------------------------

def test_two_ingests_racing_on_the_same_files_store_each_once(db: str, write: Write,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ingests read and parse a file before either stores it (a barrier holds them
    there): the one that takes the write lock second sees it stored and says so."""
    files = _docs(write)[:1]
    barrier = threading.Barrier(2, timeout=60)
    real_extract = project_module.extract

    def extract_then_wait(*args: Any) -> Any:
        facts = real_extract(*args)
        barrier.wait()
        return facts

    monkeypatch.setattr(project_module, "extract", extract_then_wait)
    Project(db)  # migrate once, so both start on a made store
    reports: list[project_module.IngestReport] = []

    def run() -> None:
        reports.append(Project(db).ingest(files))  # separate Store objects on one file

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(reports) == 2 and not any(r.failed for r in reports)
    assert sorted((len(r.stored), len(r.already)) for r in reports) == [(0, 1), (1, 0)]


def test_two_cli_ingests_at_once_both_finish(db: str, write: Write) -> None:
    """Two real processes on one db file: both exit 0, every file stored exactly once."""
    folder = _docs(write)[0].parent
    cmd = [str(ORGLINE), "--db", db, "ingest", str(folder)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    results = [(p.returncode, err) for p, err in zip(procs, errs)]
    assert [rc for rc, _ in results] == [0, 0], results
    stored = [int(err.split(" stored,")[0].split()[-1]) for _, err in results]
    already = [int(err.split(" already stored")[0].split()[-1]) for _, err in results]
    assert sum(stored) == len(DOCS) and [s + a for s, a in zip(stored, already)] == [len(DOCS)] * 2
    assert "UNIQUE" not in "".join(err for _, err in results)


# --- 2. unreadable files and folders -----------------------------------------------------

def _lock(monkeypatch: pytest.MonkeyPatch, file_name: str, folder_name: str) -> None:
    """Make one file and one folder unreadable as a non-root user would find them.

    The tests run as root, which chmod 000 does not stop, so the permission checks are
    simulated for those two paths only: os.access (Click's readability check) and reading
    the file's bytes fail for ``file_name``, listing the folder fails for ``folder_name``,
    each with the PermissionError the kernel would give."""
    def denied(path: object) -> PermissionError:
        return PermissionError(13, "Permission denied", str(path))

    real_access, real_read, real_scandir = os.access, Path.read_bytes, os.scandir

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return False if Path(path).name == file_name else real_access(path, mode, *args, **kwargs)

    def read_bytes(self: Path) -> bytes:
        if self.name == file_name:
            raise denied(self)
        return real_read(self)

    def scandir(path: Any = ".") -> Any:
        if Path(path).name == folder_name:
            raise denied(path)
        return real_scandir(path)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)


def test_each_unreadable_path_is_one_error_and_the_batch_goes_on(
        db: str, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked file (named, and inside the folder), a folder that cannot be listed, a FIFO
    and a broken link (both real) each give one line naming them and the cause; the
    readable files are stored; the exit code says something failed."""
    guild, union, _ = _docs(write)
    locked = write("locked.txt", "The Locked Guild was founded in 1950.")
    write("sealed/inner.txt", "The Sealed Union was founded in 1940.")
    docs = guild.parent
    os.mkfifo(docs / "pipe.txt")
    (docs / "dangling.md").symlink_to(docs / "gone.md")
    lone_fifo = tmp_path / "lone.txt"
    os.mkfifo(lone_fifo)
    _lock(monkeypatch, "locked.txt", "sealed")

    r = runner.invoke(app, ["--db", db, "ingest", str(docs), str(locked), str(lone_fifo)])
    assert r.exit_code == 2, r.output
    lines = r.output.splitlines()
    expected = {
        locked: "cannot read: Permission denied",
        docs / "sealed": "cannot read folder: Permission denied",
        docs / "pipe.txt": "not a regular file (a FIFO, socket or device)",
        lone_fifo: "not a regular file (a FIFO, socket or device)",
        docs / "dangling.md": "broken symbolic link",
    }
    for path, cause in expected.items():
        assert [line for line in lines if line.startswith(f"{path}:")] == [f"{path}: {cause}"], r.output
    assert "Usage" not in r.output and "3 stored" in r.output



# --- 3. the Markdown reader is a CommonMark parser, linear ---------------------------------

def test_markdown_pathological_emphasis_is_read_as_text(write: Write) -> None:
    """A 24k-character line of unmatched ``*a _b`` openers (2.3 s for the old regular
    expressions, quadratic; a 436 kB one never finished) is prose: every character
    stays. Emphasis that does close, and a code span, are read as CommonMark reads them
    (the old reader took the backslash out of a code span, where it is literal)."""
    openers = "*a _b " * 4000
    lines = "*a \n_b \n" * 3000
    tail = "The *Orchard* __Guild__ kept `rule\\|book` in ~~Leeds~~ Hereford."
    source = read_document(write("noise.md", openers + "\n\n" + lines + tail))
    first, second = source.text.split("\n\n")
    assert first == openers.rstrip()
    assert second == lines.replace(" \n", "\n") + "The Orchard Guild kept rule\\|book in Leeds Hereford."


def test_markdown_reader_is_markdown_it() -> None:
    """The parser that makes it linear is a declared, pinned dependency, in both locks."""
    root = Path(__file__).resolve().parents[1]
    assert '"markdown-it-py==4.3.0"' in (root / "pyproject.toml").read_text()
    for lock in ("main.lock", "test.lock"):
        entry = (root / "requirements" / lock).read_text().split("\nmarkdown-it-py==4.3.0 ")[1]
        entry = entry[: entry.index("\nmdurl==")]  # its hashes and "# via" lines
        assert "orgline (pyproject.toml)" in entry, (lock, entry)
