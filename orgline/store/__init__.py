"""Store: one SQLite file by default (or PostgreSQL by URL), migrated by Alembic."""
from .db import Store

__all__ = ["Store"]
