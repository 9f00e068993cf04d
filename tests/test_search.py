"""Search over names and source texts on a real SQLite store (FTS5 kept by triggers)."""
from __future__ import annotations

from orgline.project import Project
from orgline.query.search import MARK_CLOSE, MARK_OPEN, search

TEXT = ("The Eastmoor Weavers Association (EWA) was founded in Bradford in 1902. Until 1920 it "
        "was called the Eastmoor Handloom Society.")


def test_names_say_why_they_matched(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("ewa.txt", TEXT)])
    hits = search(project.store, "EWA")["entities"]
    assert hits[0]["label"] == "Eastmoor Weavers Association"
    assert "acronym" in hits[0]["why"]
    former = search(project.store, "handloom")["entities"]
    assert former and former[0]["label"] == "Eastmoor Weavers Association"
    assert "former name" in former[0]["why"] and "contains" in former[0]["why"]


def test_source_text_search_marks_the_words_and_takes_any_input(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("ewa.txt", TEXT)])
    hits = search(project.store, "bradford 1902")["sources"]
    assert len(hits) == 1 and f"{MARK_OPEN}Bradford{MARK_CLOSE}" in hits[0]["snippet"]
    for odd in ('"unclosed', "AND OR NOT (", "weav*", "col:umn", "%_\\"):
        search(project.store, odd)  # FTS5 syntax in a query is read as words, never as syntax
    assert search(project.store, "   ") == {"entities": [], "sources": []}
    assert search(project.store, "Quarrymen")["sources"] == []


def test_a_source_stored_later_is_searchable(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("ewa.txt", TEXT)])
    project.ingest([write("b.txt", "The Saltmarsh Ferry Guild was founded in Hull in 1911.")])
    assert [h["title"] for h in search(project.store, "ferry")["sources"]] == ["b"]
