"""Exports on a real SQLite store filled by the real pipeline: the filters every format
takes, and the CSV tables read back with the csv module."""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orgline.cli import app
from orgline.errors import NotFound
from orgline.export import Selection
from orgline.project import Project

GUILD = ("The Riverside Printers Guild (RPG) was founded in Leeds in 1921. In 1948 a group of members "
         "left the RPG and formed the Northern Typographers Union. The Northern Typographers Union "
         "merged into the Graphic Trades Alliance in 1969.")
KILN = "The Kiln Workers Society was founded in Stoke in 1930. It joined the Graphic Trades Alliance in 1952."


@pytest.fixture
def filled(project: Project, write) -> Project:  # type: ignore[no-untyped-def]
    assert not project.ingest([write("guild.txt", GUILD), write("kiln.txt", KILN)]).failed
    return project


def _facts(project: Project, selection: Selection | None = None) -> list[dict]:  # type: ignore[type-arg]
    buf = io.StringIO()
    n = project.export("facts", buf, selection)
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert len(rows) == n
    return rows


def test_filters_pick_claims(filled: Project) -> None:
    every = _facts(filled)
    kiln = _facts(filled, Selection(entity="Kiln Workers Society"))
    assert kiln and all("Kiln Workers Society" in (f["subject"]["label"], (f["object"] or {}).get("label"))
                        for f in kiln)
    founded = _facts(filled, Selection(types=["founded"]))
    assert {f["subject"]["label"] for f in founded} == {"Riverside Printers Guild", "Northern Typographers Union",
                                                        "Kiln Workers Society"}
    assert {f["type"] for f in founded} == {"founded"}
    later = _facts(filled, Selection(date_from="1950"))
    assert later and all(int(f["date"][:4]) >= 1950 for f in later)
    early = _facts(filled, Selection(date_to="1929"))
    assert early and all(int(f["date"][:4]) <= 1929 for f in early)
    assert len(every) > len(kiln) and len(every) > len(later) + len(early)
    claim = next(f for f in every if f["type"] == "founded")
    filled.accept(int(claim["id"][1:]), "ana")
    assert [f["id"] for f in _facts(filled, Selection(status=["accepted"]))] == [claim["id"]]
    with pytest.raises(NotFound, match="unknown status"):
        _facts(filled, Selection(status=["approved"]))


