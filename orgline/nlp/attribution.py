"""Who says so: ``according_to``, denials and hedges on the drafts of one sentence.

Three ways a text attributes a statement, each a named rule:

- ``according_to``: "According to X, ..." (X the organization or person in the phrase,
  else the work);
- ``reporting_verb``: "X states / maintains / denies that ..." (a denial flips ``negated``);
- ``quoted``: a quotation opened after either of those carries the attribution to every
  sentence inside it, up to the closing quote.

The document's own voice stays unattributed. Hedges ("reportedly", "allegedly") mark a
claim as ``claimed``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import EntityKind, Hedging
from .draft import Draft, Ref
from .lexicon import HEDGES, REPORTING_VERBS
from .reader import Reader

SPEAKERS = (EntityKind.ORG, EntityKind.PERSON)


def quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges between double quotes (straight or curly)."""
    regions = []
    for m in re.finditer(r"[\"“]([^\"“”]*)[\"”]", doc.text):
        regions.append((m.start(1), m.end(1)))
    return regions


def _according_to(r: Reader, sent: Span, before: int | None = None) -> Ref | None:
    for tok in sent:
        if before is not None and tok.i >= before:
            break
        if tok.lower_ == "according" and tok.i + 1 < len(r.doc) and r.doc[tok.i + 1].lower_ == "to":
            prep = r.doc[tok.i + 1]
            for pobj in [c for c in prep.children if c.dep_ == "pobj"]:
                found = r.refs_in(pobj, SPEAKERS) or r.refs_in(pobj, (EntityKind.WORK,))
                if found is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in pobj.children):
                    # "According to its own history, X was founded in 1421": the body named next
                    after = next((m for m in r.mentions_within(pobj.i + 1, sent.end)
                                  if m.label_ == EntityKind.ORG.value), None)
                    found = r.ref_of_span(after) if after is not None else None
                return found
    return None


def _first_person(r: Reader, trigger: Token) -> bool:
    subject = r.subject(trigger) if trigger.pos_ in ("VERB", "AUX") else r.subject(trigger.head)
    return subject is not None and subject.lower_ in ("we", "us", "i")


def _reporter(r: Reader, tok: Token) -> tuple[Ref, bool] | None:
    """The speaker of the reporting verb governing ``tok``, and whether it is a denial."""
    t = tok
    while t.head.i != t.i:
        child, t = t, t.head
        if child.dep_ == "appos":
            return None  # "X, an umbrella body launched in 2019": the narrator describes X
        before = child.i < t.i and any(w.text == ";" for w in r.doc[child.right_edge.i:t.i])
        if t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB" and not before and (child.dep_ in (
                "ccomp", "xcomp", "dobj", "advcl", "parataxis", "conj") and child.i > t.i
                or child.dep_ in ("ccomp", "parataxis")):  # "..., he told interviewers"
            speaker = r.ref(r.subject(t), SPEAKERS)
            if speaker is not None:
                return speaker, t.lemma_.lower() == "deny"
    return None


def _quote_speaker(r: Reader, region: tuple[int, int]) -> Ref | None:
    start_tok = r.doc.char_span(region[0], region[0] + 1, alignment_mode="expand")
    if start_tok is None or len(start_tok) == 0:  # the quote opens on whitespace
        return None
    sent = start_tok[0].sent
    found = _according_to(r, sent, before=start_tok.start)
    if found is not None:
        return found
    for tok in reversed(sent[: start_tok.start - sent.start]):
        if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ == "VERB":
            return r.ref(r.subject(tok), SPEAKERS) or (
                r.ref(tok.head, SPEAKERS) if tok.dep_ == "appos" else None)
        if tok.dep_ == "appos" and tok.lemma_.lower() in REPORTING_VERBS:  # "The league states, "...""
            return r.ref(next((c for c in tok.children if c.dep_ == "compound"), None), SPEAKERS)
    return None


def _own_account(trigger: Token) -> bool:
    """ "According to X, it was founded in 1421, but historians date it to the 1480s": a
    clause joined by "but" or "while" with a subject of its own is another's account."""
    clause = trigger
    while clause.dep_ not in ("conj", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and any(
        c.lower_ in ("but", "while", "whereas", "although", "though") for c in clause.head.children
        if c.dep_ in ("cc", "mark") and c.i < clause.i)


class Attributor:
    def __init__(self, r: Reader) -> None:
        self.r = r
        self.quotes = [(reg, _quote_speaker(r, reg)) for reg in quote_regions(r.doc)
                       if reg[1] - reg[0] > 40]

    def apply(self, sent: Span, drafts: list[Draft]) -> None:
        hedged = any(t.lower_ in HEDGES for t in sent)
        phrase = _according_to(self.r, sent)
        for d in drafts:
            if hedged:
                d.hedging = Hedging.CLAIMED
            if d.according_to is not None:
                continue
            trigger = self.r.doc[d.trigger]
            reported = _reporter(self.r, trigger)
            if reported is not None:
                d.according_to, denial = reported
                d.negated = d.negated != denial
            elif phrase is not None and not _own_account(trigger):
                d.according_to = phrase
            else:
                d.according_to = self._quoted(trigger.idx)
            if d.according_to is None and d.negated and _first_person(self.r, trigger):
                d.according_to = d.subject  # "We have never been affiliated with X": its own word

    def _quoted(self, char: int) -> Ref | None:
        for (start, end), speaker in self.quotes:
            if start <= char < end and speaker is not None:
                return speaker
        return None
