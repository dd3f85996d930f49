"""The fast lxml feed reader gives exactly what feedparser gives, or steps aside for it."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.feed_fast import read_fast
from desktop_app.core.formats.feeds import parse_entries, read_feed
from tests.core.formats.samples import ATOM, RSS

# Text that exercises what feedparser does to element text: markup, entities, stripping,
# non-ASCII (Ukrainian, and Latin-1 that is really UTF-8), mail addresses, reports' phrases.
_PIECES = st.sampled_from(
    [
        "Air defense",
        " downs ",
        "drones.",
        "<p>",
        "</p>",
        "<b>bold</b>",
        "&amp;",
        "&",
        "<",
        "a > b",
        "  ",
        "\n",
        "\t",
        "Ñ\u0096",
        "Ã©",
        "é",
        "ї",
        "Київ",
        "бойові втрати",
        "\xa0",
        "x@example.org",
        "(Name)",
        "https://example.org/a?b=1&c=2",
        "&amp;d;",
        "'",
        '"',
        "—",
        "Russia has lost 323,760 troops",
        "<script>alert(1)</script>",
        "<img src=x>",
        ",",
        "2",
    ]
)
TEXT = st.lists(_PIECES, max_size=6).map("".join)
_DATES = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1))
_OFFSETS = st.sampled_from([0, 60, -300, 120, 330, -720, 840])
LINK = st.sampled_from(
    [
        "https://example.org/1",
        " https://example.org/2 ",
        "/relative/3",
        "https://e.org/?a=1&b=2",
        "urn:test:4",
        "",
        "https://e.org/?q=x&amp;y=z",
    ]
)


def _rfc822(when: dt.datetime, minutes: int) -> str:
    tz = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02}{abs(minutes) % 60:02}"
    return when.strftime("%a, %d %b %Y %H:%M:%S ") + (tz if minutes else "GMT")


def _w3dtf(when: dt.datetime, minutes: int) -> str:
    tz = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02}:{abs(minutes) % 60:02}"
    return when.strftime("%Y-%m-%dT%H:%M:%S") + (tz if minutes else "Z")


def _element(name: str, text: str, cdata: bool, attrs: str = "") -> str:
    if cdata and "]]>" not in text:
        return f"<{name}{attrs}><![CDATA[{text}]]></{name}>"
    return f"<{name}{attrs}>{escape(text)}</{name}>"


@st.composite
def rss_items(draw: Any) -> str:
    parts = []
    fields = draw(
        st.lists(
            st.sampled_from(
                [
                    "title",
                    "link",
                    "description",
                    "encoded",
                    "pubDate",
                    "dcdate",
                    "author",
                    "creator",
                    "category",
                    "category",
                    "guid",
                    "comments",
                ]
            ),
            unique=False,
            max_size=9,
        )
    )
    seen: set[str] = set()
    for f in fields:
        if f != "category" and f in seen:
            continue
        seen.add(f)
        cdata = draw(st.booleans())
        if f in ("title", "description", "author"):
            parts.append(_element(f, draw(TEXT), cdata))
        elif f == "encoded":
            parts.append(_element("content:encoded", draw(TEXT), cdata))
        elif f == "creator":
            parts.append(_element("dc:creator", draw(TEXT), cdata))
        elif f == "link":
            parts.append(_element("link", draw(LINK), False))
        elif f == "pubDate":
            parts.append(f"<pubDate>{_rfc822(draw(_DATES), draw(_OFFSETS))}</pubDate>")
        elif f == "dcdate":
            parts.append(f"<dc:date>{_w3dtf(draw(_DATES), draw(_OFFSETS))}</dc:date>")
        elif f == "category":
            attrs = draw(st.sampled_from(["", ' domain="http://d.example/"']))
            parts.append(_element("category", draw(TEXT), cdata, attrs))
        elif f == "guid":
            attrs = draw(st.sampled_from(["", ' isPermaLink="true"', ' isPermaLink="false"']))
            parts.append(_element("guid", draw(LINK), False, attrs))
        elif f == "comments":
            parts.append(_element("comments", draw(LINK), False))
    return "<item>" + "".join(parts) + "</item>"


@st.composite
def rss_feeds(draw: Any) -> bytes:
    items = draw(st.lists(rss_items(), min_size=1, max_size=4))
    title = _element("title", draw(TEXT), draw(st.booleans()))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"{title}<link>https://example.org/</link>{''.join(items)}</channel></rss>"
    ).encode()


@st.composite
def atom_entries(draw: Any) -> str:
    parts = []
    fields = draw(
        st.lists(
            st.sampled_from(
                [
                    "title",
                    "summary",
                    "content",
                    "link",
                    "link2",
                    "id",
                    "published",
                    "updated",
                    "author",
                    "category",
                ]
            ),
            unique=True,
            max_size=9,
        )
    )
    for f in draw(st.permutations(fields)):
        kind = draw(st.sampled_from(["", ' type="text"', ' type="html"']))
        if f in ("title", "summary", "content"):
            parts.append(_element(f, draw(TEXT), draw(st.booleans()), kind))
        elif f == "link":
            rel = draw(st.sampled_from(["", ' rel="alternate"', ' rel="related"']))
            parts.append(f"<link{rel} href={quoteattr(draw(LINK))}/>")
        elif f == "link2":
            parts.append(f'<link rel="enclosure" href={quoteattr(draw(LINK))}/>')
        elif f == "id":
            parts.append(_element("id", draw(LINK), False))
        elif f in ("published", "updated"):
            parts.append(f"<{f}>{_w3dtf(draw(_DATES), draw(_OFFSETS))}</{f}>")
        elif f == "author":
            inner = "".join(
                draw(
                    st.lists(
                        st.sampled_from(
                            [
                                f"<name>{escape(draw(TEXT))}</name>",
                                "<email>j@example.org</email>",
                                "<uri>https://example.org/j</uri>",
                            ]
                        ),
                        unique=True,
                        max_size=3,
                    )
                )
            )
            parts.append(f"<author>{inner}</author>")
        elif f == "category":
            parts.append(f"<category term={quoteattr(draw(TEXT))}/>")
    return "<entry>" + "".join(parts) + "</entry>"


@st.composite
def atom_feeds(draw: Any) -> bytes:
    entries = draw(st.lists(atom_entries(), min_size=1, max_size=4))
    title = _element("title", draw(TEXT), draw(st.booleans()))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"{title}<id>urn:feed</id><updated>2024-01-01T10:00:00Z</updated>"
        f"{''.join(entries)}</feed>"
    ).encode()


def _fields(entry: Any) -> dict[str, Any]:
    """What feeds._entry reads from an entry, in comparable form."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "title": entry.get("title") or "",
        "summary": entry.get("summary") or "",
        "content": [c.get("value") for c in entry.get("content") or []],
        "link": entry.get("link") or "",
        "author": entry.get("author") or "",
        # An empty or repeated term is no (new) tag either way: split_tags drops both.
        "tags": list(
            dict.fromkeys(t.get("term") for t in entry.get("tags") or [] if t.get("term"))
        ),
        "time": calendar.timegm(parsed) if parsed else None,
    }


