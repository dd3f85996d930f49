"""Fetching in the child process (as the window does), against a real local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from desktop_app.services import subscriptions as subs
from desktop_app.services.source_fetch import SourceFetch
from desktop_app.services.source_process import FetchProcess, fetch_all
from desktop_app.storage.db.models import Item
from tests.services.feed_server import rss, silent_server, story


@pytest.fixture
def sqlite_archive(tmp_path: Path) -> Iterator[object]:
    from desktop_app.storage.db.connection import open_database

    db = open_database(tmp_path / "archive.sqlite")
    yield db
    db.close()


@pytest.fixture
def child() -> Iterator[FetchProcess]:
    process = FetchProcess()
    yield process
    process.close()


def test_the_child_fetches_and_what_comes_back_is_stored(
    sqlite_archive, httpserver: HTTPServer, child: FetchProcess
):
    host = httpserver.url_for("")
    httpserver.expect_request("/a").respond_with_data(rss([story(1, host), story(2, host)]))
    httpserver.expect_request("/b").respond_with_data("broken", status=500)
    subs.subscribe(httpserver.url_for("/a"), name="A", check=False)
    subs.subscribe(httpserver.url_for("/b"), name="B", check=False)
    got: list[SourceFetch] = []

    assert child.fetch(subs.plan_updates(), got.append, threading.Event()) == 2
    by_name = {f.plan.source.name: f for f in got}
    assert len(by_name["A"].entries) == 2 and by_name["A"].attempt.ok
    assert "500" in by_name["B"].attempt.error
    outcome = subs.store_fetches(got)
    assert sorted(i.title for i in Item.select()) == sorted(
        [story(1, host).title, story(2, host).title]
    )
    assert any(s.error for s in outcome.sources if s.name == "B")

    # The same child serves the next update (kept while the window is open).
    first = child._process
    got.clear()
    assert child.fetch(subs.plan_updates(["A"]), got.append, threading.Event()) == 1
    assert child._process is first and first.is_alive()


def test_close_ends_the_child(sqlite_archive, httpserver: HTTPServer, child: FetchProcess):
    httpserver.expect_request("/a").respond_with_data(rss([story(1, httpserver.url_for(""))]))
    subs.subscribe(httpserver.url_for("/a"), name="A", check=False)
    child.fetch(subs.plan_updates(), lambda _f: None, threading.Event())
    process = child._process
    child.close()
    assert not process.is_alive()


def test_a_stopped_update_returns_at_once(sqlite_archive, child: FetchProcess):
    subs.subscribe("http://127.0.0.1:9/feed", name="Down", check=False)
    stop = threading.Event()
    stop.set()
    assert child.fetch(subs.plan_updates(), lambda _f: None, stop) == 0


def _stop_once_asked(accepted: list[object]) -> threading.Event:
    """An event set as soon as the silent host has the request (as a user presses Stop)."""
    stop = threading.Event()

    def watch() -> None:
        while not accepted:
            threading.Event().wait(0.05)
        stop.set()

    threading.Thread(target=watch, daemon=True).start()
    return stop


def _within(seconds: float, work) -> object:
    """`work()`'s value, failing when it has not come back in `seconds` (well within the
    stalled request's own 20-s timeout: it was waited for, not abandoned)."""
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert out, f"still waiting after {seconds} s"
    return out[0]


def test_stop_abandons_a_stalled_host_and_the_next_update_starts_at_once(
    sqlite_archive, httpserver: HTTPServer, child: FetchProcess
):
    httpserver.expect_request("/a").respond_with_data(rss([story(1, httpserver.url_for(""))]))
    with silent_server() as (silent, accepted):
        subs.subscribe(silent + "/feed", name="Silent", check=False)
        subs.subscribe(httpserver.url_for("/a"), name="A", check=False)
        stalled = subs.plan_updates(["Silent"])
        stop = _stop_once_asked(accepted)
        assert _within(60, lambda: child.fetch(stalled, lambda _f: None, stop)) == 0
        # The next update at once, the stopped one's request still unanswered.
        got: list[SourceFetch] = []
        plans = subs.plan_updates(["A"])
        assert _within(10, lambda: child.fetch(plans, got.append, threading.Event())) == 1
        assert got[0].attempt.ok


def test_fetching_in_this_process_stops_at_once_on_a_stalled_host(sqlite_archive):
    with silent_server() as (silent, accepted):
        subs.subscribe(silent + "/feed", name="Silent", check=False)
        got: list[SourceFetch] = []
        stop = _stop_once_asked(accepted)
        _within(10, lambda: fetch_all(subs.plan_updates(), got.append, stop))
        assert got == []
