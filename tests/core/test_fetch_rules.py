"""Back-off, Retry-After, schedules, link and title keys, feed discovery."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.feed_discovery import find_feeds, is_json_feed, looks_like_feed
from desktop_app.core.fetch_rules import (
    Schedule,
    backoff,
    canonical_url,
    conditional_headers,
    feed_address,
    feed_key,
    parse_retry_after,
    title_key,
)

NOW = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)


def test_retry_after_seconds_date_and_cap() -> None:
    assert parse_retry_after("120", NOW) == NOW + dt.timedelta(seconds=120)
    assert parse_retry_after("Sat, 01 Mar 2025 13:00:00 GMT", NOW) == NOW + dt.timedelta(hours=1)
    assert parse_retry_after("999999999", NOW) == NOW + dt.timedelta(days=2)
    assert parse_retry_after("Sat, 01 Mar 2020 13:00:00 GMT", NOW) == NOW  # past: now
    assert parse_retry_after("soon", NOW) is None and parse_retry_after(None, NOW) is None


def test_backoff_doubles_up_to_a_day() -> None:
    assert [backoff(n).total_seconds() / 60 for n in range(4)] == [0, 5, 10, 20]
    assert backoff(50) == dt.timedelta(days=1)


def test_schedule_waits_for_the_interval_backoff_and_server() -> None:
    assert Schedule(60, None).is_due(NOW)
    checked = NOW - dt.timedelta(minutes=30)
    assert not Schedule(60, checked).is_due(NOW)
    assert Schedule(20, checked).is_due(NOW)
    assert not Schedule(20, checked, failures=4).is_due(NOW)  # 40 minutes' back-off
    later = NOW + dt.timedelta(minutes=5)
    assert not Schedule(20, checked, retry_after=later).is_due(NOW)
    assert not Schedule(20, checked, retry_after=later).may_fetch(NOW)
    assert Schedule(20, checked, retry_after=later).may_fetch(later)


def test_canonical_url_drops_tracking_and_normalises_the_host() -> None:
    assert canonical_url("HTTPS://News.Example:443/a/b?utm_source=rss&id=3&fbclid=x") == (
        "https://news.example/a/b?id=3"
    )
    assert canonical_url("http://e.invalid:8080") == "http://e.invalid:8080/"
    assert canonical_url("https://e.invalid/live#update-3") == "https://e.invalid/live#update-3"


def test_title_key_ignores_case_punctuation_and_apostrophes() -> None:
    assert title_key("Russia’s losses: 1,200 — today!") == title_key("RUSSIAS LOSSES 1 200 today")
    assert title_key("Зеленськийʼ  заява") == title_key("зеленський заява.")


def test_conditional_headers() -> None:
    assert conditional_headers('"x"', "Sat, 01 Mar 2025 13:00:00 GMT") == {
        "If-None-Match": '"x"',
        "If-Modified-Since": "Sat, 01 Mar 2025 13:00:00 GMT",
    }
    assert conditional_headers(None, None) == {}


def test_find_feeds_in_a_page_head() -> None:
    page = b"""<html><head><base href="https://site.invalid/news/">
    <link rel="alternate" type="application/rss+xml" href="rss.xml">
    <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="/atom">
    <link rel="alternate" type="text/html" href="/uk/">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="stylesheet" href="x.css"></head><body></body></html>"""
    assert find_feeds(page, "https://site.invalid/") == [
        "https://site.invalid/news/rss.xml",
        "https://site.invalid/atom",
    ]
    assert find_feeds(b"", "https://x.invalid/") == []


def test_looks_like_feed() -> None:
    assert looks_like_feed(b"\xef\xbb\xbf<?xml version='1.0'?><rss version='2.0'>")
    assert looks_like_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert not looks_like_feed(b"<!doctype html><html><head><title>rss</title>")
    assert looks_like_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": []}')
    assert not is_json_feed(b'{"data": {"stats": {}}}')


def test_feed_address_and_key() -> None:
    assert feed_address("HTTP://News.Example:80/Feed?a=1#top") == "http://news.example/Feed?a=1"
    assert feed_address("https://u:p@[::1]:8443/f") == "https://u:p@[::1]:8443/f"
    assert feed_address("https://news.example") == "https://news.example/"
    forms = ["http://e.invalid/feed", "http://e.invalid/feed/", "HTTP://E.invalid:80/feed#x"]
    assert {feed_key(u) for u in forms} == {"http://e.invalid/feed"}
    assert feed_key("http://e.invalid/feed?lang=en") != feed_key("http://e.invalid/feed")
    assert feed_key("http://e.invalid/Feed") != feed_key("http://e.invalid/feed")
