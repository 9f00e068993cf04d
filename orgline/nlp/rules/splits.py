"""Rules for breakaways: an organization that split from another (`split_from`).

A split is told three ways: the new body breaks away itself ("X broke away from Y"); people
leave one body and found another ("members who left Y formed X", "a group broke away and
set up X", "X was formed by members expelled from Y"); or the new body is described by
what it split from ("X, a splinter group of Y").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...model import EntityKind
from ..draft import Draft, Ref
from ..lexicon import ORG_ANAPHORS, PART_NOUNS
from ..reader import Reader
from . import ORG, draft, dobj, is_passive, others, rule

DEPARTING = frozenset({"leave", "quit", "break", "split", "defect", "secede", "walk", "expel",
                       "splinter"})
FOUNDING = frozenset({"form", "found", "establish", "create", "launch", "set", "start", "organize",
                      "organise"})
OFFSHOOT_NOUNS = frozenset({"splinter", "offshoot", "breakaway", "spin", "spinoff", "spin-off",
                            "faction"})


def departed_from(r: Reader, verb: Token, new: Ref | None = None) -> Ref | None:
    """The body left by the people who found something at ``verb``: "members who left Y
    formed", "broke away (from Y) and set up", "left Y to form", "members expelled from Y";
    the organization in focus when the text names none ("delegates break away and set up")."""
    steps = [verb.head] if verb.dep_ in ("conj", "xcomp", "advcl") else []
    subj = r.subject(verb)
    if subj is not None:
        steps += [c for c in subj.children if c.dep_ in ("relcl", "acl")]
    if subj is not None and subj.lower_ == "they":  # "its branches seceded in 1926; they set up X"
        steps += [t for t in verb.sent if t.i < verb.i and t.pos_ == "VERB" and t.lemma_.lower() in DEPARTING][-1:]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    agents += [o for p in agents if p.lemma_.lower() in QUANTIFIERS for o in r.preps(p, "of")]  # "a group of members who"
    steps += [c for p in agents for c in p.children if c.dep_ in ("acl", "relcl")]  # "formed by members
    # expelled from Y", "set up by students who had left Y"
    people = _dissenters(r, subj, verb)
    if people is not None and people != new:
        return people
    if subj is not None and subj.lemma_.lower() in SIDES:
        divided = _divided_before(r, verb)  # "the front split over X; the minority founded Y"
        if divided is not None and divided != new:
            return divided
    for step in steps:
        if step.lemma_.lower() not in DEPARTING:
            continue
        broke_with = step.lemma_.lower() == "break" and r.preps(step, "with")  # "radicals who broke
        # with its leadership set up X": they broke with the body whose leadership it was
        if step.lemma_.lower() in ("break", "split", "walk") and not any(
                c.lower_ in ("away", "off", "out") for c in step.children) and not r.preps(step, "from") \
                and not broke_with:
            continue
        obj = dobj(step)
        left = r.ref(obj, ORG) if obj is not None and step.lemma_.lower() in ("leave", "quit") else None
        left = left or next(others(r, step, new, "from", "of", *(("with",) if broke_with else ())), None)
        if left is None and broke_with:
            left = next((r.ref(c, ORG) for p in r.preps(step, "with") for c in p.children if c.dep_ == "poss"), None)
        if left is None:  # "the Welsh branches of X seceded", "its branches seceded"
            who = r.subject(step)
            left = next((x for x in [r.refs_in(p, ORG) for p in r.preps(who, "of")] + [
                r.ref(c, ORG) for c in who.children if c.dep_ == "poss"] if x is not None), None) \
                if who is not None and who.lemma_.lower() in MEMBER_PARTS else None
        if left is None and step.lemma_.lower() != "expel":
            left = r.focus_before
        if left is not None and left != new:
            return left
    return None


# The side of a divided body that leaves it: "the union split; the minority founded X".
SIDES = frozenset({"minority", "majority", "faction", "losers", "dissenters", "rest", "remainder"})


def _divided_before(r: Reader, verb: Token) -> Ref | None:
    """The body a split (verb or noun) earlier in the sentence divided: its subject, or the
    noun run into it ("the front split", misparsed as "front" modifying "split")."""
    for tok in (t for t in verb.sent if t.i < verb.i and t.lemma_.lower() in ("split", "divide")):
        who = r.subject(tok) if tok.pos_ == "VERB" else None
        who = who or next((c for c in tok.children if c.dep_ in ("amod", "compound", "poss")), None)
        body = r.ref(who, ORG) if who is not None else None
        if body is None and who is not None and who.lemma_.lower() in ORG_ANAPHORS:
            body = r.focus_before  # "the front" the parser read as an adjective
        if body is not None:
            return body
    return None


# The parts of a body that leave it: "the Welsh branches of X seceded".
MEMBER_PARTS = frozenset({"branch", "member", "section", "chapter", "lodge", "wing", "faction", "group",
                          "delegate", "congregation", "parish", "local", "affiliate", "minority"})
# People who are by definition a body's dissenters, or no longer in it.
DISSENTERS = frozenset({"dissident", "defector", "rebel", "breakaway", "renegade", "dissenter"})
QUANTIFIERS = frozenset({"many", "some", "several", "most", "group", "number", "few", "handful"})


def _dissenters(r: Reader, subj: Token | None, verb: Token) -> Ref | None:
    """ "founded by dissidents from Y", "many of its former members founded X": founders
    who are a body's dissidents or former members split from it."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    for noun in ([subj] if subj is not None else []) + agents:
        if noun.lemma_.lower() in QUANTIFIERS:
            noun = next(iter(r.preps(noun, "of")), noun)
        lemma = noun.lemma_.lower()
        former = any(c.lower_ in ("former", "ex", "ex-") for c in noun.children)
        if lemma not in DISSENTERS and not (lemma == "member" and former):
            continue
        body = next((o for p in r.preps(noun, "from", "of") if (o := r.refs_in(p, ORG)) is not None), None)
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if body is None and poss is None and lemma in DISSENTERS:
            return _in_view(r, noun)  # "the dissidents ... founded X": dissidents of the body in view
        return body or (r.ref(poss, ORG) if poss is not None else None)
    return None


