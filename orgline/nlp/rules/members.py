"""Rules for people who belong to organizations, and the people who founded them.

DESIGN.md allows ``member_of`` with a person as subject. Encyclopedia prose gives most
memberships not as "A joined X" but in a title before a name ("the X Party candidate A",
"X bassist A"), a title with "of" ("A, the drummer of X"), a name then its body ("A and B
of X"), a party in brackets ("A (X Party)"), or a list of members ("a trio consisting of
A, B and C"). Each rule asks that the member be a *person* mention and the body an
*organization* mention, so "a member of the public" or "joined the army of admirers"
(no named body) give nothing.

The trigger words of these rules live here, not in the lexicon: they are titles of
people, by the kind of body they belong to (parties, bands, teams, unions, academies).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from ...model import EntityKind
from ..draft import Draft, Ref
from ..lexicon import BAND_ROLES, PARTY_ROLES, TEAM_ROLES, UNION_ROLES
from ..mentions import BAND_CONTEXT, PARTY_LABEL_HEADS, PARTY_LABELS, PLAYER_NOUNS, _kind_after_such_as, listed_before, listed_names_after
from ..reader import Reader, claim_dates
from . import ORG, dobj, draft, is_passive, rule

PERSON = (EntityKind.PERSON,)

# Offices that, held "founding", make their holder a founder: "the society's founding president".
FOUNDING_OFFICES = frozenset({"president", "chairman", "chairwoman", "chair", "secretary", "director",
                              "editor", "leader", "member", "treasurer", "conductor"})
# Titles that make their holder a member of the body named with them only when it is a
# party: "a Workers Party deputy", "Labour minister A" (not "deputy director of Acme").
PARTY_OFFICES = frozenset({"deputy", "representative", "delegate", "lawmaker", "governor", "mayor",
                           "minister", "whip", "chairman", "chairwoman", "chair", "president",
                           "secretary", "treasurer", "spokesman", "spokeswoman", "spokesperson",
                           "incumbent", "challenger"})
ROLES = PARTY_ROLES | BAND_ROLES | TEAM_ROLES | UNION_ROLES | PLAYER_NOUNS | {"academician"}
FOUNDER_ROLES = frozenset({"founder", "co-founder", "cofounder"})
# Bracketed affiliations ("A (X Party)") are a party's by the way lists of officials are
# written; another body in brackets after a name is as often an employer or a constituency.
PARTY_WORDS = frozenset({"party", "labour", "labor", "liberal", "liberals", "conservative",
                         "conservatives", "democrat", "democrats", "democratic", "republican",
                         "republicans", "green", "greens", "socialist", "socialists",
                         "communist", "communists", "tory", "tories", "alliance", "front",
                         "league", "movement", "congress", "union"})
# Bodies a person works for, studies at or serves in rather than belongs to: "A of the
# University of X" is a professor, "was admitted to X College" a student, "elected to the
# Senate" a seat. A membership claim about one of these is left to a plainer phrasing.
EMPLOYERS = frozenset({"university", "college", "school", "institute", "institution", "company",
                       "corporation", "corp", "inc", "ltd", "llc", "plc", "bank", "hospital",
                       "museum", "department", "ministry", "government", "court", "senate",
                       "parliament", "house", "assembly", "council", "times", "post", "news",
                       "journal", "press", "agency", "office", "bureau", "commission", "studios",
                       "records", "hall", "fame", "bar", "navy", "army", "force", "police", "regiment",
                       "battalion", "brigade", "squadron"})
# What one is elected or admitted to as a member: a society, not a seat or a school.
MEMBER_BODIES = frozenset({"academy", "society", "club", "association", "order", "guild", "lodge",
                           "league", "union", "party", "fraternity", "sorority", "brotherhood",
                           "institute", "circle", "federation"})
FOUNDING = frozenset({"found", "establish", "form", "create", "start", "launch", "set", "co-found",
                      "cofound", "organize", "organise"})


# Officers a membership body elects from its members: "general secretary of the X Workers
# Union", "president of the Y Society" (not of a firm, a school or a state).
OFFICERS = frozenset({"president", "chairman", "chairwoman", "chair", "secretary", "treasurer"})


def _a_membership_body(r: Reader, ref: Ref) -> bool:
    """A society, club, guild or federation by its name, or a union of people ("the Dock
    Workers Union", not "the Soviet Union"); not a league, which may be one of clubs."""
    words = {w.strip(".,").lower() for w in ref.text.split()}
    if _employer(ref) or not words & (MEMBER_BODIES - {"league", "institute", "order", "party"}):
        return False
    if words & {"union"} and ref.via == "mention":
        return any(t.tag_ in ("NNS", "NNPS") or t.lower_ in ("trade", "trades", "labour", "labor")
                   for t in r.doc[ref.start:ref.end])
    return not words & {"union"}


def _a_party(ref: Ref) -> bool:
    """A body whose name says it is a political party ("the Green Party", "Labour")."""
    return any(w.strip(".,").lower() in ("party", "partei", "partido", "parti", "partito")
               for w in ref.text.split())


def _employer(ref: Ref) -> bool:
    return any(w.strip(".,").lower() in EMPLOYERS for w in ref.text.split())


def _mention(r: Reader, tok: Token, label: EntityKind) -> Span | None:
    m = r.mention(tok)
    return m if m is not None and m.label_ == label.value else None


def _people_after(r: Reader, noun: Token) -> list[Ref]:
    """The person named right after a title ("bassist A"), with the people coordinated with
    it, each with its own title or none ("guitarist A and bassist B", "A and B")."""
    m = _mention(r, r.doc[noun.i + 1], EntityKind.PERSON) if noun.i + 1 < len(r.doc) else None
    if m is None:  # "the society's founding president, A,"
        m = next((x for x in (_mention(r, c, EntityKind.PERSON) for c in noun.children
                              if c.dep_ == "appos") if x is not None), None)
    if m is None:
        return []
    out = [r.ref_of_span(m)]
    for c in m.root.conjuncts:
        other = _mention(r, c, EntityKind.PERSON)
        if other is not None:
            out.append(r.ref_of_span(other))
    return out


def _person_described(r: Reader, noun: Token) -> list[Ref]:
    """The person a title describes: "A is the guitarist of X", "A, a member of X,",
    "A was elected as X's candidate"."""
    if noun.dep_ == "appos":
        m = _mention(r, noun.head, EntityKind.PERSON)
        return [r.ref_of_span(m)] if m is not None else []
    verb = None
    one = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if one is not None and one.lower_ == "one" and one.dep_ in ("attr", "appos", "conj"):
        return _person_described(r, one)  # "A is one of the songwriters of X"
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "its leader is A"
        named = [m for c in noun.head.children if c.dep_ == "attr"
                 for t in [c] + [a for a in c.children if a.dep_ == "appos"]  # "is the striker A"
                 for m in [_mention(r, t, EntityKind.PERSON)] if m is not None][:1]
        return [r.ref_of_span(m) for m in named]
    if noun.dep_ in ("attr", "oprd"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head  # "was elected as the party's candidate", "served as its leader"
    elif noun.dep_ == "conj":
        first = noun.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.lemma_ == "be":
            verb = first  # "A is ..., as well as guitarist of X": the parser hangs it on "is"
        elif first.dep_ in ("attr", "appos"):
            return _person_described(r, first)  # "A is the guitarist of X and the singer of Y"
    if verb is None:
        return []
    person = _person_subject(r, verb)
    return [person] if person is not None else []


def _body_of_conjoined_title(r: Reader, noun: Token) -> Ref | None:
    """ "A is the guitarist and one of the songwriters of the band X", "the guitarist and
    singer of X": a title coordinated with another shares the body named with that one."""
    for c in noun.conjuncts:
        if c.lower_ == "one":  # "one of the songwriters of X"
            c = next((p for p in r.preps(c, "of") if p.lemma_.lower() in ROLES | FOUNDER_ROLES), c)
        if c.pos_ == "NOUN" and (c.lemma_.lower() in ROLES | FOUNDER_ROLES or r.preps(c, "of")):
            body = _body_named_with(r, c)  # "the lead vocalist and composer of X"
            if body is not None:
                return body
    return None


def _person_subject(r: Reader, verb: Token) -> Ref | None:
    """The person who is the subject of ``verb``: named, "who" after a name ("A, who
    served as ..."), or "he"/"she" (the last person named before)."""
    subj = r.subject(verb)
    if subj is not None and verb.dep_ == "acl" and subj.lemma_ == "order" and subj.head.lower_ == "in":
        return _person_subject(r, subj.head.head)  # "A moved to B in order to play for X"
    m = _mention(r, subj, EntityKind.PERSON) if subj is not None else None
    if m is not None:
        return r.ref_of_span(m)
    while subj is not None and subj.dep_ == "conj" and subj.head.i != subj.i and verb.dep_ == "acl":
        subj = subj.head  # "A was a singer, songwriter and guitarist, best known as ..."
    if subj is not None and verb.dep_ == "acl" and subj.dep_ == "attr" and subj.head.lemma_ == "be" \
            and subj.pos_ == "NOUN":
        return _person_subject(r, subj.head)  # "A is a musician, best known as the guitarist of X"
    if verb.dep_ == "relcl" and (subj is None or subj.lower_ == "who") and verb.head.dep_ == "pobj" and \
            _mention(r, verb.head, EntityKind.PERSON) is None:
        noun = verb.head.head.head  # "a footballer from Argentina who played ...": "who" is the footballer
        if noun.pos_ == "NOUN" and noun.dep_ == "attr" and noun.head.lemma_ == "be":
            return _person_subject(r, noun.head)
        if noun.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in noun.children):
            return _person_subject(r, noun)  # "from Argentina" hung on "was" itself
    if verb.dep_ == "relcl" and (subj is None or subj.lower_ == "who"):
        m = _mention(r, verb.head, EntityKind.PERSON)
        if m is None and verb.head.dep_ == "attr" and verb.head.head.lemma_ == "be":
            return _person_subject(r, verb.head.head)  # "A is a footballer who plays for X"
        return r.ref_of_span(m) if m is not None else None
    if subj is not None and subj.lower_ in ("he", "she"):
        return r.ref(subj, PERSON)
    return None


def _body_named_with(r: Reader, noun: Token) -> Ref | None:
    """The organization a title is given with: named right before it ("X bassist"), by a
    possessive ("X's guitarist"), or by "of" ("the drummer of the band X")."""
    if noun.i > 0:
        before = r.mention(r.doc[noun.i - 1])
        if before is not None and before.label_ == EntityKind.ORG.value and before.end == noun.i and not (
                len(before) == 1 and before[0].lower_ not in PARTY_LABELS and (
                    before[0].ent_type_ == "NORP" or before[0].pos_ == "ADJ" or (
                        before.start > 0 and r.doc[before.start - 1].lower_ in ("a", "an")))):
            return r.ref_of_span(before)  # not "a Welsh singer": a nationality
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        m = _mention(r, poss, EntityKind.ORG)
        if m is not None:
            return r.ref_of_span(m)
        if poss.lower_ == "its" and noun.dep_ == "conj":
            m = _mention(r, noun.head, EntityKind.ORG)  # "X and its leader A"
            return r.ref_of_span(m) if m is not None else None
        founding = any(c.lower_ in ("founding", "co-founding") for c in noun.children)
        if founding and (poss.lower_ == "its" or poss.pos_ == "NOUN"):
            return r.ref(poss, ORG)  # "the society's founding president": the body in focus
        if poss.pos_ == "NOUN" and poss.lemma_.lower() in BELONGED_NOUNS and noun.lemma_.lower() in ROLES:
            return r.ref(poss, ORG)  # "the band's guitarist A": the band in focus
        if poss.lower_ in ("its", "their") and noun.lemma_.lower() in PARTY_ROLES | OFFICERS:
            held = r.ref(poss, ORG)  # "its leader is A": of a party or a society, not of a firm
            if held is not None and (_a_party(held) or _a_membership_body(r, held)):
                return held
    in_ = ("in",) if noun.lemma_.lower() in BAND_ROLES | TEAM_ROLES else ()  # "the drummer in X"
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "with") + in_:
            for p in c.children:
                if p.dep_ == "pobj":
                    ref = r.refs_in(p, ORG)
                    after = r.mention(r.doc[p.i + 1]) if ref is None and p.i + 1 < len(r.doc) else None
                    if after is not None and after.start == p.i + 1 and after.label_ == EntityKind.ORG.value:
                        ref = r.ref_of_span(after)  # "the singer of the band X", X hung elsewhere
                    if ref is not None:
                        return ref
    return None


