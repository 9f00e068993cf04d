"""The sources as a TEI P5 corpus, for editions and text-analysis tools that read TEI.

One ``<teiCorpus>`` holds a ``<TEI>`` per source text the selection touches (the sources
its claims come from; every source when nothing is filtered). Each text is the stored
source, untouched, cut into ``<p>`` at blank lines (the blank lines stay between the
paragraphs as whitespace, so the body's text is the source's text character for
character), with the mentions of entities marked up inline: ``<orgName>``,
``<persName>``, ``<placeName>`` and ``<title>`` (works) point with ``@ref`` at the
entity's entry; ideologies are ``<name type="ideology">`` and have no entry.

The entries live in the corpus header, ``profileDesc``: ``particDesc`` holds a
``<listPerson>`` and a ``<listOrg>``, ``settingDesc`` a ``<listPlace>``; works are
``<bibl>`` in a ``<listBibl>`` in the corpus ``sourceDesc``. An organization lists every
name it bore, dated, its Wikidata id, and an ``<event>`` per selected claim it is the
subject of (denied and rejected claims are left out), whose ``@source`` points at the
text the claim was read from. The lists hold the entities the selected claims name and
those mentioned in the texts written, so every ``@ref`` in the file resolves.

Dates. The store keeps a claim's date as EDTF but not where in the text it was written,
so the date expressions are found again: the text is read with the pipeline's own
temporal-expression reader (:func:`orgline.nlp.timex.find`), and an expression is marked
``<date>`` only where it lies inside the evidence of a claim of that source and reads as
that claim's date, end or date-to-end interval. A date the reader would now read
differently is left unmarked rather than guessed at. TEI's date attributes take W3C
dates only, so the EDTF becomes ``@when`` (a year, month or day), ``@from``/``@to`` (an
interval of those; an open end is left out) or else ``@notBefore``/``@notAfter`` (the
first and last day it can mean: seasons, decades, centuries); an uncertain or
approximate date adds ``cert="low"``.

Markup must nest: spans are sorted, a span inside another nests in it, and one that
crosses an open span's end (or a paragraph break) is dropped. Written with lxml's
incremental writer, one entity or one source at a time, each read with a few small
queries: memory does not grow with the store.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from lxml import etree
from sqlalchemy import exists, select, union
from sqlalchemy.orm import Session, aliased

from .. import __version__
from ..edtf import bounds, is_plain, iso_day
from ..model import CLAIM_TYPES
from ..store import Store
from ..store.schema import ClaimEvidenceRow, ClaimRow, EntityRow, MentionRow, NameRow, SourceRow, SpanRow
from .selection import BATCH, Selection, asserted

log = logging.getLogger(__name__)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# entity kind -> the inline element for its mentions, and whether it has an entry to point at
INLINE = {"org": ("orgName", True), "person": ("persName", True), "place": ("placeName", True),
          "work": ("title", True), "ideology": ("name", False)}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _t(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _el(tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> Any:
    """A TEI element that declares the namespace itself: the incremental writer does not
    hand the enclosing declaration down to elements written whole."""
    el = etree.Element(_t(tag), attrs or {}, nsmap={None: TEI_NS})
    el.text = text
    return el


def _sub(parent: Any, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> Any:
    el = etree.SubElement(parent, _t(tag), attrs or {})
    el.text = text
    return el


def entity_xml_id(kind: str, eid: int) -> str:
    return f"{kind}-{eid}"


def source_xml_id(sid: str) -> str:
    return f"src-{sid[:12]}"


# -- dates -------------------------------------------------------------------------------

def date_attrs(edtf: str | None, lo: int | None = None, hi: int | None = None) -> dict[str, str]:
    """TEI's W3C date attributes for an EDTF value; ``lo``/``hi`` (``YYYYMMDD``) are the
    first and last day it can mean, used where the value is not a plain date or interval."""
    if not edtf:
        return {}
    plain = re.sub(r"[?~%]", "", edtf)
    cert = {"cert": "low"} if plain != edtf else {}
    if is_plain(plain):
        return {"when": plain, **cert}
    if plain.count("/") == 1:
        a, b = plain.split("/")
        ends = {k: v for k, v in (("from", a), ("to", b)) if v not in ("", "..")}
        if ends and all(is_plain(v) for v in ends.values()):
            return {**ends, **cert}
    if lo is None and hi is None and (days := bounds(edtf)):
        lo, hi = days
    out = {k: v for k, v in (("notBefore", iso_day(lo)), ("notAfter", iso_day(hi))) if v}
    return out | cert if out else {}


def _name_dates(n: NameRow) -> dict[str, str]:
    """When a name was borne: ``from``/``to`` where plain, else the earliest first day and
    the latest last day."""
    out: dict[str, str] = {}
    start = re.sub(r"[?~%]", "", n.valid_from or "")
    end = re.sub(r"[?~%]", "", n.valid_to or "")
    if is_plain(start):
        out["from"] = start
    elif (day := iso_day(n.from_lo)) is not None and n.valid_from:
        out["notBefore"] = day
    if is_plain(end):
        out["to"] = end
    elif (day := iso_day(n.to_hi)) is not None and n.valid_to:
        out["notAfter"] = day
    return out


def _claim_dates(c: ClaimRow) -> dict[str, str]:
    """A claim's date, or the interval from its date to its end where it lasts."""
    if c.end and (not c.date or "/" not in c.date):
        return date_attrs(f"{c.date or '..'}/{c.end}", c.date_lo, c.end_hi)
    return date_attrs(c.date, c.date_lo, c.date_hi)


