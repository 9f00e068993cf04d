"""A finished history as a static site: the server's pages, written to files that open
from disk or any web server (links are relative, data sits in the pages, no forms)."""
from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from ..errors import StoreError
from ..query import entities as list_entities
from ..query import survivor
from ..query import sources as list_sources
from ..store import Store
from ..store.schema import ClaimRow
from . import data
from .render import STATIC, environment, missing_vendor

PAGE_CONTEXT = {"reviewer": None, "editing": False, "csrf": "", "here": "", "q": ""}


def publish(store: Store, output: Path) -> int:
    """Write the site into ``output``; returns the number of pages written."""
    if missing_vendor():
        raise StoreError(f"the browser libraries are not built ({', '.join(missing_vendor())}); "
                         "run `npm ci --prefix frontend && npm run --prefix frontend build`")
    output.mkdir(parents=True, exist_ok=True)
    shutil.copytree(STATIC, output / "static", dirs_exist_ok=True)
    env = environment("static")
    pages = 0

    def write(name: str, template: str, **context: object) -> None:
        nonlocal pages
        (output / name).write_text(env.get_template(template).render(**PAGE_CONTEXT, **context), encoding="utf-8")
        pages += 1

    ents = []
    for e in list_entities(store):
        into = survivor(store, e["id"])
        if into is None:
            ents.append(e)
        else:  # merged away: its page sends the reader on to the body it lives on in
            (output / f"entity-{e['id']}.html").write_text(
                f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=entity-{into}.html">'
                f'<title>Merged</title><p>Merged into <a href="entity-{into}.html">entity {into}</a>.</p>',
                encoding="utf-8")
            pages += 1
    srcs = list_sources(store)
    write("index.html", "search.html", title="orgline", results=None, entities=ents,
          sources=[{"id": s["id"], "title": s["title"] or s["origin"].rsplit("/", 1)[-1]} for s in srcs])
    with store.session() as s:
        subjects = set(s.scalars(select(ClaimRow.subject_id).distinct()))
    for e in ents:
        page = data.entity(store, e["id"])
        write(f"entity-{e['id']}.html", "entity.html", title=page["label"], e=page)
        if e["id"] in subjects:
            t = data.timeline(store, [e["id"]])
            write(f"timeline-{e['id']}.html", "timeline.html", title=f"Timeline: {e['label']}", t=t)
        g = data.lineage(store, e["id"])
        write(f"lineage-{e['id']}.html", "lineage.html", title=f"Lineage: {e['label']}", g=g,
              root=next(n for n in g["nodes"] if n["root"]))
    for src in srcs:
        view = data.source(store, src["id"])
        write(f"source-{src['id']}.html", "source.html", title=view["title"] or view["origin"], src=view)
    return pages
