"""The history as a network for Gephi and graph libraries: GEXF 1.3 (dynamic: each body
lives from its founding to its end, each link from its date to its end) and GraphML (the
same, with start and end as attributes). Nodes are the entities the selected claims link;
edges are the claims between two entities. Written with lxml's incremental writer, a row at
a time: memory does not grow with the store."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any

from lxml import etree
from sqlalchemy import and_, func, select, union
from sqlalchemy.orm import Session

from ..store import Store
from ..store.schema import ClaimRow, EntityRow
from .selection import BATCH, Selection, asserted
from ..edtf import iso_day

GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
NODE_ATTRS = (("kind", "string"), ("qid", "string"))
EDGE_ATTRS = (("type", "string"), ("date", "string"), ("status", "string"), ("confidence", "double"),
              ("negated", "boolean"))


def _when(c: ClaimRow) -> tuple[str | None, str | None]:
    """A link's first day and last (its end's last day where it lasts)."""
    return iso_day(c.date_lo), iso_day(c.end_hi if c.end_hi is not None else c.date_hi)


def _edges_where(store: Store, sel: Selection) -> Any:
    return and_(sel.where(store), ClaimRow.object_id.is_not(None), asserted())


def _nodes(s: Session, store: Store, sel: Selection) -> Iterator[tuple[EntityRow, str | None, str | None]]:
    """Entities at the ends of the selected links, with the dates their lives begin and end."""
    cond = _edges_where(store, sel)
    ids = union(select(ClaimRow.subject_id).where(cond), select(ClaimRow.object_id).where(cond)).subquery()
    born = (select(ClaimRow.subject_id.label("id"), func.min(ClaimRow.date_lo).label("d"))
            .where(ClaimRow.type == "founded", asserted()).group_by(ClaimRow.subject_id).subquery())
    died = (select(ClaimRow.subject_id.label("id"), func.max(ClaimRow.date_hi).label("d"))
            .where(ClaimRow.type.in_(("dissolved", "merged")), asserted()).group_by(ClaimRow.subject_id).subquery())
    q = (select(EntityRow, born.c.d, died.c.d).join(ids, ids.c[0] == EntityRow.id)
         .outerjoin(born, born.c.id == EntityRow.id).outerjoin(died, died.c.id == EntityRow.id)
         .order_by(EntityRow.id).execution_options(yield_per=BATCH))
    for e, start, end in s.execute(q):
        yield e, iso_day(start), iso_day(end)


def _edges(s: Session, store: Store, sel: Selection) -> Iterator[ClaimRow]:
    q = select(ClaimRow).where(_edges_where(store, sel)).order_by(ClaimRow.id).execution_options(yield_per=BATCH)
    yield from s.scalars(q)


def _edge_values(c: ClaimRow) -> dict[str, str]:
    return {"type": c.type, "date": c.date or "", "status": c.status, "confidence": str(c.confidence),
            "negated": "false"}


def write_gexf(store: Store, out: IO[bytes], selection: Selection | None = None) -> int:
    sel = selection or Selection()
    n = 0
    g = _tags(GEXF_NS)
    with store.session() as s, etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(g("gexf"), nsmap={None: GEXF_NS}, version="1.3"):
            with xf.element(g("graph"), mode="dynamic", defaultedgetype="directed", timeformat="date"):
                for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
                    with xf.element(g("attributes"), {"class": cls}):
                        for name, type_ in attrs:
                            xf.write(etree.Element(g("attribute"), id=name, title=name, type=type_))
                with xf.element(g("nodes")):
                    for e, start, end in _nodes(s, store, sel):
                        node = etree.Element(g("node"), id=f"e{e.id}", label=e.label, **_span(start, end))
                        values = etree.SubElement(node, g("attvalues"))
                        etree.SubElement(values, g("attvalue"), {"for": "kind", "value": e.kind})
                        if e.qid:
                            etree.SubElement(values, g("attvalue"), {"for": "qid", "value": e.qid})
                        xf.write(node)
                with xf.element(g("edges")):
                    for c in _edges(s, store, sel):
                        edge = etree.Element(g("edge"), id=f"c{c.id}", source=f"e{c.subject_id}",
                                             target=f"e{c.object_id}", label=c.type.replace("_", " "),
                                             **_span(*_when(c)))
                        values = etree.SubElement(edge, g("attvalues"))
                        for k, v in _edge_values(c).items():
                            etree.SubElement(values, g("attvalue"), {"for": k, "value": v})
                        xf.write(edge)
                        n += 1
    return n


def _tags(ns: str) -> Callable[[str], str]:
    return lambda tag: f"{{{ns}}}{tag}"


def _span(start: str | None, end: str | None) -> dict[str, str]:
    return {k: v for k, v in (("start", start), ("end", end)) if v}


def write_graphml(store: Store, out: IO[bytes], selection: Selection | None = None) -> int:
    sel = selection or Selection()
    n = 0
    keys = [("node", "label", "string"), ("node", "kind", "string"), ("node", "qid", "string"),
            ("node", "start", "string"), ("node", "end", "string"), ("edge", "label", "string"),
            ("edge", "start", "string"), ("edge", "end", "string")] + [("edge",) + a for a in EDGE_ATTRS]
    g = _tags(GRAPHML_NS)
    with store.session() as s, etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(g("graphml"), nsmap={None: GRAPHML_NS}):
            for for_, name, type_ in keys:
                xf.write(etree.Element(g("key"), {"id": f"{for_[0]}_{name}", "for": for_, "attr.name": name,
                                                  "attr.type": type_}))
            with xf.element(g("graph"), id="orgline", edgedefault="directed"):
                for e, start, end in _nodes(s, store, sel):
                    node = etree.Element(g("node"), id=f"e{e.id}")
                    for k, v in (("label", e.label), ("kind", e.kind), ("qid", e.qid), ("start", start), ("end", end)):
                        if v:
                            etree.SubElement(node, g("data"), key=f"n_{k}").text = v
                    xf.write(node)
                for c in _edges(s, store, sel):
                    edge = etree.Element(g("edge"), id=f"c{c.id}", source=f"e{c.subject_id}", target=f"e{c.object_id}")
                    values = {"label": c.type.replace("_", " "), **_span(*_when(c)),
                              **_edge_values(c)}
                    for k, v in values.items():
                        etree.SubElement(edge, g("data"), key=f"e_{k}").text = v
                    xf.write(edge)
                    n += 1
    return n
