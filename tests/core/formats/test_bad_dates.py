"""Dates and times no importer may let through (issue #11 §4), and the text posts' own rules.

A report dated before 24 Feb 2022 or after today, and an article or brief published before
1900 or more than a day ahead, is refused by every reader, naming the file and the record.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.load import read_import_file
from tests.core.formats.samples import HTML_PAGE

FUTURE = (dt.date.today() + dt.timedelta(days=3)).isoformat()


def _refused(name: str, data: str | bytes) -> ImportFormatError:
    raw = data.encode() if isinstance(data, str) else data
    with pytest.raises(ImportFormatError) as info:
        read_import_file(name, raw)
    assert info.value.file == name
    return info.value


@pytest.mark.parametrize("date", ["2021-12-31", "2022-02-23", FUTURE])
def test_the_dataset_reader_refuses_a_report_outside_the_war(date: str) -> None:
    days = [{"date": "2023-11-24", "tank": 5496}, {"date": date, "tank": 5502}]
    error = _refused("equipment.json", json.dumps(days))
    assert error.record == f"#2 ({date})" and error.field == "date"
    assert date in error.reason and ("before the war" in error.reason or "future" in error.reason)


def test_the_api_reader_and_the_corrections_reader_refuse_them_too() -> None:
    page = {"message": "ok", "data": {"records": [{"date": FUTURE, "stats": {"tanks": 1}}]}}
    assert _refused("api.json", json.dumps(page)).record == f"#1 ({FUTURE})"
    notes = [{"date": "2019-05-01", "tank": -5}]
    error = _refused("russia_losses_equipment_correction.json", json.dumps(notes))
    assert error.record == "#1 (2019-05-01)"


def test_a_text_post_dated_in_the_future_is_refused() -> None:
    text = "Загальні бойові втрати противника з 24.02.22 по 08.08.36 склали: танків ‒ 12251 (+4)"
    error = _refused("post.txt", text)
    assert error.record == "line 1" and error.field == "date"
    assert "2036-08-08 is in the future" in error.reason


def _rss(*dates: str) -> str:
    entries = "".join(
        f"<item><title>Entry {n}.</title><link>https://example.org/{n}</link>"
        f"<pubDate>{date}</pubDate><description>Text {n}.</description></item>"
        for n, date in enumerate(dates, start=1)
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
    return f"{head}{entries}</channel></rss>"


@pytest.mark.parametrize(
    "stamp",
    [
        "Mon, 01 Jan 0001 00:00:00 +0000",
        "Fri, 31 Dec 9999 23:00:00 +0000",
        "Sat, 01 Jan 1898 10:00:00 +0000",
        "Wed, 01 Jan 2098 10:00:00 +0000",
    ],
)
def test_a_feed_entry_outside_the_years_is_refused_naming_the_entry(stamp: str) -> None:
    error = _refused("wire.xml", _rss("Sat, 25 Nov 2023 09:41:00 +0200", stamp))
    assert error.record == "entry 2 (Entry 2.)" and error.field == "pubDate"


def test_an_article_from_before_the_war_is_kept() -> None:
    # 2014 Crimea coverage is part of the record; only reports start in 2022.
    result = read_import_file("wire.xml", _rss("Thu, 27 Feb 2014 09:00:00 +0200").encode())
    assert result.items[0].published_at == dt.datetime(2014, 2, 27, 7, tzinfo=dt.UTC)


@pytest.mark.parametrize("stamp", ["0001-01-01T00:30:00", "9999-12-31T23:30:00+02:00"])
def test_a_saved_page_at_the_ends_of_the_calendar_is_refused(stamp: str) -> None:
    page = HTML_PAGE.replace("2023-11-25T09:41:00+02:00", stamp)
    error = _refused("page.html", page)
    assert error.field == "published_time"


def test_our_own_export_with_a_future_report_is_refused_naming_the_date() -> None:
    doc = {"frontline_archive": 1, "reports": [{"date": FUTURE, "figures": {}}]}
    error = _refused("export.json", json.dumps(doc))
    assert error.record == FUTURE and "future" in error.reason


def _post(day: str, drones: int, tanks: int = 12251) -> str:
    return (
        f"Загальні бойові втрати противника з 24.02.22 по {day}.08.26 орієнтовно склали: "
        f"танків ‒ {tanks} (+4) од, БпЛА оперативно-тактичного рівня ‒ {drones} (+1751)\n"
    )


def test_one_date_posted_twice_with_other_figures_is_refused_naming_both() -> None:
    text = _post("07", 447855) + "---\n" + _post("08", 449606) + "---\n" + _post("08", 449600)
    error = _refused("posts.txt", text)
    assert error.record == "post 3 (line 5)" and error.field == "drones"
    assert "2026-08-08 is posted twice" in error.reason
    assert "post 2 (line 3) says 449,606, this post 449,600" in error.reason


def test_the_same_post_twice_is_read_once() -> None:
    result = read_import_file("posts.txt", (_post("08", 449606) * 2).encode())
    assert [r.date for r in result.reports] == [dt.date(2026, 8, 8)]


def test_a_post_that_lost_digits_is_refused_a_correction_is_kept() -> None:
    truncated = _post("07", 138) + "---\n" + _post("08", 13)
    error = _refused("posts.txt", truncated)
    assert error.record == "post 2 (line 3)" and error.field == "drones"
    assert "below 90% of 138 on 2026-08-07" in error.reason
    corrected = _post("07", 138, tanks=12251) + "---\n" + _post("08", 140, tanks=12246)
    assert len(read_import_file("posts.txt", corrected.encode()).reports) == 2
