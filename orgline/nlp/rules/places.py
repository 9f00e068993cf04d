"""Rules for where an organization was based."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...model import EntityKind
from ..draft import Draft, Ref
from ..reader import Reader
from ..mentions import BODY_NOUNS, is_mother_house
from ..lexicon import BASED_WORDS, NOT_PLACES, OPERATING_VERBS, TYPING_ORG_NOUNS
from . import ORG, PLACE, draft, rule

PLACE_LIKE = (EntityKind.PLACE,)
# "based at Tromsby airport": a town's facility stands for the town.
FACILITY_NOUNS = frozenset({"airport", "airfield", "aerodrome", "harbour", "harbor", "port", "station"})
PRESS_NOUNS = frozenset({"newspaper", "magazine", "periodical", "journal", "paper", "weekly", "daily",
                         "tabloid", "broadsheet", "gazette", "review", "bulletin"})
SEATS = frozenset({"headquarters", "headquarter", "office", "offices", "secretariat", "seat", "motherhouse"})
KINDS = {"headquarter": "headquarters", "headquarters": "headquarters", "office": "office",
         "address": "address", "base": "based in", "locate": "based in", "situate": "based in",
         "seat": "headquarters"}


def _owner(r: Reader, tok: Token) -> Ref | None:
    """Whose location this is: "X, based in P" (the noun described), "X was an organization
    based in P" (the subject of the copula), "its offices" (the possessor)."""
    if tok.dep_ in ("acl", "amod") or (tok.dep_ == "advcl" and tok.tag_ == "VBN"):
        head = tok.head
        own = r.ref(head, ORG)
        if own is not None:
            return own
        if head.dep_ in ("attr", "appos"):
            return r.ref(r.subject(head.head) if head.dep_ == "attr" else head.head, ORG)
        if head.dep_ == "compound" and head.pos_ == "NOUN":  # "the Berlin-based band Red Kites"
            return r.ref(head.head, ORG)
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":  # "The publisher, based in P, is X"
            return r.first_ref((c for c in head.head.children if c.dep_ == "attr"), ORG)
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return r.ref(poss, ORG)
    if tok.dep_ == "pobj" and tok.head.lower_ == "with":  # "X, with offices in P", "known as X, with headquarters in P"
        holder = tok.head.head
        if holder.pos_ in ("VERB", "AUX"):
            return r.ref(r.subject(holder), ORG) or r.first_ref(
                (p for a in r.preps(holder, "as") for p in [a]), ORG)
        return r.ref(holder, ORG)
    return r.ref(r.subject(tok), ORG) if tok.pos_ in ("VERB", "AUX") else None


def _places_under(r: Reader, tok: Token) -> list[Ref]:
    found = []
    for pobj in r.preps(tok, "in", "at", "on"):
        ref = r.refs_in(pobj, PLACE) or address(r, pobj)
        if ref is not None:
            found.append(ref)
    return found


def address(r: Reader, pobj: Token) -> Ref | None:
    """ "412 Marine Drive", "the Union Hall on Mercer Lane": a capitalized place-like
    phrase that NER did not tag."""
    span = r.doc[pobj.left_edge.i:pobj.right_edge.i + 1]
    if any(t.i in r.dated for t in span) or r.mention(pobj) is not None:
        return None  # "in March 1905" is a date; a tagged name is not an address
    if len(span) > 1 and span[-1].lower_ in FACILITY_NOUNS and span[-2].text[:1].isupper():
        span = span[:-1]  # "at Tromsby airport": the airport's town
    words = [t for t in span if t.is_alpha]
    if words and all(len(t) <= 2 and t.is_upper for t in words):
        return None  # "moved to 560 AM": a frequency, not an address
    if words and all(t.text[:1].isupper() or t.is_stop for t in words) and span[-1].text[:1].isupper():
        start = span.start + (1 if span[0].lower_ == "the" else 0)
        text = r.doc[start:span.end].text
        return Ref(start, span.end, EntityKind.PLACE, text)
    return None