# The time of reading, which an undated entry takes: the same for both readers.
READ_AT = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)


def _outcome(data: bytes, fast: bool) -> object:
    try:
        return read_feed(data, fast=fast, now=READ_AT)
    except ImportFormatError as exc:
        return str(exc)


def _assert_same(data: bytes) -> None:
    fast = read_fast(data)
    if fast is None:
        return
    title, entries = parse_entries(data, fast=False)
    assert fast.title == title
    assert [_fields(e) for e in fast.entries] == [_fields(e) for e in entries]
    assert _outcome(data, True) == _outcome(data, False)


SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(rss_feeds())
def test_generated_rss_reads_the_same_both_ways(data: bytes) -> None:
    _assert_same(data)


@SETTINGS
@given(atom_feeds())
def test_generated_atom_reads_the_same_both_ways(data: bytes) -> None:
    _assert_same(data)


def test_the_sample_feeds_take_the_fast_path_and_agree() -> None:
    for sample in (RSS, ATOM):
        assert read_fast(sample.encode()) is not None
        _assert_same(sample.encode())


def test_the_benchmark_feed_takes_the_fast_path_and_agrees() -> None:
    from tests.benchmarks.bench_import import generate_feed

    data = generate_feed(50)
    assert read_fast(data) is not None
    _assert_same(data)


def test_what_the_fast_reader_does_not_know_goes_to_feedparser() -> None:
    rdf = (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-'
        b'ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel></rdf:RDF>'
    )
    odd_date = RSS.replace("Sat, 25 Nov 2023 09:41:00 +0200", "25/11/2023 09:41").encode()
    unknown = RSS.replace("<dc:creator>", "<media:x xmlns:media='m'/><dc:creator>").encode()
    entity = RSS.replace("<title>Test Wire</title>", "<title>A&nbsp;B</title>").encode()
    for data in (
        rdf,
        odd_date,
        unknown,
        entity,
        RSS[: len(RSS) // 2].encode(),
        RSS.replace("UTF-8", "windows-1251").encode(),
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><rss version="2.0">'
        b"<channel><title>&e;</title></channel></rss>",
    ):
        assert read_fast(data) is None


def test_an_entity_expansion_is_never_performed_by_the_fast_reader() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>'
        b"<title>&xxe;</title></item></channel></rss>"
    )
    assert read_fast(data) is None


_TRICKY = st.sampled_from(
    [
        "'",
        '"',
        "\n",
        "\t",
        "\x0c",
        "\ufeff",
        "\u2028",
        "\x01",
        "\x7f",
        "\x85",
        "\xa0",
        "\r",
        "&",
        "<",
        ">",
        "\x00",
        "\U0001f600",
    ]
)


@settings(deadline=None)
@given(st.lists(st.one_of(st.text(), _TRICKY), max_size=8).map("".join))
def test_skipping_the_sanitiser_never_changes_the_result(text: str) -> None:
    from desktop_app.core.formats.feed_entries import sanitized
    from desktop_app.core.sanitize import sanitize_html

    assert sanitized(text) == sanitize_html(text)
