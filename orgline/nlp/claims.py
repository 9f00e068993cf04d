"""The claims component: runs every registered rule over each sentence, in order, with
the reader's coreference state and the attribution pass."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .attribution import Attributor
from .draft import Draft, Ref
from .reader import Reader
from .rules import RULES

if not Doc.has_extension("orgline_drafts"):
    Doc.set_extension("orgline_drafts", default=None)

_BY_LEMMA: dict[str, list[str]] = {}
for _name, (_lemmas, _fn) in RULES.items():
    for _lemma in _lemmas:
        _BY_LEMMA.setdefault(_lemma, []).append(_name)


def _repair_lemmas(doc: Doc) -> None:
    """The model lemmatizes rare verbs wrongly ("rebranded" -> "rebrande"); a word whose
    lemma triggers nothing but whose stem does gets the stem, so the rules see it."""
    for tok in doc:
        # the sentence's root is a verb however tagged ("The line-up consisted of", NN)
        if (tok.pos_ == "VERB" or tok.dep_ == "ROOT" and tok.lower_.endswith("ed")) and \
                tok.lemma_.lower() not in _BY_LEMMA:
            for suffix in ("ed", "d", "ing", "s"):
                stem = tok.lower_[:-len(suffix)] if tok.lower_.endswith(suffix) else ""
                if stem in _BY_LEMMA:
                    tok.lemma_ = stem
                    if tok.pos_ != "VERB":  # the rules ask a verb's tag: a past one here
                        tok.pos_ = "VERB"
                        tok.tag_ = "VBD" if suffix in ("ed", "d") else tok.tag_
                    break


def read_claims(doc: Doc) -> list[Draft]:
    _repair_lemmas(doc)
    r = Reader(doc)
    attributor = Attributor(r)
    drafts: list[Draft] = []
    for sent in doc.sents:
        r.begin_sentence(sent)
        found: list[Draft] = []
        for tok in sent:
            for name in _BY_LEMMA.get(tok.lemma_.lower(), []) + (
                    _BY_LEMMA.get(tok.lower_, []) if tok.lower_ != tok.lemma_.lower() else []):
                found.extend(RULES[name][1](r, tok))
        attributor.apply(sent, found)
        drafts.extend(found)
        r.learn_names(found)
        r.end_sentence(sent, [_in_focus_after(d) for d in found if d.subject.kind.value == "org"])
    return drafts


def _in_focus_after(d: Draft) -> Ref:
    """The body a claim leaves in focus: its subject, but for a merger the body merged
    into, which the text goes on about ("A and B merged. Its headquarters moved ...")."""
    return d.object if d.type == "merged" and d.object is not None else d.subject


@Language.component("orgline_claims_v1")
def claims_component(doc: Doc) -> Doc:
    doc._.orgline_drafts = read_claims(doc)
    return doc
