"""Long documents: read in bounded pieces with every offset kept, a long sentence cut
where the parser's and the rules' cost would grow with its square, and a size limit with
a one-line error that names the file while the rest of the batch goes on.

Real spaCy pipeline, real files, a real SQLite store. The texts are made up here.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import backends
from backends import connect
from orgline.cli import app
from orgline.ingest import limits, read_document
from orgline.nlp import load, pieces
from orgline.project import Project

Write = Callable[[str, str], Path]

PARAGRAPHS = (
    "The Quarry Lane Bellringers Society (QLBS) was founded in 1911 in Hobbleford by a "
    "group of chapel wardens. In 1934 it merged with the Upper Dene Carillon Club to form "
    "the Dene Valley Ringers Union.",
    "The Marrowby Allotment Federation was established in 1952 by tenants of the Marrowby "
    "estate. It was renamed the Marrowby Growers Council in 1968, and the council was "
    "dissolved in 1990.",
    "In 1947 a faction of the Tollgate Ferrymen Guild broke away to form the Free River "
    "Pilots League. The league was based in Saltcombe and published a bulletin, "
    "\"The Tideline\", until 1961.",
)
# Between them, prose that states nothing about a body: the model reads it all, the store
# keeps fewer rows, so the million characters take less time.
FILLER = (
    "The spring that year was wet and the lanes along the valley stayed under water until "
    "June. Carts went round by the upper road, and the mill ran only three days in the week.",
    "By August the fields had dried, the hay was late but sound, and the fair on the common "
    "drew more stalls than anyone could remember; the weather held well into the autumn.",
)
BLOCK = "\n\n".join(p for pair in zip(PARAGRAPHS, FILLER + ("",)) for p in pair if p) + "\n\n"

CLAUSE = ("the Pennyfold Clockmakers Guild, founded in 1903 in Wexham, merged with the "
          "Harlow Fen Tinsmiths Union in 1929")


def _evidence(db: str) -> list[tuple[Any, ...]]:
    """Every claim with each piece of its evidence: (type, subject, object, value, date,
    end, negated, quote, start, stop)."""
    with connect(db) as con:
        return con.execute('SELECT type, subject, object, value, date, "end", negated, quote, start, stop '
                           "FROM claims_with_evidence").fetchall()


@pytest.mark.slow
def test_a_document_over_a_million_characters_reads_like_its_paragraphs(
        tmp_path: Path, write: Write) -> None:
    repeats = 1_000_000 // len(BLOCK) + 1
    text = BLOCK * repeats
    assert len(text) > 1_000_000 > len(text) - len(BLOCK)  # over spaCy's own max_length
    one_db, long_db = str(tmp_path / "one.db"), str(tmp_path / "long.db")
    assert Project(one_db).ingest([write("one.txt", BLOCK)]).stored
    report = Project(long_db).ingest([write("long.txt", text)])
    assert report.stored and not report.failed

    # the quote is the sentence with its trailing whitespace: the one file's last sentence
    # has none (a read text is stripped), its repeats the blank line after it
    single = Counter((*row[:7], str(row[7]).rstrip(), row[8]) for row in _evidence(one_db))
    assert len(single) >= 6  # the block's claims, each with its quote and offset
    seen: Counter[tuple[object, ...]] = Counter()
    for row in _evidence(long_db):
        quote, start, stop = row[7], row[8], row[9]
        assert text[start:stop] == quote  # the offset points at the quoted text
        seen[(*row[:7], str(quote).rstrip(), start % len(BLOCK))] += 1
    assert seen == Counter({k: n * repeats for k, n in single.items()})


def test_a_document_over_the_limit_fails_alone_naming_the_file(
        monkeypatch: pytest.MonkeyPatch, db: str, write: Write, tmp_path: Path) -> None:
    monkeypatch.setattr(limits, "MAX_CHARACTERS", 2_000)
    big = write("big.txt", BLOCK * 6)
    small = write("small.txt", PARAGRAPHS[1])
    report = Project(db).ingest([big, small])
    assert report.stored == [str(small)]
    (error,) = report.failed
    assert error.path == str(big) and error.exit_code == 2
    assert error.cause == (f"{len(read_document(big).text):,} characters, over the limit of 2,000 orgline reads "
                           "from one document; split the file")
    assert "\n" not in str(error)

    r = CliRunner().invoke(app, ["--db", backends.store_url(tmp_path / "cli.db"), "ingest", str(big), str(small)])
    assert r.exit_code == 2  # some input failed, the rest stored (README: exit codes)
    assert f"{big}: " in r.output and "split the file" in r.output and "1 stored" in r.output


def test_a_text_file_too_big_to_be_under_the_limit_is_refused_unread(
        monkeypatch: pytest.MonkeyPatch, db: str, write: Write) -> None:
    monkeypatch.setattr(limits, "MAX_CHARACTERS", 100)
    big = write("big.md", "x " * 201)  # 402 bytes: more than 4 bytes a character allows
    report = Project(db).ingest([big])
    (error,) = report.failed
    assert str(error) == (f"{big}: 402 bytes, over the limit of 100 characters orgline reads "
                          "from one document; split the file")


def _check_pieces(text: str, spans: list[tuple[int, int]]) -> None:
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:]))  # consecutive, no gap
    for start, _ in spans[1:]:  # a cut where whitespace ends and a word begins
        assert text[start - 1].isspace() and not text[start].isspace()


def test_a_sixty_thousand_character_sentence_is_cut_into_bounded_pieces() -> None:
    text = "In the decades that followed, " + ", and ".join([CLAUSE] * 560) + ".\n"
    assert len(text) > 60_000 and text.count(".") == 1
    spans = pieces.pieces(text)
    _check_pieces(text, spans)
    assert max(b - a for a, b in spans) <= pieces.SENTENCE_CHARACTERS
    assert all(text[a - 2:a] == ", " for a, _ in spans[1:])  # at a comma: no semicolon there

    nlp = load()
    doc = pieces.parse(nlp, text)
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in nlp.make_doc(text)]
    assert max(len(s.text) for s in doc.sents) <= pieces.SENTENCE_CHARACTERS
    assert doc._.orgline_drafts  # the rules read it


def test_paragraphs_are_packed_and_cut_at_blank_lines() -> None:
    text = BLOCK * 200
    spans = pieces.pieces(text)
    _check_pieces(text, spans)
    assert len(spans) > 1 and max(b - a for a, b in spans) <= pieces.PIECE_CHARACTERS
    assert all(text[a - 2:a] == "\n\n" for a, _ in spans[1:])
    assert pieces.pieces(BLOCK) == [(0, len(BLOCK))]  # a short text is read whole


def test_pieces_keep_tokens_offsets_and_the_rules_reading() -> None:
    text = BLOCK * 8 + "A line with no full stop; " * 90 + "\n\n" + BLOCK
    nlp = load()
    whole = nlp(text)
    doc = pieces.parse(nlp, text, size=1_000, sentence=300)
    assert len(pieces.pieces(text, 1_000, 300)) > 10
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in whole]
    assert doc.ents and doc.has_annotation("DEP")
    assert {d.evidence for d in doc._.orgline_drafts} == {d.evidence for d in whole._.orgline_drafts}
