"""EAC-CPF 2010 authority records, one per organization, for archival catalogues (AtoM,
ArchivesSpace, SNAC) that describe record creators in that standard.

An XML document has one root, so the records are wrapped in an element of orgline's own
namespace, ``<ol:records xmlns:ol="urn:orgline:ns#">``; each ``<eac-cpf>`` inside declares
its own namespaces and is a complete record that can be cut out and loaded alone.

A record holds what the selected claims say about the body: its names and when each was
borne (``identity``), when it existed, where it was based and a dated chronology
(``description``), and its predecessors, successors, parents, parts and associates
(``relations``), read from claims where it is the subject and where it is the object. A
relation to another organization points at that body's record in the same file
(``#orgline-entity-7``: the record's ``xml:id``, and its ``recordId``). Denied and
rejected claims are left out; a claim that is one side's account says whose. Dates keep
the EDTF string as their text; ``standardDate`` is that string where it is a plain ISO
date, else the first (or last) day it can mean, with ``notBefore``/``notAfter`` giving the
span. Nothing is dated that the text did not date. Written with lxml's incremental writer,
one record at a time, each read with a few small queries: memory does not grow with the
store.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import IO, Any

from lxml import etree
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from ..edtf import is_plain, iso_day
from ..model import CLAIM_TYPES
from ..store import Store
from ..store.schema import ClaimRow, EntityRow, NameRow, SourceRow
from .selection import BATCH, Selection, asserted, first_quote

EAC_NS = "urn:isbn:1-931666-33-4"
XLINK_NS = "http://www.w3.org/1999/xlink"
OL_NS = "urn:orgline:ns#"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
AGENCY = "orgline"
QUOTE_LIMIT = 160  # a chronology entry is a line, not a passage

# claim type -> relation type, seen from the subject and from the object (or the result)
AS_SUBJECT = {"formed_from": "temporal-earlier", "split_from": "temporal-earlier", "merged": "temporal-later",
              "parent_org": "hierarchical-parent", "member_of": "associative", "worked_with": "associative",
              "broke_with": "associative", "founded_by": "associative"}
AS_OBJECT = {"formed_from": "temporal-later", "split_from": "temporal-later", "merged": "temporal-earlier",
             "parent_org": "hierarchical-child", "member_of": "associative", "worked_with": "associative",
             "broke_with": "associative", "founded_by": "associative"}


def _tag(name: str) -> str:
    return f"{{{EAC_NS}}}{name}"


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, _tag(tag), {k: v for k, v in attrs.items() if v})
    if text is not None:
        el.text = text
    return el


def record_id(entity_id: int) -> str:
    return f"orgline-entity-{entity_id}"


# --- dates -------------------------------------------------------------------------

def standard_date(edtf: str, day: int | None) -> str | None:
    """The value of ``standardDate``: the EDTF itself when it is a plain ISO year, month or
    day (months 21-24 are EDTF seasons, not months), else the given bound as an ISO day."""
    return edtf if is_plain(edtf) else iso_day(day)


def _point(parent: Any, tag: str, edtf: str, lo: int | None, hi: int | None, first: bool) -> Any:
    """``date``, ``fromDate`` or ``toDate``: the EDTF as text; a vague value also says the
    earliest and latest day it can mean, so that ``standardDate`` is not read as exact."""
    el = _sub(parent, tag, edtf, standardDate=standard_date(edtf, lo if first else hi) or "")
    if el.get("standardDate") != edtf:
        for attr, day in (("notBefore", lo), ("notAfter", hi)):
            if (iso := iso_day(day)) is not None:
                el.set(attr, iso)
    return el


def _dates(parent: Any, start: tuple[str | None, int | None, int | None],
           end: tuple[str | None, int | None, int | None]) -> None:
    """A ``date`` when only a start is known, a ``dateRange`` when an end is (with a
    ``fromDate`` only where the start is known too), nothing when neither is."""
    (s, s_lo, s_hi), (t, t_lo, t_hi) = start, end
    if s and not t:
        _point(parent, "date", s, s_lo, s_hi, True)
    elif t:
        rng = _sub(parent, "dateRange")
        if s:
            _point(rng, "fromDate", s, s_lo, s_hi, True)
        _point(rng, "toDate", t, t_lo, t_hi, False)


def _range(parent: Any, start: tuple[str | None, int | None, int | None],
           end: tuple[str | None, int | None, int | None]) -> None:
    """A ``dateRange`` with whichever ends are known: for spans (a name's use, a body's
    existence) a lone start means "from then on", not "at that date"."""
    if start[0] or end[0]:
        rng = _sub(parent, "dateRange")
        if start[0]:
            _point(rng, "fromDate", start[0], start[1], start[2], True)
        if end[0]:
            _point(rng, "toDate", end[0], end[1], end[2], False)


def _claim_start(c: ClaimRow) -> tuple[str | None, int | None, int | None]:
    return c.date, c.date_lo, c.date_hi


def _claim_end(c: ClaimRow) -> tuple[str | None, int | None, int | None]:
    return c.end, c.end_lo, c.end_hi


# --- reading one organization ------------------------------------------------------

class Facts:
    """What the selected claims say about one organization, and the labels they need."""

    def __init__(self, reads: Session, org: EntityRow, cond: ColumnElement[bool]) -> None:
        self.org = org
        self.names = list(reads.scalars(select(NameRow).where(NameRow.entity_id == org.id).order_by(NameRow.id)))
        touches = or_(ClaimRow.subject_id == org.id, ClaimRow.object_id == org.id, ClaimRow.result_id == org.id)
        self.claims: list[tuple[ClaimRow, str | None]] = [
            (c, q) for c, q in reads.execute(select(ClaimRow, first_quote()).where(cond, asserted(), touches)
                                             .order_by(ClaimRow.id))]
        refs = {i for c, _ in self.claims for i in (c.subject_id, c.object_id, c.place_id, c.result_id,
                                                    c.according_to_id) if i is not None}
        self.entities: dict[int, EntityRow] = {
            x.id: x for x in reads.scalars(select(EntityRow).where(EntityRow.id.in_(refs)))} if refs else {}
        self.entities[org.id] = org
        used = {c.source_id for c, _ in self.claims} | {n.source_id for n in self.names if n.source_id}
        self.sources = list(reads.execute(select(SourceRow.id, SourceRow.title, SourceRow.origin)
                                          .where(SourceRow.id.in_(used)).order_by(SourceRow.origin))) if used else []

    def label(self, eid: int | None) -> str:
        return self.entities[eid].label if eid in self.entities else f"entity {eid}"

    def own(self) -> list[tuple[ClaimRow, str | None]]:
        return [(c, q) for c, q in self.claims if c.subject_id == self.org.id]


def _phrase(f: Facts, c: ClaimRow) -> str:
    """What the claim says its subject did, as a short predicate ("merged into X")."""
    words = [CLAIM_TYPES[c.type].phrase]
    if c.object_id is not None:
        words.append(f.label(c.object_id))
    if c.value:
        words.append(c.value)
    if c.place_id is not None and c.type != "location":
        words.append(f"in {f.label(c.place_id)}")
    text = " ".join(words)
    if c.type == "merged" and c.result_id is not None and c.result_id != c.object_id:
        text += f", forming {f.label(c.result_id)}"
    return text


def _whose(f: Facts, c: ClaimRow) -> str:
    """Who vouches for the claim, where the text says it is one side's account or hedges it."""
    parts = []
    if c.according_to_id is not None:
        parts.append(f"according to {f.label(c.according_to_id)}")
    if c.hedging == "claimed":
        parts.append("reportedly")
    return ", ".join(parts)


