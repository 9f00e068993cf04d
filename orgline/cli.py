"""The ``orgline`` command: a thin layer over :class:`orgline.project.Project`."""
from __future__ import annotations

import json
import os
import re
import secrets
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .errors import InputError, InvalidValue, OrglineError, StoreError
from .export import FORMATS
from .model import EntityKind
from .export import Selection
from .project import Project, evaluate_fresh
from .text import json_printable, printable
from .workers import ONE_THREAD, default_workers

app = typer.Typer(help="Read prose about organizations into a sourced, time-aware history.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)
STATE: dict[str, Any] = {}

JSON_OPT = typer.Option(False, "--json", help="Print JSON instead of a table.")


@app.callback()
def main(db: str = typer.Option("orgline.db", "--db", envvar="ORGLINE_DB",
                                help="SQLite file (or SQLAlchemy URL) of the store."),
         model: Optional[str] = typer.Option(None, "--model", envvar="ORGLINE_SPACY_MODEL",
                                             help="Installed spaCy pipeline to read with.")) -> None:
    STATE.update(db=db, model=model)
    # The model's BLAS on one thread here too, as in each worker, unless the user says
    # otherwise (set before numpy loads, which this process has not yet done). Reading
    # Re-DocRED's 500 in one process, OpenBLAS's second thread cut 3% of the time for 70%
    # more CPU, spent spinning.
    for name, value in ONE_THREAD.items():
        os.environ.setdefault(name, value)


def _project(create: bool = False) -> Project:
    """The store named by --db. Only ``ingest`` makes a new one: a mistyped path given to
    a command that reads is an error, not a fresh empty store."""
    _existing_store(STATE["db"], create)
    return Project(STATE["db"], STATE["model"])


def _existing_store(db: str, create: bool = False) -> None:
    if not create and "://" not in db and not Path(db).exists():
        raise StoreError(f"{db}: no such store; `orgline ingest` makes one, or give --db (env ORGLINE_DB)")


def _safe(text: object) -> str:
    """Input-derived text for a markup string: control characters shown escaped (see
    orgline.text), brackets shown as brackets."""
    return escape(printable(text))


def _fail(e: OrglineError) -> None:
    err.print(f"[red]error:[/red] {_safe(e)}", highlight=False, soft_wrap=True)
    raise typer.Exit(e.exit_code)


def _json(rows: Any) -> None:
    sys.stdout.write(json_printable(json.dumps(rows, indent=1, ensure_ascii=False)) + "\n")


def _short(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


@app.command()
def ingest(paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .pdf).",
                                            readable=False),
           date: Optional[str] = typer.Option(
               None, "--date", help="The documents' own date (EDTF: 2013-03-22), over what they say of "
                                    "themselves; 'yesterday' and 'last May' are read against it."),
           workers: Optional[int] = typer.Option(
               None, "--workers", min=0, help="Processes that read and extract (default: the machine's cores), "
                                              "while this one stores, in the order given, so the store is the "
                                              "same for any number; 0 reads here too, on one core."),
           dask: Optional[str] = typer.Option(
               None, "--dask", help="Extract on a Dask cluster: its scheduler (tcp://host:8786), or local:N for N "
                                    "local worker processes; this process reads the files and stores, in order "
                                    "(needs the dask extra).")) -> None:
    """Read documents, extract their claims and store them (a text stored before is skipped).
    A file or folder that cannot be read is one error line and the rest go on; exits 2
    when any failed. A document's own date comes from its metadata (HTML, PDF, Markdown
    front matter) or the dateline it opens with, unless --date gives it."""
    # readable=False: Click's own check would stop the whole batch with a usage box.
    try:
        project = _project(create=True)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("files,"),
                      TimeRemainingColumn(), TextColumn("left"), console=err, transient=True) as bar:
            task = bar.add_task("reading", total=None)
            report = project.ingest(paths, on_progress=lambda p, s: bar.update(task, advance=1, description=_safe(p.name)),
                                    date=date, on_total=lambda n: bar.update(task, total=n),
                                    workers=default_workers() if workers is None else workers, dask=dask)
    except OrglineError as e:
        _fail(e)
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {_safe(warning)}", highlight=False, soft_wrap=True)
    for failure in report.failed:
        err.print(f"[red]{_safe(failure)}[/red]", highlight=False, soft_wrap=True)
    err.print(f"{len(report.stored)} stored, {len(report.already)} already stored, {len(report.failed)} failed")
    raise typer.Exit(InputError.exit_code if report.failed else 0)


