"""Ingest under hostile conditions, on real files, a real SQLite file and the real CLI:
concurrent ingests, unreadable paths, pathological Markdown, lying charset declarations,
control characters in names, and the order files are given in."""
from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import backends
from backends import connect
from orgline import project as project_module
from orgline import workers
from orgline.cli import app
from orgline.ingest import read_document
from orgline.project import Project
from orgline.store.db import _sqlite_connect

runner = CliRunner()
ORGLINE = Path(sys.executable).parent / "orgline"  # the installed command
Write = Callable[[str, "str | bytes"], Path]

DOCS = {
    "guild.txt": "The Orchard Workers Guild was founded in Hereford in 1952.",
    "union.txt": "The Mill Union was founded in Leeds in 1921. It joined the Textile Federation in 1930.",
    "club.txt": "The Rowing Club of Saltash was formed in 1899.",
}


def _docs(write: Write) -> list[Path]:
    return [write(name, text) for name, text in DOCS.items()]


# --- 1. concurrent ingests of the same files ---------------------------------------------

def test_two_ingests_racing_on_the_same_files_store_each_once(db: str, write: Write,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ingests read and parse a file before either stores it (a barrier holds them
    there): the one that takes the write lock second sees it stored and says so."""
    files = _docs(write)[:1]
    barrier = threading.Barrier(2, timeout=60)
    real_extract = workers.extract_many

    def extract_then_wait(*args: Any) -> Any:
        facts = real_extract(*args)
        barrier.wait()
        return facts

    monkeypatch.setattr(workers, "extract_many", extract_then_wait)
    Project(db)  # migrate once, so both start on a made store
    reports: list[project_module.IngestReport] = []

    def run() -> None:
        reports.append(Project(db).ingest(files))  # separate Store objects on one file

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(reports) == 2 and not any(r.failed for r in reports)
    assert sorted((len(r.stored), len(r.already)) for r in reports) == [(0, 1), (1, 0)]


def test_two_cli_ingests_at_once_both_finish(db: str, write: Write) -> None:
    """Two real processes on one db file: both exit 0, every file stored exactly once."""
    folder = _docs(write)[0].parent
    cmd = [str(ORGLINE), "--db", db, "ingest", str(folder)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    results = [(p.returncode, err) for p, err in zip(procs, errs)]
    assert [rc for rc, _ in results] == [0, 0], results
    stored = [int(err.split(" stored,")[0].split()[-1]) for _, err in results]
    already = [int(err.split(" already stored")[0].split()[-1]) for _, err in results]
    assert sum(stored) == len(DOCS) and [s + a for s, a in zip(stored, already)] == [len(DOCS)] * 2
    assert "UNIQUE" not in "".join(err for _, err in results)


def _connect_when_told(db: str, go: Any, out: Any) -> None:
    go.wait()
    try:
        connection = sqlite3.connect(db)
        _sqlite_connect(connection, None)  # what the store does to each new connection
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY)")
        connection.execute("COMMIT")
        out.put("opened")
    except Exception as e:  # noqa: BLE001 - the cause is what the test reports
        out.put(f"{type(e).__name__}: {e}")


@pytest.mark.skipif(backends.BACKEND != "sqlite", reason="SQLite's journal mode")
def test_processes_opening_a_new_store_at_once_all_open(tmp_path: Path) -> None:
    """Four processes connect to one new SQLite file at the same moment, 60 times over, as
    the store connects. SQLite turns a new file's journal to WAL without waiting for other
    connections: some 5 in 100 were refused at once ("database is locked"), and a CI run
    saw two ``orgline ingest`` started together fail so, before the store waited."""
    ctx = multiprocessing.get_context("fork")  # nothing to import: the four start together
    outcomes: list[str] = []
    for k in range(60):
        db, go, out = str(tmp_path / f"new{k}.db"), ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_connect_when_told, args=(db, go, out)) for _ in range(4)]
        for p in procs:
            p.start()
        go.set()
        for p in procs:
            p.join(120)
        outcomes += [out.get(timeout=5) for _ in procs]
    assert outcomes == ["opened"] * 240, [o for o in outcomes if o != "opened"][:3]


# --- 2. unreadable files and folders -----------------------------------------------------

def _lock(monkeypatch: pytest.MonkeyPatch, file_name: str, folder_name: str) -> None:
    """Make one file and one folder unreadable as a non-root user would find them.

    The tests run as root, which chmod 000 does not stop, so the permission checks are
    simulated for those two paths only: os.access (Click's readability check) and reading
    the file's bytes fail for ``file_name``, listing the folder fails for ``folder_name``,
    each with the PermissionError the kernel would give."""
    def denied(path: object) -> PermissionError:
        return PermissionError(13, "Permission denied", str(path))

    real_access, real_read, real_scandir = os.access, Path.read_bytes, os.scandir

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return False if Path(path).name == file_name else real_access(path, mode, *args, **kwargs)

    def read_bytes(self: Path) -> bytes:
        if self.name == file_name:
            raise denied(self)
        return real_read(self)

    def scandir(path: Any = ".") -> Any:
        if Path(path).name == folder_name:
            raise denied(path)
        return real_scandir(path)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)


def test_each_unreadable_path_is_one_error_and_the_batch_goes_on(
        db: str, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked file (named, and inside the folder), a folder that cannot be listed, a FIFO
    and a broken link (both real) each give one line naming them and the cause; the
    readable files are stored; the exit code says something failed."""
    guild, union, _ = _docs(write)
    locked = write("locked.txt", "The Locked Guild was founded in 1950.")
    write("sealed/inner.txt", "The Sealed Union was founded in 1940.")
    docs = guild.parent
    os.mkfifo(docs / "pipe.txt")
    (docs / "dangling.md").symlink_to(docs / "gone.md")
    lone_fifo = tmp_path / "lone.txt"
    os.mkfifo(lone_fifo)
    _lock(monkeypatch, "locked.txt", "sealed")

    r = runner.invoke(app, ["--db", db, "ingest", str(docs), str(locked), str(lone_fifo),
                            str(docs / "pipe.txt")])  # reached twice: one line all the same
    assert r.exit_code == 2, r.output
    lines = r.output.splitlines()
    expected = {
        locked: "cannot read: Permission denied",
        docs / "sealed": "cannot read folder: Permission denied",
        docs / "pipe.txt": "not a regular file (a FIFO, socket or device)",
        lone_fifo: "not a regular file (a FIFO, socket or device)",
        docs / "dangling.md": "broken symbolic link",
    }
    for path, cause in expected.items():
        assert [line for line in lines if line.startswith(f"{path}:")] == [f"{path}: {cause}"], r.output
    assert "Usage" not in r.output and "3 stored" in r.output



# --- 3. the Markdown reader is a CommonMark parser, linear ---------------------------------

def test_markdown_pathological_emphasis_is_read_as_text(write: Write) -> None:
    """A 24k-character line of unmatched ``*a _b`` openers (2.3 s for the old regular
    expressions, quadratic; a 436 kB one never finished) is prose: every character
    stays. Emphasis that does close, and a code span, are read as CommonMark reads them
    (the old reader took the backslash out of a code span, where it is literal)."""
    openers = "*a _b " * 4000
    lines = "*a \n_b \n" * 3000
    tail = "The *Orchard* __Guild__ kept `rule\\|book` in ~~Leeds~~ Hereford."
    source = read_document(write("noise.md", openers + "\n\n" + lines + tail))
    first, second = source.text.split("\n\n")
    assert first == openers.rstrip()
    assert second == lines.replace(" \n", "\n") + "The Orchard Guild kept rule\\|book in Leeds Hereford."


def test_markdown_reader_is_markdown_it() -> None:
    """The parser that makes it linear is a declared, pinned dependency, in both locks."""
    root = Path(__file__).resolve().parents[1]
    assert '"markdown-it-py==4.3.0"' in (root / "pyproject.toml").read_text()
    for lock in ("main.lock", "test.lock"):
        entry = (root / "requirements" / lock).read_text().split("\nmarkdown-it-py==4.3.0 ")[1]
        entry = entry[: entry.index("\nmdurl==")]  # its hashes and "# via" lines
        assert "orgline (pyproject.toml)" in entry, (lock, entry)


# --- 4. declared charsets verified ---------------------------------------------------------

def _page(charset: str, body: str) -> str:
    return (f'<html><head><meta charset="{charset}"><title>Soci\u00e9t\u00e9</title></head>'
            f"<body><p>{body}</p></body></html>")


LATIN = "La Soci\u00e9t\u00e9 des Passeurs fut fond\u00e9e \u00e0 Brest en 1902."


def _stored_texts(db: str) -> list[str]:
    with connect(db) as con:
        return [row[0] for row in con.execute("select text from sources order by origin")]


def test_a_declared_charset_is_verified_not_trusted(db: str, write: Write) -> None:
    """utf-16 declared over Latin-1 bytes (which pair up into CJK under UTF-16) is read as
    Windows-1252 with a warning naming the file; a real UTF-16 page without a BOM is read
    by its zero bytes; ISO-8859-1 is read as browsers read it, Windows-1252 (curly quotes,
    not C1 controls); bytes no charset reads cleanly are refused, one line."""
    liar = write("liar.html", _page("utf-16", LATIN).encode("latin-1"))
    wide = write("wide.html", _page("utf-16", LATIN).encode("utf-16-le"))
    quotes = write("quotes.html", _page("iso-8859-1", "The \u201cGuild\u201d met in 1902.").encode("cp1252"))
    broken = write("broken.html", _page("shift_jis", "The Guild \x81 met.").encode("latin-1"))
    r = runner.invoke(app, ["--db", db, "ingest", str(liar.parent)])
    assert r.exit_code == 2, r.output
    lines = r.output.splitlines()
    assert f"warning: {liar}: declares charset utf-16 but has neither a byte-order mark nor the zero " \
           "bytes of utf-16; read as Windows-1252" in lines
    assert f"{broken}: declares charset shift_jis but is not valid shift_jis, and is neither UTF-8 " \
           "nor Windows-1252; re-save it as UTF-8" in lines
    assert not [line for line in lines if str(wide) in line or str(quotes) in line], r.output
    assert "2 stored, 1 already stored, 1 failed" in r.output  # liar and wide read alike: one text
    texts = _stored_texts(db)
    assert LATIN in texts
    assert "The \u201cGuild\u201d met in 1902." in texts


# --- 5. control characters escaped on the terminal ---------------------------------------

RED, CSI = "\x1b[31m", "\x9b2J"  # an ANSI colour, and C1's one-character CSI (clear screen)


def _raw_controls(text: str) -> set[str]:
    return {c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f}


def test_control_characters_from_input_are_shown_escaped(db: str, write: Write,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A file name, a <title>, a quoted passage and a name asked for, each carrying an
    escape sequence: every command prints them with the controls written out (\\x1b),
    the terminal gets none of them raw, and --json stays valid JSON that decodes back."""
    from orgline import cli
    monkeypatch.setattr(cli.out, "width", 400)
    title = f"Guild{RED} papers{CSI}"
    page = write(f"page{RED}.html", f"<html><head><meta charset='utf-16'><title>{title}</title></head>"
                 "<body><p>The Orchard Workers Guild was founded in Hereford in 1952.</p></body></html>")
    text = write(f"notes{CSI}.txt", f"The Mill Union was founded in Leeds{RED} in 1921.")
    empty = write(f"empty{RED}.txt", "")
    r = runner.invoke(app, ["--db", db, "ingest", str(page), str(text), str(empty)])
    assert r.exit_code == 2 and "2 stored" in r.output, r.output
    assert "page\\x1b[31m.html: declares charset utf-16" in r.output  # the warning names it
    assert "empty\\x1b[31m.txt: empty file" in r.output
    outputs = [r.output]
    for cmd in (["sources"], ["entities"], ["timeline", "Mill Union"], ["claims", "Mill Union"],
                ["names", f"Nobody{RED}"], ["lineage", "Mill Union"], ["conflicts"]):
        res = runner.invoke(app, ["--db", db, *cmd])
        assert res.exit_code in (0, 5), (cmd, res.output)
        outputs.append(res.output)
    shown = "\n".join(outputs)
    assert not _raw_controls(shown), {repr(c) for c in _raw_controls(shown)}
    assert "Guild\\x1b[31m papers\\x9b2J" in shown and "notes\\x9b2J.txt" in shown
    assert "Leeds\\x1b[31m in 1921" in shown and "Nobody\\x1b[31m" in shown
    listed = runner.invoke(app, ["--db", db, "sources", "--json"]).stdout
    assert not _raw_controls(listed)
    assert title in {row["title"] for row in json.loads(listed)}


# --- 6. the order a batch is given in ----------------------------------------------------

ORDER_DOCS = {
    "a_owg.txt": "The Orchard Workers Guild (OWG) was founded in Hereford in 1952. "
                 "The OWG joined the Farm Labour Federation in 1962.",
    "b_marches.txt": "The Orchard Workers Guild changed its name to the Marches Growers Union in 1960.",
    "c_federation.txt": "The Farm Labour Federation was founded in Leominster in 1931. "
                        "It worked with the Orchard Workers Guild.",
}


def _store_dump(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every entity, name and claim as stored, ids and links included, timestamps left out."""
    queries = {
        "entities": "select id, kind, label, qid, source_id from entities order by id",
        "names": "select entity_id, name, kind, valid_from, valid_to, source_id from names order by id",
        "claims": "select id, key, type, subject_id, object_id, value, date, place_id, result_id "
                  "from claims order by id",
    }
    with connect(db) as con:
        return {table: con.execute(sql).fetchall() for table, sql in queries.items()}


def test_a_batch_gives_the_same_store_whatever_order_it_is_given_in(write: Write, tmp_path: Path) -> None:
    """The files of a batch are stored in path order, not in the order the shell or the
    user listed them: the same batch, given forwards or backwards, stores identical
    entities (ids, labels), names and claims."""
    files = [write(name, text) for name, text in ORDER_DOCS.items()]
    dumps = []
    for k, order in enumerate((files, files[::-1])):
        db = str(tmp_path / f"order{k}.db")
        r = runner.invoke(app, ["--db", db, "ingest", *map(str, order)])
        assert r.exit_code == 0 and "3 stored" in r.output, r.output
        dumps.append(_store_dump(db))
    assert dumps[0]["entities"] and dumps[0]["claims"]
    assert dumps[0] == dumps[1]


def _org_doc(name: str, names: list[tuple[str, str]]) -> Any:
    """A document's facts as the NLP stage gives them: a body under ``names``, based in
    Basel, working with the Rhine Bargemen Union."""
    from orgline.model import Claim, DocumentFacts, Entity, EntityKind, Name, NameKind, Source, Span
    text = f"{name}: " + " / ".join(n for n, _ in names)
    ev = [Span(0, 5, text[:5])]
    body = Entity("e1", EntityKind.ORG, names[0][0], [Name(n, NameKind(k)) for n, k in names])
    ents = [body, Entity("e2", EntityKind.PLACE, "Basel", [Name("Basel")]),
            Entity("e3", EntityKind.ORG, "Rhine Bargemen Union", [Name("Rhine Bargemen Union")])]
    claims = [Claim("location", "e1", object="e2", evidence=ev), Claim("worked_with", "e1", object="e3", evidence=ev)]
    return DocumentFacts(Source(text=text, origin=f"{name}.txt"), ents, claims)


def test_an_acronym_and_its_full_name_join_whichever_document_comes_first(tmp_path: Path) -> None:
    """One document names a body by its acronym only, one by its full name only, one by
    both. Stored with the bridging one last, the first two stayed two bodies (nothing
    shared a name); an acronym that is a full name's initials, with something else shared,
    now joins them in every order."""
    from orgline.store import Store
    docs = [_org_doc("acronym", [("MCCB", "short")]),
            _org_doc("full", [("Millbank Cooks Council of Basel", "official")]),
            _org_doc("both", [("Millbank Cooks Council of Basel", "official"), ("MCCB", "short")])]
    counts = []
    for k, order in enumerate((docs, docs[::-1], [docs[1], docs[0], docs[2]])):
        db = str(tmp_path / f"acr{k}.db")
        store = Store.open(db)
        for facts in order:
            assert store.save(facts)
        store.close()
        with connect(db) as con:
            counts.append(con.execute("select count(*) from entities where kind = 'org'").fetchone()[0])
    assert counts == [2, 2, 2]  # the body, and the union it worked with
