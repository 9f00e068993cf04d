"""Scoring orgline's claims against a gold file, so users can measure it on their own
annotated documents (`orgline eval`).

The gold format and the matching rules are those of the project's evaluation set
(one JSON document per line with ``id``, ``text``, ``entities`` and ``facts``): a
predicted entity stands for the gold entity whose names it shares most (Jaccard; a tie
or no shared name matches nothing); a claim matches a gold fact on type, negation,
subject and object or value (``worked_with`` and ``broke_with`` either way round, a
``merged`` claim by its object or its result); strictly, its date must lie within the
gold date; optional facts and correct but undated-in-gold names neither gain nor cost.
The figures are meant to equal the reference scorer's on the same files, so names and
dates are compared the way that scorer compares them (punctuation as a space; a season
as its whole year; an open interval matching nothing), not the way the store does.
"""
from __future__ import annotations

import calendar
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import CLAIM_TYPES, Source, normalize_text

OBJECT_TYPES = {t.name for t in CLAIM_TYPES.values() if t.object} - {"named", "ideology"}
VALUE_TYPES = {t.name for t in CLAIM_TYPES.values() if t.value}
SYMMETRIC_TYPES = {t.name for t in CLAIM_TYPES.values() if t.symmetric}
ROLES = ("subject", "object", "place", "result", "according_to")

Fact = dict[str, Any]


def gold_name(text: str) -> str:
    """A name as gold files compare it: lower case, dots dropped, other punctuation a space."""
    s = re.sub(r"[^\w\s]", " ", text.lower().replace(".", ""))
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


@dataclass
class GoldDoc:
    id: str
    text: str
    entities: dict[str, set[str]]
    facts: list[Fact]

    @property
    def source_id(self) -> str:
        return Source(text=normalize_text(self.text), origin=self.id).id

    def entity_of(self, predicted: dict[str, Any] | None) -> str | None:
        """The gold entity a predicted one stands for, or None on a tie or no shared name."""
        if not predicted:
            return None
        names = {gold_name(n) for n in predicted.get("names") or []} | {
            gold_name(predicted.get("label") or "")}
        names.discard("")
        ranked = sorted(((len(names & g) / len(names | g), k) for k, g in self.entities.items()),
                        reverse=True)
        if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return None
        return ranked[0][1]


def load_gold(path: Path) -> list[GoldDoc]:
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            docs.append(GoldDoc(str(raw["id"]), raw["text"],
                                {k: {gold_name(x) for x in e["names"]} for k, e in raw["entities"].items()},
                                list(raw["facts"])))
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(path, f"line {n} is not a gold document ({type(e).__name__}: {e})") from e
    return docs


# ---- dates, as gold files read them -------------------------------------------------------

def _days(text: str) -> tuple[date, date] | None:
    t = text.strip().rstrip("~?%")
    if m := re.fullmatch(r"(\d\d)XX", t):
        return date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    if m := re.fullmatch(r"(\d{3})X", t):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", t)
    if m is None:
        return None
    y = int(m[1])
    if m[2] is None or int(m[2]) > 12:  # a year, or a season: the whole year
        return date(y, 1, 1), date(y, 12, 31)
    mo = int(m[2])
    if m[3] is None:
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    d = date(y, mo, int(m[3]))
    return d, d


def days(edtf: str | None) -> tuple[date, date] | None:
    if not edtf:
        return None
    try:
        if "/" not in edtf:
            return _days(edtf)
        a, b = edtf.split("/", 1)
        lo, hi = (_days(x) if x not in ("", "..") else None for x in (a, b))
        return (lo[0], hi[1]) if lo and hi else None
    except ValueError:
        return None


def date_fits(gold: str | None, predicted: str | None) -> bool:
    """No gold date accepts any; otherwise the predicted days must lie within the gold's."""
    if not gold:
        return True
    g, p = days(gold), days(predicted)
    return bool(g and p and g[0] <= p[0] and p[1] <= g[1])


# ---- matching ----------------------------------------------------------------------------

def matches(doc: GoldDoc, g: Fact, p: Fact, *, with_dates: bool) -> bool:
    if g["type"] != p.get("type") or bool(g.get("negated")) != bool(p.get("negated")):
        return False
    subj, obj = doc.entity_of(p.get("subject")), doc.entity_of(p.get("object"))
    kind = g["type"]
    if kind == "merged":
        into = {obj, doc.entity_of(p.get("result"))}
        ok = (subj == g["subject"] and g.get("object") in into) or (
            obj == g["subject"] and g.get("object") in {subj, doc.entity_of(p.get("result"))})
    elif kind in OBJECT_TYPES:
        ok = (subj, obj) == (g["subject"], g.get("object")) or (
            kind in SYMMETRIC_TYPES and (obj, subj) == (g["subject"], g.get("object")))
    else:
        ok = subj == g["subject"]
        if ok and kind in VALUE_TYPES:
            wanted = g.get("value")
            wanted = {gold_name(v) for v in (wanted if isinstance(wanted, list) else [wanted]) if v}
            given = {gold_name(p["value"])} if p.get("value") else set()
            if p.get("object"):
                given |= {gold_name(n) for n in p["object"].get("names") or []}
                given.add(gold_name(p["object"].get("label") or ""))
            ok = bool(given & wanted)
    return ok and (not with_dates or date_fits(g.get("date"), p.get("date")))


