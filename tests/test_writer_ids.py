"""A document's new rows are inserted a table at a time, and the ids that come back must be
matched to the right rows: each mention to its own body, each piece of evidence to its own
passage. On SQLite the ids are read from one multi-row insert (store/writer.py,
``_ids_in_order``), so these tests check the matching on real documents, and the refusal
when SQLite cannot number rows in order."""
import pytest
import backends
from orgline.errors import StoreError
from orgline.model import Source
from orgline.nlp import extract
from orgline.store import Store

TEXTS = [
    "The Fenland Beekeepers' Association (FBA) was founded in Ely in 1931 by six growers. "
    "In 1958 the FBA merged with the Breckland Apiary Society to form the East Anglian "
    "Beekeepers' Union, which moved to Norwich. The union is a member of the National "
    "Honey Council.",
    "Harrow Lane Rowing Club was formed in 1886 and was renamed Thames Valley Oarsmen in "
    "1902. Members who left in 1911 set up the Kingston Sculling Club, which later joined "
    "the Amateur Rowing Association.",
]


def stored_spans(db: str, source_id: str) -> tuple[dict[str, set[tuple[int, int]]], set[tuple[str, int, int]]]:
    """Each stored body's mention offsets by its label, and each claim's evidence offsets."""
    with backends.connect(db) as c:
        mentions: dict[str, set[tuple[int, int]]] = {}
        for label, start, end in c.execute(
                "SELECT e.label, s.start, s.\"end\" FROM mentions m JOIN entities e ON e.id = m.entity_id "
                "JOIN spans s ON s.id = m.span_id WHERE s.source_id = ?", (source_id,)):
            mentions.setdefault(label, set()).add((start, end))
        evidence = {(type_, start, end) for type_, start, end in c.execute(
            "SELECT c.type, s.start, s.\"end\" FROM claim_evidence ce JOIN claims c ON c.id = ce.claim_id "
            "JOIN spans s ON s.id = ce.span_id WHERE c.source_id = ?", (source_id,))}
    return mentions, evidence


def test_each_row_gets_its_own_id(db):
    store = Store.open(db)
    for k, body in enumerate(TEXTS):
        facts = extract(Source(text=body, origin=f"doc{k}.txt"))
        assert store.save(facts)
        mentions, evidence = stored_spans(db, facts.source.id)
        expected = {}
        for e in facts.entities:
            expected.setdefault(e.label, set()).update((m.start, m.end) for m in e.mentions)
        assert len(expected) >= 3 and mentions == {k: v for k, v in expected.items() if v}
        assert evidence == {(c.type, sp.start, sp.end) for c in facts.claims for sp in c.evidence}
        assert len(evidence) >= 3


@pytest.mark.skipif(backends.BACKEND != "sqlite", reason="SQLite's row numbering")
def test_rows_sqlite_cannot_number_in_order_are_refused(db):
    """Past the largest id SQLite allows, it picks new ids at random: the document is
    refused whole, and what was stored before stays as it was."""
    store = Store.open(db)
    first = extract(Source(text=TEXTS[0], origin="doc0.txt"))
    assert store.save(first)
    with backends.connect(db) as c:
        c.execute("INSERT INTO spans (id, source_id, start, \"end\", quote) "
                  "VALUES (9223372036854775807, ?, 0, 3, 'The')", (first.source.id,))
        c.commit()
        before = [c.execute(f"SELECT count(*) FROM {t}")[0][0] for t in ("sources", "spans", "claims")]
    second = extract(Source(text=TEXTS[1], origin="doc1.txt"))
    with pytest.raises(StoreError, match="spans: new ids are not consecutive"):
        store.save(second)
    with backends.connect(db) as c:
        assert [c.execute(f"SELECT count(*) FROM {t}")[0][0] for t in ("sources", "spans", "claims")] == before
    assert not store.has_source(second.source.id)
