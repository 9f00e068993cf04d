"""Entity mentions: organizations, people, places, works and named ideologies.

spaCy's NER finds most names but the small model splits "Radical Workers Party,
USA", tags acronyms as people, misses many organization names and has no notion of a
document title. This component keeps the NER's spans it can trust and adds three rules:

- ``org_name``: a run of capitalized words containing an organization head noun
  ("... Workers Union", "Society of ...");
- ``quoted_title``: a capitalized phrase in quotes after a word for a document
  ("a pamphlet titled "X"") is a work; after "ideology called" it is an ideology;
- ``country_suffix``: "Party, USA" keeps its country as part of the name.

Mentions go to ``doc.spans["orgline_mentions"]`` labelled with an EntityKind value.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import EntityKind
from .dates import SPANS_KEY as DATES_KEY
from .lexicon import (CLUB_MARKS, CLUB_TAILS, OCCUPATIONS, AMBIGUOUS_ORG_NOUNS, BAND_ROLES, BODY_MODIFIERS, COUNTRY_SUFFIXES, MEMBER_ROLES,
                      NOT_ACRONYMS, ORG_HEADS, ORG_NOUNS, PART_NOUNS, TEAM_ROLES, TYPING_ORG_NOUNS, WORK_NOUNS)

SPANS_KEY = "orgline_mentions"

NER_KINDS = {
    "ORG": EntityKind.ORG, "PERSON": EntityKind.PERSON, "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE, "FAC": EntityKind.PLACE, "WORK_OF_ART": EntityKind.WORK,
}
CONNECTORS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "di", "del", "'s", "&"}
QUOTES = "\"“”‘’'"
_ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]?\.?){2,}$|^[A-Z][A-Z0-9&-]{1,9}(?:\([A-Z]{1,3}\))?$")


def is_acronym(text: str) -> bool:
    compact = text.replace(" ", "")
    return bool(_ACRONYM.match(compact)) and compact not in NOT_ACRONYMS and any(
        c.isupper() for c in compact[1:])


def _capitalized(tok: Token) -> bool:
    text = tok.text
    if not text[:1].isupper():  # nor an acronym, which opens with a capital
        return False
    return tok.is_alpha or is_acronym(text)


# People named by what they are to a body: "Delegates of the X" opens no name.
PEOPLE_OF = frozenset({"delegates", "members", "leaders", "supporters", "founders", "officials",
                       "representatives", "activists", "veterans", "dissidents", "critics",
                       "officers", "workers", "followers"})


def _number_in_name(doc: Doc, i: int) -> bool:
    """ "Union 84", "Charter 71": a short number right after a capitalized word."""
    tok = doc[i]
    return tok.is_digit and len(tok.text) <= 3 and _capitalized(doc[i - 1]) and \
        tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT")


def _slash(doc: Doc, i: int) -> bool:
    """ "Union 84/The Reds": one name made of two, written with a slash."""
    return doc[i].text == "/" and not doc[i].whitespace_ and not doc[i - 1].whitespace_


def _possessive_in_name(doc: Doc, i: int) -> bool:
    """ "the Tanners' and Cutlers' Guild": a plural's apostrophe inside a name, followed by
    the rest of it (a capitalized word, or "and" and one)."""
    if doc[i].text not in ("'", "’") or not doc[i - 1].text.endswith("s") or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return _capitalized(nxt) or (nxt.lower_ == "and" and i + 2 < len(doc) and _capitalized(doc[i + 2]))


def _article_in_name(doc: Doc, i: int) -> bool:
    """ "Workers for a Socialist Republic", "Mothers Against a Second Runway": "for a" and
    "against a" before a capitalized word go on with the name."""
    if doc[i].lower_ in ("a", "an") and i > 1 and doc[i - 1].lower_ in ("for", "against"):
        i -= 1  # the article itself, once "for" was taken
    return doc[i].lower_ in ("for", "against") and i + 2 < len(doc) and \
        doc[i + 1].lower_ in ("a", "an") and _capitalized(doc[i + 2]) and doc[i - 1].text[:1].isupper()


def _org_name_spans(doc: Doc) -> list[Span]:
    """Maximal capitalized runs (connectors allowed inside) that hold an org head noun."""
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        if not _capitalized(doc[i]) or (doc[i].lower_ == "the" and doc[i].i == doc[i].sent.start):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and (_capitalized(doc[j + 1]) or _number_in_name(doc, j + 1)
                                    or _possessive_in_name(doc, j + 1) or _article_in_name(doc, j + 1) or (
                (doc[j + 1].lower_ in CONNECTORS or _slash(doc, j + 1)) and j + 2 < len(doc) and (
                    _capitalized(doc[j + 2]) or (
                        doc[j + 1].lower_ in ("of", "for") and doc[j + 2].lower_ == "the"
                        and j + 3 < len(doc) and _capitalized(doc[j + 3])))
                and doc[j + 2].ent_type_ not in ("DATE", "TIME"))):
            j += 1  # "Brothers of Saint Aldo of the Hills": "of the" joins the name
        run = doc[i:j + 1]
        while len(run) and run[-1].lower_ in CONNECTORS:
            run = run[:-1]
        if len(run) > 3 and run[0].lower_ in PEOPLE_OF and run[1].lower_ == "of":
            run = _strip_det(run[2:])  # "Delegates of the Prairie Alliance voted"
        run = _after_people_of(run)
        while len(run) and (run[0].tag_ in ("VBN", "VBD", "VBZ", "VBG") or run[0].lower_ in CONNECTORS):
            run = run[1:]  # "1923 - Renamed the Border Draughts Union": a verb opens no name
        if len(run) > 1 and any(t.lower_ in ORG_HEADS and t.text[:1].isupper() or
                                t.lower_ in CLUB_MARKS and t.text.replace(".", "").isupper() for t in run):
            spans.append(Span(doc, run.start, run.end, label=EntityKind.ORG.value))
        elif len(run) > 1:
            spans += _clubs_by_last_word(doc, run)
        i = j + 1
    return spans


def _clubs_by_last_word(doc: Doc, run: Span) -> list[Span]:
    """ "Kessel United", "Tarvik Rovers and Kessel United": each part of a capitalized run,
    cut at "and" after two words or more, that ends in a club's last word and has a word
    before it ("Brighton and Hove Albion" is one name)."""
    out, start = [], run.start
    for k in range(run.start, run.end + 1):
        if k < run.end and doc[k].lower_ in ("and", "&") and k - start < 2:
            continue  # "Brighton and Hove Albion": a one-word part before "and" is in the name
        if k == run.end or doc[k].lower_ in ("and", "&"):
            part = doc[start:k]
            if len(part) > 1 and part[-1].lower_ in CLUB_TAILS and part[-1].text[:1].isupper():
                out.append(Span(doc, part.start, part.end, label=EntityKind.ORG.value))
            start = k + 1
    return out


def _after_people_of(run: Span) -> Span:
    """ "Ann Berg and Rob Jones of the Union of Dock Porters": people named with their body
    by "of" open no name; the name starts after "of". Only when every word before "of" is
    a person's name as the model reads it (or "and", a comma), so "Sisters of Saint Brigid"
    and "Bank of Nova Scotia" stay whole."""
    for k, tok in enumerate(run):
        if tok.lower_ != "of":
            continue
        before = run[:k]
        if len(before) and before[0].ent_type_ == "PERSON" and all(
                t.ent_type_ == "PERSON" or t.lower_ in ("and", ",") for t in before) and \
                before[-1].ent_type_ == "PERSON":
            return _strip_det(run[k + 1:]) if k + 1 < len(run) else run
        return run
    return run


def _quoted_spans(doc: Doc) -> list[Span]:
    """Capitalized phrases in quotes: titles of works, or names of ideologies."""
    spans: list[Span] = []
    for m in re.finditer(r"[\"“‘']([A-Z][^\"“”‘’]{1,120}?)[\"”’'](?!\w)", doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if span is None or len(span) > 14 or span.text.endswith("."):
            continue
        words = [t for t in span if t.is_alpha and not t.is_stop]
        if not words or sum(t.text[:1].isupper() for t in words) < 0.6 * len(words):
            continue
        before = doc[max(0, span.start - 4):span.start]
        if any(t.lower_ == "for" for t in before[-2:]) and any(t.text == "(" for t in before):
            continue  # ABC (for "Full Name"): the acronym rule reads it
        lemmas = {t.lemma_.lower() for t in before}
        if lemmas & {"ideology", "doctrine", "philosophy", "line", "theory"}:
            spans.append(Span(doc, span.start, span.end, label=EntityKind.IDEOLOGY.value))
        elif lemmas & {"name", "rename"}:
            continue  # a name being given: the org rules read it
        elif lemmas & (WORK_NOUNS | {"title", "titled", "entitled", "call"}) or not any(
                t.lower_ in ORG_HEADS for t in span):
            spans.append(Span(doc, span.start, span.end, label=EntityKind.WORK.value))
    return spans


def _trusted_ner(doc: Doc) -> list[Span]:
    spans = []
    for ent in doc.ents:
        kind = NER_KINDS.get(ent.label_)
        if kind is None:
            continue
        ent = _strip_det(ent)
        paren = next((t.i for t in ent if t.text == "(" and not any(
            x.text == ")" for x in doc[t.i:ent.end])), None)
        if paren is not None:  # "League for Rural Democracy (LRD": the name ends at an
            # unclosed "("; "Labour Party of Erewhon (Radical)" keeps its parenthesis
            ent = _strip_det(doc[ent.start:paren])
        while len(ent) > 1 and kind is EntityKind.ORG and not _legal_form(ent[-1]) and (
                ent[-1].is_lower or any(t.is_lower and t.lower_ not in CONNECTORS and not _legal_form(t)
                                        for t in ent[1:])):
            ent = ent[:-1]  # "Tenants Federation in October": NER ran past the name
        if not len(ent) or not ent[0].text[:1].isupper():
            continue
        if kind is EntityKind.ORG and len(ent) == 1 and not is_acronym(ent.text) and \
                ent[0].pos_ != "PROPN":
            continue
        if kind is EntityKind.ORG and len(ent) == 1 and ent.text.lower() in ORG_HEADS and not any(
                len(e) > 1 and _strip_det(e)[:1].text == ent.text for e in doc.ents if e.end <= ent.start):
            continue  # "Party president Tull": a word for a body names none, unless it is
            # short for a name that began with it ("the Movement for ...", then "the Movement")
        if kind is EntityKind.ORG and ent[-1].pos_ == "ADJ":
            continue  # "Anti-Revisionist": a description, not a name
        if ent.text in NOT_ACRONYMS and kind is not EntityKind.PLACE:
            continue
        if kind in (EntityKind.ORG, EntityKind.PERSON) and len(ent) == 1 and not is_acronym(ent.text) \
                and ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "at", "near"):
            kind = EntityKind.PLACE  # "launched in Durban": a one-word name after "in" is a place
        spans.append(Span(doc, ent.start, ent.end, label=kind.value))
    return spans


def _strip_det(span: Span) -> Span:
    while len(span) and (span[0].lower_ in ("the", "a", "an") or span[0].text in QUOTES):
        span = span[1:]
    while len(span) and (span[-1].text in QUOTES or span[-1].is_punct):
        span = span[:-1]
    return span


def _with_country_suffix(doc: Doc, span: Span) -> Span:
    """ "Communist Party, USA", "Kessel Tools, LLC", "Marlow Co., Ltd.": keep the country or
    the legal form when it closes the name."""
    end = span.end
    while end + 1 < len(doc) and doc[end].text == "," and (
            doc[end + 1].text in COUNTRY_SUFFIXES or _legal_form(doc[end + 1])):
        after = doc[end + 2] if end + 2 < len(doc) else None
        if not (after is None or not after.text[:1].isalpha() or after.is_punct or after.pos_ in ("VERB", "AUX")
                or _legal_form(doc[end + 1])):
            break
        end += 2
    return Span(doc, span.start, end, label=EntityKind.ORG.value) if end != span.end else span


def _legal_form_after(doc: Doc, span: Span) -> bool:
    """ "Hachette Nord Associes, SNC": a name the model took for a person's is a company's
    when a legal form closes it."""
    return span.end + 1 < len(doc) and doc[span.end].text == "," and _legal_form(doc[span.end + 1])


def _legal_form(tok: Token) -> bool:
    """ "Inc.", "LLC", "AS", "plc": capitalized as written ("as well as" is no company)."""
    return tok.text.lower() in LEGAL_FORMS and (tok.text[:1].isupper() or tok.text == "plc")


# Legal forms written after a comma at the end of a company's name.
LEGAL_FORMS = frozenset("""inc inc. llc l.l.c. ltd ltd. plc co. corp. gmbh ag s.a. sa s.a.s. nv
n.v. bv b.v. spa s.p.a. srl s.r.l. oy ab as a/s kg lp llp pty snc sarl sas""".split())


def _with_qualifier(doc: Doc, span: Span) -> Span:
    """ "Labour Party of Erewhon (Radical-Agrarian)": a one-word qualifier in parentheses
    that is neither an acronym nor a place nor a date belongs to the name (a phrase there,
    "(Die Roten)", is another name, left to the alias rules)."""
    end = span.end
    if end >= len(doc) or doc[end].text != "(":
        return span
    close = next((t.i for t in doc[end + 1:end + 5] if t.text == ")"), None)
    inside = doc[end + 1:close] if close is not None else None
    if inside is None or not len(inside) or " " in inside.text or any(
            not (t.text == "-" or t.is_alpha and t.text[:1].isupper()) or is_acronym(t.text) or t.text.isupper()
            or t.ent_type_ in ("GPE", "LOC", "DATE") for t in inside):
        return span
    return Span(doc, span.start, close + 1, label=span.label_)


# Lower-case words inside place names: "Viana do Castelo", "Newcastle upon Tyne".
PLACE_LINKS = frozenset({"do", "da", "dos", "das", "de", "upon", "am", "an", "der", "sur", "en"})


def _merge_place_pairs(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Ann Arbor, Michigan" is one place; so is "Viana do Castelo", which the model
    reads as a place and a person."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == span.label_ == EntityKind.PLACE.value
                and span.start == prev.end + 1 and doc[prev.end].text == ","):
            out[-1] = Span(doc, prev.start, span.end, label=span.label_)
        elif (prev is not None and prev.label_ == EntityKind.PLACE.value and span.start == prev.end + 1
              and doc[prev.end].lower_ in PLACE_LINKS and span[0].text[:1].isupper()
              and span.label_ != EntityKind.ORG.value):
            out[-1] = Span(doc, prev.start, span.end, label=prev.label_)
        else:
            out.append(span)
    return out


def _split_coordinated(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Reds and Union 84 merged": a run of capitalized words joined by "and" is
    two names when one side is named on its own elsewhere in the text ("Hearth and Home
    League", whose parts never stand alone, stays one)."""
    alone = {m.text for m in spans}
    out = []
    for span in spans:
        ands = [t.i for t in span if t.lower_ == "and"]
        if span.label_ != EntityKind.ORG.value or len(ands) != 1:
            out.append(span)
            continue
        left, right = doc[span.start:ands[0]], doc[ands[0] + 1:span.end]
        if len(left) and len(right) and (right.text in alone - {span.text} or (
                left.text in alone - {span.text} and not _name_tail(right)) or (
                len(left) > 1 and _name_tail(left) and _name_tail(right)) or _after_plural(doc, span)):
            out += [Span(doc, left.start, left.end, label=span.label_),
                    Span(doc, right.start, right.end, label=span.label_)]
        else:
            out.append(span)
    return out


