"""Rules for how organizations begin and end."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...model import EntityKind, norm_name
from ..draft import Draft, Ref
from ..reader import Reader
from ..lexicon import (ORG_ANAPHORS, ORG_NOUNS, PART_NOUNS, TYPING_ORG_NOUNS, ORG_HEADS, BANNING_VERBS, BEGINNING_VERBS, FOUNDING_GATHERINGS, OPERATIONS_NOUNS, COMING_INTRANSITIVE, COMING_PARTICLES, COMING_VERBS, DESCENT_VERBS,
                       ACTIVE_ADJECTIVES, ENDING_PARTICLES, ENDING_VERBS, FOUNDER_NOUNS, ORIGIN_NOUNS, ORIGIN_VERBS, UNITING_NOUNS,
                       UNITING_VERBS)
from . import ORG, ORG_PERSON, PLACE, draft, dobj, intended, is_passive, others, rule
from .places import address
from .splits import departed_from


# ---- founding -----------------------------------------------------------------------------

def predicate_holder(r: Reader, verb: Token) -> Ref | None:
    """ "X is a shipping company established in 1929 by A": a participle hanging on the
    predicate noun (or an apposition) describes the subject it predicates."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" and \
            verb.head.dep_ in ("attr", "appos"):
        return r.described(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" and any(
            c.lower_ in ("a", "an") for c in verb.head.children):
        # "united with X, a small community founded in 1830": an apposition by its commas,
        # which the parser may take for an object
        comma = verb.head.left_edge.i - 1
        before = r.mention(r.doc[comma - 1]) if comma > 0 and r.doc[comma].text == "," else None
        if before is not None and before.label_ == EntityKind.ORG.value and before.end == comma:
            return r.ref_of_span(before)
    return None


