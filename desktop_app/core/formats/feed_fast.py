"""A fast reader for plain, well-formed RSS 2.0 and Atom 1.0 files, with feedparser's results.

feedparser stays the reference: this reader knows only the elements, attributes and date forms
listed below and gives up (returns None) on anything else — unknown elements, DOCTYPEs,
xml:base, encodings other than UTF-8, markup nested in text elements, odd dates — so the
caller falls back to feedparser. Where it does answer, it yields the entry fields feedparser
would (the equivalence tests parse generated feeds both ways). lxml parses without entities,
DTDs or network access.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_A = f"{{{ATOM}}}"
_ENCODED = f"{{{CONTENT}}}encoded"
_CREATOR = f"{{{DC}}}creator"
_DC_DATE = f"{{{DC}}}date"

# Channel children that say nothing about entries; anything else means "ask feedparser".
_RSS_CHANNEL_IGNORED = frozenset(
    {
        "link",
        "description",
        "language",
        "copyright",
        "managingEditor",
        "webMaster",
        "category",
        "generator",
        "docs",
        "ttl",
        f"{_A}link",
    }
)
_ATOM_FEED_IGNORED = frozenset(
    f"{_A}{n}"
    for n in (
        "id",
        "link",
        "subtitle",
        "rights",
        "generator",
        "icon",
        "logo",
        "category",
    )
)
# The feed's own dates (where an undated entry's estimated time comes from).
_FEED_DATES = {
    "pubDate": "published_parsed",
    "lastBuildDate": "updated_parsed",
    f"{_A}updated": "updated_parsed",
}
_PLAIN, _HTML = "text/plain", "text/html"
# Item children kept only as links or metadata feedparser does not feed into our fields.
_RSS_ITEM_IGNORED = frozenset({"comments", "enclosure"})

_DAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?"
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
_RFC822 = re.compile(
    _DAY + r"(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) "
    r"(\d{2}):(\d{2}):(\d{2}) (?:([+-])(\d{2})(\d{2})|GMT|UTC|UT|Z)"
)
_W3DTF = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))"
)
# Characters feedparser maps from windows-1252 (U+0080–U+009F): leave those files to it.
_C1 = re.compile("[\x80-\x9f]")
# feedparser's fix for links whose query was escaped twice.
_LINK_ENTITY = re.compile("&([A-Za-z0-9_]+);")
_URI_EXTRA_SLASHES = re.compile("^[A-Za-z][A-Za-z0-9+-.]*:///")
_ENCODING_DECL = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


class UnsupportedFeedError(Exception):
    """Something this reader does not know: the caller uses feedparser instead."""


@dataclass
class FastFeed:
    title: str
    # One dict per entry with the keys feed_entries reads from a feedparser entry.
    entries: list[dict[str, Any]] = field(default_factory=list)
    # The feed's own date (RSS pubDate, else lastBuildDate; Atom updated), UTC time tuples.
    published_parsed: tuple[int, ...] | None = None
    updated_parsed: tuple[int, ...] | None = None


# How a feed is parsed, whole or streamed: no entities, DTDs or network (a feed cannot make
# the reader fetch or expand anything), no recovery, comments kept, CDATA as text.
SAFE_XML: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "recover": False,
    "remove_comments": False,
    "strip_cdata": True,
}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(**SAFE_XML)


def _text(value: str | None) -> str:
    """What feedparser's `pop` makes of an element's text (UTF-8 input)."""
    out = (value or "").strip()
    if out.isascii():
        return out
    if _C1.search(out):
        raise UnsupportedFeedError("windows-1252 code points")
    # feedparser repairs text that was UTF-8 read as Latin-1; do the same.
    try:
        return out.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return out


def _leaf(el: Any, allowed: frozenset[str] = frozenset()) -> str:
    """The text of an element that must hold text only, with only `allowed` attributes."""
    if len(el):
        raise UnsupportedFeedError("markup inside a text element")
    for name in el.attrib:
        if name not in allowed and name != XML_LANG:
            raise UnsupportedFeedError(f"attribute {name}")
    return _text(el.text)


def _uri(value: str) -> str:
    if _URI_EXTRA_SLASHES.match(value):
        raise UnsupportedFeedError("uri with extra slashes")
    return value


def _date(value: str) -> tuple[int, ...]:
    """A UTC time tuple, as feedparser's date handlers give for these two common forms."""
    m = _RFC822.fullmatch(value)
    if m is not None:
        day, mon, year, hh, mm, ss, sign, tzh, tzm = m.groups()
        offset = dt.timedelta(hours=int(tzh), minutes=int(tzm)) if sign else dt.timedelta()
        month = _MONTHS[mon]
    else:
        m = _W3DTF.fullmatch(value)
        if m is None:
            raise UnsupportedFeedError(f"date {value!r}")
        year, month_s, day, hh, mm, ss, sign, tzh, tzm = m.groups()
        month = int(month_s)
        offset = dt.timedelta(hours=int(tzh), minutes=int(tzm)) if sign else dt.timedelta()
    if not 1900 <= int(year) <= 2100:
        raise UnsupportedFeedError("year out of range")
    if sign == "-":
        offset = -offset
    try:
        stamp = dt.datetime(int(year), month, int(day), int(hh), int(mm), int(ss))
    except ValueError as exc:
        raise UnsupportedFeedError(str(exc)) from None
    return tuple((stamp - offset).utctimetuple())


