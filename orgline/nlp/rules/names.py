"""Rules for the names an organization bears."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...model import EntityKind
from ..draft import Draft, Ref
from ..reader import Reader
from ..lexicon import MEMBER_ROLES, ORG_ANAPHORS, ORG_NOUNS
from ..mentions import BODY_NOUNS
from . import ORG, draft, dobj, is_passive, rule


# ---- names --------------------------------------------------------------------------------

@rule("renamed", "change adopt take assume choose revive rename rebrand become know call")
def renamed(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "changed its name to N", "adopted the name N (for its own X)", "was renamed N",
    "became known as N", "rebranded as N", "X became N"."""
    lemma = verb.lemma_.lower()
    if lemma in ("call", "know") and verb.dep_ in ("advcl", "acl") and any(
            c.lower_ in FORMERLY and c.dep_ == "advmod" for c in verb.children):
        return  # "Originally called X, it ...": first_called reads it
    if lemma in ("rename", "rebrand") and not is_passive(verb) and any(
            c.dep_ in ("dobj", "dative") for c in verb.children):
        yield from _renamed_by(r, verb)
        return
    name = _new_name(r, verb, lemma)
    if name is None:
        yield from _present_name(r, verb)
        return
    subj_tok = r.subject(verb)
    if lemma == "know" and verb.head.lemma_.lower() == "become":
        subj_tok = r.subject(verb.head)
    owner = r.ref(subj_tok, ORG)
    if owner is None and verb.tag_ == "VBN" and (subj_tok is None or subj_tok.i in r.dated):
        owner = r.focus_before  # a chronology's "1923 - Renamed the Northern Draughts Union."
    subject = owner
    for pobj in r.preps(verb, "for"):  # "... for its own international organization"
        if pobj.lemma_.lower() not in ("itself",) and r.ref(pobj, ORG) is None:
            subject = Ref(pobj.left_edge.i, pobj.i + 1, EntityKind.ORG, name.text, new=True,
                          via="description")
    if subject is None and subj_tok is not None and subj_tok.pos_ == "NOUN" and any(
            c.lower_ in ("a", "an", "another") for c in subj_tok.children):
        subject = Ref(subj_tok.left_edge.i, subj_tok.i + 1, EntityKind.ORG, name.text, new=True,
                      via="description")  # "a new student group adopted the name N"
    if subject is None or (subject == name and not subject.new and not (
            subj_tok is not None and subj_tok.lower_ == "which")):  # "a committee, which took the name N"
        return
    claim = draft(r, verb, "named", subject, value=name.text, value_ref=name, kind="official",
                   negated=r.negated(verb), rule="orgline.renamed.v1", confidence=0.85)
    if subject.new and lemma in ("adopt", "take", "assume", "revive") and r.bore_before(name):
        r.last_created = subject  # a namesake: "the new PSS" is this one
    yield claim
    if subject.new and owner is not None and subject is not owner:
        yield claim.but(type="parent_org", object=owner, value=None, value_ref=None, kind=None,
                        rule="orgline.name_for_own.v1", confidence=0.6)


FORMERLY = frozenset({"originally", "initially", "formerly", "first", "previously"})


@rule("first_called", "call name know title")
def first_called(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "Originally called the Society for Sick Children, it adopted its present name in
    1995": the first name, borne until the rename the main clause tells (the name may be
    parsed as the participle's object, or hang on "as")."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl") or not any(
            c.lower_ in FORMERLY and c.dep_ == "advmod" for c in verb.children):
        return
    held = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr")] + r.preps(verb, "as")
    name = next((m for m in (r.refs_in(c, ORG) or r.mention_ref(c)
                             for c in held) if m is not None), None)
    main = verb.head
    subject = r.ref(r.subject(main), ORG) if main.pos_ in ("VERB", "AUX") else None
    if name is None or subject is None or r.key(name) == r.key(subject) and subject.via == "mention":
        return
    renamed = main.lemma_.lower() in ("adopt", "take", "change", "assume", "rename", "become")
    yield draft(r, verb, "named", subject, value=name.text, value_ref=name, kind="official", date=None,
                end=r.date_for(main) if renamed else None, rule="orgline.first_called.v1", confidence=0.7)