@rule("founded", " ".join(sorted(COMING_VERBS)))
def founded(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X was founded (as N) (in 1983) (in P) (by Y) (from Z)"; "Y founded X"; "X formed";
    "X is a company established in 1929 by A"; "X opened its doors in 1907"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") and verb.tag_ != "VBN":
        return
    if lemma in COMING_PARTICLES and lemma != "open" and not any(
            c.lower_ in COMING_PARTICLES[lemma] for c in verb.children):
        return
    if lemma == "open":  # "opened its doors": the body itself opens; "opened an office" does not
        doors = next((c for c in verb.children if c.lower_ == "doors"), None)
        subject = r.ref(r.subject(verb), ORG)
        if subject is not None and is_passive(verb) and not r.negated(verb):
            yield from _opened_by(r, verb, subject)  # "the school was opened in 1879 by the Brothers"
            return
        if subject is None or r.negated(verb) or is_passive(verb):
            return
        if doors is None and dobj(verb) is None and subject.via == "mention" and not any(
                t.lower_ in ("every", "each", "daily", "weekly", "again", "late", "early") for t in verb.subtree):
            # "Tarvik Grammar School opened in 1901": a body that opens, dated, begins then
            opening = draft(r, verb, "founded", subject, rule="orgline.opened.v1", confidence=0.6)
            if opening.date is not None and not opening.date.startswith(".."):
                yield opening
            return
        if doors is not None:
            yield draft(r, verb, "founded", subject, rule="orgline.opened_doors.v1", confidence=0.7)
        return
    if lemma == "come":  # "came into being", "came into existence"
        if not any(t.lower_ in ("being", "existence") for p in verb.children if p.lower_ == "into"
                   for t in p.subtree):
            return
    if verb.lower_ == "found" and any(c.dep_ == "ccomp" or c.lower_ == "that" for c in verb.children):
        return  # "the commission found that ...": to find, not to found
    obj = dobj(verb)
    if lemma in ("begin", "start", "launch", "create") and obj is not None and obj.pos_ == "NOUN" and \
            r.mention(obj) is None and obj.lemma_.lower() not in ORG_NOUNS | ORG_HEADS | BEGUN_BODIES:
        return  # "began his first weekly comic strip, X", "launched a campaign": no body
    founder: Ref | None = None
    if obj is not None and obj.i in r.dated:
        # "X (founded 1901)", "X, established 1901,": the parser takes the bare year for an object
        obj = None
        subject = r.ref(r.subject(verb), ORG) or (
            r.ref(verb.head, ORG) if verb.dep_ in ("parataxis", "acl", "appos") else None)
    elif is_passive(verb):
        subject = r.ref(r.subject(verb), ORG) or predicate_holder(r, verb)
        founder = next((_founder(r, p) for p in r.preps(verb, "by") + [
            p for p in r.preps(verb, "on", "at") if p.lemma_.lower() == "initiative"]), None)
    elif obj is not None:
        if obj.lemma_.lower() in ("alliance", "coalition", "bloc", "front", "list") and not any(
                c.dep_ == "appos" for c in obj.children):
            return  # "formed an alliance with": the partnership rules read it (a named one founds)
        subject = r.ref(obj, ORG) or r.called(obj)  # "founded a party they called X"
        founder = _founder(r, r.subject(verb))
        if _uniting_purpose(verb) is not None:
            return  # "merged to form C": the merger rule reads it
        merges = list(_joined_to_form(r, verb, subject))
        if merges:
            founder = None  # the bodies that merged into it, not its founders
            yield from merges
    elif lemma in COMING_INTRANSITIVE:
        subject = r.ref(r.subject(verb), ORG)
        if lemma == "launch" and subject is not None and subject.via != "mention":
            return  # "it launched in 2005": a show or a product as often as a body
    else:
        return
    called = [t for p in r.preps(verb, "under") if p.lemma_.lower() == "name"
              for t in p.subtree if t.i > p.i and r.mention(t) is not None]  # "under the name X"
    as_parts = [p for p in r.preps(verb, "as") if p.pos_ == "NOUN" and r.mention(p) is None
                and p.lemma_.lower() in PART_NOUNS]  # "as a department of the University of Kiel"
    owned = [p for p in as_parts if not any(c.lower_ in ("independent", "autonomous", "separate")
                                            for c in p.children)]  # not "as an independent section of"
    names = [n for n in (_given_as(r, p) for p in r.preps(verb, "as") + called[:1] if p not in as_parts)
             if n is not None]
    if subject is None and obj is not None and names and any(
            c.lower_ in ("a", "an", "another") for c in obj.children):
        # "set up a new society under the old name, X": a body of its own, not the old X
        subject = Ref(obj.left_edge.i, obj.i + 1, EntityKind.ORG, names[0].text, new=True,
                      via="description")
    if subject is not None and subject.new and subject.via == "description" and obj is not None \
            and r.called(obj) == subject:
        names.append(Ref(subject.start, subject.end, EntityKind.ORG, subject.text))
    if subject is not None and obj is not None and subject.via == "mention" and r.bore_before(subject) \
            and any(c.lower_ in ("new", "second", "another") for c in obj.children):
        # "registering a new Harbour Club": a namesake, not the body that bore the name before
        names.append(subject)
        subject = Ref(subject.start, subject.end, EntityKind.ORG, subject.text, new=True,
                      via="description")
    if subject is None:
        return
    if lemma in ("begin", "start") and obj is None and (not r.preps(verb, "as") or r.negated(verb)) \
            and not (lemma == "start" and is_passive(verb) and r.preps(verb, "by")):
        return  # "it began as a soup run" founds; "it did not start from nothing" does not,
        # nor "the Ecologists did not begin as a party"
    if any(c.lower_ in ("when", "whether", "how") for c in verb.children) and verb.dep_ in (
            "pcomp", "ccomp", "pobj"):
        return  # "historians disagree about when X was founded": a question, not a founding
    founding = draft(r, verb, "founded", subject, about=tuple(names), negated=r.negated(verb),
                     rule="orgline.founded.v1", confidence=0.85)
    places = [r.refs_in(p, PLACE) or address(r, p) for p in r.preps(verb, "in", "at")]
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in GATHERINGS:  # "met at P and founded"
        places += [r.refs_in(p, PLACE) or address(r, p) for p in r.preps(verb.head, "in", "at")]
    if lemma in ("begin", "start"):  # "began in 1952 as a repair shop in Tarnby, opened by F"
        places += [r.refs_in(p, PLACE) for a in r.preps(verb, "as") for p in r.preps(a, "in", "at")]
        founder = founder or next((_founder(r, p) for a in r.preps(verb, "as") for c in a.children
                                   if c.dep_ == "acl" for p in r.preps(c, "by")), None)
    place = next((p for p in places if p is not None), None)
    founding.place = place
    r.last_created = r.created_here = subject
    people = r.subject(verb) if obj is not None else None
    poss = next((c for c in people.children if c.dep_ == "poss"), None) if people is not None else None
    if poss is not None and people.lemma_.lower() in ("follower", "supporter", "ally", "disciple"):
        if poss.pos_ == "PROPN":  # "Varga's followers founded X": later, "the Varga group"
            r.led_by[norm_name(poss.text)] = subject
    if lemma == "incorporate" and subject.via == "coref" and names:
        # "the business was incorporated in 1930 as X": a body already told of takes a
        # legal form and a name; it is not founded again ("It was incorporated in 1887",
        # with no new name, is how a company begins)
        for name in names:
            yield founding.but(type="named", value=name.text, value_ref=name, place=None,
                               kind="official", rule="orgline.founded_as.v1", confidence=0.8)
        return
    for part in owned:  # founded as a part of another body: that body's, from then
        parent = next(others(r, part, subject, "of"), None)
        if parent is not None:
            yield founding.but(type="parent_org", object=parent, place=None, rule="orgline.founded_as_part.v1",
                               confidence=0.7)
    if founding.date is not None or (place is not None and lemma != "register"):
        yield founding  # "X was formed by A" with neither date nor place: founded_by says it all
        # "a charity registered in Scotland" tells where it is registered, not when it began
    if place is not None:
        yield founding.but(type="location", object=place, place=None, kind="founded in",
                           rule="orgline.founded_in.v1", confidence=0.75)
    for name in names:
        if name is not None:
            yield founding.but(type="named", value=name.text, value_ref=name, place=None,
                               kind="official", rule="orgline.founded_as.v1", confidence=0.85)
    left = departed_from(r, verb, subject)
    if left is not None and founder == left:
        founder = None  # "they broke away to form X": X's founders left that body
    if left is not None:
        yield founding.but(type="split_from", object=left, place=None,
                           rule="orgline.left_and_founded.v1", confidence=0.7)
    for origin in others(r, verb, subject, *(() if _by_merger(r, verb) else ("from", "out"))):
        yield founding.but(type="formed_from", object=origin, place=None,
                           rule="orgline.founded_from.v1", confidence=0.75)
    if founder is not None and founder != subject:
        yield founding.but(type="founded_by", object=founder, place=None,
                           rule="orgline.founded_by.v1", confidence=0.75)
        for also in _co_founders(r, verb, founder):
            if also != subject:
                yield founding.but(type="founded_by", object=also, place=None,
                                   rule="orgline.founded_by.v1", confidence=0.7)


GATHERINGS = frozenset({"meet", "gather", "assemble", "convene", "reconvene"})


@rule("dated_origin", " ".join(sorted(ORIGIN_VERBS)))
def dated_origin(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X dates its foundation to a conference held at P in December 1925": X's own account
    of its founding (a body traced "to" another body is a predecessor, not a founding)."""
    obj = dobj(verb)
    if verb.pos_ == "VERB" and obj is not None and obj.lower_ == "it" and verb.lemma_.lower() == "date":
        yield from _dated_it(r, verb, obj)  # "historians date it to the 1480s"
        return
    if verb.pos_ != "VERB" or obj is None or not (obj.lemma_.lower() in ORIGIN_NOUNS or (
            obj.lemma_.lower() in FOUNDING_GATHERINGS and any(
                c.lower_ in ("first", "founding", "constituent", "inaugural") for c in obj.children))):
        return  # "dates its foundation to", "dates its first congress to 1905"
    poss = next((c for c in obj.children if c.dep_ == "poss"), None)
    subject = r.ref(poss, ORG) if poss is not None else None
    teller = r.ref(r.subject(verb), ORG_PERSON)  # "the historian A dates its first congress to"
    subject = subject or teller
    for event in r.preps(verb, "in" if verb.lemma_.lower() == "have" else "to"):
        if r.refs_in(event, ORG) is not None:
            return
        words = range(event.left_edge.i, event.right_edge.i + 1)
        date = next((d for d in r.dates if d.start in words and d._.edtf), None)
        if subject is None or date is None:
            return
        founding = draft(r, verb, "founded", subject, date=date._.edtf, negated=r.negated(verb),
                         according_to=teller or subject, rule="orgline.dated_origin.v1", confidence=0.7)
        yield founding
        place = next((p for t in r.doc[event.left_edge.i:event.right_edge.i + 1]
                      for p in [r.mention(t)] if p is not None and p.label_ == EntityKind.PLACE.value), None)
        if place is not None:
            yield founding.but(type="location", object=r.ref_of_span(place), kind="founded in",
                               rule="orgline.dated_origin.v1", confidence=0.6)


def _dated_it(r: Reader, verb: Token, obj: Token) -> Iterator[Draft]:
    """ "X was founded in 1421, but historians date it to the 1480s": another account of
    the founding, by whoever dates it (a named one is its source)."""
    subject = r.ref(obj, ORG)
    for event in r.preps(verb, "to"):
        words = range(event.left_edge.i, event.right_edge.i + 1)
        date = next((d for d in r.dates if d.start in words and d._.edtf), None)
        if subject is not None and date is not None:
            teller = r.ref(r.subject(verb), ORG_PERSON)
            yield draft(r, verb, "founded", subject, date=date._.edtf, negated=r.negated(verb),
                        according_to=teller, rule="orgline.dated_origin.v1", confidence=0.6)
            return


@rule("began", " ".join(sorted(BEGINNING_VERBS)))
def began(r: Reader, verb: Token) -> Iterator[Draft]:
    """A beginning told with its date and no founder: "X originated in 1890", "X dates back
    to 1526" / "dates from 1526", "X has existed since 1901", "X began operations in 1962",
    "the regiment was raised in 1861", "X held its founding congress in 1919", "the
    Gazette was first published in 1901" (a book is no body: not read). Only a body
    named or in focus, and only with a date: "the union grew in 1920" or "prices were raised"
    say nothing of a beginning, and are not read."""
    if verb.pos_ != "VERB" or r.negated(verb) or not _begins(r, verb):
        return
    subject = r.ref(r.subject(verb), ORG)
    if subject is None:
        return
    founding = draft(r, verb, "founded", subject, rule="orgline.began.v1", confidence=0.7)
    doing = [verb] + [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]  # "started flying ... as X"
    if len(doing) > 1:  # "began broadcasting on 20 June 1962 at 970 AM, and moved ... in 2003"
        founding.date = r.date_for(doing[1]) or founding.date
    if founding.date is None or founding.date.startswith(".."):
        return

    def preps(*words: str) -> list[Token]:
        return [p for v in doing for p in r.preps(v, *words)]
    renamed = any(p.lemma_.lower() == "name" and any(c.lower_ in ("new", "present", "current") for c in p.children)
                  for p in preps("under"))
    if not renamed:  # "began trading under the new name of X": a body already there, renamed
        yield founding
    place = next((p for p in (r.refs_in(x, PLACE) for x in preps("in", "at")) if p is not None), None)
    if place is not None:  # "raised in 1794 at Inverlochy", "originated in Cork in 1834"
        yield founding.but(type="location", object=place, kind="founded in",
                           rule="orgline.began_in.v1", confidence=0.65)
    called = [t for p in preps("under") if p.lemma_.lower() == "name"
              for t in p.subtree if t.i > p.i and r.mention(t) is not None][:1]  # "under the name X"
    for name in (n for n in (r.refs_in(p, ORG) or r.mention_ref(p)
                             for p in preps("as") + called) if n is not None and n != subject):
        # "began operations in 1962 as Polar Air Taxi", "first issued in 1856 as the Weekly Courier"
        yield founding.but(type="named", value=name.text, value_ref=name, kind="official",
                           rule="orgline.began_as.v1", confidence=0.75)
    founder = next((_founder(r, p) for p in r.preps(verb, "by") + [
        b for a in r.preps(verb, "as") for b in r.preps(a, "by")]), None) if is_passive(verb) else None
    if founder is not None and founder != subject:  # "first printed in 1856 by Samuel Fyfe"
        yield founding.but(type="founded_by", object=founder, rule="orgline.began.v1", confidence=0.65)


def _begins(r: Reader, verb: Token) -> bool:
    lemma, obj = verb.lemma_.lower(), dobj(verb)
    if lemma == "originate":
        return not r.preps(verb, "from", "as", "out")  # "originated from X": a predecessor
    if lemma == "date":
        return any(c.lower_ == "back" for c in verb.children) or bool(r.preps(verb, "from"))
    if lemma == "exist":  # "has existed since 1901"
        return any(c.lower_ == "since" for c in verb.children if c.dep_ == "prep")
    if lemma in ("begin", "commence", "start") and obj is None and any(
            c.dep_ == "xcomp" and c.tag_ == "VBG" and c.lemma_.lower() in OPERATING_GERUNDS for c in verb.children):
        return not r.preps(verb, "to", "from", "between")  # "the carrier started flying in 1990"
    if lemma in ("begin", "commence", "start"):
        return obj is not None and obj.lemma_.lower() in OPERATIONS_NOUNS and not any(
            c.dep_ == "poss" and c.lower_ not in ("its", "their") for c in obj.children) and not (
            r.preps(verb, "to", "from", "between") or r.preps(obj, "to", "from", "between", "in"))
        # "began operations to Paris", "started services between A and B": a route
    if lemma == "raise":  # "the regiment was raised", "it was raised" of a brigade: military bodies only
        subj = r.subject(verb)
        held = r.ref(subj, ORG) if subj is not None else None
        words = [t.lower_ for t in subj.subtree] if subj is not None else []
        words += held.text.lower().split() if held is not None else []
        return is_passive(verb) and any(w in MILITARY_NOUNS for w in words)
    if lemma in ("publish", "issue", "print"):  # a periodical "first published in 1901"
        return is_passive(verb) and _first(verb)
    if lemma == "appear":  # "the Courier first appeared in 1856", not "in the strike of 1901"
        return _first(verb) and any(p.i in r.dated for p in r.preps(verb, "in", "on"))
    if lemma == "hold":  # "held its founding congress in 1919"
        return obj is not None and obj.lemma_.lower() in FOUNDING_GATHERINGS and any(
            c.lower_ in ("founding", "constituent", "inaugural") for c in obj.children)
    return False


# What a body starts doing when it starts: "started flying", "began trading".
OPERATING_GERUNDS = frozenset({"fly", "operate", "trade", "broadcast", "publish", "sail", "sell", "build"})


def _first(verb: Token) -> bool:
    return any(c.lower_ == "first" and c.dep_ == "advmod" for c in verb.children)


MILITARY_NOUNS = frozenset({"regiment", "battalion", "brigade", "squadron", "corps", "army", "legion",
                            "division", "militia", "guard", "guards", "fusiliers", "rifles", "dragoons",
                            "hussars", "lancers", "infantry", "cavalry", "artillery"})


def _given_as(r: Reader, tok: Token) -> Ref | None:
    """The name after "as": the name itself ("as the Weekly Herald"), or one in apposition to
    a description ("as a cooperative, the X Society"); not a body named inside the
    description ("as a joint venture between A and B" names neither A nor B)."""
    if r.mention(tok) is not None or tok.pos_ != "NOUN":
        return r.refs_in(tok, ORG)
    return r.first_ref((c for c in tok.children if c.dep_ == "appos"), ORG)


def _listed_before(r: Reader, head: Token) -> list[Ref]:
    """ "the Kessel Football Club and Tarvik Rovers amalgamated", parsed with the first
    name hung on the second as a modifier: the bodies listed with "and" or commas right
    before the subject's own name, within its phrase."""
    own = r.mention(head)
    if own is None:
        return []
    out: list[Ref] = []
    end = own.start
    for m in reversed(r.mentions_within(head.left_edge.i, own.start)):
        gap = r.doc[m.end:end]
        if m.label_ != EntityKind.ORG.value or not len(gap) or any(
                t.lower_ not in ("and", ",", "the") for t in gap) or not any(t.lower_ in ("and", ",") for t in gap):
            break
        out.insert(0, r.ref_of_span(m))
        end = m.start
    return out


@rule("went_under", "go declare")
def went_under(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X went bankrupt in 2012", "X was declared bankrupt", "X went into liquidation",
    "X went out of business": a firm's end (not "went into administration" or
    "receivership", which a firm may come out of)."""
    if verb.pos_ not in ("VERB", "AUX") or r.negated(verb):
        return
    bankrupt = any(c.lower_ in ("bankrupt", "insolvent") and c.dep_ in ("acomp", "oprd", "xcomp", "attr")
                   for c in verb.children)
    ended = verb.lemma_.lower() == "go" and (
        any(p.lower_ == "liquidation" for p in r.preps(verb, "into")) or
        any(c.lower_ == "out" and any(g.lower_ == "of" and any(b.lower_ == "business" for b in g.children)
                                      for g in c.children) for c in verb.children))
    if not (bankrupt or ended):
        return
    subject = r.ref(r.subject(verb), ORG)
    if subject is not None and not intended(verb):
        yield draft(r, verb, "dissolved", subject, rule="orgline.went_under.v1", confidence=0.6)


# Bodies that are opened, as a building is: "the school was opened in 1879 by the Brothers".
OPENED_BODIES = frozenset({"school", "college", "academy", "university", "institute", "hospital",
                           "museum", "seminary", "conservatory", "polytechnic", "library", "bank"})


def _opened_by(r: Reader, verb: Token, subject: Ref) -> Iterator[Draft]:
    """A school, a hospital or a museum "was opened" (dated) founds it, and who opened it
    founded it: not a bridge, an office or a road, which are no bodies."""
    subj = r.subject(verb)
    words = set(subject.text.lower().split()) | ({subj.lemma_.lower()} if subj is not None else set())
    if not words & OPENED_BODIES:
        return
    opening = draft(r, verb, "founded", subject, rule="orgline.opened.v1", confidence=0.65)
    if opening.date is None or opening.date.startswith(".."):
        return
    yield opening
    founder = next((_founder(r, p) for p in r.preps(verb, "by")), None)
    if founder is not None and founder != subject:
        yield opening.but(type="founded_by", object=founder, rule="orgline.opened.v1", confidence=0.6)


# What one begins or starts that is a body, beyond the words for a kind of body: "started a
# small shop", "began a practice", "launched a venture".
BEGUN_BODIES = frozenset({"shop", "workshop", "store", "studio", "practice", "venture", "business",
                          "operation", "operations", "service", "services", "label", "outfit", "side",
                          "project", "initiative", "newspaper", "paper", "magazine", "journal"})


PRODUCT_VERBS = frozenset({"form", "create", "found", "become", "establish"})


def _uniting_purpose(verb: Token) -> Token | None:
    """The uniting verb a "to form C" clause is the purpose of: "A and B merged to form C",
    also where the parser hung "to create C" on a noun ("A and B combined in 1989 to
    create C", read with "combined" as a clause on A)."""
    if verb.lemma_.lower() not in PRODUCT_VERBS | {"join"}:
        return None
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in UNITING_VERBS | {"join"}:
        return verb.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    before = [t for t in verb.sent if t.i < verb.i and t.pos_ in ("VERB", "AUX")]
    if before and before[-1].lemma_.lower() in UNITING_VERBS and before[-1].dep_ in ("acl", "relcl", "ROOT"):
        return before[-1]
    return None


def _joined_to_form(r: Reader, verb: Token, result: Ref | None) -> Iterator[Draft]:
    """ "A and B now form a single party, C": two bodies forming one merge into it."""
    subj = r.subject(verb)
    if result is None or subj is None or verb.lemma_.lower() not in ("form", "create", "become"):
        return
    heads = [subj] + list(subj.conjuncts)
    if verb.dep_ == "conj" and verb.head.pos_ in ("PROPN", "NOUN"):
        heads.append(verb.head)  # "A (...) and B now form C", parsed with A as the root
    members = [x for x in (r.ref(t, ORG) for t in heads) if x is not None]
    if len(members) < 2:
        return
    for member in members:
        if member != result:
            yield draft(r, verb, "merged", member, object=result, result=result,
                        rule="orgline.joined_to_form.v1", confidence=0.7)


PEOPLE = frozenset({"member", "student", "engineer", "worker", "delegate", "dissident", "activist",
                    "supporter", "follower", "many", "some", "most", "several", "group", "faction"})


def _founder(r: Reader, tok: Token | None) -> Ref | None:
    """Who founded it: a named person or body ("by Mother Agnes Dorran", "on the initiative
    of a named movement"), not the body that people described by it belonged to ("by students
    at a named college", "its former members founded")."""
    if tok is None:
        return None
    if tok.lemma_.lower() in PEOPLE:  # "by engineers" names no one; "by the engineer K" does
        return r.first_ref((c for c in tok.children if c.dep_ == "appos"), ORG_PERSON)
    if tok.lemma_.lower() == "initiative":
        return next((r.refs_in(p, ORG_PERSON) for p in r.preps(tok, "of")), None)
    return r.ref(tok, ORG_PERSON)


def _by_merger(r: Reader, verb: Token) -> bool:
    """ "formed from the merger of A and B": A and B merged into it (the merger rule reads
    that), rather than it being formed out of either one."""
    return any(p.lemma_.lower() in UNITING_NOUNS for p in r.preps(verb, "from", "out", "through", "by"))


def _co_founders(r: Reader, verb: Token, first: Ref) -> Iterator[Ref]:
    """ "established by A and B", "A and B founded X": each conjoined founder."""
    heads = [p for p in r.preps(verb, "by")] if is_passive(verb) else [r.subject(verb)]
    for head in heads:
        if head is None:
            continue
        if head.pos_ == "NOUN" and r.mention(head) is None:  # "by two engineers, A and B": the named ones
            head = next((c for c in head.children if c.dep_ == "appos" and r.mention(c) is not None), head)
        for conj in head.conjuncts:
            other = _founder(r, conj)
            if other is not None and other != first:
                yield other


@rule("founder_noun", " ".join(sorted(FOUNDER_NOUNS)))
def founder_noun(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "A, the founder of X", "A was the founder of X", "X's founder, A", "X founder A":
    X founded by A. "a founder member of X" is a member, not a founder, and is not read."""
    if noun.pos_ not in ("NOUN", "PROPN") or r.negated(noun.head):
        return
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in ("member", "director", "editor", "chairman"):
        return
    body = next(others(r, noun, None, "of"), None)
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if body is None and poss is not None:
        body = r.ref(poss, ORG)
    named = [c for c in noun.children if c.dep_ == "compound" and r.ref(c, ORG) is not None]
    if body is None and named and noun.dep_ == "compound":  # "the X founder A"
        body = r.ref(named[-1], ORG)
    if body is None:
        return
    if noun.dep_ == "appos":
        person = r.ref(noun.head, ORG_PERSON)
    elif noun.dep_ == "attr":
        person = r.ref(r.subject(noun.head), ORG_PERSON)
    elif noun.dep_ == "compound":
        person = r.ref(noun.head, (EntityKind.PERSON,))
    elif noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "Its founder and first chairman was A"
        person = r.first_ref((c for c in noun.head.children if c.dep_ == "attr"), ORG_PERSON)
    else:
        person = r.first_ref((c for c in noun.children if c.dep_ == "appos"), ORG_PERSON)
    if person is not None and person != body and person.kind is not EntityKind.PLACE:
        yield draft(r, noun, "founded_by", body, object=person, date=None,
                    rule="orgline.founder_noun.v1", confidence=0.65)


@rule("formed_from", " ".join(sorted(DESCENT_VERBS)))
def grew_out_of(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X grew out of Y", "X emerged from Y", "it was not descended from the pre-war body"."""
    subject = r.ref(r.subject(verb), ORG)
    if subject is None:
        return
    for p in r.preps(verb, "out", "from", "of"):
        if p.lemma_.lower() in FACTION_NOUNS and r.mention(p) is None:
            # "emerged from a faction of the Reform Party": a breakaway from that party
            left = next(others(r, p, subject, "of", "within", "in"), None)
            if left is not None:
                yield draft(r, verb, "split_from", subject, object=left, negated=r.negated(verb),
                            rule="orgline.grew_from_faction.v1", confidence=0.7)
                return
    for origin in others(r, verb, subject, "out", "from", "of"):
        yield draft(r, verb, "formed_from", subject, object=origin,
                    negated=r.negated(verb), rule="orgline.formed_from.v1", confidence=0.75)
        return


FACTION_NOUNS = frozenset({"faction", "wing", "split", "splinter", "tendency", "caucus", "minority",
                           "group", "section"})


@rule("continuation", "continuation successor")
def continuation(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "X denies being a continuation of Y", "X, the successor to Y": X formed from Y."""
    if noun.pos_ != "NOUN":
        return
    holder = r.described(noun)
    if holder is None and noun.dep_ == "attr":  # "denies being a continuation": "being" has no subject
        holder = r.ref(r.subject(noun.head.head if noun.head.dep_ in ("xcomp", "pcomp", "ccomp") else noun.head), ORG)
    if holder is None:
        return
    for origin in others(r, noun, holder, "of", "to"):
        yield draft(r, noun, "formed_from", holder, object=origin, negated=r.negated(noun.head),
                    rule="orgline.continuation.v1", confidence=0.65)
        return


@rule("dissolved", " ".join(sorted(ENDING_VERBS)))
def dissolved(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X dissolved in 1988", "X was disbanded", "X ceased to exist / operations", "X was
    wound up", "X closed (down) in 2013", "X was shut down by order", "X closed its doors"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") and verb.tag_ != "VBN":
        return
    if lemma in ENDING_PARTICLES and lemma != "close" and not any(
            c.lower_ in ENDING_PARTICLES[lemma] for c in verb.children):
        return
    ended = _ended_object(r, verb)
    if ended is not None:  # "Polyvox closed the label in 1988", "the court wound up the bank"
        yield draft(r, verb, "dissolved", ended, negated=r.negated(verb), rule="orgline.closed_by.v1",
                    confidence=0.7)
        return
    if lemma in ("break", "split", "wind", "shut") and (dobj(verb) is not None or r.preps(verb, "with")):
        return  # "the police broke up the meeting", "the singer split up with him"
    if lemma == "close":  # "closed its doors" ends the body; "closed its factory" does not
        obj = dobj(verb)
        if obj is not None and obj.lower_ != "doors":
            return
        if any(c.dep_ == "prep" and c.lower_ in ("at", "to", "for") for c in verb.children):
            return  # "shares closed at 12p", "closed to visitors", "closed for repairs"
        if obj is None and not any(c.lower_ == "down" for c in verb.children) and r.date_for(verb) is None:
            return  # an undated "X closed" may be for the day; a closing is dated
    if verb.lemma_.lower() == "cease" and not any(
            t.lemma_.lower() in ("exist", "operation", "operations", "function") for t in verb.subtree):
        return
    subj_tok = r.subject(verb)
    if subj_tok is None and verb.dep_ == "pcomp" and verb.head.lower_ in ("before", "after", "until", "upon", "on"):
        subj_tok = r.subject(verb.head.head)  # "released three albums before splitting up in 1984"
    if verb.lemma_.lower() == "fold" and r.preps(verb, "into"):
        into = next(others(r, verb, None, "into"), None)  # "folded into the parent": merged
        subject = r.ref(subj_tok, ORG)
        if into is not None and subject is not None and into != subject:
            yield draft(r, verb, "merged", subject, object=into, rule="orgline.folded_into.v1",
                        confidence=0.65)
        return
    for each in r.pair(subj_tok) if subj_tok is not None else []:  # "Both bodies were dissolved"
        yield draft(r, verb, "dissolved", each, negated=r.negated(verb),
                    rule="orgline.dissolved_both.v1", confidence=0.65)
    subject = r.ref(subj_tok, ORG)
    if subject is None and verb.lemma_.lower() == "dissolve":
        obj = dobj(verb)
        subject = r.ref(obj, ORG) if obj is not None and obj.lower_ not in ("itself",) else (
            r.ref(subj_tok, ORG) if obj is not None else None)
    if subject is not None:
        yield draft(r, verb, "dissolved", subject, negated=r.negated(verb),
                     rule="orgline.dissolved.v1", confidence=0.8)


def _ended_object(r: Reader, verb: Token) -> Ref | None:
    """The body another one closes, winds up or disbands: named, "it", or "the label" (not
    "closed its factory", "dissolved the board's doubts", "broke up the meeting")."""
    obj = dobj(verb)
    if obj is None or verb.lemma_.lower() not in ("close", "shut", "wind", "disband", "liquidate") or \
            obj.lower_ == "doors" or is_passive(verb):
        return None
    if r.mention(obj) is None and obj.lower_ != "it" and obj.lemma_.lower() not in ORG_ANAPHORS:
        return None
    ended = r.ref(obj, ORG)
    who = r.subject(verb)
    closer = r.ref(verb.head, ORG_PERSON) if verb.dep_ == "relcl" and (
        who is None or who.lower_ in ("which", "that", "who")) else r.ref(who, ORG_PERSON)
    if obj.lower_ == "it" and ended is not None and closer is not None and r.key(ended) == r.key(closer):
        ended = r.focus_before  # "bought by Polyvox, which closed it": not Polyvox itself
    return ended if ended is not None and (closer is None or r.key(ended) != r.key(closer)) else None


# Words that tell a banned body went on.
GOES_ON = frozenset({"underground", "exile", "clandestine", "clandestinely", "secretly", "continue",
                     "survive", "persist", "carry", "legalize", "legalise", "relegalize"})


@rule("banned", " ".join(sorted(BANNING_VERBS)))
def banned(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X was banned after the coup of 1933", "the junta outlawed X": a body an authority
    ends. Not a ban "from" something or "for" a time (a club banned from a league for two
    years goes on), nor a ban on an activity ("banned strikes")."""
    if verb.pos_ != "VERB" or r.preps(verb, "from", "for") or any(
            t.lemma_.lower() in GOES_ON for t in verb.sent):
        return  # "outlaws the party; it carries on underground and in exile": not its end
    if is_passive(verb):
        subject = r.ref(r.subject(verb), ORG)
    else:
        obj = dobj(verb)
        subject = r.ref(obj, ORG) if obj is not None else None
    if subject is not None:
        yield draft(r, verb, "dissolved", subject, negated=r.negated(verb), rule="orgline.banned.v1",
                    confidence=0.65)


@rule("went_defunct", "defunct")
def went_defunct(r: Reader, adj: Token) -> Iterator[Draft]:
    """ "X went defunct in 1946", "X became defunct": X ended then."""
    verb = adj.head
    if adj.dep_ != "acomp" or verb.lemma_.lower() not in ("go", "become", "be") or r.negated(verb):
        return
    subject = r.ref(r.subject(verb), ORG)
    if subject is not None:
        ending = draft(r, verb, "dissolved", subject, rule="orgline.went_defunct.v1", confidence=0.7)
        if verb.lemma_.lower() != "be" or ending.date is not None:  # "X is defunct": undated, no event
            yield ending


@rule("existed_until", "exist")
def existed_until(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X existed until 1946", "X existed from 1901 to 1946": the years it began and ended
    ("has existed since 1901" is a beginning, read by :func:`began`)."""
    subject = r.ref(r.subject(verb), ORG)
    if subject is None or r.negated(verb):
        return
    words = {t.i for p in r.preps(verb, "until", "till", "to", "from") for t in p.subtree}
    for date in (d for d in r.dates if words & set(range(d.start, d.end)) and d._.edtf):
        start, _, end = date._.edtf.partition("/")
        if start and start != ".." and end:  # "from 1901 to 1946"
            yield draft(r, verb, "founded", subject, date=start, rule="orgline.existed_until.v1",
                        confidence=0.65)
        if end and end != "..":
            yield draft(r, verb, "dissolved", subject, date=end, rule="orgline.existed_until.v1",
                        confidence=0.65)


@rule("bracketed_span", "(")
def bracketed_span(r: Reader, paren: Token) -> Iterator[Draft]:
    """ "The Harbour Rowing Club (1901–1946) was ...": years in brackets right after a body's
    name are when it existed (after a person's they are a life, and are not read here)."""
    before = r.mention(r.doc[paren.i - 1]) if paren.i > 0 else None
    if before is None or before.label_ != EntityKind.ORG.value or before.end != paren.i:
        return
    if not any(t.lower_ in ORG_HEADS for t in before):
        return  # a name plainly a body's: "Oxford (2009-2014)" in a list of posts is a tenure,
        # "Ole Sandvik (1898-1977)" a life the model took for a body's
    span = next((d for d in r.dates if d.start == paren.i + 1 and d._.edtf), None)
    if span is None or span.end >= len(r.doc) or r.doc[span.end].text != ")":
        return
    start, _, end = span._.edtf.partition("/")
    if not (len(start) == 4 and start.isdigit() and len(end) == 4 and end.isdigit()):
        return
    body = r.ref_of_span(before)
    yield draft(r, paren, "founded", body, date=start, rule="orgline.bracketed_span.v1", confidence=0.6)
    yield draft(r, paren, "dissolved", body, date=end, rule="orgline.bracketed_span.v1", confidence=0.6)


@rule("active_span", " ".join(sorted(ACTIVE_ADJECTIVES)))
def active_span(r: Reader, adj: Token) -> Iterator[Draft]:
    """ "X was a unit of Y, active from 1944 to 1958", "X was active from 1962 until 1971":
    a past span of existence told at once gives its founding and its end. A span with
    only a start ("active since 1990"), or in the present tense, ends nothing and is left."""
    if adj.pos_ != "ADJ":
        return
    if adj.dep_ == "acomp":
        if adj.head.lower_ != "was" and adj.head.lower_ != "were":
            return
        holder = r.ref(r.subject(adj.head), ORG)
    elif adj.dep_ in ("amod", "appos") and adj.i > adj.head.i:  # set off after the noun
        noun = adj.head
        if noun.dep_ == "pobj" and noun.head.head.dep_ in ("attr", "appos"):
            noun = noun.head.head  # "X was a unit of Y, active from ...": the unit, not Y
        if noun.dep_ in ("attr", "appos"):
            holder = r.described(noun)
        elif noun.dep_ in ("nsubj", "nsubjpass"):
            holder = r.ref(noun, ORG)
        else:
            return
    else:
        return
    clause = adj.head if adj.dep_ == "acomp" else adj  # "was active (in P) from A to B"
    last = max(clause.right_edge.i, adj.head.right_edge.i if adj.dep_ != "acomp" else 0)
    words = range(adj.i + 1, last + 1)  # "a body active in England between 1908 and 1955"
    span = next((d for d in r.dates if d.start in words and d._.edtf and "/" in d._.edtf
                 and d[0].lower_ in ("from", "between")), None)
    if holder is None or span is None or r.negated(adj.head):
        return
    yield from _lifespan(r, adj, holder, span._.edtf, "orgline.active_span.v1")


def _lifespan(r: Reader, tok: Token, holder: Ref, edtf: str, rule_name: str) -> Iterator[Draft]:
    """A span of existence told at once ("1935/1949"): the founding and the end, when both
    ends are known."""
    start, _, end = edtf.partition("/")
    if not start or not end or ".." in (start, end):
        return
    yield draft(r, tok, "founded", holder, date=start, rule=rule_name, confidence=0.6)
    yield draft(r, tok, "dissolved", holder, date=end, rule=rule_name, confidence=0.6)


@rule("transferred_engagements", "transfer")
def transferred_engagements(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "In 1951 it transferred its engagements to the X Union": a British union's, building
    society's or friendly society's way of merging into another."""
    obj = dobj(verb)
    if verb.pos_ != "VERB" or obj is None or obj.lemma_.lower() not in ("engagement", "engagements"):
        return
    subject = r.ref(r.subject(verb), ORG)
    into = next(others(r, verb, subject, "to"), None)
    if subject is not None and into is not None:
        yield draft(r, verb, "merged", subject, object=into, negated=r.negated(verb),
                    rule="orgline.transferred_engagements.v1", confidence=0.75)


# What a body was for a while, not for its whole life: "a governing party from 1935 to 1949".
STANDING_WORDS = frozenset({"ruling", "governing", "leading", "main", "dominant", "major", "minor",
                            "opposition", "coalition", "junior", "senior", "member", "partner",
                            "subsidiary", "private", "public", "listed", "state-owned", "client"})


@rule("described_span", " ".join(sorted(TYPING_ORG_NOUNS)))
def described_span(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "X was a political party in New Zealand from 1935 to 1949", "X was a bank between
    1850 and 1902": what a body was, for a span of years, is when it existed. Past tense
    only ("X is a party in P since 1990" ends nothing), and the span on the predicate or
    on the copula, not inside another phrase ("a party that ruled from 1935 to 1949")."""
    if noun.pos_ != "NOUN" or noun.dep_ != "attr" or noun.head.lower_ not in ("was", "were") \
            or r.negated(noun.head):
        return
    if not any(c.lower_ in ("a", "an") for c in noun.children) or any(
            c.tag_ in ("JJS", "JJR") or c.lower_ in STANDING_WORDS for c in noun.children):
        return  # "the largest party from 1935 to 1949", "a governing party": a standing, not a life
    holder = r.ref(r.subject(noun.head), ORG)
    if holder is None:
        return
    heads = {noun.i, noun.head.i}
    span = next((d for d in r.dates if d.root.head.i in heads and d._.edtf and "/" in d._.edtf
                 and d[0].lower_ in ("from", "between") and d.start > noun.i), None)
    if span is not None:
        yield from _lifespan(r, noun, holder, span._.edtf, "orgline.described_span.v1")


@rule("merged", " ".join(sorted(UNITING_VERBS | {"join"})))
def merged(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "A and B merged to form C", "A merged with B (to form C)", "A was absorbed into B",
    "B absorbed A", "A was absorbed by B", "A united with B", "A joined with B to create C"
    (joining without a product is a membership: the joining rules read it)."""
    if verb.lemma_.lower() == "join" and not (r.preps(verb, "with") and any(
            _uniting_purpose(c) == verb for c in verb.children)):
        return
    subj_tok = r.subject(verb)
    group = r.pair(subj_tok) if subj_tok is not None else []  # "the three parties merged"
    first = r.ref(subj_tok, ORG) or (group[0] if group else None)
    if first is None:
        return
    if verb.lemma_.lower() == "absorb" and not is_passive(verb):
        absorbed = dobj(verb)
        taken = r.refs_in(absorbed, ORG) if absorbed is not None else None  # "A absorbed B": B into A
        if taken is not None and taken != first:
            yield draft(r, verb, "merged", taken, object=first, date=r.date_for(verb), negated=r.negated(verb),
                        rule="orgline.merged.v1", confidence=0.75)
        return
    taken = r.ref(dobj(verb), ORG) if dobj(verb) is not None and not is_passive(verb) else None
    into_of = r.preps(verb, "into")
    if taken is not None and taken != first and into_of:  # "A merged B into C", "which it merged into its own operations"
        target = next((x for x in (r.refs_in(p, ORG) for p in into_of) if x is not None), None)
        own = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for p in into_of for c in p.children)
        if target is None and own:
            target = first  # into its own business: the subject's
        if target is not None and r.key(target) != r.key(taken):
            yield draft(r, verb, "merged", taken, object=target, negated=r.negated(verb),
                        rule="orgline.merged.v1", confidence=0.7)
        return
    members = group or [first] + [x for x in (r.ref(c, ORG) for c in (subj_tok.conjuncts if subj_tok is not None else ())) if x]
    if len(members) == 1 and subj_tok is not None:
        members = _listed_before(r, subj_tok) + members
    partners = [x for x in (r.refs_in(p, ORG) for p in r.preps(verb, "with")) if x]
    back = [b for b in verb.children if b.lower_ == "back" and b.dep_ in ("advmod", "prt")]  # "merged back into"
    into = [x for x in (r.refs_in(p, ORG) for p in r.preps(verb, "into") + [
        p for b in back for p in r.preps(b, "into")]) if x] or ([x for x in (r.refs_in(p, ORG) for p in r.preps(verb, "by")) if x]
                      if verb.lemma_.lower() == "absorb" and is_passive(verb) else [])  # "B was absorbed by A"
    form = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj")
                 and c.lemma_.lower() in PRODUCT_VERBS), None) or next(
        (t for t in verb.sent if t.i > verb.i and _uniting_purpose(t) == verb), None)
    made = (dobj(form) or next((c for c in form.children if c.dep_ == "attr"), None)) if form is not None else None
    result = r.ref(made, ORG) if made is not None else None
    held = r.mention(made) if made is not None else None
    if result is None and held is not None and held.label_ == EntityKind.PERSON.value:
        result = Ref(held.start, held.end, EntityKind.ORG, held.text)  # what a merger creates is a body
    if result is None and made is not None and made.pos_ == "PROPN" and held is None:
        span = r.doc[made.left_edge.i:made.i + 1]  # "to create IL Nordvik", a name NER missed
        if span[0].lower_ == "the":
            span = span[1:]
        if len(span) and span[0].text[:1].isupper() and not any(t.i in r.dated for t in span):
            result = Ref(span.start, span.end, EntityKind.ORG, span.text)
    if result is None and not into and r.created_here is not None and r.created_here not in members:
        result = r.created_here  # "The alliance came into being when A united with B"
    target = result or (into[0] if into else None)
    if target is None and not partners and len(members) == 2:
        partners = members[1:]  # "A and B merged in 1968": one claim for the pair, A with B
        members = members[:1]
    if target is None and not partners:
        return
    date = r.date_for(verb)
    for member in members + (partners if result is not None else []):
        obj = target or partners[0]
        if member != obj:
            yield draft(r, verb, "merged", member, object=obj, result=result, date=date,
                        negated=r.negated(verb), rule="orgline.merged.v1", confidence=0.8)
    if result is not None:
        r.merged_here = result
    if result is not None and result != r.created_here:
        r.last_created = r.created_here = result
        yield draft(r, verb, "founded", result, date=date, rule="orgline.merged_to_form.v1",
                    confidence=0.8)
