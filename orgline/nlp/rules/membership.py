"""People who belong to organizations: ``member_of`` with a person as subject.

Encyclopedias and news say who belongs where mostly in passing, by the words around a
person's name rather than by a verb: a role noun between the body and the person ("the
band's bassist A", "Harvest Party candidate A"), a party in brackets after a name
("A (Coastal Party)"), a body "consisting of" people, a band "formed by guitarist A",
someone who "left" or "played for" a body. Each rule below reads one of these; the role
nouns are those that make a person a member (a band's musicians, a party's politicians, a
team's players, a society's fellows), not those that make one an employee or an officer
of any kind of body ("spokesman", "chief executive").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...model import EntityKind
from ..draft import Draft, Ref
from ..lexicon import MEMBER_ROLES, MUSIC_ROLES, POLITICS_ROLES, SPORT_ROLES
from ..reader import Reader
from . import ORG, draft, dobj, rule

PERSON = (EntityKind.PERSON,)

ROLES = MEMBER_ROLES


def _member(r: Reader, tok: Token, person: Ref, org: Ref, name: str, left: bool = False) -> Draft:
    """A membership claim; for one who left, the leaving dates its end, not its start."""
    if left:
        return draft(r, tok, "member_of", person, object=org, negated=r.negated(tok),
                     rule=f"orgline.{name}.v1", confidence=0.7, date=None, end=r.date_for(tok))
    return draft(r, tok, "member_of", person, object=org, negated=r.negated(tok),
                 rule=f"orgline.{name}.v1", confidence=0.7)


def _mention_ending_at(r: Reader, i: int, kinds: tuple[EntityKind, ...]) -> Ref | None:
    """The mention whose last token is ``i``, of ``kinds``."""
    if i < 0:
        return None
    m = r.mention(r.doc[i])
    if m is None or m.end != i + 1 or EntityKind(m.label_) not in kinds:
        return None
    return r.ref_of_span(m)


def _body_before(r: Reader, tok: Token) -> Ref | None:
    """ "Harvest Party candidate", "the band's bassist": the body named right before a
    role noun, with or without a possessive."""
    i = tok.i - 1
    if i >= 0 and r.doc[i].tag_ == "POS":
        i -= 1
    return _mention_ending_at(r, i, ORG)


def _person_after(r: Reader, tok: Token) -> Ref | None:
    """ "bassist Tomas Reyes": the person named right after a role noun."""
    if tok.i + 1 >= len(r.doc):
        return None
    m = r.mention(r.doc[tok.i + 1])
    if m is None or m.start != tok.i + 1 or m.label_ != EntityKind.PERSON.value:
        return None
    return r.ref_of_span(m)


def _person_described(r: Reader, tok: Token) -> Ref | None:
    """The person a role noun describes: "A is a Harvest Party politician", "A, a Rovers
    striker,", "A was elected a Fellow of X", "A served as leader of the party"."""
    if tok.dep_ == "attr":
        return r.ref(r.subject(tok.head), PERSON)
    if tok.dep_ == "appos":
        return r.ref(tok.head, PERSON)
    if tok.dep_ in ("oprd", "xcomp") and tok.head.pos_ == "VERB":  # "was elected a Fellow of X"
        return r.ref(r.subject(tok.head), PERSON)
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in ("VERB", "AUX"):
        return r.ref(r.subject(tok.head.head), PERSON)
    return None


