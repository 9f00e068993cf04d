"""Review on a real SQLite file: accept, reject, edit, merge, split, label, QID, undo; every
change recorded; decisions that outlive re-extraction."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from backends import connect
from orgline.cli import app
from orgline.errors import InvalidValue, NotFound, Refused
from orgline.project import Project

A = ("The Eastfield Workers League (EWL) was founded in Duluth in 1971. The EWL joined the "
     "Iron Range Federation in 1975.")
B = "The Lakehead Workers League was founded in Thunder Bay in 1973."


def _claim(project: Project, name: str, type_: str) -> dict:  # type: ignore[type-arg]
    return next(c for c in project.claims(name) if c["type"] == type_)


def test_accept_reject_edit_are_recorded_and_undone(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("a.txt", A)])
    founded = _claim(project, "EWL", "founded")
    member = _claim(project, "EWL", "member_of")
    r1 = project.accept(founded["id"], "ana")
    r2 = project.reject(member["id"], "ana")
    r3 = project.edit(founded["id"], "ben", date="1971-05")
    assert _claim(project, "EWL", "founded")["date"] == "1971-05"
    assert _claim(project, "EWL", "founded")["status"] == "edited"
    assert _claim(project, "EWL", "member_of")["status"] == "rejected"
    history = project.history(claim=founded["id"])
    assert [(h["action"], h["reviewer"]) for h in history] == [("accept", "ana"), ("edit", "ben")]
    assert history[1]["before"]["date"] == "1971" and history[1]["after"]["date"] == "1971-05"
    project.undo(r3, "ana")
    assert _claim(project, "EWL", "founded")["date"] == "1971"
    assert _claim(project, "EWL", "founded")["status"] == "accepted"
    project.undo(r2, "ana")
    assert _claim(project, "EWL", "member_of")["status"] == "extracted"
    with pytest.raises(Refused, match="already undone"):
        project.undo(r2, "ana")
    assert r1 < r2 < r3
    with pytest.raises(InvalidValue, match="not an EDTF date"):
        project.edit(founded["id"], "ana", date="spring-ish")


def test_merge_split_label_qid(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("a.txt", A), write("b.txt", B)])
    r = project.merge("Eastfield Workers League", "Lakehead Workers League", "ana")
    merged = {c["subject"] for c in project.claims("Lakehead Workers League")}
    assert merged == {"Eastfield Workers League"}
    assert project.entity_id("Lakehead Workers League") == project.entity_id("EWL")
    project.undo(r, "ana")
    assert project.entity_id("Lakehead Workers League") != project.entity_id("EWL")
    project.merge("EWL", "Lakehead Workers League", "ana")
    _, new = project.split("EWL", "b.txt", "ana")
    assert project.entity_id("Lakehead Workers League") == new
    assert {c["source"]["origin"].rsplit("/", 1)[-1] for c in project.claims(f"#{new}")} == {"b.txt"}
    project.set_label("EWL", "Eastfield Workers' League", "ana")
    project.set_qid("EWL", "Q123456", "ana")
    entity = next(e for e in project.entities("org") if e["qid"] == "Q123456")
    assert entity["label"] == "Eastfield Workers' League"
    with pytest.raises(InvalidValue, match="QID"):
        project.set_qid("EWL", "123", "ana")


def test_decisions_outlive_re_extraction(project: Project, write, db: str) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("a.txt", A), write("b.txt", B)])
    project.reject(_claim(project, "EWL", "member_of")["id"], "ana")
    project.edit(_claim(project, "EWL", "founded")["id"], "ana", date="1971-05")
    project.merge("EWL", "Lakehead Workers League", "ana")
    con = connect(db)
    claims_before = con.execute("select count(*) from claims").fetchone()[0]
    done = project.reextract()
    assert sum(r.decisions for r in done.values()) == 2 and sum(r.added for r in done.values()) == 0
    assert con.execute("select count(*) from claims").fetchone()[0] == claims_before
    assert _claim(project, "EWL", "member_of")["status"] == "rejected"
    assert _claim(project, "EWL", "founded")["date"] == "1971-05"
    assert project.entity_id("Lakehead Workers League") == project.entity_id("EWL")
    assert con.execute("select count(*) from reviews").fetchone()[0] == 3  # re-applying adds none


def test_review_from_the_command_line(project: Project, write, db: str) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("a.txt", A)])
    claim = _claim(project, "EWL", "founded")["id"]
    runner = CliRunner()
    r = runner.invoke(app, ["--db", db, "review", "reject", str(claim), "--by", "ana"])
    assert r.exit_code == 0 and "undo with" in r.stdout
    r = runner.invoke(app, ["--db", db, "review", "history", "--json"])
    assert json.loads(r.stdout)[0]["action"] == "reject"
    r = runner.invoke(app, ["--db", db, "review", "edit", str(claim), "--date", "1970"])
    assert r.exit_code == 0
    r = runner.invoke(app, ["--db", db, "review", "accept", "999999"])
    assert r.exit_code == 5 and "no claim with id 999999" in r.stderr


def test_a_split_outlives_re_extraction(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", "The Harbour Workers Union was founded in Hull in 1950.")
    b = write("b.txt", "The Harbour Workers Union was founded in Cork in 1962.")
    project.ingest([a, b])
    assert len(project.names("Harbour Workers Union")) == 2  # one entity, named by two sources
    assert len({r["entity_id"] for r in project.names("Harbour Workers Union")}) == 1
    _, new = project.split("Harbour Workers Union", "b.txt", "ana")
    project.reextract(["b.txt"])
    owners = {r["entity_id"] for r in project.names("Harbour Workers Union")}
    assert len(owners) == 2 and new in owners
    assert {c["source"]["origin"].rsplit("/", 1)[-1] for c in project.claims(f"#{new}")} == {"b.txt"}


def test_a_label_and_qid_outlive_re_extraction(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("a.txt", A)])
    project.set_label("EWL", "Eastfield Workers' League (Minnesota)", "ana")
    project.set_qid("EWL", "Q4242", "ana")
    project.reextract()
    entity = project.entities("org")
    assert ("Eastfield Workers' League (Minnesota)", "Q4242") in {(e["label"], e["qid"]) for e in entity}


def _facts(text: str, extra_first: bool, rule: str):  # type: ignore[no-untyped-def]
    """What an extractor read from ``text``; a newer one may find one more body first
    (shifting every document key) and name its rules differently."""
    from orgline.model import Claim, DocumentFacts, Entity, EntityKind, Name, Source, Span
    ents = [Entity("e1", EntityKind.ORG, "Harbour Workers Union", [Name("Harbour Workers Union")]),
            Entity("e2", EntityKind.PLACE, "Hull", [Name("Hull")])]
    if extra_first:
        ents = [Entity("e1", EntityKind.ORG, "Dockers Guild", [Name("Dockers Guild")])] + [
            Entity(f"e{i + 2}", e.kind, e.label, e.names) for i, e in enumerate(ents)]
    union, hull = ("e2", "e3") if extra_first else ("e1", "e2")
    ev = [Span(0, len(text), text)]
    claims = [Claim("founded", union, date="1950", evidence=ev, rule=rule),
              Claim("location", union, object=hull, evidence=ev, rule=rule)]
    return DocumentFacts(Source(text=text, origin="a.txt"), ents, claims)


def test_a_rejection_outlives_an_extractor_that_finds_more(db: str) -> None:
    from orgline.store import Store
    text = "The Harbour Workers Union was founded in Hull in 1950, beside the Dockers Guild."
    store = Store.open(db)
    store.save(_facts(text, extra_first=False, rule="founded_in"))
    project = Project(db)
    project.reject(_claim(project, "Harbour Workers Union", "location")["id"], "ana")
    project.edit(_claim(project, "Harbour Workers Union", "founded")["id"], "ana", date="1950-03")
    assert store.replace(_facts(text, extra_first=True, rule="founded_in_year")).decisions == 2
    assert _claim(project, "Harbour Workers Union", "location")["status"] == "rejected"
    assert _claim(project, "Harbour Workers Union", "founded")["date"] == "1950-03"
    store.close()


def test_upgrading_an_old_store_keeps_reviews_findable(project: Project, write, db: str) -> None:  # type: ignore[no-untyped-def]
    """A store whose claim keys were made the old way (by document key and rule) gets its
    keys, and the keys its reviews were filed under, made the new way."""
    from alembic import command
    from alembic.config import Config

    from orgline.store import Store
    from orgline.store.db import MIGRATIONS
    project.ingest([write("a.txt", A)])
    project.reject(_claim(project, "EWL", "member_of")["id"], "ana")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with project.store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    con = connect(db)
    new_keys = dict(con.execute("select id, key from claims"))
    con.execute("update claims set key = 'old-' || id")
    con.execute("update reviews set claim_key = 'old-' || claim_id")
    con.commit()
    Store.open(db).close()  # opening migrates to head
    assert dict(con.execute("select id, key from claims")) == new_keys
    assert con.execute("select claim_key from reviews").fetchone()[0] == new_keys[
        _claim(project, "EWL", "member_of")["id"]]
    project.reextract()
    assert _claim(project, "EWL", "member_of")["status"] == "rejected"


@pytest.mark.parametrize("date, end, why", [
    ("Y17E700", None, "4 digits"), ("1985-02-29", None, "no day 29"), ("2001-04-31", None, "no day 31"),
    ("2000/1990", None, "ends before it begins"), ("1" * 65, None, "too long"), ("1990", "1980", "before the date")])
def test_edits_take_only_dates_the_calendar_has(project: Project, write, db: str,  # type: ignore[no-untyped-def]
                                                date: str, end: str | None, why: str) -> None:
    """A typed date is checked with its bounds: no year beyond 9999, no 29 February 1985,
    no interval or end running backwards; the claim is left as it was, and the CLI says
    why in one line with exit 2."""
    project.ingest([write("a.txt", A)])
    claim = _claim(project, "EWL", "founded")
    with pytest.raises(InvalidValue, match=why):
        project.edit(claim["id"], "ana", date=date, **({"end": end} if end else {}))
    assert _claim(project, "EWL", "founded") == claim and project.history() == []
    args = ["--db", db, "review", "edit", str(claim["id"]), "--date", date] + (["--end", end] if end else [])
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 2 and why in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.output
