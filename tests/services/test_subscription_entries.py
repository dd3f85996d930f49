"""One story reached twice is one item; updated entries update it; full text; the API."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from desktop_app.services import subscriptions as subs
from desktop_app.services.fetching import Fetcher
from desktop_app.storage import items as item_store
from desktop_app.storage import reports as report_store
from desktop_app.storage.db.models import Item, Report, ReportWarning, SourceEntry
from tests.services.feed_server import (
    BASE_TIME,
    api_day,
    api_latest,
    api_page,
    article_page,
    rss,
    story,
)


@pytest.fixture
def fetcher():
    with Fetcher(timeout=3.0, max_bytes=2 * 1024 * 1024) as client:
        yield client


def test_a_changed_entry_updates_the_item_and_keeps_tags_and_flags(
    archive_db, httpserver: HTTPServer, fetcher
):
    first = story(1, httpserver.url_for(""))
    httpserver.expect_request("/f").respond_with_data(rss([first]))
    subs.subscribe(httpserver.url_for("/f"), name="F", fetcher=fetcher)
    subs.update(fetcher=fetcher)
    item = Item.get()
    item_store.set_tags(item.id, ["my tag"])
    item_store.set_starred(item.id)
    item_store.set_read(item.id)

    changed = dataclasses.replace(
        first, title="Front line report number 1, corrected", summary="Now with casualties."
    )
    httpserver.clear()
    httpserver.expect_request("/f").respond_with_data(rss([changed]))
    outcome = subs.update(fetcher=fetcher)
    assert outcome.sources[0].stored.updated == 1
    assert Item.select().count() == 1
    again = Item.get()
    assert again.title == "Front line report number 1, corrected"
    assert again.body == "Now with casualties."
    assert again.starred and again.is_read and "my tag" in again.tags

    # The same feed again: nothing changes, nothing counts as updated.
    repeat = subs.update(fetcher=fetcher)
    assert repeat.sources[0].stored.updated == 0


def test_the_same_story_in_two_feeds_is_one_item(archive_db, httpserver: HTTPServer, fetcher):
    host = httpserver.url_for("")
    a = story(1, host)
    # The second feed: its own guid, the link with tracking parameters and another host case.
    b = dataclasses.replace(
        a, guid="other-1", link=a.link.replace("localhost", "LOCALHOST") + "?utm_source=rss"
    )
    # And a third story known only by its title (another link) and time (20 min later).
    c = story(2, host)
    c2 = dataclasses.replace(
        c,
        guid="x",
        link=f"{host}/elsewhere/2",
        title=c.title.upper() + "!",
        published=c.published + dt.timedelta(minutes=20),
    )
    httpserver.expect_request("/a").respond_with_data(rss([a, c], title="A"))
    httpserver.expect_request("/b").respond_with_data(rss([b, c2], title="B"))
    subs.subscribe(httpserver.url_for("/a"), fetcher=fetcher)
    subs.subscribe(httpserver.url_for("/b"), fetcher=fetcher)
    subs.update(["A"], fetcher=fetcher)
    outcome = subs.update(["B"], fetcher=fetcher)
    assert Item.select().count() == 2
    assert outcome.sources[0].stored.known == 2
    # Both sources list both items (unread counts per source).
    counts = {s.name: (s.items, s.unread) for s in subs.subscriptions()}
    assert counts == {"A": (2, 2), "B": (2, 2)}


def test_a_deleted_item_does_not_come_back(archive_db, httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/f").respond_with_data(rss([story(1, httpserver.url_for(""))]))
    subs.subscribe(httpserver.url_for("/f"), name="F", fetcher=fetcher)
    subs.update(fetcher=fetcher)
    item_store.delete_item(Item.get().id)
    subs.update(fetcher=fetcher)
    assert Item.select().count() == 0
    assert SourceEntry.get().item_id is None


def test_full_text_is_fetched_once_and_sanitised(archive_db, httpserver: HTTPServer, fetcher):
    host = httpserver.url_for("")
    s = story(1, host)
    hostile = (
        "<script>alert('x')</script><img src=x onerror=alert(1)>"
        "<iframe src='http://evil.invalid/'></iframe><a href='javascript:alert(2)'>link</a>"
    )
    httpserver.expect_request("/f").respond_with_data(rss([s]))
    httpserver.expect_request("/story/1").respond_with_data(
        article_page(s.title, extra=hostile), content_type="text/html; charset=utf-8"
    )
    subs.subscribe(httpserver.url_for("/f"), name="F", full_text=True, fetcher=fetcher)
    subs.update(fetcher=fetcher)
    item = Item.get()
    assert "Paragraph 7 of" in item.body and item.lead == s.summary
    for bad in ("<script", "onerror", "<iframe", "javascript:", "Copyright the test"):
        assert bad not in item.body_html and bad not in item.body
    entry = SourceEntry.get()
    assert entry.full_text_url == f"{host}/story/1" and entry.full_text_at is not None

    page_requests = sum(1 for r, _ in httpserver.log if r.path == "/story/1")
    subs.update(fetcher=fetcher)
    assert sum(1 for r, _ in httpserver.log if r.path == "/story/1") == page_requests == 1
    assert "Paragraph 7 of" in Item.get().body  # the summary did not replace the full text


def test_json_feed_is_read(archive_db, httpserver: HTTPServer, fetcher):
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON desk",
        "items": [
            {
                "id": "j1",
                "url": "https://example.invalid/j1",
                "title": "Drone attack repelled over the city.",
                "content_text": "Air defence destroyed twelve drones overnight.",
                "date_published": "2025-03-01T08:00:00Z",
            }
        ],
    }
    httpserver.expect_request("/feed.json").respond_with_json(doc)
    info = subs.subscribe(httpserver.url_for("/feed.json"), fetcher=fetcher)
    assert info.name == "JSON desk"
    subs.update(fetcher=fetcher)
    item = Item.get()
    assert item.title == "Drone attack repelled over the city." and item.kind == "brief"


def test_source_settings_apply_kind_and_tags(archive_db, httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/f").respond_with_data(rss([story(1)]))
    subs.subscribe(
        httpserver.url_for("/f"),
        name="F",
        as_kind="brief",
        tags=["Frontline", "UA"],
        fetcher=fetcher,
    )
    subs.update(fetcher=fetcher)
    item = Item.get()
    assert item.kind == "brief" and item.tags == "frontline, ua" and item.source_name == "Test feed"


# -- the loss figures' API ------------------------------------------------------------------
def _api(httpserver: HTTPServer, latest: dict, pages: list[bytes]) -> None:
    httpserver.expect_request("/api/v2/statistics/latest").respond_with_data(
        api_latest(latest), content_type="application/json"
    )

    def page(request: Request) -> Response:
        n = int(request.args.get("offset", "0")) // 50
        return Response(pages[n] if n < len(pages) else api_page([]), content_type="text/json")

    httpserver.expect_request("/api/v2/statistics").respond_with_handler(page)


def _seed(day: dt.date, tanks: int, personnel: int, *, source: str = "seed") -> None:
    from desktop_app.core.report import Figure, LossReport

    report = LossReport(day, {"tanks": Figure(tanks, None), "personnel": Figure(personnel, None)})
    report_store.import_reports([report], source=source)


def test_api_source_fills_the_missing_days_and_flags_problems(
    archive_db, httpserver: HTTPServer, fetcher
):
    d0 = dt.date(2025, 3, 1)
    _seed(d0, 10_000, 800_000)
    days = [d0 + dt.timedelta(days=n) for n in range(1, 6)]
    # Day 3 is missing from the API (a gap); day 4 states a decrease in tanks.
    records = [
        api_day(days[0], 10_001, 801_000),
        api_day(days[1], 10_002, 802_000),
        api_day(days[3], 9_990, 804_000, change=-12),
    ]
    _api(
        httpserver,
        api_day(days[4], 9_991, 805_000),
        [api_page(records[:2], has_next=True), api_page(records[2:])],
    )
    info = subs.subscribe(httpserver.url_for("/api/v2/statistics/latest"), fetcher=fetcher)
    assert info.settings.kind == "losses-api"
    outcome = subs.update(fetcher=fetcher)
    line = outcome.sources[0].line()
    assert outcome.sources[0].error == "", line
    assert "no figures for 1 of the missing days" in line
    assert report_store.report_dates() == [d0, days[0], days[1], days[3], days[4]]
    assert ReportWarning.select().where(ReportWarning.kind == "decrease").exists()
    queries = [r.args.get("date_from") for r, _ in httpserver.log if r.path.endswith("statistics")]
    assert queries and set(queries) == {days[0].isoformat()}


def test_api_never_overwrites_a_report_entered_by_hand(archive_db, httpserver, fetcher):
    day = dt.date(2025, 3, 2)
    _seed(dt.date(2025, 3, 1), 10_000, 800_000)
    _seed(day, 10_005, 801_000, source="manual")
    _api(httpserver, api_day(day, 10_001, 801_000), [])
    subs.subscribe(httpserver.url_for("/api/v2/statistics/latest"), fetcher=fetcher)
    outcome = subs.update(fetcher=fetcher)
    assert "entered by hand" in outcome.sources[0].line()
    assert report_store.load_report(day).figures["tanks"].total == 10_005
    assert Report.get(Report.date == day).source == "manual"


def test_api_error_answer_is_the_sources_error(archive_db, httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/api/v2/statistics/latest").respond_with_data(
        json.dumps({"message": "Server error", "errors": {"date": ["bad"]}}),
        content_type="application/json",
    )
    subs.subscribe(httpserver.url_for("/api/v2/statistics/latest"), name="API", fetcher=fetcher)
    outcome = subs.update(fetcher=fetcher)
    assert "not an answer of the API" in outcome.sources[0].error
    assert Report.select().count() == 0
    assert BASE_TIME.year == 2025


def test_a_feed_entry_carrying_the_report_stores_it_linked(archive_db, httpserver, fetcher):
    from tests.core.formats.samples import RSS

    httpserver.expect_request("/wire").respond_with_data(RSS.encode(), content_type="text/xml")
    subs.subscribe(httpserver.url_for("/wire"), fetcher=fetcher)
    outcome = subs.update(fetcher=fetcher)
    assert "articles linked to reports: 1" in outcome.sources[0].line()
    report = report_store.load_report(dt.date(2023, 11, 25))
    assert report is not None and report.figures["personnel"].total == 323_760
    assert report_store.report_article_ids(dt.date(2023, 11, 25))
    assert outcome.changes.reports


def test_a_story_imported_as_a_page_is_not_added_again_from_a_feed(archive_db, httpserver, fetcher):
    from desktop_app.core.item import ARTICLE, ItemData

    link = "https://news.example/2025/03/01/story-1"
    saved = item_store.save_item(
        ItemData(ARTICLE, "A story saved from its page", BASE_TIME, body="x", source_url=link)
    )
    entry = dataclasses.replace(story(1), link=link + "?utm_source=rss&utm_medium=feed")
    httpserver.expect_request("/f").respond_with_data(rss([entry]))
    subs.subscribe(httpserver.url_for("/f"), name="F", fetcher=fetcher)
    outcome = subs.update(fetcher=fetcher)
    assert Item.select().count() == 1 and outcome.sources[0].stored.known == 1
    assert SourceEntry.get().item_id == saved


def test_full_text_keeps_a_pages_brief_column_apart():
    from desktop_app.core.full_text import extract_full_text

    paragraphs = "".join(
        f"<p>Paragraph {n}: the brigade held the line near the river for another day, the "
        "regional administration said, and evacuation of the villages continued.</p>"
        for n in range(6)
    )
    column = "".join(
        f"<li><time>1{n}:00</time> Drone attack on Kharkiv region number {n}.</li>"
        for n in range(5)
    )
    page = (
        "<html><head><title>Report</title></head><body><article><h1>Report</h1>"
        f"{paragraphs}<ul class='news'>{column}</ul></article></body></html>"
    )
    text = extract_full_text(page)
    assert text is not None
    assert "Paragraph 5" in text.body
    assert "Drone attack on Kharkiv region number" not in text.body
