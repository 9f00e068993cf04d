"""The store on a real SQLite file, and the CLI end to end over it."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backends import connect
from orgline import cli
from orgline.cli import app
from orgline.errors import StoreError
from orgline.model import Claim, DocumentFacts, Entity, EntityKind, Source, Span
from orgline.store import Store

DOC = ("The Orchard Workers Guild (OWG) was founded in Hereford in 1952. The guild changed "
       "its name to the Marches Growers Union in 1960. The Marches Growers Union joined the "
       "Farm Labour Federation in 1962.")
runner = CliRunner()


def test_save_is_idempotent_and_wal(db: str) -> None:
    store = Store.open(db)
    src = Source(text=DOC, origin="owg.txt")
    facts = DocumentFacts(src, [Entity("e1", EntityKind.ORG, "Orchard Workers Guild")],
                          [Claim("founded", "e1", date="1952", evidence=[Span(0, 10, DOC[:10])])])
    assert store.save(facts) is True
    assert store.save(facts) is False
    con = connect(db)
    assert con.execute("select count(*) from claims").fetchone()[0] == 1
    if "://" not in db:  # a SQLite file is in WAL mode: readers never wait for the writer
        assert sqlite3.connect(db).execute("pragma journal_mode").fetchone()[0] == "wal"


def test_a_failing_document_leaves_nothing_behind(db: str) -> None:
    store = Store.open(db)
    src = Source(text=DOC, origin="owg.txt")
    bad = DocumentFacts(src, [Entity("e1", EntityKind.ORG, "Orchard Workers Guild")],
                        [Claim("founded", "e1"), Claim("member_of", "e1", object="e99")])
    with pytest.raises(StoreError, match="owg.txt"):
        store.save(bad)
    con = connect(db)
    assert [con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("sources", "entities", "claims")] == [0, 0, 0]


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("create table notes (x text)")
    with pytest.raises(StoreError, match="not an orgline database"):
        Store.open(str(path))


def test_cli_ingest_query_export(db: str, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = write("owg.txt", DOC)
    write("empty.txt", "")
    write("notes[draft].txt", "")
    r = runner.invoke(app, ["--db", db, "ingest", str(good.parent)])
    assert r.exit_code == 2 and "empty.txt: empty file" in r.output
    assert "notes[draft].txt: empty file" in r.output  # a file's name is printed as it is, brackets too
    again = runner.invoke(app, ["--db", db, "ingest", str(good)])
    assert again.exit_code == 0 and "1 already stored" in again.output

    rows = json.loads(runner.invoke(app, ["--db", db, "timeline", "OWG", "--json"]).stdout)
    seen = {(x["type"], x["object"] or x["value"], x["date"]) for x in rows}
    assert ("founded", None, "1952") in seen
    assert ("named", "Marches Growers Union", "1960") in seen
    assert ("member_of", "Farm Labour Federation", "1962") in seen
    assert all(x["evidence"] and x["source"]["origin"] == str(good) for x in rows)

    at = json.loads(runner.invoke(app, ["--db", db, "names", "Orchard Workers Guild", "--at", "1955", "--json"]).stdout)
    assert [x["valid_to"] for x in at] == ["1960"]
    later = json.loads(runner.invoke(app, ["--db", db, "names", "Orchard Workers Guild", "--at", "1970", "--json"]).stdout)
    assert later == []

    for cmd in (["sources"], ["entities"], ["claims", "OWG"], ["lineage", "OWG"], ["timeline", "OWG"]):
        res = runner.invoke(app, ["--db", db, *cmd])
        assert res.exit_code == 0 and res.stdout.strip(), cmd

    out = tmp_path / "facts.jsonl"
    assert runner.invoke(app, ["--db", db, "export", "--format", "facts", "--output", str(out)]).exit_code == 0
    keys = {"id", "type", "subject", "object", "value", "date", "end", "place", "result", "negated",
            "according_to", "source", "span", "quote", "confidence", "status", "origin", "source_date"}
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines and all(set(x) == keys for x in lines)


def test_quotes_print_as_the_source_wrote_them(db: str, write, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Square brackets in a source ("[sic]", an editor's insertion) are text, not console markup."""
    monkeypatch.setattr(cli.out, "width", 300)  # the quote on one line
    runner.invoke(app, ["--db", db, "ingest", str(write("sic.txt", "The Mill Union [sic] was founded in 1921."))])
    r = runner.invoke(app, ["--db", db, "timeline", "Mill Union"])
    assert r.exit_code == 0 and "Union [sic] was founded" in r.output


def test_unknown_name_is_one_line_error(db: str) -> None:
    Store.open(db).close()
    r = runner.invoke(app, ["--db", db, "timeline", "Nobody At All"])
    assert r.exit_code == 5 and "orgline entities" in r.output


@pytest.mark.parametrize("command", ["ingest", "sources", "entities", "names", "timeline", "eval",
                                     "lineage", "claims", "export"])
def test_every_command_has_help(command: str) -> None:
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0 and len(r.stdout) > 100
