"""`orgline copy` moves a store between SQLite and PostgreSQL with its reviews: every row
the same, ids kept, history still undoable, and the copy goes on taking documents. Needs a
real PostgreSQL server (the session fixture starts one)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import backends
from orgline.errors import StoreError
from orgline.project import Project
from orgline.store import Store
from orgline.store.copy import copy_store
from orgline.store.schema import Base

DOCS = {
    "quarry.txt": "The Pennine Quarrymen's Union was founded in Skipton in 1888. It joined the Northern "
                  "Building Trades Council in 1901.",
    "quarry2.txt": "The Pennine Quarrymens Union merged into the Yorkshire Stone Workers Federation in 1927.",
    "council.txt": "The Northern Building Trades Council was formed in Bradford in 1896.",
}


def dump(db: str) -> dict[str, list[tuple[Any, ...]]]:
    store = Store.open(db)
    with store.session() as s:
        return {t.name: [tuple(r) for r in s.execute(select(t).order_by(*t.primary_key.columns))]
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def reviewed(tmp_path: Path) -> str:
    """A SQLite store with every kind of review: accepted, rejected, edited, merged, undone."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "reviewed.db")
    p = Project(db)
    p.ingest([docs])
    claims = p.claims("Pennine Quarrymen's Union")
    founded = next(c for c in claims if c["type"] == "founded")
    member = next(c for c in claims if c["type"] == "member_of")
    p.accept(founded["id"], "ana")
    p.reject(member["id"], "ana")
    p.undo(p.edit(founded["id"], "ben", date="1887"), "ben")
    p.merge("Northern Building Trades Council", "Yorkshire Stone Workers Federation", "ana")
    return db


def test_a_store_goes_to_postgresql_and_back_unchanged(reviewed: str, pg_server: str, tmp_path: Path) -> None:
    on_pg = backends.new_database(pg_server)
    copy_store(Store.open(reviewed), Store.open(on_pg))
    back = str(tmp_path / "back.db")
    counts = copy_store(Store.open(on_pg), Store.open(back))
    before, there, after = dump(reviewed), dump(on_pg), dump(back)
    assert counts["reviews"] == len(before["reviews"]) == 5 and counts["claims"] > 5
    assert there == before and after == before
    p = Project(on_pg)  # reviews hold there: history, status, and an undo of the merge
    assert [h["action"] for h in p.history()] == [h["action"] for h in Project(reviewed).history()]
    merge = next(h for h in p.history() if h["action"] == "merge")
    linked = "select subject_id from claims union select object_id from claims where object_id is not null"
    before = {row[0] for row in backends.connect(on_pg).execute(linked)}
    p.undo(merge["id"], "ana")  # what was said of the merged body is its own again
    assert len({row[0] for row in backends.connect(on_pg).execute(linked)}) == len(before) + 1


def test_the_copy_takes_new_documents_after_the_copied_ids(reviewed: str, pg_server: str, tmp_path: Path) -> None:
    on_pg = backends.new_database(pg_server)
    copy_store(Store.open(reviewed), Store.open(on_pg))
    doc = tmp_path / "more.txt"
    doc.write_text("The Skipton Carters Society was founded in 1902.", encoding="utf-8")
    report = Project(on_pg).ingest([doc])
    assert len(report.stored) == 1 and not report.failed
    claims = Project(on_pg).claims("Skipton Carters Society")
    assert claims and min(c["id"] for c in claims) > max(r[0] for r in dump(reviewed)["claims"])


def test_a_copy_into_a_store_that_holds_rows_is_refused(reviewed: str, tmp_path: Path) -> None:
    other = str(tmp_path / "other.db")
    copy_store(Store.open(reviewed), Store.open(other))
    before = dump(other)
    with pytest.raises(StoreError, match="not empty"):
        copy_store(Store.open(reviewed), Store.open(other))
    assert dump(other) == before
