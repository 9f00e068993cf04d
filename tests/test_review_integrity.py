"""Review integrity on a real SQLite file: decisions made at once are serialized, so the
history is a true chain and the stored status is the last decision; an undo of an undo
makes the change again; an older decision is never undone over a newer one."""
from __future__ import annotations

import json
import random
import threading
from typing import Any

import pytest

from backends import connect
from orgline.errors import Refused
from orgline.project import Project

CHARTER = ("The Fenland Drainage Board was set up in Ely in 1919. It joined the Eastern Water "
           "Federation in 1930. The Marsh Growers Union was founded in Wisbech in 1923 and "
           "merged with the Fen Produce Society in 1951.")


def claim_ids(project: Project, n: int) -> list[int]:
    ids = sorted({c["id"] for name in ("Fenland Drainage Board", "Marsh Growers Union")
                  for c in project.claims(name)})
    assert len(ids) >= n
    return ids[:n]


def assert_chains(db: str) -> int:
    """Each claim's reviews, in order: each records as 'before' what the one before set,
    and the claim's stored status is what the last one set. Returns reviews checked."""
    con = connect(db)
    rows = con.execute("select claim_key, before, after from reviews where claim_key is not null order by id").fetchall()
    status = dict(con.execute("select key, status from claims"))
    con.close()
    last: dict[str, str] = {}
    for key, before, after in rows:
        b, a = json.loads(before), json.loads(after)
        assert b["status"] == last.get(key, "extracted"), f"review on {key[:8]} recorded a stale 'before'"
        last[key] = a["status"]
    for key, s in last.items():
        assert status[key] == s
    return len(rows)


def test_concurrent_decisions_form_a_chain(project: Project, write: Any, db: str) -> None:
    """16 reviewers, each with a connection of their own, decide on 4 claims at once."""
    project.ingest([write("fens.txt", CHARTER)])
    targets = claim_ids(project, 4)
    errors: list[BaseException] = []

    def reviewer(n: int) -> None:
        mine = Project(db)
        pick = random.Random(n)
        try:
            for _ in range(13):
                claim = pick.choice(targets)
                (mine.accept if pick.random() < 0.5 else mine.reject)(claim, f"reviewer-{n}")
        except BaseException as e:  # noqa: BLE001 — reported below, in the test's thread
            errors.append(e)
        finally:
            mine.store.close()

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert assert_chains(db) == 16 * 13


def test_shared_store_across_threads(project: Project, write: Any, db: str) -> None:
    """As the web server does: one Store, its sessions used from many threads."""
    project.ingest([write("fens.txt", CHARTER)])
    targets = claim_ids(project, 4)

    def reviewer(n: int) -> None:
        for i in range(10):
            claim = targets[(n + i) % 4]
            (project.accept if (n + i) % 3 else project.reject)(claim, f"r{n}")

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert assert_chains(db) == 80


def status(project: Project, claim: int) -> str:
    return next(c["status"] for c in project.claims("Fenland Drainage Board") if c["id"] == claim)


def test_undo_of_an_undo_makes_the_change_again(project: Project, write: Any, db: str) -> None:
    project.ingest([write("fens.txt", CHARTER)])
    claim = next(c["id"] for c in project.claims("Fenland Drainage Board") if c["type"] == "founded")
    r1 = project.reject(claim, "ana")
    u1 = project.undo(r1, "ben")
    assert status(project, claim) == "extracted"
    u2 = project.undo(u1, "ana")
    assert status(project, claim) == "rejected"
    u3 = project.undo(u2, "ben")  # and back again
    assert status(project, claim) == "extracted"
    with pytest.raises(Refused, match="already undone"):
        project.undo(u1, "ana")
    with pytest.raises(Refused, match="already undone"):
        project.undo(r1, "ana")
    project.undo(u3, "ana")
    assert status(project, claim) == "rejected"
    assert_chains(db)


def test_an_older_decision_is_not_undone_over_a_newer_one(project: Project, write: Any, db: str) -> None:
    project.ingest([write("fens.txt", CHARTER)])
    claim = next(c["id"] for c in project.claims("Fenland Drainage Board") if c["type"] == "founded")
    r1 = project.accept(claim, "ana")
    r2 = project.edit(claim, "ben", date="1919-06")
    with pytest.raises(Refused, match=f"review {r2} \\(edit by ben\\)"):
        project.undo(r1, "ana")
    assert status(project, claim) == "edited"
    project.undo(r2, "ana")
    edited = next(c for c in project.claims("Fenland Drainage Board") if c["id"] == claim)
    assert (edited["status"], edited["date"]) == ("accepted", "1919")
    project.undo(r1, "ana")  # nothing newer stands now
    assert status(project, claim) == "extracted"
    u = project.history()[-1]["id"]
    r3 = project.reject(claim, "cy")
    with pytest.raises(Refused, match=f"review {r3}"):
        project.undo(u, "ana")  # re-making the accept would override cy's rejection
    assert status(project, claim) == "rejected"
    assert_chains(db)


def test_entity_decisions_are_not_undone_over_newer_ones(project: Project, write: Any) -> None:
    project.ingest([write("fens.txt", CHARTER),
                    write("ely.txt", "The Ely Drainage Trust was set up in 1921 to keep the fens dry.")])
    board = project.entity_id("Fenland Drainage Board")
    l1 = project.set_label(f"#{board}", "Fenland Drainage Board (Ely)", "ana")
    l2 = project.set_label(f"#{board}", "Fenland Drainage Board of Ely", "ben")
    with pytest.raises(Refused, match="label by ben"):
        project.undo(l1, "ana")
    q = project.set_qid(f"#{board}", "Q777", "ana")  # another field: no conflict with the labels
    m = project.merge(f"#{board}", "Ely Drainage Trust", "ana")
    project.split(f"#{board}", "ely.txt", "ben")
    with pytest.raises(Refused, match="split by ben"):
        project.undo(m, "ana")
    project.undo(l2, "ana")
    project.undo(l1, "ana")
    project.undo(q, "ana")
    entity = {e["id"]: e for e in project.entities("org")}[board]
    assert (entity["label"], entity["qid"]) == ("Fenland Drainage Board", None)
