"""Resolve: from mentions and draft claims to the entities of one document."""
from .document import resolve_document

__all__ = ["resolve_document"]
