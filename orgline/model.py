"""The data model, declared once (DESIGN.md sections 1 and 2).

Everything else reads it: extraction emits these records, the store persists them, the
queries and exports render them. The claim types are a table of :class:`ClaimType`
entries rather than scattered string constants, so that adding a type or a mapping
(Wikidata, FollowTheMoney, CIDOC-CRM) is one edit here.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class EntityKind(StrEnum):
    ORG = "org"
    PERSON = "person"
    PLACE = "place"
    WORK = "work"  # a document, pamphlet, newspaper
    IDEOLOGY = "ideology"


class NameKind(StrEnum):
    OFFICIAL = "official"
    SHORT = "short"  # acronyms and initials
    ALIAS = "alias"
    FORMER = "former"


class Hedging(StrEnum):
    ASSERTED = "asserted"
    CLAIMED = "claimed"  # "reportedly", "allegedly", "claimed to"


class ReviewStatus(StrEnum):
    EXTRACTED = "extracted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EDITED = "edited"


@dataclass(frozen=True)
class ClaimType:
    """One kind of statement and how it maps onto the vocabularies users work with."""

    name: str
    description: str
    subject: tuple[EntityKind, ...]
    object: tuple[EntityKind, ...] = ()  # empty: the claim has no object entity
    value: bool = False  # the claim carries a literal value (a name, an ideology)
    roles: tuple[str, ...] = ("date",)
    symmetric: bool = False  # "A worked with B" says the same as "B worked with A"
    lineage: bool = False  # links predecessors and successors (lineage trees)
    phrase: str = ""  # what the subject did, to put before the object: "split from"
    wikidata: str = ""
    ftm: str = ""
    cidoc: str = ""


_ORG = (EntityKind.ORG,)
_ORG_OR_PERSON = (EntityKind.ORG, EntityKind.PERSON)

CLAIM_TYPES: dict[str, ClaimType] = {
    t.name: t
    for t in (
        ClaimType("founded", "the organization came into being", _ORG,
                  roles=("date", "place"), phrase="founded", wikidata="P571 inception; P740 location of formation",
                  ftm="Organization.incorporationDate", cidoc="E66 Formation"),
        ClaimType("dissolved", "the organization ceased to exist", _ORG,
                  phrase="dissolved", wikidata="P576 dissolved", ftm="Organization.dissolutionDate",
                  cidoc="E68 Dissolution"),
        ClaimType("named", "the organization bore this name", _ORG, value=True,
                  roles=("date", "end", "kind"),
                  phrase="bore the name", wikidata="P1448 official name / P1813 short name + P580/P582",
                  ftm="name / previousName / alias", cidoc="E41 Appellation"),
        ClaimType("formed_from", "the organization grew out of another", _ORG, _ORG,
                  lineage=True, phrase="formed from", wikidata="P1365 replaces; P1366 replaced by",
                  ftm="UnknownLink", cidoc="E66 (P151 formed from)"),
        ClaimType("split_from", "the organization broke away from a parent", _ORG, _ORG,
                  lineage=True, phrase="split from", wikidata="P807 separated from", ftm="UnknownLink",
                  cidoc="E66 (P151)"),
        ClaimType("merged", "the organization merged into another (or the result)", _ORG, _ORG,
                  roles=("date", "result"), lineage=True, phrase="merged into", wikidata="P7888 merged into",
                  ftm="UnknownLink", cidoc="E68 + E66"),
        ClaimType("member_of", "the organization or person was a member", _ORG_OR_PERSON, _ORG,
                  roles=("date", "end"), phrase="member of", wikidata="P463 member of", ftm="Membership",
                  cidoc="E85 Joining"),
        ClaimType("parent_org", "the organization was part of a parent", _ORG, _ORG,
                  roles=("date", "end"), phrase="part of", wikidata="P749 parent organization",
                  ftm="Organization.parent + UnknownLink", cidoc="P107i"),
        ClaimType("worked_with", "the organizations cooperated", _ORG, _ORG, phrase="worked with", symmetric=True,
                  ftm="UnknownLink"),
        ClaimType("broke_with", "the organizations broke relations", _ORG, _ORG,
                  phrase="broke with", symmetric=True, ftm="UnknownLink"),
        ClaimType("founded_by", "a person or organization founded it", _ORG, _ORG_OR_PERSON,
                  phrase="founded by", wikidata="P112 founded by", ftm="UnknownLink", cidoc="P95i"),
        ClaimType("location", "where the organization was based", _ORG,
                  (EntityKind.PLACE, EntityKind.ORG), roles=("date", "end", "kind"),
                  phrase="based in", wikidata="P159 headquarters location", ftm="address / country",
                  cidoc="P74"),
        ClaimType("ideology", "the organization's political or religious ideology", _ORG,
                  value=True, phrase="adhered to", wikidata="P1142 political ideology"),
        ClaimType("published", "a work and its author", (EntityKind.WORK,), _ORG_OR_PERSON,
                  phrase="published by", wikidata="P50 author; P577 publication date", ftm="Article + Documentation",
                  cidoc="E65 Creation"),
    )
}


@dataclass(frozen=True)
class Span:
    """``[start, end)`` character offsets into a source's text, and the text quoted."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Name:
    text: str
    kind: NameKind = NameKind.OFFICIAL
    valid_from: str | None = None  # EDTF
    valid_to: str | None = None  # EDTF


@dataclass
class Entity:
    """An entity as found in one document; ``key`` is local to that document."""

    key: str
    kind: EntityKind
    label: str
    names: list[Name] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    qid: str | None = None


@dataclass
class Claim:
    """One statement, with the passage it came from and the rule that read it."""

    type: str
    subject: str  # entity key
    object: str | None = None  # entity key
    value: str | None = None
    date: str | None = None  # EDTF
    end: str | None = None  # EDTF
    place: str | None = None  # entity key
    result: str | None = None  # entity key
    kind: str | None = None  # name kind (named), location kind (location)
    negated: bool = False
    according_to: str | None = None  # entity key
    hedging: Hedging = Hedging.ASSERTED
    evidence: list[Span] = field(default_factory=list)
    rule: str = ""  # the extraction rule that made it, e.g. "orgline.claims.founded.v1"
    confidence: float = 0.5

    def __post_init__(self) -> None:
        if self.type not in CLAIM_TYPES:
            raise ValueError(f"unknown claim type {self.type!r}")


@dataclass
class Source:
    """One ingested document. Its id is the sha256 of its normalized text."""

    text: str
    origin: str
    title: str = ""
    author: str | None = None
    date: str | None = None  # EDTF: the date it gives itself (metadata, dateline, the user)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = source_id(self.text)


@dataclass
class DocumentFacts:
    """What extraction found in one source: its entities and the claims about them."""

    source: Source
    entities: list[Entity]
    claims: list[Claim]


def normalize_text(text: str) -> str:
    """The form a source's text is stored in and hashed from: NFC, Unix newlines, no
    trailing blanks, so that the same document read twice has one id."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def norm_name(text: str) -> str:
    """The form names are compared in: lower case, no dots ("M.K.T.C." is "MKTC"), no
    other punctuation, no leading "the". Resolution, the store and queries all use it."""
    s = "".join(c for c in text.lower().replace(".", "") if c.isalnum() or c.isspace())
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


def source_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
