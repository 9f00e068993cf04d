"""Claim rules: each small, named, versioned, and tested by the sentences it exists for.

A rule is a function ``(reader, trigger token) -> drafts`` registered with the lemmas that
trigger it. It reads the parse around its trigger (subject, objects of prepositions,
appositions), so that "X was founded in 1983", "founded in 1983, X ..." and "the group
was founded" all reach the same claim; the date, negation and attribution are added by
the shared helpers in :mod:`.reader` and :mod:`.attribution`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from ...model import EntityKind
from ..draft import Draft, Ref
from ..reader import Reader

ORG = (EntityKind.ORG,)
ORG_PERSON = (EntityKind.ORG, EntityKind.PERSON)
PLACE = (EntityKind.PLACE,)
PLACE_ORG = (EntityKind.PLACE, EntityKind.ORG)

# What happens at a moment; a report's present tense dates these ("now form C").
EVENTS = frozenset({"founded", "dissolved", "merged", "split_from", "named", "broke_with"})

Rule = Callable[[Reader, Token], Iterator[Draft]]
RULES: dict[str, tuple[frozenset[str], Rule]] = {}


def rule(name: str, lemmas: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES[f"orgline.{name}.v1"] = (frozenset(lemmas.split()), fn)
        return fn
    return register


def draft(r: Reader, trigger: Token, type_: str, subject: Ref, about: tuple[Ref, ...] = (),
          **kw: object) -> Draft:
    """A claim of ``type_`` triggered at ``trigger``, dated by its clause; ``about`` adds the
    other names the claim concerns, whose own participle clauses may date it."""
    sent = trigger.sent
    base = Draft(type=type_, subject=subject, trigger=trigger.i,
                 evidence=(sent.start_char, sent.end_char), **kw)  # type: ignore[arg-type]
    if base.date is None and "date" not in kw:
        about = tuple(x for x in (subject, base.object, base.value_ref) if x is not None) + about
        base.date, end = r.dates_for(trigger, type_, about)
        base.end = base.end or end
        if base.date is None and type_ in EVENTS:
            base.date = r.reported_now(trigger)
    if subject.via == "coref":
        base.confidence -= 0.1
    return base


def others(r: Reader, tok: Token, subject: Ref | None, *preps: str) -> Iterator[Ref]:
    """The organizations governed by ``preps`` under ``tok``, other than the subject."""
    for pobj in r.preps(tok, *preps):
        other = r.refs_in(pobj, ORG)
        if other is not None and other != subject:
            yield other


def is_passive(verb: Token) -> bool:
    """ "was founded", and a bare participle ("the league, founded in 1921,") however the
    parser attached it."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children))


def dobj(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


# What says an act is intended, offered or possible, not done: "proposed acquiring X",
# "agreed to buy X", "may purchase X", "sought clearance to purchase X".
INTENDING = frozenset({"plan", "hope", "intend", "apply", "seek", "consider", "propose", "offer",
                       "agree", "try", "attempt", "bid", "want", "aim", "expect", "negotiate",
                       "discuss", "threaten", "decline", "refuse"})


def intended(tok: Token) -> bool:
    """ "will apply to join", "proposed acquiring X", "may purchase X": a plan, an offer or
    a possibility is not a membership nor an ownership."""
    t = tok
    for _ in range(3):
        if any(c.lower_ in ("will", "would", "may", "might", "could", "plan", "hope", "intend")
               for c in t.children) or t.lemma_.lower() in INTENDING:
            return True
        if t.head.i == t.i or t.dep_ in ("ccomp", "advcl", "relcl", "acl", "parataxis"):
            break  # "both agree that it joined X": a clause told as fact
        t = t.head
    return False


from . import founding, members, names, nominal, places, relations, splits, works  # noqa: E402,F401  (registers the rules)