@rule("member_by_title", " ".join(sorted(ROLES | FOUNDER_ROLES | FOUNDING_OFFICES | PARTY_OFFICES)))
def member_by_title(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "the X Party candidate A", "X bassist A", "fellow X activists A and B", "X's
    drummer A", "A, the guitarist of the band X", "A is an X Party politician", "A was
    elected as the X Party's candidate"; "X founder A" gives X founded by A."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return
    lemma = noun.lemma_.lower()
    founding = any(c.lower_ in ("founding", "foundation", "co-founding")
                   for c in noun.children if c.dep_ in ("amod", "compound"))
    if lemma in FOUNDING_OFFICES and founding:
        founded = _body_named_with(r, noun)
        people = _people_after(r, noun) or _person_described(r, noun)
        for person in (people if founded is not None else []):
            assert founded is not None
            if lemma != "member" and not _employer(founded):  # "X's founding president A": a member too
                yield draft(r, noun, "member_of", person, object=founded, rule="orgline.founding_member.v1",
                            confidence=0.7, **_own_date(r, noun))
            assert founded is not None
            yield draft(r, noun, "founded_by", founded, object=person, negated=r.negated(noun.head),
                        rule="orgline.founding_member.v1", confidence=0.7,  # a founding member founded it
                        **_own_date(r, noun))
    if lemma == "member" and noun.dep_ == "attr":
        yield from _member_of_and_of(r, noun)
        yield from _member_who(r, noun)
        return  # "A is a member of X": relations.member_of reads it
    office = lemma in PARTY_OFFICES and lemma not in ROLES | FOUNDER_ROLES
    if r.mention(noun) is not None or (lemma not in ROLES | FOUNDER_ROLES and not office):
        return  # the title is inside a name ("the Players Union"), or an office held "founding" only
    body = _body_named_with(r, noun) or _body_of_conjoined_title(r, noun)
    if body is None or body.kind != EntityKind.ORG or (lemma not in FOUNDER_ROLES and _employer(body)):
        return
    if office and not (_a_party(body) or body.text.lower() in PARTY_LABELS or (
            lemma in OFFICERS and _a_membership_body(r, body))):
        return  # "the deputy director of Acme", "the mayor of Tarvik": an office, not a party
    people = _people_after(r, noun) or _person_described(r, noun)
    if any(c.lower_ in ("future", "would-be", "prospective") for c in noun.children):
        return
    when = _own_date(r, noun)
    for person in people:
        if lemma in FOUNDER_ROLES:
            yield draft(r, noun, "founded_by", body, object=person, rule="orgline.founder_title.v1",
                        confidence=0.7, **when)
            if _a_party(body):  # "X Party founder A": a party's founder is its member
                yield draft(r, noun, "member_of", person, object=body, rule="orgline.founder_title.v1",
                            confidence=0.65, date=None)
        else:
            yield draft(r, noun, "member_of", person, object=body, negated=r.negated(noun.head),
                        rule="orgline.member_by_title.v1", confidence=0.7, **when)


def _member_who(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "A is a bassist who is a member of X": "who" takes the person the clause hangs on."""
    subj = r.subject(noun.head)
    if subj is None or subj.lower_ != "who" or noun.head.dep_ != "relcl":
        return
    person = _person_subject(r, noun.head)
    for p in r.preps(noun, "of"):
        body = r.ref(p, ORG)
        if person is not None and body is not None and not _employer(body):
            yield draft(r, noun, "member_of", person, object=body, negated=r.negated(noun.head),
                        rule="orgline.member_who.v1", confidence=0.7)


def _own_date(r: Reader, noun: Token) -> dict[str, Any]:
    """A title given in passing ("A, a member of X, died in 1950", "X bassist A toured in
    2013") is not dated by the sentence's verb; a predicate one ("A was a member of X from
    1971 to 1987", "served as its leader from 2014") is."""
    if noun.dep_ in ("attr", "oprd") or (noun.dep_ == "pobj" and noun.head.lower_ == "as") or \
            noun.dep_ == "conj":
        return {}
    return {"date": None}


def _member_of_and_of(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "A is a member of X (since 2008) and of Y": the second "of" hangs on the first, or
    on the verb."""
    subj = r.subject(noun.head)
    member = r.ref(subj, (EntityKind.PERSON, EntityKind.ORG)) if subj is not None else None
    if member is None:  # a person, or a party "a member of X since 2006 and of Y since 2008"
        return
    seconds = [conj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for conj in prep.conjuncts]
    seconds += [c for c in noun.head.children  # "and of Y" hung on "is" itself
                if c.dep_ in ("prep", "conj") and c.lower_ == "of" and c.i > noun.i
                and r.doc[c.i - 1].lower_ == "and"]
    seconds += [c for p in list(noun.children) + list(noun.head.children) if p.dep_ == "prep" and p.i > noun.i
                for c in p.conjuncts if c.lower_ == "of" and r.doc[c.i - 1].lower_ == "and"]  # "since 2006 and of Y"
    for conj in (c for c in seconds if c.lower_ == "of"):
        for p in (c for c in conj.children if c.dep_ == "pobj"):
            body = r.refs_in(p, ORG)
            if body is None:
                continue
            # dated by a date of its own after it, "and of Y (since 2016)"; not by the first's
            after = next((d for d in r.dates if d.start > p.i and d.start <= p.i + 4 and d._.edtf), None)
            dates = claim_dates(after._.edtf, after._.timex.form if after._.timex else "", "member_of") \
                if after is not None else (None, None)
            yield draft(r, p, "member_of", member, object=body, date=dates[0], end=dates[1],
                        negated=r.negated(noun.head), rule="orgline.member_of_and_of.v1",
                        confidence=0.7)


@rule("member_appositive", "member")
def member_appositive(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "A, a member of the X Party, said ...": the apposition describes the person."""
    if noun.dep_ != "appos" or noun.pos_ != "NOUN":
        return
    m = _mention(r, noun.head, EntityKind.PERSON)
    if m is None:
        return
    for p in r.preps(noun, "of"):
        body = r.refs_in(p, ORG)
        if body is not None:
            yield draft(r, noun, "member_of", r.ref_of_span(m), object=body,
                        negated=r.negated(noun), rule="orgline.member_appositive.v1", confidence=0.75,
                        date=None)


@rule("politician_from_party", "from")
def politician_from_party(r: Reader, prep: Token) -> Iterator[Draft]:
    """ "A is a Norwegian politician from the Centre Party": a member's title "from" a
    party ("a senator from Ohio" names a state, and gives nothing)."""
    title = prep.head
    if title.pos_ != "NOUN" or title.lemma_.lower() not in PARTY_ROLES:
        return
    party = next((r.ref(p, ORG) for p in prep.children if p.dep_ == "pobj"), None)
    if party is None or not _a_party(party):
        return
    for person in _people_after(r, title) or _person_described(r, title):
        yield draft(r, prep, "member_of", person, object=party, negated=r.negated(title.head),
                    rule="orgline.politician_from_party.v1", confidence=0.65)


@rule("person_of_body", "of")
def person_of_body(r: Reader, prep: Token) -> Iterator[Draft]:
    """ "A and B of the band X toured", "toured with A and B of X", "A of the X Party":
    people named with their body by "of", read by the words around it (the parser may hang
    "of" on the verb or the last name on the first's verb). Only a body one belongs to
    (a party, club, society, union, band), people with a member's title, or a sentence
    about bands or teams: "A of the X Foundation" is staff, "Albert of X" a ruler.""" 
    if prep.i == 0 or prep.i + 1 >= len(r.doc):
        return
    m = _mention(r, r.doc[prep.i - 1], EntityKind.PERSON)
    if m is None or prep.i != m.end:
        return
    pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    body = r.refs_in(pobj, ORG) if pobj is not None else None
    after = r.mention(r.doc[prep.i + 1 + (r.doc[prep.i + 1].lower_ == "the")]) \
        if prep.i + 2 < len(r.doc) else None
    if after is not None and after.label_ == EntityKind.ORG.value and after.start <= prep.i + 2:
        body = r.ref_of_span(after)  # the name right after "of" is the body, however parsed
    if body is None or body.kind != EntityKind.ORG or _employer(body):
        return
    covered = {k: x for x in r.mentions_within(prep.sent.start, prep.i) for k in range(x.start, x.end)}
    people = listed_before(r.doc, m, covered)
    titled = any(r.doc[p.start - 1].lemma_.lower() in ROLES for p in people if p.start > 0)
    context = any(t.lemma_.lower() in BAND_CONTEXT and t.pos_ in ("NOUN", "VERB") for t in prep.sent)
    if not (titled or context or _a_body_one_belongs_to(r, body)):
        return  # "A of Koreanfilm.org", "B and C of the Omega Foundation", "Albert of X": staff, rulers
    for person in people:
        yield draft(r, prep, "member_of", r.ref_of_span(person), object=body,
                    rule="orgline.person_of_body.v1", confidence=0.65, date=None)


@rule("partys_person", "'s '")
def partys_person(r: Reader, case: Token) -> Iterator[Draft]:
    """ "the Labour Party's Tom Bale won the seat": a person named with a party's
    possessive is its member (a firm's or a town's possessive gives nothing)."""
    if case.i == 0 or case.i + 1 >= len(r.doc):
        return
    party = _mention(r, r.doc[case.i - 1], EntityKind.ORG)
    person = _mention(r, r.doc[case.i + 1], EntityKind.PERSON)
    if party is None or person is None or party.end != case.i or person.start != case.i + 1:
        return
    body = r.ref_of_span(party)
    if _a_party(body):
        yield draft(r, case, "member_of", r.ref_of_span(person), object=body,
                    rule="orgline.partys_person.v1", confidence=0.65, date=None)


@rule("led_body", "lead head chair")
def led_body(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "A led the X Party from 1990 to 2001", "A chaired the Y Society": who leads a party
    or a membership body is its member (who heads a firm, a school or a state is not)."""
    if verb.pos_ != "VERB" or is_passive(verb):
        return
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    body = r.refs_in(obj, ORG) if obj is not None else None
    person = _person_subject(r, verb)
    if body is None or person is None or not (_a_party(body) or _a_membership_body(r, body)):
        return
    yield draft(r, verb, "member_of", person, object=body, negated=r.negated(verb),
                rule="orgline.led_body.v1", confidence=0.65)


@rule("party_in_brackets", "(")
def party_in_brackets(r: Reader, paren: Token) -> Iterator[Draft]:
    """ "the mayor is A (X Party)", "A (Labour)": a party in brackets after a person's name."""
    i = paren.i
    if i == 0 or i + 2 >= len(r.doc):
        return
    person = _mention(r, r.doc[i - 1], EntityKind.PERSON)
    body = _mention(r, r.doc[i + 1], EntityKind.ORG)
    if person is None or body is None or person.end != i or body.start != i + 1 or \
            body.end >= len(r.doc) or r.doc[body.end].text != ")":
        return
    if not any(t.lower_ in PARTY_WORDS | PARTY_LABELS for t in body):
        return
    yield draft(r, paren, "member_of", r.ref_of_span(person), object=r.ref_of_span(body),
                rule="orgline.party_in_brackets.v1", confidence=0.7, date=None)


@rule("played_for", "play admit elect sign loan trade transfer induct draft select")
def played_for(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "A played for X" (teams), "A, who plays for X", "A signed for/with X", "A was
    loaned, traded or transferred to X", "A was drafted by X" (or "selected by X" in a
    draft), "A was admitted to X", "A was elected to X" (academies, societies,
    clubs: not a school, a seat or a hall of fame)."""
    if verb.pos_ != "VERB":
        return
    lemma = verb.lemma_.lower()
    person = _person_subject(r, verb)
    if person is None or person.kind != EntityKind.PERSON:
        return
    preps: tuple[str, ...]
    instrument = lemma == "play" and any(c.dep_ == "dobj" for c in verb.children)
    if lemma == "play":
        preps = ("for",)  # "played bass for A" is a backing musician's: only for a band, below
    elif lemma == "sign":
        preps = ("by",) if is_passive(verb) else ("for", "with")  # "was signed by X"
    elif lemma in ("draft", "select") and is_passive(verb):
        if lemma == "select" and not any(t.lemma_.lower() in ("draft", "pick") for t in verb.sent):
            return  # "was selected by the committee": no team's draft
        preps = ("by",)  # "was drafted by X", "was selected by X in the first round of the draft"
    elif lemma in ("loan", "trade", "transfer") and is_passive(verb):
        preps = ("to",)
    elif is_passive(verb) and lemma in ("admit", "elect", "induct"):
        preps = ("to", "into")
    else:
        return
    for p in r.preps(verb, *preps):
        body = r.refs_in(p, ORG)
        if body is None or _employer(body):
            continue
        if lemma in ("admit", "elect", "induct") and not (
                set(body.text.lower().split()) & MEMBER_BODIES or p.lemma_.lower() in MEMBER_BODIES):
            continue
        if set(body.text.lower().split()) & COMPETITIONS:
            continue  # "played for the Harlow Cup": no team
        if instrument and not (_band_word(p) or _called_a_band(r, body)):
            continue  # "played guitar for X": X must be a band ("for the band X"), not a singer
        yield draft(r, verb, "member_of", person, object=body,
                    negated=r.negated(verb), rule="orgline.played_for.v1", confidence=0.7)


# What a band's or team's people are called as a whole: "X's line-up consisted of ...".
LINE_UP_NOUNS = frozenset({"line-up", "lineup", "member", "roster", "squad", "personnel", "band",
                           "trio", "quartet", "quintet", "duo"})


def _people_listed_from(r: Reader, i: int) -> list[Span]:
    """The people listed from token ``i`` on, read word by word: "A (vocals), B (guitar)
    and C (drums)"; empty unless the list is all people and ends the clause."""
    doc, end, out = r.doc, r.doc[i].sent.end if i < len(r.doc) else i, []
    while i < end:
        m = _mention(r, doc[i], EntityKind.PERSON)
        if m is None or m.start != i:
            return []
        out.append(m)
        i = m.end
        if i < end and doc[i].text == "(":  # "(vocals, guitar)"
            close = next((t.i for t in doc[i:min(end, i + 8)] if t.text == ")"), None)
            if close is None:
                return []
            i = close + 1
        if i < end and doc[i].text == ",":
            i += 1
        if i < end and doc[i].lower_ == "and":
            i += 1
        elif i >= end or doc[i].is_punct or doc[i].pos_ in ("ADP", "VERB", "AUX", "SCONJ"):
            return out  # the list ends: ".", "in 1990", "who ..."
    return out


@rule("consisting_of", "consist comprise include feature")
def consisting_of(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X is a trio consisting of A, B and C", "X's line-up consisted of A and B", "the
    band consisted of A (vocals), B (guitar) and C (drums)", "X's members included A and
    B": the people listed are its members (two at least, all of them people). "Include"
    and "feature" only with a line-up or members as subject: "the album featured A"."""
    noun = verb.head if verb.dep_ in ("acl", "relcl") else r.subject(verb)
    if noun is None and verb.i >= 3 and r.doc[verb.i - 3:verb.i].text.lower().replace(" ", "") == "line-up":
        noun = r.doc[verb.i - 1]  # "line-up" cut into three words, "up" taken for a particle
        body = r.focus_before
        if body is not None:
            yield from _listed_members(r, verb, body)
        return
    if noun is None:
        return
    if verb.lemma_.lower() in ("include", "feature") and (noun.lemma_.lower() not in LINE_UP_NOUNS or any(
            c.dep_ == "prep" for c in noun.children)):
        return  # "the group of investors included A": no band
    body = r.ref(noun, ORG)
    if body is None and noun.dep_ == "attr":
        body = r.ref(r.subject(noun.head), ORG)
    if body is None:
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        body = r.ref(poss, ORG) if poss is not None else None
    if body is None and noun.lemma_.lower() in LINE_UP_NOUNS and any(c.lower_ == "the" for c in noun.children):
        body = r.focus_before  # "The original line-up consisted of A, B and C": the band in focus
    if body is None:
        return
    yield from _listed_members(r, verb, body)


def _listed_members(r: Reader, verb: Token, body: Ref) -> Iterator[Draft]:
    objs = r.preps(verb, "of") if verb.lemma_.lower() == "consist" else [
        o for c in verb.children if c.dep_ == "dobj" for o in [c] + list(c.conjuncts)]
    people = [_mention(r, o, EntityKind.PERSON) for o in objs]
    if len(people) < 2 or any(p is None for p in people):
        start = verb.i + 1 + (verb.i + 1 < len(r.doc) and r.doc[verb.i + 1].lower_ == "of")
        people = list(_people_listed_from(r, start))  # "A (vocals), B (guitar) and C (drums)"
    if len(people) < 2 or any(p is None for p in people):
        return
    for p in people:
        assert p is not None
        yield draft(r, verb, "member_of", r.ref_of_span(p), object=body,
                    rule="orgline.consisting_of.v1", confidence=0.7)


@rule("cofounders", " ".join(sorted(FOUNDING)))
def cofounders(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X was founded by A and B", "formed by guitarist A and bassist B": every person
    coordinated after "by" is a founder, not the first alone."""
    if verb.pos_ != "VERB" or not is_passive(verb):
        return
    body = r.ref(r.subject(verb), ORG)
    if body is None and verb.dep_ == "acl" and verb.head.dep_ == "attr":
        body = r.ref(r.subject(verb.head.head), ORG)  # "X is a record label started by A in 1990"
    if body is None:
        return
    for p in r.preps(verb, "by"):
        m = _mention(r, p, EntityKind.PERSON)
        if m is not None:
            yield draft(r, verb, "founded_by", body, object=r.ref_of_span(m), negated=r.negated(verb),
                        rule="orgline.cofounders.v1", confidence=0.75)


@rule("founding_members", " ".join(sorted(FOUNDING)))
def founding_members(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X was formed by guitarist A and bassist B": people given a band's or team's title
    as they form it are its members, and all who form a body the text calls a band ("X is
    a rock band formed by A and B"); so is the one who "formed the band X" (a band's
    founder plays in it; a company's need not work in it). Those it takes on later are
    :func:`recruited_members`'."""
    if verb.pos_ != "VERB":
        return
    if is_passive(verb):
        subj = r.subject(verb)
        body = r.ref(subj, ORG)
        band = body is not None and ((subj is not None and _band_word(subj)) or _called_a_band(r, body))
        people = [p for p in r.preps(verb, "by") if _titled(p) or band]  # a band's founders play in it
    else:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or not (obj.lemma_.lower() in BAND_NOUNS or any(
                c.dep_ in ("compound", "nmod") and c.lemma_.lower() in BAND_NOUNS and c.i < obj.i
                for c in obj.children)):
            return  # "formed the band X", "created the group X"
        body = r.refs_in(obj, ORG)
        founder = _person_subject(r, verb)
        if body is None or founder is None:
            return
        subj = r.subject(verb)
        others_ = [x for x in (_mention(r, c, EntityKind.PERSON) for c in (subj.conjuncts if subj is not None else ()))
                   if x is not None]  # "A, B and C formed the band X": each one a member
        for person in [founder] + [r.ref_of_span(m) for m in others_ if r.ref_of_span(m) != founder]:
            yield draft(r, verb, "member_of", person, object=body, negated=r.negated(verb),
                        rule="orgline.founding_members.v1", confidence=0.7)
        return
    if body is None or _employer(body):
        return
    for p in people:
        m = _mention(r, p, EntityKind.PERSON)
        if m is not None:
            yield draft(r, verb, "member_of", r.ref_of_span(m), object=body, negated=r.negated(verb),
                        rule="orgline.founding_members.v1", confidence=0.7)


BAND_NOUNS = frozenset({"band", "group", "duo", "trio", "quartet", "quintet", "ensemble", "team"})


def _titled(tok: Token) -> bool:
    """ "guitarist A": a person named with a band's or team's title."""
    m = _mention_any(tok)
    start = m.start if m is not None else tok.i
    doc = tok.doc
    return start > 0 and doc[start - 1].lemma_.lower() in BAND_ROLES | TEAM_ROLES


def _mention_any(tok: Token) -> Span | None:
    """The named entity a token is in, found by its IOB tags (not a scan of every entity)."""
    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc, start = tok.doc, tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


# Words for a body one belongs to, by which "left the band" takes the body in focus.
BELONGED_NOUNS = BAND_NOUNS | frozenset({"party", "club", "society", "union", "league", "association",
                                         "movement", "order", "lodge", "guild", "side", "squad",
                                         "orchestra", "choir", "faction", "caucus", "fraternity"})


def _titled_person(r: Reader, subj: Token) -> Ref | None:
    """The person a subject names: "A", or "the bassist A" (a member's title with the
    name in apposition)."""
    m = _mention(r, subj, EntityKind.PERSON)
    if m is None and subj.lemma_.lower() in ROLES:
        m = next((x for x in (_mention(r, c, EntityKind.PERSON) for c in subj.children
                              if c.dep_ == "appos") if x is not None), None)
    return r.ref_of_span(m) if m is not None else None


def _named_right_before(r: Reader, verb: Token) -> Ref | None:
    """The person named right before a gerund, an adverb between them or none: "led to
    A temporarily leaving the group" (the parser loses A as the gerund's subject)."""
    i = verb.i - 1
    if i > 0 and r.doc[i].pos_ == "ADV":
        i -= 1
    m = _mention(r, r.doc[i], EntityKind.PERSON) if i >= 0 else None
    return r.ref_of_span(m) if m is not None and m.end == i + 1 else None


@rule("left_band", "leave quit")
def left_band(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "drummer A left X", "A quit the X Party in 1990", "the bassist A quit the band",
    "she announced she was leaving the group" (the band in focus): one leaves only what one
    was in."""
    if verb.pos_ != "VERB":
        return
    subj = r.subject(verb)
    if subj is None and verb.dep_ == "pcomp" and verb.head.lower_ in ("after", "before", "on", "upon"):
        subj = r.subject(verb.head.head)  # "A launched Y in 1978 after leaving X"
    person = _titled_person(r, subj) if subj is not None else None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if person is None and verb.tag_ == "VBG" and (subj is None or r.mention(subj) is None) and \
            obj is not None and r.mention(obj) is not None:
        person = _named_right_before(r, verb)  # "led to A (temporarily) leaving X"; a named X only,
        # since the parse that lost A is no guide to which body "the group" is
    if person is None and subj is not None and subj.lower_ in ("he", "she", "who") and obj is not None and (
            r.mention(obj) is not None or obj.lemma_.lower() in BAND_NOUNS | {"party", "club", "side", "squad"}):
        person = _person_subject(r, verb if r.subject(verb) is subj else subj.head)
    if person is None or obj is None:  # "she left the association": staff as often as members
        return
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return  # "left his post", "quit her job": an office or a job held
    if r.mention(obj) is None and obj.pos_ == "NOUN" and obj.lemma_.lower() not in BELONGED_NOUNS:
        return  # "left the company" (an employer), "left the city"
    body = r.refs_in(obj, ORG)
    if body is None or _employer(body):
        return
    left = r.date_for(verb)
    yield draft(r, verb, "member_of", person, object=body, negated=r.negated(verb),
                date=None, end=left,  # the day one left ends the membership
                rule="orgline.left_band.v1", confidence=0.65)
    for replaced in (c for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() == "replace"
                     and is_passive(c) and not r.negated(c)):
        for p in r.preps(replaced, "by"):  # "A left the band in 2001 and was replaced by B"
            successor = r.ref(p, (EntityKind.PERSON,))
            if successor is not None and successor != person:
                yield draft(r, replaced, "member_of", successor, object=body, date=left,
                            rule="orgline.replaced_in.v1", confidence=0.6)


# Taking a player or musician on: "recruited singer C", "hired drummer D", "added guitarist
# E", "signed striker F", "drafted quarterback G", "brought in bassist H", "enlisted".
RECRUITING = frozenset({"recruit", "hire", "add", "enlist", "sign", "draft", "bring", "enroll", "enrol"})
# Words that may stand between the verb and the title: "hired a new drummer, A", "brought
# in lead singer B", "added second guitarist C".
BEFORE_TITLE = frozenset({"a", "an", "the", "new", "lead", "second", "rhythm", "bass", "session",
                          "backing", "former", "young", "in", "on", "full-time", "permanent",
                          "replacement", "touring", "another"})


def _titled_people_after(r: Reader, verb: Token) -> list[Span]:
    """The people named after ``verb``, each with a band's or team's title ("recruiting
    singer C and drummer D", "hired a new drummer, D"), read word by word: the parser often
    takes "recruiting singer C" for a noun phrase. Empty when one of them has no title, so
    "hired C and drummer D" (C may be a manager) gives nothing."""
    doc, i, out = r.doc, verb.i + 1, []
    end = verb.sent.end
    while i < end:
        j = i
        while j < end and j - i < 4 and doc[j].lower_ in BEFORE_TITLE:
            j += 1
        if j >= end or doc[j].lemma_.lower() not in BAND_ROLES | TEAM_ROLES or not doc[j].text.islower():
            return []
        j += 1
        if j < end and doc[j].text == ",":
            j += 1  # "a new drummer, D"
        m = _mention(r, doc[j], EntityKind.PERSON) if j < end else None
        if m is None or m.start != j:
            return []
        out.append(m)
        i = m.end
        if i < end and doc[i].text == ",":
            i += 1
        if i < end and doc[i].lower_ in ("and", "as", "plus"):
            if doc[i].lower_ == "as":  # "hired C as drummer": the title after the name
                return out
            i += 1
        elif not (i < end and doc[i - 1].text == "," and doc[i].lemma_.lower() in BAND_ROLES | TEAM_ROLES):
            return out
    return out


def _recruiter(r: Reader, verb: Token) -> Ref | None:
    """Who took them on: the verb's subject ("the band hired ...", "the club signed ..."),
    or for a participle set after the main clause ("X was formed by A, later recruiting
    C") the subject of that clause, however the parser hung the participle."""
    head = verb
    while r.subject(head) is None and head.dep_ in ("advcl", "conj", "xcomp", "compound", "appos", "amod") \
            and head.head.i != head.i:
        head = head.head
    if r.subject(head) is None and head.pos_ in ("NOUN", "PROPN"):
        head = verb.sent.root  # "..., later recruiting singer C" read as a noun phrase
        if head.i > verb.i:
            return None
    subj = r.subject(head)
    return r.ref(subj, ORG) if subj is not None else None


@rule("recruited_members", " ".join(sorted(RECRUITING)))
def recruited_members(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X was formed by A and B, later recruiting singer C and drummer D", "the band
    hired drummer D", "the club signed striker F": a band or team that takes on people
    with its own kind of title takes them on as members. A company hiring a clerk, or a
    title that is no band's or team's ("hired lawyer G"), gives nothing."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.i > 0 and verb.doc[verb.i - 1].pos_ == "ADV" and verb.doc[verb.i - 1].lower_.endswith("ly")):
        return  # "was hired by", "newly signed striker F": no one named takes F on
    people = _titled_people_after(r, verb)
    if not people:
        return
    body = _recruiter(r, verb)
    if body is None or body.kind != EntityKind.ORG or _employer(body):
        return
    later = any(t.lower_ in LATER for t in verb.doc[max(verb.sent.start, verb.i - 2):verb.i])
    when: dict[str, Any] = {"date": None} if later else {}
    for m in people:  # "formed in 1976, later recruiting C": not dated by the founding
        yield draft(r, verb, "member_of", r.ref_of_span(m), object=body, negated=r.negated(verb),
                    rule="orgline.recruited_members.v1", confidence=0.7, **when)


LATER = frozenset({"later", "subsequently", "eventually", "afterwards", "soon"})


# Bodies one plays *in* without being their member: a competition, not a team.
COMPETITIONS = frozenset({"league", "cup", "championship", "championships", "tournament", "series",
                          "olympics", "games", "final", "finals", "division", "conference", "festival",
                          "open", "trophy", "bowl", "liga", "serie"})
IN_VERBS = frozenset({"be", "play", "sing", "perform", "drum", "serve"})


def _body_after_in(r: Reader, pobj: Token) -> Ref | None:
    """The body named as the object of "in": the name itself ("in the Ember Quartet") or
    named after a word for a band ("in the band X"); a body mentioned deeper in the
    phrase ("in the youth wing of X") is not the one the person was in."""
    ref = r.ref(pobj, ORG)
    if ref is None and pobj.lemma_.lower() in BAND_NOUNS | {"party", "club"}:
        named = next((c for c in pobj.children if c.dep_ == "appos"), None)
        after = r.mention(r.doc[pobj.i + 1]) if pobj.i + 1 < len(r.doc) else None
        if named is not None:
            ref = r.ref(named, ORG)
        elif after is not None and after.start == pobj.i + 1 and after.label_ == EntityKind.ORG.value:
            ref = r.ref_of_span(after)
    return ref


@rule("was_in_body", "in")
def was_in_body(r: Reader, prep: Token) -> Iterator[Draft]:
    """ "A, who was in X during this time, ...", "A played in X for a decade", "B was
    in the band X": being or playing *in* a named body is belonging to it. A place ("was
    in Paris"), a competition ("played in the Premier League") or an employer ("was in
    the Ministry") gives nothing."""
    verb = prep.head
    if prep.dep_ != "prep" or verb.lemma_.lower() not in IN_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return
    if verb.lemma_ == "be" and any(c.dep_ in ("acomp", "attr", "auxpass", "nsubjpass", "expl")
                                   for c in verb.children) or verb.dep_ == "aux":
        return  # "was active in", "was founded in": another predicate
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    person = _person_subject(r, verb) if pobj is not None else None
    if person is None or pobj is None:
        return
    body = _body_after_in(r, pobj)
    if body is None or body.kind != EntityKind.ORG or _employer(body) or \
            set(body.text.lower().split()) & COMPETITIONS:
        return
    yield draft(r, prep, "member_of", person, object=body, negated=r.negated(verb),
                rule="orgline.was_in_body.v1", confidence=0.65)


# What one does *for* a party as its member: is elected, sits, stands or runs, serves,
# represents it. Not "voted for", "campaigned for" or "worked for": voters, supporters
# and staff need not be members.
FOR_PARTY_VERBS = frozenset({"elect", "sit", "stand", "run", "serve", "represent", "reelect", "re-elect"})


@rule("for_party", "for represent")
def for_party(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "A was elected to parliament for the X Party", "A sat for the X Party from 2005",
    "A is a politician representing the X Party": a party one is elected, sits or stands
    for is one's own. The body must be named a party; "represented Acme Ltd" (a client) or
    "represented Norway" gives nothing."""
    if tok.lemma_.lower() == "represent":
        verb, pobj = tok, next((c for c in tok.children if c.dep_ == "dobj"), None)
    elif tok.dep_ == "prep":
        verb, pobj = tok.head, next((c for c in tok.children if c.dep_ == "pobj"), None)
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("pobj", "dobj") and verb.head.pos_ in ("VERB", "ADP"):
            verb = verb.head.head if verb.head.pos_ == "ADP" else verb.head  # "elected to parliament for X"
    else:
        return
    member = verb.head.head if verb.dep_ == "pobj" and verb.head.lower_ == "of" else None
    if member is None and tok.dep_ == "prep" and verb.pos_ == "NOUN" and verb.lemma_.lower() in PARTY_ROLES:
        member = verb  # "a member of the Riksdag for the X Party": "for" hung on "member"
    if member is not None and member.lemma_.lower() in PARTY_ROLES and pobj is not None:
        sat_for = r.ref(pobj, ORG)  # "a member of the Bundestag for the X Party"
        people = _people_after(r, member) or _person_described(r, member)
        if sat_for is not None and _a_party(sat_for):
            for someone in people:
                yield draft(r, tok, "member_of", someone, object=sat_for, negated=r.negated(member),
                            rule="orgline.for_party.v1", confidence=0.65)
        return
    if pobj is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in FOR_PARTY_VERBS:
        return
    party = r.ref(pobj, ORG)
    if party is None or not _a_party(party):
        return
    person = _person_subject(r, verb)
    if person is None or person.kind != EntityKind.PERSON:
        return
    yield draft(r, tok, "member_of", person, object=party, negated=r.negated(verb),
                rule="orgline.for_party.v1", confidence=0.65)


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause holds ``tok`` ("After loan spells with X, he joined Y":
    "joined")."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


@rule("on_loan", "loan")
def on_loan(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "After loan spells with X and Y, he joined Z", "A spent the season on loan at X":
    a player lent to a club plays in it for that time. Only a player's loan: a "spell" or
    a "stint" alone is as often a job."""
    if noun.pos_ != "NOUN":
        return
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in ("spell", "stint", "deal", "move"):
        holder = noun.head  # "loan spells with X"
        bodies = r.preps(holder, "with", "at", "to")
    elif noun.dep_ == "pobj" and noun.head.lower_ == "on":
        holder = noun  # "on loan at X", however the parser hung "at X"
        bodies = r.preps(noun, "at", "to", "with", "from") or r.preps(noun.head.head, "at", "to", "with")
    else:
        return
    verb = _clause_verb(holder)
    person = _person_subject(r, verb) if verb is not None else None
    if person is None or person.kind != EntityKind.PERSON:
        return
    when = _phrase_date(r, holder)
    for p in bodies:
        body = r.ref(p, ORG)
        if body is None or _employer(body) or set(body.text.lower().split()) & COMPETITIONS:
            continue
        yield draft(r, noun, "member_of", person, object=body, negated=verb is not None and r.negated(verb),
                    rule="orgline.on_loan.v1", confidence=0.65, **when)


def _phrase_date(r: Reader, noun: Token) -> dict[str, Any]:
    """The date inside a noun phrase ("loan spells with X during 2008"), not the date of
    the clause it stands in ("..., he joined Y in 2009"); none when it has none."""
    lo, hi = noun.left_edge.i, noun.right_edge.i + 1
    for d in r.dates:
        if lo <= d.start and d.end <= hi and d._.edtf:
            date, end = claim_dates(d._.edtf, d._.timex.form if d._.timex else "", "member_of")
            return {"date": date, "end": end}
    return {"date": None}


@rule("replaced_member", "replace")
def replaced_member(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "drummer A left X and was replaced by B", "A was replaced in X by B", "B replaced A
    in X": who takes a member's place in a band, team or party is its member."""
    if verb.pos_ != "VERB":
        return
    if is_passive(verb):
        newcomers = r.preps(verb, "by")
        left = verb.head if verb.dep_ == "conj" and verb.head.lemma_.lower() in ("leave", "quit") else None
        obj = next((c for c in left.children if c.dep_ == "dobj"), None) if left is not None else None
        body = r.refs_in(obj, ORG) if obj is not None and r.mention(obj) is not None else None
        if body is None:
            body = next((b for b in (r.ref(p, ORG) for p in r.preps(verb, "in")) if b is not None), None)
        subj = r.subject(verb)
        gone = _titled_person(r, subj) if subj is not None else None
    else:
        newcomers = [s for s in [r.subject(verb)] if s is not None]
        body = next((b for b in (r.ref(p, ORG) for p in r.preps(verb, "in")) if b is not None), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        gone = _titled_person(r, obj) if obj is not None else None
    if body is None or gone is None or _employer(body):
        return  # the one replaced must be a named person: "replaced the old logo in X" is no member
    for tok in newcomers:
        m = next((x for x in (_mention(r, t, EntityKind.PERSON) for t in r.phrase(tok)) if x is not None), None)
        if m is not None:
            yield draft(r, verb, "member_of", r.ref_of_span(m), object=body, negated=r.negated(verb),
                        rule="orgline.replaced_member.v1", confidence=0.65, date=None)


PARTY_THINGS = frozenset({"ticket", "primary", "caucus", "nomination"})
# A seat's abbreviation after a party label: "a former Conservative MP".
SEAT_ACRONYMS = frozenset({"MP", "MEP", "MLA", "MSP", "MPP", "MHA", "MNA", "TD"})


@rule("party_label", " ".join(sorted(PARTY_LABELS)))
def party_label(r: Reader, tok: Token) -> Iterator[Draft]:
    """A party named by its members' word (:func:`..mentions._party_labels`): "A is a
    Republican member of the state senate", "Republican governor A", "Republican Senator
    A", "Labour's A", "Liberal A", "A
    Republican, he has served ...", "A ran as a Democrat", "elected on the Democratic
    ticket with Governor B" (both of them)."""
    label = _mention(r, tok, EntityKind.ORG)
    if label is None or label.end != tok.i + 1 or len(label) > 2:
        return  # one word, or "Social Democrat" read at its last
    body = r.ref_of_span(label)
    nxt = r.doc[tok.i + 1] if tok.i + 1 < len(r.doc) else None
    people: list[Ref] = []
    if nxt is not None and nxt.lemma_.lower() in PARTY_THINGS:
        verb = _clause_verb(nxt)  # "elected on the Democratic ticket with Governor B"
        person = _person_subject(r, verb) if verb is not None else None
        people = ([person] if person is not None else []) + [
            r.ref_of_span(m) for m in (_mention(r, p, EntityKind.PERSON) for p in r.preps(nxt, "with"))
            if m is not None]
    elif nxt is not None and (nxt.text.islower() or nxt.text in SEAT_ACRONYMS) and \
            nxt.lemma_.lower() in PARTY_LABEL_HEADS | {a.lower() for a in SEAT_ACRONYMS}:
        if nxt.lemma_.lower() in ROLES and nxt.lemma_.lower() != "member":
            return  # "Labour politician A": member_by_title reads it
        people = _people_after(r, nxt) or _person_described(r, nxt)
        if not people and nxt.dep_ == "attr":
            person = _person_subject(r, nxt.head)  # "A is a Republican member of the state senate"
            people = [person] if person is not None else []
    elif nxt is not None and (nxt.tag_ == "POS" and tok.lower_ != "green"  # "Green's A": a surname as often
                              or nxt.text[:1].isupper() and nxt.lower_ in PARTY_LABEL_HEADS) \
            and tok.i + 2 < len(r.doc) and (m := _mention(r, r.doc[tok.i + 2], EntityKind.PERSON)) is not None \
            and m.start == tok.i + 2:
        people = [r.ref_of_span(m)]  # "Labour's A", "Republican Senator A"
    elif nxt is not None and _mention(r, nxt, EntityKind.PERSON) is not None:
        m = _mention(r, nxt, EntityKind.PERSON)  # "the incumbent, Liberal A,"
        people = [r.ref_of_span(m)] if m is not None and m.start == nxt.i else []
    elif tok.dep_ == "pobj" and tok.head.lower_ == "as":
        person = _person_subject(r, tok.head.head)  # "ran as a Democrat"
        people = [person] if person is not None else []
    elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
        person = _person_subject(r, tok.head)  # "she is a Republican"
        people = [person] if person is not None else []
    elif tok.dep_ == "appos" and (m := _mention(r, tok.head, EntityKind.PERSON)) is not None:
        people = [r.ref_of_span(m)]  # "Tom Hardy, a Green, won the seat"
    elif tok.i - 1 == tok.sent.start and nxt is not None and nxt.text == ",":
        root = tok.sent.root  # "A Republican, he has served ...": the other subject
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i), None)
        person = r.ref(subj, PERSON) if subj is not None else None
        people = [person] if person is not None else []
    for person in people:
        if person.kind == EntityKind.PERSON:
            yield draft(r, tok, "member_of", person, object=body, rule="orgline.party_label.v1",
                        confidence=0.65, date=None)


# Nouns of a player's time in a team: "made his debut for X", "spent three seasons with X".
TEAM_TIME = frozenset({"debut", "season"})


@rule("team_time", " ".join(sorted(TEAM_TIME)))
def team_time(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "A made his debut for X in 2009", "A spent three seasons with X", "in her first
    season at X": a player's debut or seasons for a team are spent in it. A "season" of
    a theatre or an opera house is no player's ("the 1990 season at the Royal Opera")."""
    if noun.pos_ != "NOUN":
        return
    preps = ("for",) if noun.lemma_.lower() == "debut" else ("with", "at", "for")
    bodies = r.preps(noun, *preps)
    verb = _clause_verb(noun)
    if not bodies and verb is not None and noun.dep_ == "dobj":
        bodies = r.preps(verb, *preps)  # "spent three seasons with X", "with X" hung on the verb
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    person = _person_subject(r, verb) if verb is not None else None
    if person is None and poss is not None and poss.lower_ in ("his", "her"):
        person = r.ref(poss, PERSON)
    if person is None or person.kind != EntityKind.PERSON:
        return
    if noun.lemma_.lower() == "season" and not (poss is not None or noun.tag_ == "NNS" or any(
            c.lower_ in ("first", "last", "final", "second", "debut") for c in noun.children)):
        return  # "the 1990 season at X": a theatre's, a league's
    for p in bodies:
        body = r.ref(p, ORG)
        if body is None or _employer(body) or set(body.text.lower().split()) & COMPETITIONS:
            continue
        yield draft(r, noun, "member_of", person, object=body, negated=r.negated(verb) if verb is not None else False,
                    rule="orgline.team_time.v1", confidence=0.65)


@rule("bodies_such_as", "as including")
def bodies_such_as(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "A played as a midfielder for teams such as X, Y and Z", "A played for clubs
    including X and Y", "A joined bands such as X": the person belongs to each body listed
    after a plural word for bodies, as to a body named there alone ("played with bands
    such as X" is touring with them, and "worked for companies such as X" a job)."""
    kind = _kind_after_such_as(r.doc, tok)
    if kind is None:
        return
    head = kind.head.head if kind.dep_ == "pobj" and kind.head.lower_ in ("for", "in") else (
        kind.head if kind.dep_ == "dobj" else None)
    if head is None:
        return
    people: list[Ref] = []
    if head.pos_ == "VERB" and head.lemma_.lower() in ("play", "join", "sign", "perform", "sing"):
        person = _person_subject(r, head)
        people = [person] if person is not None else []
    elif head.pos_ == "NOUN" and head.lemma_.lower() in BAND_ROLES | TEAM_ROLES:
        people = _person_described(r, head)  # "a midfielder for teams such as X"
    covered = {k: m for m in r.mentions_within(tok.sent.start, tok.sent.end) for k in range(m.start, m.end)}
    bodies = [r.ref_of_span(m) for m in listed_names_after(r.doc, tok.i + 1, covered)
              if m.label_ == EntityKind.ORG.value]
    for person in people:
        if person.kind != EntityKind.PERSON:
            continue
        for body in bodies:
            if not _employer(body) and not set(body.text.lower().split()) & COMPETITIONS:
                yield draft(r, tok, "member_of", person, object=body, rule="orgline.bodies_such_as.v1",
                            confidence=0.65, date=None)


# A person's own band or party: "her band, the Velvet Foxes", "his party, X". Not "his
# team" or "his club": a coach's or a supporter's as often as a player's.
OWN_BODY_NOUNS = frozenset({"band", "group", "party", "trio", "duo", "quartet", "quintet"})


@rule("own_band", " ".join(sorted(OWN_BODY_NOUNS)))
def own_band(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "Her band, the Velvet Foxes, toured", "A's new group X", "his party, X": a band or
    a party called a person's own is one they are in. A "backing band" or
    "support group" is not one's own in that sense, and a name that does not follow the
    noun ("her band played X") gives nothing."""
    if noun.pos_ != "NOUN" or any(c.lower_ in ("backing", "support", "supporting", "touring", "favourite",
                                                "favorite", "rival", "opposing") for c in noun.children):
        return
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        return
    person = r._last_person_before(poss.i) if poss.lower_ in ("his", "her") else (
        r.ref_of_span(m) if (m := _mention(r, poss, EntityKind.PERSON)) is not None else None)
    if person is None or person.kind != EntityKind.PERSON:
        return
    named = next((c for c in noun.children if c.dep_ == "appos"), None)
    i = noun.i + 1 + (noun.i + 1 < len(r.doc) and r.doc[noun.i + 1].text == ",")
    after = r.mention(r.doc[i]) if i < len(r.doc) else None
    body = r.ref(named, ORG) if named is not None else None
    if body is None and after is not None and after.label_ == EntityKind.ORG.value and after.start <= i + 1:
        body = r.ref_of_span(after)  # "her band, the X," however the parser hung X
    if body is None or _employer(body):
        return
    yield draft(r, noun, "member_of", person, object=body, rule="orgline.own_band.v1", confidence=0.65,
                date=None)


# A band member's own titles: not "singer", "pianist" or "rapper", which name solo artists
# as often as a band's members.
BAND_SEATS = frozenset({"guitarist", "bassist", "drummer", "keyboardist", "frontman", "frontwoman",
                        "bandmate"})
# Who plays with a band without being in it: "guest guitarist A", "session drummer B".
NOT_IN_THE_BAND = frozenset({"guest", "session", "touring", "backing", "additional", "studio", "live",
                             "jazz", "classical", "hired", "stand-in", "fill-in", "temporary", "solo"})
BAND_KIND_WORDS = frozenset({"band", "duo", "trio", "quartet", "quintet", "supergroup"})  # not "group": a firm's too


# Words that make a "group" a band: "a rock group", "the vocal group X".
MUSIC_WORDS = frozenset({"rock", "pop", "punk", "folk", "jazz", "vocal", "musical", "music", "girl", "boy",
                         "metal", "rap", "indie", "electronic", "soul", "funk", "country", "gospel", "blues",
                         "reggae", "techno", "dance", "hop", "r&b", "grunge", "ska", "instrumental"})


def _band_word(noun: Token) -> bool:
    """A word for a band: "band", "trio", or a "group" of music ("the rock group")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in BAND_KIND_WORDS or lemma == "group" and any(
        t.lower_ in MUSIC_WORDS for t in noun.doc[max(0, noun.i - 3):noun.i]))


def _called_a_band(r: Reader, body: Ref) -> bool:
    """Whether the text calls this body a band: "the rock band X", "X, a trio from ...",
    "X is a band", "the pop group X" (not "an investment group")."""
    key = r.key(body)
    kinds = r.described_as.get(key, set())
    if kinds & BAND_KIND_WORDS or ("group" in kinds and r.described_kinds.get(key, set()) & MUSIC_WORDS):
        return True
    if "band_keys" not in r.memo:
        r.memo["band_keys"] = {r.key(r.ref_of_span(m)) for m in r.mentions
                               if m.label_ == EntityKind.ORG.value and _set_off_as_band(r, m)}
    return key in r.memo["band_keys"]


def _set_off_as_band(r: Reader, m: Span) -> bool:
    """ "the rock band X", "X, a trio from ...": a mention a band word stands before or
    in apposition to."""
    before = r.doc[m.start - 1] if m.start > 0 else None
    return (before is not None and _band_word(before)) or (m.root.dep_ == "appos" and _band_word(m.root.head))


@rule("band_seat_in_focus", " ".join(sorted(BAND_SEATS)))
def band_seat_in_focus(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "Drummer A said of the album ...", "it was financed by guitarist B's father": in a
    text about a band, a person given a band member's title and no other body is that
    band's member. Not a guest, session or touring player, not when another body is
    named in the sentence, and only when the text calls the body in focus a band."""
    if noun.pos_ not in ("NOUN", "PROPN") or r.mention(noun) is not None:
        return
    near = {t.lower_ for t in r.doc[max(noun.sent.start, noun.i - 2):noun.i]} | {c.lower_ for c in noun.children}
    if near & NOT_IN_THE_BAND or any(c.dep_ in ("poss", "prep") for c in noun.children):
        return  # "session drummer A", "X's drummer", "the drummer of X": read elsewhere
    m = _mention(r, r.doc[noun.i + 1], EntityKind.PERSON) if noun.i + 1 < len(r.doc) else None
    if m is None or m.start != noun.i + 1:
        return
    after = r.doc[m.end] if m.end < len(r.doc) else None
    if after is not None and after.lower_ in ("of", "from", "with", "in", "("):
        return  # "drummer A of Y", "guitarist A (of Y)": another body may follow
    if any(x.label_ == EntityKind.ORG.value for x in r.mentions_within(noun.sent.start, noun.sent.end)):
        return  # "X toured with Y's drummer A": A may be in another band
    if any(a.lower_ in ("with", "alongside", "featuring", "against", "including") for a in noun.ancestors) or \
            r.doc[noun.i - 1].lower_ in ("with", "alongside", "featuring", "and"):
        return  # "they toured with the Y and drummer A": a companion, not a member
    body = r.focus(noun)
    if body is None or body.kind != EntityKind.ORG or not _called_a_band(r, body):
        return
    yield draft(r, noun, "member_of", r.ref_of_span(m), object=body, rule="orgline.band_seat_in_focus.v1",
                confidence=0.6, date=None)


def _fronted_subject(r: Reader, noun: Token) -> Ref | None:
    """The person a fronted description is about: "A member of X, she represents ...",
    "A Labour politician, he ...": the subject of the sentence that is not the noun."""
    root = noun.sent.root
    if noun.i - 1 != noun.sent.start or r.doc[noun.i - 1].lower_ not in ("a", "an", "the"):
        return None
    if not any(t.text == "," for t in r.doc[noun.i:root.i]):
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != noun.i
                 and not (c.i <= noun.i <= c.right_edge.i)), None)
    return r.ref(subj, PERSON) if subj is not None else None


@rule("fronted_member", "member")
def fronted_member(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "A member of the Democratic Party, she represents the 12th district": a sentence
    opened by a membership said of its subject."""
    person = _fronted_subject(r, noun)
    if person is None or person.kind != EntityKind.PERSON:
        return
    for p in r.preps(noun, "of"):
        body = r.ref(p, ORG)
        if body is not None and not _employer(body):
            yield draft(r, noun, "member_of", person, object=body, rule="orgline.fronted_member.v1",
                        confidence=0.7, date=None)


@rule("line_up_is", "lineup line-up up")
def line_up_is(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "The band's current line-up is A, B and C", "The original lineup was A and B": the
    people a band's line-up is are its members (two at least, all of them people)."""
    if noun.lower_ == "up" and not (noun.i >= 2 and r.doc[noun.i - 2].lower_ == "line"):
        return
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    body = r.ref(poss, ORG) if poss is not None else r.focus_before  # "the band's", or the band in focus
    attr = next((c for c in noun.head.children if c.dep_ == "attr"), None)
    if body is None or attr is None:
        return
    people = [_mention(r, t, EntityKind.PERSON) for t in [attr] + list(attr.conjuncts)]
    if len(people) < 2 or any(p is None for p in people):
        return
    for p in people:
        assert p is not None
        yield draft(r, noun, "member_of", r.ref_of_span(p), object=body, date=None,
                    rule="orgline.line_up_is.v1", confidence=0.65)


@rule("fronted_band", "front")
def fronted_band(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "A fronted the indie band X from 1994 to 2001", "X, fronted by A": the singer who
    fronts a band is one of its members (a body only: "fronted a campaign" is none)."""
    if verb.pos_ != "VERB":
        return
    if is_passive(verb):
        body = r.ref(r.subject(verb), ORG) or (r.ref(verb.head, ORG) if verb.dep_ == "acl" else None)
        people = [x for x in (r.ref(p, (EntityKind.PERSON,)) for p in r.preps(verb, "by")) if x is not None]
    else:
        obj = dobj(verb)
        body = r.refs_in(obj, ORG) if obj is not None and (
            r.mention(obj) is not None or obj.lemma_.lower() in BAND_NOUNS) else None  # not "a campaign against X"
        people = [x for x in [_person_subject(r, verb)] if x is not None]
    if body is None or not _a_body_one_belongs_to(r, body):
        return
    for person in people:
        yield draft(r, verb, "member_of", person, object=body, negated=r.negated(verb),
                    rule="orgline.fronted_band.v1", confidence=0.65)


# Leaving or changing a party or a club: "was expelled from X", "resigned from X",
# "defected to/from X", "rejoined X".
PARTY_MOVES = {"expel": ("from",), "resign": ("from",), "defect": ("to", "from"), "rejoin": ()}


def _a_body_one_belongs_to(r: Reader, body: Ref) -> bool:
    """A party, club, society, union or band by its name or what the text calls it: one
    resigns from a bank too, but that is a job."""
    words = set(body.text.lower().split())
    return _a_party(body) or bool(words & (MEMBER_BODIES | BAND_NOUNS)) or \
        body.text.lower() in PARTY_LABELS or _called_a_band(r, body)


@rule("party_moves", " ".join(sorted(PARTY_MOVES)))
def party_moves(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "A was expelled from the X Party in 1979", "A resigned from the X Club", "A
    defected to the Y Party", "A rejoined X in 2001": one is expelled from, resigns from or
    rejoins only what one is in. Only for a body named a party, club, society, union or
    band: "resigned from the bank" is a job left."""
    if verb.pos_ != "VERB":
        return
    lemma = verb.lemma_.lower()
    person = _person_subject(r, verb)
    if person is None or person.kind != EntityKind.PERSON:
        return
    targets = [c for c in verb.children if c.dep_ == "dobj"] if lemma == "rejoin" else r.preps(verb, *PARTY_MOVES[lemma])
    for p in targets:
        body = r.ref(p, ORG)
        if body is None or _employer(body) or not _a_body_one_belongs_to(r, body):
            continue
        left = lemma in ("expel", "resign") or (lemma == "defect" and p.head.lower_ == "from")
        when: dict[str, Any] = {"date": None, "end": r.date_for(verb)} if left else {}
        yield draft(r, verb, "member_of", person, object=body, negated=r.negated(verb),
                    rule="orgline.party_moves.v1", confidence=0.65, **when)


@rule("formerly_of", "formerly")
def formerly_of(r: Reader, adv: Token) -> Iterator[Draft]:
    """ "Leroy Burgess (formerly of Black Ivory)", "A (formerly of the X Party)": a
    person's former body given in brackets. Only a body one belongs to or in a sentence
    about bands or teams: "(formerly of Acme Ltd)" is a former job."""
    i = adv.i
    if i < 2 or i + 2 >= len(r.doc) or r.doc[i - 1].text != "(" or r.doc[i + 1].lower_ != "of":
        return
    person = _mention(r, r.doc[i - 2], EntityKind.PERSON)
    j = i + 2 + (r.doc[i + 2].lower_ == "the")
    body = _mention(r, r.doc[j], EntityKind.ORG) if j < len(r.doc) else None
    if person is None or person.end != i - 1 or body is None or body.start != j:
        return
    ref = r.ref_of_span(body)
    context = any(t.lemma_.lower() in BAND_CONTEXT for t in adv.sent)
    if _employer(ref) or not (context or _a_body_one_belongs_to(r, ref)):
        return
    yield draft(r, adv, "member_of", r.ref_of_span(person), object=ref, rule="orgline.formerly_of.v1",
                confidence=0.65, date=None)


@rule("members_are", "member")
def members_are(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "The only constant member was A", "The band's members are A, B and C", "The
    original members of X were A and B": people said to be the members of a body (named
    with "of", by a possessive, or the band in focus)."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be" or noun.pos_ != "NOUN":
        return
    verb = noun.head
    body = next((b for b in (r.ref(p, ORG) for p in r.preps(noun, "of")) if b is not None), None)
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if body is None and poss is not None:
        body = r.ref(poss, ORG)
    if body is None and poss is None and any(c.lower_ == "the" for c in noun.children) and not r.preps(noun, "of"):
        focus = r.focus(noun)
        body = focus if focus is not None and _called_a_band(r, focus) else None
    if body is None or body.kind != EntityKind.ORG or _employer(body):
        return
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    people = [m for m in (_mention(r, t, EntityKind.PERSON) for t in ([attr] + list(attr.conjuncts) if attr is not None else []))
              if m is not None]
    if not people:
        people = _people_listed_from(r, verb.i + 1)
    for m in people:
        yield draft(r, noun, "member_of", r.ref_of_span(m), object=body, negated=r.negated(verb),
                    rule="orgline.members_are.v1", confidence=0.65, date=None)


# Words by which a sentence tells of a player's move between teams.
TRANSFER_CUES = frozenset({"fee", "transfer", "loan", "club", "contract", "season", "debut", "squad",
                           "team", "undisclosed", "free"})


@rule("joined_from", "join sign move transfer")
def joined_from(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "A joined X from Y for an undisclosed fee", "A signed for X from Y on a free
    transfer", "A moved to X from Y": the team a player comes *from* is one they played
    in. Where they "moved to" is left alone: a town the model took for a body as often. Only in a sentence
    about a transfer (a fee, a loan, a club, a contract): "she joined Acme from the bank"
    is a change of job."""
    if verb.pos_ != "VERB" or not any(t.lemma_.lower() in TRANSFER_CUES for t in verb.sent):
        return
    person = _person_subject(r, verb)
    if person is None or person.kind != EntityKind.PERSON:
        return
    for p in r.preps(verb, "from"):
        body = r.ref(p, ORG)
        if body is None or _employer(body) or set(body.text.lower().split()) & COMPETITIONS:
            continue
        yield draft(r, verb, "member_of", person, object=body, rule="orgline.joined_from.v1",
                    confidence=0.6, date=None, end=r.date_for(verb))

