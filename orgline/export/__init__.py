"""Exports generated from the model; ``facts`` is the interchange format (DESIGN.md s.4).
Each format streams the claims a :class:`Selection` picks into a text or binary stream."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .facts import write_facts
from .graph import write_gexf, write_graphml
from .quickstatements import write_quickstatements
from .rdf import write_jsonld, write_turtle
from .selection import Selection
from .tables import write_csv
from .timelinejs import write_timelinejs


@dataclass(frozen=True)
class Format:
    write: Callable[..., int]  # (store, stream, selection) -> how many units were written
    binary: bool  # writes bytes (a zip, XML), not text
    help: str
    unit: str = "claims"


FORMATS: dict[str, Format] = {
    "facts": Format(write_facts, False, "JSON Lines, one claim per line (DESIGN.md section 4)"),
    "csv": Format(write_csv, True, "a zip of entities.csv, names.csv and claims.csv"),
    "gexf": Format(write_gexf, True, "GEXF 1.3 for Gephi, dynamic: bodies and links dated", "links"),
    "graphml": Format(write_graphml, True, "GraphML, with start and end as attributes", "links"),
    "quickstatements": Format(write_quickstatements, False, "Wikidata QuickStatements v1, referenced",
                              "statements"),
    "rdf": Format(write_turtle, False, "RDF Turtle: claims reified, evidence as Web Annotations, PROV-O"),
    "jsonld": Format(write_jsonld, False, "the same RDF as JSON-LD"),
    "timelinejs": Format(write_timelinejs, False, "TimelineJS3 JSON, one slide per dated claim", "slides"),
}

__all__ = ["FORMATS", "Format", "Selection", "write_csv", "write_facts", "write_gexf", "write_graphml",
           "write_jsonld", "write_quickstatements", "write_timelinejs", "write_turtle"]
