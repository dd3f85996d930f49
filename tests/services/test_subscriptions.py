"""Subscribing and updating against a real local HTTP server (never the internet)."""

from __future__ import annotations

import gzip
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from desktop_app.services import subscriptions as subs
from desktop_app.services.fetching import Fetcher
from desktop_app.storage.db.models import Item, Source, SourceEntry
from tests.services.feed_server import conditional, rss, story, threaded_server


@pytest.fixture
def fetcher():
    with Fetcher(timeout=2.0, max_bytes=1024 * 1024) as client:
        yield client


def _titles() -> list[str]:
    return sorted(i.title for i in Item.select())


def test_subscribe_update_then_304_costs_one_request(archive_db, httpserver: HTTPServer, fetcher):
    feed = rss([story(1, httpserver.url_for("")), story(2, httpserver.url_for(""))], title="Desk")
    handler = conditional(feed, '"v1"')
    httpserver.expect_request("/feed").respond_with_handler(handler)
    info = subs.subscribe(httpserver.url_for("/feed"), fetcher=fetcher)
    assert info.name == "Desk" and info.settings.kind == "feed"

    first = subs.update(fetcher=fetcher)
    assert first.sources[0].stored is not None
    assert first.sources[0].stored.imported.items.added == 2
    assert len(_titles()) == 2

    second = subs.update(fetcher=fetcher)
    assert second.sources[0].not_modified, second.sources[0].line()
    assert handler.seen[-1] == '"v1"'  # the validator was sent
    stored = Source.get()
    assert stored.etag == '"v1"' and stored.failures == 0 and stored.succeeded_at is not None
    assert Item.select().count() == 2


def test_site_address_finds_its_feed_from_the_page(archive_db, httpserver: HTTPServer, fetcher):
    page = (
        b"<html><head><link rel='alternate' type='application/rss+xml' href='/news.xml'>"
        b"</head><body>Site</body></html>"
    )
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    feed = rss([story(1)], title="Site news")
    httpserver.expect_request("/news.xml").respond_with_data(feed, content_type="text/xml")
    info = subs.subscribe(httpserver.url_for("/"), name="Site", fetcher=fetcher)
    assert info.url == httpserver.url_for("/news.xml") and info.name == "Site"


def test_a_page_without_a_feed_is_refused_and_nothing_stored(archive_db, httpserver, fetcher):
    httpserver.expect_request("/").respond_with_data(b"<html><body>x</body></html>")
    with pytest.raises(subs.SubscribeError, match="names no feed"):
        subs.subscribe(httpserver.url_for("/"), fetcher=fetcher)
    assert Source.select().count() == 0


def test_permanent_redirect_updates_the_address_and_410_marks_it_gone(
    archive_db, httpserver: HTTPServer, fetcher
):
    httpserver.expect_request("/new").respond_with_data(rss([story(1)]), content_type="text/xml")
    httpserver.expect_request("/old").respond_with_data(
        b"", status=308, headers={"Location": "/new"}
    )
    subs.subscribe(httpserver.url_for("/old"), name="Moved", fetcher=fetcher, check=False)
    outcome = subs.update(fetcher=fetcher)
    assert "moved permanently" in outcome.sources[0].line()
    assert Source.get().url == httpserver.url_for("/new")

    httpserver.clear()
    httpserver.expect_request("/new").respond_with_data(b"", status=410)
    gone = subs.update(fetcher=fetcher)
    assert "gone (410)" in gone.sources[0].error
    assert Source.get().gone
    # A gone source is left alone by "update all", but still updates when named.
    assert subs.plan_updates() == []
    assert len(subs.plan_updates(["Moved"])) == 1