def _aside(f: Facts, c: ClaimRow) -> str:
    whose = _whose(f, c)
    return f" ({whose})" if whose else ""


def _short(quote: str) -> str:
    one = " ".join(quote.split())
    return one if len(one) <= QUOTE_LIMIT else one[:QUOTE_LIMIT - 1] + "…"


# --- the record ----------------------------------------------------------------------

def _control(rec: Any, f: Facts, now: str) -> None:
    control = _sub(rec, "control")
    _sub(control, "recordId", record_id(f.org.id))
    _sub(control, "maintenanceStatus", "new")
    _sub(_sub(control, "maintenanceAgency"), "agencyName", AGENCY)
    convention = _sub(control, "conventionDeclaration")
    _sub(convention, "abbreviation", AGENCY)
    _sub(convention, "citation", "orgline entity resolution: the authorized form is the label orgline chose "
                                 "for the body; other forms are the names the sources give it")
    event = _sub(_sub(control, "maintenanceHistory"), "maintenanceEvent")
    _sub(event, "eventType", "created")
    _sub(event, "eventDateTime", now, standardDateTime=now)
    _sub(event, "agentType", "machine")
    _sub(event, "agent", AGENCY)
    if f.sources:
        sources = _sub(control, "sources")
        for src in f.sources:
            source = _sub(sources, "source")
            source.set(f"{{{XLINK_NS}}}href", src.origin)
            source.set(f"{{{XLINK_NS}}}type", "simple")
            _sub(source, "sourceEntry", src.title or src.origin)


