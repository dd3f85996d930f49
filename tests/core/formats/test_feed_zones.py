"""An entry's time with a zone name feedparser does not know ("EEST", as Ukrainian sites
write it) is read in that zone, not as UTC; an unknown name, or a date without a time of day
("2024"), makes the time estimated."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.formats.feeds import read_feed


def _feed(*dates: str) -> bytes:
    items = "".join(
        f"<item><title>Entry {n}</title><link>https://e.invalid/{n}</link>"
        f"<description>Text {n}.</description><pubDate>{d}</pubDate></item>"
        for n, d in enumerate(dates)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Z</title>'
        f"{items}</channel></rss>"
    ).encode()


@pytest.mark.parametrize("fast", [True, False])
def test_zone_names_are_read_in_their_zone(fast: bool) -> None:
    feed = read_feed(
        _feed(
            "Mon, 04 Mar 2024 10:00:00 EET",
            "Mon, 08 Jul 2024 10:00:00 EEST",
            "Mon, 08 Jul 2024 10:00:00 MSK",
            "Mon, 08 Jul 2024 10:00:00 EST",
            "Mon, 08 Jul 2024 10:00:00 GMT",
        ),
        fast=fast,
    )
    assert [i.published_at.strftime("%d %H:%M") for i in feed.items] == [
        "04 08:00",
        "08 07:00",
        "08 07:00",
        "08 15:00",
        "08 10:00",
    ]
    assert not any(i.date_estimated for i in feed.items) and feed.estimated == []


def test_an_unknown_zone_name_makes_the_time_estimated_and_said() -> None:
    feed = read_feed(_feed("Mon, 08 Jul 2024 10:00:00 XYZ"))
    (item,) = feed.items
    assert item.published_at == dt.datetime(2024, 7, 8, 10, 0, tzinfo=dt.UTC)
    assert item.date_estimated
    assert feed.estimated == ["entry 1 (Entry 0): its time zone 'XYZ' is not known; read as UTC"]


@pytest.mark.parametrize("fast", [True, False])
def test_a_date_without_a_time_of_day_is_estimated_and_said(fast: bool) -> None:
    feed = read_feed(_feed("2024-03-03", "2024", "Mon, 04 Mar 2024 10:00:00 GMT"), fast=fast)
    assert [(i.published_at.isoformat(), i.date_estimated) for i in feed.items] == [
        ("2024-03-03T00:00:00+00:00", True),
        ("2024-01-01T00:00:00+00:00", True),
        ("2024-03-04T10:00:00+00:00", False),
    ]
    assert feed.estimated == [
        "entry 1 (Entry 0): its date '2024-03-03' gives no time of day; 2024-03-03 00:00Z used",
        "entry 2 (Entry 1): its date '2024' gives no time of day; 2024-01-01 00:00Z used",
    ]
