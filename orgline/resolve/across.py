"""Resolution across documents: is an entity read from a new document one already stored?

This module decides; the store looks the candidates up (by indexed name keys, so the cost
grows with the new document, not with the store) and applies the decision. Rules, in
order of the evidence they need:

- ``same_name``: a full name (not an acronym, not one word) shared after normalization
  (case, punctuation, "the", "Inc."/"Ltd"/"GmbH" ..., "U.S.A."/"USA");
- ``short_name_in_context``: an acronym or one-word name shared, and something else
  shared too (a neighbour in the claims, a place, another name);
- ``acronym_in_context``: one side's acronym is the initials of the other's full name
  ("MCCB", "Millbank Cooks Council of Basel"), and something else shared. Without it a
  body named by its acronym in one document and by its full name in another stayed two
  unless a document giving both came first: the result hung on the order of ingest;
- ``similar_name``: a full name within a small edit distance (rapidfuzz), and something
  else shared.

Two organizations that bore one name at different times stay two: a name dated on both
sides with periods that do not meet rules the match out. Entities of one document are
never merged with each other here (the document's own resolution decided them).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import EntityKind, NameKind, norm_name

# Legal-form words that do not tell two organizations apart.
LEGAL_FORMS = frozenset({"inc", "incorporated", "ltd", "limited", "llc", "plc", "co", "corp",
                         "corporation", "gmbh", "ag", "sa", "nv", "bv", "ab", "as", "asa", "spa",
                         "srl", "oy", "company"})
_COUNTRY_FORMS = [(re.compile(r"\bu s a\b"), "usa"), (re.compile(r"\bu s\b"), "us"),
                  (re.compile(r"\bu k\b"), "uk")]
SIMILAR = 92  # rapidfuzz token_sort_ratio at or above which two full names are alike


def match_key(name: str) -> str:
    """The form in which names are matched across documents: ``norm_name`` without legal
    forms ("Zentrix N.V." is "zentrix") and with one spelling of country initials."""
    key = norm_name(name.replace("/", " "))
    for pattern, repl in _COUNTRY_FORMS:
        key = pattern.sub(repl, key)
    words = key.split()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def block_key(key: str) -> str:
    """What similar spellings are looked up by: the initials of the name's words (a typo
    rarely changes a word's first letter, and initials keep the lookup small)."""
    return "".join(w[0] for w in key.split())


# Words an acronym may leave out ("Council of Basel" is "CB" or "COB")
MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "et"})


def initials(key: str) -> set[str]:
    """The acronyms a full name's key may be written as: the initials of all its words,
    and of its words less "of", "the", "and" and the like."""
    words = key.split()
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in MINOR_WORDS)}


def acronym_of(new: "Known", old: "Known") -> bool:
    """One side's acronym is the initials of one of the other side's full names."""
    def pairs(a: Known, b: Known) -> bool:
        shorts = {n.key for n in a.names if not is_full(n.key, n.kind) and len(n.key) > 1}
        return any(shorts & initials(n.key) for n in b.names if is_full(n.key, n.kind))
    return pairs(new, old) or pairs(old, new)


def is_full(key: str, kind: str) -> bool:
    """A name that identifies on its own: several words, and not an acronym."""
    return kind != NameKind.SHORT.value and len(key.split()) > 1


@dataclass
class NameSpan:
    key: str
    kind: str  # NameKind value
    lo: int | None = None  # YYYYMMDD bounds of its validity, where dated
    hi: int | None = None


@dataclass
class Known:
    """An entity as the store knows it, or as the new document gives it."""
    kind: EntityKind
    names: list[NameSpan]
    neighbours: set[str] = field(default_factory=set)  # match keys of linked entities' names
    id: int | None = None
    life: tuple[int | None, int | None] = (None, None)  # founded (lo) .. dissolved or merged away (hi)

    def keys(self) -> set[str]:
        return {n.key for n in self.names}


def _disjoint(a: NameSpan, b: NameSpan) -> bool:
    """Both dated, and one period ends before the other begins."""
    if (a.lo is None and a.hi is None) or (b.lo is None and b.hi is None):
        return False
    a_lo, a_hi = a.lo if a.lo is not None else -10**9, a.hi if a.hi is not None else 10**9
    b_lo, b_hi = b.lo if b.lo is not None else -10**9, b.hi if b.hi is not None else 10**9
    return a_hi < b_lo or b_hi < a_lo


def time_apart(new: Known, old: Known) -> bool:
    """A shared name borne at periods that do not meet, or lives that do not meet (one
    ended before the other was founded): two bearers, not one."""
    if new.kind is not EntityKind.ORG:
        return False
    (a_lo, a_hi), (b_lo, b_hi) = new.life, old.life
    if (a_hi is not None and b_lo is not None and a_hi < b_lo) or (
            b_hi is not None and a_lo is not None and b_hi < a_lo):
        return True
    for a in new.names:
        for b in old.names:
            if a.key == b.key and _disjoint(a, b):
                return True
    return False


def score(new: Known, old: Known) -> tuple[int, str] | None:
    """How strongly ``old`` is ``new`` (higher is stronger), and the rule; None if not."""
    if new.kind is not old.kind or time_apart(new, old):
        return None
    shared = new.keys() & old.keys()
    context = bool(new.neighbours & old.neighbours) or len(shared) > 1
    kinds = {n.key: n.kind for n in new.names + old.names}
    if any(is_full(k, kinds[k]) for k in shared):
        return 3, "same_name"
    if shared and (context or new.kind in (EntityKind.PLACE, EntityKind.IDEOLOGY)):
        return 2, "short_name_in_context"
    if context and new.kind is EntityKind.ORG and acronym_of(new, old):
        return 2, "acronym_in_context"
    if context:
        best = max((fuzz.token_sort_ratio(a.key, b.key) for a in new.names for b in old.names
                    if is_full(a.key, a.kind) and is_full(b.key, b.kind)), default=0)
        if best >= SIMILAR:
            return 1, "similar_name"
    return None


def choose(new: Known, candidates: list[Known]) -> tuple[int, str] | None:
    """The stored entity the new one is, and the rule that said so; None when no candidate
    matches, or when two match equally well (a guess would merge two bodies)."""
    scored = [(s, c) for c in candidates if (s := score(new, c)) is not None and c.id is not None]
    if not scored:
        return None
    scored.sort(key=lambda x: (-x[0][0], -len(new.keys() & x[1].keys())))
    (best, rule), top = scored[0]
    if len(scored) > 1 and scored[1][0][0] == best and \
            len(new.keys() & scored[1][1].keys()) == len(new.keys() & top.keys()):
        return None
    assert top.id is not None
    return top.id, rule