def _tables(data: bytes) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert sorted(z.namelist()) == ["claims.csv", "entities.csv", "names.csv"]
        return {name: list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8"))) for name in z.namelist()}


def test_csv_tables_join_and_carry_their_evidence(filled: Project) -> None:
    buf = io.BytesIO()
    n = filled.export("csv", buf)
    t = _tables(buf.getvalue())
    assert len(t["claims.csv"]) == n == len(_facts(filled))
    entities = {r["entity_id"]: r for r in t["entities.csv"]}
    for c in t["claims.csv"]:
        assert entities[c["subject_id"]]["label"] == c["subject"]
        assert c["quote"] and c["origin"].endswith(".txt")
    rpg = next(r for r in t["entities.csv"] if r["label"] == "Riverside Printers Guild")
    assert {r["name"] for r in t["names.csv"] if r["entity_id"] == rpg["entity_id"]} >= {"Riverside Printers Guild", "RPG"}


def test_csv_of_one_entity_holds_only_what_its_claims_name(filled: Project) -> None:
    buf = io.BytesIO()
    filled.export("csv", buf, Selection(entity="Kiln Workers Society"))
    t = _tables(buf.getvalue())
    labels = {r["label"] for r in t["entities.csv"]}
    assert "Kiln Workers Society" in labels and "Riverside Printers Guild" not in labels
    assert {r["entity_id"] for r in t["names.csv"]} <= {r["entity_id"] for r in t["entities.csv"]}


def test_export_from_the_command_line(filled: Project, db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "kiln.zip"
    r = runner.invoke(app, ["--db", db, "export", "--format", "csv", "--output", str(out), "--types", "founded,member_of"])
    assert r.exit_code == 0, r.output
    assert {c["type"] for c in _tables(out.read_bytes())["claims.csv"]} == {"founded", "member_of"}
    bad = tmp_path / "never.jsonl"
    r = runner.invoke(app, ["--db", db, "export", "--output", str(bad), "--types", "foundered"])
    assert r.exit_code == 5 and "unknown claim type" in r.output and not bad.exists()
    r = runner.invoke(app, ["--db", db, "export", "--output", str(tmp_path / "no" / "such" / "f.jsonl")])
    assert r.exit_code == 2 and "cannot write" in r.output


# TimelineJS3's documented JSON fields (timeline.knightlab.com/docs/json-format.html)
TL_TOP = {"events", "title", "eras", "scale"}
TL_SLIDE = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
TL_DATE = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}


def _check_date(d: dict) -> tuple[int, int, int]:  # type: ignore[type-arg]
    assert set(d) <= TL_DATE and isinstance(d["year"], int)
    assert 1 <= d.get("month", 1) <= 12 and 1 <= d.get("day", 1) <= 31
    return d["year"], d.get("month", 1), d.get("day", 1)


def test_timelinejs_has_only_documented_fields_at_each_dates_precision(filled: Project, write) -> None:  # type: ignore[no-untyped-def]
    filled.ingest([write("hostile.txt", "The <b>Quarry Hands Union</b> was founded in Bath in March 1911. "
                                        "<script>alert(1)</script>")])
    buf = io.StringIO()
    n = filled.export("timelinejs", buf)
    doc = json.loads(buf.getvalue())
    assert set(doc) <= TL_TOP and len(doc["events"]) == n > 0
    for e in doc["events"]:
        assert set(e) <= TL_SLIDE and set(e["text"]) <= {"headline", "text"}
        start = _check_date(e["start_date"])
        if "end_date" in e:
            assert _check_date(e["end_date"]) >= start
        assert "<script" not in e["text"]["text"] and "<b>" not in e["text"]["headline"]
    founded = {e["group"]: e["start_date"] for e in doc["events"] if "founded" in e["text"]["headline"]}
    assert founded["Riverside Printers Guild"] == {"year": 1921}  # a year stays a year
    quarry = next(v for k, v in founded.items() if "Quarry Hands Union" in k)
    assert quarry == {"year": 1911, "month": 3}


@pytest.mark.parametrize("edtf,end,expected", [
    ("1994-05", False, {"year": 1994, "month": 5}),
    ("1984~", False, {"year": 1984, "display_date": "c. 1984"}),
    ("196X", False, {"year": 1960, "month": 1, "day": 1, "display_date": "196X"}),
    ("196X", True, {"year": 1969, "month": 12, "day": 31, "display_date": "196X"}),
    ("1966/1969", True, {"year": 1969}),
    ("1937-21", False, {"year": 1937, "month": 3, "day": 1, "display_date": "1937-21"}),  # spring
    ("../1990", False, None),
])
def test_timelinejs_dates_keep_their_precision(edtf: str, end: bool, expected: dict | None) -> None:  # type: ignore[type-arg]
    from orgline.export.timelinejs import date_object
    assert date_object(edtf, end) == expected


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graphs_read_back_with_networkx(filled: Project, tmp_path: Path, fmt: str) -> None:
    import networkx as nx
    path = tmp_path / f"history.{fmt}"
    with path.open("wb") as fp:
        n = filled.export(fmt, fp)
    g = nx.read_gexf(path, version="1.3") if fmt == "gexf" else nx.read_graphml(path)
    assert g.number_of_edges() == n > 0
    label = {node: data["label"] for node, data in g.nodes(data=True)}
    by_name = {v: k for k, v in label.items()}
    rpg, ntu = by_name["Riverside Printers Guild"], by_name["Northern Typographers Union"]
    split = g.get_edge_data(ntu, rpg)
    assert split is not None
    data = next(iter(split.values())) if isinstance(g, nx.MultiDiGraph) else split
    assert data["type"] == "split_from" and data["start"] == "1948-01-01" and data["end"] == "1948-12-31"
    assert g.nodes[rpg]["start"] == "1921-01-01"  # its founding year, from its first day
    assert g.nodes[rpg]["kind"] == "org"


NAMED_AT = """
PREFIX ol: <urn:orgline:ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?label WHERE {
  ?e ol:bore ?n ; rdfs:label ?label .
  ?n rdfs:label ?name .
  OPTIONAL { ?n ol:validFromEarliest ?from }
  OPTIONAL { ?n ol:validToLatest ?to }
  FILTER (?name = "%s" && (!bound(?from) || ?from <= "%d-12-31"^^xsd:date) && (!bound(?to) || ?to >= "%d-01-01"^^xsd:date))
}"""


def test_rdf_answers_which_body_bore_a_name_in_a_year(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Graph
    from rdflib.compare import isomorphic
    project.ingest([write("ewa.txt", "The Eastmoor Weavers Association was founded in Bradford in 1902. "
                                     "Until 1920 it was called the Eastmoor Handloom Society. It joined the "
                                     "Pennine Textile Federation in 1931.")])
    ttl, jsonld = io.StringIO(), io.StringIO()
    n = project.export("rdf", ttl)
    assert project.export("jsonld", jsonld) == n > 0
    g = Graph().parse(data=ttl.getvalue(), format="turtle")
    g2 = Graph().parse(data=jsonld.getvalue(), format="json-ld")
    assert len(g) == len(g2) and isomorphic(g, g2)  # the same graph, whichever syntax
    ask = lambda name, year: {str(r[0]) for r in g.query(NAMED_AT % (name, year, year))}  # noqa: E731
    assert ask("Eastmoor Handloom Society", 1910) == {"Eastmoor Weavers Association"}
    assert ask("Eastmoor Handloom Society", 1925) == set()
    assert ask("Eastmoor Weavers Association", 1925) == {"Eastmoor Weavers Association"}
    evidence = g.query("""PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX ol: <urn:orgline:ns#>
        SELECT ?quote ?start WHERE { ?claim rdf:predicate ol:member_of . ?note oa:hasBody ?claim ;
          oa:hasTarget/oa:hasSelector ?q , ?p . ?q oa:exact ?quote . ?p oa:start ?start }""")
    rows = list(evidence)
    assert rows and "Pennine Textile Federation" in str(rows[0][0])


def _parse_quickstatements(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    """QuickStatements v1 read back: each CREATE starts an item, named LAST until the next;
    each other line is item, property, value, then property/value pairs (P.. qualifiers,
    S.. references). Items are keyed by their English label, or by QID."""
    items: dict[str, dict] = {}  # type: ignore[type-arg]
    created: dict | None = None  # type: ignore[type-arg]
    for line in text.splitlines():
        if line == "CREATE":
            created = {"terms": {}, "statements": []}
            continue
        item, prop, value, *rest = line.split("\t")
        assert item == "LAST" or re.fullmatch(r"Q\d+", item), line
        assert len(rest) % 2 == 0, line
        pairs = list(zip(rest[::2], rest[1::2]))
        assert all(re.fullmatch(r"[PS]\d+", k) for k, _ in pairs), line
        if item == "LAST":
            assert created is not None, line
            target = created
        else:
            target = items.setdefault(item, {"terms": {}, "statements": []})
        if prop in ("Len", "Aen", "Den"):
            assert value.startswith('"') and value.endswith('"') and '"' not in value[1:-1]
            target["terms"].setdefault(prop, []).append(value[1:-1])
            if prop == "Len" and item == "LAST":
                items[value[1:-1]] = target
        else:
            assert re.fullmatch(r"P\d+", prop) and (re.fullmatch(r"Q\d+", value) or value.startswith(("en:", "+"))), line
            target["statements"].append({"property": prop, "value": value,
                                         "qualifiers": [p for p in pairs if p[0][0] == "P"],
                                         "references": [p for p in pairs if p[0][0] == "S"]})
    return items


def test_quickstatements_read_back_into_referenced_statements(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("guild.txt", GUILD), write(
        "denial.txt", "The Riverside Printers Guild never joined the Graphic Trades Alliance. "
                      "The Kiln Workers Society was founded in Stoke in March 1930.")])
    buf = io.StringIO()
    n = project.export("quickstatements", buf)
    items = _parse_quickstatements(buf.getvalue())
    assert sum(1 for i in items.values() for s in i["statements"] if s["property"] != "P31") == n > 0
    rpg = items["Riverside Printers Guild"]
    assert "RPG" in rpg["terms"].get("Aen", [])
    inception = next(s for s in rpg["statements"] if s["property"] == "P571")
    assert inception["value"] == "+1921-00-00T00:00:00Z/9"
    assert all(any(k == "S1683" for k, _ in s["references"]) for i in items.values() for s in i["statements"]
               if s["property"] != "P31")
    assert ("P1813", 'en:"RPG"') in {(s["property"], s["value"]) for s in rpg["statements"]}
    assert not any(s["property"] == "P463" for s in rpg["statements"])  # a denial is no statement
    kiln = items["Kiln Workers Society"]
    assert next(s for s in kiln["statements"] if s["property"] == "P571")["value"] == "+1930-03-00T00:00:00Z/10"


def test_quickstatements_link_items_that_have_qids(filled: Project, write) -> None:  # type: ignore[no-untyped-def]
    """With QIDs set in review: P740 for a founding place, P1365 on the successor and P1366
    (replaced by) on the body it grew out of, on items, not on LAST."""
    filled.ingest([write("club.txt", "The Kiln Workers Society grew out of the Potters Benefit Club.")])
    for name, qid in (("Riverside Printers Guild", "Q1001"), ("Leeds", "Q39121"), ("Northern Typographers Union",
                      "Q1002"), ("Graphic Trades Alliance", "Q1003"), ("Kiln Workers Society", "Q1004"),
                      ("Potters Benefit Club", "Q1005")):
        filled.set_qid(name, qid, "ana")
    buf = io.StringIO()
    filled.export("quickstatements", buf)
    items = _parse_quickstatements(buf.getvalue())
    rpg = {(s["property"], s["value"]): s for s in items["Q1001"]["statements"]}
    assert rpg[("P740", "Q39121")]["references"]  # founded in Leeds
    ntu = {(s["property"], s["value"]): s for s in items["Q1002"]["statements"]}
    assert ("P807", "Q1001") in ntu and ("P7888", "Q1003") in ntu
    assert ntu[("P7888", "Q1003")]["qualifiers"] == [("P585", "+1969-00-00T00:00:00Z/9")]
    assert ("P1365", "Q1005") in {(s["property"], s["value"]) for s in items["Q1004"]["statements"]}
    [replaced] = [s for s in items["Q1005"]["statements"] if s["property"] == "P1366"]
    assert replaced["value"] == "Q1004" and ("S1683", 'en:"The Kiln Workers Society grew out of the Potters '
                                             'Benefit Club."') in replaced["references"]


@pytest.mark.parametrize("edtf,expected", [("1921", "+1921-00-00T00:00:00Z/9"), ("1994-05", "+1994-05-00T00:00:00Z/10"),
                                           ("1994-05-03", "+1994-05-03T00:00:00Z/11"), ("196X", "+1960-00-00T00:00:00Z/8"),
                                           ("1937-21", None), ("1966/1969", None), (None, None)])
def test_wikidata_times_keep_their_precision(edtf: str | None, expected: str | None) -> None:
    from orgline.export.quickstatements import wikidata_time
    assert wikidata_time(edtf) == expected
