"""Ingest: read files into normalized :class:`~orgline.model.Source` records.

Contract (filled in by the readers): ``read_document(path) -> Source`` raises
:class:`~orgline.errors.InputError` naming the file and the cause; ``find_documents(paths)``
expands files and folders (recursively) to the readable files, sorted.
"""
