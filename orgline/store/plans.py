"""Hints to SQLite's query planner, which has no statistics to go by (a store is never
ANALYZEd) and so takes an index on a claim's type, one of a dozen values, for as selective
as an index on its subject: "claims of these bodies, of these types, in id order" then
read every claim of those types, a cost that grows with the store.

``unindexed(column)`` is the column for every database, written ``+column`` for SQLite:
SQLite's documented way to say "do not look this term up by its index". PostgreSQL keeps
statistics and needs no hint.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import FunctionElement


class unindexed(FunctionElement[Any]):  # noqa: N801 (used as a function)
    """A column that SQLite must filter by, not search its index for."""
    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: ColumnElement[Any]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _plain(element: unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)  # type: ignore[no-any-return]


@compiles(unindexed, "sqlite")
def _sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)  # type: ignore[no-any-return]
