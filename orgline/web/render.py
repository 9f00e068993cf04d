"""The pages' templates, rendered the same way for the server and for a published static
site; only the links differ. Autoescaping is always on: source texts and names are
untrusted and reach a page only as escaped text (data for scripts goes through ``tojson``,
which escapes ``<``, ``>`` and ``&``)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..query import sentences


HERE = Path(__file__).parent
STATIC = HERE / "static"
VENDOR = STATIC / "vendor"
VENDOR_FILES = ("vis-timeline-graph2d.min.js", "vis-timeline-graph2d.min.css", "cytoscape.min.js")

LINKS = {
    "server": {"search": "/", "entity": "/entity/{}", "source": "/source/{}", "timeline": "/timeline?ids={}",
               "lineage": "/lineage/{}", "static": "/static/{}"},
    "static": {"search": "index.html", "entity": "entity-{}.html", "source": "source-{}.html",
               "timeline": "timeline-{}.html", "lineage": "lineage-{}.html", "static": "static/{}"},
}


def _snippet(hit: dict[str, Any]) -> Any:
    """A search snippet with its matched words marked (``highlights``: offsets into the
    plain snippet), every piece escaped."""
    from markupsafe import Markup, escape
    text, out, at = hit["snippet"], [], 0
    for start, end in hit.get("highlights", []):
        out += [str(escape(text[at:start])), "<mark>", str(escape(text[start:end])), "</mark>"]
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def environment(mode: str) -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    links = LINKS[mode]
    env.globals["href"] = lambda kind, ident="": links[kind].format(ident)
    env.globals["mode"] = mode
    env.filters["snippet"] = _snippet
    env.globals["verb"] = sentences.verb
    env.globals["when"] = sentences.when
    return env


def missing_vendor() -> list[str]:
    """Browser libraries the setup has not built into the package yet."""
    return [f for f in VENDOR_FILES if not (VENDOR / f).is_file()]
