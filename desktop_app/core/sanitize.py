"""Untrusted HTML from feeds and saved pages: a strict allow-list, and plain text for search.

Only structure survives sanitising: no images, styles, scripts, frames, event handlers or
non-web links, so displaying an item can never fetch anything or run anything.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "a",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "ul",
    "ol",
    "li",
    "blockquote",
    "q",
    "cite",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "code",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "abbr",
    "time",
    # Blocks kept (without attributes) so their words stay apart in the text and the reader:
    # dropping <div> ran "до 50%</div><div>360 x 640" together as "до 50%360 x 640".
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "details",
    "summary",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    # A list that goes on from an earlier one ("5. … 6. …"): without it the reader said "1.".
    "ol": {"start"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# nh3 keeps any value of an allowed attribute: a list's start is kept only as a whole number.
_OL_START = re.compile(r'<ol start="(?!-?[0-9]{1,9}")[^"]*">')


def sanitize_html(markup: str) -> str:
    """Markup safe to hand to Qt's rich-text engine (which must still not load resources)."""
    clean = nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _OL_START.sub("<ol>", clean) if "<ol start=" in clean else clean


_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "pre",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "main",
    "aside",
    "details",
    "summary",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "hr",
}
# Cells and images stand between words: a space, not a new paragraph.
_SPACED = {"td", "th", "img"}
_SKIP = {"script", "style", "noscript", "template", "head", "title", "iframe", "svg"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _SPACED:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _SPACED:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Readable plain text: paragraphs separated by a blank line, whitespace folded."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def text_to_html(text: str) -> str:
    """Plain text as escaped paragraphs (the reader's rendering of hand-typed bodies)."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{html.escape(b).replace(chr(10), '<br>')}</p>" for b in blocks if b)
