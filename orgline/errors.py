"""The few exceptions orgline raises, each with a message a user can act on.

    OrglineError                 base: catch this to catch everything orgline raises
    ├── InputError               a file or text that cannot be read (names the file)
    ├── InvalidValue             a value given to orgline that it cannot take (a date that
    │                            is not EDTF or no calendar day, an end before the start)
    ├── ModelError               the spaCy pipeline is missing or unusable
    ├── StoreError               the database cannot be opened, migrated or written
    ├── NotFound                 a query names an entity, source or claim that is not stored
    └── Refused                  a change orgline will not make as asked (a newer decision
                                 stands in its way)

Messages are one line: what went wrong, where, and what to do next. The CLI prints them
as they are and exits with the code in ``exit_code``.
"""
from __future__ import annotations


class OrglineError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class InputError(OrglineError):
    """A document could not be read; the rest of a batch goes on."""

    exit_code = 2

    def __init__(self, path: object, cause: str) -> None:
        self.path = str(path)
        self.cause = cause
        super().__init__(f"{self.path}: {cause}")


class InvalidValue(OrglineError):
    """A value a person gave (a review's date, a QID, an entity to merge) that orgline
    cannot take as it is; the web answers 422 and shows the form again with it."""

    exit_code = 2


class ModelError(OrglineError):
    exit_code = 3


class StoreError(OrglineError):
    exit_code = 4


class NotFound(OrglineError):
    exit_code = 5


class Refused(OrglineError):
    """A change that would contradict the store's state: undoing a decision a newer one
    has overtaken, undoing twice."""

    exit_code = 6
