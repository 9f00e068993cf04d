"""Reading stored sources again (``reextract``) on real SQLite stores with reviews: a pass
over an unchanged store changes no row, and every manual merge, split, label and QID
holds exactly, with no other body drawn in."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from backends import connect
from orgline.project import Project

# A league and an association its members later say were one body; years after the
# association was wound up, students founded a new body under its name elsewhere.
LEAGUE = ("The Harbour Tenants League was founded in Leith in 1950 by dock families. In 1958 the "
          "League joined the Scottish Housing Federation.")
ASSOCIATION = ("The Leith Tenants Association was founded in 1952. It campaigned against rent rises "
               "until it was dissolved in 1961.")
NAMESAKE = ("In 1990 a new Leith Tenants Association was founded in Glasgow by students. The Leith "
            "Tenants Association published a newsletter called The Close from 1992.")
# A company and a bank in one text; the same company named again by a second text.
MILL = ("Ashby Spinning Company was established in Preston in 1921. In 1934 the company was bought by "
        "the Lancashire Cotton Bank, which was based in Manchester.")
MILL_AGAIN = "Ashby Spinning Company was established in Preston in 1921 and closed in 1968."

TABLES = {
    "entities": "select id, source_id, kind, label, qid from entities",
    "names": "select id, entity_id, name, kind, valid_from, valid_to, source_id from names",
    "mentions": "select m.id, m.entity_id, s.id, s.start, s.\"end\" from mentions m join spans s on s.id = m.span_id",
    "spans": "select id, source_id, start, \"end\", quote from spans",
    "claims": "select id, key, type, subject_id, object_id, value, date, \"end\", place_id, result_id, "
              "according_to_id, negated, status, rule from claims",
    "evidence": "select claim_id, span_id from claim_evidence",
    "reviews": "select id, claim_id, claim_key, entity_id, action, before, after, undone_at from reviews",
}


def snapshot(db: str) -> dict[str, list[tuple[Any, ...]]]:
    con = connect(db)
    try:
        return {t: sorted(con.execute(q).fetchall(), key=repr) for t, q in TABLES.items()}
    finally:
        con.close()


def orphans(db: str) -> list[int]:
    """Entities that hold nothing and that no review names."""
    con = connect(db)
    try:
        empty = [i for (i,) in con.execute(
            "select id from entities e where not exists (select 1 from names where entity_id = e.id) "
            "and not exists (select 1 from mentions where entity_id = e.id) and not exists (select 1 from claims c "
            "where e.id in (c.subject_id, c.object_id, c.place_id, c.result_id, c.according_to_id))")]
        named = " ".join(str(r) for r in con.execute("select entity_id, before, after from reviews"))
        return [i for i in empty if str(i) not in named]
    finally:
        con.close()


def org(project: Project, label: str) -> list[dict[str, Any]]:
    return [e for e in project.entities("org") if e["label"] == label]


def _reviewed_store(project: Project, write: Any) -> dict[str, int]:
    project.ingest([write("league.txt", LEAGUE), write("association.txt", ASSOCIATION),
                    write("namesake.txt", NAMESAKE), write("mill.txt", MILL), write("mill2.txt", MILL_AGAIN)])
    ids = {"league": project.entity_id("Harbour Tenants League")}
    bearers = sorted(r["entity_id"] for r in project.names("Leith Tenants Association"))
    assert len(bearers) == 2, "the 1990 namesake must be a body of its own before any review"
    ids["association"], ids["namesake"] = bearers
    founded = next(c for c in project.claims("#" + str(ids["league"])) if c["type"] == "founded")
    project.accept(founded["id"], "ana")
    located = next(c for c in project.claims("Lancashire Cotton Bank") if c["type"] == "location")
    project.reject(located["id"], "ana")
    mill_founded = next(c for c in project.claims("Ashby Spinning Company") if c["type"] == "founded")
    project.edit(mill_founded["id"], "ben", date="1921-04")
    project.merge(f"#{ids['league']}", f"#{ids['association']}", "ana")
    _, ids["mill_split"] = project.split("Ashby Spinning Company", "mill2.txt", "ben")
    project.set_label(f"#{ids['league']}", "Harbour Tenants League (Leith)", "ana")
    project.set_qid("Lancashire Cotton Bank", "Q98765", "ana")
    return ids


def test_a_second_pass_changes_nothing(project: Project, write: Any, db: str) -> None:
    _reviewed_store(project, write)
    first = snapshot(db)
    done = project.reextract()
    assert snapshot(db) == first  # not one row added, removed or changed
    assert all(r.added == r.removed == r.entities_removed == 0 for r in done.values())
    assert sum(r.decisions for r in done.values()) == 3
    project.reextract()
    assert snapshot(db) == first
    assert orphans(db) == []


def test_reviews_hold_exactly_and_no_other_body_joins(project: Project, write: Any, db: str) -> None:
    ids = _reviewed_store(project, write)
    project.reextract(["association.txt"])
    project.reextract(["namesake.txt"])
    project.reextract()
    names_of = {r["entity_id"] for r in project.names("Leith Tenants Association")}
    assert names_of == {ids["league"], ids["namesake"]}  # the merge holds; the namesake stays apart
    namesake = project.claims(f"#{ids['namesake']}")
    assert {Path(c["source"]["origin"]).name for c in namesake} == {"namesake.txt"}
    league = {e["id"]: e for e in project.entities("org")}[ids["league"]]
    assert league["label"] == "Harbour Tenants League (Leith)"
    assert {c["source"]["origin"].rsplit("/", 1)[-1] for c in project.claims(f"#{ids['mill_split']}")} == {"mill2.txt"}
    assert {e["qid"] for e in project.entities("org") if e["label"] == "Lancashire Cotton Bank"} == {"Q98765"}
    statuses = {(c["type"], c["status"], c["date"]) for c in project.claims("Ashby Spinning Company")}
    assert ("founded", "edited", "1921-04") in statuses
    assert orphans(db) == []


def test_a_body_an_older_reading_made_up_goes(project: Project, write: Any, db: str) -> None:
    """A newer extractor that no longer reads a body: its claims and the empty body go,
    and a reviewed claim that vanished keeps its review, unlinked."""
    from orgline.model import Claim, DocumentFacts, Entity, EntityKind, Name, Source, Span
    text = "The Quarry Workers Guild was founded in Bangor in 1911, with the Slate Mutual."
    ev = [Span(0, len(text), text)]

    def facts(with_mutual: bool) -> DocumentFacts:
        ents = [Entity("e1", EntityKind.ORG, "Quarry Workers Guild", [Name("Quarry Workers Guild")],
                       [Span(4, 24, "Quarry Workers Guild")])]
        claims = [Claim("founded", "e1", date="1911", evidence=ev, rule="r")]
        if with_mutual:
            ents.append(Entity("e2", EntityKind.ORG, "Slate Mutual", [Name("Slate Mutual")],
                               [Span(63, 75, "Slate Mutual")]))
            claims.append(Claim("worked_with", "e1", object="e2", evidence=ev, rule="r"))
        return DocumentFacts(Source(text=text, origin="guild.txt"), ents, claims)

    project.store.save(facts(with_mutual=True))
    link = next(c for c in project.claims("Quarry Workers Guild") if c["type"] == "worked_with")
    project.reject(link["id"], "ana")
    report = project.store.replace(facts(with_mutual=False))
    assert (report.added, report.removed, report.unchanged, report.entities_removed) == (0, 1, 1, 1)
    assert [e["label"] for e in project.entities("org")] == ["Quarry Workers Guild"]
    assert project.history()[0]["claim"] is None  # the decision is kept, its claim gone
    report = project.store.replace(facts(with_mutual=True))  # an extractor that reads it again
    assert (report.added, report.decisions) == (1, 1)
    assert next(c for c in project.claims("Quarry Workers Guild") if c["type"] == "worked_with")["status"] == "rejected"
    assert orphans(db) == []
