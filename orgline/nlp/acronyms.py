"""Acronyms and aliases defined in the text.

Rules (each checks that the short form's letters can be read off the long form, in the
manner of Schwartz & Hearst 2003, so that "(1983)" or "(see below)" define nothing):

- ``long_then_short``: "Full Name (ABC)", "Full Name, USA (ABC, USA)";
- ``short_then_long``: "ABC (Full Name)";
- ``short_for``: "ABC (for "Full Name")";
- ``called``: "a group called X", "known as X": X is a name even where NER missed it.

Links go to ``doc._.orgline_aliases`` as (short, long) span pairs; both ends are added to
the mentions so the resolver can cluster them.
"""
from __future__ import annotations

import re
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..model import EntityKind
from .lexicon import COUNTRY_SUFFIXES, ORG_HEADS
from .mentions import QUOTES, SPANS_KEY, is_acronym

if not Doc.has_extension("orgline_aliases"):
    Doc.set_extension("orgline_aliases", default=None)


def letters_match(short: str, long: str) -> bool:
    """Can the short form's letters be read, in order, off the long form's words, with the
    first letter starting a word?"""
    s = [c for c in short.lower() if c.isalnum()]
    words = [w for w in re.findall(r"[\w'’-]+", long) if w.lower() not in ("the",)]
    l_text = " ".join(words).lower()
    if not s or not l_text or s[0] != l_text[0]:
        return False
    si, li = len(s) - 1, len(l_text) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (l_text[li] != c or (si == 0 and li > 0 and l_text[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        li -= 1
        si -= 1
    return True


def _translated_initials(short: str, long: Span) -> bool:
    """ "Baltic Shipping Company (BSC)", "Union of Postal Workers (UPW)": an acronym of the
    name in its own language shares most initials with the translation, in another order."""
    initials = [t.text[0].lower() for t in long if t.text[:1].isupper()]
    letters = [c.lower() for c in short if c.isalpha()]
    shared = sum(min(letters.count(c), initials.count(c)) for c in set(letters))
    return long.label_ == EntityKind.ORG.value and short not in COUNTRY_SUFFIXES and \
        len(letters) >= 2 and len(initials) >= len(letters) and shared >= 2 / 3 * len(initials)


def _strip_suffix(text: str) -> tuple[str, str]:
    m = re.match(r"^(.*?),\s*(\S+)$", text)
    if m and m.group(2) in COUNTRY_SUFFIXES:
        return m.group(1), m.group(2)
    return text, ""


_INDEX = ("orgline", "acronyms.mention_index")


class _MentionIndex:
    """The mentions (as the mentions component left them) by start, end and both: each
    lookup keeps the first in the group's order, as a scan would, but costs one dict read,
    where a scan per bracket made a long document quadratic."""

    def __init__(self, doc: Doc) -> None:
        self.mentions: list[Span] = list(doc.spans[SPANS_KEY])
        self.by_start: dict[int, int] = {}
        self.by_end: dict[int, int] = {}
        self.by_both: dict[tuple[int, int], int] = {}
        for i, m in enumerate(self.mentions):
            self.by_start.setdefault(m.start, i)
            self.by_end.setdefault(m.end, i)
            self.by_both.setdefault((m.start, m.end), i)

    def first(self, *positions: int | None) -> Span | None:
        found = [i for i in positions if i is not None]
        return self.mentions[min(found)] if found else None


def _index(doc: Doc) -> _MentionIndex:
    """Built on first use and dropped when the component ends (the mentions change then)."""
    data = cast(dict[object, Any], doc.user_data)
    if _INDEX not in data:
        data[_INDEX] = _MentionIndex(doc)
    return cast(_MentionIndex, data[_INDEX])


def _mention_ending_at(doc: Doc, end: int) -> Span | None:
    ix = _index(doc)
    quoted = doc[end - 1].text in QUOTES if end > 0 else False
    return ix.first(ix.by_end.get(end), ix.by_end.get(end - 1) if quoted else None)


def _mention_at_start(doc: Doc, start: int) -> Span | None:
    ix = _index(doc)
    return ix.first(ix.by_start.get(start))


def _mention_at(doc: Doc, start: int, end: int) -> Span | None:
    ix = _index(doc)
    return ix.first(ix.by_both.get((start, end)))


def _paren_groups(doc: Doc) -> list[tuple[int, int]]:
    """(open, close) token indices of each parenthesis pair on one sentence."""
    groups = []
    for tok in doc:
        if tok.text == "(":
            for j in range(tok.i + 1, min(tok.i + 20, len(doc))):
                if doc[j].text == ")":
                    groups.append((tok.i, j))
                    break
    return groups


def _inner(doc: Doc, open_i: int, close_i: int) -> Span:
    inner = doc[open_i + 1:close_i]
    while len(inner) and inner[0].text in QUOTES:
        inner = inner[1:]
    while len(inner) and inner[-1].text in QUOTES:
        inner = inner[:-1]
    return inner


def _relabel(doc: Doc, span: Span, added: list[Span]) -> Span:
    new = Span(doc, span.start, span.end, label=EntityKind.ORG.value)
    added.append(new)
    return new


def _ensure_mention(doc: Doc, span: Span, kind: EntityKind, added: list[Span]) -> Span:
    existing = _mention_at(doc, span.start, span.end)
    if existing is not None:
        return existing
    new = Span(doc, span.start, span.end, label=kind.value)
    added.append(new)
    return new


def find_aliases(doc: Doc) -> tuple[list[tuple[Span, Span]], list[Span]]:
    links: list[tuple[Span, Span]] = []
    added: list[Span] = []
    for open_i, close_i in _paren_groups(doc):
        inner = _inner(doc, open_i, close_i)
        if not len(inner):
            continue
        if inner[0].lower_ == "for" and open_i > 0:  # ABC (for "Full Name")
            long = _inner(doc, inner.start, close_i)
            short = doc[open_i - 1:open_i]
            if is_acronym(short.text) and letters_match(short.text, long.text):
                links.append((_ensure_mention(doc, short, EntityKind.ORG, added), long))
            continue
        before = _mention_ending_at(doc, open_i)
        if before is not None and before.label_ == EntityKind.ORG.value:
            pair = _translated(doc, before, inner, added)
            if pair:
                links.extend(pair)
                continue
        core, suffix = _strip_suffix(inner.text)
        if is_acronym(core.replace(" ", "")):  # Full Name (ABC)
            long_core = _strip_suffix(before.text)[0] if before is not None else ""
            if before is None or not letters_match(core, long_core):
                translated = before is not None and _translated_initials(core, before)
                before = _long_form(doc, open_i, core, added) or (before if translated else None)
            if before is not None and before.label_ == EntityKind.PERSON.value:
                before = _relabel(doc, before, added)  # a name with an acronym names a body
            if before is not None:
                kind = EntityKind(before.label_) if before.label_ in ("org", "place") else EntityKind.ORG
                links.append((_ensure_mention(doc, inner, kind, added), before))
            continue
        if before is None:
            continue
        if is_acronym(before.text) and letters_match(before.text, inner.text):
            kind = EntityKind.ORG  # ABC (Full Name)
            links.append((before, _ensure_mention(doc, inner, kind, added)))
    links.extend(_dash_definitions(doc, added))
    links.extend(_or_short(doc, added))
    links.extend(_shortened(doc, added))
    links.extend(_as_known(doc, added))
    added.extend(_called_names(doc))
    return links, added


DASHES = ("-", "\u2013", "\u2014")


def _name_like(span: Span) -> bool:
    """Capitalized words, with connectors between them: a name, not a phrase."""
    words = [t for t in span if t.is_alpha or any(c.isdigit() for c in t.text)]
    return bool(words) and span[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in CONNECTORS or t.lower_ in (
            "national", "nationale", "nouvelles", "populaire", "unida", "unido", "zukunft")
        or t.i > span.start and not t.pos_ in ("VERB", "AUX") for t in words) and not any(
        t.pos_ in ("VERB", "AUX") for t in span)


def _gloss(inner: Span) -> bool:
    """ "German for the skin", "Latin for 'the way'", "literally 'new wave'", "meaning ...":
    a translation of the words of a name, not a name."""
    first = inner[0].lower_
    return first in ("literally", "lit", "lit.", "meaning", "i.e.", "translated") or (
        len(inner) > 2 and inner[0].ent_type_ in ("NORP", "LANGUAGE") and inner[1].lower_ in ("for", "meaning"))


def _translated(doc: Doc, before: Span, inner: Span, added: list[Span]) -> list[tuple[Span, Span]]:
    """ "Farmers' League (Ligue paysanne, LP)", "Union 21/The Ecologists (Union
    21/Die Ökologen)": a name in another language, with or without its acronym, bracketed
    after the name it translates."""
    commas = [t for t in inner if t.text == ","]
    acronym = None
    alt = inner
    if commas:
        alt, tail = doc[inner.start:commas[-1].i], doc[commas[-1].i + 1:inner.end]
        if not (len(tail) == 1 and is_acronym(tail.text) and (
                letters_match(tail.text, alt.text) or letters_match(tail.text, before.text))):
            return []
        acronym = tail
    if _gloss(alt):
        return []  # "Die Haut (German for the skin)": what the name means, not another name
    if len(alt) < 2 or not _name_like(alt) or alt.text == before.text or any(
            m.start <= alt.start and alt.end <= m.end and m.label_ != EntityKind.ORG.value
            for m in doc.spans[SPANS_KEY]):
        return []
    pairs = [(_ensure_mention(doc, alt, EntityKind.ORG, added), before)]
    if acronym is not None:
        pairs.append((_ensure_mention(doc, acronym, EntityKind.ORG, added), before))
    return pairs


def _or_short(doc: Doc, added: list[Span]) -> list[tuple[Span, Span]]:
    """ "the Workers' Party of Norland (Unified), or WPN(U),": a short form offered as an
    alternative right after the name."""
    links = []
    for m in list(doc.spans[SPANS_KEY]):
        if m.label_ != EntityKind.ORG.value or m.end + 2 >= len(doc):
            continue
        comma, word, short = doc[m.end], doc[m.end + 1], doc[m.end + 2]
        if comma.text == "," and word.lower_ == "or" and is_acronym(short.text) \
                and letters_match(short.text, m.text):
            links.append((_ensure_mention(doc, doc[short.i:short.i + 1], EntityKind.ORG, added), m))
    return links


def _shortened(doc: Doc, added: list[Span]) -> list[tuple[Span, Span]]:
    """ "X, a name shortened in everyday use to RTB", "abbreviated to ABC": the short form
    of the name named last before it."""
    links = []
    for tok in doc[:-2]:
        if tok.lemma_.lower() not in ("shorten", "abbreviate"):
            continue
        short = next((t for t in doc[tok.i + 1:tok.sent.end] if t.lower_ in ("to", "as")
                      and t.i + 1 < len(doc) and is_acronym(doc[t.i + 1].text)), None)
        long = [m for m in doc.spans[SPANS_KEY] if m.end <= tok.i and m.start >= tok.sent.start
                and m.label_ == EntityKind.ORG.value]
        if short is not None and long:
            acronym = doc[short.i + 1:short.i + 2]
            links.append((_ensure_mention(doc, acronym, EntityKind.ORG, added), long[-1]))
    return links


def _as_known(doc: Doc, added: list[Span]) -> list[tuple[Span, Span]]:
    """ "YCL, as the Young Cyclists' League was known, ...", "IAGS, the International
    Association of Glacier Surveyors, ...": the long form set beside the short one."""
    links = []
    for tok in doc[:-4]:
        if not (is_acronym(tok.text) and doc[tok.i + 1].text == ","):
            continue
        aside = doc[tok.i + 2].lower_ == "as"
        long = _mention_at_start(doc, tok.i + 2 + (doc[tok.i + 2].lower_ == "the"))
        if not aside and long is not None and long.label_ == EntityKind.ORG.value and \
                long.end < len(doc) and doc[long.end].text == "," and letters_match(tok.text, long.text):
            # "IAGS, the International Association of Glacier Surveyors, emerged ..."
            links.append((_ensure_mention(doc, doc[tok.i:tok.i + 1], EntityKind.ORG, added), long))
            continue
        if not aside:
            continue
        start = tok.i + 3
        if doc[start].lower_ == "the":
            start += 1
        end = start
        while end < len(doc) and (doc[end].text[:1].isupper() or (
                doc[end].lower_ in CONNECTORS and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())):
            end += 1
        rest = [t.lower_ for t in doc[end:end + 4]]
        if end > start and letters_match(tok.text, doc[start:end].text) and (
                "known" in rest or "called" in rest):
            long = _ensure_mention(doc, doc[start:end], EntityKind.ORG, added)
            links.append((_ensure_mention(doc, doc[tok.i:tok.i + 1], EntityKind.ORG, added), long))
    return links


def _dash_definitions(doc: Doc, added: list[Span]) -> list[tuple[Span, Span]]:
    """ "HARP - Hull Action for Refugee Placement - grew out of ...": an acronym set off
    from its long form by dashes."""
    links = []
    for tok in doc[:-3]:
        if not is_acronym(tok.text) or doc[tok.i + 1].text not in DASHES:
            continue
        end = tok.i + 2
        while end < len(doc) and end - tok.i < 14 and doc[end].text not in DASHES + (",", ".", "("):
            end += 1
        long = doc[tok.i + 2:end]
        if len(long) and long[0].text[:1].isupper() and letters_match(tok.text, long.text):
            short = _ensure_mention(doc, doc[tok.i:tok.i + 1], EntityKind.ORG, added)
            links.append((short, _ensure_mention(doc, long, EntityKind.ORG, added)))
    return links


CONNECTORS = {"for", "of", "a", "an", "the", "and", "&", "de", "du", "des", "la", "le", "di",
              "del", "in", "on", "'s", "\u2019s", "-"}


def _long_form(doc: Doc, open_i: int, short: str, added: list[Span]) -> Span | None:
    """The words before "(ABC)" whose initials spell ABC, when the model tagged only part
    of the name ("Parents for a [Safer Street] (PSS)") or none of it."""
    letters = sum(c.isalnum() for c in short)
    for k in range(open_i - 1, max(-1, open_i - 2 * letters - 4), -1):
        first = doc[k]
        if not first.text[:1].isupper():
            if first.lower_ in CONNECTORS:
                continue
            return None
        if first.text[:1].lower() != short[:1].lower():
            continue
        window = doc[k:open_i]
        inside = any(m.start <= k and open_i <= m.end and (m.start, m.end) != (k, open_i)
                     for m in doc.spans[SPANS_KEY])
        if letters_match(short, window.text) and not inside and (len(window) > 1 or len(short) < 2):
            new = Span(doc, k, open_i, label=EntityKind.ORG.value)
            added.append(new)
            return new
    return None


def _called_names(doc: Doc) -> list[Span]:
    """ "a group called GEOTECHS", "known as the Blue Lantern": the name is an org mention."""
    added = []
    for tok in doc:
        if tok.lower_ not in ("called", "named") and not (
                tok.lower_ == "as" and tok.i > 0 and doc[tok.i - 1].lower_ == "known"):
            continue
        head_noun = tok.head if tok.dep_ == "acl" else None
        if tok.lower_ != "as" and (head_noun is None or head_noun.lemma_.lower() not in ORG_HEADS):
            continue
        start = tok.i + 1
        while start < len(doc) and (doc[start].text in QUOTES or doc[start].lower_ == "the"):
            start += 1
        end = start
        while end < len(doc) and (doc[end].text[:1].isupper() or (
                doc[end].lower_ in ("of", "for", "and") and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper())):
            end += 1
        if end > start and _mention_at(doc, start, end) is None and not any(
                m.start <= start < m.end for m in doc.spans[SPANS_KEY]):
            added.append(Span(doc, start, end, label=EntityKind.ORG.value))
    return added


def _repeats(doc: Doc, names: list[Span], taken: list[Span]) -> list[Span]:
    """Later bare uses of a name the text defined ("... (NUDOC)" then "When NUDOC
    disbanded"): the model tags few acronyms, and parts of long names, on its own, so each
    use is made a mention, replacing a tagged part of it."""
    out: list[Span] = []
    starts: dict[tuple[str, ...], list[int]] = {}  # by first word, and by first two: many
    for tok in doc:  # names share a first word ("The", a town), few their first two
        starts.setdefault((tok.text,), []).append(tok.i)
        if tok.i + 1 < len(doc):
            starts.setdefault((tok.text, doc[tok.i + 1].text), []).append(tok.i)
    cover = _Cover(taken)
    seen: set[str] = set()
    for name in sorted(names, key=len, reverse=True):
        if name.text in seen:
            continue
        seen.add(name.text)
        words = [t.text for t in name]
        for start in starts.get(tuple(words[:2]), []):
            end = start + len(words)
            if start == name.start or [t.text for t in doc[start:end]] != words:
                continue
            clash = cover.overlapping(start, end)
            if all(start <= m.start and m.end <= end and len(m) < len(words) for m in clash):
                cover.drop(clash)
                out.append(cover.add(Span(doc, start, end, label=name.label_ or "org")))
    cover.prune(taken)
    cover.prune(out)
    return out


class _Cover:
    """Mentions by the tokens they cover, so that finding those a span overlaps costs the
    span's length, not a scan of the document's mentions."""

    def __init__(self, spans: list[Span]) -> None:
        self.at: dict[int, list[Span]] = {}
        self.dropped: set[int] = set()
        for s in spans:
            self.add(s)

    def add(self, span: Span) -> Span:
        for i in range(span.start, span.end):
            self.at.setdefault(i, []).append(span)
        return span

    def overlapping(self, start: int, end: int) -> list[Span]:
        found: dict[int, Span] = {}
        for i in range(start, end):
            for s in self.at.get(i, ()):
                if id(s) not in self.dropped:
                    found.setdefault(id(s), s)
        return list(found.values())

    def drop(self, spans: list[Span]) -> None:
        self.dropped.update(id(s) for s in spans)

    def prune(self, spans: list[Span]) -> None:
        """Remove the dropped mentions from ``spans`` in place, keeping the order."""
        spans[:] = [s for s in spans if id(s) not in self.dropped]


@Language.component("orgline_acronyms_v1")
def acronyms_component(doc: Doc) -> Doc:
    links, added = find_aliases(doc)
    cast(dict[object, Any], doc.user_data).pop(_INDEX, None)
    over = _Cover(added)
    mentions = [m for m in doc.spans[SPANS_KEY] if not any(  # a long form read past a tag
        a.start <= m.start and m.end <= a.end and (len(a) > len(m) or a.label_ != m.label_)
        for a in over.overlapping(m.start, m.start + 1))] + added
    people = " ".join(m.text for m in mentions if m.label_ == EntityKind.PERSON.value)
    a_person: dict[str, bool] = {}  # one substring search per distinct name
    known = [m for m in mentions if m.label_ == EntityKind.ORG.value and len(m) <= 6  # names
             and m.text.lower() not in ORG_HEADS and m.text[:1].isupper()
             and not a_person.setdefault(m.text, m.text in people)]
    defined = [short for short, _ in links if len(short) <= 3] + [long for _, long in links] + known
    mentions += _repeats(doc, defined, mentions)
    doc.spans[SPANS_KEY] = sorted(mentions, key=lambda s: s.start)
    doc._.orgline_aliases = links + _head_word_links(doc, doc.spans[SPANS_KEY])
    return doc


def _head_word_links(doc: Doc, mentions: Any) -> list[tuple[Span, Span]]:
    """ "the Coastal Fishermen's Alliance ... the Alliance affiliated to ...": a capitalized
    head word after "the" is the body named before it whose name ends in that word, when
    the text names no other such body anywhere ("the X Union" and "the Y Union" leave
    "the Union" alone, wherever the second is named)."""
    links: list[tuple[Span, Span]] = []
    ending: dict[str, dict[str, Span]] = {}  # head word -> the names ending in it
    orgs = [m for m in mentions if m.label_ == EntityKind.ORG.value]
    for m in orgs:
        if len(m) > 1 and m[-1].lower_ in ORG_HEADS:
            ending.setdefault(m[-1].text, {}).setdefault(m.text.lower(), m)
    for m in orgs:
        head = m[-1].text
        named = list(ending.get(head, {}).values())
        if len(m) == 1 and head.lower() in ORG_HEADS and head[:1].isupper() and m.start > 0 and \
                doc[m.start - 1].lower_ == "the" and len(named) == 1 and named[0].end <= m.start:
            links.append((m, named[0]))
    return links
