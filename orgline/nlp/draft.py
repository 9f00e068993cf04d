"""What the claim rules produce before entity resolution: claims over mentions.

A :class:`Ref` points at a mention (token offsets) or at an entity the text introduces by
description only ("a new national student group adopted the name ..."): such a ``new``
reference becomes an entity of its own, never merged by name with an older bearer.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import EntityKind, Hedging


@dataclass(frozen=True)
class Ref:
    start: int  # token offsets in the Doc
    end: int
    kind: EntityKind
    text: str
    new: bool = False
    via: str = "mention"  # "mention", "coref" (a pronoun or "the group"), "description"


@dataclass
class Draft:
    type: str
    subject: Ref
    object: Ref | None = None
    value: str | None = None
    date: str | None = None
    end: str | None = None
    place: Ref | None = None
    result: Ref | None = None
    kind: str | None = None
    negated: bool = False
    according_to: Ref | None = None
    hedging: Hedging = Hedging.ASSERTED
    evidence: tuple[int, int] = (0, 0)  # character offsets of the sentence
    trigger: int = -1  # token index of the word that triggered the rule
    rule: str = ""
    confidence: float = 0.7
    value_ref: Ref | None = None  # for `named`: the mention that gives the name
    extra: dict[str, str] = field(default_factory=dict)

    def but(self, **changes: object) -> "Draft":
        return replace(self, **changes)  # type: ignore[arg-type]
