"""Is a response a feed, and which feeds does a web page name? Pure functions of bytes.

A site's address is not a feed: its page names its feeds in `<link rel="alternate"
type="application/rss+xml" href="…">` (Atom and JSON Feed likewise). The links are read from
the page's head with lxml's HTML parser (no scripts, no network) and made absolute against
the page's address or its `<base href>`.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",
    "application/rdf+xml": "rss",
    "application/xml": "rss",
    "text/xml": "rss",
}
JSON_FEED_PREFIX = "https://jsonfeed.org/version/"
_SNIFF = 2048


def is_json_feed(data: bytes) -> bool:
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(doc, dict) and str(doc.get("version", "")).startswith(JSON_FEED_PREFIX)


def looks_like_feed(data: bytes) -> bool:
    """RSS, Atom or RDF markup, or a JSON Feed (what the first bytes say)."""
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return is_json_feed(data)
    if not head.startswith(b"<"):
        return False
    if b"<html" in head or b"<!doctype html" in head:
        return False
    return any(mark in head for mark in (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf"))


def looks_like_html(data: bytes) -> bool:
    """A web page (what its first bytes say), not a feed."""
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not looks_like_feed(data) and (b"<html" in head or b"<!doctype html" in head)


def find_feeds(page: bytes, address: str) -> list[str]:
    """The feed addresses a page's `<link rel="alternate">` elements name, in page order."""
    from lxml import etree, html

    try:
        doc = html.fromstring(page or b"<html/>")
    except (etree.ParserError, ValueError):
        return []
    base = address
    for element in doc.iter("base"):
        href = (element.get("href") or "").strip()
        if href:
            base = urljoin(address, href)
            break
    found: list[str] = []
    for link in doc.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" not in rels or kind not in FEED_TYPES or not href:
            continue
        absolute = urljoin(base, href)
        if urlsplit(absolute).scheme in ("http", "https") and absolute not in found:
            found.append(absolute)
    return found


def canonical_link(page: bytes, address: str) -> str | None:
    """The page's `<link rel="canonical">`, absolute (None when it names none)."""
    from lxml import etree, html

    try:
        doc = html.fromstring(page or b"<html/>")
    except (etree.ParserError, ValueError):
        return None
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            absolute = urljoin(address, href) if href else ""
            if urlsplit(absolute).scheme in ("http", "https"):
                return absolute
    return None
