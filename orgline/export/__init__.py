"""Exports generated from the model; ``facts`` is the interchange format (DESIGN.md s.4).
Each format streams the claims a :class:`Selection` picks into a text or binary stream."""
from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import OrglineError
from .eaccpf import write_eaccpf
from .facts import write_facts
from .graph import write_gexf, write_graphml
from .quickstatements import write_quickstatements
from .rdf import write_jsonld, write_turtle
from .selection import Selection
from .tables import write_csv
from .tei import write_tei
from .timelinejs import write_timelinejs


@dataclass(frozen=True)
class Format:
    write: Callable[..., int]  # (store, stream, selection) -> how many units were written
    binary: bool  # writes bytes (a zip, XML), not text
    help: str
    unit: str = "claims"
    extra: str = ""  # the optional library it needs, named as the pip extra that installs it

    def require(self) -> None:
        """Refuse, before a file is opened, a format whose library is not installed."""
        if self.extra and importlib.util.find_spec(EXTRAS[self.extra]) is None:
            raise OrglineError(f"this export needs the {EXTRAS[self.extra]} library: install it with "
                               f"pip install --no-deps --require-hashes -r requirements/{self.extra}.lock "
                               f"(or pip install 'orgline[{self.extra}]')")


EXTRAS = {"ftm": "followthemoney"}  # extra -> the module it installs


def _write_ftm(*args: Any) -> int:
    from .ftm import write_ftm  # imported when used: followthemoney is an optional extra
    return write_ftm(*args)


FORMATS: dict[str, Format] = {
    "facts": Format(write_facts, False, "JSON Lines, one claim per line (DESIGN.md section 4)"),
    "csv": Format(write_csv, True, "a zip of entities.csv, names.csv and claims.csv"),
    "gexf": Format(write_gexf, True, "GEXF 1.3 for Gephi, dynamic: bodies and links dated", "links"),
    "graphml": Format(write_graphml, True, "GraphML, with start and end as attributes", "links"),
    "quickstatements": Format(write_quickstatements, False, "Wikidata QuickStatements v1, referenced",
                              "statements"),
    "rdf": Format(write_turtle, False, "RDF Turtle: claims reified, evidence as Web Annotations, PROV-O"),
    "jsonld": Format(write_jsonld, False, "the same RDF as JSON-LD"),
    "ftm": Format(_write_ftm, False, "FollowTheMoney entities as JSON Lines (Aleph, the ftm tools)", "entities",
                  extra="ftm"),
    "eac-cpf": Format(write_eaccpf, True, "EAC-CPF 2010 authority records, one per organization, for archives",
                      "records"),
    "timelinejs": Format(write_timelinejs, False, "TimelineJS3 JSON, one slide per dated claim", "slides"),
    "tei": Format(write_tei, True, "TEI P5: the source texts with names and dates marked, and a listOrg", "texts"),
}

__all__ = ["FORMATS", "Format", "Selection", "write_csv", "write_eaccpf", "write_facts", "write_gexf", "write_graphml",
           "write_jsonld", "write_quickstatements", "write_tei", "write_timelinejs", "write_turtle"]
