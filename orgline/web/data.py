"""What each page shows, as plain data: the server renders it and serves it as JSON, and
``publish`` writes it into static pages. Reads go through ``orgline.query`` and the store's
indexes, a bounded number of queries per page, whatever the store's size."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select

from .. import query
from ..edtf import iso_day as iso
from ..errors import NotFound
from ..model import CLAIM_TYPES, norm_name
from ..query import sentences
from ..query.sentences import sentence
from ..store import Store, review
from ..store.plans import unindexed
from ..store.schema import (ClaimEvidenceRow, ClaimRow, EntityRow, MentionRow, NameRow, SourceRow,
                            SpanRow)

Row = dict[str, Any]
# Each edge points forward in time (predecessor to successor) or up (member to body), with
# a label that reads along the arrow.
GRAPH_TYPES = {"formed_from": ("grew into", True), "split_from": ("split off", True),
               "merged": ("merged into", False), "member_of": ("member of", False),
               "parent_org": ("part of", False)}
GRAPH_NODES = 60  # a lineage graph stops growing here: a page, not the whole store
GRAPH_DEPTH = 3


def _entity_row(store: Store, entity_id: int) -> EntityRow:
    with store.session() as s:
        e = s.get(EntityRow, entity_id)
        if e is None:
            raise NotFound(f"no entity with id {entity_id}")
        s.expunge(e)
        return e


PER_TYPE = 100  # claims shown per type unless all are asked for: a city can be named by thousands


def entity(store: Store, entity_id: int, show_all: str | None = None) -> Row:
    """An entity's names over time, its claims by type (the first PER_TYPE of each, or all
    of type ``show_all``) and where sources disagree."""
    e = _entity_row(store, entity_id)
    with store.session() as s:
        names = list(s.scalars(select(NameRow).where(NameRow.entity_id == entity_id).order_by(NameRow.id)))
        bands = _name_bands(names)
    claims = query.claims(store, f"#{entity_id}")
    scale = _scale(bands, [c["date"] for c in claims] + [c["end"] for c in claims])
    by_type: dict[str, list[Row]] = defaultdict(list)
    for c in claims:
        by_type[c["type"]].append(c)
    return {"id": e.id, "label": e.label, "kind": e.kind, "qid": e.qid, "names": bands, "scale": scale,
            "claims": {t: by_type[t] if t == show_all else by_type[t][:PER_TYPE] for t in CLAIM_TYPES if t in by_type},
            "totals": {t: len(by_type[t]) for t in by_type},
            "conflicts": query.disagreements([c for c in claims if c["subject_id"] == entity_id
                                              and c["status"] != "rejected"]),
            "summary": summary(entity_id, bands, claims),
            "sources": sorted({(c["source"]["id"], c["source"]["title"] or c["source"]["origin"].rsplit("/", 1)[-1])
                               for c in claims if c["subject_id"] == entity_id}, key=lambda x: x[1].lower()),
            "count": len(claims), "about": sum(c["subject_id"] == entity_id for c in claims)}


def summary(entity_id: int, bands: list[Row], claims: list[Row]) -> list[tuple[str, list[Row]]]:
    """What an infobox gives at a glance, from the claims people have not rejected: names
    with their periods, founded, ended, based in, predecessors and successors, parent,
    members and memberships, sources. Each item: text, its date in words, the entity it
    links to (if any) and the claim it comes from; a fact told twice is listed once."""
    rows: dict[str, list[Row]] = defaultdict(list)

    def add(field: str, text: str, c: Row | None, link: int | None = None, when: str | None = None) -> None:
        item = {"text": text, "when": when if when is not None else (sentences.when(c["date"], c["end"]) if c else ""),
                "link": link, "claim": c["id"] if c else None}
        if all((x["text"], x["when"]) != (item["text"], item["when"]) for x in rows[field]):
            rows[field].append(item)

    for b in bands:
        add("names", b["name"], None, when=sentences.period(b["valid_from"], b["valid_to"]))
    for c in claims:
        if c["status"] == "rejected" or c["negated"]:
            continue
        mine, other = c["subject_id"] == entity_id, c["subject_id"] != entity_id
        t = c["type"]
        if mine and t == "founded":
            add("founded", f"in {c['place']}" if c["place"] else "", c)
        elif mine and t == "dissolved":
            add("ended", "", c)
        elif mine and t == "merged":
            add("ended", f"merged into {c['result'] or c['object']}", c, c["object_id"])
            add("successors", c["result"] or c["object"] or "", c, c["object_id"])
        elif mine and t == "location":
            add("based in", c["object"] or "", c, c["object_id"])
        elif mine and t in ("formed_from", "split_from"):
            add("predecessors", f"{c['object']}" + (" (split from)" if t == "split_from" else ""), c, c["object_id"])
        elif other and t in ("formed_from", "split_from", "merged"):
            add("successors" if t != "merged" else "predecessors", c["subject"], c, c["subject_id"])
        elif mine and t == "parent_org":
            add("part of", c["object"] or "", c, c["object_id"])
        elif other and t == "parent_org":
            add("parts", c["subject"], c, c["subject_id"])
        elif mine and t == "member_of":
            add("member of", c["object"] or "", c, c["object_id"])
        elif other and t == "member_of":
            add("members", c["subject"], c, c["subject_id"])
        elif mine and t == "founded_by":
            add("founded by", c["object"] or "", c, c["object_id"])
    n_sources = len({c["source"]["id"] for c in claims})
    rows["sources"].append({"text": f"{n_sources} source{'s' if n_sources != 1 else ''}", "when": "",
                            "link": None, "claim": None})
    order = ["names", "founded", "founded by", "ended", "based in", "predecessors", "successors", "part of",
             "parts", "member of", "members", "sources"]
    return [(f, rows[f]) for f in order if rows.get(f)]


def _name_bands(names: list[NameRow]) -> list[Row]:
    """Each name once, with its validity; the band spans from-to where either is known."""
    out: dict[tuple[str, str | None, str | None], Row] = {}
    for n in names:
        key = (n.name, n.valid_from, n.valid_to)
        if key not in out:
            out[key] = {"name": n.name, "kind": n.kind, "valid_from": n.valid_from, "valid_to": n.valid_to,
                        "start": iso(n.from_lo), "end": iso(n.to_hi), "source": n.source_id}
    return list(out.values())


def _scale(bands: list[Row], dates: list[str | None]) -> Row | None:
    """The years the name bands are drawn against (the entity's dated names and claims),
    and each band's place on them (percent); a name with only a start runs to the last
    year known, marked open."""
    years = [int(d[:4]) for b in bands for d in (b["start"], b["end"]) if d and d[0] != "-"]
    years += [int(d[:4]) for d in dates if d and d[:4].isdigit()]
    if not years:
        return None
    lo, hi = min(years), max(years) + 1
    for b in bands:
        if not b["start"] and not b["end"]:
            continue
        a = int(b["start"][:4]) if b["start"] and b["start"][0] != "-" else lo
        z = int(b["end"][:4]) + 1 if b["end"] and b["end"][0] != "-" else hi
        x = 100 * (a - lo) / (hi - lo)
        b["band"] = {"x": round(x, 2), "w": round(max(1.0, 100 * (z - a) / (hi - lo)), 2),
                     "open": not (b["start"] and b["end"])}
    return {"from": lo, "to": hi - 1}


def timeline(store: Store, ids: list[int]) -> Row:
    """vis-timeline groups (one per entity) and items: each dated claim a point where its
    date is one day, a range where it is uncertain (1971: the whole year) or lasts (to its
    end), labelled with the other body ("member of Lothian Tenants' Assembly"); each dated
    name a background band. Rejected claims are left out; claims whose dates the sources
    dispute are marked ``conflict``; undated claims come in ``undated``, for a list beside."""
    groups: list[Row] = []
    items: list[Row] = []
    undated: list[Row] = []
    with store.session() as s:
        for eid in ids:
            e = s.get(EntityRow, eid)
            if e is None:
                raise NotFound(f"no entity with id {eid}")
            groups.append({"id": eid, "content": e.label})
            bands = s.scalars(select(NameRow).where(NameRow.entity_id == eid, or_(
                NameRow.from_lo.is_not(None), NameRow.to_hi.is_not(None))).order_by(NameRow.from_lo)).all()
            first: dict[str, NameRow] = {}  # each name once: from its first start, open if any account leaves it open
            last: dict[str, NameRow | None] = {}
            for n in bands:
                if n.from_lo is None:
                    continue
                first.setdefault(n.name, n)
                z = last.get(n.name, n)
                last[n.name] = None if z is None or n.to_hi is None else max(z, n, key=lambda r: r.to_hi or 0)
            for k, (name, a) in enumerate(first.items()):  # in a row of their own: stacked, never overprinted
                z = last[name]
                start, end = iso(a.from_lo), iso(z.to_hi) if z else None
                items.append({"id": f"n{eid}-{k}", "group": f"names-{eid}", "entity": eid, "content": name, "start": start,
                              "end": end, "type": "range" if end else "point", "className": "name-band",
                              "title": f"{e.label} bore the name “{name}” "
                                       + sentences.period(a.valid_from, z.valid_to if z else None)})
            if first:
                groups.append({"id": f"names-{eid}", "content": "names", "className": "names-row"})
        rows = s.scalars(select(ClaimRow).where(ClaimRow.subject_id.in_(ids), ClaimRow.status != "rejected")
                         .order_by(ClaimRow.date_lo.is_(None), ClaimRow.date_lo, ClaimRow.id)).all()
        wanted = {x for c in rows for x in (c.subject_id, c.object_id, c.result_id) if x}
        labels = dict(s.execute(select(EntityRow.id, EntityRow.label).where(EntityRow.id.in_(wanted))).tuples().all())
        disputed = {c["id"] for g in query.disagreements([  # the claims already read, as the entity page reads them
            {"id": c.id, "type": c.type, "subject_id": c.subject_id, "subject": labels.get(c.subject_id),
             "object_id": c.object_id, "value": c.value, "negated": c.negated, "date": c.date} for c in rows])
            for c in g["claims"]}
        for c in rows:
            if c.type == "named" and c.date_lo is not None:
                continue  # drawn as the name's band
            start, end = iso(c.date_lo), iso(c.end_hi if c.end_hi is not None else c.date_hi)
            label = labels.get(c.subject_id, "?")
            if start is None:
                undated.append({"id": c.id, "group": c.subject_id, "title": f"{label}: {_short(c, labels)}"})
                continue
            ranged = end is not None and end != start
            items.append({"id": c.id, "group": c.subject_id, "start": start, "end": end if ranged else None,
                          "type": "range" if ranged else "point", "content": _short(c, labels),
                          "title": f"{label}: {_short(c, labels)}, {sentences.when(c.date, c.end)}"
                                   + (" (the sources disagree)" if c.id in disputed else ""),
                          "className": f"claim {c.type} {c.status}" + (" negated" if c.negated else "")
                                       + (" conflict" if c.id in disputed else "")})
    items = [{k: v for k, v in i.items() if v is not None} for i in items]
    return {"groups": groups, "items": items, "undated": undated}


def _short(c: ClaimRow, labels: dict[int, str]) -> str:
    """A claim in a few words with the other body or the value: "member of X"."""
    other = labels.get(c.result_id or 0) or labels.get(c.object_id or 0) or c.value
    text = CLAIM_TYPES[c.type].phrase if c.type in CLAIM_TYPES else c.type.replace("_", " ")
    if other:
        text += f" “{other}”" if c.type in ("named", "ideology") else f" {other}"
    return ("not " if c.negated else "") + text


def lineage(store: Store, entity_id: int) -> Row:
    """Nodes and edges around an entity: what it grew out of, split from, merged with,
    belonged to, and the same for those, up to GRAPH_DEPTH steps and GRAPH_NODES bodies.
    Each node has its life span and its place in a left-to-right reading by time
    (``col``, ``row``: see ``_layout``)."""
    _entity_row(store, entity_id)
    seen, frontier = {entity_id}, [entity_id]
    edges: dict[int, Row] = {}
    with store.session() as s:
        for _ in range(GRAPH_DEPTH):
            if not frontier:
                break
            ends = (ClaimRow.subject_id, ClaimRow.object_id, ClaimRow.result_id)
            rows = s.scalars(select(ClaimRow).where(unindexed(ClaimRow.type).in_(list(GRAPH_TYPES)),
                                                    ClaimRow.negated.is_(False),
                                                    ClaimRow.status != "rejected",
                                                    or_(*(end.in_(frontier) for end in ends)))
                             .order_by(ClaimRow.id).limit(GRAPH_NODES * 4)).all()
            nxt = []
            for c in rows:  # a merger with a named product points at the product, not at the partner
                for target in [c.result_id] if c.result_id else [c.object_id] if c.object_id else []:
                    if target == c.subject_id:
                        continue
                    new = [x for x in (c.subject_id, target) if x not in seen]
                    if len(seen) + len(new) > GRAPH_NODES:
                        continue
                    seen.update(new)
                    nxt += new
                    year = c.date_lo // 10000 if c.date_lo is not None else None
                    label, backwards = GRAPH_TYPES[c.type]
                    a, z = (target, c.subject_id) if backwards else (c.subject_id, target)
                    edges[c.id] = {"id": c.id, "source": a, "target": z, "type": c.type, "year": year,
                                   "label": label, "said": (c.subject_id, c.object_id, c.result_id, c.date, c.end)}
            frontier = nxt
        kinds = {e.id: e for e in s.scalars(select(EntityRow).where(EntityRow.id.in_(seen)))}
        lives = _lives(s, sorted(seen))
    spans = {i: f"{a if a is not None else ''}–{z if z is not None else ''}" for i, (a, z) in lives.items()}
    nodes = [{"id": i, "label": kinds[i].label, "kind": kinds[i].kind, "root": i == entity_id,
              "span": spans.get(i, "")} for i in sorted(seen)]
    once = _once(list(edges.values()))
    for e in once:  # the claim as a sentence, for the list under the drawing
        sid, oid, rid, date, end = e.pop("said")
        e["says"] = sentence(e["type"], kinds[sid].label, kinds[oid].label if oid in kinds else None, date, end,
                             result=kinds[rid].label if rid in kinds else None)
    _layout(nodes, once, {i: a for i, (a, _) in lives.items() if a is not None})
    return {"root": entity_id, "nodes": nodes, "edges": once}


def _once(edges: list[Row]) -> list[Row]:
    """Each link once: a split told twice (dated and undated) is one edge, the dated one;
    "A merged with B" told from both sides is one edge."""
    best: dict[tuple[Any, ...], Row] = {}
    for e in edges:
        key: tuple[Any, ...] = (e["type"], *sorted((e["source"], e["target"]))) if e["type"] == "merged" else (
            e["type"], e["source"], e["target"])
        if key not in best or (e["year"] is not None and best[key]["year"] is None):
            best[key] = e
    return list(best.values())


def _lives(s: Any, ids: list[int]) -> dict[int, tuple[int | None, int | None]]:
    """Each body's first year and last, as its founding and its end (dissolved, merged
    away) are first dated."""
    first: dict[tuple[int, str], int] = {}
    for sid, kind, lo in s.execute(select(ClaimRow.subject_id, ClaimRow.type, ClaimRow.date_lo).where(
            ClaimRow.subject_id.in_(ids), ClaimRow.type.in_(("founded", "dissolved", "merged")),
            ClaimRow.status != "rejected", ClaimRow.negated.is_(False), ClaimRow.date_lo.is_not(None))):
        end = "founded" if kind == "founded" else "ended"
        if (sid, end) not in first or lo < first[(sid, end)]:
            first[(sid, end)] = lo
    out = {}
    for i in ids:
        a, z = first.get((i, "founded")), first.get((i, "ended"))
        if a is not None or z is not None:
            out[i] = (a // 10000 if a is not None else None, z // 10000 if z is not None else None)
    return out


COMING_INTO_BEING = {"formed_from", "split_from", "merged"}  # the edge's target began (or grew) then


def _layout(nodes: list[Row], edges: list[Row], founded: dict[int, int]) -> None:
    """Give each node a column (``col``) by when it began, so that the graph reads left to
    right in time, and a row (``row``) within its column, in the order of the neighbours
    already placed to its left, so that lines cross little. A body's beginning is its
    founding year, else the year of a link that made it (a split, a merger into it), else
    of its first dated link; a body with no date at all stands one column after what it
    came from, or before what it went into."""
    began: dict[int, int] = dict(founded)
    for n in nodes:
        i = n["id"]
        if i in began:
            continue
        made = [e["year"] for e in edges if e["target"] == i and e["type"] in COMING_INTO_BEING and e["year"]]
        touched = [e["year"] for e in edges if i in (e["source"], e["target"]) and e["year"]]
        if made or touched:
            began[i] = min(made or touched)
    rank = {y: k * 2 for k, y in enumerate(sorted(set(began.values())))}  # odd columns: room for the undated
    col = {i: rank[y] for i, y in began.items()}
    for _ in range(len(nodes)):
        for n in nodes:
            i = n["id"]
            if i in col:
                continue
            before = [col[e["source"]] for e in edges if e["target"] == i and e["source"] in col]
            after = [col[e["target"]] for e in edges if e["source"] == i and e["target"] in col]
            if before or after:
                col[i] = max(before) + 1 if before else min(after) - 1
    used = sorted({col.get(n["id"], 0) for n in nodes})
    dense = {c: k for k, c in enumerate(used)}
    for n in nodes:
        n["col"] = dense[col.get(n["id"], 0)]
    _rows(nodes, edges)


def _rows(nodes: list[Row], edges: list[Row]) -> None:
    """Order each column by the mean row of its neighbours in the columns to its left (a
    body with none keeps its place after the others, by name): one sweep of the
    barycentre method, enough for the few dozen bodies of a page."""
    by_id = {n["id"]: n for n in nodes}
    near: dict[int, list[int]] = defaultdict(list)
    for e in edges:
        near[e["source"]].append(e["target"])
        near[e["target"]].append(e["source"])
    for c in sorted({n["col"] for n in nodes}):
        here = [n for n in nodes if n["col"] == c]

        def centre(n: Row) -> tuple[float, str]:
            left = [by_id[j]["row"] for j in near[n["id"]] if by_id[j]["col"] < c and "row" in by_id[j]]
            return (sum(left) / len(left) if left else float("inf"), n["label"].lower())
        for k, n in enumerate(sorted(here, key=centre)):
            n["row"] = k


def _sentences(s: Any, ids: list[int]) -> dict[int, str]:
    """Each claim as the sentence a reader checks against the quote."""
    rows = s.scalars(select(ClaimRow).where(ClaimRow.id.in_(ids))).all() if ids else []
    wanted = {x for c in rows for x in (c.subject_id, c.object_id, c.place_id, c.result_id, c.according_to_id) if x}
    labels = dict(s.execute(select(EntityRow.id, EntityRow.label).where(EntityRow.id.in_(wanted))).tuples().all()) \
        if wanted else {}
    return {c.id: sentence(c.type, labels.get(c.subject_id, "?"), labels.get(c.object_id) or c.value, c.date,
                           c.end, bool(c.negated), labels.get(c.place_id), labels.get(c.result_id),
                           labels.get(c.according_to_id)) for c in rows}


def source(store: Store, source_id: str) -> Row:
    """A source's text cut into pieces at every mention and evidence boundary; each piece
    says which entity it mentions and which claims it is evidence for. The template escapes
    every piece: the text is never trusted as markup."""
    with store.session() as s:
        src = s.get(SourceRow, source_id)
        if src is None:
            matches = s.scalars(select(SourceRow.id).where(SourceRow.id.startswith(source_id, autoescape=True)).limit(2)).all()
            if len(matches) != 1:
                raise NotFound(f"no source with id {source_id}")
            src = s.get(SourceRow, matches[0])
            assert src is not None
        mentions = s.execute(select(SpanRow.start, SpanRow.end, MentionRow.entity_id, EntityRow.label)
                             .join(MentionRow, MentionRow.span_id == SpanRow.id)
                             .join(EntityRow, EntityRow.id == MentionRow.entity_id)
                             .where(SpanRow.source_id == src.id)).all()
        evidence = s.execute(select(SpanRow.start, SpanRow.end, ClaimRow.id, ClaimRow.type, ClaimRow.status,
                                    ClaimRow.subject_id)
                             .join(ClaimEvidenceRow, ClaimEvidenceRow.span_id == SpanRow.id)
                             .join(ClaimRow, ClaimRow.id == ClaimEvidenceRow.claim_id)
                             .where(SpanRow.source_id == src.id)).all()
        info = {"id": src.id, "title": src.title, "origin": src.origin, "author": src.author,
                "date": src.date, "chars": len(src.text)}
        text = src.text
        said = _sentences(s, sorted({e[2] for e in evidence}))
    cuts = sorted({0, len(text)} | {x for m in mentions for x in m[:2]} | {x for e in evidence for x in e[:2]})
    pieces = []
    begun: set[int] = set()
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        inside = [m for m in mentions if m[0] <= a and b <= m[1]]
        mention = min(inside, key=lambda m: m[1] - m[0]) if inside else None
        claims = sorted({(e[2], e[3], e[4]) for e in evidence if e[0] <= a and b <= e[1]})
        starts = [c[0] for c in claims if c[0] not in begun]  # the piece a link to a claim's evidence lands on
        begun.update(starts)
        pieces.append({"text": text[a:b], "start": a, "starts": starts,
                       "entity": {"id": mention[2], "label": mention[3]} if mention else None,
                       "claims": [{"id": i, "type": t, "status": st} for i, t, st in claims]})
    claim_list = sorted({(e[2], e[3], e[4], e[5]) for e in evidence})
    return info | {"pieces": pieces,
                   "claims": [{"id": i, "type": t, "status": st, "subject_id": sj, "sentence": said.get(i, "")}
                              for i, t, st, sj in claim_list],
                   "entities": sorted({(m[2], m[3]) for m in mentions}, key=lambda x: x[1].lower())}


QUEUE = 25  # claims per part of the review queue
LOW_CONFIDENCE = 0.7


def review_queue(store: Store) -> Row:
    """What needs a person, most pressing first: claims the sources disagree on, then
    unreviewed claims of low confidence, then the other unreviewed ones; bodies that are
    likely one (close names, same kind) side by side; and the latest changes, to undo."""
    from rapidfuzz import fuzz

    conflicts = [g for g in query.conflicts(store) if any(c["status"] == "extracted" for c in g["claims"])]
    in_conflict = [c["id"] for g in conflicts for c in g["claims"]]
    with store.session() as s:
        pending = (ClaimRow.status == "extracted") & ClaimRow.id.not_in(in_conflict)  # each claim in one place
        low_ids = list(s.scalars(select(ClaimRow.id).where(pending, ClaimRow.confidence < LOW_CONFIDENCE)
                                 .order_by(ClaimRow.confidence, ClaimRow.id).limit(QUEUE)))
        rest_ids = list(s.scalars(select(ClaimRow.id).where(pending, ClaimRow.confidence >= LOW_CONFIDENCE)
                                  .order_by(ClaimRow.id).limit(QUEUE)))
        counts = {"low": s.scalar(select(func.count()).where(pending, ClaimRow.confidence < LOW_CONFIDENCE)),
                  "rest": s.scalar(select(func.count()).where(pending, ClaimRow.confidence >= LOW_CONFIDENCE))}
        orgs = s.execute(select(EntityRow.id, EntityRow.label, EntityRow.kind)
                         .where(EntityRow.id.in_(select(NameRow.entity_id)))).all()
        changes = [h for h in review.history(s)][-QUEUE:][::-1]
    with store.session() as s:
        by_id = {c["id"]: c for c in query.claim_rows(s, ClaimRow.id.in_(low_ids + rest_ids))}
    blocks: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for eid, label, kind in orgs:  # compared only within a kind and a first word's beginning
        words = norm_name(label).split()
        if words:
            blocks[(kind, words[0][:3])].append((eid, label))
    pairs: list[Row] = []
    for members in blocks.values():
        for i, (a, la) in enumerate(members[:200]):
            for b, lb in members[i + 1:200]:
                score = fuzz.token_sort_ratio(norm_name(la), norm_name(lb))
                if score >= 88:
                    pairs.append({"a": a, "a_label": la, "b": b, "b_label": lb, "score": round(score)})
    pairs.sort(key=lambda p: -int(p["score"]))
    return {"conflicts": conflicts[:QUEUE], "low": [by_id[i] for i in low_ids if i in by_id],
            "rest": [by_id[i] for i in rest_ids if i in by_id], "counts": counts,
            "duplicates": pairs[:QUEUE], "changes": changes}
