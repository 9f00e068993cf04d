"""Rules for what an organization published and what it professed."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...model import EntityKind, Hedging
from ..draft import Draft, Ref
from ..lexicon import IDEOLOGIES, WORK_NOUNS
from ..reader import Reader
from . import ORG, ORG_PERSON, draft, dobj, is_passive, rule

WORK = (EntityKind.WORK,)
ABOUT_NOUNS = frozenset({"history", "biography", "memoir", "account", "study", "review", "portrait"})


def _work(r: Reader, tok: Token | None) -> Ref | None:
    """A work mention at or under a token: "a document titled "W"", "a bulletin, W"."""
    if tok is None:
        return None
    own = r.ref(tok, WORK)
    if own is not None:
        return own
    if tok.lemma_.lower() not in WORK_NOUNS and tok.lower_ not in WORK_NOUNS:
        return None
    after = [r.doc[tok.i + 2]] if tok.i + 2 < len(r.doc) and r.doc[tok.i + 1].text == "," else []
    for t in r.phrase(tok) + after:  # its own noun phrase, not a clause hung on it
        m = r.mention(t)
        if m is not None and m.label_ == EntityKind.WORK.value:
            return r.ref_of_span(m)
    return None


@rule("published", "publish issue print release produce write author adopt start launch found establish")
def published(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "W, published by A in May 1994", "A published W", "A issued a pamphlet, W"; "the
    party starts a daily paper, W", "the group adopted the X Statement, a manifesto"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return
    if verb.lemma_.lower() in ("adopt", "start", "launch", "found", "establish") and is_passive(verb):
        return  # "a paper founded by Gramsci": its founder, not its publisher
    if is_passive(verb):
        work_tok = verb.head if verb.dep_ == "acl" else r.subject(verb)
        work = _work(r, work_tok)
        author = next((r.refs_in(p, ORG_PERSON) for p in r.preps(verb, "by")), None)
        poss = next((c for c in work_tok.children if c.dep_ == "poss"), None) if work_tok is not None else None
        if author is None and poss is not None and work_tok.lemma_.lower() not in ABOUT_NOUNS:
            author = r.ref(poss, ORG_PERSON)  # "its constitutions were published in 1880"
            # (but "the union's history" is about the union, not by it)
        if author is None and verb.dep_ == "acl":
            return
    else:
        obj = dobj(verb)
        work = _work(r, obj) or next((w for w in (_work(r, c) for c in verb.children
                                                  if c.lower_ in WORK_NOUNS) if w), None)
        author = r.ref(r.subject(verb), ORG_PERSON)
    if work is None or author is None:
        return
    yield draft(r, verb, "published", work, object=author, negated=r.negated(verb),
                rule="orgline.published.v1", confidence=0.8)


@rule("ideology", "adhere espouse advocate embrace profess uphold champion follow call")
def ideology(r: Reader, verb: Token) -> Iterator[Draft]:
    """ "X adhered to a radical ideology called "T"", "X espoused anarcho-syndicalism"."""
    lemma = verb.lemma_.lower()
    if lemma == "call":
        return  # reached through the verb the ideology is the object of
    if verb.dep_ == "amod":  # a mis-parse of "X espoused Y" as an adjective on Y
        holder_tok = next((c for c in list(verb.children) + list(verb.head.children)
                           if c.dep_ in ("nsubj", "nsubjpass")), None)
        targets = [verb.head]
    else:
        holder_tok = r.subject(verb)
        targets = [c for c in verb.children if c.dep_ == "dobj"] + r.preps(verb, "to")
    holder = r.ref(holder_tok, ORG)
    if holder is None:
        return
    for target in targets:
        value = _ideology_value(r, target)
        if value is None:
            continue
        d = draft(r, verb, "ideology", holder, value=value, negated=r.negated(verb),
                  rule="orgline.ideology.v1", confidence=0.75)
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("claim", "say", "profess"):
            d.hedging = Hedging.CLAIMED
            d.according_to = holder
        yield d
        return


def _ideology_value(r: Reader, tok: Token) -> str | None:
    for t in tok.subtree:
        m = r.mention(t)
        if m is not None and m.label_ == EntityKind.IDEOLOGY.value:
            return m.text
    words = [t for t in tok.subtree if not t.is_punct]
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(w.lower_ for w in words[i:i + size])
            if phrase in IDEOLOGIES:
                return IDEOLOGIES[phrase]
    return _doctrine(tok)


def _doctrine(tok: Token) -> str | None:
    """What one adheres to or espouses, named: "Mao Zedong Thought", "Marxism-Leninism",
    "the Rule of Saint Augustine" (a capitalized phrase or an -ism)."""
    if tok.pos_ == "PROPN" or tok.lower_.endswith("ism"):
        span = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
        cut = next((t.i for t in span if t.dep_ in ("relcl", "acl", "cc") or t.text in (",", ";")), span.end)
        span = tok.doc[span.start:cut]
        while len(span) and span[0].lower_ in ("the", "a", "an"):
            span = span[1:]
        if 0 < len(span) <= 6 and (span[0].text[:1].isupper() or tok.lower_.endswith("ism")):
            return span.text
    return None


DESCRIBED = frozenset({"association", "party", "group", "movement", "organization", "organisation",
                       "union", "league", "society", "body", "club", "federation", "front",
                       "network", "coalition", "programme", "program", "platform", "line"})


def _described_ideology(r: Reader, noun: Token) -> str | None:
    """ "a social-democratic educational association" -> social democracy."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound")]
    if not mods:
        return None
    start, end = min(c.left_edge.i for c in mods), max(c.right_edge.i for c in mods) + 1
    for size in (3, 2, 1):  # "anarcho-syndicalist" is three tokens
        for i in range(start, end - size + 1):
            phrase = noun.doc[i:i + size].text.lower()
            if phrase in IDEOLOGIES:
                return IDEOLOGIES[phrase]
    return None


