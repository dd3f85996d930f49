"""Files saved in another encoding than UTF-8: decoded when it is UTF-16/32, named otherwise."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.load import read_import_file
from tests.core.formats.samples import UA_POST_0808

DAYS = [{"date": "2023-11-24", "tank": 5496}, {"date": "2023-11-25", "tank": 5502, "APC": 10}]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_json_in_utf16_or_utf32_with_or_without_a_mark_is_read(encoding: str) -> None:
    result = read_import_file("equipment.json", json.dumps(DAYS).encode(encoding))
    assert result.format == "petroivaniuk-json"
    assert [r.figures["tanks"].total for r in result.reports] == [5496, 5502]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_ukrainian_post_in_utf16_is_read(encoding: str) -> None:
    result = read_import_file("post.txt", UA_POST_0808.encode(encoding))
    assert result.format == "report-text"
    assert result.reports[0].figures["tanks"].total == 12251


def test_csv_in_utf16_is_read() -> None:
    text = ",date,day,tank,APC\n0,2023-11-25,640,5502,10\n"
    result = read_import_file("equipment.csv", text.encode("utf-16"))
    assert result.format == "petroivaniuk-csv"


def test_a_legacy_8bit_file_is_refused_naming_its_encoding_not_malformed_json() -> None:
    text = "Загальні бойові втрати противника з 24.02.22 по 08.08.26 склали: танків - 12251 (+4)"
    with pytest.raises(ImportFormatError) as info:
        read_import_file("post.txt", text.encode("cp1251"))
    message = str(info.value)
    assert message.startswith("post.txt: not UTF-8 text: undecodable byte 0xc7 at byte offset 0")
    assert "it looks like cp1251; save the file as UTF-8" in message
    assert "malformed" not in message


def test_utf8_ukrainian_text_is_never_taken_for_utf16() -> None:
    # A long UTF-8 text whose sample ends inside a two-byte letter.
    text = "Дані з каналу, збережені вручну. " * 150 + "\n" + UA_POST_0808
    for pad in range(3):
        result = read_import_file("post.txt", (" " * pad + text).encode())
        assert result.reports[0].figures["tanks"].total == 12251


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_feed_in_utf16_is_recognised_and_read(encoding: str) -> None:
    feed = (
        '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Стрічка'
        "</title><item><title>Сирени у Києві.</title><link>https://example.org/1</link>"
        "<pubDate>Sat, 25 Nov 2023 09:41:00 +0200</pubDate><description>Текст.</description>"
        "</item></channel></rss>"
    )
    result = read_import_file("wire.xml", feed.encode(encoding))
    assert result.format == "feed"
    assert [item.title for item in result.items] == ["Сирени у Києві."]