def _hyphen_place(r: Reader, tok: Token) -> Ref | None:
    """ "a Leeds-based publisher": the place before "-based". A capitalized word there the
    model did not tag is taken for a place unless it names a medium or a creed ("an
    Internet-based firm", "a Bible-based school")."""
    if tok.lower_ != "based" or tok.dep_ != "amod":
        return None
    where = next((c for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < tok.i
                  and r.doc[tok.i - 1].text == "-"), None)
    if where is None:
        return None
    own = r.ref(where, PLACE)
    if own is not None:
        return own
    m = r.mention(where)
    span = r.doc[where.left_edge.i:where.i + 1]
    if m is not None and m.label_ != EntityKind.PLACE.value and where.ent_type_ not in ("GPE", "LOC", "PRODUCT"):
        return None
    if where.ent_type_ in ("NORP", "ORG", "PERSON"):
        return None  # "an Australian-based network": a people's adjective, not the place
    if any(t.i in r.dated for t in span) or not all(t.text[:1].isupper() for t in span if t.is_alpha):
        return None
    if any(t.lower_ in NOT_PLACES for t in span):
        return None
    return Ref(span.start, span.end, EntityKind.PLACE, span.text)


@rule("location", " ".join(sorted(BASED_WORDS)))
def location(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "based in P", "headquartered in P", "its offices were at P", "P ... as its mailing
    address", "headquarters in P"."""
    lemma = tok.lemma_.lower()
    kind = KINDS.get(lemma, "based in")
    places = _places_under(r, tok)
    hyphen = _hyphen_place(r, tok)
    if hyphen is not None:
        places.append(hyphen)
    anchor = tok
    if not places and tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
        # "reporters in Dunmore, where the party is headquartered": the place is the noun
        places = [p for p in [r.refs_in(tok.head, PLACE) or address(r, tok.head)] if p is not None]
    if not places and tok.pos_ == "NOUN":  # "its offices were at P": the copula holds P
        anchor = tok.head
        places = _places_under(r, anchor) if anchor.pos_ in ("AUX", "VERB") else []
        if not places and lemma == "address":  # "listed a PO box in P as its address"
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            places = _places_under(r, verb) + [p for c in verb.children if c.dep_ == "dobj"
                                               for p in _places_under(r, c)]
            anchor = verb
    if not places:
        return
    owner = _owner(r, tok)
    if owner is None and anchor.i != tok.i:
        owner = r.ref(r.subject(anchor), ORG)
    if owner is None:
        return
    # "the Leeds-based firm X was sold in 1990": the sale's date is not the location's
    undated = {"date": None} if tok.dep_ == "amod" else {}
    for place in places:
        if place.text != owner.text:
            yield draft(r, tok, "location", owner, object=place, kind=kind,
                        negated=r.negated(tok), rule="orgline.location.v1", confidence=0.75, **undated)


@rule("published_in", "publish print produce edit")
def published_in(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "the Courier, a newspaper published in Bremport": where a periodical is published
    is where it is based. Only a participle on a press noun: "X published a book in London"
    and "the report was printed in Paris" say where a work appeared, not where a body is."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.lemma_.lower() not in PRESS_NOUNS:
        return
    owner = _owner(r, verb)
    if owner is None:
        return
    for place in _places_under(r, verb):
        if place.text != owner.text:
            yield draft(r, verb, "location", owner, object=place, kind="based in", date=None,
                        negated=r.negated(verb), rule="orgline.published_in.v1", confidence=0.7)


@rule("moved", "move relocate transfer")
def moved(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X moved its office from P to Q", "its headquarters moved to Q", "its mother house
    moved to Q": located at Q from the date, at P before. "The mother house moved" names
    no owner: an order's house is not told by the body merely in focus."""
    subj = r.subject(verb)
    owner = r.ref(subj, ORG)
    if owner is None and subj is not None and (subj.lemma_.lower() in SEATS or is_mother_house(subj)):
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        owner = r.ref(poss, ORG) if poss is not None else None
        if poss is None and not is_mother_house(subj) and not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
            owner = r.focus(subj)  # "1974 - Headquarters move from Perth to Edinburgh": the body in focus
    if owner is None:
        return
    for place in _destinations(r, verb):
        if place is not None:
            yield draft(r, verb, "location", owner, object=place, kind="headquarters",
                        rule="orgline.moved_to.v1", confidence=0.7)
    for pobj in r.preps(verb, "from"):
        place = r.refs_in(pobj, PLACE) or _place_before_to(r, pobj)
        if place is not None:
            yield draft(r, verb, "location", owner, object=place, kind="headquarters", date=None,
                        end=r.date_for(verb),  # based there until the move
                        rule="orgline.moved_from.v1", confidence=0.65)


def _place_before_to(r: Reader, pobj: Token) -> Ref | None:
    """ "from Reading to Bristol" with "to Bristol" hung on "Reading": the words before "to"."""
    to = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None:
        return address(r, pobj)
    words = [t for t in r.doc[pobj.left_edge.i:to.i] if not t.is_punct]
    if words and all(t.text[:1].isupper() for t in words) and not any(t.i in r.dated for t in words):
        return Ref(words[0].i, words[-1].i + 1, EntityKind.PLACE, r.doc[words[0].i:words[-1].i + 1].text)
    return None


def _destinations(r: Reader, verb: Token) -> list[Ref | None]:
    """The places after "to"; when the parser missed the preposition ("from Alder to
    Tarnby", Tarnby taken for a verb), the place named right after a "to" in the clause."""
    found = [r.refs_in(p, PLACE) or address(r, p) for p in r.preps(verb, "to")]
    if any(found):
        return found
    clause = [t for t in verb.subtree if t.i > verb.i]
    for tok in clause:
        if tok.lower_ == "to" and tok.i + 1 < len(r.doc):
            m = r.mention(r.doc[tok.i + 1])
            if m is not None and m.start == tok.i + 1 and m.label_ == EntityKind.PLACE.value:
                found.append(r.ref_of_span(m))
            elif m is None and tok.dep_ == "prep":  # "from Reading to Bristol", "Reading" taken for a verb
                found += [address(r, p) for p in tok.children if p.dep_ == "pobj"]
    return found


@rule("described_place", " ".join(sorted(BODY_NOUNS | TYPING_ORG_NOUNS | {"community", "enterprise", "start-up"})))
def described_place(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "X, a social enterprise in Dundee", "a Lyon community", "the Portland
    start-up X": the place in the words that describe a body is where it is based."""
    if noun.pos_ != "NOUN" or any(c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" for c in noun.children):
        return  # "the largest newspaper in California": a ranking, not where it is based
    # "the Portland start-up Quillon": the name may follow the noun unattached
    owner = r.described(noun, also=r.doc[noun.i + 1:noun.i + 2])
    if owner is None:
        return
    places = [r.ref(c, PLACE) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    places += [r.refs_in(p, PLACE) for p in r.preps(noun, "in", "from")]
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # "X was a club from P": the parser
        places += [r.refs_in(p, PLACE) for p in r.preps(noun.head, "from")]  # hangs "from" on "was"
    for place in dict.fromkeys(p for p in places if p is not None and p.text != owner.text):
        yield draft(r, noun, "location", owner, object=place, kind="based in", date=None,
                    rule="orgline.described_place.v1", confidence=0.6)


@rule("operated_from", " ".join(sorted(OPERATING_VERBS)))
def operated_from(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "the faction carried on from Boston", "the network worked out of a church hall in
    Kisumu", "the party was run from Paris": where a body works from is where it is based
    (not "ran from 1990 to 1995", a span of time, nor a bus that runs from A to B)."""
    if verb.pos_ != "VERB" or (verb.lemma_.lower() == "carry" and not any(
            c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)):
        return
    froms = [p for p in r.preps(verb, "from") if not r.preps(verb, "to")]
    froms += [p for o in verb.children if o.dep_ == "prep" and o.lower_ == "out"
              for of in o.children if of.lower_ == "of" for p in of.children if p.dep_ == "pobj"]
    places = [x for x in (r.refs_in(p, PLACE) or address(r, p) for p in froms) if x is not None]
    subj = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" else r.subject(verb)
    owner = r.ref(subj, ORG) if places else None  # "the faction, ..., carried on from P" (a misparse)
    for place in places if owner is not None else []:
        yield draft(r, verb, "location", owner, object=place, kind="based in", negated=r.negated(verb),
                    rule="orgline.operated_from.v1", confidence=0.6)
