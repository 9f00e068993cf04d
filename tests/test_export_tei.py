"""The TEI export on a real SQLite store filled by the real pipeline: the XML parses, the
bodies are the stored texts with markup added, every pointer resolves, the markup says
what the claims say, a selection writes only its texts, and elements sit where TEI P5's
content models allow them."""
from __future__ import annotations

import io
import re

import pytest
from lxml import etree
from sqlalchemy import select

from orgline.export import Selection
from orgline.export.tei import Mark, date_attrs, nest, source_xml_id, write_tei
from orgline.project import Project
from orgline.store.schema import SourceRow

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

PRINTERS = ("The Riverside Printers Guild (RPG) was founded in Leeds in 1921 by Martha Greaves. "
            "In 1948 a group of members left the RPG and formed the Northern Typographers Union.\n\n"
            "The Northern Typographers Union merged into the Graphic Trades Alliance in 1969.")
POTTERS = "The Kiln Workers Society was founded in Stoke in May 1994. It joined the Graphic Trades Alliance in 1996."

# What TEI P5 lets each element used here hold (children in this export only), from the
# content models of the Guidelines: names and dates are phrase-level, so they nest in one
# another and in <p>; the lists hold their entries; an <org> or <person> holds its names,
# identifiers and events; an <event> here holds a <p>.
PHRASE = {"orgName", "persName", "placeName", "name", "title", "date"}
ALLOWED: dict[str, set[str]] = {
    "teiCorpus": {"teiHeader", "TEI"},
    "TEI": {"teiHeader", "text"},
    "teiHeader": {"fileDesc", "profileDesc"},
    "fileDesc": {"titleStmt", "publicationStmt", "sourceDesc"},
    "titleStmt": {"title"},
    "publicationStmt": {"p"},
    "sourceDesc": {"p", "bibl", "listBibl"},
    "listBibl": {"bibl"},
    "bibl": {"title", "author", "date", "ptr", "idno"},
    "profileDesc": {"particDesc", "settingDesc"},
    "particDesc": {"p", "listPerson", "listOrg"},
    "settingDesc": {"p", "listPlace"},
    "listPerson": {"person"},
    "listOrg": {"org"},
    "listPlace": {"place"},
    "org": {"orgName", "idno", "event"},
    "person": {"persName", "idno", "event"},
    "place": {"placeName"},
    "event": {"p"},
    "text": {"body"},
    "body": {"p"},
    "p": PHRASE,
    **{tag: PHRASE for tag in PHRASE},
    "author": set(), "ptr": set(), "idno": set(),
}
FIRST_CHILD = {"teiCorpus": "teiHeader", "TEI": "teiHeader", "teiHeader": "fileDesc", "fileDesc": "titleStmt"}
W3C_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")


@pytest.fixture
def filled(project: Project, write) -> Project:  # type: ignore[no-untyped-def]
    assert not project.ingest([write("printers.txt", PRINTERS), write("potters.txt", POTTERS)]).failed
    return project


def _tei(project: Project, selection: Selection | None = None) -> tuple[int, etree._Element]:
    buf = io.BytesIO()
    n = write_tei(project.store, buf, selection)
    return n, etree.fromstring(buf.getvalue())


def _local(el: etree._Element) -> str:
    return str(etree.QName(el).localname)


def _texts(project: Project) -> dict[str, str]:
    with project.store.session() as s:
        return {source_xml_id(sid): text for sid, text in s.execute(select(SourceRow.id, SourceRow.text))}


def _entry(root: etree._Element, ref: str) -> etree._Element:
    found = root.xpath("//*[@xml:id=$id]", id=ref.lstrip("#"))
    assert len(found) == 1, ref
    return found[0]


def test_well_formed_tei_with_one_text_per_source(filled: Project) -> None:
    n, root = _tei(filled)
    assert root.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    assert all(etree.QName(el).namespace == NS["tei"] for el in root.iter(etree.Element))
    texts = root.findall("tei:TEI", NS)
    assert n == len(texts) == 2
    titles = {t.findtext("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", namespaces=NS) for t in texts}
    assert {x.split()[1] for x in titles} == {"Riverside", "Kiln"}  # their first sentences
    origins = root.xpath("//tei:TEI/tei:teiHeader//tei:sourceDesc/tei:bibl/tei:idno", namespaces=NS)
    assert sorted(o.text.rsplit("/", 1)[-1] for o in origins) == ["potters.txt", "printers.txt"]


def test_bodies_are_the_stored_texts(filled: Project) -> None:
    _, root = _tei(filled)
    stored = _texts(filled)
    for tei in root.findall("tei:TEI", NS):
        body = tei.find("tei:text/tei:body", NS)
        assert "".join(body.itertext()) == stored[tei.get(XML_ID)]
    printers = next(t for t in root.findall("tei:TEI", NS) if "Riverside" in "".join(t.itertext()))
    assert len(printers.findall("tei:text/tei:body/tei:p", NS)) == 2  # the blank line splits it


def test_every_pointer_resolves_and_ids_are_unique(filled: Project) -> None:
    for selection in (None, Selection(entity="Kiln Workers Society"), Selection(types=["merged"])):
        _, root = _tei(filled, selection)
        ids = [el.get(XML_ID) for el in root.iter(etree.Element) if el.get(XML_ID)]
        assert len(ids) == len(set(ids))
        pointers = [el.get(a) for el in root.iter(etree.Element) for a in ("ref", "target", "source")
                    if (el.get(a) or "").startswith("#")]
        assert pointers and {p[1:] for p in pointers} <= set(ids)
        assert root.xpath("//tei:body//tei:orgName[@ref]", namespaces=NS)


