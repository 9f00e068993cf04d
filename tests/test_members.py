"""People as members and founders (orgline/nlp/rules/members.py), each phrasing in two
kinds of organization at least, on the real spaCy pipeline; fictional names throughout."""
from __future__ import annotations

import pytest

from orgline.model import DocumentFacts, Source
from orgline.nlp import extract


def read(text: str) -> DocumentFacts:
    return extract(Source(text=text, origin="test.txt"))


def pairs(text: str, type_: str = "member_of") -> set[tuple[str, str]]:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    return {(label[c.subject], label.get(c.object or "", "")) for c in f.claims
            if c.type == type_ and not c.negated}


def kinds(text: str) -> dict[str, str]:
    return {e.label: e.kind.value for e in read(text).entities}


@pytest.mark.parametrize("text, person, body", [
    ("The riffs were composed by Acme Union bassist Tom Hardy.", "Tom Hardy", "Acme Union"),
    ("In the by-election, Green Party candidate Matt Ryan won the seat.", "Matt Ryan", "Green Party"),
    ("The song was sung by Velvet Foxes singer Anna Berg.", "Anna Berg", "Velvet Foxes"),
])
def test_a_title_before_a_name(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("Janet Ross, a member of the Workers Party, spoke at the rally.", "Janet Ross", "Workers Party"),
    ("Tom Hardy, a member of the Dock Porters Union, led the strike.", "Tom Hardy", "Dock Porters Union"),
])
def test_a_member_in_apposition(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("Janet Ross is a Coastal Workers Party politician.", "Janet Ross", "Coastal Workers Party"),
    ("Ann Lee was elected as the Green Party's candidate.", "Ann Lee", "Green Party"),
])
def test_a_politician_of_a_party(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text, people, body", [
    ("Paul Smith and Rob Jones of the Blue Hats toured in 2013.", {"Paul Smith", "Rob Jones"}, "Blue Hats"),
    ("Paul Smith and Rob Jones of the Red Lions Football Club scored twice.",
     {"Paul Smith", "Rob Jones"}, "Red Lions Football Club"),
])
def test_people_of_a_body(text: str, people: set[str], body: str) -> None:
    assert {(p, body) for p in people} <= pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("The county mayor is Janet Ross (Green Party).", "Janet Ross", "Green Party"),
    ("The deputy mayor is Tom Hardy (Forward Party).", "Tom Hardy", "Forward Party"),
])
def test_a_party_in_brackets(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("Tom Hardy played for the Red Lions Football Club.", "Tom Hardy", "Red Lions Football Club"),
    ("Ann Lee was admitted to the rowing club Oarsmen United in 1898.", "Ann Lee", "Oarsmen United"),
    ("Ann Lee was elected to the Royal Society of Letters in 1950.", "Ann Lee", "Royal Society of Letters"),
])
def test_playing_for_and_admitted_to(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("Tom Hardy joined the Red Lions in 1990.", "Tom Hardy", "Red Lions"),
    ("Janet Ross joined the Workers Party in 1931.", "Janet Ross", "Workers Party"),
])
def test_a_person_joins(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text, body, people", [
    ("The Blue Hats were formed in 1976 by guitarist Paul Smith and bassist Rob Jones.",
     "Blue Hats", {"Paul Smith", "Rob Jones"}),
    ("The Grey Bank was founded by Paul Smith and Rob Jones in 1901.", "Grey Bank",
     {"Paul Smith", "Rob Jones"}),
])
def test_every_coordinated_founder(text: str, body: str, people: set[str]) -> None:
    assert {(body, p) for p in people} <= pairs(text, "founded_by")


