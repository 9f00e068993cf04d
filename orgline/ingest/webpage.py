"""HTML to prose: the page's main text, one paragraph per block, blank lines between.

Menus, footers, cookie banners and "related articles" would become false sentences (and
false organizations) in the NLP stage, so the main text comes from trafilatura, whose job
is boilerplate removal. We ask it for XML rather than plain text because its plain text
cannot tell a paragraph break from a ``<br>``; from the XML each block (paragraph,
heading, list item, quote, table cell) becomes one paragraph. If trafilatura finds nothing
(very short or unusual pages) but the page has text, the text of ``<body>`` is used.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import lxml.etree
import lxml.html

from .decoding import Unreadable, decode_html, one_line

_BLOCKS = {"head", "p", "item", "quote", "code", "cell", "list", "row", "table", "lg", "l"}
_HTML_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "td",
                "th", "blockquote", "pre", "section", "article", "header", "footer", "nav",
                "aside", "main", "table", "ul", "ol", "dl", "figure", "figcaption", "br", "hr")
_NOT_TEXT = ("script", "style", "noscript", "template", "svg")


def _paragraphs(blocks: Iterable[str]) -> str:
    """Runs of spaces collapsed, a line break inside a block kept, blocks separated by
    blank lines."""
    paragraphs = ("\n".join(filter(None, (" ".join(line.split()) for line in block.split("\n"))))
                  for block in blocks)
    return "\n\n".join(p for p in paragraphs if p)


def _extract(markup: str, precise: bool) -> str | None:
    import trafilatura  # imported where used: it is slow to load, and most corpora hold no HTML

    return trafilatura.extract(markup, output_format="xml", favor_precision=precise,
                               include_comments=False, include_tables=False)


def _main_text(markup: str) -> str:
    """Main text from trafilatura's XML, one paragraph per block.

    Precision first (on short pages the default lets the menu into the first paragraph);
    if that finds nothing, trafilatura's default balance."""
    xml = _extract(markup, precise=True) or _extract(markup, precise=False)
    if not xml:
        return ""
    main = lxml.etree.fromstring(xml.encode("utf-8")).find("main")
    if main is None:
        return ""
    for lb in main.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")  # a <br> keeps its line break inside the block
    return _paragraphs(_block_texts(main))


def _block_texts(el: lxml.etree._Element) -> Iterator[str]:
    """The texts of ``el`` split at block elements: inline markup and loose text between
    blocks stay in one run, every block starts a new one."""
    run = [el.text or ""]
    for child in el:
        if child.tag in _BLOCKS or any(d.tag in _BLOCKS for d in child.iterdescendants()):
            yield "".join(run)
            yield from _block_texts(child)
            run = [child.tail or ""]
        else:
            run.append("".join(child.itertext()) + (child.tail or ""))
    yield "".join(run)


def _body_text(tree: lxml.html.HtmlElement) -> str:
    """Every visible text of ``<body>``, block elements kept apart (the fallback)."""
    body = tree.find("body")
    if body is None:
        return ""
    for el in list(body.iter(*_NOT_TEXT)):
        el.drop_tree()
    for el in body.iter(*_HTML_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        el.text = "\n" + (el.text or "")
    return _paragraphs(body.text_content().split("\n"))


def _title(tree: lxml.html.HtmlElement, markup: str) -> str:
    title = " ".join((tree.findtext(".//title") or "").split())
    if not title:
        import trafilatura

        metadata = trafilatura.extract_metadata(markup)
        title = " ".join((metadata.title or "").split()) if metadata else ""
    return title


def read_html(data: bytes, notes: list[str] | None = None) -> tuple[str, str]:
    """The main text of a page and its title (``<title>``, else trafilatura's guess);
    ``notes`` gets a line if the page's declared charset had to be set aside."""
    markup = decode_html(data, notes)
    try:
        # lxml refuses a str that carries an XML encoding declaration; bytes it accepts.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        tree = lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
        text = _main_text(markup) or _body_text(tree)
        title = _title(tree, markup)
    except Exception as e:  # lxml and trafilatura raise many types on broken markup
        raise Unreadable(f"unreadable HTML: {one_line(e)}") from e
    if not text:
        raise Unreadable("HTML page has no main text")
    return text, title
