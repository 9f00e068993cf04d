"""Events told as nouns: "until its dissolution in 1997", "the 1998 merger of A and B",
"after its merger with X in January 1991". The noun's own date ("in 1997", "1998") dates
the claim; without one, the clause's date does."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...model import EntityKind
from ..draft import Draft, Ref
from ..reader import Reader
from ..lexicon import COMING_NOUNS, ENDING_NOUNS, UNITING_NOUNS
from . import ORG, draft, others, rule
from .founding import predicate_holder


def _own_date(r: Reader, noun: Token) -> str | None:
    inside = [d for d in r.dates if noun.left_edge.i <= d.start and d.end <= noun.right_edge.i + 1
              and not (d._.timex and d._.timex.lifespan)]
    if not inside and noun.dep_ in ("nsubj", "nsubjpass"):
        # "The founding of X in 1896 followed a petition": the parser hangs the date on the verb
        inside = [d for d in r.dates if d.start - (r.doc[d.start - 1].lower_ in ("in", "on")) == noun.right_edge.i + 1]
    return inside[0]._.edtf if inside else None


def _owner(r: Reader, noun: Token) -> Ref | None:
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return r.ref(poss, ORG)
    return next(others(r, noun, None, "of"), None)


@rule("establishment", " ".join(sorted(COMING_NOUNS)))
def establishment(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "since its inception in 1985", "the establishment of X in 1911", "its founding in
    1890": a founding told as a noun, read only with a date of its own ("the X Foundation"
    is a name, and "its foundation" without a date says nothing to date)."""
    if noun.pos_ != "NOUN":
        return
    date = _own_date(r, noun)
    owner = _owner(r, noun)
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and poss is not None and poss.pos_ == "PRON":
        # "its inception" may be a show's or an award's: read it only where the clause's
        # own subject names that body ("X has trained nurses since its inception in 1985")
        verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
        named = r.ref(r.subject(verb), ORG) if verb is not None else None
        if named is None or named.via not in ("mention", "coref") or r.key(named) != r.key(owner):
            return
    if owner is not None and date is not None:
        yield draft(r, noun, "founded", owner, date=date, negated=r.negated(noun.head),
                    rule="orgline.establishment.v1", confidence=0.65)


@rule("dissolution", " ".join(sorted(ENDING_NOUNS)))
def dissolution(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "until its dissolution in 1997", "the disbandment of X in 1950"."""
    if noun.pos_ != "NOUN":
        return
    owner = _owner(r, noun)
    if owner is not None:
        yield draft(r, noun, "dissolved", owner, date=_own_date(r, noun) or r.date_for(noun),
                    rule="orgline.dissolution.v1", confidence=0.7)


PRODUCT_VERBS = frozenset("form create found establish constitute result emerge".split())


def _product(r: Reader, noun: Token) -> Ref | None:
    """The body a merger made: "C was formed by / through / from the merger of A and B",
    "C, created through the amalgamation of A and B", "C resulted from the merger"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("by", "through", "from", "in", "out", "via"):
        return None
    verb = prep.head
    if verb.lemma_.lower() not in PRODUCT_VERBS:
        return None
    return r.ref(r.subject(verb), ORG) or predicate_holder(r, verb)


def _of_after_its_date(r: Reader, noun: Token, first: Ref | None) -> list[Ref]:
    """ "the merger on April 1, 2003 of A and B": the parser hangs "of A and B" on the
    date that stands between; the bodies are still the merger's."""
    for t in r.doc[noun.i + 1:min(noun.i + 10, noun.sent.end)]:
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":"):
            return []
        if t.lower_ == "of" and t.dep_ == "prep" and t.head.ent_type_ == "DATE" and t.head.i > noun.i:
            named = [r.ref_of_span(m) for m in r.mentions_within(t.i + 1, t.right_edge.i + 1)
                     if m.label_ == EntityKind.ORG.value]
            return [x for x in named if x != first]
    return []


@rule("merger", " ".join(sorted(UNITING_NOUNS)))
def merger(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "the 1998 merger of A and B", "after its merger with X in January 1991"."""
    if noun.pos_ != "NOUN":
        return
    date = _own_date(r, noun) or r.date_for(noun)
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    first = r.ref(poss, ORG) if poss is not None else None
    members = [first] if first is not None else []
    members += [x for x in others(r, noun, first, "of") if x not in members]
    if len(members) < 2:
        members += [x for x in _of_after_its_date(r, noun, first) if x not in members]
    members += [x for x in (r.ref(c, ORG) for c in noun.conjuncts) if x and x not in members]
    partners = [x for x in others(r, noun, first, "with") if x not in members]
    into = next(others(r, noun, None, "into"), None)
    result = _product(r, noun)
    if result is not None:  # "C was formed by the merger of A and B": A->C and B->C
        for member in members + partners:
            if member != result:
                yield draft(r, noun, "merged", member, object=result, result=result, date=date,
                            rule="orgline.merger_product.v1", confidence=0.7)
        return
    if first is not None and partners:
        yield draft(r, noun, "merged", first, object=into or partners[0], date=date,
                    rule="orgline.merger_noun.v1", confidence=0.65)
    elif len(members) == 2:
        yield draft(r, noun, "merged", members[0], object=into or members[1], date=date,
                    rule="orgline.merger_noun.v1", confidence=0.6)