def _true_undated_name(doc: GoldDoc, p: Fact) -> bool:
    """A `named` claim giving a true name the gold does not date: neither gain nor cost."""
    subj = doc.entity_of(p.get("subject"))
    value = gold_name(p.get("value") or "")
    if subj is None or value not in doc.entities[subj]:
        return False
    return not any(g["type"] == "named" and g["subject"] == subj and value in {
        gold_name(v) for v in (g["value"] if isinstance(g.get("value"), list) else [g.get("value")]) if v}
        for g in doc.facts)


@dataclass
class Counts:
    per_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    attributed: list[int] = field(default_factory=lambda: [0, 0])  # right, of gold-attributed

    def add(self, other: "Counts") -> None:
        for t, c in other.per_type.items():
            self.per_type[t] = [a + b for a, b in zip(self.per_type[t], c)]
        self.attributed = [a + b for a, b in zip(self.attributed, other.attributed)]


def score_document(doc: GoldDoc, predicted: list[Fact], *, with_dates: bool) -> Counts:
    counts = Counts()
    taken: set[int] = set()
    for p in predicted:
        hits = [i for i, g in enumerate(doc.facts) if matches(doc, g, p, with_dates=with_dates)]
        hit = next((i for i in hits if i not in taken), hits[0] if hits else None)
        kind = p.get("type", "?")
        if hit is None:
            if not (kind == "named" and _true_undated_name(doc, p)):
                counts.per_type[kind][1] += 1
            continue
        if doc.facts[hit].get("optional") or hit in taken:
            continue
        taken.add(hit)
        counts.per_type[kind][0] += 1
        if doc.facts[hit].get("according_to"):
            counts.attributed[1] += 1
            counts.attributed[0] += doc.entity_of(p.get("according_to")) == doc.facts[hit]["according_to"]
    for i, g in enumerate(doc.facts):
        if i not in taken and not g.get("optional"):
            counts.per_type[g["type"]][2] += 1
    return counts


def alias_pairs(doc: GoldDoc, predicted: list[Fact]) -> tuple[int, int, int]:
    """(gold name pairs found in one predicted entity, gold name pairs, pairs of different
    gold entities wrongly put in one)."""
    clusters: dict[str, set[str]] = defaultdict(set)
    for p in predicted:
        for role in ROLES:
            e = p.get(role)
            if e and e.get("id") is not None:
                clusters[str(e["id"])] |= {gold_name(n) for n in e.get("names") or []}
    owners: dict[str, set[str]] = defaultdict(set)
    for k, names in doc.entities.items():
        for n in names:
            owners[n].add(k)
    found = total = wrong = 0
    for names in doc.entities.values():
        ordered = sorted(names)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                total += 1
                found += any(a in c and b in c for c in clusters.values())
    for c in clusters.values():
        known = sorted(n for n in c if n in owners)
        for i, a in enumerate(known):
            for b in known[i + 1:]:
                wrong += not (owners[a] & owners[b])
    return found, total, wrong


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(docs: list[GoldDoc], predicted: dict[str, list[Fact]],
          types: set[str] | None = None) -> dict[str, Any]:
    """Every figure, keyed like the reference scorer's JSON report."""
    if types:
        docs = [GoldDoc(d.id, d.text, d.entities, [f for f in d.facts if f["type"] in types])
                for d in docs]
        predicted = {k: [p for p in v if p.get("type") in types] for k, v in predicted.items()}
    report: dict[str, Any] = {}
    for mode in ("strict", "no_dates"):
        total = Counts()
        for d in docs:
            total.add(score_document(d, predicted.get(d.id, []), with_dates=mode == "strict"))
        tp, fp, fn = (sum(c[i] for c in total.per_type.values()) for i in range(3))
        p, r, f = prf(tp, fp, fn)
        report[mode] = {
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "fp": fp, "fn": fn,
            "per_type": {t: {"tp": c[0], "fp": c[1], "fn": c[2], "f1": round(prf(*c)[2], 3)}
                         for t, c in sorted(total.per_type.items())},
            "according_to_accuracy": round(total.attributed[0] / total.attributed[1], 3)
            if total.attributed[1] else None,
        }
    pairs = [alias_pairs(d, predicted.get(d.id, [])) for d in docs]
    found, total_pairs, wrong = (sum(x[i] for x in pairs) for i in range(3))
    report["aliases"] = {"pairs_found": found, "pairs": total_pairs, "wrong_merges": wrong,
                         "recall": round(found / total_pairs, 3) if total_pairs else None}
    report["documents"] = len(docs)
    report["documents_with_predictions"] = sum(1 for d in docs if predicted.get(d.id))
    return report