def _distinct_names(f: Facts) -> list[NameRow | None]:
    """The entity's names, each form and period once (several sources may give the same);
    None stands for the label where no stored name carries it."""
    seen: dict[tuple[Any, ...], NameRow] = {}
    for n in f.names:
        seen.setdefault((n.name, n.kind, n.valid_from, n.valid_to), n)
    names: list[NameRow | None] = list(seen.values())
    if not any(n is not None and n.name == f.org.label for n in names):
        names.insert(0, None)
    return names


def _identity(desc: Any, f: Facts) -> None:
    identity = _sub(desc, "identity")
    if f.org.qid:
        _sub(identity, "entityId", f"wikidata:{f.org.qid}")
    _sub(identity, "entityType", "corporateBody")
    authorized = False
    for n in _distinct_names(f):
        entry = _sub(identity, "nameEntry", localType=n.kind if n is not None else "official")
        _sub(entry, "part", n.name if n is not None else f.org.label)
        if n is not None and (n.valid_from or n.valid_to):
            _range(_sub(entry, "useDates"), (n.valid_from, n.from_lo, None), (n.valid_to, None, n.to_hi))
        if not authorized and (n is None or n.name == f.org.label):
            _sub(entry, "authorizedForm", AGENCY)
            authorized = True
        else:
            _sub(entry, "alternativeForm", AGENCY)


def _exist_dates(desc: Any, f: Facts) -> None:
    """From the earliest founding to the latest dissolution or merger, where known."""
    own = [c for c, _ in f.own() if c.date]
    born = min((c for c in own if c.type == "founded"), key=lambda c: (c.date_lo or 0), default=None)
    ended = max((c for c in own if c.type in ("dissolved", "merged")), key=lambda c: (c.date_hi or 0), default=None)
    if born is None and ended is None:
        return
    start = _claim_start(born) if born is not None else (None, None, None)
    end = (ended.date, ended.date_lo, ended.date_hi) if ended is not None else (None, None, None)
    _range(_sub(desc, "existDates"), start, end)


def _places(desc: Any, f: Facts) -> None:
    located = [c for c, _ in f.own() if c.type == "location" and c.object_id is not None]
    if not located:
        return
    places = _sub(desc, "places")
    for c in located:
        place = _sub(places, "place")
        if c.kind:
            _sub(place, "placeRole", c.kind)
        _sub(place, "placeEntry", f.label(c.object_id))
        _dates(place, _claim_start(c), _claim_end(c))
        if whose := _whose(f, c):
            _sub(_sub(place, "descriptiveNote"), "p", whose)