@app.command()
def copy(source: str = typer.Argument(..., help="The store to copy (a SQLite file or SQLAlchemy URL)."),
         target: str = typer.Argument(..., help="A new store: a SQLite file, or an empty PostgreSQL database "
                                                "(postgresql+psycopg://user@host/db)")) -> None:
    """Copy a store to another backend with everything in it, reviews and their history
    included, ids kept. The target must be empty; a copy that fails leaves it so."""
    from .store import Store
    from .store.copy import copy_store
    try:
        _existing_store(source)
        counts = copy_store(Store.open(source), Store.open(target))
    except OrglineError as e:
        _fail(e)
    err.print(", ".join(f"{n:,} {table}" for table, n in counts.items()) + f" copied to {_safe(target)}")


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    """Cells are plain text, never console markup: a quote's "[sic]" is the source's; a
    control character in one is shown escaped, never sent to the terminal."""
    t = Table(title=Text(printable(title)), show_lines=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[Text(printable("" if v is None else v, keep="\n\t")) for v in r])
    out.print(t)


def _run(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except OrglineError as e:
        _fail(e)


@app.command()
def sources(as_json: bool = JSON_OPT) -> None:
    """List the ingested documents."""
    rows = _run(lambda: _project().sources())
    if as_json:
        return _json(rows)
    _table("Sources", ["id", "title", "date", "origin", "claims"],
           [[r["id"][:12], r["title"], r["date"] or "", r["origin"], r["claims"]] for r in rows])


@app.command()
def dates(path: Path = typer.Argument(..., help="A document (.txt .md .html .pdf).", readable=False),
          dct: Optional[str] = typer.Option(None, "--dct", help="The document's own date (YYYY-MM-DD; "
                                            "a month or year places less); else the date it gives itself, if any."),
          as_json: bool = JSON_OPT) -> None:
    """List every temporal expression in a document: offsets, text, EDTF value, first and
    last day, and what a relative one was read against (dct: the document's date; focus:
    the date last given; founding: the founding date). Nothing is stored."""
    from .ingest import read_document
    from .nlp.dates import dateline
    from .edtf import bounds, iso_day
    from .nlp.timex import find
    if dct is not None and not re.fullmatch(r"\d{4}(-\d\d){0,2}", dct) or dct and bounds(dct) is None:
        _fail(InputError(Path("--dct"), f"{dct!r} is not a date (YYYY-MM-DD, or YYYY-MM, YYYY)"))
    try:
        source = read_document(path)
    except InputError as e:
        _fail(e)
    day = dct or source.date or dateline(source.text)
    rows = [{"start": x.start, "end": x.end, "text": x.text, "edtf": x.edtf,
             "from": iso_day(x.bounds[0]), "to": iso_day(x.bounds[1]), "form": x.form,
             "anchor": x.anchor} for x in find(source.text, dct=day)]
    if as_json:
        return _json({"file": str(path), "dct": day, "dates": rows})
    _table(f"Dates in {path.name}" + (f" (its date: {day})" if day else " (no date of its own: "
                                       "'yesterday' and the like left out)"),
           ["at", "text", "EDTF", "from", "to", "form", "read against"],
           [[f"{r['start']}-{r['end']}", r["text"], r["edtf"], r["from"], r["to"], r["form"],
             r["anchor"] or ""] for r in rows])


@app.command()
def entities(kind: Optional[str] = typer.Option(None, help="org, person, place, work or ideology."),
             existed_in: Optional[str] = typer.Option(
                 None, "--existed-in", help="Only organizations alive at this EDTF date: 1985, 196X."),
             as_json: bool = JSON_OPT) -> None:
    """List the entities found, with their names."""
    kinds = [k.value for k in EntityKind]
    if kind is not None and kind not in kinds:
        _fail(InvalidValue(f"--kind {kind!r} is not a kind of entity; one of {', '.join(kinds)}"))
    rows = _run(lambda: _project().entities(kind, existed_in))
    if as_json:
        return _json(rows)
    _table("Entities", ["id", "kind", "label", "names", "claims"],
           [[r["id"], r["kind"], r["label"], "; ".join(r["names"]), r["claims"]] for r in rows])


@app.command()
def names(name: str, at: Optional[str] = typer.Option(None, "--at", help="An EDTF date: 1983, 1994-05."),
          as_json: bool = JSON_OPT) -> None:
    """Which organization bore NAME (at a date), with the evidence."""
    rows = _run(lambda: _project().names(name, at))
    if as_json:
        return _json(rows)
    _table(f"Bearers of {name!r}" + (f" at {at}" if at else ""),
           ["entity", "id", "from", "to", "evidence"],
           [[r["entity"], r["entity_id"],
             r["valid_from"] or ("undated" if r["undated"] else "?"), r["valid_to"] or "",
             _short(r["evidence"])] for r in rows])


def _period(date: str | None, end: str | None) -> str:
    if end:
        return f"{date} to {end}" if date else f"until {end}"
    return date or ""


def _who(r: dict[str, Any]) -> str:
    who = f"according to {r['according_to']}" if r["according_to"] else ""
    if r["hedging"] == "claimed":
        who = (who + " (claimed)").strip()
    return who


def _what(r: dict[str, Any]) -> str:
    what = r["object"] or r["value"] or ""
    return f"NOT {what}" if r["negated"] else what


def _quote(r: dict[str, Any], full: bool) -> str:
    text = r["evidence"][0] if r["evidence"] else ""
    return " ".join(text.split()) if full else _short(text, 200)


BLOCK_BELOW = 120  # columns: narrower terminals get a claim as a block, wider a table


def _claims_out(title: str, rows: list[dict[str, Any]], full: bool) -> None:
    """Claims as blocks on a narrow terminal (each line its own, the quote wrapped under
    them), as a table on a wide one, whose quote column gets the room; ids always shown,
    the subject once in the title when every claim is about one body."""
    one = len({r["subject"] for r in rows}) <= 1
    if rows and one and rows[0]["subject"] not in title:
        title = f"{title}: {rows[0]['subject']}"
    if out.width < BLOCK_BELOW:
        out.print(Text(printable(title), style="bold"))
        for r in rows:
            head = Text(printable(f"#{r['id']}  {_period(r['date'], r['end']) or 'undated'}  "
                                  f"{r['type'].replace('_', ' ')}"), style="bold")
            head.append(Text(printable(f"  ({r['status']}, conf. {r['confidence']:.2f})"), style="dim"))
            out.print(head)
            lines = [] if one else [r["subject"]]
            lines += [x for x in (_what(r), _who(r)) if x]
            lines.append(f"source: {Path(r['source']['origin']).name}")
            for line in lines:
                out.print(Text("    " + printable(line)))
            out.print(Padding(Text(printable(f'"{_quote(r, full)}"'), style="italic"), (0, 0, 0, 4)))
        return
    table = Table(title=Text(printable(title)), show_lines=False, expand=True)
    for c in ["id", "date", "type"] + ([] if one else ["subject"]) + ["object / value", "who says so"]:
        table.add_column(c, overflow="fold", ratio=1 if c not in ("id", "date", "type") else None)
    table.add_column("evidence", overflow="fold", ratio=4)
    table.add_column("source", overflow="fold", ratio=1)
    table.add_column("status", overflow="fold")
    for r in rows:
        cells = [str(r["id"]), _period(r["date"], r["end"]), r["type"]] + ([] if one else [r["subject"]]) + [
            _what(r), _who(r), f'"{_quote(r, full)}"', Path(r["source"]["origin"]).name,
            f"{r['status']} {r['confidence']:.2f}"]
        table.add_row(*[Text(printable(v, keep="\n\t")) for v in cells])
    out.print(table)


FULL_OPT = typer.Option(False, "--full", help="Print whole quotes, not the first 200 characters.")


@app.command()
def claims(name: str, type_: Optional[list[str]] = typer.Option(None, "--type", help="Only these claim types."),
           min_confidence: Optional[float] = typer.Option(
               None, "--min-confidence", help="Only claims this confident (0 to 1)."),
           full: bool = FULL_OPT, as_json: bool = JSON_OPT) -> None:
    """Every claim about NAME, with its id, quoted evidence, source, status and confidence."""
    rows = _run(lambda: _project().claims(name, type_, min_confidence))
    if as_json:
        return _json(rows)
    _claims_out(f"Claims about {name!r}", rows, full)


@app.command()
def timeline(name: str,
             date_from: Optional[str] = typer.Option(None, "--from", help="An EDTF date: claims from then on."),
             date_to: Optional[str] = typer.Option(None, "--to", help="An EDTF date: claims up to then."),
             full: bool = FULL_OPT, as_json: bool = JSON_OPT) -> None:
    """NAME's history in date order (undated claims last), each with its evidence."""
    rows = _run(lambda: _project().timeline(name, date_from, date_to))
    if as_json:
        return _json(rows)
    _claims_out(f"Timeline of {name!r}", rows, full)


@app.command()
def conflicts(name: Optional[str] = typer.Argument(None, help="Only claims about this entity."),
              full: bool = FULL_OPT, as_json: bool = JSON_OPT) -> None:
    """Where sources disagree: two founding dates, an assertion and a denial. Each group
    lists every claim with its source and who says so."""
    rows = _run(lambda: _project().conflicts(name))
    if as_json:
        return _json(rows)
    if not rows:
        out.print("no conflicting claims")
    for g in rows:
        _claims_out(f"{g['subject']}: {g['type']} ({g['why']})", g["claims"], full)


review_app = typer.Typer(help="Accept, reject or edit claims; merge, split, label entities; undo. "
                              "Every change is recorded with who made it and when.", no_args_is_help=True)
app.add_typer(review_app, name="review")
BY = typer.Option(os.environ.get("USER") or "reviewer", "--by", envvar="ORGLINE_REVIEWER",
                  help="Who is reviewing (recorded with each change).")


def _done(review_id: Any, what: str) -> None:
    out.print(Text(printable(f"{what} (review #{review_id}; undo with `orgline review undo {review_id}`)")))


@review_app.command("accept")
def review_accept(claim: int, by: str = BY) -> None:
    """Mark claim CLAIM (its id, from `orgline claims`) as checked against its source."""
    _done(_run(lambda: _project().accept(claim, by)), f"claim {claim} accepted")


@review_app.command("reject")
def review_reject(claim: int, by: str = BY) -> None:
    """Mark claim CLAIM as wrong; it is kept, marked, and left out of conflicts."""
    _done(_run(lambda: _project().reject(claim, by)), f"claim {claim} rejected")


@review_app.command("edit")
def review_edit(claim: int,
                date: Optional[str] = typer.Option(None, "--date", help="EDTF date, e.g. 1971 or 1994-05."),
                end: Optional[str] = typer.Option(None, "--end", help="EDTF end date."),
                value: Optional[str] = typer.Option(None, "--value", help="The name or ideology."),
                object_: Optional[str] = typer.Option(None, "--object", help="Entity name or #id."),
                negated: Optional[bool] = typer.Option(None, "--negated/--asserted", help="A denial, or not."),
                by: str = BY) -> None:
    """Correct claim CLAIM; what it said before is kept in its history."""
    changes = {k: v for k, v in {"date": date, "end": end, "value": value, "object": object_,
                                 "negated": negated}.items() if v is not None}
    if not changes:
        err.print("[red]error:[/red] nothing to change; give --date, --end, --value, --object or --negated")
        raise typer.Exit(2)
    _done(_run(lambda: _project().edit(claim, by, **changes)), f"claim {claim} edited")


@review_app.command("merge")
def review_merge(keep: str, other: str, by: str = BY) -> None:
    """Merge entity OTHER into KEEP (names or #ids): one organization, not two."""
    _done(_run(lambda: _project().merge(keep, other, by)), f"{other} merged into {keep}")


@review_app.command("split")
def review_split(entity: str, source: str = typer.Option(..., "--source", help="Source id prefix or file name."),
                 by: str = BY) -> None:
    """Take what SOURCE says of ENTITY out into an entity of its own (a wrong merge)."""
    rid, new = _run(lambda: _project().split(entity, source, by))
    _done(rid, f"split off as entity #{new}")


@review_app.command("label")
def review_label(entity: str, label: str, by: str = BY) -> None:
    """Set ENTITY's preferred label."""
    _done(_run(lambda: _project().set_label(entity, label, by)), f"{entity} labelled {label!r}")


@review_app.command("qid")
def review_qid(entity: str, qid: str, by: str = BY) -> None:
    """Set ENTITY's Wikidata QID (e.g. Q42)."""
    _done(_run(lambda: _project().set_qid(entity, qid, by)), f"{entity} is {qid}")


@review_app.command("source-date")
def review_source_date(source: str = typer.Argument(..., help="Source id prefix or file name."),
                       date: str = typer.Argument(..., help="Its own date (EDTF), or 'none' to clear it.")) -> None:
    """Give a stored source its own date, or correct it, and read it again: its 'yesterday'
    and 'last May' move with it; reviewed claims keep their decisions."""
    r = _run(lambda: _project().set_source_date(source, None if date.lower() == "none" else date))
    out.print(Text(printable(f"date set; claims: {r.added} new, {r.removed} gone, {r.unchanged} unchanged")))


@review_app.command("undo")
def review_undo(review_id: int, by: str = BY) -> None:
    """Reverse change REVIEW_ID (the undo is recorded too)."""
    _done(_run(lambda: _project().undo(review_id, by)), f"review {review_id} undone")


@review_app.command("history")
def review_history(claim: Optional[int] = typer.Option(None, "--claim"),
                   entity: Optional[str] = typer.Option(None, "--entity"), as_json: bool = JSON_OPT) -> None:
    """Every recorded change (who, when, before, after), oldest first."""
    rows = _run(lambda: _project().history(claim, entity))
    if as_json:
        return _json(rows)
    _table("Review history", ["#", "when", "who", "action", "claim", "entity", "before", "after", "undone"],
           [[r["id"], r["at"][:19], r["reviewer"], r["action"], r["claim"], r["entity"],
             _short(json.dumps(r["before"]), 60), _short(json.dumps(r["after"]), 60), "yes" if r["undone"] else ""]
            for r in rows])


@app.command()
def reextract(sources: Optional[list[str]] = typer.Argument(None, help="Source id prefixes or file names; all if none.")) -> None:
    """Read stored sources again with this version's extractor, writing only what changed.
    Claims people accepted, rejected or edited, and entities they merged, split, labelled
    or gave a QID, keep those decisions; a second run changes nothing."""
    done = _run(lambda: _project().reextract(sources or []))
    for sid, r in done.items():
        out.print(Text(printable(f"{sid[:12]}  claims: {r.added} new, {r.removed} gone, {r.unchanged} unchanged; "
                       f"{r.decisions} reviewed claims keep their decision"
                       + (f"; {r.entities_removed} emptied entities removed" if r.entities_removed else ""))))


def _grow(node: Tree, items: list[dict[str, Any]]) -> None:
    for it in items:
        _grow(node.add(f"{_safe(it['label'])}  [dim]({it['type']}{', ' + it['date'] if it['date'] else ''})[/dim]"),
              it["children"])


@app.command()
def lineage(name: str, as_json: bool = JSON_OPT) -> None:
    """What NAME grew out of, split from or merged with (predecessors) and what came of it."""
    rows = _run(lambda: _project().lineage(name))
    if as_json:
        return _json(rows)
    for r in rows:
        tree = Tree(f"[bold]{_safe(r['label'])}[/bold] (#{r['id']})")
        _grow(tree.add("predecessors"), r["predecessors"])
        _grow(tree.add("successors"), r["successors"])
        out.print(tree)


def _list(value: str | None) -> list[str]:
    return [x.strip() for x in value.split(",") if x.strip()] if value else []


@app.command()
def export(fmt: str = typer.Option("facts", "--format", help="; ".join(f"{k}: {f.help}" for k, f in FORMATS.items())),
           output: str = typer.Option("-", "--output", "-o", help="File to write, - for stdout."),
           entity: Optional[str] = typer.Option(None, "--entity", help="Only claims about this entity (name or #id)."),
           types: Optional[str] = typer.Option(None, "--types", help="Only these claim types, comma-separated."),
           status: Optional[str] = typer.Option(None, "--status", help="Only these review statuses: "
                                                "extracted, accepted, rejected, edited (comma-separated)."),
           date_from: Optional[str] = typer.Option(None, "--from", help="An EDTF date: claims lasting into it or later."),
           date_to: Optional[str] = typer.Option(None, "--to", help="An EDTF date: claims begun by its end.")) -> None:
    """Write claims in an interchange format, all of them or those the filters pick."""
    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] unknown format {_safe(repr(fmt))}; one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    selection = Selection(entity, _list(types), _list(status), date_from, date_to)
    project = _run(_project)
    _run(selection.where, project.store)  # a bad filter is refused before any file is opened
    _run(FORMATS[fmt].require)
    binary = FORMATS[fmt].binary
    if output == "-":
        n = _run(project.export, fmt, sys.stdout.buffer if binary else sys.stdout, selection)
    else:
        try:
            with open(output, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as fp:
                n = _run(project.export, fmt, fp, selection)
        except OSError as e:
            err.print(f"[red]error:[/red] {_safe(output)}: cannot write: {_safe(e.strerror)}")
            raise typer.Exit(2)
    err.print(f"{n} {FORMATS[fmt].unit} written")


LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _port_free(host: str, port: int) -> None:
    """Refuse a port another program holds before starting, with a line that says so
    (uvicorn would exit 3, the code for a missing model)."""
    import errno
    import socket
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(address)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise OrglineError(f"{host}:{port} is in use; stop what holds it or choose another --port") from e


@app.command()
def serve(host: str = typer.Option("127.0.0.1", help="Address to listen on; other machines reach it only if told."),
          port: int = typer.Option(8000, help="Port to listen on."),
          db: Optional[str] = typer.Option(None, "--db", help="The store, if not the global --db."),
          edit_token_file: Optional[Path] = typer.Option(
              None, "--edit-token-file", help="A file holding the edit token, which turns review in the browser on "
              "for whoever signs in with it (or env ORGLINE_EDIT_TOKEN; never on the command line, where `ps` "
              "shows it); without either, one is made for this run. The token is printed to sign in with."),
          read_only: bool = typer.Option(False, "--read-only", help="No review in the browser: no token, "
                                         "no sign-in.")) -> None:
    """Serve the web workspace (search, entities, timelines, lineage, sources, review) and its JSON API."""
    import uvicorn

    from .web.app import create_app
    from .web.render import missing_vendor
    _run(_existing_store, db or STATE["db"])
    _run(_port_free, host, port)
    if missing_vendor():
        err.print("[yellow]warning:[/yellow] timeline and graph libraries are not built; run "
                  "`npm ci --prefix frontend && npm run --prefix frontend build`", soft_wrap=True)
    edit_token = None if read_only else _edit_token(edit_token_file) or secrets.token_urlsafe(24)
    if host not in LOOPBACK:
        err.print(f"[yellow]warning:[/yellow] listening on {_safe(host)}: other machines can reach this server, "
                  "over plain HTTP; put it behind HTTPS or use --host 127.0.0.1", soft_wrap=True)
    app_ = _run(create_app, db or STATE["db"], edit_token)
    err.print(f"orgline on http://{_safe(host)}:{port}/ (review {'on' if edit_token else 'off'}; Ctrl-C stops)")
    if edit_token:
        err.print(f"sign in at http://{_safe(host)}:{port}/login with the edit token: {_safe(edit_token)}",
                  soft_wrap=True, highlight=False)
    uvicorn.run(app_, host=host, port=port, log_level="warning")


def _edit_token(path: Optional[Path]) -> str | None:
    """The edit token from ``path`` (its first line), else env ORGLINE_EDIT_TOKEN; None
    when neither is given (review off). Too short a token, or an unreadable file, stops."""
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").strip().splitlines()
        except (OSError, UnicodeDecodeError) as e:
            err.print(f"[red]error:[/red] {_safe(path)}: cannot read the edit token: "
                      f"{_safe(getattr(e, 'strerror', None) or str(e))}", soft_wrap=True)
            raise typer.Exit(2)
        token = lines[0].strip() if lines else ""
        if os.name == "posix" and path.stat().st_mode & 0o077:
            err.print(f"[yellow]warning:[/yellow] {_safe(path)} can be read by other users; "
                      f"`chmod 600 {_safe(path)}`", soft_wrap=True)
    else:
        token = os.environ.get("ORGLINE_EDIT_TOKEN", "").strip()
        if not token:
            return None
    if len(token) < 16:
        err.print("[red]error:[/red] the edit token is shorter than 16 characters; make one with "
                  "`openssl rand -hex 16`", soft_wrap=True)
        raise typer.Exit(2)
    return token


@app.command()
def publish(output: Path = typer.Option(..., "--output", "-o", help="Folder to write the site into."),
            db: Optional[str] = typer.Option(None, "--db", help="The store, if not the global --db.")) -> None:
    """Write the workspace's pages as a static site that needs no server."""
    from .store import Store
    from .web.publish import publish as write_site
    store = _run(Store.open, db or STATE["db"])
    n = _run(write_site, store, output)
    err.print(Text(printable(f"{n} pages written to {output}; open {output / 'index.html'}")))


@app.command("eval")
def eval_(gold: Path = typer.Argument(..., help="Gold file: one JSON document per line (id, text, entities, facts)."),
          use_db: bool = typer.Option(False, "--use-db", help="Score the claims already in --db "
                                      "instead of reading the gold documents afresh."),
          types: Optional[str] = typer.Option(None, "--types", help="Only these claim types, comma-separated."),
          as_json: bool = JSON_OPT) -> None:
    """Score orgline against annotated documents: precision, recall and F1 per claim type."""
    keep = set(types.split(",")) if types else None
    try:
        if use_db:
            report = _project().evaluate(gold, keep)
        else:
            with Progress(console=err, transient=True) as bar:
                task = bar.add_task("reading", total=None)
                report = evaluate_fresh(gold, STATE["model"], keep,
                                        lambda p, s: bar.update(task, advance=1, description=_safe(p.name)))
    except OrglineError as e:
        _fail(e)
    if as_json:
        return _json(report)
    out.print(f"documents: {report['documents']} ({report['documents_with_predictions']} with predictions)")
    for mode in ("strict", "no_dates"):
        m = report[mode]
        out.print(f"{mode:9s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
                  f"  (tp {m['tp']} fp {m['fp']} fn {m['fn']})")
    _table("Per claim type (strict)", ["type", "tp", "fp", "fn", "P", "R", "F1"],
           [[t, c["tp"], c["fp"], c["fn"], f"{_ratio(c['tp'], c['tp'] + c['fp'])}",
             f"{_ratio(c['tp'], c['tp'] + c['fn'])}", f"{c['f1']:.3f}"]
            for t, c in report["strict"]["per_type"].items()])
    out.print(f"according_to accuracy: {report['strict']['according_to_accuracy']}")
    al = report["aliases"]
    out.print(f"aliases: {al['pairs_found']}/{al['pairs']} gold pairs clustered, {al['wrong_merges']} wrong merges")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"