def test_markup_says_what_the_claims_say(filled: Project) -> None:
    _, root = _tei(filled)
    guild = [el for el in root.xpath("//tei:body//tei:orgName", namespaces=NS) if el.text == "Riverside Printers Guild"]
    assert len(guild) == 1
    org = _entry(root, guild[0].get("ref"))
    assert _local(org) == "org" and _local(org.getparent()) == "listOrg"
    assert {n.text for n in org.findall("tei:orgName", NS)} == {"Riverside Printers Guild", "RPG"}
    assert org.find("tei:orgName", NS).get("from") == "1921"
    rpg = root.xpath("//tei:body//tei:orgName[.='RPG']", namespaces=NS)
    assert len(rpg) == 2 and {el.get("ref") for el in rpg} == {guild[0].get("ref")}
    founded = org.findall("tei:event[@type='founded']", NS)
    assert len(founded) == 1 and founded[0].get("when") == "1921"
    assert "Leeds" in "".join(founded[0].itertext())
    assert _entry(root, founded[0].get("source")).xpath("contains(., 'Riverside')")

    leeds = root.xpath("//tei:body//tei:placeName[.='Leeds']", namespaces=NS)
    assert len(leeds) == 1 and _local(_entry(root, leeds[0].get("ref"))) == "place"
    greaves = root.xpath("//tei:body//tei:persName[.='Martha Greaves']", namespaces=NS)
    assert len(greaves) == 1 and _local(_entry(root, greaves[0].get("ref"))) == "person"

    dates = {el.text: dict(el.attrib) for el in root.xpath("//tei:body//tei:date", namespaces=NS)}
    assert dates["1921"] == {"when": "1921"}
    assert dates["May 1994"] == {"when": "1994-05"}
    assert {"1948", "1969", "1996"} <= set(dates)
    assert not root.xpath("//tei:body//tei:date[not(contains(., '19'))]", namespaces=NS)

    union = _entry(root, root.xpath("//tei:body//tei:orgName[.='Northern Typographers Union']/@ref",
                                    namespaces=NS)[0])
    merged = union.find("tei:event[@type='merged']", NS)
    assert merged.get("when") == "1969"
    assert merged.xpath("string(tei:p)", namespaces=NS).startswith("merged into Graphic Trades Alliance")
    assert _entry(root, merged.find("tei:p/tei:orgName", NS).get("ref")).findtext("tei:orgName", namespaces=NS) \
        == "Graphic Trades Alliance"


def test_entity_selection_writes_only_the_texts_of_its_claims(filled: Project) -> None:
    n, root = _tei(filled, Selection(entity="Kiln Workers Society"))
    texts = root.findall("tei:TEI", NS)
    assert n == len(texts) == 1
    assert "".join(texts[0].find("tei:text/tei:body", NS).itertext()) == POTTERS
    orgs = {o.findtext("tei:orgName", namespaces=NS) for o in root.iterfind(".//tei:listOrg/tei:org", NS)}
    assert orgs == {"Kiln Workers Society", "Graphic Trades Alliance"}
    n, root = _tei(filled, Selection(types=["merged"]))
    assert n == 1 and "Riverside" in "".join(root.find("tei:TEI", NS).itertext())


def test_elements_sit_where_tei_allows(filled: Project) -> None:
    _, root = _tei(filled)
    seen = set()
    for el in root.iter(etree.Element):
        tag = _local(el)
        seen.add(tag)
        assert tag in ALLOWED, tag
        children = [_local(c) for c in el if isinstance(c.tag, str)]
        assert set(children) <= ALLOWED[tag], (tag, children)
        if tag in FIRST_CHILD:
            assert children[0] == FIRST_CHILD[tag]
        if tag == "event":
            assert children[0] == "p"
        dated = {a: el.get(a) for a in DATE_ATTRS if el.get(a) is not None}
        assert all(W3C_DATE.match(v) for v in dated.values()), (tag, dated)
        assert not ("when" in dated and len(dated) > 1), dated
        assert not {"from", "notBefore"} <= set(dated) and not {"to", "notAfter"} <= set(dated)
    assert {"listOrg", "listPerson", "listPlace", "event", "date", "persName", "placeName"} <= seen
    header = root.find("tei:teiHeader", NS)
    assert header.find("tei:profileDesc/tei:particDesc/tei:listOrg", NS) is not None
    assert header.find("tei:profileDesc/tei:settingDesc/tei:listPlace", NS) is not None


def test_edtf_becomes_w3c_date_attributes() -> None:
    assert date_attrs("1921") == {"when": "1921"}
    assert date_attrs("1994-05") == {"when": "1994-05"}
    assert date_attrs("1920~") == {"when": "1920", "cert": "low"}
    assert date_attrs("1971/1974") == {"from": "1971", "to": "1974"}
    assert date_attrs("../1990") == {"to": "1990"}
    assert date_attrs("1976-21") == {"notBefore": "1976-03-01", "notAfter": "1976-05-31"}  # spring
    assert date_attrs("196X") == {"notBefore": "1960-01-01", "notAfter": "1969-12-31"}
    assert date_attrs(None) == {}


def test_marks_that_cross_are_dropped_and_nested_ones_kept() -> None:
    outer = Mark(0, 20, "p", rank=0)
    name = Mark(2, 10, "orgName")
    inside = Mark(4, 8, "date")
    crossing = Mark(6, 14, "placeName")
    past_paragraph = Mark(18, 25, "orgName")
    outside = Mark(21, 23, "orgName")  # in the blank lines between paragraphs
    top, dropped = nest([crossing, inside, name, outer, past_paragraph, outside])
    assert dropped == 3
    assert top == [outer] and outer.inner == [name] and name.inner == [inside]
