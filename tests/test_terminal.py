"""Terminal output that fits: claims as blocks on a narrow terminal and as a table on a
wide one, ids always shown, whole quotes on request, and one-line errors for an unknown
kind, a missing store and a busy port. On a real SQLite store, read by the real pipeline."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orgline import cli
from orgline.cli import app
from orgline.project import Project

runner = CliRunner()
LONG = ("According to its own history, the Kestrel Valley Growers joined the Farm Labour Federation "
        "in 1962, a step its rivals in the valley called a surrender of every principle the growers "
        "had stood for since their founding in the orchards below the old mill at Ferrybridge.")
DOC = "The Kestrel Valley Growers were founded in Ferrybridge in 1951. " + LONG


@pytest.fixture()
def store(tmp_path: Path) -> str:
    doc = tmp_path / "kestrel.txt"
    doc.write_text(DOC, encoding="utf-8")
    db = str(tmp_path / "o.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(doc)]).exit_code == 0
    return db


def claim_ids(db: str) -> list[int]:
    return [c["id"] for c in Project(db).claims("Kestrel Valley Growers")]


def test_a_narrow_terminal_gets_each_claim_as_a_block(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.out, "width", 80)
    r = runner.invoke(app, ["--db", store, "claims", "Kestrel Valley Growers"])
    assert r.exit_code == 0, r.output
    assert "┃" not in r.stdout and "│" not in r.stdout  # no table
    lines = r.stdout.splitlines()
    assert all(len(line.rstrip()) <= 80 for line in lines)
    for cid in claim_ids(store):
        assert any(line.startswith(f"#{cid}  ") for line in lines)
    member = next(i for i, line in enumerate(lines) if "member of" in line)
    block = lines[member:member + 8]
    assert any("Farm Labour Federation" in line for line in block)
    assert any(line.strip().startswith('"According to its own history') for line in block)
    assert "…" in r.stdout  # the long quote is cut ...
    full = runner.invoke(app, ["--db", store, "claims", "Kestrel Valley Growers", "--full"])
    assert "old mill at Ferrybridge." in " ".join(full.stdout.split())  # ... unless --full


def test_a_wide_terminal_gets_a_table_with_ids_and_room_for_the_quote(store: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.out, "width", 160)
    r = runner.invoke(app, ["--db", store, "timeline", "Kestrel Valley Growers"])
    assert r.exit_code == 0, r.output
    header = next(line for line in r.stdout.splitlines() if "evidence" in line)
    assert "id" in header and "subject" not in header  # one body: its name is in the title
    cells = [c.strip() for c in header.strip("┃ ").split("┃")]
    widths = {c: len(part) for c, part in zip(cells, header.strip("┃").split("┃"))}
    assert widths["evidence"] == max(widths.values())
    rows = [line for line in r.stdout.splitlines() if line.startswith("│")]
    assert {int(row.split("│")[1]) for row in rows if row.split("│")[1].strip()} == set(claim_ids(store))


def test_an_unknown_kind_is_one_line_with_the_kinds_there_are(store: str) -> None:
    r = runner.invoke(app, ["--db", store, "entities", "--kind", "organisation"])
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "org, person, place, work, ideology" in r.stderr


def test_a_read_command_on_a_missing_store_does_not_make_one(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    for cmd in (["sources"], ["entities"], ["claims", "X"], ["export", "--output", str(tmp_path / "f.jsonl")]):
        r = runner.invoke(app, ["--db", str(db), *cmd])
        assert r.exit_code == 4 and "no such store" in r.stderr and len(r.stderr.strip().splitlines()) == 1, cmd
    assert not db.exists()


def test_serve_on_a_busy_port_says_so(store: str) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        r = runner.invoke(app, ["--db", store, "serve", "--port", str(port)])
    assert r.exit_code == 1 and f"127.0.0.1:{port} is in use" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_ingest_counts_the_files_before_reading_them(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"The Mill Lane Choir No. {i + 1} was founded in 19{50 + i}.",
                                            encoding="utf-8")
    totals: list[int] = []
    done: list[str] = []
    Project(str(tmp_path / "o.db")).ingest([tmp_path], on_progress=lambda p, s: done.append(s),
                                           on_total=totals.append)
    assert totals == [3] and done == ["stored"] * 3
