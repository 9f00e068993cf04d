"""FollowTheMoney entities for investigators' tools (Aleph, OpenAleph, the ``ftm`` command
line): JSON Lines, one entity per line, each built and cleaned by the ``followthemoney``
library itself, so a value its types cannot hold (a season, a decade) is dropped there
rather than written wrong.

Bodies are ``Organization``s (name, alias, abbreviation, previousName, incorporationDate,
dissolutionDate, address, country, parent, wikidataId), people ``Person``s and works
``Article``s (the kind of ``Document`` that needs no file). Claims between them are
interval entities carrying their dates and, in ``description``, the passage they rest on
(``summary`` names the source, and whose account it is where it is one side's;
``recordId`` is the claim's key in orgline): membership is a ``Membership``; authorship a
``Documentation`` (role "author"); every other link (split, merger, founding, cooperation,
break, a parent body) an ``UnknownLink`` whose ``role`` names the claim type. A parent
body is not an ``Ownership``: FollowTheMoney's ownership is of an ``Asset``, which an
organization is not, so it is the child's ``parent`` plus a dated link. FollowTheMoney has
no dated names: which name a body bore when is in the RDF and EAC-CPF exports.

Denied and rejected claims are left out. A claim one side made ("according to X") can be a
link, saying so, but never a plain date or place on the body. Written a batch of entities
at a time: memory does not grow with the store.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, TextIO

import orjson
from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..edtf import is_plain
from ..model import CLAIM_TYPES
from ..store import Store
from ..store.schema import ClaimRow, EntityRow, NameRow, SourceRow
from .selection import BATCH, Selection, asserted, first_quote

SCHEMATA = {"org": "Organization", "person": "Person", "work": "Article"}  # an Article is a Document with no file
# claim type -> link schema; the subject is the link's first end
LINKS = {"member_of": "Membership", "published": "Documentation", "parent_org": "UnknownLink",
         "formed_from": "UnknownLink", "split_from": "UnknownLink", "merged": "UnknownLink",
         "founded_by": "UnknownLink", "worked_with": "UnknownLink", "broke_with": "UnknownLink"}
ROLES = {"Membership": "member", "Documentation": "author"}  # an UnknownLink's role is the claim's phrase
ENDS = {"Membership": ("member", "organization"), "Documentation": ("document", "entity"),
        "UnknownLink": ("subject", "object")}


def entity_id(eid: int) -> str:
    return f"orgline-entity-{eid}"


def ftm_date(edtf: str | None) -> str | None:
    """An EDTF value as a FollowTheMoney date prefix: a year, month or day, approximate ones
    included ("1921~" is 1921); None for what a prefix cannot say (uncertain, a season, a
    decade, an interval)."""
    if not edtf:
        return None
    value = edtf.rstrip("~")
    return value if is_plain(value) and not value.startswith("-") else None


def write_ftm(store: Store, fp: TextIO, selection: Selection | None = None) -> int:
    sel = selection or Selection()
    n = 0
    with store.session() as s, store.session() as reads:
        for proxy in _things(s, reads, store, sel):
            fp.write(orjson.dumps(proxy.to_dict()).decode() + "\n")
            n += 1
        for proxy in _links(s, store, sel):
            fp.write(orjson.dumps(proxy.to_dict()).decode() + "\n")
            n += 1
    return n


def _things(s: Session, reads: Session, store: Store, sel: Selection) -> Iterator[EntityProxy]:
    """Bodies, people and works the selection names, a batch at a time."""
    q = (select(EntityRow).where(EntityRow.id.in_(sel.entity_ids(store)), EntityRow.kind.in_(list(SCHEMATA)))
         .order_by(EntityRow.id).execution_options(yield_per=BATCH))
    cond = sel.where(store)
    batch: list[EntityRow] = []
    for e in s.scalars(q):
        batch.append(e)
        if len(batch) == BATCH:
            yield from _batch(reads, batch, cond)
            batch = []
    yield from _batch(reads, batch, cond)


def _batch(reads: Session, batch: list[EntityRow], cond: Any) -> Iterator[EntityProxy]:
    """The batch's entities with their names, and the facts about them the selection
    picks: a date filter that leaves out a founding leaves out the incorporationDate too."""
    if not batch:
        return
    ids = [e.id for e in batch]
    names: dict[int, list[NameRow]] = defaultdict(list)
    for name in reads.scalars(select(NameRow).where(NameRow.entity_id.in_(ids)).order_by(NameRow.id)):
        names[name.entity_id].append(name)
    # a body's own facts, each with the entity it points at: the place of a founding or a
    # location, the parent of a parent_org
    facts: dict[int, list[tuple[ClaimRow, EntityRow | None]]] = defaultdict(list)
    other = aliased(EntityRow)
    for c, o in reads.execute(
            select(ClaimRow, other).outerjoin(other, other.id == func.coalesce(ClaimRow.place_id, ClaimRow.object_id))
            .where(cond, ClaimRow.subject_id.in_(ids), asserted(), ClaimRow.according_to_id.is_(None),
                   ClaimRow.type.in_(("founded", "dissolved", "location", "parent_org")))
            .order_by(ClaimRow.id)):
        facts[c.subject_id].append((c, o))
    for e in batch:
        yield _thing(e, names[e.id], facts[e.id])


def _thing(e: EntityRow, names: list[NameRow], facts: list[tuple[ClaimRow, EntityRow | None]]) -> EntityProxy:
    proxy = model.make_entity(SCHEMATA[e.kind])
    proxy.id = entity_id(e.id)
    proxy.add("name", e.label)
    if e.kind == "work":
        proxy.add("title", e.label)
    for name in names:
        if name.name != e.label:  # the label is the name the body is known by now
            proxy.add(_name_property(e.kind, name), name.name)
    if e.qid:
        proxy.add("wikidataId", e.qid)
    if e.kind != "org":
        return proxy
    for c, other in facts:
        if c.type == "founded":
            proxy.add("incorporationDate", ftm_date(c.date))
        elif c.type == "dissolved":
            proxy.add("dissolutionDate", ftm_date(c.date))
        elif c.type == "parent_org" and other is not None and other.kind == "org":
            proxy.add("parent", entity_id(other.id))
        elif c.type == "location" and other is not None and other.kind == "place":
            country = _country(other.label)
            proxy.add("country" if country else "address", country or other.label)
    return proxy


def _country(place: str) -> str | None:
    """The country code of a place that is a country. FollowTheMoney's own cleaning also
    maps some cities to their country (Cardiff to Wales, Paris to France); a text that
    names a city has not said which country it meant, so only a country's own name counts."""
    code = registry.country.clean(place)
    if code is None:
        return None
    bare = place.removeprefix("the ").removeprefix("The ").casefold()
    return code if bare == registry.country.caption(code).casefold() else None