@rule("member_by_role", " ".join(sorted(ROLES)))
def member_by_role(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "Harbour Lights bassist Tomas Reyes", "Mira Holt is a Harvest Party politician",
    "Anton Weiss, a Northern Rovers striker", "A was elected leader of the Harvest Party":
    a role noun joins a person to the body named with it."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return
    body = _body_before(r, tok)
    if body is None and tok.lemma_.lower() != "member":  # "member of" is member_of's own
        of = r.preps(tok, "of")
        body = next((x for x in (r.refs_in(o, ORG) for o in of) if x is not None), None)
    if body is None:
        return
    person = _person_after(r, tok) or _person_described(r, tok)
    if person is not None:
        yield _member(r, tok, person, body, "member_by_role")


@rule("member_in_brackets", "(")
def member_in_brackets(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "the mayor is Ingrid Solberg (Coastal Party)": a body alone in brackets right after
    a person's name is the person's party."""
    person = _mention_ending_at(r, tok.i - 1, PERSON)
    inside = r.mention(r.doc[tok.i + 1]) if tok.i + 1 < len(r.doc) else None
    if person is None or inside is None or inside.start != tok.i + 1 or inside.label_ != EntityKind.ORG.value:
        return
    if inside.end < len(r.doc) and r.doc[inside.end].text == ")":
        yield _member(r, tok, person, r.ref_of_span(inside), "member_in_brackets")


@rule("members_listed", "consist comprise compose")
def members_listed(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "a quartet formed in 1990 consisting of Ana Ruiz, Ben Cole and Dara Finn": the
    people a body is made of are its members."""
    head = r.subject(tok)
    body = r.ref(head, ORG) if head is not None else None
    if body is None and head is not None and head.pos_ == "NOUN":
        body = r.described(head)
    if body is None:
        return
    listed = r.preps(tok, "of")
    obj = dobj(tok)
    if obj is not None:
        listed += [obj, *obj.conjuncts]
    for t in listed:
        person = r.ref(t, PERSON) if r.mention(t) is not None else None
        if person is not None:
            yield _member(r, tok, person, body, "members_listed")


FOUNDING = frozenset({"form", "found", "establish", "start", "create", "launch", "set"})


@rule("founding_members", "by")
def founding_members(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "The Night Ferries were formed in 1982 by guitarist Leo Marsh and drummer Kit
    Hale": founders named by a member's role are members (a founder alone, "founded by
    A", may be an owner or a patron, and is left to founded_by)."""
    verb = tok.head
    if tok.dep_ != "agent" or verb.lemma_.lower() not in FOUNDING:
        return
    body = r.ref(r.subject(verb), ORG)
    if body is None:
        return
    for pobj in r.preps(verb, "by"):
        person = r.ref(pobj, PERSON) if r.mention(pobj) is not None else None
        if person is None or person.start == 0:
            continue
        role = r.doc[person.start - 1]
        if role.lemma_.lower() in MUSIC_ROLES | POLITICS_ROLES | SPORT_ROLES:
            yield _member(r, tok, person, body, "founding_members")


@rule("member_left", "leave quit")
def member_left(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "Drummer Kit Hale left the Night Ferries in 1988", "In 2001 Olga Brandt quit the
    Green Valley Party": a person who left a body had been a member, until then."""
    if tok.pos_ != "VERB":
        return
    person = r.ref(r.subject(tok), PERSON)
    obj = dobj(tok)
    body = r.refs_in(obj, ORG) if obj is not None else None
    if person is not None and body is not None:
        yield _member(r, tok, person, body, "member_left", left=True)


@rule("played_for", "play")
def played_for(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "Anton Weiss played for the Northern Rovers from 1990 to 1996": a player's team."""
    person = r.ref(r.subject(tok), PERSON)
    if person is None:
        return
    for o in r.preps(tok, "for"):
        body = r.refs_in(o, ORG)
        if body is not None:
            yield _member(r, tok, person, body, "played_for")


@rule("admitted_to", "admit induct")
def admitted_to(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "Anton Weiss was admitted to the Eastbay Rowing Club in 1898", "she was inducted into
    the Order of Saint Ita": a person admitted to a body became a member."""
    person = r.ref(r.subject(tok), PERSON)
    if person is None:
        return
    for o in r.preps(tok, "to", "into"):
        body = r.refs_in(o, ORG)
        if body is not None:
            yield _member(r, tok, person, body, "admitted_to")