@pytest.mark.parametrize("text", [
    "Tom Hardy, a member of the public, called the police.",
    "Ann Lee, a member of staff, opened the doors.",
    "Tom Hardy joined the army of admirers.",
    "Janet Ross played for time.",
    "Tom Hardy was admitted to hospital in 1990.",
    "The mayor is Janet Ross (born 1950).",
    "The manager is Tom Hardy (Acme Corporation).",
])
def test_no_membership_without_a_named_body(text: str) -> None:
    assert not pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("Ann Berg and Rob Jones of the Union of Dock Porters marched in 1990.", "Rob Jones",
     "Union of Dock Porters"),
    ("Ann Berg of the Green Party spoke.", "Ann Berg", "Green Party"),
])
def test_people_named_before_their_body_open_no_name(text: str, person: str, body: str) -> None:
    got = kinds(text)
    assert got.get(person) == "person" and got.get(body) == "org"
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("Ann Lee is the drummer of the rock band Velvet Foxes.", "Ann Lee", "Velvet Foxes"),
    ("Tom Hardy is the singer of the folk band Hollowmere.", "Tom Hardy", "Hollowmere"),
])
def test_a_name_after_a_word_for_a_band_is_a_body(text: str, person: str, body: str) -> None:
    assert kinds(text).get(body) == "org"
    assert (person, body) in pairs(text)


def test_a_person_member_is_stored_and_exported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io
    import json

    from orgline.project import Project
    doc = tmp_path / "a.txt"
    doc.write_text("Janet Ross, a member of the Workers Party, spoke. Tom Hardy played for the Red Lions "
                   "Football Club.", encoding="utf-8")
    p = Project(str(tmp_path / "s.db"))
    p.ingest([str(doc)])
    out = io.StringIO()
    p.export("facts", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    got = {(r["subject"]["kind"], r["subject"]["label"], r["object"]["label"]) for r in rows
           if r["type"] == "member_of"}
    assert ("person", "Janet Ross", "Workers Party") in got
    assert ("person", "Tom Hardy", "Red Lions Football Club") in got


@pytest.mark.parametrize("text, body, people", [
    ("The Blue Hats were formed in 1976 by guitarist Paul Smith and bassist Rob Jones.",
     "Blue Hats", {"Paul Smith", "Rob Jones"}),
    ("The Harlow Rovers Football Club was formed by goalkeeper Tom Hardy in 1890.",
     "Harlow Rovers Football Club", {"Tom Hardy"}),
])
def test_titled_founders_of_a_band_or_team_are_members(text: str, body: str, people: set[str]) -> None:
    assert {(p, body) for p in people} <= pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("The first popular artist was Ann Lee, who created the band Velvet Foxes in 1970.", "Ann Lee",
     "Velvet Foxes"),
    ("In 1962 Tom Hardy formed the group Silver Comets.", "Tom Hardy", "Silver Comets"),
])
def test_who_formed_a_band_plays_in_it(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


def test_a_company_founder_is_not_its_member() -> None:
    assert not pairs("In 1962 Tom Hardy founded the Grey Bank.")


@pytest.mark.parametrize("text, person, body", [
    ("Janet Ross quit the Workers Party in 1990.", "Janet Ross", "Workers Party"),
    ("In 1990 Tom Hardy left the Red Lions Football Club.", "Tom Hardy", "Red Lions Football Club"),
])
def test_one_leaves_what_one_was_in(text: str, person: str, body: str) -> None:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    got = [c for c in f.claims if c.type == "member_of"]
    assert (person, body) in {(label[c.subject], label[c.object or ""]) for c in got}
    assert all(c.date is None for c in got)  # leaving dates the end, not the start


def test_leaving_an_employer_is_no_membership() -> None:
    assert not pairs("Tom Hardy left the Acme Corporation in 1990.")


@pytest.mark.parametrize("text, person, body", [
    ("Ann Lee, who served as leader of the Workers Party, died in 1970.", "Ann Lee", "Workers Party"),
    ("Tom Hardy, who served as captain of the Red Lions Football Club, retired.", "Tom Hardy",
     "Red Lions Football Club"),
])
def test_who_served_as_a_title(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text, body", [
    ("The Hollow Reeds is an American folk ensemble formed in 1986 consisting of Paul Smith, "
     "Rob Jones and Ann Lee.", "Hollow Reeds"),
    ("Kestrel is a record label founded in 1990.", "Kestrel"),
])
def test_the_subject_of_is_a_band_or_label_is_a_body(text: str, body: str) -> None:
    assert kinds(text).get(body) == "org"


