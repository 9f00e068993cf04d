"""Entity resolution across documents, on a real SQLite file: documents written for these
tests name the same organizations in different ways, and different organizations alike."""
from __future__ import annotations

import json

from backends import connect
from orgline.model import EntityKind, NameKind
from orgline.project import Project
from orgline.resolve.across import Known, NameSpan, choose, match_key


def _org_ids(project: Project, name: str) -> set[int]:
    return {r["entity_id"] for r in project.names(name)}


def test_match_keys_ignore_legal_forms_and_country_initials() -> None:
    assert match_key("Zentrix N.V.") == match_key("Zentrix") == "zentrix"
    assert match_key("Farmer-Labor Party, U.S.A.") == match_key("Farmer-Labor Party USA")
    assert match_key("The Harbour Workers' Union") == match_key("Harbour Workers Union")
    assert match_key("Company") == "company"  # a legal form alone is still a name


def test_the_same_full_name_in_two_documents_is_one_entity(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", "The Eastfield Workers' League (EWL) was founded in Duluth in 1971.")
    b = write("b.txt", "In 1980 the Eastfield Workers League merged with the Iron Range Union "
                       "to form the Lakehead Labour Alliance.")
    project.ingest([a, b])
    ids = _org_ids(project, "Eastfield Workers League")
    assert len(ids) == 1
    claims = project.claims("EWL")
    assert {c["type"] for c in claims} >= {"founded", "merged"}
    assert len({c["source"]["id"] for c in claims}) == 2


def test_an_acronym_alone_needs_something_else_shared(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", "The Eastfield Workers League (EWL) was founded in Duluth in 1971.")
    b = write("b.txt", "The EWL was based in Duluth until 1975.")
    c = write("c.txt", "The EWL (National Wrestling League) was founded in Tampa in 1990.")
    project.ingest([a, b, c])
    nwl = _org_ids(project, "EWL")
    assert len(nwl) == 2  # Duluth ties b to a; nothing ties c to either
    league = _org_ids(project, "Eastfield Workers League")
    assert league < nwl


def test_two_bodies_that_bore_one_name_at_different_times_stay_two(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", "The Dockside Renters Committee was founded in 1950. It was dissolved in 1958.")
    b = write("b.txt", "The Dockside Renters Committee was founded in 1965 by tenants of the "
                       "Harbour Estate.")
    project.ingest([a, b])
    assert len(_org_ids(project, "Dockside Renters Committee")) == 2
    at_1970 = project.names("Dockside Renters Committee", at="1970")
    assert [r["valid_from"] for r in at_1970 if not r["undated"]] == ["1965"]


def test_a_misspelling_with_a_shared_neighbour_is_the_same_body(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", "The Coastal Fishermen's Cooperative joined the Federation of Fisheries "
                       "Unions in 1961.")
    b = write("b.txt", "The Coastal Fishermans Cooperative was a member of the Federation of "
                       "Fisheries Unions until 1970.")
    project.ingest([a, b])
    con = connect(project.store.engine.url)
    bodies = con.execute("select count(*) from entities where kind = 'org' and label like 'Coastal%'").fetchone()[0]
    assert bodies == 1


def test_similar_names_without_context_stay_apart(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", "The Coastal Fishermen's Cooperative was founded in Hull in 1950.")
    b = write("b.txt", "The Coastal Fishermans Cooperative was founded in Cork in 1952.")
    project.ingest([a, b])
    con = connect(project.store.engine.url)
    assert con.execute("select count(*) from entities where kind = 'org'").fetchone()[0] == 2


def test_one_document_s_own_namesakes_are_never_merged_by_the_store(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    a = write("a.txt", "The Athletic Club was formed in 1907 and folded in 1983. A supporters' "
                       "association revived the dormant name in 2004, registering a new Athletic Club.")
    b = write("b.txt", "The Athletic Club won the cup in 1950.")
    project.ingest([a, b])
    con = connect(project.store.engine.url)
    from_a = con.execute("select count(distinct n.entity_id) from names n join sources s "
                         "on s.id = n.source_id where s.origin like '%a.txt' and n.name = 'Athletic Club'").fetchone()[0]
    assert from_a == 2  # b's club matches both equally and is not guessed into either
    assert len(_org_ids(project, "Athletic Club")) == 3


def test_an_equal_tie_between_candidates_is_not_guessed() -> None:
    new = Known(EntityKind.ORG, [NameSpan("nwl", NameKind.SHORT.value)], {"duluth"})
    one = Known(EntityKind.ORG, [NameSpan("nwl", NameKind.SHORT.value)], {"duluth"}, id=1)
    two = Known(EntityKind.ORG, [NameSpan("nwl", NameKind.SHORT.value)], {"duluth"}, id=2)
    assert choose(new, [one, two]) is None
    assert choose(new, [one]) == (1, "short_name_in_context")


def test_sources_that_disagree_are_listed_side_by_side(project: Project, write, db: str) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner
    from orgline.cli import app
    a = write("a.txt", "The Eastfield Workers League was founded in Duluth in 1971. The "
                       "Eastfield Workers League joined the Iron Range Federation in 1975.")
    b = write("b.txt", "The Eastfield Workers League was founded in 1969. The Eastfield Workers "
                       "League never joined the Iron Range Federation.")
    c = write("c.txt", "The Harbour Guild was founded in 1950.")
    project.ingest([a, b, c])
    groups = project.conflicts()
    whys = {(g["type"], g["why"]) for g in groups}
    assert whys == {("founded", "dates that cannot both hold"), ("member_of", "asserted and denied")}
    founded = next(g for g in groups if g["type"] == "founded")
    assert sorted(c["date"] for c in founded["claims"]) == ["1969", "1971"]
    assert {c["source"]["origin"].rsplit("/", 1)[-1] for c in founded["claims"]} == {"a.txt", "b.txt"}
    timeline = project.timeline("Eastfield Workers League")
    assert [c["date"] for c in timeline if c["type"] == "founded"] == ["1969", "1971"]
    result = CliRunner().invoke(app, ["--db", db, "conflicts", "--json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 2
    assert project.conflicts("Harbour Guild") == []
