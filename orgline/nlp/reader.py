"""What every claim rule needs to read a sentence: which mention a token belongs to, who
"it" and "the group" are, which date belongs to a word, whether it is negated.

Coreference is salience-based, which is what DESIGN.md asks of the first slice: "the
group", "it", "its" refer to the organization the passage is about. Each organization
mention adds salience (more as a grammatical subject), salience decays sentence by
sentence, and the organization the document opens with keeps a small standing bonus.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..edtf import bounds
from ..model import CLAIM_TYPES, EntityKind, norm_name
from .dates import SPANS_KEY as DATES_KEY
from .draft import Ref
from .lexicon import (ORG_HEADS, ALSO_CALLED, AMBIGUOUS_ORG_NOUNS, NOT_ORG_NOUNS, ORG_ANAPHORS, ORG_NOUNS, ORG_PRONOUNS,
                      REPORTING_VERBS as REPORTING)
from .lines import ENTRY
from .mentions import SPANS_KEY as MENTIONS_KEY
from .pieces import PIECE_CHARACTERS

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
ENTRY_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
# "It was decided / intended / hoped / said ... to / that": an "it" that stands for no one.
EXPLETIVE_VERBS = frozenset({"decide", "intend", "plan", "propose", "hope", "expect", "believe",
                             "say", "report", "announce", "agree", "think", "feel",
                             "suggest", "claim", "argue", "estimate", "rumour", "rumor"})
COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
LATER = frozenset({"later", "subsequently", "afterwards", "afterward", "eventually", "thereafter", "since"})
ENTRY_MARKS = frozenset({"-", "\u2013", "\u2014", ":", "--"})
CLAUSE_DEPS = ("relcl", "ccomp", "advcl", "acl", "xcomp", "conj", "pcomp")
DECAY = 0.5
FIRST_PERSON = frozenset({"we", "our", "us", "ours", "ourselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
FOUNDING_VERBS = frozenset({"found", "establish", "form", "organize", "organise", "create",
                            "launch", "set", "start", "constitute", "incorporate"})
PUBLISHING_VERBS = frozenset({"publish", "issue", "print", "release", "write"})
TOPIC_BONUS = 0.6
# A body not named for some sixty sentences (a mention's salience halved sixty times) is
# out of focus for good in a long text (one read in pieces, see .pieces): each sentence
# weighs every body still in view, and keeping every body ever named made reading a book
# quadratic. A shorter text keeps them all, as it always did.
FORGOTTEN = 1e-18
# How salient a body named "X Party" (by any name it was given) must be, against the body
# in focus, to take "the party" from it when that one's names lack the word.
RIVAL_SHARE = 0.05
OLDER = frozenset({"old", "original", "first", "earlier", "older", "former", "pre-war", "prewar", "pre",
                   "historic", "defunct"})
# People who act for a body: "Delegates of the X voted to rename the party" is about X.
SPOKESPEOPLE = frozenset({"delegate", "member", "leader", "official", "representative", "officer",
                          "spokesperson", "spokesman", "spokeswoman", "president", "board"})


def _starts(spans: list[Span]) -> list[int] | None:
    """The spans' starts when they are in order (for :func:`_within`), else None."""
    starts = [s.start for s in spans]
    return starts if all(a <= b for a, b in zip(starts, starts[1:])) else None


def _within(spans: list[Span], starts: list[int] | None, lo: int, hi: int) -> list[Span]:
    """The spans lying inside tokens ``[lo, hi)``, in their order. Sentences ask this of
    the whole document's mentions and dates; a bisection keeps the cost to the sentence's
    own spans, where a scan made a long document's reading quadratic."""
    if starts is None:
        return [s for s in spans if s.start >= lo and s.end <= hi]
    return [s for s in spans[bisect_left(starts, lo):bisect_right(starts, hi)] if s.end <= hi]


