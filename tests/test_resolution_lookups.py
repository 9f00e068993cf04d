"""How the store looks up the bodies a new document may name, on a real store of either
backend: all of a document's entities are looked up together, and each must still get the
candidates, and the decision, it would get on its own."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from backends import connect
from orgline.model import Claim, DocumentFacts, Entity, EntityKind, Name, NameKind, Source, Span
from orgline.store import Store
from orgline.store.resolution import BLOCK_LIMIT


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    opened = Store.open(db)
    yield opened
    opened.close()


def _org(key: str, full: str | None, short: str | None = None) -> Entity:
    names = ([Name(full)] if full else []) + ([Name(short, NameKind.SHORT)] if short else [])
    return Entity(key, EntityKind.ORG, full or short or "", names)


def _place(key: str, name: str) -> Entity:
    return Entity(key, EntityKind.PLACE, name, [Name(name)])


def _document(origin: str, entities: list[Entity], links: list[tuple[str, str, str]]) -> DocumentFacts:
    text = f"{origin}: " + "; ".join(e.label for e in entities)
    evidence = [Span(0, len(origin), origin)]
    claims = [Claim(type_, a, object=b or None, evidence=evidence) for type_, a, b in links]
    return DocumentFacts(Source(text=text, origin=origin), entities, claims)


def _one(db: str, sql: str, *params: str) -> int:
    with connect(db) as con:
        row = con.execute(sql, params).fetchone()
    assert row is not None
    return int(row[0])  # type: ignore[call-overload]


def _end_of(db: str, origin: str, type_: str, end: str = "subject_id") -> int:
    """The stored body at one end of a document's claim of ``type_``."""
    return _one(db, f"select c.{end} from claims c join sources s on s.id = c.source_id "
                    "where s.origin = ? and c.type = ?", origin, type_)


def test_each_body_of_a_document_finds_its_own_stored_body(db: str, store: Store) -> None:
    store.save(_document("pilots.txt", [_org("e1", "Harbour Pilots Association", "HPA"), _place("e2", "Leith"),
                                        _org("e3", "Dockers Benevolent Fund")],
                         [("location", "e1", "e2"), ("worked_with", "e1", "e3")]))
    # the acronym alone, known through the place both documents give it; the fund by its
    # full name; a body never stored before
    store.save(_document("later.txt", [_org("e1", None, "HPA"), _place("e2", "Leith"),
                                       _org("e3", "Dockers Benevolent Fund"), _org("e4", "Tidewater Guild")],
                         [("location", "e1", "e2"), ("worked_with", "e3", "e1"), ("member_of", "e4", "e3")]))
    assert _end_of(db, "later.txt", "location") == _end_of(db, "pilots.txt", "location")
    assert _end_of(db, "later.txt", "worked_with") == _end_of(db, "pilots.txt", "worked_with", "object_id")
    assert _end_of(db, "later.txt", "member_of") not in {
        _end_of(db, "pilots.txt", "location"), _end_of(db, "pilots.txt", "worked_with", "object_id")}
    assert _one(db, "select count(*) from entities where kind = ?", "org") == 3


def test_a_stored_body_taken_by_one_entity_is_not_offered_to_the_next(db: str, store: Store) -> None:
    store.save(_document("first.txt", [_org("e1", "Northern Rail Guild")], [("founded", "e1", "")]))
    # one document's two namesakes (a name later taken by another body): the first is the
    # stored one, the second a new body, never the same one twice
    store.save(_document("second.txt", [_org("e1", "Northern Rail Guild"), _org("e2", "Northern Rail Guild")],
                         [("dissolved", "e1", ""), ("founded", "e2", "")]))
    stored = _end_of(db, "first.txt", "founded")
    assert _end_of(db, "second.txt", "dissolved") == stored
    assert _end_of(db, "second.txt", "founded") != stored
    assert _one(db, "select count(*) from entities") == 2


def test_a_common_acronym_is_looked_up_among_its_latest_bearers(db: str, store: Store) -> None:
    """An acronym borne by more bodies than BLOCK_LIMIT: the latest bearers are still found,
    the earliest no longer (each lookup reads a bounded number of names, whatever the
    store's size)."""
    towns = [a + b for a in ("North", "South", "East", "West", "High", "Low", "Old", "New", "Great")
             for b in ("field", "ford", "ham", "wick", "bury")]
    assert len(towns) > BLOCK_LIMIT + 1
    for i, town in enumerate(towns):
        store.save(_document(f"cwu{i}.txt", [_org("e1", f"Carriers Welfare Union of {town}", "CWU"),
                                             _place("e2", town)], [("location", "e1", "e2")]))
    latest, earliest = len(towns) - 1, 0
    for i in (latest, earliest):
        store.save(_document(f"again{i}.txt", [_org("e1", None, "CWU"), _place("e2", towns[i])],
                             [("location", "e1", "e2")]))
    assert _end_of(db, f"again{latest}.txt", "location") == _end_of(db, f"cwu{latest}.txt", "location")
    assert _end_of(db, f"again{earliest}.txt", "location") != _end_of(db, "cwu0.txt", "location")
