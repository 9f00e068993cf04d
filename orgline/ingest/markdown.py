"""Markdown to prose: keep every word a reader sees, drop the syntax around it.

The NLP stage reads sentences, so heading marks, emphasis markers, list bullets, fences and
link URLs are noise in it; link text and image alt text are prose and stay. This is a
line-by-line pass with a few inline rules rather than a full CommonMark parser (a new
dependency for what is, in the documents orgline reads, a handful of cases). Backslash
escapes and code spans are protected first, so ``\\*`` or ``snake_case`` in code never
look like emphasis.
"""
from __future__ import annotations

import html
import re

_PROTECT_BASE = 0xE000  # escaped ASCII punctuation is parked in the Private Use Area

# YAML front matter: only when its first line is a "key:", not a rule above some prose
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n([A-Za-z_][\w-]*:.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)",
                           re.S)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(?=\S)")

_URL = r"\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?\)"  # one level of ()
_INLINE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"!\[([^\]]*)\]" + _URL), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]+)\]" + _URL), r"\1"),  # inline link: its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link: its text
    (re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tag
    (re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
]
# Only entities closed by ";": html.unescape alone would also turn "&para" into a pilcrow.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def _protect(text: str) -> str:
    return "".join(chr(_PROTECT_BASE + ord(c)) if c.isascii() and not c.isalnum() else c
                   for c in text)


def _restore(text: str) -> str:
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - _PROTECT_BASE), text)


def _inline(line: str) -> str:
    """Drop inline syntax from one line; escapes and code spans are protected first."""
    line = _ESCAPE.sub(lambda m: _protect(m.group(1)), line)
    line = _CODE_SPAN.sub(lambda m: _protect(m.group(2).strip()), line)
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return _ENTITY.sub(lambda m: html.unescape(m.group()), _restore(line))


def markdown_to_text(source: str) -> tuple[str, str]:
    """The prose of a Markdown document and its title: the front-matter ``title:``, else
    the first heading, else ``""``."""
    title = ""
    front = _FRONT_MATTER.match(source)
    if front:
        found = _FRONT_TITLE.search(front.group(1))
        title = found.group(1).strip("\"'") if found else ""
        source = source[front.end():]
    out: list[str] = []
    fence = ""
    for raw in source.split("\n"):
        opened = _FENCE.match(raw)
        if fence or opened:
            if opened and (not fence or opened.group(1).startswith(fence)):
                fence = "" if fence else opened.group(1)[0] * 3
                continue
            out.append(raw)  # code is kept verbatim
            continue
        line = _QUOTE.sub("", raw)
        heading = _ATX.match(line)
        if heading:
            out.append(_inline(heading.group(1) or ""))
            title = title or out[-1].strip()
        elif _SETEXT.match(line) and out and out[-1].strip():
            title = title or out[-1].strip()  # the line above was a heading
        elif _RULE.match(line) or _REF_DEF.match(line):
            continue
        else:
            out.append(_inline(_BULLET.sub(r"\1", line)))
    return "\n".join(out), title
