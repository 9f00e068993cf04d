"""Text from input made safe to print on a terminal.

File names, titles, entity names and quoted passages come from the documents and the
command line; an escape sequence in any of them (``\\x1b[31m``, ``\\x9b2J``) would be
obeyed by the terminal, recolouring or clearing it, or hiding what follows. Every place
the CLI prints such text passes it through :func:`printable`, which shows each C0 and C1
control character as a visible escape instead.
"""
from __future__ import annotations

import re

# C0 controls, DEL and the C1 controls (U+0080 to U+009F; U+009B is a one-character CSI)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text: object, keep: str = "") -> str:
    """``text`` with every control character but those in ``keep`` (a table cell may
    keep its newlines and tabs, a one-line message keeps none) written as ``\\xNN``."""
    def visible(m: re.Match[str]) -> str:
        c = m.group()
        return c if c in keep else f"\\x{ord(c):02x}"

    return _CONTROL.sub(visible, str(text))


def json_printable(encoded: str) -> str:
    """JSON text with DEL and the C1 controls escaped too (``json.dumps`` with
    ``ensure_ascii=False`` escapes only C0): still the same JSON, safe on a terminal."""
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", encoded)