class Reader:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[Span] = list(doc.spans[MENTIONS_KEY])
        self._mention_starts = _starts(self.mentions)
        self._by_token: dict[int, Span] = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                self._by_token[i] = m
        self.aliases: dict[str, str] = {}
        for short, long in doc._.orgline_aliases or []:
            self.aliases[norm_name(short.text)] = norm_name(long.text)
        self.dates: list[Span] = list(doc.spans[DATES_KEY])
        self._date_starts = _starts(self.dates)
        self.text = doc.text
        self.report_date = self._dateline()
        self.dated = {i for d in self.dates for i in range(d.start, d.end)}
        self.salience: dict[str, float] = {}
        self.forgets = len(doc) > 0 and doc[-1].idx + len(doc[-1].text_with_ws) > PIECE_CHARACTERS
        self.latest: dict[str, Ref] = {}
        self.topic: str | None = None
        self.last_created: Ref | None = None
        self.new_before: Ref | None = None  # a namesake body told of in the sentence before
        self.sentence_start_prev: int | None = None
        self.name_words: dict[str, list[str]] = {}
        self.described_as: dict[str, set[str]] = {}  # "X is a record label": X -> {"label"}
        self.described_kinds: dict[str, set[str]] = {}  # ... and its qualifiers: {"record"}
        self.led_by: dict[str, Ref] = {}  # person -> the body their followers founded  # words of the other names a body was given
        self.merged_here: Ref | None = None  # the result of a merger told in this sentence
        self.merged_before: Ref | None = None  # ... and in the sentence before
        self.created_here: Ref | None = None  # founded in the sentence being read
        self.sentence_subject: Ref | None = None
        self.focus_before: Ref | None = None
        self.thing_before = False  # the sentence before told of a place or a work as its subject
        self.entry_verbs = self._entry_verbs()
        # what a rule learns once about the whole document (which bodies it calls a band):
        # asked again per claim, a scan of every mention made a long document quadratic
        self.memo: dict[str, Any] = {}

    # ---- mentions and references ------------------------------------------------------

    def _entry_verbs(self) -> set[int]:
        """ "1951 - Dissolved.", "1923: Renamed the X": a chronology's dated line whose verb
        has no subject tells of the body in focus; the verb stands for its subject."""
        out: set[int] = set()
        for sent in self.doc.sents:
            toks = [t for t in sent if not t.is_space]
            if len(toks) < 3 or not ENTRY_YEAR.fullmatch(toks[0].text) or toks[1].text not in ENTRY_MARKS:
                continue
            verb = toks[2]
            if verb.tag_ in ("VB", "VBD", "VBN", "VBZ") and verb.text[:1].isupper() and not any(
                    c.dep_ in SUBJECT_DEPS and c.i != toks[0].i for c in verb.children):
                out.add(verb.i)
        return out

    def mentions_within(self, lo: int, hi: int) -> list[Span]:
        """The mentions inside tokens ``[lo, hi)``, in document order."""
        return _within(self.mentions, self._mention_starts, lo, hi)

    def mention(self, tok: Token) -> Span | None:
        return self._by_token.get(tok.i)

    def key(self, ref: Ref) -> str:
        k = norm_name(ref.text)
        seen = {k}
        while k in self.aliases and self.aliases[k] not in seen:  # NYL -> Norland Youth League -> NSL
            k = self.aliases[k]
            seen.add(k)
        return k

    def _named_after_comma(self, tok: Token) -> Span | None:
        """ "set up a permanent body, the Dockside Renters Committee,": a name right after
        "a body," renames it, however the parser attached the name."""
        i = tok.i + 1
        if i + 1 >= len(self.doc) or self.doc[i].text != "," or any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        m = self.mention(self.doc[i + 1]) or (
            self.mention(self.doc[i + 2]) if i + 2 < len(self.doc) and self.doc[i + 1].lower_ == "the" else None)
        if m is None or m.label_ != EntityKind.ORG.value or m.root.head.i not in (tok.i, tok.head.i):
            return None
        return m

    def _last_person_before(self, i: int) -> Ref | None:
        """ "he", "she": the person last named as a subject before the pronoun (the one the
        text is telling about), else the person named last."""
        person = subject = None
        for m in self.mentions:
            if m.end > i:
                break
            if m.label_ == EntityKind.PERSON.value:
                person = m
                if m.root.dep_ in SUBJECT_DEPS or (m.root.dep_ == "appos" and m.root.head.dep_ in SUBJECT_DEPS):
                    subject = m
        chosen = subject or person
        return self.ref_of_span(chosen, via="coref") if chosen is not None else None

    def first_mention(self, toks: Iterable[Token]) -> Span | None:
        return next((m for m in map(self.mention, toks) if m is not None), None)

    def first_ref(self, toks: Iterable[Token], kinds: tuple[EntityKind, ...] = (EntityKind.ORG,)) -> Ref | None:
        return next((x for x in (self.ref(t, kinds) for t in toks) if x is not None), None)

    def described(self, noun: Token, also: Iterable[Token] = ()) -> Ref | None:
        """The organization a describing noun stands for: "X, a splinter group of Y" and
        "X was a splinter group" (X), "a splinter group, X," (X, or one of ``also``, where
        the parser hung the name elsewhere)."""
        if noun.dep_ == "appos":
            if noun.head.dep_ == "attr" and self.mention(noun.head) is None and not any(
                    c.dep_ == "prep" and c.i < noun.i for c in noun.head.children):
                # "X is a "network music" ensemble", misparsed; not "X is an album by the group Y"
                return self.described(noun.head)
            return self.ref(noun.head)
        if noun.dep_ == "attr":
            return self.ref(self.subject(noun.head))
        return self.first_ref([c for c in noun.children if c.dep_ == "appos"] + list(also))

    def _dateline(self) -> str | None:
        """ "BRUSSELS, 14 June 2019 - ...": the date a news report was filed."""
        first = self.dates[0] if self.dates else None
        if first is None or first.start > 4 or first.end >= len(self.doc) or \
                self.doc[first.end].text not in ("-", "\u2013", "\u2014", "--") or not first._.edtf:
            return None
        return first._.edtf if len(first._.edtf) == 10 else None

    def reported_now(self, trigger: Token) -> str | None:
        """The report's date for what a dated report tells in the present ("now form",
        "have merged"): an event it reports as news happened by then."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
        if self.report_date is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        present = verb.tag_ in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)
        return self.report_date if present else None

    def called(self, noun: Token) -> Ref | None:
        """ "a party they called X", "a group named X": the name a clause on the noun gives."""
        clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
        if noun.dep_ == "dobj":  # "set up a committee in 1967, which took the name X", the
            clauses += [c for c in noun.head.children if c.dep_ == "advcl" and c.i > noun.i  # clause
                        and any(w.lower_ == "which" and w.dep_ == "nsubj" for w in c.children)]  # misattached
        for clause in clauses:
            took = next((c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() == "name"), None)
            if took is not None and clause.lemma_.lower() in ("take", "adopt", "assume"):
                # "a coordination committee ..., which took the name X the following May"
                named = self.first_ref([c for c in took.subtree if c.i > took.i] + [
                    c for c in clause.children if c.i > took.i and c.dep_ in ("dobj", "oprd", "attr")])
                if named is not None:
                    return named
            if clause.lemma_.lower() in ("call", "name", "dub", "christen"):
                given = [c for c in clause.children if c.dep_ in ("oprd", "dobj", "attr", "xcomp")]
                named = self.first_ref(given)
                if named is not None:
                    return named
                for c in given:  # "a party they called Parti rural-Mouvement rural"
                    span = self.doc[c.left_edge.i:c.right_edge.i + 1]
                    if span[0].text[:1].isupper() and len(span) <= 8 and not any(t.i in self.dated for t in span):
                        return Ref(span.start, span.end, EntityKind.ORG, span.text, new=True,
                                   via="description")  # a name no mention holds: a body of its own
        return None

    def ref_of_span(self, span: Span, via: str = "mention") -> Ref:
        return Ref(span.start, span.end, EntityKind(span.label_), span.text, via=via)

    def mention_ref(self, tok: Token) -> Ref | None:
        """The mention a token is in, of whatever kind the model gave it: a name given as a
        name ("under the name Holmström Air") is the name, even where it was typed a place."""
        m = self.mention(tok)
        return self.ref_of_span(m) if m is not None else None

    def ref(self, tok: Token | None, kinds: tuple[EntityKind, ...] = (EntityKind.ORG,)) -> Ref | None:
        """The entity a token stands for: its mention, or for "it"/"the group" the
        organization in focus; for "X's members" the possessor X."""
        if tok is None:
            return None
        m = self.mention(tok)
        namesake = self._namesake(tok, m)
        if namesake is not None:
            return namesake if namesake.kind in kinds else None
        if m is not None:
            ref = self.ref_of_span(m)
            return ref if ref.kind in kinds else None
        if tok.i in self.entry_verbs:  # a chronology's subject-less line: the body in focus
            return self.focus(tok) if EntityKind.ORG in kinds else None
        if tok.lower_ in PERSON_PRONOUNS and EntityKind.PERSON in kinds:
            person = self._last_person_before(tok.i)
            if person is not None:
                return person
        named = self.first_mention(c for c in tok.children if c.dep_ == "appos")
        if named is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in ORG_ANAPHORS:
            # "the expelled faction, organized in the Harbour Youth League,": that body
            named = self.first_mention(p for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in (
                "organize", "organise", "constitute", "regroup", "reorganize", "reorganise")
                for prep in c.children if prep.dep_ == "prep" and prep.lower_ in ("in", "as", "into")
                for p in prep.children if p.dep_ == "pobj")
        if named is None and tok.dep_ == "appos" and tok.pos_ == "NOUN":
            named = self.mention(tok.head)  # "the Sisters of Saint Roch, a community founded in 1830"
        if named is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in ORG_ANAPHORS:
            named = self._named_after_comma(tok)
        if named is not None and (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text.islower()):
            # "a new party, the X,": X; "the city's bishop, A" (the model may tag a
            # lower-case title a proper noun)
            ref = self.ref_of_span(named)
            if ref.kind in kinds:
                return ref
            if tok.lemma_.lower() not in ORG_ANAPHORS:
                return None  # else a misparse: "the party, ..., publishes a weekly, W"
        if EntityKind.ORG not in kinds:
            return None
        if tok.dep_ == "attr" and tok.pos_ == "NOUN" and tok.lemma_.lower() in ORG_NOUNS and \
                tok.head.lemma_ == "be" and any(c.lower_ in ("a", "an") for c in tok.children):
            # "X is an independent label, started by Y in 1990": the label is X
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            held = self.mention(subj) if subj is not None else None
            if held is not None and held.label_ == EntityKind.ORG.value:
                return self.ref_of_span(held)
        low = tok.lower_
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in ORG_ANAPHORS and any(
                c.lower_ == "the" for c in tok.children) and not any(
                c.dep_ in ("compound", "amod", "prep") for c in tok.children):
            by_head = self._named_by_last_word(low)  # "the Ashby Quakers' Meeting ... the meeting"
            if by_head is not None:
                return by_head
        if tok.lemma_.lower() in ("member", "leader", "founder", "officer", "comrade") and tok.pos_ == "NOUN":
            poss = [c for c in tok.children if c.dep_ == "poss"]
            return self.ref(poss[0], kinds) if poss else None
        if low in ("it", "its") and tok.pos_ == "PRON" and self.thing_before and not any(
                m.label_ == EntityKind.ORG.value for m in self.mentions_within(tok.sent.start, tok.i)):
            return None  # "Tarvik is a small town. It was founded in 1850": the town
        if low == "it" and tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in EXPLETIVE_VERBS and any(
                c.dep_ in ("xcomp", "ccomp") for c in tok.head.children):
            return None  # "It was intended to dissolve ...", "it is said that ...": no one
        if low in ("they", "their", "them") and tok.pos_ == "PRON" and any(
                t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass", "dobj") and
                t.lemma_.lower() not in ORG_NOUNS | ORG_ANAPHORS for t in self.doc[tok.sent.start:tok.i]):
            return None  # "led several directors to resign; they established a bank": the people
        if low in ORG_PRONOUNS and tok.pos_ == "PRON":
            here = self.created_here  # "set up a new society under the old name; ... it was not"
            if here is not None and here.new and here.end <= tok.i:
                return here
            if self.new_before is not None:  # "A new group took the name X. Its founders ..."
                return self.new_before
            if here is not None and here.end <= tok.i and tok.dep_ in ("nsubj", "nsubjpass") and any(
                    t.text == ";" for t in self.doc[here.end:tok.i]):
                return here  # "... to form the Sisters of Quebec; it was dissolved in 1968"
            return self._relative_antecedent(tok) or self.focus(tok)
        if low in ("which", "who", "whom", "that") and tok.tag_ in ("WDT", "WP", "WP$"):
            clause = next((t for t in tok.ancestors if t.dep_ in ("relcl", "acl")), None)
            if clause is not None:  # "Young Roots, with which we work": the antecedent
                return self.ref(clause.head, kinds) or self.called(clause.head)
            if low == "which" and tok.head.dep_ == "advcl":  # "set up a committee, which took ..."
                obj = next((c for c in tok.head.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
                if obj is not None:
                    return self.ref(obj, kinds) or self.called(obj)
        if tok.lemma_.lower() in ORG_ANAPHORS and tok.pos_ == "NOUN":
            leader = next((c for c in tok.children if c.dep_ == "compound" and norm_name(c.text) in self.led_by), None)
            if leader is not None:  # "the Aldred group": the body Aldred's followers founded
                return self.led_by[norm_name(leader.text)]
        if tok.lemma_.lower() in ORG_ANAPHORS and tok.pos_ == "NOUN" and tok.tag_ != "NNS":
            named_by = self.first_mention(c for c in tok.children if c.dep_ == "compound")
            if named_by is not None and named_by.label_ == EntityKind.ORG.value:
                return self.ref_of_span(named_by)  # "the Hill Farmers party"
        if tok.lemma_.lower() in ORG_ANAPHORS and tok.tag_ == "NN":
            dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
            if "new" in {c.lower_ for c in tok.children} and self.last_created and "the" in dets:
                return self.last_created
            if self.last_created is not None and "the" in dets and \
                    self.last_created.text.split()[-1].lower() == tok.lower_:
                return self.last_created  # "set up the X Committee. The committee ..."
            merged = self.merged_here or self.merged_before
            if merged is not None and "the" in dets and not any(
                    c.dep_ in ("amod", "compound") for c in tok.children) and not self._rival_of_merged(merged, tok):
                return merged  # "... merged to form C. The party is based in ..." (not "the guild": another)
            named = any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in tok.children)
            if dets & {"the", "this", "that"} and not named and not any(
                    c.dep_ in ("prep", "relcl", "acl") and c.lower_ != "of" for c in tok.children):
                found = self.focus(tok)
                kind = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
                if found is not None and kind and not self._kind_fits(found, kind):
                    return None  # "the county council", "the route network": another thing
                return found
        return None

    def bore_before(self, ref: Ref) -> bool:
        """Whether an organization mention earlier in the text had this name."""
        return any(m.end <= ref.start and m.label_ == EntityKind.ORG.value
                   and self.key(self.ref_of_span(m)) == self.key(ref) for m in self.mentions)

    def _namesake(self, tok: Token, m: Span | None) -> Ref | None:
        """After a new body took an old body's name: "the new NYL" is the new one, "the old
        one" / "the original club" / "the pre-war body" the one that bore it first."""
        new = self.last_created
        if new is None or not new.new or tok.i < new.end:
            return None
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nummod")}
        if m is not None and self.key(self.ref_of_span(m)) != self.key(new):
            return None
        if mods & {"new", "present", "current", "revived", "modern"}:
            return new
        if not mods & OLDER or (m is None and tok.lemma_.lower() not in ORG_ANAPHORS | {"one"}):
            return None
        first = next((x for x in self.mentions if x.end <= new.start and x.label_ == EntityKind.ORG.value
                      and self.key(self.ref_of_span(x)) == self.key(new)), None)
        return self.ref_of_span(first, via="coref") if first is not None else None

    def focus(self, tok: Token) -> Ref | None:
        """The organization a pronoun or "the group" refers to; "we" and "our" are the
        organization whose own account the text is: the first one it names."""
        if tok.lower_ in FIRST_PERSON:
            first = next((m for m in self.mentions if m.label_ == EntityKind.ORG.value), None)
            return self.ref_of_span(first, via="coref") if first is not None else None
        subj = self.sentence_subject
        speaker = self._speaker(tok)
        if subj is not None and subj.end <= tok.i and subj.via == "mention" and self._fits(subj, tok) \
                and (speaker is None or self.key(speaker) != self.key(subj)):
            return Ref(subj.start, subj.end, subj.kind, subj.text, via="coref")
        best = self.focus_before
        if best is not None and speaker is not None and self.key(best) == self.key(speaker):
            others = [k for k in self.salience if k != self.key(speaker) and k in self.latest]
            best = self.latest[max(others, key=lambda k: self.salience[k])] if others else None
        if best is not None and not self._fits(best, tok):
            fitting = self._salient_fitting(tok, exclude=speaker)
            if fitting is not None or tok.lemma_.lower() in AMBIGUOUS_ORG_NOUNS:
                best = fitting  # "the station" is no body but one named or described so
        return Ref(best.start, best.end, best.kind, best.text, via="coref") if best else None

    def _named_by_last_word(self, word: str) -> Ref | None:
        """The text's main body when its name ends in ``word`` ("Meeting", "Players"): a text
        calls its subject by the last word of its name as it calls a party "the party"."""
        k = self.topic  # the body the text is about only: "the cup", "the games" name events as often
        if k is None or k not in self.latest or self.latest[k].text.lower().split()[-1:] != [word]:
            return None
        best = self.latest[k]
        return Ref(best.start, best.end, best.kind, best.text, via="coref")

    def _rival_of_merged(self, merged: Ref, tok: Token) -> bool:
        """ "A and B merged to form the X Union. The guild refused to join": the product's
        name ends in another word for a body than the anaphor's, and a body outside the
        merger's sentence bears the anaphor's word. "A League and B Party formed the C
        Alliance. The party ..." is still the product."""
        last = merged.text.split()[-1].lower() if merged.text.split() else ""
        if last not in ORG_HEADS or last in (tok.lemma_.lower(), tok.lower_):
            return False
        rival = self._salient_fitting(tok)
        if rival is None or merged.end > len(self.doc):
            return False
        told = self.doc[merged.start].sent
        party = {self.key(self.ref_of_span(m)) for m in self.mentions_within(told.start, told.end)}
        return self.key(rival) not in party

    def _kind_fits(self, ref: Ref, words: list[str]) -> bool:
        """Whether the nouns qualifying "the record label" are in the body's names or in what
        the text said it is."""
        known = set(ref.text.lower().split()) | set(self.name_words.get(self.key(ref), [])) | \
            self.described_kinds.get(self.key(ref), set())
        return all(w in known for w in words)

    def _speaker(self, tok: Token) -> Ref | None:
        """ "X maintains that the party was founded in 1920": a body that speaks of itself
        says "it" or "we"; "the party" in what X says is another body."""
        if tok.pos_ != "NOUN":
            return None
        clause = next((a for a in tok.ancestors if a.dep_ == "ccomp"), None)
        if clause is None or clause.head.lemma_.lower() not in REPORTING:
            return None
        subj = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        m = self.mention(subj) if subj is not None else None
        return self.ref_of_span(m) if m is not None and m.label_ == EntityKind.ORG.value else None

    def _fits(self, ref: Ref, tok: Token) -> bool:
        """ "the party" fits a name with "Party" in it, or any name when none in focus has
        the word: only a rival that bears the word speaks against a body that does not."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ORG_ANAPHORS:
            return True
        words = ref.text.lower().split() + self.name_words.get(self.key(ref), [])
        if tok.lemma_.lower() in words or tok.lemma_.lower() in self.described_as.get(self.key(ref), ()):
            return True  # "X is a record label ... the label"
        if tok.lemma_.lower() in AMBIGUOUS_ORG_NOUNS:
            return False  # "the station", "the paper": only a body named or described so
        # "the party" is hardly the Comintern, nor the X Union, while a party is in view
        return self._salient_fitting(tok, RIVAL_SHARE) is None

    def _salient_fitting(self, tok: Token, share: float = 0.0, exclude: Ref | None = None) -> Ref | None:
        """The most salient organization in focus whose name has the anaphor's noun."""
        word = tok.lemma_.lower()
        here = [m for m in self.mentions_within(tok.sent.start, tok.i)
                if m.label_ == EntityKind.ORG.value and word in m.text.lower().split()
                and (exclude is None or self.key(self.ref_of_span(m)) != self.key(exclude))]
        if here:  # "we took over the Tarvik Hostel Trust ...; the trust was dissolved"
            return self.ref_of_span(here[-1], via="coref")
        if not self.salience:
            return None
        top = max(self.salience.values())
        fitting = [k for k, v in self.salience.items() if v >= share * top and k in self.latest
                   and (word in self.latest[k].text.lower().split() + self.name_words.get(k, [])
                        or (word in AMBIGUOUS_ORG_NOUNS or k == self.topic)
                        and word in self.described_as.get(k, ()))]  # the text's subject "is a congregation"
        if not fitting:
            return None
        return self.latest[max(fitting, key=lambda k: self.salience[k] + (TOPIC_BONUS if k == self.topic else 0))]

    def _relative_antecedent(self, tok: Token) -> Ref | None:
        """ "the Liberty Caucus of Ostby, which says it espouses ...": "it" inside a relative clause
        is the organization the clause hangs on."""
        t = tok
        while t.head.i != t.i and t.dep_ not in ("relcl",):
            if t.dep_ in ("ROOT",):
                return None
            t = t.head
        if t.dep_ != "relcl" or not any(c.lower_ in ("which", "who", "that") for c in t.children):
            return None
        if any(c.lower_ in ("which", "that", "whom") and c.dep_ in ("dobj", "pobj") for c in t.children):
            return None  # "X, which it merged into its own operations": "it" is someone else
        m = self.mention(t.head)
        return self.ref_of_span(m, via="coref") if m is not None and m.label_ == EntityKind.ORG.value else None

    def pair(self, tok: Token) -> list[Ref]:
        """ "both bodies", "the two organizations", "the three parties": the bodies just
        named, as many as the number says; for two, else the two most in focus."""
        if tok.lemma_.lower() not in ORG_ANAPHORS or tok.tag_ != "NNS":
            return []
        count = next((COUNTS[c.lower_] for c in tok.children if c.lower_ in COUNTS), 0)
        if not count:
            return []
        here: dict[str, Ref] = {}  # "A merged with B to create C, and the two clubs ceased to exist"
        for m in self.mentions_within(tok.sent.start, tok.i):
            if m.label_ == EntityKind.ORG.value:
                ref = self.ref_of_span(m)
                if self.merged_here is None or self.key(ref) != self.key(self.merged_here):
                    here[self.key(ref)] = ref
        if len(here) < count and count > 2 and tok.sent.start > 0:
            # "A, B and C sat in the council. The three parties merged": the set named before
            before = self.doc[tok.sent.start - 1].sent
            named: dict[str, Ref] = {}
            for m in self.mentions_within(before.start, before.end):
                if m.label_ == EntityKind.ORG.value:
                    named[self.key(self.ref_of_span(m))] = self.ref_of_span(m)
            if len(named) == count and not here:
                here = named
        if len(here) == 1 and count == 2:
            # "it cooperated with B, and in 1957 the two unions merged": a pronoun before
            # names the other body, ahead of any body only in focus
            for t in self.doc[tok.sent.start:tok.i]:
                if t.pos_ == "PRON" and t.lower_ in ("it", "its") and t.dep_ in (*SUBJECT_DEPS, "poss"):
                    said = self.ref(t, (EntityKind.ORG,))
                    if said is not None and self.key(said) not in here:
                        here = {self.key(said): said, **here}
                        break
        if len(here) >= count:
            return [Ref(x.start, x.end, x.kind, x.text, via="coref") for x in list(here.values())[-count:]]
        if count > 2:
            return []
        ranked = sorted(self.salience, key=lambda k: -self.salience[k])[:2]
        refs = [self.latest[k] for k in ranked if k in self.latest]
        return [Ref(x.start, x.end, x.kind, x.text, via="coref") for x in refs] if len(refs) == 2 else []

    def _most_salient(self) -> Ref | None:
        if not self.salience:
            return None
        key = max(self.salience, key=lambda k: self.salience[k] + (TOPIC_BONUS if k == self.topic else 0))
        return self.latest.get(key)

    # ---- sentence bookkeeping ----------------------------------------------------------

    def begin_sentence(self, sent: Span) -> None:
        last = self.last_created
        self.new_before = last if last is not None and last.new and self.sentence_start_prev is not None \
            and last.start >= self.sentence_start_prev else None
        self.sentence_start_prev = sent.start
        self.created_here = None
        if sent[0].text != "(" and any(t.pos_ in ("VERB", "AUX") for t in sent):  # not "(Bündnis 90)."
            self.merged_before, self.merged_here = self.merged_here, None
        self._learn_descriptions(sent)
        self.focus_before = self._most_salient()
        self.sentence_subject = None
        for subj in (t for t in sent if t.dep_ in SUBJECT_DEPS):
            # the first named subject; "One faction, Thunderhead, ...": the apposition names it
            m = self.first_mention([subj] + [c for c in subj.children if c.dep_ == "appos"])
            if m is None and subj.lemma_.lower() in SPOKESPEOPLE:  # "Delegates of the X voted"
                m = self.first_mention(self.preps(subj, "of"))
                poss = next((c for c in subj.children if c.dep_ == "poss"), None)
                if m is None and poss is not None and poss.lower_ not in ORG_PRONOUNS:
                    owner = self.ref(poss)  # "The society's officers denied that it ..."
                    if owner is not None:
                        self.sentence_subject = Ref(owner.start, owner.end, owner.kind, owner.text)
                        break
            if m is not None and m.label_ == EntityKind.ORG.value:
                self.sentence_subject = self.ref_of_span(m)
                break
            if m is None and subj.pos_ == "NOUN" and subj.lemma_.lower() in ORG_ANAPHORS:
                described = self.ref(subj)  # "The network, headquartered in P, ... and it runs"
                if described is not None:
                    self.sentence_subject = Ref(described.start, described.end, described.kind,
                                                described.text, via="mention")
                break

    def _learn_descriptions(self, sent: Span) -> None:
        """ "X is a record label", "X, a radio station,": the noun a body is described by lets
        a noun with other senses ("the label", "the station") refer back to X (only those:
        "an independent company" makes no rival for "the company")."""
        for m in self.mentions_within(sent.start, sent.end):
            if m.label_ != EntityKind.ORG.value:
                continue
            root = m.root
            nouns = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
                nouns += [c for c in root.head.children if c.dep_ == "attr"]
            for noun in nouns:
                if noun.lower_ == "one":  # "X is one of the oldest banks"
                    noun = next((p for c in noun.children if c.lower_ == "of" for p in c.children
                                 if p.dep_ == "pobj"), noun)
                if noun.pos_ == "NOUN" and noun.lemma_.lower() in ORG_NOUNS:
                    kinds = self.described_as.setdefault(self.key(self.ref_of_span(m)), set())
                    kinds.add(noun.lemma_.lower())
                    kinds.update(ALSO_CALLED.get(noun.lemma_.lower(), ()))
                    self.described_kinds.setdefault(self.key(self.ref_of_span(m)), set()).update(
                        c.lower_ for c in noun.children if c.dep_ in ("compound", "amod"))

    def _tells_of_a_thing(self, sent: Span) -> bool:
        """Whether a sentence's main subject is a place or a work: one named as such ("Tarvik
        lies on the coast"), or one the sentence says is a town, a novel ("X is a small
        town"). Its "it" in the next sentence is that thing, not the body in focus."""
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return False
        m = self.mention(subj)
        if m is not None and m.label_ in (EntityKind.PLACE.value, EntityKind.WORK.value):
            return True
        if root.lemma_ != "be":
            return False
        attr = next((c for c in root.children if c.dep_ == "attr"), None)
        return attr is not None and attr.lemma_.lower() in NOT_ORG_NOUNS

    def end_sentence(self, sent: Span, subjects: list[Ref]) -> None:
        self.thing_before = self._tells_of_a_thing(sent)
        # "Two years later it bought the X Bank": the body "it" stands for stays in focus,
        # not the one it acted on
        said = [ref for t in sent if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT" and t.lower_ in ("it", "they")
                for ref in [self.ref(t, (EntityKind.ORG,))] if ref is not None]
        for k in self.salience:
            self.salience[k] *= DECAY
        if self.forgets:
            for k in [k for k, v in self.salience.items() if v < FORGOTTEN and k != self.topic]:
                del self.salience[k]
        inside = [m for m in self.mentions_within(sent.start, sent.end)
                  if m.label_ == EntityKind.ORG.value]
        org_subject = bool(said) or any(m.root.dep_ in SUBJECT_DEPS for m in inside)
        for ref in said:
            self._add(ref, 1.0)
        for m in inside:  # "A peasant uprising split the NWP(M)": with no body as subject, the
            # body the main verb acts on is the one in focus
            main_object = not org_subject and m.root.dep_ == "dobj" and m.root.head.dep_ == "ROOT"
            weight = 1.0 if m.root.dep_ in SUBJECT_DEPS or main_object else 0.4
            self._add(self.ref_of_span(m), weight)
        for ref in subjects:
            self._add(ref, 0.6)
        if self.topic is None and self.salience:
            self.topic = max(self.salience, key=lambda k: self.salience[k])

    def learn_names(self, drafts: list) -> None:
        """ "renamed the party the Norland Hearth Party": later, "the party" fits it."""
        for d in drafts:
            if d.type == "named" and d.value and not d.subject.new:
                self.name_words.setdefault(self.key(d.subject), []).extend(d.value.lower().split())
                if norm_name(d.value) not in self.aliases and norm_name(d.value) != self.key(d.subject):
                    self.aliases[norm_name(d.value)] = self.key(d.subject)  # one body in focus

    def _add(self, ref: Ref, weight: float) -> None:
        if ref.kind is not EntityKind.ORG:
            return
        k = self.key(ref)
        self.salience[k] = self.salience.get(k, 0.0) + weight
        if ref.via == "mention" or k not in self.latest:
            self.latest[k] = ref

    # ---- syntax helpers ----------------------------------------------------------------

    def subject(self, verb: Token) -> Token | None:
        """The grammatical subject of a verb, climbing through conjoined and controlled
        verbs ("was founded in 1971 and renamed ...", "claimed to adhere"). A date the
        parser took for a subject ("1963 - In May the guild joins") is passed over."""
        if verb.i in self.entry_verbs:
            return verb  # "1951 - Dissolved.": see :meth:`ref`
        for c in verb.children:
            if c.dep_ in SUBJECT_DEPS and c.i not in self.dated:
                return c
        for c in verb.children:  # "OSGF joined ...", the acronym misread as an adverbial
            if c.dep_ in ("npadvmod", "advmod") and c.i < verb.i and c.pos_ == "PROPN" and self.mention(c) is not None:
                return c
        named = self._named_before_participle(verb)
        if named is not None:
            return named
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            return self.subject(verb.head)
        if verb.dep_ in ("relcl", "acl"):
            return verb.head
        return None

    def _named_before_participle(self, verb: Token) -> Token | None:
        """ "the Federation of Dock Unions (FEDU), set up in 1979": a participle set off
        by a comma right after a name describes that name, wherever the parser hung it."""
        if verb.tag_ != "VBN" or verb.i < 2 or any(c.dep_ == "aux" for c in verb.children):
            return None
        i = verb.i - 1
        if self.doc[i].text != ",":
            return None
        i -= 1
        if self.doc[i].text == ")":
            while i > 0 and self.doc[i].text != "(":
                i -= 1
            i -= 1
        m = self.mention(self.doc[i]) if i >= 0 else None
        if m is not None and m.root.dep_ == "pobj" and m.root.head.head.dep_ in ("attr", "appos"):
            return None  # "X was a regiment of the British Army, raised in 1794": the regiment
        return m.root if m is not None and m.end == i + 1 else None

    def preps(self, tok: Token, *words: str) -> list[Token]:
        """The objects of prepositions ``words`` under ``tok`` (conjuncts included)."""
        out: list[Token] = []
        heads = [tok] + [c for c in tok.children  # "broke away from Y": "from" hangs on "away"
                         if c.dep_ in ("advmod", "prt", "prep") and c.lower_ in ("away", "off", "out")]
        for c in (c for h in heads for c in h.children):
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in words:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        out.append(p)
                        out.extend(p.conjuncts)
        return out

    def refs_in(self, tok: Token, kinds: tuple[EntityKind, ...]) -> Ref | None:
        """The first mention of ``kinds`` in a token's noun phrase (or the token's own
        ref), not looking into relative or other clauses hung on it."""
        for t in self.phrase(tok):
            own = self.ref(t, kinds)
            if own is not None:
                return own
        return self._name_read_as_a_clause_subject(tok, kinds)

    def _name_read_as_a_clause_subject(self, tok: Token, kinds: tuple[EntityKind, ...]) -> Ref | None:
        """ "created the band X influenced by punk": the parser makes the name after "the
        band" the subject of a clause hung on "band"; it is the band's name."""
        m = self.mention(self.doc[tok.i + 1]) if tok.pos_ == "NOUN" and tok.i + 1 < len(self.doc) else None
        if m is None or m.start != tok.i + 1 or m.root.dep_ not in ("nsubj", "nsubjpass") or \
                m.root.head.dep_ not in ("relcl", "acl") or m.root.head.head.i != tok.i:
            return None
        return self.ref(m.root, kinds)

    @staticmethod
    def phrase(tok: Token) -> list[Token]:
        """A noun phrase's tokens, nearest first; "a group called X" keeps X."""
        out, queue = [], [tok]
        while queue:
            t = queue.pop(0)
            out.append(t)
            queue.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS or (
                c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("call", "name", "know", "title", "entitle")))
        return out

    def date_span(self, trigger: Token, about: tuple[Ref, ...] = (),
                  claim_type: str = "") -> Span | None:
        """The date of the clause a trigger heads; else the sentence's adverbial date
        nearest the trigger. A person's lifespan "(1939-2016)" never dates a claim."""
        sent = trigger.sent
        dates = [d for d in _within(self.dates, self._date_starts, sent.start, sent.end)
                 if not (d._.timex and d._.timex.lifespan)]
        if not dates:
            return None
        verb = self._clause_head(trigger)
        own = [d for d in dates if self._clause_head(d.root) == verb]
        if not own and any(c.dep_ == "advmod" and c.lower_ in LATER for c in verb.children):
            return None  # "founded X, which later joined Y": after the sentence's date, not at it
        while not own and verb.head.i != verb.i and (verb.dep_ in ("conj", "xcomp") or (
                verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children))):
            # "split in 1969 and set up a party", "left in 1907 to form": a coordinated or
            # purpose verb shares the date that dates its head verb's clause (not one
            # inside a noun: "the 2009 crisis")
            verb = self._clause_head(verb.head)
            own = [d for d in dates if self._clause_head(d.root) == verb and self._adverbial(d)]
        if not own and verb.dep_ in ("relcl", "advcl") and any(
                c.lower_ == "when" and c.dep_ == "advmod" for c in verb.children):
            # "In 1773, when X was founded by Y, ...": the clause is dated by the date it
            # hangs on
            own = [d for d in dates if d.start <= verb.head.i < d.end]
        pick = own or [d for d in dates if self._adverbial(d) and self._dates_one_of(d, about, claim_type)]
        # a date the parse hangs on the verb itself ("adopted the name in 1941") beats one
        # it misattached ("... and, the following year, adopted")
        return min(pick, key=lambda d: (not self._on_verb(d, verb), abs(d.start - trigger.i))) \
            if pick else None

    @staticmethod
    def _on_verb(date: Span, verb: Token) -> bool:
        root = date.root
        head = root.head.head if root.dep_ == "pobj" else root.head
        return head.i == verb.i and root.dep_ in ("pobj", "npadvmod", "advmod")

    def _dates_one_of(self, date: Span, about: tuple[Ref, ...], claim_type: str) -> bool:
        """A date in a clause hung on a noun ("X, founded in 2004,") dates that noun's
        founding only: it may date the founding or first name of X ("began as X, organized
        in 1937"), or a work's publication ("a history, W, issued in 1959"), not another
        claim about X or about the other bodies of the sentence."""
        clause = self._clause_head(date.root)
        if clause.dep_ not in ("acl", "relcl"):
            return True
        verbs = PUBLISHING_VERBS if claim_type == "published" else (
            FOUNDING_VERBS if claim_type in ("founded", "named") else frozenset())
        noun = clause.head  # the named noun itself, or a noun it is in apposition to
        named = [noun.i] + [c.i for c in noun.children if c.dep_ in ("appos", "conj")]
        return clause.lemma_.lower() in verbs and any(
            ref.start <= i < ref.end for ref in about for i in named)

    def dates_for(self, trigger: Token, claim_type: str,
                  about: tuple[Ref, ...] = ()) -> tuple[str | None, str | None]:
        """The claim's (date, end) from its clause's temporal expression; in a chronology,
        a later sentence of a dated entry without a date of its own takes the entry's
        ("1921 - ... found the X. The new party joins Y at once.")."""
        if trigger.dep_ == "relcl" and any(c.lower_ == "when" for c in trigger.children):
            # "until 1919, when B took it over": the year the clause hangs on
            here = _within(self.dates, self._date_starts, trigger.sent.start, trigger.sent.end)
            held = next((d for d in here if d.start <= trigger.head.i < d.end and d._.edtf), None)
            if held is not None and held._.edtf.startswith("../") and "/" not in held._.edtf[3:]:
                return claim_dates(held._.edtf[3:], "", claim_type)  # the year it lasted until
        span = self.date_span(trigger, about, claim_type) or self._entry_date(trigger.sent)
        if span is None and trigger.i in self.entry_verbs:  # "1983 - Dissolved; its records go to P"
            span = next((d for d in _within(self.dates, self._date_starts, trigger.sent.start, trigger.i)
                         if d.start == trigger.sent.start and d._.edtf), None)
        if span is None:
            return None, None
        date, end = claim_dates(span._.edtf, span._.timex.form if span._.timex else "", claim_type)
        if date is None and end is not None and trigger.tag_ == "VBG" and trigger.dep_ in ("advcl", "xcomp"):
            # "merged with B in 1967, taking the name C until 1985": from the merger on
            start = self.dates_for(trigger.head, claim_type)[0]
            if start is not None and (bounds(start) or (0, 0))[0] <= (bounds(end) or (0, 0))[0]:
                date = start
        return date, end

    def _entry_date(self, sent: Span) -> Span | None:
        """The year opening the chronology line a sentence continues, if it is one."""
        text = self.text  # Doc.text joins every token: read once per document, not per claim
        newline = text.rfind("\n", max(0, sent.start_char - 2000), sent.start_char)
        if newline < 0 and sent.start_char > 2000:
            return None  # no chronology line is that long; and a scan back per claim was quadratic
        line_start = newline + 1
        if any(t.lower_ in LATER for t in sent):
            return None  # "It is dissolved later": some time after the entry's year
        if line_start == sent.start_char or not text[line_start:line_start + 1].isdigit() or \
                not ENTRY.match(text, line_start) or _within(self.dates, self._date_starts, sent.start, sent.end):
            return None
        entry = self.doc.char_span(line_start, sent.start_char, alignment_mode="expand")
        if entry is None:
            return None
        return next((d for d in _within(self.dates, self._date_starts, entry.start, entry.end)
                     if d.start_char == line_start and d._.edtf), None)

    def date_for(self, trigger: Token) -> str | None:
        """The date of an event (a founding, a merger) in the trigger's clause."""
        return self.dates_for(trigger, "founded")[0]

    @staticmethod
    def _adverbial(date: Span) -> bool:
        """A date that dates a clause ("in 1984"), not a noun ("the 1969 breakup").
        Relative dates ("later that month") always date a clause, however parsed."""
        if date._.timex is not None and date._.timex.anchor is not None:
            return True
        root = date.root
        if root.dep_ == "ROOT" and root.pos_ not in ("VERB", "AUX"):
            return True  # a chronology's "1946 - ...": the year heads its own fragment
        if root.dep_ == "pobj" and root.head.head.dep_ == "ROOT" and root.head.i < root.head.head.i:
            return True  # "In 1907 ...", opening the sentence, however its head was parsed
        before = date.doc[date.start - 1] if date.start > date.sent.start else None
        if before is not None and before.lower_ in ("in", "on", "during", "since", "until", "by") \
                and before.i == date.sent.start:
            return True  # "In 1948 OBF merged": the parser took the year for a modifier
        head = root.head.head if root.dep_ == "pobj" else root.head
        # "1968 saw a split", or a chronology's year the parser took for a subject
        return root.dep_ in ("pobj", "npadvmod", "advmod", "nsubj") and head.pos_ in ("VERB", "AUX")

    def _clause_head(self, tok: Token) -> Token:
        """The verb of the clause a word is in: the word itself when it is a verb, so
        that "affiliated in 1938 and adopted the name in 1941" dates each verb apart."""
        t = tok
        while t.head.i != t.i and not (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"):
            if t.dep_ in ("relcl", "ccomp", "advcl") and t.i != tok.i:
                break
            t = t.head
        return t

    def negated(self, tok: Token) -> bool:
        heads = [tok] + ([tok.head] if tok.dep_ in ("attr", "acomp", "dobj", "pobj", "xcomp") else [])
        if tok.dep_ == "pobj" and tok.head.head.i != tok.head.i:
            heads.append(tok.head.head)
        heads += [c for h in list(heads) for c in h.children if c.dep_ in ("aux", "auxpass")]
        return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't")  # "have never been"
                   for h in heads for c in h.children)


SPANS = ("interval", "year_range", "month_range", "day_range", "open_end", "open_start")


def claim_dates(edtf: str | None, form: str, claim_type: str) -> tuple[str | None, str | None]:
    """Split a temporal expression into a claim's date and end.

    A claim that lasts (a name, a membership, a seat: types with an ``end`` role) takes
    "from 1971 to 1974" as date 1971, end 1974 and "until 1990" as end 1990; any claim
    takes "since 1990" as date 1990, when the state began. An event keeps an interval
    whole: "founded between 1971 and 1974" is one uncertain date, "by 1990" an upper bound.
    Coarse dates that are intervals only in EDTF ("the late 1960s") are never split.
    """
    if not edtf or "/" not in edtf or form not in SPANS:
        return edtf, None
    lo, hi = edtf.split("/", 1)
    lasting = "end" in CLAIM_TYPES[claim_type].roles
    if hi == "..":
        return lo, None
    if lo == "..":
        return (None, hi) if lasting else (edtf, None)
    return (lo, hi) if lasting else (edtf, None)