# -- inline markup -----------------------------------------------------------------------

@dataclass
class Mark:
    """An element to wrap around ``[start, end)`` of a source's text; ``rank`` orders
    marks that start and end together (the paragraph outermost)."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    rank: int = 1
    inner: list["Mark"] = field(default_factory=list)


def nest(marks: list[Mark]) -> tuple[list[Mark], int]:
    """The marks as a tree (paragraphs at the top) and how many were dropped: a mark that
    crosses the end of one it starts inside cannot be XML, nor one outside a paragraph."""
    top: list[Mark] = []
    stack: list[Mark] = []
    dropped = 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end, m.rank)):
        while stack and stack[-1].end <= m.start:
            stack.pop()
        if (m.end <= m.start and m.tag != "p") or (stack and m.end > stack[-1].end) or (not stack and m.tag != "p"):
            dropped += 1
            continue
        (stack[-1].inner if stack else top).append(m)
        stack.append(m)
    return top, dropped


def _fill(parent: Any, text: str, start: int, end: int, marks: list[Mark]) -> None:
    """Write ``text[start:end]`` into ``parent``, wrapping each mark (and what it holds)."""
    last = None
    pos = start
    for m in marks:
        _append(parent, last, text[pos:m.start])
        last = _sub(parent, m.tag, m.attrs)
        _fill(last, text, m.start, m.end, m.inner)
        pos = m.end
    _append(parent, last, text[pos:end])


def _append(parent: Any, last: Any, s: str) -> None:
    if not s:
        return
    if last is None:
        parent.text = (parent.text or "") + s
    else:
        last.tail = (last.tail or "") + s


def paragraphs(text: str) -> list[Mark]:
    """A ``<p>`` per stretch of text between blank lines."""
    marks, pos = [], 0
    for br in PARAGRAPH_BREAK.finditer(text):
        marks.append(Mark(pos, br.start(), "p", rank=0))
        pos = br.end()
    marks.append(Mark(pos, len(text), "p", rank=0))
    return marks


def _mention_marks(reads: Session, sid: str) -> Iterator[Mark]:
    q = (select(EntityRow.id, EntityRow.kind, SpanRow.start, SpanRow.end)
         .join(MentionRow, MentionRow.entity_id == EntityRow.id).join(SpanRow, SpanRow.id == MentionRow.span_id)
         .where(SpanRow.source_id == sid).order_by(SpanRow.start, EntityRow.id))
    for eid, kind, start, end in reads.execute(q):
        tag, listed = INLINE.get(kind, ("name", False))
        attrs = {"ref": "#" + entity_xml_id(kind, eid)} if listed else {"type": kind}
        yield Mark(start, end, tag, attrs, rank=2)


def _date_marks(reads: Session, sid: str, text: str) -> Iterator[Mark]:
    """The source's date expressions that lie in a claim's evidence and read as that
    claim's date, end or the interval between (see the module docstring)."""
    q = (select(ClaimRow.date, ClaimRow.end, SpanRow.start, SpanRow.end)
         .join(ClaimEvidenceRow, ClaimEvidenceRow.claim_id == ClaimRow.id)
         .join(SpanRow, SpanRow.id == ClaimEvidenceRow.span_id)
         .where(ClaimRow.source_id == sid, ClaimRow.status != "rejected",
                (ClaimRow.date.is_not(None)) | (ClaimRow.end.is_not(None))))
    where: dict[str, list[tuple[int, int]]] = {}
    for date, end, start, stop in reads.execute(q):
        values = {date, end} | ({f"{date}/{end}"} if date and end else set())
        for v in values - {None}:
            where.setdefault(v, []).append((start, stop))
    if not where:
        return
    from ..nlp.timex import find as find_timexes  # its patterns take a third of a second to build
    for x in find_timexes(text):
        if not x.lifespan and any(a <= x.start and x.end <= b for a, b in where.get(x.edtf, ())):
            yield Mark(x.start, x.end, "date", date_attrs(x.edtf), rank=3)


