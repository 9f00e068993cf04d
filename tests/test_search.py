"""Search over names and source texts on a real SQLite store (FTS5 kept by triggers)."""
from __future__ import annotations

from orgline.project import Project
from orgline.query.search import search

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
    assert len(hits) == 1
    snippet, marks = hits[0]["snippet"], hits[0]["highlights"]
    assert [snippet[a:b] for a, b in marks] == ["Bradford", "1902"]
    assert "\x02" not in snippet and "\x03" not in snippet  # offsets, not control characters
    for odd in ('"unclosed', "AND OR NOT (", "weav*", "col:umn", "%_\\"):
        search(project.store, odd)  # FTS5 syntax in a query is read as words, never as syntax
    assert search(project.store, "   ") == {"entities": [], "sources": []}
    assert search(project.store, "Quarrymen")["sources"] == []


def test_a_source_stored_later_is_searchable(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("ewa.txt", TEXT)])
    project.ingest([write("b.txt", "The Saltmarsh Ferry Guild was founded in Hull in 1911.")])
    assert [h["title"] for h in search(project.store, "ferry")["sources"]] == [
        "The Saltmarsh Ferry Guild was founded in Hull in 1911."]


def test_spelling_variants_and_word_order_find_a_body_with_its_dates(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("h.txt", "The Harbour Workers Union was founded in Leith in 1911. The "
                                   "Harbour Workers Union was dissolved in 1962.")])
    for q in ("Harbor Workers Union", "Workers Union Harbour", "harbour workers' union"):
        hits = search(project.store, q)["entities"]
        assert hits and hits[0]["label"] == "Harbour Workers Union", q
        assert (hits[0]["founded"], hits[0]["ended"]) == ("1911", "1962")
    assert "close to" in search(project.store, "Harbor Workers Union")["entities"][0]["why"]
    assert search(project.store, "Railway Clerks Guild")["entities"] == []  # not close: nothing


def test_the_api_returns_offsets_and_the_page_marks_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import httpx
    from webserver import serving

    from orgline.web.app import create_app
    doc = tmp_path / "ewa.txt"
    doc.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "o.db")
    Project(db).ingest([doc])
    with serving(create_app(db)) as base:
        r = httpx.get(f"{base}/api/search", params={"q": "bradford"})
        hit = r.json()["sources"][0]
        assert hit["snippet"][hit["highlights"][0][0]:hit["highlights"][0][1]] == "Bradford"
        assert "\\u0002" not in r.text and "\\u0003" not in r.text
        assert "<mark>Bradford</mark>" in httpx.get(f"{base}/", params={"q": "bradford"}).text


def test_claims_read_as_sentences_with_dates_in_words() -> None:
    from orgline.query.sentences import sentence, when
    assert sentence("founded", "Orchard Guild", date="1952-05", place="Hereford") == \
        "Orchard Guild was founded in Hereford in May 1952"
    assert sentence("member_of", "Orchard Guild", "Farm Federation", "1962", "1971", negated=True) == \
        "Orchard Guild was not a member of Farm Federation from 1962 to 1971"
    assert sentence("merged", "Reds", "Union 44", "195X", result="Union 44/The Reds") == \
        "Reds merged with Union 44 into Union 44/The Reds in the 1950s"
    assert sentence("dissolved", "Orchard Guild", date="../1971") == "Orchard Guild came to an end before 1971"
    assert sentence("published", "Rent Strike Days", "Tenants Federation", "1971-10-03",
                    according_to="Tenants Federation") == \
        "According to Tenants Federation, Rent Strike Days was published by Tenants Federation on 3 October 1971"
    assert [when(d) for d in ("1920~", "1937-21", "1998-35", "19XX", "1990/..", "1966/1969", "1952")] == [
        "around 1920", "in spring 1937", "in the third quarter of 1998", "in the 20th century", "since 1990",
        "between 1966 and 1969", "in 1952"]


def test_names_index_follows_the_names(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    """Names stored, merged or renamed later are found by closeness too (the index is kept
    by triggers, not rebuilt)."""
    project.ingest([write("a.txt", "The Tamar Boatmen's Friendly Society was founded in 1860.")])
    assert search(project.store, "Tamar Boatman Friendly Society")["entities"]
    project.ingest([write("b.txt", "The Lynher Oystermen's Guild was founded in 1872.")])
    assert search(project.store, "Lyner Oystermens Guild")["entities"][0]["label"] == "Lynher Oystermen's Guild"
