"""What real feeds and servers do, met by an update against a local HTTP server: entries a
feed dates oddly, pages served where the feed was, answers cut short or damaged."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_httpserver import HTTPServer

from desktop_app.services import subscriptions as subs
from desktop_app.services.fetching import Fetcher
from desktop_app.storage.db.models import Item, Source
from tests.services.feed_server import rss, story


@pytest.fixture
def fetcher():
    with Fetcher(timeout=2.0, max_bytes=1024 * 1024) as client:
        yield client


def _update(name: str) -> subs.SourceOutcome:
    # A new client each time, as each update of the program has one.
    with Fetcher(timeout=2.0, max_bytes=1024 * 1024) as client:
        (outcome,) = subs.update([name], fetcher=client).sources
    return outcome


def test_an_entry_dated_ahead_is_left_out_and_the_rest_of_the_feed_stored(
    archive_db, httpserver: HTTPServer
):
    host = httpserver.url_for("")
    ahead = dataclasses.replace(
        story(2, host), published=dt.datetime.now(dt.UTC) + dt.timedelta(days=30)
    )
    httpserver.expect_request("/f").respond_with_data(rss([story(1, host), ahead]))
    subs.subscribe(httpserver.url_for("/f"), name="Desk", check=False)
    outcome = _update("Desk")
    assert not outcome.error
    assert [i.title for i in Item.select()] == [story(1).title]
    assert "entry 2" in outcome.line() and "future" in outcome.line()
    assert Source.get().last_error == "" and Source.get().failures == 0


def _update_at(name: str, now: dt.datetime) -> subs.SourceOutcome:
    (plan,) = subs.plan_updates([name])
    with Fetcher(timeout=2.0, max_bytes=1024 * 1024) as client:
        return subs.store_fetch(subs.fetch_source(plan, client, now))


UNDATED = (
    b"<rss version='2.0'><channel><title>Wire</title><item><guid>w-1</guid>"
    b"<title>Shelling reported near the river crossing</title><link>http://x.invalid/w/1</link>"
    b"<description>The regional administration reported shelling overnight.</description>"
    b"</item></channel></rss>"
)


def test_an_undated_entry_keeps_the_time_it_was_first_read(archive_db, httpserver: HTTPServer):
    httpserver.expect_request("/f").respond_with_data(UNDATED)
    subs.subscribe(httpserver.url_for("/f"), name="Wire", check=False)
    first = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    _update_at("Wire", first)
    later = _update_at("Wire", first + dt.timedelta(hours=2))
    (item,) = Item.select()
    assert item.published_at == first and item.date_estimated
    assert "updated" not in later.line() and not later.stored.item_ids  # type: ignore[union-attr]


def test_a_web_page_where_the_feed_was_is_the_sources_error_naming_the_feed(
    archive_db, httpserver: HTTPServer
):
    page = (
        "<!doctype html><html><head><title>Desk</title>"
        "<link rel='alternate' type='application/rss+xml' href='/news/rss'></head>"
        "<body><p>Our feed has moved.</p></body></html>"
    )
    httpserver.expect_request("/feed").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/plain").respond_with_data(
        "<html><body>Down for maintenance</body></html>", content_type="text/html"
    )
    subs.subscribe(httpserver.url_for("/feed"), name="Moved", check=False)
    subs.subscribe(httpserver.url_for("/plain"), name="Plain", check=False)
    moved, plain = _update("Moved"), _update("Plain")
    assert "web page" in moved.error and httpserver.url_for("/news/rss") in moved.error
    assert "truncated" not in moved.error
    assert "web page" in plain.error
    failing = {s.name: s.last_error for s in Source.select()}
    assert failing == {"Moved": moved.error, "Plain": plain.error}


class _Broken(BaseHTTPRequestHandler):
    """Answers 200 and then breaks its answer as its path says."""

    def do_GET(self) -> None:  # (http.server's name)
        body = rss([story(n) for n in range(40)])
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        if self.path == "/cut":  # the connection dropped half-way through the body
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
        else:  # "/gzip": says gzip, sends bytes that are not
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", "64")
            self.end_headers()
            self.wfile.write(b"x" * 64)
        self.close_connection = True

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _broken_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Broken)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_answer_cut_short_or_damaged_is_said_in_words(archive_db):
    with _broken_server() as base:
        subs.subscribe(f"{base}/cut", name="Cut", check=False)
        subs.subscribe(f"{base}/gzip", name="Packed", check=False)
        cut, packed = _update("Cut"), _update("Packed")
    assert "closed the connection" in cut.error
    assert "compress" in packed.error
    for error in (cut.error, packed.error):
        assert "Error" not in error and "errno" not in error.lower()
    assert Item.select().count() == 0


def test_an_entry_whose_link_changed_takes_the_new_link(archive_db, httpserver: HTTPServer):
    host = httpserver.url_for("")
    first = story(1, host)
    httpserver.expect_request("/f").respond_with_data(rss([first]))
    subs.subscribe(httpserver.url_for("/f"), name="Desk", check=False)
    _update("Desk")
    httpserver.clear()
    moved = dataclasses.replace(first, link=f"{host}/2025/03/story-1")
    httpserver.expect_request("/f").respond_with_data(rss([moved]))
    _update("Desk")
    (item,) = Item.select()
    assert item.source_url == moved.link
    # The next update finds the story by its new link too: still one item, nothing new.
    again = _update("Desk")
    assert Item.select().count() == 1 and "1 new" not in again.line()