def _once(entry: dict[str, Any], key: str, value: object) -> None:
    if key in entry:
        raise UnsupportedFeedError(f"repeated {key}")
    entry[key] = value


def _rss_item(item: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    tags: list[dict[str, str]] = []
    link: str | None = None
    guid: str | None = None
    author_seen = False
    for child in item:
        tag = child.tag
        if tag == "title":
            value = _leaf(child)
            if "<" in value or "&" in value:
                # Whether this is HTML or text, feedparser guesses; leave it to feedparser.
                raise UnsupportedFeedError("title with markup characters")
            _once(entry, "title", value)
            entry["title_detail"] = {"type": _PLAIN}
        elif tag == "link":
            value = _uri(_leaf(child))
            value = _LINK_ENTITY.sub(r"&\g<1>", value.replace("&amp;", "&"))
            if link is not None:
                raise UnsupportedFeedError("repeated link")
            link = value
        elif tag == "description":
            _once(entry, "summary", _leaf(child))
            entry["summary_detail"] = {"type": _HTML}
        elif tag == _ENCODED:
            _once(entry, "content", [{"value": _leaf(child), "type": _HTML}])
        elif tag == "pubDate":
            _once(entry, "published", _leaf(child))
            entry["published_parsed"] = _date(entry["published"])
        elif tag == _DC_DATE:
            _once(entry, "updated", _leaf(child))
            entry["updated_parsed"] = _date(entry["updated"])
        elif tag in ("author", _CREATOR):
            value = _leaf(child)
            if author_seen or "@" in value:
                raise UnsupportedFeedError("several authors or an e-mail address")
            author_seen = True
            entry["author"] = value
        elif tag == "category":
            value = _leaf(child, frozenset({"domain"}))
            if value:
                tags.append({"term": value})
        elif tag == "guid":
            if guid is not None or child.get("isPermaLink", "true") != "true":
                raise UnsupportedFeedError("guid")
            guid = _uri(_leaf(child, frozenset({"isPermaLink"})))
            entry["id"] = guid
        elif tag not in _RSS_ITEM_IGNORED:
            raise UnsupportedFeedError(f"item element {tag}")
    if "summary" not in entry and "content" in entry:
        entry["summary"] = entry["content"][0]["value"]
    link = link if link is not None else guid
    if link is not None:
        entry["link"] = link
    entry["tags"] = tags
    return entry


def _atom_text(el: Any) -> str:
    if el.get("type", "text") not in ("text", "html"):
        raise UnsupportedFeedError("atom text type")
    return _leaf(el, frozenset({"type"}))


def _atom_type(el: Any) -> str:
    return _PLAIN if el.get("type", "text") == "text" else _HTML


def _atom_author(el: Any) -> str:
    name = email = ""
    for child in el:
        # feedparser keeps a name and an e-mail address as written (only stripped).
        if child.tag == f"{_A}name" and not name:
            _leaf(child)
            name = (child.text or "").strip()
        elif child.tag == f"{_A}email" and not email:
            _leaf(child)
            email = (child.text or "").strip()
        elif child.tag != f"{_A}uri":
            raise UnsupportedFeedError("author element")
    if el.attrib or (el.text or "").strip():
        raise UnsupportedFeedError("author text")
    return f"{name} ({email})" if name and email else name or email


def _atom_entry(el: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    tags: list[dict[str, str]] = []
    alternate: str | None = None
    entry_id: str | None = None
    for child in el:
        tag = child.tag
        if tag == f"{_A}title":
            _once(entry, "title", _atom_text(child))
            entry["title_detail"] = {"type": _atom_type(child)}
        elif tag == f"{_A}summary":
            _once(entry, "summary", _atom_text(child))
            entry["summary_detail"] = {"type": _atom_type(child)}
        elif tag == f"{_A}content":
            if "src" in child.attrib:
                raise UnsupportedFeedError("content src")
            _once(entry, "content", [{"value": _atom_text(child), "type": _atom_type(child)}])
        elif tag == f"{_A}link":
            if len(child) or (child.text or "").strip() or "href" not in child.attrib:
                raise UnsupportedFeedError("link")
            rel = child.get("rel", "alternate")
            kind = child.get("type", "text/html")
            if rel == "alternate":
                if alternate is not None or kind not in ("text/html", "html"):
                    raise UnsupportedFeedError("alternate link")
                alternate = _uri(child.get("href"))
            elif rel not in ("related", "replies", "enclosure", "via", "self"):
                raise UnsupportedFeedError(f"link rel {rel}")
        elif tag == f"{_A}id":
            if entry_id is not None:
                raise UnsupportedFeedError("repeated id")
            entry_id = _uri(_leaf(child))
            entry["id"] = entry_id
        elif tag == f"{_A}published":
            _once(entry, "published", _leaf(child))
            entry["published_parsed"] = _date(entry["published"])
        elif tag == f"{_A}updated":
            _once(entry, "updated", _leaf(child))
            entry["updated_parsed"] = _date(entry["updated"])
        elif tag == f"{_A}author":
            _once(entry, "author", _atom_author(child))
        elif tag == f"{_A}category":
            if len(child) or (child.text or "").strip():
                raise UnsupportedFeedError("category text")
            term = child.get("term")
            if term:
                tags.append({"term": term})
        else:
            raise UnsupportedFeedError(f"entry element {tag}")
    if "summary" not in entry and "content" in entry:
        entry["summary"] = entry["content"][0]["value"]
    link = alternate if alternate is not None else entry_id
    if link is not None:
        entry["link"] = link
    entry["tags"] = tags
    return entry


def _read(root: Any) -> FastFeed:
    title: str | None = None
    entries: list[dict[str, Any]] = []
    dates: dict[str, tuple[int, ...]] = {}
    if root.tag == "rss" and root.get("version") == "2.0" and len(root) == 1:
        (channel,) = root
        if channel.tag != "channel":
            raise UnsupportedFeedError("rss without one channel")
        container, item_tag = channel, "item"
        read_entry: Callable[[Any], dict[str, Any]] = _rss_item
        text_of: Callable[[Any], str] = _leaf
        title_tag, ignored = "title", _RSS_CHANNEL_IGNORED
    elif root.tag == f"{_A}feed":
        container, item_tag = root, f"{_A}entry"
        read_entry, text_of = _atom_entry, _atom_text
        title_tag, ignored = f"{_A}title", _ATOM_FEED_IGNORED
    else:
        raise UnsupportedFeedError("not RSS 2.0 or Atom 1.0")
    for child in container:
        tag = child.tag
        if tag == item_tag:
            entries.append(read_entry(child))
        elif tag == title_tag:
            if title is not None:
                raise UnsupportedFeedError("repeated feed title")
            title = text_of(child)
        elif tag in _FEED_DATES:
            if _FEED_DATES[tag] in dates:
                raise UnsupportedFeedError(f"repeated {tag}")
            dates[_FEED_DATES[tag]] = _date(_leaf(child))
        elif tag not in ignored:
            raise UnsupportedFeedError(f"feed element {tag!r}")
    return FastFeed(
        title or "", entries, dates.get("published_parsed"), dates.get("updated_parsed")
    )


def read_fast(data: bytes) -> FastFeed | None:
    """The feed's title and entries, or None when feedparser should read this file."""
    head = data[:512]
    if data[:3] == b"\xef\xbb\xbf" or b"<!DOCTYPE" in data[:4096] or b"xml:base" in data:
        return None
    decl = _ENCODING_DECL.match(head)
    if decl is not None and decl.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii"):
        return None
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    try:
        return _read(root)
    except UnsupportedFeedError:
        return None
