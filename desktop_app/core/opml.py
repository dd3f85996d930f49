"""OPML subscription lists: what RSS Guard, QuiteRSS, Thunderbird and most readers export.

Reading takes every `<outline>` with an `xmlUrl`, at any depth; the titles of the folders it
sits in become its tags (a reader's folders are the nearest thing it has to them). Writing
gives one flat `<body>` of outlines, with this program's own settings as extra attributes
that other readers ignore and a re-import reads back.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from lxml import etree

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.item import split_tags

# Attributes of our own on an outline (other readers keep or drop unknown attributes).
NS_KIND, NS_FULL, NS_EVERY, NS_TAGS = "faKind", "faFullText", "faEvery", "faTags"
MAX_OUTLINES = 10_000


@dataclass(frozen=True)
class OpmlSource:
    title: str
    url: str
    site_url: str = ""
    tags: tuple[str, ...] = ()
    # This program's own settings, when the list came from its own export.
    as_kind: str | None = None
    full_text: bool = False
    every_minutes: int | None = None


def _text(element: etree._Element, name: str) -> str:
    return " ".join(str(element.get(name) or "").split())


def _every(value: str) -> int | None:
    return int(value) if value.isdigit() and 0 < int(value) <= 100_000 else None


def read_opml(data: bytes, *, source: str = "") -> list[OpmlSource]:
    """The feeds an OPML file lists, in its order; a repeated address counts once."""
    if b"<!ENTITY" in data[:65536].upper():
        # A reader's list never declares entities; one that does is an expansion bomb.
        raise ImportFormatError("the file declares XML entities; refused", file=source or None)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ImportFormatError(f"not an OPML file: {exc.msg}", file=source or None) from None
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise ImportFormatError("not an OPML file (no <opml> element)", file=source or None)
    found: dict[str, OpmlSource] = {}
    for outline in root.iter("{*}outline", "outline"):
        url = _text(outline, "xmlUrl") or _text(outline, "xmlurl")
        if not url or url in found:
            continue
        if len(found) >= MAX_OUTLINES:
            raise ImportFormatError(
                f"more than {MAX_OUTLINES:,} feeds: not a reader's list", file=source or None
            )
        folders = [
            _text(parent, "title") or _text(parent, "text")
            for parent in outline.iterancestors("{*}outline", "outline")
        ]
        own = split_tags(_text(outline, NS_TAGS))
        kind = _text(outline, NS_KIND)
        found[url] = OpmlSource(
            title=_text(outline, "title") or _text(outline, "text") or url,
            url=url,
            site_url=_text(outline, "htmlUrl"),
            tags=split_tags(",".join([*own, *reversed(folders)])),
            as_kind=kind if kind in ("article", "brief") else None,
            full_text=_text(outline, NS_FULL) == "true",
            every_minutes=_every(_text(outline, NS_EVERY)),
        )
    return list(found.values())


def write_opml(sources: list[OpmlSource], *, title: str = "Frontline Archive sources") -> bytes:
    """An OPML 2.0 document listing `sources` (UTF-8)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_escape(title)}</title></head>",
        "  <body>",
    ]
    for s in sources:
        attrs = {
            "type": "rss",
            "text": s.title,
            "title": s.title,
            "xmlUrl": s.url,
        }
        if s.site_url:
            attrs["htmlUrl"] = s.site_url
        if s.as_kind:
            attrs[NS_KIND] = s.as_kind
        if s.full_text:
            attrs[NS_FULL] = "true"
        if s.every_minutes:
            attrs[NS_EVERY] = str(s.every_minutes)
        if s.tags:
            attrs[NS_TAGS] = ", ".join(s.tags)
        shown = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
        lines.append(f"    <outline {shown}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines).encode("utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
