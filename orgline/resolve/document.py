"""Entity resolution inside one document.

Mentions with the same normalized name, an acronym and its expansion, and a name given to
an organization ("founded as N", "changed its name to N") become one entity. An entity the
text introduces by description ("a new student group adopted the name N") stays an entity
of its own even though it shares a name with an older one: a name is resolved by (name,
date), never by string alone. Names get their validity from the dated ``named`` claims: a
name holds from its date until the organization's next name.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from ..model import (Claim, DocumentFacts, Entity, EntityKind, Name, NameKind, Source, Span,
                     norm_name)
from ..edtf import bounds
from ..nlp.draft import Draft, Ref
from ..nlp.lexicon import COUNTRY_SUFFIXES
from ..nlp.mentions import LEGAL_FORMS, SPANS_KEY, is_acronym


class _Clusters:
    """Union-find over entity keys ("org:maoist internationalist movement")."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _key(kind: EntityKind | str, text: str) -> str:
    return f"{EntityKind(kind).value}:{norm_name(text)}"


def _ref_key(ref: Ref) -> str:
    return f"new:{ref.start}" if ref.new else _key(ref.kind, ref.text)


def _surface(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


class _Builder:
    def __init__(self, doc: Doc, drafts: list[Draft]) -> None:
        self.doc = doc
        self.drafts = drafts
        self.clusters = _Clusters()
        self.names: dict[str, list[str]] = defaultdict(list)  # entity key -> surface names
        self.kinds: dict[str, EntityKind] = {}
        self.mentions: dict[str, list[Span]] = defaultdict(list)
        self.short_of: dict[str, list[str]] = {}  # norm long name -> its short forms, translations

    def add(self, key: str, kind: EntityKind, name: str | None, span: Span | None = None) -> None:
        self.clusters.find(key)
        self.kinds.setdefault(key, kind)
        if name and norm_name(name) not in {norm_name(n) for n in self.names[key]}:
            self.names[key].append(_surface(name))
        if span is not None:
            self.mentions[key].append(span)

    def collect(self) -> None:
        for m in self.doc.spans[SPANS_KEY]:
            self.add(_key(m.label_, m.text), EntityKind(m.label_), m.text,
                     Span(m.start_char, m.end_char, m.text))
        for short, long in self.doc._.orgline_aliases or []:
            kind = EntityKind(short.label_) if short.label_ else EntityKind.ORG
            self.add(_key(kind, long.text), kind, long.text)
            self.clusters.union(_key(kind, long.text), _key(short.label_ or kind, short.text))
            self.short_of.setdefault(norm_name(long.text), []).append(short.text)
        self._link_places()
        self._link_country_forms()
        self._link_person_short_names()
        for d in self.drafts:
            for ref in (d.subject, d.object, d.place, d.result, d.according_to):
                if ref is not None:
                    self.add(_ref_key(ref), ref.kind, None if ref.new else ref.text)
            if d.type == "named" and d.value_ref is not None:
                value_key = _key(d.value_ref.kind, d.value_ref.text)
                if d.subject.new:
                    self.add(_ref_key(d.subject), EntityKind.ORG, d.value_ref.text)
                    self._move_mention(value_key, _ref_key(d.subject), d.value_ref)
                elif not d.negated:
                    self.clusters.union(_ref_key(d.subject), value_key)

    def _move_mention(self, old: str, new: str, ref: Ref) -> None:
        """ "A new body adopted the name X": that mention of X names the new body, not the
        one that bore X before."""
        at = self.doc[ref.start:ref.end]
        moved = [m for m in self.mentions[old] if m.start < at.end_char and at.start_char < m.end]
        self.mentions[old] = [m for m in self.mentions[old] if m not in moved]
        self.mentions[new] += moved

    def _link_country_forms(self) -> None:
        """ "LPP" and "LPP, USA" are one organization once the text defines the latter;
        so are "Kessel Tools" and "Kessel Tools, LLC" (a legal form only: "KWS USA, LLC"
        is not "KWS")."""
        orgs = {k for k, kind in self.kinds.items() if kind is EntityKind.ORG}
        countries = {s.upper().replace(".", "") for s in COUNTRY_SUFFIXES}
        forms = {s.lower().replace(".", "") for s in LEGAL_FORMS}
        for k in orgs:
            core, _, suffix = k.rpartition(" ")
            if suffix and suffix.upper() in countries and core in orgs:
                self.clusters.union(k, core)
            while core and suffix in forms:
                same = [c for c in (core, "person:" + core.partition(":")[2]) if c in self.kinds]
                if same:  # the model may take the short form for a person's name
                    self.clusters.union(k, same[0])
                    break
                core, _, suffix = core.rpartition(" ")

    def _link_person_short_names(self) -> None:
        """ "Margaret Quist ... Quist resigned": a one-word name of a person is the person
        whose full name in the text ends with it (or begins with it: "Margaret"), when only
        one does; two people sharing a surname leave it alone."""
        people = [k for k, kind in self.kinds.items() if kind is EntityKind.PERSON]
        full: dict[str, set[str]] = defaultdict(set)  # one word -> the full names' keys
        for k in people:
            words = [w for n in self.names[k] for w in (n.split()[0], n.split()[-1]) if len(n.split()) > 1]
            for w in words:
                full[norm_name(w)].add(self.clusters.find(k))
        for k in people:
            names = self.names[k]
            if names and all(len(n.split()) == 1 for n in names):
                owners = full.get(norm_name(names[0]), set()) - {self.clusters.find(k)}
                if len(owners) == 1:
                    self.clusters.union(owners.pop(), k)

    def _link_places(self) -> None:
        """ "Fort Wayne, Indiana" and a "Fort Wayne" elsewhere are one place."""
        for key, kind in list(self.kinds.items()):
            for name in self.names[key] if kind is EntityKind.PLACE else []:
                town = _key(EntityKind.PLACE, name.split(",")[0]) if "," in name else None
                if town in self.kinds:
                    self.clusters.union(key, town)

    def entities(self) -> tuple[list[Entity], dict[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for k in list(self.kinds):
            groups[self.clusters.find(k)].append(k)
        out: list[Entity] = []
        key_of: dict[str, str] = {}
        for i, (_, members) in enumerate(sorted(groups.items(), key=lambda g: self._first(g[1])), 1):
            ekey = f"e{i}"
            names: list[str] = []
            for m in members:
                names += [n for n in self.names[m] if norm_name(n) not in {norm_name(x) for x in names}]
            kinds = [self.kinds[m] for m in members]
            kind = EntityKind.ORG if EntityKind.ORG in kinds else kinds[0]
            if kind is EntityKind.PLACE:  # "Taipei, Taiwan" is also called "Taipei"
                names += [t for t in dict.fromkeys(n.split(",")[0].strip() for n in names if "," in n)
                          if t and norm_name(t) not in {norm_name(x) for x in names}]
            spans = sorted((s for m in members for s in self.mentions[m]), key=lambda s: s.start)
            label = max(names, key=lambda n: (not is_acronym(n), len(n))) if names else ""
            out.append(Entity(ekey, kind, label, [Name(n, _name_kind(n)) for n in names], spans))
            for m in members:
                key_of[m] = ekey
        return out, key_of

    def _first(self, members: list[str]) -> int:
        starts = [s.start for m in members for s in self.mentions[m]]
        return min(starts) if starts else 10**9


def _name_kind(name: str) -> NameKind:
    core = name.rsplit(",", 1)[0] if "," in name else name
    return NameKind.SHORT if is_acronym(core) else NameKind.OFFICIAL


def resolve_document(doc: Doc, source: Source) -> DocumentFacts:
    drafts: list[Draft] = list(doc._.orgline_drafts or [])
    b = _Builder(doc, drafts)
    b.collect()
    entities, key_of = b.entities()
    by_key = {e.key: e for e in entities}

    def ek(ref: Ref | None) -> str | None:
        return None if ref is None else key_of.get(_ref_key(ref))

    text = doc.text  # Doc.text joins every token: read it once, not once per claim
    claims: list[Claim] = []
    for d in drafts:
        subject = ek(d.subject)
        if subject is None:
            continue
        obj = ek(d.object)
        if obj is not None and obj == subject and d.type != "named":
            continue
        s, e = d.evidence
        claims.append(Claim(
            type=d.type, subject=subject, object=obj, value=d.value, date=d.date, end=d.end,
            place=ek(d.place), result=ek(d.result), kind=d.kind, negated=d.negated,
            according_to=ek(d.according_to), hedging=d.hedging,
            evidence=[Span(s, e, text[s:e])], rule=d.rule, confidence=round(d.confidence, 2)))
    claims = _names(claims, by_key, b.short_of)
    claims = _dedupe(claims)
    _validity(claims, by_key)
    used = {k for c in claims for k in (c.subject, c.object, c.place, c.result, c.according_to) if k}
    keep = [e for e in entities if e.key in used or e.mentions]
    return DocumentFacts(source=source, entities=keep, claims=claims)


def _names(claims: list[Claim], by_key: dict[str, Entity], short_of: dict[str, list[str]]) -> list[Claim]:
    """Complete the `named` claims: a short form and its long form are dated alike (either
    way round), and a name that no rename introduced is the one the organization was
    founded under."""
    long_of = {norm_name(short): long for long, shorts in short_of.items() for short in shorts}
    out = _present_names(claims, by_key)
    for c in claims:  # "changed its name to HARP" dates "Hull Action for Refugee Placement" too
        partner = long_of.get(norm_name(c.value or "")) if c.type == "named" else None
        if partner and norm_name(partner) in {norm_name(n.text) for n in by_key[c.subject].names}:
            out.append(Claim(type="named", subject=c.subject, value=_spelled(by_key[c.subject], partner),
                             date=c.date, kind="official", evidence=c.evidence,
                             rule="orgline.named_long.v1", confidence=c.confidence))
    founded: dict[str, Claim] = {}
    for c in claims:  # the earliest founding: "incorporated in 1930" does not rename 1921's body
        if c.type == "founded" and c.date and not c.according_to and not c.negated and (
                c.subject not in founded or (bounds(c.date) or (0, 0)) < (bounds(founded[c.subject].date) or (0, 0))):
            founded[c.subject] = c
    named_of = _named_by_subject(out)
    for org, f in founded.items():
        if by_key[org].kind is not EntityKind.ORG:
            continue
        # "Until 2018 it was called the Patriotic Front": borne from the founding until then,
        # and the names nothing else dates are borne from then on
        until = [c for c in named_of[org] if c.end and not c.date
                 and (bounds(f.date) or (0, 0))[0] <= (bounds(c.end) or (0, 0))[0]]
        for c in until:
            c.date = f.date
        has = {norm_name(c.value or "") for c in named_of[org]}
        for name in by_key[org].names:
            partner = long_of.get(norm_name(name.text))  # a short form or translation of a
            if partner is not None and norm_name(partner) in has:  # dated name is dated with it
                continue
            if name.kind is NameKind.OFFICIAL and norm_name(name.text) not in has:
                out.append(Claim(type="named", subject=org, value=name.text,
                                 date=until[0].end if until else f.date, kind="official",
                                 evidence=until[0].evidence if until else f.evidence,
                                 rule="orgline.named_after.v1" if until else "orgline.named_at_founding.v1",
                                 confidence=0.55 if until else 0.6))
    has_short = {(c.subject, norm_name(c.value or "")) for c in out if c.type == "named" and c.date}
    for c in list(out):
        for short in short_of.get(norm_name(c.value or ""), []) if c.type == "named" else []:
            if short in {n.text for n in by_key[c.subject].names} and (
                    c.subject, norm_name(short)) not in has_short:
                out.append(Claim(type="named", subject=c.subject, value=short, date=c.date, end=c.end,
                                 kind="short", evidence=c.evidence, rule="orgline.named_short.v1",
                                 confidence=c.confidence))
    named_of = _named_by_subject(out)
    for entity in by_key.values():  # an organization of several names: each one is stated
        if entity.kind is not EntityKind.ORG or entity.key in founded or len(entity.names) < 2:
            continue
        has = {norm_name(c.value or "") for c in named_of[entity.key]}
        if not has:
            continue  # acronym and full name only: one name, written two ways
        for name in entity.names:
            if norm_name(name.text) not in has and name.kind is NameKind.OFFICIAL:
                out.append(Claim(type="named", subject=entity.key, value=name.text, kind="official",
                                 rule="orgline.named_undated.v1", confidence=0.5,
                                 evidence=_first_use(entity, name.text)))
    return out


def _named_by_subject(claims: list[Claim]) -> defaultdict[str, list[Claim]]:
    """The `named` claims of each subject, in order: one pass, where a scan of every claim
    per organization made a long document's names quadratic."""
    named: defaultdict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.type == "named":
            named[c.subject].append(c)
    return named


def _present_names(claims: list[Claim], by_key: dict[str, Entity]) -> list[Claim]:
    """ "took its present name in 1878": the names no other claim introduced (not the one it
    was founded as, not one a rename gave) are the present name, from that date."""
    out = [c for c in claims if not (c.type == "named" and c.kind == "present")]
    for c in claims:
        if c.type != "named" or c.kind != "present":
            continue
        given = {norm_name(x.value or "") for x in out if x.type == "named" and x.subject == c.subject}
        for name in by_key[c.subject].names:
            if norm_name(name.text) not in given:
                out.append(Claim(type="named", subject=c.subject, value=name.text, date=c.date,
                                 kind="official", evidence=c.evidence, rule=c.rule,
                                 confidence=c.confidence))
    return out


def _first_use(entity: Entity, name: str) -> list[Span]:
    """Where the text first uses a name: the evidence for a name it gives no date for."""
    return [m for m in entity.mentions if norm_name(m.text) == norm_name(name)][:1] or entity.mentions[:1]


def _spelled(entity: Entity, name: str) -> str:
    return next((n.text for n in entity.names if norm_name(n.text) == norm_name(name)), name)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per statement, evidence merged; a dated name beats the same name undated."""
    dated_names = {(c.subject, norm_name(c.value or "")) for c in claims if c.type == "named" and c.date}
    # "served as a Liberal member of X from 1965 to 1973", read by two rules, one of which
    # missed the dates: the sentence said one thing, and the dated reading is it
    def told(c: Claim) -> tuple[object, ...]:
        return (c.type, c.subject, c.object, norm_name(c.value) if c.value else None, c.negated, c.according_to)
    dated_here = {(told(c), e) for c in claims if c.date or c.end for e in c.evidence}
    seen: dict[tuple[object, ...], Claim] = {}
    held: dict[tuple[object, ...], set[Span]] = {}  # a set beside each list: a long text
    for c in claims:  # repeats a statement thousands of times
        if c.type == "named" and not c.date and (c.subject, norm_name(c.value or "")) in dated_names:
            continue
        if not c.date and not c.end and c.evidence and all((told(c), e) in dated_here for e in c.evidence):
            continue
        value = norm_name(c.value) if c.value else None
        key = (c.type, c.subject, c.object, value, c.date, c.negated, c.according_to)
        if key in seen:
            kept = seen[key]
            new = [e for e in c.evidence if e not in held[key]]
            kept.evidence += new
            held[key].update(new)
            kept.confidence = max(kept.confidence, c.confidence)
        else:
            seen[key] = c
            held[key] = set(c.evidence)
    return list(seen.values())


def _validity(claims: list[Claim], by_key: dict[str, Entity]) -> None:
    """Date each entity's names from its `named` claims; a name ends where the next begins."""
    per_entity: dict[str, list[Claim]] = defaultdict(list)
    ended: dict[str, str] = {}  # a body dissolved or merged away bears no name after that
    for c in claims:
        if c.type == "named" and not c.negated:
            per_entity[c.subject].append(c)
        if c.type in ("dissolved", "merged") and c.date and not c.negated and not c.according_to:
            ended[c.subject] = c.date
    for ekey, named in per_entity.items():
        entity = by_key[ekey]
        longs = sorted((c for c in named if c.kind != "short" and c.date),
                       key=lambda c: (bounds(c.date) or (0, 0))[0])
        starts = {norm_name(c.value or ""): c.date for c in named if c.date}
        ends: dict[str, str] = {}
        for prev, nxt in zip(longs, longs[1:]):
            if norm_name(prev.value or "") != norm_name(nxt.value or "") and prev.date != nxt.date:
                ends[norm_name(prev.value or "")] = nxt.date or ""
                prev.end = prev.end or nxt.date
        for c in named:
            if c.kind == "short":
                long = next((x for x in longs if x.date == c.date), None)
                if long is not None and long.end:
                    c.end = long.end
                    ends[norm_name(c.value or "")] = long.end
        existing = {norm_name(n.text) for n in entity.names}
        names = list(entity.names)
        for c in named:
            if norm_name(c.value or "") not in existing:
                names.append(Name(c.value or "", _name_kind(c.value or "")))
                existing.add(norm_name(c.value or ""))
        entity.names = [Name(n.text, n.kind, starts.get(norm_name(n.text)),
                             ends.get(norm_name(n.text)) or (ended.get(ekey) if starts.get(norm_name(n.text)) else None))
                        for n in names]
        renames = [c for c in longs if c.rule != "orgline.founded_as.v1"]
        latest = max(renames, key=lambda c: (bounds(c.date) or (0, 0))[0], default=None)
        founding = {norm_name(c.value or "") for c in longs if c.rule == "orgline.founded_as.v1"}
        if latest is not None and latest.value:
            entity.label = latest.value  # the name it bore last
        elif norm_name(entity.label) in founding:
            entity.label = next((n.text for n in entity.names if norm_name(n.text) not in founding
                                 and n.kind is NameKind.OFFICIAL), entity.label)
