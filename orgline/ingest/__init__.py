"""Ingest: find documents and read them into normalized :class:`~orgline.model.Source`
records (.txt and .md as UTF-8, .html main text, .pdf text layer)."""
from .readers import SUFFIXES, find_documents, read_document, walk_documents

__all__ = ["SUFFIXES", "find_documents", "read_document", "walk_documents"]
