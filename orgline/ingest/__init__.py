"""Ingest: read files into normalized :class:`~orgline.model.Source` records."""
from .readers import SUFFIXES, find_documents, read_document

__all__ = ["SUFFIXES", "find_documents", "read_document"]