def _in_view(r: Reader, tok: Token) -> Ref | None:
    """The body named last before ``tok`` in its sentence, else the one in focus."""
    before = [m for m in r.mentions if tok.sent.start <= m.start and m.end <= tok.i
              and m.label_ == "org"]
    return r.ref_of_span(before[-1], via="coref") if before else r.focus_before


@rule("split_away", "break split secede defect splinter separate")
def split_away(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X broke away from Y", "X split (off) from Y", "X seceded from Y"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return
    lemma = verb.lemma_.lower()
    if lemma in ("break", "split") and not any(c.lower_ in ("away", "off") for c in verb.children) \
            and not (lemma == "split" and r.preps(verb, "from")):
        return
    subject = r.ref(r.subject(verb), ORG)
    if subject is None:
        return
    for parent in others(r, verb, subject, "from"):
        yield draft(r, verb, "split_from", subject, object=parent, negated=r.negated(verb),
                    rule="orgline.split_away.v1", confidence=0.8)


@rule("offshoot", "splinter offshoot breakaway spin spinoff faction")
def offshoot(r: Reader, tok: Token) -> Iterator[Draft]:
    """ "X, a splinter group of Y,", "X was an offshoot of Y", "A breakaway from Y, X, ..."."""
    noun = tok if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod") else tok.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return
    # "A splinter group of Y, X, was set up": the parser may hang X on Y
    new = r.described(noun, also=[c for p in r.preps(noun, "of") for c in p.children if c.dep_ == "appos"])
    if new is None:
        return
    for parent in others(r, noun, new, "of", "from"):
        yield draft(r, tok, "split_from", new, object=parent, rule="orgline.offshoot.v1",
                    confidence=0.75)
        return


@rule("spun_off", "spin")
def spun_off(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X spun off its division as Y", "the business was spun off as Y": Y is founded then,
    split from X (or from the body in focus)."""
    if not any(c.lower_ in ("off", "out") for c in verb.children):
        return
    if is_passive(verb) and not any(r.refs_in(p, ORG) for p in r.preps(verb, "as")):
        yield from _spun_out_of(r, verb)  # "X was spun out of Y (as an independent firm)"
        return
    obj = dobj(verb)
    under = r.preps(verb, "as") + (r.preps(obj, "as") if obj is not None else [])
    new = next((r.refs_in(p, ORG) for p in under if r.refs_in(p, ORG)), None)
    if new is None:
        return
    parent = r.ref(r.subject(verb), ORG) if not is_passive(verb) else r.focus_before
    yield draft(r, verb, "founded", new, rule="orgline.spun_off.v1", confidence=0.7)
    if parent is not None and parent != new:
        yield draft(r, verb, "split_from", new, object=parent, rule="orgline.spun_off.v1",
                    confidence=0.65)


def _spun_out_of(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X was spun out of Y (as an independent listed firm) in 1999", "X was spun off from
    Y": X split from Y; made a firm of its own ("as an independent ..."), it is founded then."""
    child = r.ref(r.subject(verb), ORG)
    if child is None:
        return
    pobjs = [g for p in verb.children if p.lower_ in ("off", "out") for pp in p.children
             if pp.dep_ == "prep" and pp.lower_ in ("of", "from") for g in pp.children if g.dep_ == "pobj"]
    pobjs += r.preps(verb, "from", "of")
    parent = next((x for x in (r.refs_in(p, ORG) for p in pobjs) if x is not None and x != child), None)
    if parent is not None:
        yield draft(r, verb, "split_from", child, object=parent, negated=r.negated(verb),
                    rule="orgline.spun_out_of.v1", confidence=0.7)
    if any(c.lower_ in ("independent", "separate") for a in r.preps(verb, "as") for c in a.children):
        yield draft(r, verb, "founded", child, negated=r.negated(verb),
                    rule="orgline.spun_out_of.v1", confidence=0.6)


INDEPENDENT = frozenset({"independent", "separate", "autonomous", "self-governing"})
PARTING = frozenset({"separate", "break", "split", "secede", "detach"})


@rule("became_independent", "become")
def became_independent(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "the Ontario branch of the X became an independent union, the Y", "houses that
    separated in 1904 to become an independent congregation, the Y": Y comes into being
    then, split from the body its branch belonged to. Without a word of parting ("X became
    the Y") it is a rename, read by the naming rules."""
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    if attr is None and any(c.dep_ == "acomp" and c.lower_ in INDEPENDENT for c in verb.children):
        became = next((x for x in (r.mention_ref(p) for p in r.preps(verb, "as")) if x is not None), None)
        if became is not None and not r.negated(verb):  # "became independent as X"
            yield from _independent(r, verb, became)
        return
    if attr is None or r.negated(verb) or not (any(c.lower_ in INDEPENDENT for c in attr.children) or (
            verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.lemma_.lower() in PARTING)):
        return
    named = r.mention(attr)
    if named is None:  # the name after the noun's comma, however the parser hung it
        named = next((m for m in r.mentions if attr.i < m.start <= attr.i + 3
                      and r.doc[m.start - 1].text in (",", "the")), None)
    if named is None or named.label_ != "org":
        return
    yield from _independent(r, verb, r.ref_of_span(named))


def _independent(r: Reader, verb: Token, new: Ref) -> Iterator[Draft]:
    """The body a branch became on its own: founded then, split from what the branch was of
    ("the branch of Y", "Y's branch"), or from the body in focus ("the football section")."""
    if new.kind != EntityKind.ORG:
        return
    founding = draft(r, verb, "founded", new, rule="orgline.became_independent.v1", confidence=0.65)
    yield founding
    branch = r.subject(verb)
    parent = next(others(r, branch, new, "of"), None) if branch is not None and branch.pos_ == "NOUN" else None
    if parent is None and branch is not None and branch.pos_ == "NOUN":  # "the commission's research branch"
        parent = next((x for x in (r.ref(c, ORG) for c in branch.children if c.dep_ == "poss") if x is not None), None)
    if parent is None and branch is not None and branch.lemma_.lower() in PART_NOUNS and r.mention(branch) is None \
            and any(c.lower_ == "the" for c in branch.children):
        parent = r.focus_before  # "The football section became independent in 1952 as X"
    if parent is not None and r.key(parent) == r.key(new):
        parent = None
    if parent is not None:
        yield founding.but(type="split_from", object=parent, rule="orgline.became_independent.v1")
