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