def _chronology(desc: Any, f: Facts) -> None:
    """One item per dated claim about the body, in date order, each with its quote."""
    dated = sorted((cq for cq in f.own() if cq[0].date or cq[0].end),
                   key=lambda cq: (_lo(cq[0]), cq[0].date_hi or 0, cq[0].id))
    if not dated:
        return
    chron = _sub(_sub(desc, "biogHist"), "chronList")
    for c, quote in dated:
        item = _sub(chron, "chronItem")
        _dates(item, _claim_start(c), _claim_end(c))
        text = _phrase(f, c) + _aside(f, c)
        if quote:
            text += f': "{_short(quote)}"'
        _sub(item, "event", text)


def _lo(c: ClaimRow) -> int:
    day = c.date_lo if c.date_lo is not None else c.end_lo
    return day if day is not None else 0


def _relations(desc: Any, f: Facts) -> None:
    """Links to other bodies and people, from claims naming the body on either side."""
    rels: list[tuple[ClaimRow, int, str]] = []
    for c, _ in f.claims:
        if c.subject_id == f.org.id and c.type in AS_SUBJECT:
            for other in dict.fromkeys(i for i in (c.object_id, c.result_id) if i is not None and i != f.org.id):
                rels.append((c, other, AS_SUBJECT[c.type]))
        elif c.type in AS_OBJECT and f.org.id in (c.object_id, c.result_id):
            rels.append((c, c.subject_id, AS_OBJECT[c.type]))
    if not rels:
        return
    relations = _sub(desc, "relations")
    for c, other, kind in rels:
        rel = _sub(relations, "cpfRelation", cpfRelationType=kind)
        target = f.entities.get(other)
        href = f"#{record_id(other)}" if target is not None and target.kind == "org" else f"urn:orgline:entity:{other}"
        rel.set(f"{{{XLINK_NS}}}href", href)
        rel.set(f"{{{XLINK_NS}}}type", "simple")
        _sub(rel, "relationEntry", f.label(other))
        _dates(rel, _claim_start(c), _claim_end(c))
        note = f"{f.label(c.subject_id)} {_phrase(f, c)}{_aside(f, c)} (claim type {c.type})"
        _sub(_sub(rel, "descriptiveNote"), "p", note)


def build_record(f: Facts, now: str) -> Any:
    """One complete ``<eac-cpf>`` element for one organization."""
    rec = etree.Element(_tag("eac-cpf"), {XML_ID: record_id(f.org.id)}, nsmap={None: EAC_NS, "xlink": XLINK_NS})
    _control(rec, f, now)
    cpf = _sub(rec, "cpfDescription")
    _identity(cpf, f)
    desc = _sub(cpf, "description")
    _exist_dates(desc, f)
    _places(desc, f)
    _chronology(desc, f)
    if not len(desc):
        cpf.remove(desc)
    _relations(cpf, f)
    return rec


def _orgs(s: Session, store: Store, sel: Selection) -> Iterable[EntityRow]:
    q = (select(EntityRow).where(EntityRow.id.in_(sel.entity_ids(store)), EntityRow.kind == "org")
         .order_by(EntityRow.id).execution_options(yield_per=BATCH))
    yield from s.scalars(q)


def write_eaccpf(store: Store, out: IO[bytes], selection: Selection | None = None) -> int:
    """Write one EAC-CPF record per selected organization; returns how many."""
    sel = selection or Selection()
    cond = sel.where(store)
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    n = 0
    with store.session() as s, store.session() as reads, etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{OL_NS}}}records", nsmap={"ol": OL_NS}):
            for org in _orgs(s, store, sel):
                xf.write(build_record(Facts(reads, org, cond), now))
                reads.expunge_all()  # the reading session keeps no rows from one record to the next
                n += 1
    return n