@rule("described_ideology", " ".join(sorted(DESCRIBED)))
def described_ideology(r: Reader, noun: Token) -> Iterator[Draft]:
    """ "X, a social-democratic educational association", "X is a nationalist party",
    "the league adopted an anarcho-syndicalist program"."""
    if noun.pos_ != "NOUN":
        return
    if noun.dep_ in ("appos", "attr"):
        holder = r.described(noun)
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("adopt", "embrace") and \
            noun.lemma_.lower() in ("programme", "program", "platform", "line"):
        holder = r.ref(r.subject(noun.head), ORG)
    elif _self_described(noun) is not None:
        yield from _declared_itself(r, noun, _self_described(noun))  # type: ignore[arg-type]
        return
    else:
        return
    value = _described_ideology(r, noun) if holder is not None else None
    if value is not None:  # a description is undated; an adopted programme has its date
        when = {} if noun.dep_ == "dobj" else {"date": None}
        yield draft(r, noun, "ideology", holder, value=value, negated=r.negated(noun.head),
                    rule="orgline.described_ideology.v1", confidence=0.6, **when)


SELF_DESCRIBING = frozenset({"declare", "proclaim", "describe", "call", "style", "define",
                             "constitute", "reconstitute", "brand", "present"})


def _self_described(noun: Token) -> Token | None:
    """The verb of "X declared itself a communist party" / "described itself as a socialist
    party" (the parser hangs the noun on the verb as a clause or after "as")."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
    if verb.lemma_.lower() not in SELF_DESCRIBING or noun.dep_ not in ("ccomp", "oprd", "xcomp", "pobj", "dobj"):
        return None
    reflexive = list(verb.children) + list(noun.children)
    return verb if any(t.lower_ in ("itself", "themselves") for t in reflexive) else None


def _declared_itself(r: Reader, noun: Token, verb: Token) -> Iterator[Draft]:
    """ "In 1921 X declared itself a communist party": X's own account of what it holds, dated
    by the declaration."""
    holder = r.ref(r.subject(verb), ORG)
    value = _described_ideology(r, noun) if holder is not None else None
    if holder is not None and value is not None:
        yield draft(r, verb, "ideology", holder, value=value, negated=r.negated(verb),
                    according_to=holder, rule="orgline.declared_itself.v1", confidence=0.65)
