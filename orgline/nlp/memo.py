"""Two stock components of English spaCy pipelines, taught to remember.

The rule lemmatizer keeps only some of its answers (none for a singular noun, a proper noun
or a plain adjective, most of any text), and the attribute ruler tries each of its some 180
token patterns at every token. Yet both answer, token by token, from the token alone: the
lemmatizer from its word, part of speech and morphology, and nearly every pattern of the
ruler from its word, tag and dependency. Remembering those answers gives the same
annotations for about a sixth of the model's time (tests/test_memo.py compares them).
Patterns that read a token's neighbours or anything else still run on the whole Doc.

What the lemmatizer does not yet remember it looks up in its index of known words, which
the English tables ship as lists (57,528 nouns): each lookup scanned one. Held as sets,
the same lookups answer at once; the first documents a worker reads, whose words are all
new to it, are read about 2 ms faster each.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

# Answers remembered before starting afresh: a corpus of millions of documents keeps
# meeting new words, and memory must stay flat (some 20 MB at most per table).
REMEMBERED = 100_000
# What a one-token pattern may test for its answer to depend on the word, tag and
# dependency only (a sentence start, an entity or an extension depend on more).
OWN_ATTRIBUTES = {"ORTH", "TEXT", "LOWER", "TAG", "DEP", "LENGTH", "SHAPE", "PREFIX",
                  "SUFFIX", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER",
                  "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_CURRENCY", "LIKE_NUM",
                  "LIKE_URL", "LIKE_EMAIL", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
                  "IS_RIGHT_PUNCT"}


def remember(nlp: Language) -> None:
    """Make the pipeline's rule lemmatizer and attribute ruler remember, where it has them."""
    component: Any
    for _, component in nlp.pipeline:
        if type(component).__name__.endswith("Lemmatizer") and getattr(component, "mode", "") == "rule":
            _index_as_sets(component)
            component.lemmatize = _lemmas_remembered(component.lemmatize)
        elif type(component).__name__ == "AttributeRuler":
            component.match = _matches_remembered(component)


def _index_as_sets(lemmatizer: Any) -> None:
    """The known words of each part of speech as a set: the rule lemmatizer only asks
    whether a form is among them (``form in index``)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)


def _lemmas_remembered(lemmatize: Callable[[Token], list[str]]) -> Callable[[Token], list[str]]:
    answers: dict[tuple[int, int, int], list[str]] = {}

    def lemmas(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]  # (spaCy's own key)
        found = answers.get(key)
        if found is None:
            if len(answers) >= REMEMBERED:
                answers.clear()
            found = answers[key] = lemmatize(token)
        return found
    return lemmas


def _by_token(pattern: list[dict[str, Any]]) -> bool:
    """Whether a pattern matches one token on what that token alone says."""
    return len(pattern) == 1 and "OP" not in pattern[0] and all(
        key.upper() in OWN_ATTRIBUTES for key in pattern[0])


def _may_have_tag(token_pattern: dict[str, Any], tag: str) -> bool:
    """Whether a one-token pattern can match a token of this tag: not when it asks for
    another tag by name."""
    wanted = next((v for k, v in token_pattern.items() if k.upper() == "TAG"), None)
    return not isinstance(wanted, str) or wanted == tag


def _matches_remembered(ruler: Any) -> Callable[[Doc], list[tuple[int, int, int, int]]]:
    """The ruler's ``match``: one-token patterns answered per (word, tag, dependency), the
    rest matched on the Doc as before; the same matches in the same order."""
    together = Matcher(ruler.vocab)
    one_token: dict[str, list[list[dict[str, Any]]]] = {}
    for k in range(len(ruler.attrs)):
        _, patterns = ruler.matcher.get(str(k))
        if by_token := [p for p in patterns if _by_token(p)]:
            one_token[str(k)] = by_token
        if rest := [p for p in patterns if not _by_token(p)]:
            together.add(str(k), rest)
    strings = ruler.vocab.strings
    answers: dict[tuple[int, int, int], list[int]] = {}
    by_tag: dict[int, Matcher] = {}

    def alone(token: Token) -> Matcher:
        """The one-token patterns a token of its tag may match: a new token was tried
        against all of them, and most ask for one tag (18 µs a token against 8)."""
        if token.tag not in by_tag:
            by_tag[token.tag] = Matcher(ruler.vocab)
            for k, patterns in one_token.items():
                if mine := [p for p in patterns if _may_have_tag(p[0], token.tag_)]:
                    by_tag[token.tag].add(k, mine)
        return by_tag[token.tag]

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        found = set(together(doc, allow_missing=True))
        for token in doc:
            key = (token.orth, token.tag, token.dep)
            ids = answers.get(key)
            if ids is None:
                if len(answers) >= REMEMBERED:
                    answers.clear()
                ids = answers[key] = [m for m, _, _ in alone(token)(doc[token.i:token.i + 1], allow_missing=True)]
            found.update((m, token.i, token.i + 1) for m in ids)
        return sorted((int(strings[m]), m, start, end) for m, start, end in found)
    return match


__all__ = ["remember"]
