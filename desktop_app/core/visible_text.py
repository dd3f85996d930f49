"""The text a reader sees on a saved web page: no markup, no scripts, blocks on their own lines.

A page saved from a browser ("Save page as…") is pasted or opened as it is. What the parsers
must read is what the page shows: the words of the article and its lists, with the line breaks
of paragraphs, list items, table rows and headings, and without scripts, styles, templates or
the tags themselves (a `<p>` in a report note or a `<script>` line taken for an item is a bug).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

# Enough of a document's start to tell a saved page from text that merely mentions a tag.
_PAGE_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|span|a|table|tr|td|h[1-6]|section|article)\b[^>]*>", re.IGNORECASE
)
# A text that is mostly tags is markup even without a document start (a copied fragment).
_FRAGMENT_TAGS = 5

_HIDDEN = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
_BLOCK_NAMES = (
    "address article aside blockquote dd div dl dt fieldset figcaption figure footer form"
    " h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr"
    " ul br caption title"
)
_BLOCKS = frozenset(_BLOCK_NAMES.split(" "))
_CELLS = frozenset(("td", "th"))


def looks_like_html(text: str) -> bool:
    """True for a saved page or a copied run of markup; plain text mentioning "<p>" is not."""
    return bool(_PAGE_START.match(text)) or len(_TAG.findall(text[:20000])) >= _FRAGMENT_TAGS


def visible_text(markup: str) -> str:
    """The page's visible words, a line per block; the page title first when it has one."""
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return markup
    title = root.findtext(".//title") or ""
    for element in list(root.iter(*_HIDDEN)):
        if element.getparent() is not None:
            element.drop_tree()
    parts: list[str] = []
    _walk(root, parts)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    body = "\n".join(line for line in lines if line)
    title = " ".join(title.split())
    if title and not body.startswith(title):
        return f"{title}\n{body}"
    return body


def _walk(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _BLOCKS
    if block:
        parts.append("\n")
    if element.text and tag:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if isinstance(child.tag, str) and child.tag.lower() in _CELLS:
            parts.append(" ")
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")
