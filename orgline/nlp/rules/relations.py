"""Rules for relations between organizations."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...model import EntityKind
from ..draft import Draft, Ref
from ..lexicon import (COMING_VERBS, ORG_HEADS, ORG_NOUNS, TYPING_ORG_NOUNS, ORG_NOUNS_BY_KIND, POOLING_VERBS, ACQUIRING_VERBS, JOINING_WORDS, LEAVING_VERBS, MEMBER_ROLES, ORG_ANAPHORS,
                       PART_OWNED_NOUNS,
                       PARENT_NOUNS,
                       PART_NOUNS,
                       TAKEOVER_NOUNS)
from ..reader import Reader
from . import ORG, ORG_PERSON, draft, dobj, intended, is_passive, others, rule
from .members import _employer


# ---- relations between organizations ------------------------------------------------------

# The parts of a body one joins without joining the body: its board, its staff.
BODY_PARTS = frozenset({"board", "committee", "panel", "staff", "management", "payroll", "faculty",
                        "cabinet", "executive"})


@rule("member_of", " ".join(sorted(JOINING_WORDS)))
def member_of(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "X joined Y", "X affiliated with Y", "X was (never) a member of Y", "X belonged to Y"."""
    lemma = tok.lemma_.lower()
    plural = tok.head if lemma == "member" and tok.dep_ in ("compound", "amod") else tok  # "member clubs"
    among = _among(plural)
    if among is not None:  # "X was among the founding affiliates of Y", "one of the members of Y"
        subject = r.ref(r.subject(among), ORG_PERSON)
        objects = r.preps(plural, "of")
    elif lemma == "member":
        if not r.preps(tok, "of"):
            return
        if tok.dep_ in ("attr", "appos"):
            subject = r.ref(r.subject(tok.head), ORG_PERSON)
        elif tok.dep_ in ("oprd", "conj") and tok.head.pos_ == "VERB" and \
                tok.head.lemma_.lower() in ("elect", "appoint", "make", "name", "become", "admit"):
            subject = r.ref(r.subject(tok.head), ORG_PERSON)  # "elected in 1966 a corresponding member and in 1990 a full member of X"
        else:
            return
        objects = r.preps(tok, "of")
    elif lemma == "join":
        obj = dobj(tok)
        if any(p.tag_ == "VBG" or p.dep_ == "pcomp" or any(c.tag_ == "VBG" for c in p.children)
               for p in r.preps(tok, "in")):
            return  # "joined X in suspending trading": acting with X, not joining it
        if obj is not None and obj.lemma_.lower() in BODY_PARTS and r.mention(obj) is None:
            return  # "named to join X's board": a seat on its board, not a membership of X
        objects = [obj] + list(obj.conjuncts) if obj is not None else []
        subject = r.ref(r.subject(tok), ORG_PERSON)
        companions = _joined_with(r, tok)
    else:
        objects = r.preps(tok, "with", "to")
        subject = r.ref(r.subject(tok), ORG_PERSON)
        if subject is None and tok.dep_ == "acl" and tok.head.lemma_.lower() in ORG_ANAPHORS and any(
                c.lower_ == "the" for c in tok.head.children):
            subject = r.focus(tok.head)  # "The coalition affiliated with X in 1981 but withdrew"
    if lemma != "join":
        companions = []
    if subject is None and companions:
        subject, companions = companions[0], companions[1:]
    if subject is None or tok.lower_ in ("will", "would") or intended(tok):
        return
    subj_tok = r.subject(tok.head if lemma == "member" else tok)
    if subj_tok is not None and subj_tok.lemma_.lower() in ("member", "founder", "leader") and (
            subj_tok.lemma_.lower() != "member" or not r.negated(tok)):
        return  # "its members joined X": people moving; "X's members were never members of Y": a denial for X
    for o in objects:
        target = r.refs_in(o, ORG)
        if target is None or target == subject:
            continue
        if subject.kind == EntityKind.PERSON and (_employer(target) or _hired_as(tok) or _described_employer(r, target)):
            continue  # "A joined the bank in 1990", "A joined Y as chief engineer": a job
        if lemma == "belong" and subject.kind == EntityKind.ORG and _an_owner(r, o, subject, target):
            yield draft(r, tok, "parent_org", subject, object=target, negated=r.negated(tok),
                        rule="orgline.belonged_to_owner.v1", confidence=0.7)
            continue
        yield draft(r, tok, "member_of", subject, object=target, negated=r.negated(tok),
                    rule="orgline.member_of.v1", confidence=0.75)
        for person in companions:
            if not (_employer(target) or _hired_as(tok) or _described_employer(r, target)):
                yield draft(r, tok, "member_of", person, object=target, negated=r.negated(tok),
                            rule="orgline.joined_with.v1", confidence=0.65)