@rule("converted_into", "convert reorganize reorganise reconstitute transform turn restructure")
def converted_into(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "the partners converted the business into a limited company, X Ltd.", "X was
    reorganized as Y", "X was reconstituted as Y": the same body goes on under the new
    name ("converted the mill into flats" names no body, and gives nothing)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() == "turn" and not r.preps(verb, "into"):
        return
    owner_tok = r.subject(verb) if is_passive(verb) else next(
        (c for c in verb.children if c.dep_ == "dobj"), None)
    owner = r.ref(owner_tok, ORG) if owner_tok is not None else None
    if owner is None and owner_tok is not None and owner_tok.lemma_.lower() in ("business", "firm", "partnership") \
            and any(c.lower_ == "the" for c in owner_tok.children):
        owner = r.focus_before  # "converted the business into a company": the firm in focus
    targets = r.preps(verb, "into", "as")
    name = next((x for x in (r.refs_in(p, ORG) for p in targets) if x is not None), None)
    if name is None and targets:  # "into a limited company, X Ltd.": the parser may lose the name
        after = [m for m in r.mentions_within(targets[0].i + 1, targets[0].sent.end)
                 if m.label_ == EntityKind.ORG.value and m.start <= targets[0].i + 2]
        name = r.ref_of_span(after[0]) if after else None
    if owner is None or name is None or r.key(owner) == r.key(name):
        return
    yield draft(r, verb, "named", owner, value=name.text, value_ref=name, kind="official",
                negated=r.negated(verb), rule="orgline.converted_into.v1", confidence=0.75)


@rule("operated_as", "operate trade play compete exist function run")
def operated_as(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "played its first seasons as N", "now operates as N", "has traded as N since 2017",
    "already existed in 1903 under the name N": a name borne, not a body described."""
    if verb.pos_ != "VERB":
        return
    obj = dobj(verb)  # "played its first seasons as N"
    called = [t for p in r.preps(verb, "under") if p.lemma_.lower() == "name"
              for t in p.subtree if t.i > p.i and r.mention(t) is not None]
    heads = r.preps(verb, "as") + (r.preps(obj, "as") if obj is not None else []) + called[:1]
    name = next((n for n in map(_a_name, [r] * len(heads), heads) if n is not None), None)
    subj_tok = r.subject(verb)
    subject = r.ref(subj_tok, ORG)
    if subject is None and name is not None and subj_tok is not None and subj_tok.pos_ == "NOUN" \
            and subj_tok.lemma_.lower() in BODY_NOUNS and any(c.lower_ in ("a", "an") for c in subj_tok.children):
        subject = Ref(subj_tok.left_edge.i, subj_tok.i + 1, EntityKind.ORG, name.text, new=True,
                      via="description")  # "an unrelated maker of X has traded as N"
    if name is None or subject is None or subject == name:
        return
    yield draft(r, verb, "named", subject, value=name.text, value_ref=name, kind="official",
                negated=r.negated(verb), rule="orgline.operated_as.v1", confidence=0.75)


@rule("new_name", "name")
def new_name(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "The new name, Civic Rally, was approved ... and took effect on 1 June 2018": the
    body in focus bears the name from the date its adoption gives."""
    if noun.pos_ != "NOUN" or not any(c.lower_ in ("new", "current", "present") for c in noun.children) \
            or noun.dep_ not in ("nsubj", "nsubjpass"):
        return
    name = next((n for n in (_a_name(r, c) for c in noun.children if c.dep_ == "appos") if n), None)
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    subject = r.ref(poss, ORG) if poss is not None else r.focus(noun)
    if name is None or subject is None:
        return
    yield draft(r, noun, "named", subject, value=name.text, value_ref=name, kind="official",
                negated=r.negated(noun.head), rule="orgline.new_name.v1", confidence=0.7)


def _a_name(r: Reader, tok: Token) -> Ref | None:
    """The name at ``tok`` whatever NER took it for: after "as" or "under the name" a
    capitalized name names a body ("operates as Kestrel Brightwell")."""
    m = r.mention(tok)
    if m is None or m.label_ not in ("org", "person", "place") or not m.text[:1].isupper():
        return None
    return Ref(m.start, m.end, EntityKind.ORG, m.text)


def _renamed_by(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "the board renamed the company Quillon", "voted to rename the party the National
    Heritage Party": the object is the organization, the name after it its new name."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if obj is None:
        return
    named = [c for c in obj.children if c.dep_ == "appos"] + [
        c for c in verb.children if c.dep_ in ("oprd", "dobj") and c.i > obj.i]
    name = next((r.ref_of_span(m) for m in map(r.mention, named) if m is not None), None) or next(
        (Ref(t.left_edge.i, t.i + 1, EntityKind.ORG, r.doc[t.left_edge.i:t.i + 1].text)
         for t in named if t.pos_ == "PROPN" and t.text[:1].isupper()), None)  # a name NER missed
    m = r.mention(obj)
    subject = r.ref_of_span(m) if m is not None and (name is None or m.start != name.start) else (
        r.focus(obj) if obj.lemma_.lower() in ORG_ANAPHORS else None)
    if subject is None and obj.lower_ in ("itself", "themselves"):
        subject = r.ref(r.subject(verb), ORG)  # "X renamed itself N": the body names itself
    if name is None or subject is None or subject == name:
        return
    yield draft(r, verb, "named", subject, value=name.text, value_ref=name, kind="official",
                negated=r.negated(verb), rule="orgline.renamed_by.v1", confidence=0.8)


PRESENT = frozenset({"present", "current", "later", "new", "modern", "today"})


def _present_name(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "took its later name in 1921", "took its present name": the name it bears now, not
    spelled out; resolution dates the organization's names that no other claim dates."""
    obj = dobj(verb)
    if obj is None or obj.lemma_.lower() != "name" or not any(
            c.lower_ in PRESENT for c in obj.children) or any(r.mention(t) for t in obj.subtree):
        return
    subject = r.ref(r.subject(verb), ORG)
    if subject is not None:
        yield draft(r, verb, "named", subject, value=None, kind="present",
                    rule="orgline.present_name.v1", confidence=0.6)


def _new_name(r: Reader, verb: Token, lemma: str) -> Ref | None:
    if lemma in ("change", "adopt", "take", "assume", "choose", "revive"):
        obj = dobj(verb)
        if obj is not None and any(c.lemma_.lower() == "name" and c.dep_ == "compound"
                                   for c in obj.children):
            return r.ref(obj, ORG)  # "took the name Weavers Union", parsed name-as-compound
        if obj is not None and any(c.dep_ == "dative" and c.lemma_.lower() == "name"
                                   for c in verb.children):
            return _a_name(r, obj)  # "took the name Students for Reform", "name" as dative
        if obj is None or obj.lemma_.lower() != "name":
            return None
        if obj.tag_ == "NNS" or any(c.dep_ == "poss" and c.lower_ in ("his", "her", "my", "your")
                                    for c in obj.children):
            return None  # "the officer took their names", "changed his name": people's names
        for pobj in r.preps(verb, "to") + r.preps(obj, "of"):
            return r.refs_in(pobj, ORG)
        for t in obj.subtree:
            m = r.mention(t)
            if m is not None and m.label_ == "org" and t.i > obj.i:
                return r.ref_of_span(m)
        nxt = obj.i + 1
        while nxt < len(r.doc) and r.doc[nxt].is_punct:
            nxt += 1
        m = r.mention(r.doc[nxt]) if nxt < len(r.doc) else None
        if m is None or m.label_ not in ("org", "person"):
            return None
        return Ref(m.start, m.end, EntityKind.ORG, m.text)  # after "the name": an org's name
    if lemma in ("rename", "rebrand", "know", "call"):
        if lemma == "know" and not r.preps(verb, "as"):
            return None
        if lemma == "call" and not is_passive(verb):
            return None  # "critics called it X" is a label, not its name
        for c in verb.children:
            if c.dep_ in ("oprd", "attr", "dobj", "xcomp") and r.ref(c, ORG) is not None:
                return r.ref(c, ORG)
        for pobj in r.preps(verb, "as", "to"):
            if pobj.pos_ == "NOUN" and r.mention(pobj) is None and pobj.lemma_.lower() in MEMBER_ROLES:
                return None  # "best known as the guitarist of X": a person's role, not X's name
            return r.refs_in(pobj, ORG)
        return None
    if lemma == "become":
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        if attr is not None and r.mention(attr) is None and attr.lemma_.lower() in ORG_NOUNS and not any(
                c.lower_ in ("independent", "separate", "autonomous") for c in attr.children):
            # "it became a limited company, Lindqvist Pianofabrik AB, in 1922": a new legal form and name
            named = r.first_mention(c for c in attr.children if c.dep_ == "appos")
            return r.ref_of_span(named) if named is not None and named.label_ == EntityKind.ORG.value else None
        return r.ref(attr, ORG) if attr is not None and r.mention(attr) is not None else None
    return None
