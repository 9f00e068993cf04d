"""The EAC-CPF 2010 export on a real store filled by the real pipeline: the file parses, each
record follows the standard's element order, and the records say what the texts say."""
from __future__ import annotations

import io
import json
import re
from datetime import datetime
from typing import Any

import pytest
from lxml import etree

from orgline.export import Selection
from orgline.export.eaccpf import write_eaccpf
from orgline.project import Project

LOOM = ("The Calder Loom Workers Union was founded in Halifax in 1911. "
        "In 1934 members left the Calder Loom Workers Union and formed the Ryburn Weavers League. "
        "The Ryburn Weavers League merged into the Pennine Cloth Federation in 1962. "
        "The Calder Loom Workers Union joined the Pennine Cloth Federation in 1950. "
        "In 1956 the Pennine Cloth Federation acquired the Sowerby Dye Works. "
        "According to the Halifax Courier, the Calder Loom Workers Union worked with the Brigg Mill "
        "Society in 1925. The Ryburn Weavers League never joined the Sowerby Dye Works.")
MILL = ("The Brigg Mill Society was founded in Hull in 1905. "
        "In 1927 the Brigg Mill Society was renamed the Humber Millers Association. "
        "The Humber Millers Association was dissolved in 1971.")

EAC = "urn:isbn:1-931666-33-4"
XLINK = "http://www.w3.org/1999/xlink"
OL = "urn:orgline:ns#"
NS = {"e": EAC}
HREF = f"{{{XLINK}}}href"

# The EAC-CPF 2010 content models of the elements the writer emits (and their siblings),
# as ordered particles: (allowed names, least, most). Consecutive particles never share a
# name, so a greedy walk decides each sequence.
MANY = 10 ** 6
DATES = {"date", "dateRange", "dateSet"}
CONTENT: dict[str, list[tuple[set[str], int, int]]] = {
    "eac-cpf": [({"control"}, 1, 1), ({"cpfDescription", "multipleIdentities"}, 1, 1)],
    "control": [({"recordId"}, 1, 1), ({"otherRecordId"}, 0, MANY), ({"maintenanceStatus"}, 1, 1),
                ({"publicationStatus"}, 0, 1), ({"maintenanceAgency"}, 1, 1), ({"languageDeclaration"}, 0, 1),
                ({"conventionDeclaration"}, 0, MANY), ({"localTypeDeclaration"}, 0, MANY),
                ({"localControl"}, 0, MANY), ({"maintenanceHistory"}, 1, 1), ({"sources"}, 0, 1)],
    "maintenanceAgency": [({"agencyCode"}, 0, 1), ({"otherAgencyCode"}, 0, MANY), ({"agencyName"}, 1, 1),
                          ({"descriptiveNote"}, 0, 1)],
    "conventionDeclaration": [({"abbreviation"}, 0, 1), ({"citation"}, 1, 1), ({"descriptiveNote"}, 0, 1)],
    "maintenanceHistory": [({"maintenanceEvent"}, 1, MANY)],
    "maintenanceEvent": [({"eventType"}, 1, 1), ({"eventDateTime"}, 1, 1), ({"agentType"}, 1, 1),
                         ({"agent"}, 1, 1), ({"eventDescription"}, 0, 1)],
    "sources": [({"source"}, 1, MANY)],
    "source": [({"objectBinWrap", "objectXMLWrap"}, 0, 1), ({"sourceEntry"}, 0, 1), ({"descriptiveNote"}, 0, 1)],
    "cpfDescription": [({"identity"}, 1, 1), ({"description"}, 0, 1), ({"relations"}, 0, 1),
                       ({"alternativeSet"}, 0, 1)],
    "identity": [({"entityId"}, 0, MANY), ({"entityType"}, 1, 1), ({"nameEntry", "nameEntryParallel"}, 1, MANY),
                 ({"descriptiveNote"}, 0, 1)],
    "nameEntry": [({"part"}, 1, MANY), ({"useDates"}, 0, 1), ({"preferredForm", "authorizedForm"}, 0, MANY),
                  ({"alternativeForm"}, 0, MANY)],
    "useDates": [(DATES, 1, 1)],
    "existDates": [(DATES, 1, 1), ({"descriptiveNote"}, 0, 1)],
    "dateRange": [({"fromDate"}, 0, 1), ({"toDate"}, 0, 1)],
    "description": [({"existDates"}, 0, 1),
                    ({"place", "places", "localDescription", "localDescriptions", "legalStatus", "legalStatuses",
                      "function", "functions", "occupation", "occupations", "mandate", "mandates", "languageUsed",
                      "languagesUsed"}, 0, MANY),
                    ({"structureOrGenealogy", "generalContext", "biogHist"}, 0, MANY)],
    "places": [({"place"}, 1, MANY), ({"citation", "list", "outline", "p"}, 0, MANY), ({"descriptiveNote"}, 0, 1)],
    "place": [({"placeRole"}, 0, 1), ({"placeEntry"}, 0, MANY), ({"address"}, 0, 1), (DATES, 0, 1),
              ({"citation"}, 0, 1), ({"descriptiveNote"}, 0, 1)],
    "biogHist": [({"abstract"}, 0, 1), ({"chronList", "citation", "list", "outline", "p"}, 0, MANY)],
    "chronList": [({"chronItem"}, 1, MANY)],
    "chronItem": [({"date", "dateRange"}, 1, 1), ({"event"}, 1, 1)],  # the writer puts no placeEntry here
    "relations": [({"cpfRelation"}, 0, MANY), ({"resourceRelation"}, 0, MANY), ({"functionRelation"}, 0, MANY)],
    "cpfRelation": [({"relationEntry"}, 0, MANY), ({"objectXMLWrap", "objectBinWrap"}, 0, 1), (DATES, 0, 1),
                    ({"placeEntry"}, 0, 1), ({"descriptiveNote"}, 0, 1)],
    "descriptiveNote": [({"p"}, 1, MANY)],
}
TEXT_ONLY = {"recordId", "maintenanceStatus", "agencyName", "abbreviation", "citation", "eventType", "eventDateTime",
             "agentType", "agent", "sourceEntry", "entityId", "entityType", "part", "authorizedForm",
             "alternativeForm", "fromDate", "toDate", "date", "placeRole", "placeEntry", "event", "relationEntry", "p"}