def test_a_commander_of_a_regiment_is_no_member() -> None:
    assert not pairs("Tom Hardy was leader of the Northern Rifles Regiment until 1914.")


@pytest.mark.parametrize("text, body, people", [
    ("Kestrel Records is an independent record label based in Dover, started by Ann Lee in 1990.",
     "Kestrel Records", {"Ann Lee"}),
    ("The Grey Bank is a private bank founded by Paul Smith and Rob Jones in 1901.", "Grey Bank",
     {"Paul Smith", "Rob Jones"}),
])
def test_founders_of_what_the_body_is(text: str, body: str, people: set[str]) -> None:
    assert {(body, p) for p in people} <= pairs(text, "founded_by")


def test_a_family_is_no_named_founder() -> None:
    assert not pairs("The Grey Bank is a private bank founded by the Smith family in 1901.", "founded_by")


@pytest.mark.parametrize("text, person, body", [
    ("Ann Lee was a founding member of the Workers Party.", "Ann Lee", "Workers Party"),
    ("Tom Hardy, a founding member of the Silver Comets Football Club, died in 1950.", "Tom Hardy",
     "Silver Comets Football Club"),
])
def test_a_founding_member_is_a_member_and_a_founder(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)
    assert (body, person) in pairs(text, "founded_by")


def test_a_title_in_passing_takes_no_date_from_the_verb() -> None:
    f = read("Janet Ross, a member of the Workers Party, died in 1950.")
    assert [c.date for c in f.claims if c.type == "member_of"] == [None]


@pytest.mark.parametrize("text, people, body", [
    ("The march was led by fellow Dock Porters Union activists Ann Lee and Tom Hardy.",
     {"Ann Lee", "Tom Hardy"}, "Dock Porters Union"),
    ("The list was drawn up by fellow Workers Party members Ann Lee and Tom Hardy.",
     {"Ann Lee", "Tom Hardy"}, "Workers Party"),
])
def test_fellow_activists(text: str, people: set[str], body: str) -> None:
    assert {(p, body) for p in people} <= pairs(text)


@pytest.mark.parametrize("text, person, body", [
    ("The Workers Party's leader Ann Lee spoke.", "Ann Lee", "Workers Party"),
    ("The Silver Comets Football Club's captain Tom Hardy scored.", "Tom Hardy", "Silver Comets Football Club"),
])
def test_a_possessive_title(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)


@pytest.mark.parametrize("text", [
    "Ann Lee, a founding member of staff, retired.",
    "Tom Hardy was a member of the audience.",
])
def test_no_founder_without_a_named_body(text: str) -> None:
    assert not pairs(text) and not pairs(text, "founded_by")


@pytest.mark.parametrize("text, body, person, member", [
    ("The Frost Society was founded in 1960. The society's founding president, Ann Lee, retired in 1980.",
     "Frost Society", "Ann Lee", True),
    ("The Grey Bank opened in 1901. Its founding director, Tom Hardy, died in 1930.", "Grey Bank",
     "Tom Hardy", False),
])
def test_a_founding_office_holder_founded_the_body(text: str, body: str, person: str, member: bool) -> None:
    assert (body, person) in pairs(text, "founded_by")
    assert ((person, body) in pairs(text)) is member  # a bank's director works there, belongs to no bank


@pytest.mark.parametrize("text, person, body", [
    ("Tom Hardy had launched the Green Action League in 1978 after leaving the Workers Party.",
     "Tom Hardy", "Workers Party"),
    ("Ann Lee formed her own group in 1970 after quitting the Silver Comets Football Club.",
     "Ann Lee", "Silver Comets Football Club"),
])
def test_after_leaving(text: str, person: str, body: str) -> None:
    assert (person, body) in pairs(text)
