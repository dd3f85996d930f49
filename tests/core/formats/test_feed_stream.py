"""The streaming feed reader gives what the whole-file reader gives, batch by batch, and hands
every file it cannot read that way back to it (NotStreamableError)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.feed_stream import (
    FeedStream,
    NotStreamableError,
    count_entries,
    streamable_head,
)
from desktop_app.core.formats.feeds import FeedContent, read_feed
from desktop_app.core.formats.load import open_import_file, read_import_file, read_stream_whole
from desktop_app.core.item import ItemData

NOW = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
START = dt.datetime(2024, 2, 20, 12, 0, tzinfo=dt.UTC)


def rss_entry(i: int) -> str:
    """Entries of every shape the reader meets: dated or not, untitled, empty, with a loss
    report, with HTML or plain text, with or without a link, tags and an author."""
    when = (START - dt.timedelta(minutes=7 * i)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    shape = i % 9
    date = "" if shape == 3 else f"<pubDate>{when}</pubDate>"
    link = "" if shape == 5 else f"<link>https://example.org/n/{i}</link>"
    if shape == 4:
        return f"<item>{link}{date}</item>"  # nothing to show: left out, and said
    title = "" if shape == 2 else f"<title>News {i}: drones over region {i % 5}.</title>"
    text = f"Air defence downs {i % 30} drones over region {i % 5} overnight."
    if shape == 6:
        day = (START - dt.timedelta(days=i % 40)).date()
        text = (
            f"The total combat losses of the enemy from 24.02.2022 to {day:%d.%m.%Y} were:"
            f" personnel ‒ about {300000 + i} persons, tanks ‒ {5000 + i} (+{i % 9})"
        )
    body = f"<description>{text}</description>"
    if shape == 7:
        body = (
            f"<description>{text}</description><content:encoded><![CDATA[<p>{text}</p>"
            f"<p>More of it, {'at length ' * 60}.</p>]]></content:encoded>"
        )
    extra = f"<category>region {i % 5}</category><author>Desk {i % 3}</author>"
    return f"<item>{title}{link}{date}{body}{extra}</item>"


def rss(entries: list[str], *, head: str = "", channel_end: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Wire &amp; Co</title>{head}{''.join(entries)}{channel_end}"
        "</channel></rss>"
    ).encode()


def atom(n: int) -> bytes:
    entries = "".join(
        f"<entry><title>Update {i}.</title><id>urn:x:{i}</id>"
        f'<link href="https://example.org/a/{i}"/>'
        f"<updated>{(START - dt.timedelta(hours=i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</updated>"
        f'<summary type="html">&lt;b&gt;Shelling&lt;/b&gt; in district {i % 4}.</summary>'
        f'<category term="district {i % 4}"/></entry>'
        for i in range(n)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Atom wire</title><id>urn:x</id><updated>2024-02-21T00:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


def write(tmp_path: Path, data: bytes, name: str = "wire.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_both(path: Path, size: int) -> tuple[FeedStream, list[list[ItemData]], FeedContent]:
    stream = FeedStream(path, path.name, now=NOW)
    batches = [list(b) for b in stream.batches(size)]
    whole = read_feed(path.read_bytes(), source=path.name, now=NOW)
    return stream, batches, whole


@pytest.mark.parametrize("size", [1, 7, 500])
def test_a_streamed_feed_gives_what_the_whole_file_reader_gives(tmp_path: Path, size: int) -> None:
    # Undated entries take the feed's date, stated before the entries.
    data = rss(
        [rss_entry(i) for i in range(300)], head="<pubDate>Wed, 21 Feb 2024 00:00:00 GMT</pubDate>"
    )
    stream, batches, whole = read_both(write(tmp_path, data), size)
    items = [i for b in batches for i in b]
    assert items == whole.items
    assert all(len(b) == size for b in batches[:-1]) and 0 < len(batches[-1]) <= size
    assert stream.skipped == whole.skipped and stream.skipped
    assert stream.estimated == whole.estimated and stream.estimated
    assert stream.reports == whole.reports and stream.reports
    # Each report comes with the item that published it (read_feed gives its index).
    assert stream.linked == [(whole.items[n], d) for n, d in whole.links]
    assert stream.items_read == len(items)


def test_an_atom_feed_streams_the_same(tmp_path: Path) -> None:
    _, batches, whole = read_both(write(tmp_path, atom(120), "wire.atom"), 50)
    assert [i for b in batches for i in b] == whole.items
    assert [len(b) for b in batches] == [50, 50, 20]


def test_the_entry_count_for_progress(tmp_path: Path) -> None:
    assert count_entries(write(tmp_path, rss([rss_entry(i) for i in range(37)]))) == 37
    assert count_entries(write(tmp_path, atom(12), "a.atom")) == 12


def test_only_plain_utf8_markup_is_streamed() -> None:
    assert streamable_head(b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">')
    assert streamable_head(b"\n  <rss>")
    assert not streamable_head(b'<?xml version="1.0" encoding="windows-1251"?><rss>')
    assert not streamable_head(b"\xef\xbb\xbf<rss>")
    assert not streamable_head("<rss>".encode("utf-16-le"))
    assert not streamable_head(b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss>')
    assert not streamable_head(b'{"version": "https://jsonfeed.org/version/1.1"}')


SHARED_LINK = (
    "<item><title>Live: update one.</title><link>https://example.org/live</link>"
    "<pubDate>Tue, 20 Feb 2024 10:00:00 +0000</pubDate><description>One.</description></item>"
    "<item><title>Live: update two.</title><link>https://example.org/live</link>"
    "<pubDate>Tue, 20 Feb 2024 11:00:00 +0000</pubDate><description>Two.</description></item>"
)


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("an element feed_fast does not know", rss(["<item><title>A.</title><x>1</x></item>"])),
        ("an entity XML does not define", rss(["<item><title>A&nbsp;B.</title></item>"])),
        ("a file cut off", rss([rss_entry(1)])[:-30]),
        ("xml:base", rss([rss_entry(1)]).replace(b"<channel>", b'<channel xml:base="/x/">')),
        ("a comment among the entries", rss([rss_entry(1), "<!-- gap -->", rss_entry(2)])),
        ("entries sharing a link", rss([rss_entry(1), SHARED_LINK])),
        ("a feed title after the entries", rss([rss_entry(1), "<title>Late</title>"])),
        (
            "a feed date after an undated entry",
            rss([rss_entry(3)], channel_end="<pubDate>Wed, 21 Feb 2024 00:00:00 GMT</pubDate>"),
        ),
        ("RSS 0.91", rss([rss_entry(1)]).replace(b'version="2.0"', b'version="0.91"')),
    ],
)
def test_what_the_stream_cannot_read_goes_back_to_the_whole_file_reader(
    tmp_path: Path, case: str, data: bytes
) -> None:
    path = write(tmp_path, data)
    with pytest.raises(NotStreamableError):
        for _batch in FeedStream(path, path.name, now=NOW).batches(1):
            pass


def test_a_feed_date_after_dated_entries_is_no_reason_to_stop(tmp_path: Path) -> None:
    data = rss(
        [rss_entry(1), rss_entry(2)],
        channel_end="<lastBuildDate>Wed, 21 Feb 2024 00:00:00 GMT</lastBuildDate>",
    )
    _, batches, whole = read_both(write(tmp_path, data), 1)
    assert [i for b in batches for i in b] == whole.items


def test_a_bad_entry_is_named_with_its_file_record_and_field(tmp_path: Path) -> None:
    bad = "<item><title>Far future.</title><pubDate>Sat, 01 Jan 2095 00:00:00 GMT</pubDate></item>"
    path = write(tmp_path, rss([rss_entry(i) for i in range(10)] + [bad]))
    with pytest.raises(ImportFormatError) as streamed:
        for _batch in FeedStream(path, "wire.xml", now=NOW).batches(4):
            pass
    with pytest.raises(ImportFormatError) as whole:
        read_import_file("wire.xml", path.read_bytes())
    assert str(streamed.value) == str(whole.value)
    assert streamed.value.file == "wire.xml" and streamed.value.field == "pubDate"


def test_open_import_file_streams_feeds_only(tmp_path: Path) -> None:
    feed = open_import_file(write(tmp_path, rss([rss_entry(1)])))
    assert feed.stream is not None and feed.items == [] and feed.format == "feed"
    assert feed.expected_records == 1
    named = open_import_file(write(tmp_path, rss([rss_entry(1)]), "x.bin"), fmt="feed")
    assert named.stream is not None
    other = write(tmp_path, b'[{"date": "2024-02-20", "tank": 5000}]', "d.json")
    assert open_import_file(other).stream is None
    legacy = rss([rss_entry(1)]).replace(b"UTF-8", b"windows-1251")
    assert open_import_file(write(tmp_path, legacy, "old.xml")).stream is None


def test_a_file_gone_before_it_is_read_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, rss([rss_entry(1)]))
    opened = open_import_file(path)
    path.unlink()
    assert opened.stream is not None
    with pytest.raises(ImportFormatError) as streamed:
        list(opened.stream.batches())
    with pytest.raises(ImportFormatError) as whole:
        read_stream_whole(opened.stream)
    assert streamed.value.file == whole.value.file == str(path)