def test_a_301_then_308_chain_updates_the_address(archive_db, httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/final").respond_with_data(rss([story(1)]), content_type="text/xml")
    httpserver.expect_request("/mid").respond_with_data(
        b"", status=308, headers={"Location": "/final"}
    )
    httpserver.expect_request("/first").respond_with_data(
        b"", status=301, headers={"Location": "/mid"}
    )
    subs.subscribe(httpserver.url_for("/first"), name="Chain", fetcher=fetcher, check=False)
    outcome = subs.update(fetcher=fetcher)
    assert outcome.sources[0].stored is not None
    assert Source.get().url == httpserver.url_for("/final")


def test_temporary_redirect_keeps_the_address(archive_db, httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/tmp-target").respond_with_data(rss([story(1)]))
    httpserver.expect_request("/f").respond_with_data(
        b"", status=302, headers={"Location": "/tmp-target"}
    )
    subs.subscribe(httpserver.url_for("/f"), name="T", fetcher=fetcher, check=False)
    subs.update(fetcher=fetcher)
    assert Source.get().url == httpserver.url_for("/f")
    assert Item.select().count() == 1


def test_429_with_retry_after_is_honoured_and_500_backs_off(archive_db, httpserver, fetcher):
    httpserver.expect_request("/busy").respond_with_data(
        b"slow down", status=429, headers={"Retry-After": "3600"}
    )
    httpserver.expect_request("/broken").respond_with_data(b"oops", status=500)
    subs.subscribe(httpserver.url_for("/busy"), name="Busy", fetcher=fetcher, check=False)
    subs.subscribe(httpserver.url_for("/broken"), name="Broken", fetcher=fetcher, check=False)
    outcome = subs.update(fetcher=fetcher)
    by_name = {s.name: s for s in outcome.sources}
    assert "429" in by_name["Busy"].error and "500" in by_name["Broken"].error
    busy = Source.get(Source.name == "Busy")
    assert busy.retry_after is not None and busy.failures == 1
    assert Source.get(Source.name == "Broken").failures == 1
    # Neither is due now: the server's wait and the back-off are both respected.
    assert subs.plan_updates(due_only=True) == []
    requests_before = len(httpserver.log)
    again = subs.update(["Busy"], fetcher=Fetcher(timeout=2))
    assert "asked us to wait" in again.sources[0].error
    assert len(httpserver.log) == requests_before  # not asked at all


def test_slow_answer_times_out_and_does_not_block_another_source(archive_db):
    with threaded_server() as server:

        def slow(_request: Request) -> Response:
            time.sleep(1.5)
            return Response(rss([story(9)]), content_type="text/xml")

        server.expect_request("/slow").respond_with_handler(slow)
        server.expect_request("/fast").respond_with_data(rss([story(1)]), content_type="text/xml")
        with Fetcher(timeout=0.3) as quick:
            subs.subscribe(server.url_for("/slow"), name="Slow", fetcher=quick, check=False)
            subs.subscribe(server.url_for("/fast"), name="Fast", fetcher=quick, check=False)
            outcome = subs.update(fetcher=quick)
    by_name = {s.name: s for s in outcome.sources}
    assert "timed out" in by_name["Slow"].error
    assert by_name["Fast"].stored is not None and by_name["Fast"].stored.imported.items.added == 1


def test_gzip_answer_is_read(archive_db, httpserver: HTTPServer, fetcher):
    body = gzip.compress(rss([story(1), story(2)]))
    httpserver.expect_request("/gz").respond_with_data(
        body, content_type="application/rss+xml", headers={"Content-Encoding": "gzip"}
    )
    subs.subscribe(httpserver.url_for("/gz"), name="Gz", fetcher=fetcher, check=False)
    assert subs.update(fetcher=fetcher).sources[0].stored.imported.items.added == 2


def test_wrong_declared_charset_is_detected(archive_db, httpserver: HTTPServer, fetcher):
    text = (
        "<rss version='2.0'><channel><title>Новини</title><item><guid>a</guid>"
        "<title>Сили оборони відбили атаку біля Покровська.</title>"
        "<description>Українські захисники утримують позиції.</description>"
        "<pubDate>Sat, 01 Mar 2025 08:00:00 GMT</pubDate></item></channel></rss>"
    )
    # The server says UTF-8, the bytes are windows-1251, the file declares nothing.
    httpserver.expect_request("/cp").respond_with_data(
        text.encode("cp1251"), content_type="application/rss+xml; charset=utf-8"
    )
    # The server says windows-1251 and is right (the file declares nothing).
    httpserver.expect_request("/cp2").respond_with_data(
        text.replace("'a'", "'b'")
        .replace("<guid>a", "<guid>b")
        .replace("атаку", "наступ")
        .encode("cp1251"),
        content_type="text/xml; charset=windows-1251",
    )
    subs.subscribe(httpserver.url_for("/cp"), name="Cp", fetcher=fetcher, check=False)
    subs.subscribe(httpserver.url_for("/cp2"), name="Cp2", fetcher=fetcher, check=False)
    subs.update(fetcher=fetcher)
    titles = _titles()
    assert "Сили оборони відбили атаку біля Покровська." in titles
    assert "Сили оборони відбили наступ біля Покровська." in titles


def test_a_50_mb_body_is_cut_off_early(archive_db, httpserver: HTTPServer, fetcher):
    def huge(_request: Request) -> Response:
        chunk = b"<!-- " + b"x" * 65_000 + b" -->"

        def body():
            yield b"<rss version='2.0'><channel><title>Big</title>"
            for _ in range(50 * 1024 * 1024 // len(chunk)):
                yield chunk

        return Response(body(), content_type="text/xml")  # streamed: no Content-Length

    httpserver.expect_request("/huge").respond_with_handler(huge)
    httpserver.expect_request("/declared").respond_with_handler(
        lambda _r: Response(iter([b"x" * 10]), headers={"Content-Length": str(50 * 1024 * 1024)})
    )
    subs.subscribe(httpserver.url_for("/huge"), name="Huge", fetcher=fetcher, check=False)
    outcome = subs.update(fetcher=fetcher)
    assert "larger than 1 MB" in outcome.sources[0].error
    assert Item.select().count() == 0
    got = fetcher.get(httpserver.url_for("/declared"))
    assert "it says 52,428,800 bytes" in got.error and got.data == b""


def test_connection_refused_is_an_error_of_that_source_only(archive_db, httpserver, fetcher):
    httpserver.expect_request("/ok").respond_with_data(rss([story(1)]))
    subs.subscribe("http://127.0.0.1:9/feed", name="Down", fetcher=fetcher, check=False)
    subs.subscribe(httpserver.url_for("/ok"), name="Up", fetcher=fetcher, check=False)
    outcome = subs.update(fetcher=fetcher)
    by_name = {s.name: s for s in outcome.sources}
    # Said in words, not as the socket library's "[Errno 111] Connection refused".
    assert by_name["Down"].error == "cannot connect: the server refused the connection"
    assert Source.get(Source.name == "Down").last_error == by_name["Down"].error
    assert by_name["Up"].stored.imported.items.added == 1


def test_user_agent_names_the_program(archive_db, httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/ua").respond_with_data(rss([story(1)]))
    fetcher.get(httpserver.url_for("/ua"))
    request, _response = httpserver.log[-1]
    assert request.headers["User-Agent"].startswith("frontline-archive/")


def test_unsubscribe_keeps_the_items(archive_db, httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/f").respond_with_data(rss([story(1)]))
    subs.subscribe(httpserver.url_for("/f"), name="F", fetcher=fetcher)
    subs.update(fetcher=fetcher)
    subs.unsubscribe("F")
    assert Source.select().count() == 0 and SourceEntry.select().count() == 0
    assert Item.select().count() == 1


def test_at_most_two_requests_to_one_host_at_a_time():
    from concurrent.futures import ThreadPoolExecutor

    active, peak = [0], [0]
    import threading

    lock = threading.Lock()

    def handler(_request: Request) -> Response:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.15)
        with lock:
            active[0] -= 1
        return Response(rss([story(1)]), content_type="text/xml")

    with threaded_server() as server, Fetcher(timeout=5) as client:
        server.expect_request("/f").respond_with_handler(handler)
        with ThreadPoolExecutor(6) as pool:
            answers = list(pool.map(lambda _n: client.get(server.url_for("/f")), range(6)))
    assert all(a.ok for a in answers)
    assert peak[0] == 2


def test_503_without_retry_after_backs_off_the_host_for_the_run(httpserver: HTTPServer):
    httpserver.expect_request("/a").respond_with_data(b"busy", status=503)
    httpserver.expect_request("/b").respond_with_data(rss([story(1)]))
    with Fetcher(timeout=2) as client:
        first = client.get(httpserver.url_for("/a"))
        second = client.get(httpserver.url_for("/b"))
    assert "503" in first.error and first.retry_after is not None
    assert "asked us to wait" in second.error  # the same host, not asked again this run
    assert len(httpserver.log) == 1


def test_without_a_network_sources_stay_due_and_updates_resume(archive_db, httpserver, fetcher):
    import datetime as dt

    from desktop_app.storage.sources import Attempt, find_source, record_attempt

    httpserver.expect_request("/f").respond_with_data(rss([story(1)]))
    subs.subscribe(httpserver.url_for("/f"), name="F", fetcher=fetcher, check=False)
    assert subs.update(fetcher=fetcher).sources[0].stored is not None
    assert subs.plan_updates(due_only=True) == []  # checked just now: not due
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    Source.update(checked_at=now - dt.timedelta(hours=2)).execute()  # as if two hours ago

    # An update that found no network at all (what fetch_source records when the fetcher
    # says offline): no failure of the source, and no check either, so it stays due.
    source = find_source("F")
    assert source is not None
    record_attempt(
        source.id,
        Attempt(checked_at=now, ok=False, error="no network: network is unreachable", offline=True),
    )
    row = Source.get()
    assert row.failures == 0 and row.last_error.startswith("no network")
    assert [p.source.name for p in subs.plan_updates(due_only=True)] == ["F"]

    # The network is back: the next due update (the window's timer) asks the server.
    httpserver.clear()
    httpserver.expect_request("/f").respond_with_data(rss([story(1), story(2)]))
    resumed = subs.update(due_only=True, fetcher=fetcher)
    assert resumed.sources and resumed.sources[0].stored is not None
    assert resumed.sources[0].stored.imported.items.added == 1
    assert Source.get().last_error == "" and len(httpserver.log) == 1


def test_a_refused_connection_is_a_failure_of_that_source_and_backs_off(
    archive_db, httpserver: HTTPServer, fetcher
):
    subs.subscribe("http://127.0.0.1:9/feed", name="Down", check=False)
    outcome = subs.update(fetcher=fetcher)
    assert outcome.offline  # every source unreachable: the window says "offline"
    row = Source.get()
    assert row.failures == 1 and "cannot connect" in row.last_error
    assert subs.plan_updates(due_only=True) == []  # backs off (5 minutes, then longer)