def _name_property(kind: str, name: NameRow) -> str:
    """Where a name goes: FollowTheMoney keeps a body's current names, aliases, short forms
    and former names apart, but not when each was borne."""
    if kind != "org":
        return "alias" if name.kind in ("alias", "short") else "name"
    if name.kind == "former" or (name.kind == "official" and name.valid_to):
        return "previousName"
    return {"short": "abbreviation", "alias": "alias"}.get(name.kind, "name")


def _links(s: Session, store: Store, sel: Selection) -> Iterator[EntityProxy]:
    """The claims between two exported things, each an interval entity with its evidence."""
    subj, obj, said, result = aliased(EntityRow), aliased(EntityRow), aliased(EntityRow), aliased(EntityRow)
    q = (select(ClaimRow, said.label, SourceRow.origin, first_quote(), result.kind)
         .join(subj, subj.id == ClaimRow.subject_id).join(obj, obj.id == ClaimRow.object_id)
         .outerjoin(said, said.id == ClaimRow.according_to_id).join(SourceRow, SourceRow.id == ClaimRow.source_id)
         .outerjoin(result, result.id == ClaimRow.result_id)
         .where(sel.where(store), asserted(), ClaimRow.type.in_(list(LINKS)),
                subj.kind.in_(list(SCHEMATA)), obj.kind.in_(list(SCHEMATA)))
         .order_by(ClaimRow.id).execution_options(yield_per=BATCH))
    for c, according_to, origin, quote, result_kind in s.execute(q):
        said = (according_to, origin, quote)
        if c.type == "merged" and c.result_id not in (None, c.object_id) and result_kind == "org":
            # A and B merged to form C: A merged with B, and into C
            yield _link(c, said, c.object_id, "merged with")  # type: ignore[arg-type]
            yield _link(c, said, c.result_id, "merged into", "-result")
        else:
            role = ROLES.get(LINKS[c.type], CLAIM_TYPES[c.type].phrase)
            yield _link(c, said, c.object_id, role)  # type: ignore[arg-type]


def _link(c: ClaimRow, said: tuple[str | None, str, str | None], other: int, role: str,
          suffix: str = "") -> EntityProxy:
    """One link entity; ``said`` is who gives the claim (if one side), its source's origin
    and its quote."""
    according_to, origin, quote = said
    schema = LINKS[c.type]
    proxy = model.make_entity(schema)
    proxy.id = f"orgline-claim-{c.id}{suffix}"
    first, second = ENDS[schema]
    proxy.add(first, entity_id(c.subject_id))
    proxy.add(second, entity_id(other))
    proxy.add("role", role)
    if c.end or c.type in ("member_of", "parent_org"):
        proxy.add("startDate", ftm_date(c.date))
        proxy.add("endDate", ftm_date(c.end))
    else:
        proxy.add("date", ftm_date(c.date))
    proxy.add("description", quote)
    proxy.add("summary", f"from {origin}" + (f", according to {according_to}" if according_to else ""))
    if origin.startswith(("http://", "https://")):
        proxy.add("sourceUrl", origin)
    proxy.add("status", c.status)
    proxy.add("recordId", c.key)
    return proxy