def _joined_with(r: Reader, verb: Token) -> list[Ref]:
    """ "A with B joined X", "A, together with B, joined X": the people who join alongside
    the subject join too (only people: "joined X with its 4,000 members" names none)."""
    subj = r.subject(verb)
    preps = [p for t in ([subj] if subj is not None else []) for p in t.children
             if p.dep_ == "prep" and p.lower_ == "with"]
    found = [r.ref(pobj, (EntityKind.PERSON,)) for p in preps for pobj in p.children if pobj.dep_ == "pobj"]
    return [x for x in found if x is not None]


# Words for a body that owns others, by which a firm "belonged to" it is owned by it.
OWNER_WORDS = frozenset({"holding", "holdings", "conglomerate", "corporation", "company", "concern",
                         "plc", "inc", "ltd", "trust"})


def _an_owner(r: Reader, noun: Token, subject: Ref, target: Ref) -> bool:
    """ "the firm belonged to the state-owned X industrial holding", "X belonged to the Y
    Group" (said of a company): owned, not a member. A club belonging to a league, a union
    to a federation, a party to an international stay members."""
    words = {w.strip(".,").lower() for w in target.text.split()} | {noun.lemma_.lower()}
    if words & OWNER_WORDS:
        return True
    return "group" in words and bool(r.described_as.get(r.key(subject), set()) & ORG_NOUNS_BY_KIND["company"])


def _among(noun: Token) -> Token | None:
    """The copula of "X was among the (founding) members/affiliates of Y", "X was one of
    the members of Y" or "one of the twelve member clubs of Y", where the noun names
    members in the plural."""
    member_kind = any(c.dep_ in ("compound", "amod") and c.lower_ in ("member", "constituent", "affiliated")
                      for c in noun.children)  # "one of the twelve member clubs of Y"
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or not (
            noun.lemma_.lower() in ("member", "affiliate") or member_kind) or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ == "among" and prep.head.lemma_ == "be":
        return prep.head
    if prep.lower_ == "of" and prep.head.lower_ == "one" and prep.head.dep_ == "attr":
        return prep.head.head
    return None


EMPLOYING_KINDS = ("company", "school", "agency", "press", "military", "place")


def _described_employer(r: Reader, body: Ref) -> bool:
    """ "A joined Kessel Tools, a firm founded in 1950": a body the text calls a firm, a
    school, an agency or a newspaper is one people work for."""
    said = r.described_as.get(r.key(body), set())
    return any(said & ORG_NOUNS_BY_KIND[kind] for kind in EMPLOYING_KINDS)


def _hired_as(verb: Token) -> bool:
    """ "A joined Y as a clerk / as its chief executive": a post held, not a membership
    (unlike "joined Y as a member", "as its drummer", "as a candidate")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.lemma_.lower() not in MEMBER_ROLES:
            return True
    return False


@rule("expelled", "expel")
def expelled(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "the federation expelled the miners' union": the two bodies broke."""
    if verb.pos_ != "VERB" or is_passive(verb):
        return
    subject, obj = r.ref(r.subject(verb), ORG), dobj(verb)
    other = r.ref(obj, ORG) if obj is not None else None
    if subject is not None and other is not None and subject != other:
        yield draft(r, verb, "broke_with", subject, object=other, negated=r.negated(verb),
                    rule="orgline.expelled.v1", confidence=0.65)