# -- the texts ---------------------------------------------------------------------------

def _source_header(src: Any) -> Any:
    header = _el("teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", text=src.title or src.origin)
    _sub(_sub(file_desc, "publicationStmt"), "p",
         text=f"Generated by orgline {__version__} from the text it stored; the markup is machine-read.")
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    if src.title:
        _sub(bibl, "title", text=src.title)
    if src.author:
        _sub(bibl, "author", text=src.author)
    if src.date:
        _sub(bibl, "date", date_attrs(src.date), src.date)
    if re.match(r"^[a-zA-Z][\w+.-]*://\S+$", src.origin):
        _sub(bibl, "ptr", {"target": src.origin})
    else:
        _sub(bibl, "idno", {"type": "path"}, src.origin)
    return header


def _text(reads: Session, src: Any) -> tuple[Any, int]:
    """One source as a ``<TEI>``, and how many marks could not nest."""
    tei = _el("TEI", {XML_ID: source_xml_id(src.id)})
    tei.append(_source_header(src))
    body = _sub(_sub(tei, "text"), "body")
    marks = paragraphs(src.text) + list(_mention_marks(reads, src.id)) + list(_date_marks(reads, src.id, src.text))
    top, dropped = nest(marks)
    _fill(body, src.text, 0, len(src.text), top)
    return tei, dropped


def _sources(store: Store, sel: Selection) -> Any:
    """The ids of the sources the selection touches, as a subquery."""
    if sel == Selection():
        return select(SourceRow.id)
    return select(ClaimRow.source_id).where(sel.where(store))


# -- the entries -------------------------------------------------------------------------

def _listed(store: Store, sel: Selection) -> Any:
    """The entities with an entry: those the selected claims name and those mentioned in
    the texts written."""
    mentioned = (select(MentionRow.entity_id).join(SpanRow, SpanRow.id == MentionRow.span_id)
                 .where(SpanRow.source_id.in_(_sources(store, sel))))
    named = sel.entity_ids(store).subquery()  # SQLite takes no bracketed UNION inside another
    return union(select(named.c[0]), mentioned)


def _any(s: Session, ids: Any, *kinds: str) -> bool:
    return bool(s.scalar(select(exists().where(EntityRow.id.in_(ids), EntityRow.kind.in_(kinds)))))


def _entities(s: Session, ids: Any, kind: str) -> Iterator[EntityRow]:
    q = (select(EntityRow).where(EntityRow.id.in_(ids), EntityRow.kind == kind).order_by(EntityRow.id)
         .execution_options(yield_per=BATCH))
    yield from s.scalars(q)


def _names(reads: Session, eid: int) -> list[NameRow]:
    return list(reads.scalars(select(NameRow).where(NameRow.entity_id == eid).order_by(NameRow.id)))


def _events(reads: Session, store: Store, sel: Selection, e: EntityRow) -> Iterator[Any]:
    """An ``<event>`` per selected claim with this entity as subject, neither denied nor
    rejected, oldest first."""
    obj, place = aliased(EntityRow), aliased(EntityRow)
    q = (select(ClaimRow, obj, place).outerjoin(obj, obj.id == ClaimRow.object_id)
         .outerjoin(place, place.id == ClaimRow.place_id)
         .where(sel.where(store), ClaimRow.subject_id == e.id, asserted())
         .order_by(ClaimRow.date_lo.is_(None), ClaimRow.date_lo, ClaimRow.id))
    for c, o, p in reads.execute(q):
        attrs = {"type": c.type, **_claim_dates(c), "source": "#" + source_xml_id(c.source_id)}
        if c.hedging == "claimed":
            attrs["cert"] = "low"
        event = _el("event", attrs)
        para = _sub(event, "p", text=CLAIM_TYPES[c.type].phrase)
        last = None
        if o is not None:
            last = _ref(para, " ", o)
        elif c.value:
            para.text += f" {c.value}"
        if p is not None:
            _append(para, last, " in ")
            last = _ref(para, "", p)
        if c.date:
            _append(para, last, f" ({c.date}{'/' + c.end if c.end else ''})")
        yield event


