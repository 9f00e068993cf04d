"""Markdown to prose: keep every word a reader sees, drop the syntax around it.

The NLP stage reads sentences, so heading marks, emphasis markers, list bullets, fences and
link URLs are noise in it; link text and image alt text are prose and stay. Parsing is
markdown-it-py's (CommonMark, plus ``~~strikethrough~~``): its inline parser is linear,
where the regular expressions this module used before took quadratic time on a line of
unmatched ``*a _b`` (a 436 kB file did not finish in 11 minutes).

The text keeps the source's line layout: each block's text is placed where the block
starts, a blank line between blocks stays one blank line, and lines that are nothing but
syntax (rules, fences, reference definitions, setext underlines) are dropped. Code is kept
verbatim; an ordered list item keeps its number, as a reader sees it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

# YAML front matter: only when its first line is a "key:", not a rule above some prose
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n([A-Za-z_][\w-]*:.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)",
                           re.S)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")  # a tag in an HTML block
_PARSER = MarkdownIt("commonmark").enable("strikethrough")
_BREAKS = {"softbreak", "hardbreak"}
_LEAVES = {"paragraph_open", "heading_open", "fence", "code_block", "html_block"}


def _inline_text(children: Sequence[Token]) -> str:
    """What a reader sees of inline content: text, code, alt text, line breaks; no
    markers, URLs or HTML tags."""
    parts: list[str] = []
    for t in children:
        if t.type in ("text", "code_inline", "text_special"):
            parts.append(t.content)
        elif t.type in _BREAKS:
            parts.append("\n")
        elif t.type == "image":
            parts.append(_inline_text(t.children or []))
    return "".join(parts)


def _html_text(html: str) -> str:
    """The text of an HTML block: comments and tags dropped, found by scanning once."""
    kept: list[str] = []
    rest = html
    while "<!--" in rest:
        before, _, after = rest.partition("<!--")
        kept.append(before)
        rest = after.partition("-->")[2]
    kept.append(rest)
    return _TAG.sub("", "".join(kept)).rstrip("\n")


def _code_text(content: str) -> str:
    return content[:-1] if content.endswith("\n") else content


def _indented(text: str, source_lines: Sequence[str]) -> str:
    """A paragraph's lines with the indentation its source lines had (the parser drops
    it), where they still correspond one to one: the stored text changes no more than
    the syntax removed from it."""
    out = text.split("\n")
    if len(out) != len(source_lines):
        return text
    return "\n".join(src[: len(src) - len(src.lstrip(" \t"))] + line
                     for src, line in zip(source_lines, out))


def _blocks(tokens: Sequence[Token], lines: Sequence[str]) -> Iterator[tuple[int, int, str, bool]]:
    """(first line, end line, text, is a heading) of each leaf block, in source order."""
    number = ""  # an ordered list item's marker, given to its first block
    for i, t in enumerate(tokens):
        if t.type == "list_item_open" and t.info:
            number = f"{t.info}{t.markup} "
        if t.type not in _LEAVES or t.map is None:
            continue
        start, end = t.map
        if t.type == "paragraph_open":
            text = _indented(_inline_text(tokens[i + 1].children or []), lines[start:end])
        elif t.type == "heading_open":
            text = _inline_text(tokens[i + 1].children or [])
        elif t.type == "html_block":
            text = _html_text(t.content)
        elif t.type == "code_block":  # indented code: its lines as they are
            text = "\n".join(lines[start:end]).rstrip("\n ")
        else:
            text = _code_text(t.content)
        yield start, end, number + text, t.type == "heading_open"
        number = ""


def front_matter_value(source: str, key: str) -> str | None:
    """A key's value in a Markdown document's YAML front matter (``title``, ``date``)."""
    front = _FRONT_MATTER.match(source.replace("\r\n", "\n").replace("\r", "\n"))
    found = re.search(rf"^{re.escape(key)}:[ \t]*(.+?)[ \t]*$", front.group(1), re.M) if front else None
    return found.group(1).strip("\"'") if found else None


def markdown_to_text(source: str) -> tuple[str, str]:
    """The prose of a Markdown document and its title: the front-matter ``title:``, else
    the first heading, else ``""``."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    title = ""
    front = _FRONT_MATTER.match(source)
    if front:
        found = _FRONT_TITLE.search(front.group(1))
        title = found.group(1).strip("\"'") if found else ""
        source = source[front.end():]
    lines = source.split("\n")
    starts = {start: (end, text, heading) for start, end, text, heading in _blocks(_PARSER.parse(source), lines)}
    out: list[str] = []
    covered = 0  # lines before this belong to a block already placed
    for n, line in enumerate(lines):
        if n in starts:
            end, text, heading = starts[n]
            if text or heading:  # an empty heading keeps its line, an empty fence none
                out.append(text)
            title = title or (text.strip() if heading else "")
            covered = max(covered, end)
        elif n >= covered and not line.strip():
            out.append("")  # a blank line between blocks
    return "\n".join(out), title
