"""Feeds as they are in the wild (issue #18): every entry read, nothing lost, nothing garbled.

The feeds here are written for these tests: Ukrainian news in the encodings such sites use
without saying so, live blogs, alerts, escaped markup, broken XML, odd dates.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.feeds import read_feed
from desktop_app.core.formats.load import read_import_file
from desktop_app.core.item import ARTICLE, BRIEF

NOW = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)

UA_TITLE = "Київ: нічна ракетна атака, пошкоджено енергетичну інфраструктуру"
UA_TEXT = (
    "Унаслідок нічної атаки на Київщині пошкоджено об'єкти енергетики; "
    "ґанок будинку, їдальня та склад зазнали руйнувань, повідомили в ОВА. Є постраждалі."
)


def _rss(items: str, channel: str = "", head: str = "") -> str:
    return (
        f'{head}<rss version="2.0"><channel><title>Стрічка новин</title>{channel}'
        f"{items}</channel></rss>"
    )


def _item(
    title: str,
    text: str,
    date: str | None = "Sun, 12 May 2024 09:00:00 +0300",
    link: str | None = None,
) -> str:
    parts = [f"<title>{title}</title>" if title else "", f"<description>{text}</description>"]
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    if link:
        parts.append(f"<link>{link}</link>")
    return "<item>" + "".join(parts) + "</item>"


UA_FEED = _rss(_item(UA_TITLE, UA_TEXT, link="https://example.org/ua/1"))


@pytest.mark.parametrize(
    "encoding", ["cp1251", "koi8_u", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"]
)
def test_an_undeclared_encoding_of_ukrainian_news_is_read_right(encoding: str) -> None:
    data = UA_FEED.encode(encoding)
    result = read_import_file("novyny.xml", data)
    (item,) = result.items
    assert result.format == "feed"
    assert item.title == UA_TITLE and item.body == UA_TEXT
    assert item.source_name == "Стрічка новин"
    if encoding in ("cp1251", "koi8_u"):
        assert result.remarks[0].startswith(f"read as {encoding.replace('_', '-')}")


def test_a_declared_8_bit_encoding_is_trusted_and_a_wrong_utf_8_claim_is_not() -> None:
    declared = '<?xml version="1.0" encoding="windows-1251"?>' + UA_FEED
    assert read_feed(declared.encode("cp1251")).items[0].title == UA_TITLE
    wrong = '<?xml version="1.0" encoding="utf-8"?>' + UA_FEED
    feed = read_feed(wrong.encode("cp1251"))
    assert feed.items[0].title == UA_TITLE
    assert "it says utf-8" in feed.notes[0]


def test_escaped_markup_in_a_title_is_text() -> None:
    feed = read_feed(_rss(_item("How to use the &lt;details&gt; element", "A guide.")).encode())
    assert feed.items[0].title == "How to use the <details> element"


def test_atom_text_constructs_keep_their_words() -> None:
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry>'
        "<title type='text'>Why &lt;b&gt; is not &lt;strong&gt;</title>"
        "<summary type='text'>Use &lt;em&gt; for stress, &lt;i&gt; otherwise.</summary>"
        "<updated>2024-05-12T06:00:00Z</updated></entry></feed>"
    )
    for fast in (True, False):
        (item,) = read_feed(atom.encode(), fast=fast).items
        assert item.title == "Why <b> is not <strong>"
        assert item.body == "Use <em> for stress, <i> otherwise." and item.body_html == ""


def test_block_level_elements_stay_apart_in_the_text() -> None:
    content = "&lt;div&gt;Знижки до 50%&lt;/div&gt;&lt;div&gt;360 x 640&lt;/div&gt;"
    (item,) = read_feed(_rss(_item("Оголошення", content)).encode()).items
    assert "50%360" not in item.body and item.body == "Знижки до 50%\n\n360 x 640"


def test_a_prefixed_atom_root_is_a_feed() -> None:
    atom = (
        '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title><a:entry>'
        "<a:title>Air defense at work.</a:title><a:updated>2024-05-12T06:00:00Z</a:updated>"
        '<a:link href="https://example.org/p"/></a:entry></a:feed>'
    )
    result = read_import_file("prefixed.atom", atom.encode())
    assert result.format == "feed" and result.items[0].title == "Air defense at work."


def test_an_undated_entry_among_dated_ones_takes_the_feeds_date() -> None:
    items = _item("Dated one", "Text one.") + _item("Undated one", "Text two.", date=None)
    channel = "<lastBuildDate>Sun, 12 May 2024 10:30:00 +0300</lastBuildDate>"
    for fast in (True, False):
        feed = read_feed(_rss(items, channel).encode(), fast=fast, now=NOW)
        dated, undated = feed.items
        assert not dated.date_estimated
        assert dated.published_at == dt.datetime(2024, 5, 12, 6, 0, tzinfo=dt.UTC)
        assert undated.date_estimated
        assert undated.published_at == dt.datetime(2024, 5, 12, 7, 30, tzinfo=dt.UTC)
        assert feed.estimated == [
            "entry 2 (Undated one): no date; the feed's date (2024-05-12 07:30Z) used"
        ]


def test_without_a_feed_date_the_time_of_reading_is_used() -> None:
    feed = read_feed(_rss(_item("Undated", "Text.", date=None)).encode(), now=NOW)
    assert feed.items[0].published_at == NOW and feed.items[0].date_estimated
    assert "the time the file was read" in feed.estimated[0]
    unreadable = _item("Odd date", "Text.", date="вчора ввечері")
    feed = read_feed(_rss(unreadable).encode(), now=NOW)
    assert feed.items[0].date_estimated and "could not be read" in feed.estimated[0]


def test_untitled_entries_get_a_title_an_empty_one_is_skipped_and_listed() -> None:
    items = (
        _item("", "Повітряна тривога в Харківській області. Пройдіть в укриття.")
        + _item("", '&lt;img src="https://example.org/x.jpg"&gt;')
        + _item("", '&lt;img src="x.jpg" alt="Знищений танк під Авдіївкою"&gt;')
    )
    feed = read_feed(_rss(items).encode())
    assert [i.title for i in feed.items] == [
        "Повітряна тривога в Харківській області.",
        "Знищений танк під Авдіївкою",
    ]
    assert feed.skipped == ["entry 2: nothing to show (no title, no text)"]


def test_a_long_untitled_text_gives_a_title_cut_on_a_word() -> None:
    text = "слово " * 60
    (item,) = read_feed(_rss(_item("", text)).encode()).items
    assert item.title.endswith("слово…") and len(item.title) <= 121


@pytest.mark.parametrize(
    "date",
    [
        "Fri, 31 Dec 9999 23:00:00 -0500",
        "9999-12-31T23:00:00-05:00",
        "10000-01-01T00:00:00Z",
        "Mon, 01 Jan 0001 00:00:00 +0500",
    ],
)
def test_an_impossible_date_is_refused_with_a_clear_message(date: str) -> None:
    items = _item("Good", "Text.") + _item("Broken clock", "Text.", date=date)
    with pytest.raises(ImportFormatError) as info:
        read_import_file("wire.xml", _rss(items).encode())
    error = info.value
    assert error.file == "wire.xml" and error.record == "entry 2 (Broken clock)"
    assert error.field == "pubDate" and date in error.reason


def test_entries_sharing_a_link_are_all_kept() -> None:
    live = "https://example.org/live"
    items = (
        _item("Live: evening update", "Evening.", "Sun, 12 May 2024 19:00:00 +0300", live)
        + _item("Live: morning update", "Morning.", "Sun, 12 May 2024 09:00:00 +0300", live)
        + _item("Live: morning update", "Morning.", "Sun, 12 May 2024 09:00:00 +0300", live)
    )
    feed = read_feed(_rss(items).encode())
    links = [i.source_url for i in feed.items]
    # The oldest keeps the link; the other gets one of its own; the exact repeat stays one.
    assert links[1] == live and links[2] == live
    assert links[0] is not None and links[0].startswith(live + "#entry-")


def test_undefined_entities_and_bare_ampersands_are_recovered_and_said() -> None:
    rss091 = (
        '<rss version="0.91"><channel><title>Caf&eacute; &amp; news</title><item>'
        "<title>Tom & Jerry&nbsp;return</title><link>https://example.org/a?x=1&y=2</link>"
        "<description>R&eacute;sum&eacute;</description></item></channel></rss>"
    )
    feed = read_feed(rss091.encode(), now=NOW)
    (item,) = feed.items
    assert item.title == "Tom & Jerry return" and item.body == "Résumé"
    assert item.source_url == "https://example.org/a?x=1&y=2"
    assert feed.notes and feed.notes[0].startswith("not well-formed XML, recovered")
    assert "&eacute;" in feed.notes[0] and "bare '&'" in feed.notes[0]


def test_a_file_missing_only_its_closing_tags_is_read_a_truncated_one_refused() -> None:
    whole = _rss(_item("One", "Text one.") + _item("Two", "Text two."))
    ends_early = whole[: -len("</channel></rss>")] + "</channel></rs"
    feed = read_feed(ends_early.encode())
    assert len(feed.items) == 2 and "closing <rss>" in feed.notes[0]
    cut = whole[: whole.index("Text two")]
    with pytest.raises(ImportFormatError) as info:
        read_import_file("cut.xml", cut.encode())
    assert info.value.file == "cut.xml" and info.value.record == "line 1"
    assert "truncated" in info.value.reason


def test_a_wire_feed_of_short_items_is_briefs_long_texts_are_articles() -> None:
    short = "Сили ППО збили 14 із 20 дронів над областю; уламки пошкодили склад. " * 3
    wire = "".join(
        f"<item><title>Новина {n}</title><description>{short}</description>"
        f"<content:encoded>{short}</content:encoded>"
        f"<pubDate>Sun, 12 May 2024 0{n}:00:00 +0300</pubDate></item>"
        for n in range(1, 4)
    )
    article = _item("Аналіз тижня", "Довгий текст. " * 60)
    rss = _rss(wire + article).replace(
        "<rss ", '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" ', 1
    )
    kinds = [i.kind for i in read_feed(rss.encode()).items]
    assert kinds == [BRIEF, BRIEF, BRIEF, ARTICLE]


def test_a_utf_8_feed_with_a_stray_latin_1_byte_stays_utf_8() -> None:
    data = UA_FEED.encode("utf-8").replace(b"</description>", b" \xa9 2024</description>")
    feed = read_feed(data)
    assert feed.items[0].title == UA_TITLE and feed.items[0].body.endswith("\ufffd 2024")
    assert feed.notes == ["bytes that are not UTF-8 replaced: 1"]


@pytest.mark.parametrize(
    "head",
    [
        '<!-- saved --><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n',
        '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY mdash "&#8212;"> ]>\n',
    ],
)
def test_a_doctype_before_the_root_is_still_a_feed(head: str) -> None:
    result = read_import_file("old.rss", (head + UA_FEED).encode())
    assert result.format == "feed" and result.items[0].title == UA_TITLE


def test_a_live_blogs_entries_of_one_minute_and_title_get_links_of_their_own() -> None:
    live = "https://example.org/live"
    items = "".join(
        _item("Live: update", text, "Sun, 12 May 2024 09:00:00 +0300", live)
        for text in ("First.", "Second.", "Third.")
    )
    links = [i.source_url for i in read_feed(_rss(items).encode()).items]
    assert len(set(links)) == 3 and links[0] == live