def _ref(parent: Any, before: str, e: EntityRow) -> Any:
    """A pointing name for ``e`` at the end of ``parent``."""
    tag, listed = INLINE.get(e.kind, ("name", False))
    last = parent[-1] if len(parent) else None
    _append(parent, last, before)
    return _sub(parent, tag, {"ref": "#" + entity_xml_id(e.kind, e.id)} if listed else {"type": e.kind}, e.label)


def _entry(reads: Session, store: Store, sel: Selection, e: EntityRow) -> Any:
    """An ``<org>``, ``<person>``, ``<place>`` or (for a work) ``<bibl>``."""
    tag, name_tag = {"org": ("org", "orgName"), "person": ("person", "persName"), "place": ("place", "placeName"),
                     "work": ("bibl", "title")}[e.kind]
    el = _el(tag, {XML_ID: entity_xml_id(e.kind, e.id)})
    names = _names(reads, e.id) or [NameRow(name=e.label, kind="official")]
    for n in names:
        attrs = {"type": n.kind} if e.kind != "work" else {}
        _sub(el, name_tag, attrs | (_name_dates(n) if e.kind == "org" else {}), n.name)
    if e.qid and e.kind != "place":
        _sub(el, "idno", {"type": "wikidata"}, e.qid)
    if e.kind in ("org", "person"):
        for event in _events(reads, store, sel, e):
            el.append(event)
    return el


def _list(xf: Any, s: Session, reads: Session, store: Store, sel: Selection, ids: Any, kind: str,
          list_tag: str) -> None:
    if not _any(s, ids, kind):
        return
    with xf.element(_t(list_tag)):
        for e in _entities(s, ids, kind):
            xf.write(_entry(reads, store, sel, e))


def _corpus_header(xf: Any, s: Session, reads: Session, store: Store, sel: Selection) -> None:
    ids = _listed(store, sel)
    with xf.element(_t("teiHeader")):
        title_stmt = _el("titleStmt")
        _sub(title_stmt, "title", text="Organizations in the sources read by orgline")
        publication = _el("publicationStmt")
        _sub(publication, "p", text=f"Generated by orgline {__version__}: the stored sources with the entities, "
                                    "names and dated claims read from them. Machine-made; review before citing.")
        with xf.element(_t("fileDesc")):
            xf.write(title_stmt)
            xf.write(publication)
            with xf.element(_t("sourceDesc")):
                if _any(s, ids, "work"):
                    _list(xf, s, reads, store, sel, ids, "work", "listBibl")
                else:
                    xf.write(_el("p", text="Each text below describes its own source."))
        with xf.element(_t("profileDesc")):
            with xf.element(_t("particDesc")):
                if not _any(s, ids, "person", "org"):
                    xf.write(_el("p", text="No persons or organizations."))
                _list(xf, s, reads, store, sel, ids, "person", "listPerson")
                _list(xf, s, reads, store, sel, ids, "org", "listOrg")
            with xf.element(_t("settingDesc")):
                if not _any(s, ids, "place"):
                    xf.write(_el("p", text="No places."))
                _list(xf, s, reads, store, sel, ids, "place", "listPlace")


def write_tei(store: Store, out: IO[bytes], selection: Selection | None = None) -> int:
    """Write the corpus; returns the number of source texts written."""
    sel = selection or Selection()
    n = dropped = 0
    with store.session() as s, store.session() as reads, etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_t("teiCorpus"), nsmap={None: TEI_NS}):
            _corpus_header(xf, s, reads, store, sel)
            q = (select(SourceRow.id).where(SourceRow.id.in_(_sources(store, sel)))
                 .order_by(SourceRow.ingested_at, SourceRow.id).execution_options(yield_per=BATCH))
            for sid in s.scalars(q):
                src = reads.execute(select(SourceRow.id, SourceRow.title, SourceRow.origin, SourceRow.text,
                                           SourceRow.author, SourceRow.date).where(SourceRow.id == sid)).one()
                tei, lost = _text(reads, src)
                xf.write(tei)
                n += 1
                dropped += lost
    if dropped:
        log.debug("tei: %d marks crossed others and were left out", dropped)
    return n


__all__ = ["write_tei"]
