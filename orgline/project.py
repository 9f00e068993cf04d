"""The Python API: a project is a store plus the pipeline that fills it. The CLI is a
thin layer over these methods."""
from __future__ import annotations

from collections.abc import Callable, Iterable
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import query
from .query import date_range
from .errors import InputError, NotFound, OrglineError
from .evaluation import load_gold, score
from .export import FORMATS, Selection
from .export.facts import iter_facts
from .ingest import walk_documents
from .nlp import extract
from .model import Source
from .store import Store, review
from .store.reread import Reread
from .store.schema import SourceRow
from .workers import Outcome, on_dask, outcomes


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # read, but not as the file said


class Project:
    def __init__(self, db: str = "orgline.db", model: str | None = None) -> None:
        self.store = Store.open(db)
        self.db = db
        self.model = model

    def ingest(self, paths: Iterable[str | Path],
               on_progress: Callable[[Path, str], None] | None = None,
               date: str | None = None, on_total: Callable[[int], None] | None = None,
               workers: int = 0, dask: str | None = None) -> IngestReport:
        """Read, extract and store each file; a file that fails is reported, the rest go on.
        ``date`` (EDTF) is the sources' own date, over what the files say of themselves.
        ``workers`` processes read and extract (see :mod:`orgline.workers`; 0: this one
        does) while this one stores, in the order the files come, so any number of workers
        stores the same.
        ``dask`` (``tcp://host:8786`` or ``local:N``) extracts on a Dask cluster instead."""
        if date is not None:
            date_range(date, "--date")  # a bad date stops the batch before anything is read
        report = IngestReport()
        files, report.failed = walk_documents(paths)  # each file once, whoever names it
        if on_total:
            on_total(len(files))
        names = [str(f) for f in files]
        for outcome in (on_dask(names, self.store, self.model, date, dask) if dask else
                        outcomes(names, self.store, self.db, self.model, date, workers)):
            status = self._store_one(outcome, report)
            if on_progress:
                on_progress(Path(outcome.path), status)
        return report

    def _store_one(self, outcome: Outcome, report: IngestReport) -> str:
        report.warnings += outcome.warnings
        if outcome.status == "failed":
            report.failed.append(InputError(outcome.path, outcome.cause))
            return "failed"
        # save checks again under the write lock: another ingest may have stored the same
        # text while this one was parsing it, and then this one has nothing to add.
        if outcome.status == "already" or outcome.facts is None or not self.store.save(outcome.facts):
            report.already.append(outcome.path)
            return "already"
        report.stored.append(outcome.path)
        return "stored"

    def sources(self) -> list[dict[str, Any]]:
        return query.sources(self.store)

    def entities(self, kind: str | None = None, existed_in: str | None = None) -> list[dict[str, Any]]:
        return query.entities(self.store, kind, existed_in)

    def names(self, name: str, at: str | None = None) -> list[dict[str, Any]]:
        return query.names_at(self.store, name, at)

    def claims(self, name: str, types: list[str] | None = None,
               min_confidence: float | None = None) -> list[dict[str, Any]]:
        return query.claims(self.store, name, types, min_confidence=min_confidence)

    def timeline(self, name: str, date_from: str | None = None, date_to: str | None = None) -> list[dict[str, Any]]:
        return query.timeline(self.store, name, date_from, date_to)

    def conflicts(self, name: str | None = None) -> list[dict[str, Any]]:
        return query.conflicts(self.store, name)

    def lineage(self, name: str) -> list[dict[str, Any]]:
        return query.lineage(self.store, name)

    # ---- review: every change recorded (who, when, before, after) and undoable ----------

    def _review(self, fn: Callable[..., Any], *args: Any) -> Any:
        with self.store.transaction() as s:
            return fn(s, *args)

    def accept(self, claim_id: int, by: str) -> int:
        return self._review(review.decide, by, claim_id, "accepted")

    def reject(self, claim_id: int, by: str) -> int:
        return self._review(review.decide, by, claim_id, "rejected")

    def edit(self, claim_id: int, by: str, **changes: Any) -> int:
        """Correct a claim: ``date``, ``end``, ``value``, ``negated``, ``kind`` or ``object``
        (an entity name or ``#id``)."""
        if "object" in changes:
            changes["object_id"] = self.entity_id(changes.pop("object"))
        return self._review(review.edit, by, claim_id, changes)

    def merge(self, keep: str, other: str, by: str) -> int:
        return self._review(review.merge, by, self.entity_id(keep), self.entity_id(other))

    def split(self, entity: str, source: str, by: str) -> tuple[int, int]:
        return self._review(review.split, by, self.entity_id(entity), self._source_id(source))

    def set_label(self, entity: str, label: str, by: str) -> int:
        return self._review(review.set_entity, by, self.entity_id(entity), "label", label)

    def set_qid(self, entity: str, qid: str, by: str) -> int:
        return self._review(review.set_entity, by, self.entity_id(entity), "qid", qid)

    def undo(self, review_id: int, by: str) -> int:
        return self._review(review.undo, by, review_id)

    def history(self, claim: int | None = None, entity: str | None = None) -> list[dict[str, Any]]:
        eid = self.entity_id(entity) if entity else None
        with self.store.session() as s:
            return review.history(s, claim, eid)

    def entity_id(self, name_or_id: str) -> int:
        """The one entity a name or ``#id`` stands for; a name two entities bear is refused."""
        ids = query.find_entities(self.store, name_or_id)
        if len(ids) > 1:
            raise NotFound(f"{name_or_id!r} names {len(ids)} entities ({', '.join(f'#{i}' for i in ids)}); "
                           "give one as #id")
        return ids[0]

    def _source_id(self, source: str) -> str:
        matches = [r["id"] for r in self.sources() if r["id"].startswith(source) or Path(r["origin"]).name == source]
        if len(matches) != 1:
            raise NotFound(f"{source!r} matches {len(matches)} sources; give a source id prefix or file name "
                           "from `orgline sources`")
        return matches[0]

    def reextract(self, sources: Iterable[str] = ()) -> dict[str, Reread]:
        """Read stored sources again with the installed extractor, writing only what the new
        reading changed: bodies keep their ids (and so every merge, split, label and QID),
        unchanged claims keep theirs and their decisions, new claims take the decisions
        filed under their content key. Source id -> what changed."""
        ids = [self._source_id(x) for x in sources] or [r["id"] for r in self.sources()]
        done: dict[str, Reread] = {}
        for sid in ids:
            with self.store.session() as s:
                row = s.get(SourceRow, sid)
                assert row is not None
                src = Source(text=row.text, origin=row.origin, title=row.title, author=row.author,
                             date=row.date)
            done[sid] = self.store.replace(extract(src, self.model))
        return done

    def set_source_date(self, source: str, date: str | None) -> Reread:
        """Give a stored source its own date (EDTF; None to clear it) and read it again, so
        that its "yesterday" and "last May" move with it; reviewed claims keep their
        decisions as in :meth:`reextract`."""
        if date is not None:
            date_range(date, "date")
        sid = self._source_id(source)
        with self.store.transaction() as s:
            row = s.get(SourceRow, sid)
            assert row is not None
            row.date = date
        return self.reextract([sid])[sid]

    def export(self, fmt: str, fp: Any, selection: Selection | None = None) -> int:
        """Write the selected claims (all, by default) in a format of ``FORMATS`` to a stream:
        text for ``facts``, binary for ``csv``."""
        FORMATS[fmt].require()
        return FORMATS[fmt].write(self.store, fp, selection)

    def evaluate(self, gold: Path, types: set[str] | None = None) -> dict[str, Any]:
        """Score the claims stored here against a gold file; a stored source stands for the
        gold document with the same text (or, failing that, whose file is named by its id)."""
        docs = load_gold(gold)
        by_source = {d.source_id: d.id for d in docs}
        ids = {d.id for d in docs}
        predicted: dict[str, list[dict[str, Any]]] = {}
        for f in iter_facts(self.store):
            doc = by_source.get(f["source"]) or (Path(f["origin"]).stem if Path(f["origin"]).stem in ids else None)
            if doc is not None:
                predicted.setdefault(doc, []).append(f)
        return score(docs, predicted, types)


def evaluate_fresh(gold: Path, model: str | None = None, types: set[str] | None = None,
                   on_progress: Callable[[Path, str], None] | None = None) -> dict[str, Any]:
    """Ingest a gold file's documents into a temporary database and score them there."""
    docs = load_gold(gold)
    with tempfile.TemporaryDirectory(prefix="orgline-eval-") as tmp:
        folder = Path(tmp, "docs")
        folder.mkdir()
        for d in docs:
            (folder / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        project = Project(str(Path(tmp, "eval.db")), model)
        project.ingest([folder], on_progress)
        report = project.evaluate(gold, types)
        project.store.engine.dispose()
        return report