DATE_ATTRS = {"standardDate", "notBefore", "notAfter", "localType"}
LINK_ATTRS = {f"{{{XLINK}}}{a}" for a in ("href", "type", "role", "arcrole", "title", "show", "actuate")}
ATTRS: dict[str, set[str]] = {
    "date": DATE_ATTRS, "fromDate": DATE_ATTRS, "toDate": DATE_ATTRS, "eventDateTime": {"standardDateTime"},
    "nameEntry": {"localType", "scriptCode", "transliteration"}, "source": LINK_ATTRS | {"lastDateTimeVerified"},
    "cpfRelation": LINK_ATTRS | {"cpfRelationType", "lastDateTimeVerified"},
}
ENUMS = {
    "maintenanceStatus": {"new", "revised", "deleted", "cancelled", "derived", "deletedReplaced", "deletedSplit"},
    "eventType": {"created", "revised", "deleted", "cancelled", "derived", "updated"},
    "agentType": {"human", "machine"},
    "entityType": {"person", "corporateBody", "family"},
}
RELATION_TYPES = {"identity", "hierarchical", "hierarchical-parent", "hierarchical-child", "temporal",
                  "temporal-earlier", "temporal-later", "family", "associative"}
ISO_DATE = re.compile(r"^-?\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _local(el: Any) -> str:
    return str(etree.QName(el).localname)


def check_record(rec: Any) -> None:
    """Walk a record: every element known, in the standard's order, with its required
    children, known attributes, and values from the standard's lists."""
    for el in rec.iter(etree.Element):
        name, where = _local(el), rec.getroottree().getpath(el)
        assert etree.QName(el).namespace == EAC, where
        kids = [_local(k) for k in el if isinstance(k.tag, str)]
        if name in TEXT_ONLY:
            assert not kids and (el.text or "").strip(), f"{where}: wants text only"
        else:
            assert name in CONTENT, f"{where}: not an element this check knows"
            i = 0
            for names, least, most in CONTENT[name]:
                n = 0
                while i < len(kids) and kids[i] in names and n < most:
                    i, n = i + 1, n + 1
                assert n >= least, f"{where}: needs {sorted(names)} before {kids[i:i + 1]}"
            assert i == len(kids), f"{where}: {kids[i]} out of place in {kids}"
        allowed = ATTRS.get(name, set()) | {"{http://www.w3.org/XML/1998/namespace}lang", "localType"}
        if name == "eac-cpf":
            allowed = allowed | {"{http://www.w3.org/XML/1998/namespace}id"}
        assert set(el.attrib) <= allowed, f"{where}: attributes {sorted(el.attrib)}"
        if name in ENUMS:
            assert el.text in ENUMS[name], f"{where}: {el.text!r}"
        for attr in ("standardDate", "notBefore", "notAfter"):
            if attr in el.attrib:
                assert ISO_DATE.match(el.get(attr)), f"{where}: {attr}={el.get(attr)!r}"
        if name == "eventDateTime":
            datetime.fromisoformat(el.get("standardDateTime"))
        if name == "dateRange":
            assert kids, f"{where}: a range with neither end"
        if name == "cpfRelation":
            assert el.get("cpfRelationType") in RELATION_TYPES, where
        if HREF in el.attrib:
            assert el.get(f"{{{XLINK}}}type") == "simple", where
    assert rec.findtext("e:cpfDescription/e:identity/e:entityType", namespaces=NS) == "corporateBody"


@pytest.fixture
def filled(project: Project, write) -> Project:  # type: ignore[no-untyped-def]
    assert not project.ingest([write("loom.txt", LOOM), write("mill.txt", MILL)]).failed
    return project


def _export(project: Project, selection: Selection | None = None) -> tuple[int, Any]:
    buf = io.BytesIO()
    n = write_eaccpf(project.store, buf, selection)
    return n, etree.fromstring(buf.getvalue())


def _facts(project: Project, selection: Selection | None = None) -> list[dict[str, Any]]:
    buf = io.StringIO()
    project.export("facts", buf, selection)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def _named_orgs(facts: list[dict[str, Any]]) -> set[str]:
    """Record ids of the organizations the claims name, in any role."""
    return {f"orgline-entity-{ref['id'][1:]}" for f in facts for role in ("subject", "object", "place", "result",
                                                                         "according_to")
            if isinstance(ref := f.get(role), dict) and ref.get("kind") == "org"}


def _records(root: Any) -> dict[str, Any]:
    """Records by every name they bear."""
    return {part.text: rec for rec in root.iterfind("e:eac-cpf", NS)
            for part in rec.iterfind("e:cpfDescription/e:identity/e:nameEntry/e:part", NS)}


def _relations(rec: Any) -> set[tuple[str, str]]:
    return {(r.get("cpfRelationType"), r.findtext("e:relationEntry", namespaces=NS))
            for r in rec.iterfind("e:cpfDescription/e:relations/e:cpfRelation", NS)}


def _record_id(rec: Any) -> str:
    return str(rec.findtext("e:control/e:recordId", namespaces=NS))


def test_one_well_formed_record_per_organization(filled: Project) -> None:
    n, root = _export(filled)
    assert root.tag == f"{{{OL}}}records"
    recs = root.findall("e:eac-cpf", NS)
    assert len(recs) == n == len(_named_orgs(_facts(filled))) >= 6
    for rec in recs:  # each record stands alone: cut out and parsed again, it keeps its namespaces
        alone = etree.fromstring(etree.tostring(rec))
        assert alone.tag == f"{{{EAC}}}eac-cpf" and alone.nsmap.get(None) == EAC
    assert len({_record_id(r) for r in recs}) == n


def test_records_follow_the_standards_element_order(filled: Project) -> None:
    _, root = _export(filled)
    for rec in root.iterfind("e:eac-cpf", NS):
        check_record(rec)


def test_the_structure_check_catches_a_misordered_record(filled: Project) -> None:
    _, root = _export(filled)
    rec = _records(root)["Ryburn Weavers League"]
    cpf = rec.find("e:cpfDescription", NS)
    cpf.append(cpf.find("e:identity", NS))  # identity after relations
    with pytest.raises(AssertionError, match="out of place|needs"):
        check_record(rec)
    rec = _records(root)["Calder Loom Workers Union"]
    rec.find(".//e:cpfRelation", NS).set("cpfRelationType", "temporal-successor")
    with pytest.raises(AssertionError):
        check_record(rec)


def test_splits_and_mergers_are_temporal_relations(filled: Project) -> None:
    recs = _records(_export(filled)[1])
    calder, ryburn, pennine = (recs[k] for k in ("Calder Loom Workers Union", "Ryburn Weavers League",
                                                 "Pennine Cloth Federation"))
    assert ("temporal-earlier", "Calder Loom Workers Union") in _relations(ryburn)  # split from it
    assert ("temporal-later", "Ryburn Weavers League") in _relations(calder)
    assert ("temporal-later", "Pennine Cloth Federation") in _relations(ryburn)  # merged into it
    assert ("temporal-earlier", "Ryburn Weavers League") in _relations(pennine)
    assert ("associative", "Pennine Cloth Federation") in _relations(calder)  # joined it
    assert ("hierarchical-child", "Sowerby Dye Works") in _relations(pennine)
    assert ("hierarchical-parent", "Pennine Cloth Federation") in _relations(recs["Sowerby Dye Works"])
    assert not {name for _, name in _relations(ryburn)} & {"Sowerby Dye Works"}  # "never joined" is no link
    split = next(r for r in ryburn.iterfind(".//e:cpfRelation", NS)
                 if r.findtext("e:relationEntry", namespaces=NS) == "Calder Loom Workers Union")
    assert split.find("e:date", NS).get("standardDate") == "1934"
    assert "split_from" in split.findtext("e:descriptiveNote/e:p", namespaces=NS)
    courier = next(r for r in calder.iterfind(".//e:cpfRelation", NS)
                   if r.findtext("e:relationEntry", namespaces=NS) == "Brigg Mill Society")
    assert "according to Halifax Courier" in courier.findtext("e:descriptiveNote/e:p", namespaces=NS)


def test_every_local_link_resolves_to_a_record(filled: Project) -> None:
    _, root = _export(filled)
    ids = {_record_id(r) for r in root.iterfind("e:eac-cpf", NS)}
    assert ids == {r.get("{http://www.w3.org/XML/1998/namespace}id") for r in root.iterfind("e:eac-cpf", NS)}
    links = [r.get(HREF) for r in root.iterfind(".//e:cpfRelation", NS)]
    local = [h[1:] for h in links if h.startswith("#")]
    assert local and set(local) <= ids


def test_a_renamed_body_has_dated_names_and_existence(filled: Project) -> None:
    recs = _records(_export(filled)[1])
    mill = recs["Brigg Mill Society"]
    assert recs["Humber Millers Association"] is mill
    entries = mill.findall("e:cpfDescription/e:identity/e:nameEntry", NS)
    used = {e.findtext("e:part", namespaces=NS): e.find("e:useDates/e:dateRange", NS) for e in entries}
    assert set(used) == {"Brigg Mill Society", "Humber Millers Association"}
    assert all(r is not None for r in used.values())
    assert used["Brigg Mill Society"].find("e:toDate", NS).get("standardDate") == "1927"
    assert used["Humber Millers Association"].find("e:fromDate", NS).get("standardDate") == "1927"
    assert sum(e.find("e:authorizedForm", NS) is not None for e in entries) == 1
    exist = mill.find("e:cpfDescription/e:description/e:existDates/e:dateRange", NS)
    assert exist.find("e:fromDate", NS).get("standardDate") == "1905"
    assert exist.find("e:toDate", NS).get("standardDate") == "1971"
    calder = recs["Calder Loom Workers Union"]
    exist = calder.find("e:cpfDescription/e:description/e:existDates/e:dateRange", NS)
    assert exist.find("e:fromDate", NS).get("standardDate") == "1911" and exist.find("e:toDate", NS) is None
    assert calder.findtext(".//e:places/e:place/e:placeEntry", namespaces=NS) == "Halifax"
    origins = {s.get(HREF) for s in mill.iterfind("e:control/e:sources/e:source", NS)}
    assert {o.rsplit("/", 1)[-1] for o in origins} == {"loom.txt", "mill.txt"}


def test_chronology_is_in_date_order(filled: Project) -> None:
    _, root = _export(filled)
    lists = root.findall(".//e:chronList", NS)
    assert lists
    for chron in lists:
        days = [(item.find("e:date", NS) if item.find("e:date", NS) is not None
                 else item.find("e:dateRange/e:fromDate", NS)).get("standardDate")
                for item in chron.iterfind("e:chronItem", NS)]
        assert days == sorted(days, key=lambda d: int(d[:4]))
    calder = _records(root)["Calder Loom Workers Union"]
    events = [(i.find("e:date", NS).get("standardDate"), i.findtext("e:event", namespaces=NS))
              for i in calder.iterfind(".//e:chronItem", NS)]
    assert [d for d, _ in events] == sorted(d for d, _ in events) and len(events) >= 4
    assert any(d == "1911" and t.startswith("founded in Halifax") for d, t in events)
    assert any(d == "1950" and "Pennine Cloth Federation" in t for d, t in events)


def test_an_entity_selection_writes_only_the_bodies_its_claims_name(filled: Project) -> None:
    sel = Selection(entity="Ryburn Weavers League")
    n, root = _export(filled, sel)
    ids = {_record_id(r) for r in root.iterfind("e:eac-cpf", NS)}
    assert ids == {r.get("{http://www.w3.org/XML/1998/namespace}id") for r in root.iterfind("e:eac-cpf", NS)}
    assert n == len(ids) and ids == _named_orgs(_facts(filled, sel))
    recs = _records(root)
    assert {"Ryburn Weavers League", "Calder Loom Workers Union", "Pennine Cloth Federation"} <= set(recs)
    assert not {"Brigg Mill Society", "Halifax Courier"} & set(recs)
    assert not _relations(recs["Sowerby Dye Works"])  # named only by a denial, which links nothing
    links = [r.get(HREF)[1:] for r in root.iterfind(".//e:cpfRelation", NS) if r.get(HREF).startswith("#")]
    assert set(links) <= ids
    for rec in recs.values():
        check_record(rec)


@pytest.mark.parametrize("edtf,day,expected", [
    ("1921", 19210101, "1921"), ("1994-05", 19940501, "1994-05"), ("1994-05-03", 19940503, "1994-05-03"),
    ("1937-21", 19370301, "1937-03-01"),  # a season: its first day
    ("196X", 19691231, "1969-12-31"), ("1984~", 19830101, "1983-01-01"), ("../1990", None, None),
])
def test_standard_dates_are_iso(edtf: str, day: int | None, expected: str | None) -> None:
    from orgline.export.eaccpf import standard_date
    assert standard_date(edtf, day) == expected


def test_a_vague_founding_keeps_its_text_and_span(project: Project, write) -> None:  # type: ignore[no-untyped-def]
    project.ingest([write("quarry.txt", "The Quarry Hands Union was founded in Bath in the spring of 1937. "
                                        "The Slate Cutters Club was founded in Bangor in the 1880s.")])
    recs = _records(_export(project)[1])
    got = {name: recs[name].find(".//e:existDates/e:dateRange/e:fromDate", NS)
           for name in ("Quarry Hands Union", "Slate Cutters Club")}
    spring, decade = got["Quarry Hands Union"], got["Slate Cutters Club"]
    assert (spring.text, spring.get("standardDate")) == ("1937-21", "1937-03-01")
    assert spring.get("notAfter") == "1937-05-31"
    assert (decade.text, decade.get("notBefore"), decade.get("notAfter")) == ("188X", "1880-01-01", "1889-12-31")
    for rec in set(recs.values()):
        check_record(rec)