TIE_NOUNS = frozenset({"tie", "link", "relation", "connection", "contact", "affiliation"})


@rule("broke_with", " ".join(sorted(LEAVING_VERBS)))
def broke_with(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "X broke with Y", "X severed ties with Y", "X left Y", and a bare "a break ensued"
    between the organization in focus and the one other organization in the sentence."""
    lemma = tok.lemma_.lower()
    subject = r.ref(r.subject(tok), ORG) if tok.pos_ in ("VERB", "AUX") else None
    ties = dobj(tok) if tok.pos_ == "VERB" else None
    if ties is not None and ties.lemma_.lower() in TIE_NOUNS:
        tok_with = ties  # "severed its ties with Y", "cut all links to Y"
    elif lemma == "cut":
        return  # "cut its staff": only ties are cut with a body
    else:
        tok_with = tok
    if lemma in ("break", "split") and (any(c.lower_ in ("away", "off") for c in tok.children)
                                        or lemma == "split" and r.preps(tok, "from")):
        return  # a breakaway: the split rules read it
    if lemma == "leave":
        obj = dobj(tok)
        target = r.ref(obj, ORG) if obj is not None else None
        if subject is None or target is None or target == subject:
            return
        form = next((c for c in tok.children if c.dep_ in ("advcl", "xcomp")
                     and c.lemma_.lower() in ("form", "found", "establish", "create", "launch")), None)
        if form is not None:
            new = r.refs_in(dobj(form) or form, ORG)
            if new is not None:
                yield draft(r, tok, "split_from", new, object=target, rule="orgline.left_to_form.v1",
                             confidence=0.75)
            return
        if tok.dep_ != "relcl":
            yield draft(r, tok, "broke_with", subject, object=target, rule="orgline.left.v1",
                         confidence=0.6)
        return
    if subject is None and tok.pos_ == "VERB" and r.subject(tok) is not None:
        both = r.pair(r.subject(tok))  # "the two organizations severed their ties"
        if both and lemma in ("break", "sever", "split"):
            yield draft(r, tok, "broke_with", both[0], object=both[1], negated=r.negated(tok),
                        rule="orgline.broke_with_both.v1", confidence=0.6)
            return
    if subject is not None and r.preps(tok_with, "with", "from", "to"):
        for other in others(r, tok_with, subject, "with", "from", *(("to",) if tok_with is not tok else ())):
            yield draft(r, tok, "broke_with", subject, object=other,
                        negated=r.negated(tok), rule="orgline.broke_with.v1", confidence=0.8)
        return
    if tok.pos_ == "NOUN" and lemma in ("break", "split", "rupture"):
        yield from _bare_break(r, tok)


def _bare_break(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "There was a break with Y in 1931": the body in focus broke with the one body the
    sentence names. Not "the split had cost it members": a split told before, now the
    subject of what it caused (and a denial of the cost is no denial of the split)."""
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() not in ("be", "come", "occur", "happen"):
        return
    sent = noun.sent
    others = {r.key(r.ref_of_span(m)): r.ref_of_span(m) for m in r.mentions
              if m.start >= sent.start and m.end <= sent.end and m.label_ == "org"}
    focus = r.focus_before
    if focus is None or len(others) != 1:
        return
    (key, other), = others.items()
    made = r.doc[other.start:other.end].root
    if made.dep_ in ("dobj", "nsubjpass") and made.head.lemma_.lower() in COMING_VERBS:
        return  # "the front split; the minority founded X": X split from it (the split rules)
    if key != r.key(focus):
        subject = Ref(focus.start, focus.end, focus.kind, focus.text, via="coref")
        yield draft(r, noun, "broke_with", subject, object=other,
                     rule="orgline.bare_break.v1", confidence=0.55)


@rule("worked_with", "work cooperate collaborate ally partner")
def worked_with(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X worked closely with Y", "Y, with which we still work", "Y, X's long-standing ally"."""
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in ("ally", "partner"):
        yield from _ally(r, verb)
        return
    subject = r.ref(r.subject(verb), ORG)
    if subject is None:
        return
    for other in others(r, verb, subject, "with", "alongside"):
        yield draft(r, verb, "worked_with", subject, object=other, negated=r.negated(verb),
                    rule="orgline.worked_with.v1", confidence=0.7)


@rule("in_coalition", "coalition alliance")
def in_coalition(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "X governed in coalition with Y from 1934", "X formed an alliance with Y": bodies
    that govern or stand together work with each other (the coalition is no body here)."""
    if noun.pos_ != "NOUN" or r.mention(noun) is not None or noun.dep_ not in ("pobj", "dobj"):
        return
    verb, subject, partners = _partners_through(r, noun)
    if subject is None:
        return
    for other in partners:
        yield draft(r, noun, "worked_with", subject, object=other, negated=r.negated(verb),
                    rule="orgline.in_coalition.v1", confidence=0.65)


def _partners_through(r: Reader, noun: Token) -> tuple[Token, Ref | None, list[Ref]]:
    """For a noun of acting together ("in coalition", "a joint list"): the verb it hangs
    on, that verb's subject and the bodies "with" it, on the noun or on the verb."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    subject = r.ref(r.subject(verb), ORG) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None:
        return verb, None, []
    return verb, subject, list(others(r, noun, subject, "with")) + list(others(r, verb, subject, "with"))


# ---- parent organizations -----------------------------------------------------------------

@rule("parent_org", " ".join(sorted(PART_NOUNS)))
def part_of(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "X, a wholly owned subsidiary of Y", "X became the youth arm of Y", "Y kept a student
    department, X", "its student wing, X"."""
    if noun.pos_ != "NOUN":
        return
    # "kept a student department, the X": the parser may hang X on the verb
    named = noun.head if noun.dep_ == "compound" else noun  # "its subsidiary Tarvo Freight"
    child = r.ref(named, ORG) if named is not noun else r.described(
        noun, also=[c for c in noun.head.children if c.dep_ in ("oprd", "appos")
                    and c.i > noun.i] if noun.dep_ == "dobj" else [])
    if child is None and noun.head.lemma_.lower() in ("make", "render"):  # "making X a subsidiary of Y"
        child = r.first_ref((c for c in noun.children if c.dep_ == "nsubj"), ORG)
    if child is None:
        return
    parent = next(others(r, noun, child, "of"), None)
    poss = next((c for c in named.children if c.dep_ == "poss"), None)
    if parent is None and poss is not None:  # "Its student wing, X, was set up in 1970"
        parent = r.ref(poss, ORG)
    if parent is None and noun.dep_ in ("dobj",) and noun.head.lemma_.lower() in ("keep", "have", "maintain", "run", "set", "create", "form"):
        parent = r.ref(r.subject(noun.head), ORG)  # "the league kept a student department, the SLL"
    if parent is None or parent == child:
        return
    # "an affiliate of Y": a union's, a charity's, a party's membership of a wider body
    type_ = "member_of" if noun.lemma_.lower() == "affiliate" else "parent_org"
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "become":
        return  # "its research branch became a separate body, X": splits.became_independent
    for one in [child] + _listed_with(r, child):  # "its subsidiaries A and B"
        if one != parent:
            yield draft(r, noun, type_, one, object=parent, negated=r.negated(noun.head),
                        rule="orgline.part_of.v1", confidence=0.7)


def _listed_with(r: Reader, ref: Ref) -> list[Ref]:
    """The bodies coordinated with a named one: "A, B and C" after a plural noun."""
    if ref.via != "mention" or ref.end <= ref.start:
        return []
    root = r.doc[ref.start:ref.end].root
    found = (r.ref(c, ORG) for c in root.conjuncts)
    return [x for x in found if x is not None and x != ref]


@rule("parent_noun", " ".join(sorted(PARENT_NOUNS)))
def parent_noun(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "Y, the parent (company) of X", "Y is the owner of X": X belongs to Y (bodies only:
    "the parents of the pupils" name none)."""
    if noun.pos_ != "NOUN" or noun.tag_ == "NNS":
        return
    head = noun.head if noun.dep_ == "compound" and noun.head.lemma_.lower() in (
        "company", "group", "firm", "organization", "organisation", "body") else noun
    owner = r.described(head)
    child = next(others(r, head, owner, "of"), None)
    if owner is not None and child is not None:
        yield draft(r, noun, "parent_org", child, object=owner, negated=r.negated(head.head),
                    rule="orgline.parent_noun.v1", confidence=0.6)


@rule("part_of", "part")
def part_of_whole(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "X is (now) part of Y", "X, part of the Y group,": a body inside another body.
    "part of the members refused" (a share of people) names no body and is not read."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "appos") or not r.preps(noun, "of"):
        return
    if any(c.dep_ in ("amod", "compound") for c in noun.children):
        return  # "a large part of", "an integral part of" the market, not a body
    child = r.described(noun)
    parent = next(others(r, noun, child, "of"), None)
    if child is not None and parent is not None:
        yield draft(r, noun, "parent_org", child, object=parent, negated=r.negated(noun.head),
                    rule="orgline.part_of_whole.v1", confidence=0.65)


@rule("acquired", " ".join(sorted(ACQUIRING_VERBS)))
def acquired(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X was acquired by Y", "Y bought X", "Y took over X", "Y owns X", "X is owned by Y": X belongs to Y
    from then; "X was sold to Y", "Z sold X to Y": X belongs to Y (a body, never a person:
    "owned by its members" or "owned by the founder" is no parent organization)."""
    if verb.pos_ != "VERB" and verb.tag_ != "VBN":
        return
    if verb.lemma_.lower() == "take" and not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return  # "X was taken over by Y", "Y took over X"; not "took part", "took the name"
    if verb.lemma_.lower() == "sell":
        yield from _sold(r, verb)
        return
    if is_passive(verb):
        child = r.ref(r.subject(verb), ORG)
        if child is None and verb.dep_ == "acl" and verb.head.dep_ in ("attr", "appos"):
            child = r.described(verb.head)  # "X is a channel owned by Y"
        owner = next((r.refs_in(p, ORG) for p in r.preps(verb, "by")), None)
    else:
        obj = dobj(verb)
        if obj is not None and obj.lemma_.lower() in PART_OWNED_NOUNS:
            return  # "bought a stake in X", "acquired the rights to X": X keeps its owner
        if obj is not None and obj.pos_ == "NOUN" and r.mention(obj) is None and \
                obj.lemma_.lower() not in ORG_NOUNS | ORG_ANAPHORS:
            return  # "took over the forests of X", "bought the newspapers of X": X's things, not X
        child = r.refs_in(obj, ORG) if obj is not None else None
        m = r.mention(obj) if obj is not None and child is None else None
        if m is not None and m.label_ == EntityKind.PERSON.value:  # a firm bought: not a person
            child = Ref(m.start, m.end, EntityKind.ORG, m.text)
        owner = r.ref(r.subject(verb), ORG)
        if obj is not None and obj.lower_ == "it" and child is not None and owner is not None \
                and r.key(child) == r.key(owner):
            child = r.focus_before  # "run by A until 1919, when B took it over": not B itself
    if child is not None and owner is not None and r.key(child) != r.key(owner) and not intended(verb):
        yield draft(r, verb, "parent_org", child, object=owner, negated=r.negated(verb),
                    rule="orgline.acquired.v1", confidence=0.7)


@rule("run_by", "run manage administer")
def run_by(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "the school was run by the Leith School Board until 1919", "a hostel managed by the
    X Trust": a body another body runs is part of it, for as long as the text says. Only a
    body doing the running: "run by volunteers", "managed by its founder" name no parent;
    and not "operated by" (an airport's or a railway line's operator owns no body)."""
    if verb.pos_ != "VERB" or not is_passive(verb):
        return
    child = r.ref(r.subject(verb), ORG)
    if child is None and verb.dep_ == "acl" and verb.head.dep_ in ("attr", "appos"):
        child = r.described(verb.head)  # "X is a hostel run by Y"
    owner = next((r.refs_in(p, ORG) for p in r.preps(verb, "by")), None)
    if child is None or not child.text.split() or child.text.split()[-1].lower() not in ORG_HEADS | TYPING_ORG_NOUNS:
        return  # a school, a trust, a college; not an airport or a park a body manages
    if owner is not None and r.key(child) != r.key(owner):
        yield draft(r, verb, "parent_org", child, object=owner, negated=r.negated(verb),
                    rule="orgline.run_by.v1", confidence=0.6)


def _sold(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X was sold to Y", "Z sold X to Y": X's new owner is the body it went to."""
    if is_passive(verb):
        child = r.ref(r.subject(verb), ORG)
    else:
        obj = dobj(verb)
        child = r.ref(obj, ORG) if obj is not None else None
    owner = next(others(r, verb, child, "to"), None)
    if child is not None and owner is not None:
        yield draft(r, verb, "parent_org", child, object=owner, negated=r.negated(verb),
                    rule="orgline.sold_to.v1", confidence=0.65)


def _ally(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "the Peoples Congress, the federation's long-standing ally"."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        return
    one = r.ref(poss, ORG)
    other = r.ref(noun.head, ORG) if noun.dep_ == "appos" else (
        r.ref(r.subject(noun.head), ORG) if noun.dep_ == "attr" else None)
    if one is not None and other is not None and one != other:
        yield draft(r, noun, "worked_with", one, object=other, rule="orgline.ally.v1", confidence=0.6)


@rule("joint", "joint")
def joint(r: Reader, adj: Token) -> Iterator[Draft]:
    """ "ran on a joint list with X", "runs joint field courses with X"."""
    verb, subject, partners = _partners_through(r, adj.head)
    if subject is None:
        return
    for other in partners[:1]:
        yield draft(r, verb, "worked_with", subject, object=other, negated=r.negated(verb),
                    rule="orgline.joint.v1", confidence=0.6)


@rule("pooled_under", " ".join(sorted(POOLING_VERBS)))
def pooled_under(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "A and B pooled their operations under a new holding company, C", "A brought its
    businesses under C": each body is C's from then, and a new C is founded then."""
    if verb.pos_ != "VERB" or r.negated(verb):
        return
    obj = dobj(verb)
    subj = r.subject(verb)
    if obj is None or subj is None or obj.lemma_.lower() not in ("operation", "business", "activity"):
        return  # "placed its boats under the care of X", "brought its stations under X"
    owner_noun = next((p for p in r.preps(verb, "under")), None)
    if owner_noun is None:
        return
    owner = r.refs_in(owner_noun, ORG)
    if owner is None:
        return
    members = [x for x in (r.ref(t, ORG) for t in [subj] + list(subj.conjuncts)) if x is not None]
    for member in members:
        if member != owner:
            yield draft(r, verb, "parent_org", member, object=owner, rule="orgline.pooled_under.v1",
                        confidence=0.65)
    if members and any(c.lower_ == "new" for c in owner_noun.children):
        yield draft(r, verb, "founded", owner, rule="orgline.pooled_under.v1", confidence=0.65)