def _split_at_possessive(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Orbis Media Group's Helios Radio", "Germany's Social Democratic Party": the model
    reads one name where the text names a body and what belongs to it. The possessor is
    cut off when it is plainly a name of its own: it ends in an organization noun, the
    text names it alone elsewhere, or the model reads it as a place. A possessive inside
    one name ("St Anne's College", "the Women's Institute") meets none of these."""
    alone = {m.text for m in spans}
    out: list[Span] = []
    for span in spans:
        cut = next((t for t in span[1:-1] if t.text in ("'s", "'", "’s", "’") and t.dep_ == "case"), None)
        if span.label_ != EntityKind.ORG.value or cut is None:
            out.append(span)
            continue
        left, right = doc[span.start:cut.i], doc[cut.i + 1:span.end]
        place = any(t.ent_type_ in ("GPE", "LOC") for t in left)
        heads = ORG_HEADS - PEOPLE_HEADS  # "the Students' Federation" is one name
        if right[0].text[:1].isupper() and left[-1].lower_ not in PEOPLE_HEADS and (
                left[-1].lower_ in heads or left.text in alone or place):
            label = EntityKind.PLACE.value if place and left[-1].lower_ not in heads else span.label_
            person = all(t.ent_type_ == "PERSON" for t in right)  # "the Labour Party's Tom Bale"
            out += [Span(doc, left.start, left.end, label=label),
                    Span(doc, right.start, right.end, label=EntityKind.PERSON.value if person else span.label_)]
        else:
            out.append(span)
    return out


def _name_tail(words: Span) -> bool:
    """ "Engineering Corporation", "Feeder Airlines": words ending as a body's name does
    (not in a plural of people: "Young Workers and Students Party" is one name)."""
    last = words[-1].lower_.strip(".")
    return len(words) > 1 and last in NAME_TAILS | CLUB_TAILS and words[0].lower_ not in NAME_TAILS | ORG_HEADS


# Last words of a body's name ("... Savings Bank", "... Corporation"), people's plurals aside.


# Organization-name heads that are plurals of people.
PEOPLE_HEADS = frozenset("""students workers youth sisters brothers daughters sons friends
servants fathers missionaries""".split())


NAME_TAILS = (ORG_HEADS | ORG_NOUNS) - PEOPLE_HEADS - AMBIGUOUS_ORG_NOUNS


def _after_plural(doc: Doc, span: Span) -> bool:
    """ "its subsidiaries A and B", "two clubs, A and B": after a plural organization noun
    the names are several."""
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in (",", "the", ":"):
        i -= 1
    return i >= 0 and doc[i].tag_ == "NNS" and (doc[i].lemma_.lower() in ORG_NOUNS | PART_NOUNS)


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Longest first; rule spans win ties over NER (they are listed first)."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: -(s.end - s.start)):
        if taken.isdisjoint(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


BODY_NOUNS = frozenset({"movement", "party", "group", "club", "company", "firm", "charity", "faction",
                        "start-up", "startup", "union", "league", "society", "association",
                        "organization", "organisation", "network", "coalition", "federation",
                        "congregation", "order", "business", "enterprise", "maker", "manufacturer",
                        # bands and teams, named after the word for them as often as companies
                        "band", "team", "ensemble", "orchestra", "choir", "trio", "duo", "quartet",
                        "quintet", "label", "outfit", "bank", "airline", "publisher", "brewery",
                        "regiment", "battalion", "squadron", "agency", "school", "college"})


# Verbs whose subject can only be a body: a capitalized subject of one names an organization.
BODY_PREDICATES = frozenset({"dissolve", "disband", "merge", "amalgamate", "rename", "rebrand",
                             "headquarter", "affiliate", "absorb", "incorporate", "fold",
                             "begin", "start"})
# What a body may begin as ("began in 1952 as a repair shop"); a person begins as a clerk.
BEGINNINGS = BODY_NOUNS | frozenset({"shop", "workshop", "store", "studio", "practice", "venture",
                                     "collective", "cooperative", "co-operative", "campaign",
                                     "circle", "committee", "club", "team", "band", "project"})
PASSIVE_BODY_PREDICATES = frozenset({"found", "establish", "form", "launch", "acquire", "organize",
                                     "organise", "constitute", "set"})


def _broke_up(subj: Token) -> bool:
    """ "The Velvet Foxes split up in 1990": a name after "the" that breaks up is a band or
    a group ("Tom and Anna broke up" has no "the")."""
    verb = subj.head
    return verb.lemma_.lower() in ("split", "break") and any(
        c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) and any(
        c.dep_ == "det" and c.lower_ == "the" for c in subj.children)


def _named_by_what_it_does(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Zentrix was acquired", "Halmek itself was absorbed", "Ordre Ancien was dissolved":
    NER misses many one-off names; the subject of a verb only a body can undergo is one."""
    covered = {i: m for m in spans for i in range(m.start, m.end)}
    out = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        lemma, passive = tok.head.lemma_.lower(), tok.dep_ == "nsubjpass"
        if lemma not in BODY_PREDICATES and not (passive and lemma in PASSIVE_BODY_PREDICATES) \
                and not _broke_up(tok):
            continue
        if tok.lower_ == "which" and tok.head.dep_ == "relcl":  # "Van Dam Lampenfabriek, which was
            held = covered.get(tok.head.head.i)  # established in 1921": not a person
            if held is not None and held.label_ == EntityKind.PERSON.value:
                out.append(Span(doc, held.start, held.end, label=EntityKind.ORG.value))
            continue
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        began_as = lemma in ("begin", "start")  # "Haldorsen Gauges began as a shop"
        if began_as and not any(p.lemma_.lower() in BEGINNINGS for a in tok.head.children
                                if a.lower_ == "as" for p in a.children if p.dep_ == "pobj"):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start == tok.sent.start + 0 and doc[start].lower_ == "the":
            start += 1
        held = covered.get(tok.i)
        if held is None:
            out.append(Span(doc, start, tok.i + 1, label=EntityKind.ORG.value))
        elif held.label_ in _RETYPABLE and (passive or began_as):  # "The Night Ferries were formed"
            out.append(Span(doc, held.start, held.end, label=EntityKind.ORG.value))
    return out


def _bodies_named_as_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Flemish movement Groene Burgers", "an independent charity, Young Roots
    Edinburgh": a name set right after a word for a body names a body, whatever NER said."""
    out = []
    for span in spans:
        if span.label_ == EntityKind.PLACE.value and span.start > 1 and \
                doc[span.start - 1].lemma_.lower() in BODY_NOUNS and doc[span.start - 1].pos_ == "NOUN" \
                and doc[span.start - 2].lower_ not in ("in", "at", "from", "of", "near"):
            span = Span(doc, span.start, span.end, label=EntityKind.ORG.value)  # "the band Hollowmoor"
        if span.label_ == EntityKind.PERSON.value and span.start > 0:
            before = doc[span.start - 1] if doc[span.start - 1].text != "," else (
                doc[span.start - 2] if span.start > 1 else doc[0])
            root = span.root
            after = doc[span.end] if span.end < len(doc) else None
            if before.lemma_.lower() in BODY_NOUNS or (
                    root.dep_ == "appos" and root.head.lemma_.lower() in BODY_NOUNS) or (
                    after is not None and after.lemma_.lower() in BODY_NOUNS and root.dep_ == "compound"
                    and root.head == after):  # "the larger Verda party"
                span = Span(doc, span.start, span.end, label=EntityKind.ORG.value)
        out.append(span)
    return out


def _named_before_body_noun(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "dissidents from the larger Verde party": a proper noun qualifying a word for a body
    names that body, where NER saw nothing."""
    covered = {i for m in spans for i in range(m.start, m.end)}
    out = []
    for tok in doc:
        if (tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.text[:1].isupper()
                and tok.head.lemma_.lower() in BODY_NOUNS and tok.head.text.islower()
                and tok.head.i == tok.i + 1 and tok.i not in covered
                and tok.ent_type_ not in ("NORP", "DATE", "GPE", "LOC")):
            out.append(Span(doc, tok.i, tok.i + 1, label=EntityKind.ORG.value))
    return out


NAME_LINKS = frozenset({"of", "for", "and", "&", "de", "the", "in"})


def _body_noun(noun: Token) -> bool:
    """A noun that says its referent is an organization: "a band", "a record label"."""
    if noun.pos_ != "NOUN" or noun.tag_ not in ("NN", "NNS"):
        return False
    lemma = noun.lemma_.lower()
    if lemma in TYPING_ORG_NOUNS:
        return True
    return lemma in AMBIGUOUS_ORG_NOUNS | ORG_NOUNS and any(
        c.dep_ in ("compound", "amod") and c.lower_ in BODY_MODIFIERS for c in noun.children)


def _one_of(noun: Token) -> Token:
    """ "one of the largest banks": the plural noun the "one" is picked from."""
    if noun.lower_ != "one":
        return noun
    return next((p for c in noun.children if c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.tag_ == "NNS"), noun)


def _described_as_body(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Velvet Harbour is an Argentine band", "X was one of the oldest banks", "X, a rock
    band, ...": a name that is the subject of "be" with a word for a body as its complement,
    or set beside one, names a body, whatever NER said of it or missed; the description is
    the text's own word for what it is."""
    by_token = {i: m for m in spans for i in range(m.start, m.end)}
    changed: dict[int, Span] = {}
    added: list[Span] = []
    swallowed: set[int] = set()
    for tok in doc:
        if tok.pos_ != "PROPN":
            continue
        said = [c for c in tok.head.children if c.dep_ == "attr"] if (
            tok.dep_ == "nsubj" and tok.head.lemma_ == "be") else []
        said += [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i]  # "X, a rock band,"
        said = [_one_of(c) for c in said]
        if not any(_body_noun(c) and (c.tag_ == "NNS" or any(d.lower_ in ("a", "an") for d in c.children))
                   for c in said):
            continue
        held = by_token.get(tok.i)
        if held is not None:
            if held.label_ in (EntityKind.PERSON.value, EntityKind.WORK.value, EntityKind.PLACE.value):
                changed[held.start] = Span(doc, held.start, held.end, label=EntityKind.ORG.value)
            continue
        start = tok.left_edge.i
        while start < tok.i and (doc[start].lower_ == "the" or not doc[start].text[:1].isupper()):
            start += 1
        end = tok.right_edge.i + 1  # "Hope for Ostby is a charity": the name runs on
        run = doc[start:end]
        if len(run) <= 8 and run[-1].text[:1].isupper() and all(
                t.text[:1].isupper() or t.lower_ in NAME_LINKS for t in run):
            swallowed.update(range(start, end))
            added.append(Span(doc, start, end, label=EntityKind.ORG.value))
    out = [changed.get(m.start, m) for m in spans if m.start not in swallowed]
    return sorted(out + added, key=lambda m: m.start)


_RETYPABLE = (EntityKind.PERSON.value, EntityKind.WORK.value)


def _proper_run_ending_at(doc: Doc, i: int) -> Span | None:
    """The capitalized words ending at token ``i`` ("the Northern Rovers"), without "the"."""
    start = i
    while start >= 0 and doc[start].pos_ == "PROPN" and doc[start].text[:1].isupper() \
            and doc[start].ent_type_ not in ("NORP", "DATE", "GPE", "LOC", "CARDINAL", "ORDINAL"):
        start -= 1
    return Span(doc, start + 1, i + 1) if start < i else None


def _as_org(doc: Doc, i: int, covered: dict[int, Span]) -> Span | None:
    """An organization span for the name ending at token ``i``: the mention there, retyped
    if NER took it for a person or a title, or the capitalized words NER skipped; None for
    a place or a name that is already a body."""
    held = covered.get(i)
    if held is not None:
        return Span(doc, held.start, held.end, label=EntityKind.ORG.value) \
            if held.label_ in _RETYPABLE and held.end == i + 1 else None
    run = _proper_run_ending_at(doc, i)
    return Span(doc, run.start, run.end, label=EntityKind.ORG.value) if run is not None else None


def _bodies_by_member_role(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Harbour Lights bassist Tomas Reyes", "a former Northern Rovers striker": a name right
    before a member's role noun names a body (a band, a team, a party), and the name right
    after it a person; the small model takes many band and team names for people or
    titles, and reads "Drummer Kit Hale" as one name."""
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for tok in doc:
        if tok.lower_ not in MEMBER_ROLES and tok.lemma_.lower() not in MEMBER_ROLES:
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.text[:1].isupper() and tok.i != tok.sent.start and (after is None or after.lower_ not in ("of", "for")):
            continue  # "Forward Party": a capital mid-sentence makes the word part of a name
        i = tok.i - 1
        if i >= 0 and doc[i].tag_ == "POS":
            i -= 1
        body = _as_org(doc, i, covered) if i >= 0 and tok.lower_ != "member" else None
        if body is not None:
            found.append(body)
        held = covered.get(tok.i)  # "Drummer Kit Hale": the role is not part of the name
        if held is not None and held.start == tok.i and held.end > tok.i + 1:
            rest = _strip_det(doc[tok.i + 2:held.end]) if doc[tok.i + 1].lower_ in ("of", "for") else None
            if rest is not None:  # "Fellow of the Royal Society", "MP for the X Party": the body
                if len(rest):
                    found.append(Span(doc, rest.start, rest.end, label=EntityKind.ORG.value))
            elif doc[tok.i + 1].text[:1].isupper():
                found.append(Span(doc, tok.i + 1, held.end, label=EntityKind.PERSON.value))
    return found


def _bodies_by_description(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "The Quiet Engine is a quartet formed in 1990", "Skyline, a regional airline,": a
    name the sentence says is a kind of organization names one, whatever NER made of it."""
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for tok in doc:
        if not _body_noun(tok):
            continue
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            named = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        elif tok.dep_ == "appos" and any(c.lower_ in ("a", "an") for c in tok.children):
            named = tok.head
        else:
            continue
        if named is not None and named.pos_ == "PROPN" and named.i < tok.i:
            body = _as_org(doc, named.i, covered)
            if body is not None:
                found.append(body)
    return found


MEMBERSHIP_VERBS = frozenset({"join", "rejoin", "leave", "quit"})


def _bodies_joined_or_left(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Drummer Kit Hale left the Night Ferries": what a person joins or leaves, named
    with a capital, is a body, not a title. A place the model tags as one stays a place,
    unless a player's or musician's title says what was left ("drummer A left X", the
    model's facility or region: not a city, and not "left X for Y")."""
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for tok in doc:
        if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in MEMBERSHIP_VERBS or not (
                tok.pos_ == "PROPN" or tok.text[:1].isupper() and tok.i in covered):
            continue
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        person = _person_at(doc, subject, covered) if subject is not None else None
        if person is None:
            continue
        body = _as_org(doc, tok.i, covered)
        held = covered.get(tok.i)
        if body is None and held is not None and held.label_ == EntityKind.PLACE.value and \
                held.end == tok.i + 1 and _band_titled(doc, person, subject) and \
                doc[held.start].ent_type_ in ("FAC", "LOC") and not (
                    held.end < len(doc) and doc[held.end].lower_ in ("for", "to")):
            body = Span(doc, held.start, held.end, label=EntityKind.ORG.value)
        if body is not None:
            found.append(body)
    return found


# Words by which a sentence tells it is about bands or teams: "toured with A and B of X".
BAND_CONTEXT = frozenset({"band", "bandmate", "tour", "album", "concert", "gig", "song", "single",
                          "record", "perform", "team", "teammate", "match", "season", "squad", "track",
                          "vocal", "vocals"})


def _bodies_people_are_of(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "toured with Dara Finch and Colm Reddy of The Lantern Kings", "guitarist Ann Holt
    of the Salt Rivers": what people are "of", when the model took it for a title or saw
    nothing, is their band or team if they bear its members' titles or the sentence speaks
    of bands or teams. A place stays a place ("A of Tarsus", "A and B of Boston"), and a
    lone untitled name ("A of the Hollow Crown") says nothing."""
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    cue = {t.i for t in doc if t.lemma_.lower() in BAND_CONTEXT and t.pos_ in ("NOUN", "VERB")}
    found: list[Span] = []
    for m in spans:
        if m.label_ != EntityKind.PERSON.value or m.end + 1 >= len(doc) or doc[m.end].lower_ != "of":
            continue
        people = listed_before(doc, m, covered)
        titled = any(_band_titled(doc, p) for p in people)
        in_context = len(people) > 1 and any(m.sent.start <= i < m.sent.end for i in cue)
        if not (titled or in_context):
            continue
        start = m.end + 1
        the = doc[start].lower_ == "the"
        if the:
            start += 1
        held = covered.get(start)
        if held is not None:
            if held.label_ == EntityKind.WORK.value and held.start == start:
                found.append(Span(doc, held.start, held.end, label=EntityKind.ORG.value))
            continue
        end = start
        while end < len(doc) and end not in covered and doc[end].is_alpha and doc[end].text[:1].isupper() \
                and doc[end].ent_type_ not in ("GPE", "LOC", "NORP", "DATE"):
            end += 1
        if end > start and (the or titled or end - start > 1):  # "A and B of Tarvik" may be a town
            found.append(Span(doc, start, end, label=EntityKind.ORG.value))
    return found


# Words for a band or a team, after which a name is the band's or team's, whatever the
# model made of it: "the band Night Ferries", "a new band, Black Orchard".
NAMING_NOUNS = frozenset({"band", "duo", "trio", "quartet", "quintet", "ensemble", "group",
                        "team", "club", "outfit", "supergroup",
                        # and what a firm owns: "its subsidiary Tarvo Freight", "the label Harrow"
                        "subsidiary", "affiliate", "imprint", "label"})


def _bands_named_after_their_noun(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Sara Lund was in the band Night Ferries", "A created a new band, Black Orchard":
    a name right after a lowercase word for a band or team (or after it and a comma) is
    that band's or team's, where the model took it for a person, a title or a facility; a
    city or a country stays a place ("the team Brazil" is left alone), except after a
    comma and a word only music uses ("a new band, Tarvik")."""
    found: list[Span] = []
    for m in spans:
        if m.label_ == EntityKind.ORG.value or m.start < 1:
            continue
        a_place = m.label_ == EntityKind.PLACE.value and doc[m.start].ent_type_ not in ("FAC", "LOC")
        if a_place and not (m.start > 1 and doc[m.start - 1].text == "," and
                            doc[m.start - 2].lemma_.lower() in MUSIC_GROUP_NOUNS and m.root.dep_ == "appos"):
            continue
        i = m.start - 1
        if doc[i].text == "The" and i > 0 and i != doc[i].sent.start:
            i -= 1  # "the punk band The Static Ones": the name's own article
        right_after = doc[i].text != ","
        if not right_after and i > 0:
            i -= 1
        before = doc[i]
        if before.pos_ == "NOUN" and before.text.islower() and before.lemma_.lower() in NAMING_NOUNS and (
                m.root.dep_ == "appos" and m.root.head.i == before.i or right_after):
            found.append(Span(doc, m.start, m.end, label=EntityKind.ORG.value))
    return found


# Words for a group of musicians, never a team or a country's side.
MUSIC_GROUP_NOUNS = frozenset({"band", "duo", "trio", "quartet", "quintet", "supergroup"})


def _bands_one_is_a_member_of_as_player(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "He was a member of Tarvik between 2006 and 2011 as a guitarist": a name one is a
    member of, in a clause that gives one a band's or team's role, is that band or team,
    where the model read a town or a person."""
    found: list[Span] = []
    for m in spans:
        if m.label_ == EntityKind.ORG.value or m.start < 2 or doc[m.start - 1].lower_ != "of" or \
                doc[m.start - 2].lemma_.lower() != "member":
            continue
        member = doc[m.start - 2]
        clause = doc[m.end:m.root.sent.end]
        if any(t.lower_ == "as" and _hangs_on(t, (member.i, member.head.i)) and any(
                x.lemma_.lower() in BAND_ROLES | TEAM_ROLES for x in doc[t.i + 1:t.i + 4]) for t in clause):
            found.append(Span(doc, m.start, m.end, label=EntityKind.ORG.value))
    return found


def _bodies_coordinated_with_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the merger of Tarvo Games and Orbis Books": a capitalized name coordinated with a
    body's name, which the model saw nothing in (or took for an event), is a body too.
    A person or a place named beside a body stays what it is."""
    covered = {k for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for m in spans:
        if m.label_ != EntityKind.ORG.value:
            continue
        root = m.root
        for other in list(root.conjuncts):
            run = _proper_run_ending_at(doc, other.i)
            if run is None or len(run) < 2 or any(k in covered for k in range(run.start, run.end)) or \
                    not all(t.pos_ == "PROPN" for t in run):
                continue
            found.append(Span(doc, run.start, run.end, label=EntityKind.ORG.value))
    return found


def _people_said_to_be(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Ana Ruiz is a Chilean novelist", "Ivo Petrak (born 1990) is a Czech footballer":
    an encyclopedia's first words name a person by what they are; a full name (two words
    or more) said to be what only a person is names a person, whatever the model saw."""
    by_start = {m.start: m for m in spans}
    found: list[Span] = []
    for tok in doc:
        if tok.dep_ != "attr" or tok.pos_ != "NOUN" or tok.head.lemma_ != "be" or \
                tok.lemma_.lower() not in OCCUPATIONS | MEMBER_ROLES:
            continue
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        run = _proper_run_ending_at(doc, subj.i) if subj is not None and subj.pos_ == "PROPN" else None
        if run is None or len(run) < 2 or not all(t.text[:1].isupper() for t in run):
            continue
        held = by_start.get(run.start)
        if held is not None and held.label_ == EntityKind.PERSON.value:
            continue
        if held is None or held.end == run.end:
            found.append(Span(doc, run.start, run.end, label=EntityKind.PERSON.value))
    return found


def _hangs_on(tok: Token, heads: tuple[int, ...]) -> bool:
    """Whether a word hangs on one of ``heads``, through the prepositions and dates between
    ("member of X from 1990 to 1994 as a defender": "as" on "from")."""
    t = tok
    while t.head.i != t.i and t.head.i not in heads:
        if t.head.pos_ not in ("ADP", "NUM") and t.head.ent_type_ != "DATE":
            return False
        t = t.head
    return t.head.i in heads


# Words for a sportsman that, like a player's position, take the team after "for": "a
# footballer for X".
PLAYER_NOUNS = frozenset({"footballer", "cricketer"})
# Verbs, with the prepositions after which they name the team a player is in: "plays for
# X", "signed with X", "was loaned to X", "transferred to X" (not "played with A": a
# fellow player).
PLAYING_VERBS = {"play": ("for",), "sign": ("for", "with", "by"), "loan": ("to",), "transfer": ("to",),
                 "draft": ("by",), "select": ("by",)}


def _bodies_played_for(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "who plays as a midfielder for Harlow Rovers", "was loaned to Harlow Rovers", "the
    guitarist of the Velvet Foxes": what a player plays for, or a band's or team's member
    is "of", is a team or a band where the model took it for a person. A person stays a
    person after an instrument or a backing role ("played bass for Ann Lee", "the drummer
    for Ann Lee", "played for Ann Lee"): after a verb, only a name set off by "the" or
    ending in a plural ("Harlow Rovers"), or one the model saw nothing in; after a
    player's title any name.""" 
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for prep in doc:
        if prep.dep_ not in ("prep", "dative", "agent") or prep.lower_ not in ("for", "to", "with", "of", "by", "at"):
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        held = covered.get(pobj.i)
        cut = covered.get(pobj.i - 1) if held is None and pobj.i != pobj.sent.start and (
            pobj.text[:1].isupper() and pobj.is_alpha or pobj.text[:1].isdigit() and pobj.text.endswith("s")) \
            else None
        if cut is not None and cut.end == pobj.i and (cut.label_ != EntityKind.PLACE.value or pobj.text.endswith("s")):
            held = Span(doc, cut.start, pobj.i + 1, label=EntityKind.PERSON.value)  # "the Tarvik Wolves", "the X 76ers"
        elif held is None and pobj.text[:1].isdigit() and pobj.text.endswith("s"):
            run = _proper_run_ending_at(doc, pobj.i - 1)  # "the Tarvik 76ers", the model saw nothing
            if run is not None and not any(k in covered for k in range(run.start, run.end)):
                held = Span(doc, run.start, pobj.i + 1, label=EntityKind.PERSON.value)
        if held is None and pobj.pos_ == "PROPN":
            held = _proper_run_ending_at(doc, pobj.i)  # a name the model saw nothing in
            if held is not None and any(k in covered for k in range(held.start, held.end)):
                held = None
            elif held is not None:
                held = Span(doc, held.start, held.end, label=EntityKind.PERSON.value)
        if held is None or held.end != pobj.i + 1 or held.label_ not in _RETYPABLE and not (
                held.label_ == EntityKind.PLACE.value and _a_players_club(prep)):
            continue
        head = prep.head
        if head.pos_ == "ADV" and head.head.i != head.i:
            head = head.head  # "played as a goalkeeper, most notably for X"
        the = held.start > 0 and doc[held.start - 1].lower_ == "the"
        lemma = head.lemma_.lower()
        plural = the or doc[held.end - 1].tag_ == "NNPS" or held.label_ != EntityKind.PERSON.value
        if head.pos_ == "VERB" and prep.lower_ in PLAYING_VERBS.get(lemma, ()) and not any(
                c.dep_ == "dobj" for c in head.children):
            team = plural  # "plays for Harlow Rovers", "signed with the X", not "played for Ann Lee"
        elif head.pos_ == "NOUN" and lemma in TEAM_ROLES | PLAYER_NOUNS and prep.lower_ in ("for", "of"):
            team = True  # "a midfielder for X"
        elif head.pos_ == "NOUN" and lemma in ("debut", "season", "spell", "loan") and \
                prep.lower_ in ("for", "with", "to") and held.label_ == EntityKind.PERSON.value:
            team = plural  # "his debut for X", "three seasons with X"
        elif head.pos_ == "VERB" and lemma == "spend" and prep.lower_ in ("with", "at") and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "season" for c in head.children) and \
                held.label_ == EntityKind.PERSON.value:
            team = plural  # "spent three seasons with X"
        elif held.label_ == EntityKind.PLACE.value:
            team = True  # "signed a contract with Tarvik": the model's town is the club
        elif head.pos_ == "NOUN" and lemma in BAND_ROLES and prep.lower_ in ("for", "of"):
            team = the  # "the guitarist of the Velvet Foxes", not "the drummer for Ann Lee"
        else:
            team = False
        if team:
            found.append(Span(doc, held.start, held.end, label=EntityKind.ORG.value))
    return found


def _a_players_club(prep: Token) -> bool:
    """ "signed for Tarvik", "a contract with Tarvik", "on loan to Tarvik", "a spell at
    Tarvik": what a player signs for or spends a spell at is a club, where the model
    read a town (a club is often called by its town's name). Not "played for Tarvik",
    which a national side's player says of a country, nor "moved" or "transferred to"."""
    head, word = prep.head, prep.lower_
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB":
        return lemma == "sign" and word in ("for", "with") or lemma == "loan" and word == "to"
    return head.pos_ == "NOUN" and (lemma == "contract" and word == "with" or
                                    lemma in ("spell", "stint", "loan") and word in ("at", "with", "to"))


# A party named by its members' word for themselves, capitalized: "a Republican member of
# the state senate", "Labour politician A", "ran as a Democrat". Only names that are a
# party's in English-speaking politics, never an ideology alone ("Communist", "Socialist"
# name a doctrine as often as a party).
PARTY_LABELS = frozenset({"democratic", "democrat", "republican", "labour", "labor", "liberal",
                          "conservative", "tory", "whig", "federalist", "green"})
# Words a party label stands before: its members' titles and a party's own things.
PARTY_LABEL_HEADS = frozenset({"politician", "candidate", "senator", "member", "leader", "nominee",
                               "congressman", "congresswoman", "representative", "legislator",
                               "assemblyman", "assemblywoman", "councillor", "councilor", "mp", "mep",
                               "ticket", "primary", "caucus", "incumbent", "lawmaker", "challenger",
                               "nomination", "activist", "delegate", "governor", "mayor", "whip"})


def _party_labels(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "a Republican member of the state senate", "Labour politician Tom Hardy", "the
    incumbent, Liberal Tom Hardy,", "A Republican, he has served ...", "ran as a Democrat":
    a capitalized party label before a member's title or a person's name, or said of a
    person ("a Democrat"), names that party. "Conservative estimates" or "a liberal
    politician" (lower case) name none."""
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for tok in doc:
        if tok.lower_ not in PARTY_LABELS or not tok.text[:1].isupper() or tok.is_upper or tok.i in covered:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        before = doc[tok.i - 1] if tok.i > 0 else None
        person_next = nxt is not None and (covered.get(nxt.i) is not None and
                                           covered[nxt.i].label_ == EntityKind.PERSON.value and
                                           covered[nxt.i].start == nxt.i)
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        person_after = after is not None and covered.get(after.i) is not None and \
            covered[after.i].label_ == EntityKind.PERSON.value and covered[after.i].start == after.i
        titled = nxt is not None and (nxt.text.islower() and nxt.lemma_.lower() in PARTY_LABEL_HEADS
                                      or nxt.text in ("MP", "MEP", "MLA", "MSP", "MPP", "MHA", "MNA", "TD")
                                      or nxt.lower_ in PARTY_LABEL_HEADS and person_after  # "Republican Senator A"
                                      or nxt.tag_ == "POS" and person_after and tok.lower_ != "green")  # "Labour's A"
        if before is not None and before.lower_ in DEMOCRAT_QUALIFIERS and before.text[:1].isupper() and \
                tok.lower_ == "democrat" and tok.i > 1:
            before = doc[tok.i - 2]  # "A, a Social Democrat, was appointed"
        said_of = before is not None and before.lower_ in ("a", "an") and tok.lower_ != "democratic" and (
            tok.dep_ in ("attr", "pobj", "appos") or (before.i == tok.sent.start and nxt is not None
                                                       and nxt.text == ","))
        bracketed = before is not None and before.text == "(" and nxt is not None and nxt.text == ")" and \
            before.i > 0 and covered.get(before.i - 1) is not None and \
            covered[before.i - 1].label_ == EntityKind.PERSON.value  # "Tom Hardy (Labour)"
        if titled or said_of or bracketed or (person_next and tok.i != tok.sent.start):
            start = tok.i
            if tok.lower_ in ("democrat", "democratic") and start > 0 and doc[start - 1].text[:1].isupper() and \
                    doc[start - 1].lower_ in DEMOCRAT_QUALIFIERS and len(covered.get(start - 1, doc[0:1])) == 1:
                start -= 1  # "a Liberal Democrat politician", "Social Democratic member"
            found.append(Span(doc, start, tok.i + 1, label=EntityKind.ORG.value))
    return found


# Words that make "Democrat" another party's label: "Liberal Democrat", "Christian Democrat".
DEMOCRAT_QUALIFIERS = frozenset({"liberal", "social", "christian", "free", "national", "new"})


# Plural words for bodies after which "such as" or "including" lists bodies of that kind.
KIND_NOUNS = frozenset({"team", "club", "band", "side", "party", "outfit", "orchestra", "society",
                        "union", "group", "ensemble"})


def listed_names_after(doc: Doc, i: int, covered: dict[int, Span]) -> list[Span]:
    """The names listed from token ``i`` on ("A, B and C", "A, B or C"), each a mention;
    the list stops at the first word that is neither a name nor a separator."""
    out: list[Span] = []
    end = doc[i].sent.end if i < len(doc) else i
    while i < end:
        if doc[i].text in (":", ",") or doc[i].lower_ in ("and", "or", "the"):
            i += 1
            continue
        held = covered.get(i)
        if held is None or held.start != i:
            break
        out.append(held)
        i = held.end
    return out


def _kind_after_such_as(doc: Doc, tok: Token) -> Token | None:
    """The plural body noun that "such as" or "including" at ``tok`` lists: "teams such
    as", "clubs including"."""
    if tok.lower_ == "as" and tok.i > 1 and doc[tok.i - 1].lower_ == "such":
        noun = doc[tok.i - 2]
    elif tok.lower_ == "including" and tok.i > 0:
        noun = doc[tok.i - 1] if doc[tok.i - 1].text != "," else doc[tok.i - 2]
    else:
        return None
    return noun if noun.tag_ == "NNS" and noun.lemma_.lower() in KIND_NOUNS else None


def _bodies_listed_by_kind(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "played for teams such as Harlow Rovers, Tarvik City and Greystone Athletic",
    "clubs including X and Y": names listed after a plural word for bodies are bodies of
    that kind, whatever the model made of them (a club is often named for its town)."""
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for tok in doc:
        if _kind_after_such_as(doc, tok) is None:
            continue
        for m in listed_names_after(doc, tok.i + 1, covered):
            if m.label_ != EntityKind.ORG.value:
                found.append(Span(doc, m.start, m.end, label=EntityKind.ORG.value))
    return found


# The last word of a legislature's name: "a member of the Bundestag for the X Party".
LEGISLATURES = frozenset({"parliament", "bundestag", "storting", "riksdag", "folketing", "senate",
                          "assembly", "house", "congress", "diet", "duma", "sejm", "knesset", "council",
                          "commons", "landtag", "cortes", "chamber", "althing", "eduskunta", "sabor",
                          "legislature", "representatives", "deputies", "lords"})


def _people_without_possessive(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "guitarist Ann Lee's father": the model may take the possessive ending into a
    person's name; the person is "Ann Lee". (A body keeps it: "McDonald's" is a name.)"""
    out = []
    for m in spans:
        if m.label_ == EntityKind.PERSON.value and len(m) > 1 and m[-1].tag_ == "POS":
            m = Span(doc, m.start, m.end - 1, label=m.label_)
        out.append(m)
    return out


def _split_seat_for_party(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "a member of the Bundestag for the Social Democratic Party", "Member of Parliament
    for the Centre Party": a legislature (or a member's title) and the party its member
    sits for are two names, not one. A name with "for a" in it ("the Council for a Free
    Tarvik Party") or no party after "for" stays whole."""
    out: list[Span] = []
    for m in spans:
        fors = [t.i for t in m if t.lower_ == "for"] if m.label_ == EntityKind.ORG.value else []
        k = fors[0] if len(fors) == 1 else None
        left = doc[m.start:k] if k is not None else None
        right = _strip_det(doc[k + 1:m.end]) if k is not None else None
        if k is None or left is None or right is None or not len(left) or not len(right) or not (
                left[-1].lower_ in LEGISLATURES or left[0].lower_ in MEMBER_ROLES) or not any(
                t.lower_ in ("party", "partei", "parti", "partido", "partito") for t in right) or \
                doc[k + 1].lower_ in ("a", "an"):
            out.append(m)
            continue
        if left[-1].lower_ in LEGISLATURES:
            out.append(Span(doc, left.start, left.end, label=EntityKind.ORG.value))
        out.append(Span(doc, right.start, right.end, label=EntityKind.ORG.value))
    return out


def listed_before(doc: Doc, m: Span, covered: dict[int, Span]) -> list[Span]:
    """The person ``m`` and the people listed right before it ("A, B and m"), read by
    the words between them (the parser often hangs the last one elsewhere)."""
    out, i = [m], m.start
    while i >= 2 and doc[i - 1].lower_ in ("and", ",") and len(out) < 8:
        j = i - 2 if doc[i - 2].text != "," else i - 3  # "A, B, and m"
        held = covered.get(j) if j >= 0 else None
        if held is None or held.label_ != EntityKind.PERSON.value or held.end != j + 1:
            break
        out.append(held)
        i = held.start
    return out


def _bodies_formerly_of(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Leroy Burgess (formerly of Black Ivory)": what a person is "formerly of" in
    brackets is a body where the model made it a title or a facility, or even a town
    when the sentence is about songs or bands (elsewhere a city stays a place: "A
    (formerly of Boston)")."""
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for tok in doc:
        if tok.lower_ != "formerly" or tok.i < 2 or tok.i + 2 >= len(doc) or doc[tok.i - 1].text != "(" \
                or doc[tok.i + 1].lower_ != "of":
            continue
        person = covered.get(tok.i - 2)
        j = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
        held = covered.get(j)
        if person is None or person.label_ != EntityKind.PERSON.value or held is None or held.start != j:
            continue
        music = any(t.lemma_.lower() in BAND_CONTEXT for t in tok.sent)
        if held.label_ in _RETYPABLE or (held.label_ == EntityKind.PLACE.value and (
                doc[j].ent_type_ in ("FAC", "LOC") or music)):
            found.append(Span(doc, held.start, held.end, label=EntityKind.ORG.value))
    return found


def _person_at(doc: Doc, subject: Token, covered: dict[int, Span]) -> Span | None:
    """The person a subject names: "Kit Hale", or "the bassist Kit Hale" (a title with the
    name in apposition)."""
    held = covered.get(subject.i)
    if held is not None and held.label_ == EntityKind.PERSON.value:
        return held
    if subject.lemma_.lower() in MEMBER_ROLES:
        for c in subject.children:
            named = covered.get(c.i)
            if c.dep_ == "appos" and named is not None and named.label_ == EntityKind.PERSON.value:
                return named
    return None


def _band_titled(doc: Doc, person: Span, subject: Token | None = None) -> bool:
    """ "drummer Kit Hale", "the bassist Kit Hale": a person named with a band's or a
    team's title."""
    before = doc[person.start - 1] if person.start > 0 else None
    titles = BAND_ROLES | TEAM_ROLES
    return (before is not None and before.lemma_.lower() in titles) or (
        subject is not None and subject.lemma_.lower() in titles)


def _people_listed_with_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "consisting of Ana Ruiz, Ben Cole and Dara Finn": an untagged name coordinated with
    names of people is a person's."""
    covered = {k: m for m in spans for k in range(m.start, m.end)}
    found: list[Span] = []
    for m in spans:
        if m.label_ != EntityKind.PERSON.value or m.root.dep_ != "conj":
            continue
        first = m.root.head
        if first.i in covered or first.pos_ != "PROPN" or len(m) < 2:
            continue
        run = _proper_run_ending_at(doc, first.i)
        if run is not None and len(run) >= 2:
            found.append(Span(doc, run.start, run.end, label=EntityKind.PERSON.value))
    return found


def _named_after_body_noun(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the folk band Hollowmere", "the rowing club Oarsmen United": proper nouns set right
    after a lowercase word for a body name that body, where NER saw nothing."""
    covered = {i for m in spans for i in range(m.start, m.end)}
    out = []
    i = 1
    while i < len(doc):
        tok, before = doc[i], doc[i - 1]
        if (tok.pos_ in ("PROPN", "NOUN", "ADV", "ADJ", "X") and tok.text[:1].isupper()
                and tok.is_alpha and tok.i not in covered
                and before.lemma_.lower() in BODY_NOUNS and before.pos_ == "NOUN"
                and before.text.islower() and tok.ent_type_ not in ("NORP", "DATE", "GPE", "LOC")):
            j = i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                    and j not in covered:
                j += 1
            out.append(Span(doc, i, j, label=EntityKind.ORG.value))
            i = j
        else:
            i += 1
    return out


def _said_to_be_a_body(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "The Hollow Reeds is an American folk ensemble", "Kestrel is a record label": the
    subject of "is a <word for a body>" names a body, whatever NER said (a person, a place)
    or where it saw nothing."""
    held = {i: m for m in spans for i in range(m.start, m.end)}
    out = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.head.lemma_ != "be" or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        attr = next((c for c in tok.head.children if c.dep_ == "attr"), None)
        if attr is not None and attr.lemma_.lower() not in BODY_NOUNS | TYPING_ORG_NOUNS:
            # "is an American "computer network music" ensemble": the noun misparsed in apposition
            attr = next((c for c in attr.children if c.dep_ == "appos" and c.tag_ == "NN"
                         and c.lemma_.lower() in BODY_NOUNS | TYPING_ORG_NOUNS), None) if any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children) else None
            det_ok = attr is not None
        else:
            det_ok = attr is not None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children)
        if attr is None or attr.lemma_.lower() not in BODY_NOUNS | TYPING_ORG_NOUNS or attr.tag_ != "NN" or not det_ok:
            continue
        m = held.get(tok.i)
        if m is not None:
            if m.label_ in (EntityKind.PERSON.value, EntityKind.PLACE.value) and m.end == tok.i + 1:
                out.append(Span(doc, m.start, m.end, label=EntityKind.ORG.value))
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                and start - 1 not in held:
            start -= 1
        out.append(Span(doc, start, tok.i + 1, label=EntityKind.ORG.value))
    return out


PLACE_NOUNS = frozenset({"village", "town", "city", "county", "parish", "hamlet", "borough",
                         "district", "province", "region", "municipality", "suburb", "township",
                         "island", "valley", "port", "commune", "canton", "shire",
                         "neighborhood", "neighbourhood", "settlement", "quarter", "locality"})


# The last word of a name that says it is a feature of the land or sea: "Rohn Glacier",
# "Blue River", "Hamburg Metropolitan Region" (not "Red River Rangers": only the last word).
GEO_TAILS = frozenset("""glacier river lake mountain mountains pass reservoir creek bay island islands
valley peninsula region sea ocean gulf strait canal forest desert plateau hills falls coast riviera
fjord cape delta basin""".split())
# The first words of a name that says it is an event: "War of the Quadruple Alliance".
EVENT_HEADS = frozenset({"war", "battle", "siege", "treaty", "revolution", "uprising", "rebellion",
                         "massacre", "crisis", "election", "campaign"})


def _without_events(spans: list[Span]) -> list[Span]:
    """ "The War of the Quadruple Alliance (1717 - 1720)": a war, a treaty or a battle is
    named like a body ("Alliance", "League") but is none."""
    return [s for s in spans if not (s.label_ == EntityKind.ORG.value and len(s) > 2
                                     and s[0].lower_ in EVENT_HEADS and s[1].lower_ == "of")]


def _places_by_what_they_are(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the village of Lower Hambleton", "the town of Eastwick": a name after "<word for a
    place> of" is a place, whatever NER said, unless it holds a word for a body."""
    out = []
    for span in spans:
        if span.label_ in (EntityKind.ORG.value, EntityKind.PERSON.value) and \
                not any(t.lower_ in ORG_HEADS for t in span) and (span[-1].lower_ in GEO_TAILS or (
                    span.start > 1 and (doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lemma_.lower() in PLACE_NOUNS
                                        and doc[span.start - 2].text.islower() or _from_after_body(doc, span, out)
                                        or _where_a_body_is(doc, span))) or _described_as_place(span)):
            span = Span(doc, span.start, span.end, label=EntityKind.PLACE.value)
        out.append(span)
    return out


def _described_as_place(span: Span) -> bool:
    """ "Eastgate is a neighbourhood of Tarvik", "Ostby is a small town on the coast": a
    name the text itself calls a place is one, whatever the model typed it."""
    verb = span.root.head
    if span.root.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    return any(c.dep_ == "attr" and c.lemma_.lower() in PLACE_NOUNS and c.text.islower()
               for c in verb.children)


def _where_a_body_is(doc: Doc, span: Span) -> bool:
    """ "based in Tarvik", "headquartered at Ostby", "moved its offices to Tarvik": where a
    body is based or moves is a place, a name the model took for a body's included, unless
    the name holds a word for a body ("moved to the Dock Union's hall" names none here)."""
    if span.label_ != EntityKind.ORG.value or any(t.lower_ in NAME_TAILS for t in span):
        return False
    prep = span.root.head
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "to", "from") or span.root.dep_ != "pobj":
        return False
    verb = prep.head
    lemma = verb.lemma_.lower()
    if lemma in ("base", "headquarter", "locate", "situate"):
        return True
    if prep.lower_ == "from" and lemma in ("operate", "work", "carry", "function"):
        return True  # "carried on from Tarvik"
    return lemma in ("move", "relocate", "transfer") and prep.lower_ in ("to", "from") and any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass") and (c.lemma_.lower() in (
            "headquarters", "headquarter", "office", "offices", "seat", "base", "operations", "motherhouse")
            or is_mother_house(c))
        for c in verb.children)  # "moved its headquarters to P", "the mother house moved to Q"


def is_mother_house(noun: Token) -> bool:
    """ "the mother house", "its head house": a religious order's seat, as a firm's head office."""
    return noun.lemma_.lower() == "house" and any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("mother", "head") for c in noun.children)


def _from_after_body(doc: Doc, span: Span, before: list[Span]) -> bool:
    """ "a football club from Fyllingby, Bergen", "a punk band from Tarvik": where a body
    is from is a place (and so is the next name in a "Town, Region" list after it)."""
    i = span.start - 1
    if doc[i].text == "," and before and before[-1].end == i and before[-1].label_ == EntityKind.PLACE.value:
        return _from_after_body(doc, before[-1], before[:-1]) or before[-1].start > 0 and \
            doc[before[-1].start - 1].lower_ == "from"
    return doc[i].lower_ == "from" and i > 0 and doc[i - 1].pos_ == "NOUN" and \
        doc[i - 1].lemma_.lower() in ORG_NOUNS - AMBIGUOUS_ORG_NOUNS | {"team", "label"}


def _with_coordinated_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Essex and Suffolk Fruit Growers": the places that open a body's name after
    "the" are part of it, not a place and a body ("Essex" and "Suffolk Fruit Growers")."""
    held = {i: m for m in spans for i in range(m.start, m.end)}
    out: list[Span] = []
    drop: set[int] = set()
    for span in spans:
        if span.label_ != EntityKind.ORG.value:
            out.append(span)
            continue
        def free(i: int) -> bool:  # no word of another body or a person's name
            return held.get(i) is None or held[i].label_ == EntityKind.PLACE.value
        k = span.start
        while k > 0 and _capitalized(doc[k - 1]) and free(k - 1):
            k -= 1
        if k > 2 and doc[k - 1].lower_ == "and" and _capitalized(doc[k - 2]) and free(k - 2):
            k2 = k - 2
            while k2 > 0 and _capitalized(doc[k2 - 1]) and free(k2 - 1):
                k2 -= 1
            if k2 > 0 and doc[k2 - 1].lower_ == "the":
                k = k2
        if k < span.start and doc[k - 1].lower_ == "the" and k > 0:
            drop.update(range(k, span.start))
            span = Span(doc, k, span.end, label=span.label_)
        out.append(span)
    return [m for m in out if m.label_ == EntityKind.ORG.value or not (set(range(m.start, m.end)) & drop)]


# Words set before a name that describe the person rather than name them.
NOT_GIVEN_NAMES = frozenset({"former", "late", "young", "old", "elder", "younger", "great", "little",
                             "saint", "st", "dear", "poor", "then", "future", "new", "veteran",
                             "fellow", "brother", "sister", "father", "mother", "uncle", "aunt"})


def _whole_person_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Arne Kolberg and Lise Moen founded ...": at the start of a sentence the model may
    read a given name as an adjective and cut it off the name; a capitalized adjective hung
    on a person's name, right before it, is part of the name (a noun there is as often a
    title: "Composer A B")."""
    taken = {k for m in spans for k in range(m.start, m.end)}
    out = []
    for m in spans:
        i = m.start - 1
        before = doc[i] if i >= 0 else None
        if (m.label_ == EntityKind.PERSON.value and before is not None and i not in taken
                and before.is_alpha and before.text[:1].isupper() and before.text[1:].islower()
                and not before.is_stop and before.pos_ == "ADJ"
                and before.dep_ in ("amod", "compound") and before.head.i in range(m.start, m.end)
                and before.lower_ not in NOT_GIVEN_NAMES | MEMBER_ROLES
                and before.ent_type_ in ("", "PERSON")):
            m = Span(doc, i, m.end, label=m.label_)
        out.append(m)
    return out


def _doctrines(spans: list[Span]) -> list[Span]:
    """ "Marxism-Leninism", "Mao Zedong Thought": NER takes doctrines for people; a name
    ending in "-ism" or "Thought" is an ideology."""
    return [Span(s.doc, s.start, s.end, label=EntityKind.IDEOLOGY.value)
            if s.label_ in (EntityKind.PERSON.value, EntityKind.ORG.value)
            and (s[-1].lower_.endswith("ism") or s[-1].text == "Thought") else s for s in spans]


DOCUMENT_HEADS = frozenset({"statement", "manifesto", "declaration", "theses", "programme"})


def _documents(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Port Huron Statement, a manifesto drafted by ...": a name that ends in a word
    for a document, or is set beside one, is a work, whatever NER said."""
    out = []
    for s in spans:
        root = s.root
        described = any(c.dep_ == "appos" and c.lemma_.lower() in WORK_NOUNS and c.pos_ == "NOUN"
                        and any(d.lower_ in ("a", "an") for d in c.children) for c in root.children)
        if s.label_ in (EntityKind.ORG.value, EntityKind.PERSON.value) and len(s) > 1 and (
                s[-1].lower_ in DOCUMENT_HEADS or described):
            s = Span(doc, s.start, s.end, label=EntityKind.WORK.value)
        out.append(s)
    return out


# What only a person is: "Jean-Marie Le Pen, a former deputy", "her father".
PERSON_ROLES = frozenset({"deputy", "president", "leader", "founder", "secretary", "chairman",
                          "chairwoman", "chair", "minister", "senator", "journalist", "lawyer",
                          "engineer", "priest", "nun", "activist", "politician", "writer", "poet",
                          "columnist", "professor", "historian", "teacher", "nurse", "doctor",
                          "bishop", "mayor", "editor", "whip", "spokesperson", "spokesman"})


# Words in a party's name, by which "A B (X Party)" is a person and the party's member.
PARTY_NAME_WORDS = frozenset({"party", "labour", "labor", "liberal", "liberals", "conservative",
                              "conservatives", "democrat", "democrats", "democratic", "republican",
                              "republicans", "green", "greens", "socialist", "socialists",
                              "communist", "communists", "tory", "tories", "alliance", "front",
                              "league", "movement", "congress", "union"})


def _plain_full_name(s: Span) -> bool:
    """Two or three capitalized words with no word of a body's name in them: "Ivo Petrak",
    not "Harlow Rovers Club", "Acme & Sons" or "Bank of Tarvik"."""
    return 2 <= len(s) <= 3 and all(
        t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper
        and t.lower_ not in ORG_HEADS | TYPING_ORG_NOUNS | PARTY_NAME_WORDS for t in s)


def _after_member_title(doc: Doc, s: Span) -> bool:
    """ "the band's guitarist Ivo Petrak", "striker Tom Lowe": a name right after a
    lowercase title of a band's or a team's member."""
    before = doc[s.start - 1] if s.start > 0 else None
    return before is not None and before.text.islower() and before.pos_ == "NOUN" and \
        before.lemma_.lower() in BAND_ROLES | TEAM_ROLES


def _before_bracketed_party(doc: Doc, s: Span) -> bool:
    """ "the deputy mayor is Arvid Solheim (Centre Party)": a full name before a party in
    brackets, where lists of officials name each one's party."""
    close = next((t.i for t in doc[s.end:min(len(doc), s.end + 8)] if t.text == ")"), None)
    return s.end + 2 < len(doc) and doc[s.end].text == "(" and close is not None and any(
        t.lower_ in PARTY_NAME_WORDS for t in doc[s.end + 1:close])


def _people_by_role(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Jean-Marie Le Pen, a former deputy, became its first president": a name set beside
    a word for what only a person is names a person, and so does its surname elsewhere; so
    does a plain full name the model took for a body after a member's title ("guitarist
    Ivo Petrak") or before a party in brackets ("Arvid Solheim (Centre Party)")."""
    people = set()
    out = []
    for s in spans:
        described = any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_ROLES
                        and any(d.lower_ in ("a", "an") for d in c.children) for c in s.root.children)
        titled = s.start > 0 and doc[s.start - 1].lemma_.lower() in PERSON_ROLES and \
            doc[s.start - 1].pos_ == "NOUN"  # "Le Pen's deputy Bruno Mégret"
        if len(s) > 1 and s.label_ == EntityKind.ORG.value and _plain_full_name(s):
            titled = titled or _after_member_title(doc, s) or _before_bracketed_party(doc, s)
        if len(s) > 1 and (described or titled):
            s = Span(doc, s.start, s.end, label=EntityKind.PERSON.value)  # "Le Pen" of "Jean-Marie Le Pen"
            people.update(doc[k:s.end].text for k in range(s.start + 1, s.end) if doc[k].text[:1].isupper())
        out.append(s)
    return [Span(doc, s.start, s.end, label=EntityKind.PERSON.value)
            if s.label_ != EntityKind.PERSON.value and s.text in people else s for s in out]


def _vote_kinds(spans: list[Span]) -> list[Span]:
    """One string, one kind per document: an acronym tagged ORG once is an ORG throughout."""
    votes: dict[str, str] = {}
    for span in spans:
        if span.label_ == EntityKind.ORG.value:
            votes[span.text] = span.label_
    return [Span(span.doc, span.start, span.end, label=votes.get(span.text, span.label_))
            if span.label_ == EntityKind.PERSON.value else span for span in spans]


def _surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Ole Sandvik ... Sandvik always maintained": a person named in full is named by the
    surname alone afterwards."""
    covered = {i for m in spans for i in range(m.start, m.end)}
    first_seen = {}
    for m in spans:
        if m.label_ == EntityKind.PERSON.value and len(m) > 1 and m[-1].text[:1].isupper():
            first_seen.setdefault(m[-1].text, m.end)
    out = []
    for tok in doc:
        end = first_seen.get(tok.text)
        if end is not None and tok.i >= end and tok.i not in covered and (
                tok.pos_ == "PROPN" or tok.text[:1].isupper() and not tok.is_stop):  # "Morn is ...", tagged a noun
            out.append(Span(doc, tok.i, tok.i + 1, label=EntityKind.PERSON.value))
    return out


def _without_dates(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "In May the Weavers Guild": the model may take a date and the name after it for one
    name; the date component has already read "May", so the name is what follows the
    date (or, for a date at the end, what precedes it)."""
    dated = {i for d in doc.spans.get(DATES_KEY, []) for i in range(d.start, d.end)}
    out = []
    for span in spans:
        inside = [i for i in range(span.start, span.end) if i in dated]
        if not inside:
            out.append(span)
            continue
        part = doc[inside[-1] + 1:span.end] if inside[-1] + 1 < span.end else doc[span.start:inside[0]]
        part = _strip_det(part)
        if len(part):
            out.append(Span(doc, part.start, part.end, label=span.label_))
    return out


_ELIDED = re.compile(r"^[a-z]['’][A-ZÀ-Ý]\w*$")  # "l'Unità", "d'Italia"


def _titled_works(doc: Doc) -> list[Span]:
    """ "a monthly bulletin, The Net Mender," / "a pamphlet, Losing Ground,": a capitalized
    phrase in apposition to a word for a publication is that publication's title."""
    spans = []
    for tok in doc:
        if tok.lower_ not in WORK_NOUNS and (tok.lemma_.lower() not in WORK_NOUNS or tok.pos_ != "NOUN"):
            continue
        titles = [doc[c.left_edge.i:c.right_edge.i + 1] for c in tok.children if c.dep_ == "appos"]
        if not titles and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and \
                doc[tok.i + 2].text[:1].isupper():  # "a weekly, People's Democracy": however parsed
            end = tok.i + 2
            while end < len(doc) and not doc[end].is_punct or (end < len(doc) and doc[end].text in ("'s", "’s")):
                end += 1
            titles = [doc[tok.i + 2:end]]
        for run in titles:
            while len(run) and (run[-1].is_punct or run[-1].text in QUOTES):
                run = run[:-1]
            while len(run) and (run[0].is_punct or run[0].text in QUOTES):
                run = run[1:]
            words = [t for t in run if t.is_alpha or _ELIDED.match(t.text)]
            if words and all(  # "Règle et Constitutions", "l'Unità"
                    t.text[:1].isupper() or _ELIDED.match(t.text) or (t.is_stop and t.i > words[0].i)
                    or t.lower_ in CONNECTORS | {"et", "y", "und"} for t in words) and len(run) <= 8:
                spans.append(Span(doc, run.start, run.end, label=EntityKind.WORK.value))
    return spans


@Language.component("orgline_mentions_v1")
def mentions_component(doc: Doc) -> Doc:
    rules = _quoted_spans(doc) + _titled_works(doc) + _org_name_spans(doc)
    spans = _resolve_overlaps(_without_dates(doc, rules + _trusted_ner(doc)))
    spans = [_with_qualifier(doc, _with_country_suffix(doc, s)) if s.label_ == "org" or _legal_form_after(doc, s)
             else s for s in spans]
    spans = _split_at_possessive(doc, _split_coordinated(doc, _resolve_overlaps(spans)))
    spans = _with_coordinated_places(doc, _places_by_what_they_are(doc, spans))
    spans = _merge_place_pairs(doc, spans)
    spans = sorted(spans + _surnames(doc, spans), key=lambda m: m.start)
    found = _named_by_what_it_does(doc, spans) + _named_before_body_noun(doc, spans)
    found += _named_after_body_noun(doc, spans + found)
    found += _said_to_be_a_body(doc, [m for m in spans + found if not any(
        f.start <= m.start < f.end for f in found) or m in found])
    found += _bodies_by_member_role(doc, spans) + _bodies_by_description(doc, spans) + \
        _bodies_joined_or_left(doc, spans) + _people_listed_with_people(doc, spans) + \
        _bodies_people_are_of(doc, spans) + _bands_named_after_their_noun(doc, spans) + \
        _bodies_played_for(doc, spans) + _party_labels(doc, spans) + _bodies_listed_by_kind(doc, spans) + \
        _bands_one_is_a_member_of_as_player(doc, spans) + _bodies_coordinated_with_bodies(doc, spans) + \
        _people_said_to_be(doc, spans) + \
        _bodies_formerly_of(doc, spans)
    found = _resolve_overlaps(found)
    inside = {i for f in found for i in range(f.start, f.end)}  # a set: a scan per span was quadratic
    spans = sorted([m for m in spans if m.start not in inside and (m.end - 1) not in inside] + found,
                   key=lambda m: m.start)
    spans = _with_coordinated_places(doc, spans)
    spans = _whole_person_names(doc, _people_by_role(doc, _vote_kinds(_bodies_named_as_people(doc, spans))))
    spans = _vote_kinds(_described_as_body(doc, spans))
    spans = _people_without_possessive(doc, _split_seat_for_party(doc, spans))
    doc.spans[SPANS_KEY] = _documents(doc, _doctrines(_without_events(_without_heading(doc, _with_saint(doc, spans)))))
    return doc


# What a title says a text is about the body it names: "Timeline of the X Association".
HEADING_NOUNS = frozenset({"timeline", "history", "chronology", "chronicle", "outline", "overview",
                           "annals", "records", "archives"})


SAINTS = frozenset({"st.", "st", "saint", "ste.", "sainte", "san", "santa", "sankt"})
ORDINAL = re.compile(r"[0-9]{1,3}(?:st|nd|rd|th)")


def _with_saint(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "St. Aidan's College", "the 42nd Infantry Brigade": the model may leave the
    abbreviated "St." or a unit's number out of the name."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        before = span.start - 1
        if span.label_ == EntityKind.ORG.value and before >= 0 and before not in taken and (
                doc[before].lower_ in SAINTS and doc[before].text[:1].isupper() or ORDINAL.fullmatch(doc[before].text)):
            span = Span(doc, before, span.end, label=span.label_)  # also "the 42nd Infantry Brigade"
        out.append(span)
    return out


def _without_heading(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Timeline of the Coastal Fishermen's Association" heading a chronology: the body is
    what follows "of"; the title is not one of its names."""
    out = []
    for span in spans:
        if span.label_ == EntityKind.ORG.value and len(span) > 2 and span[0].lower_ in HEADING_NOUNS \
                and span[1].lower_ == "of":
            span = _strip_det(doc[span.start + 2:span.end])
            span = Span(doc, span.start, span.end, label=EntityKind.ORG.value)
        out.append(span)
    return out
