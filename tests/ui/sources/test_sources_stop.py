"""Stop during an update of the sources, in the real window against a local HTTP server."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from werkzeug import Request, Response

from desktop_app.services import subscriptions as subs
from desktop_app.storage.db.models import Item, Source
from tests.services.feed_server import rss, silent_server, story, threaded_server
from tests.ui.conftest import settle_window


def test_stop_ends_an_update_and_leaves_the_sources_not_stored_as_they_were(qtbot, window):
    release = threading.Event()
    with threaded_server() as server:
        host = server.url_for("")

        def stalls(_request: Request) -> Response:
            release.wait(30)  # a server that does not answer until the test lets it
            return Response(rss([story(2, host, prefix="slow")]), content_type="text/xml")

        server.expect_request("/fast").respond_with_data(rss([story(1, host, prefix="fast")]))
        server.expect_request("/slow").respond_with_handler(stalls)
        subs.subscribe(server.url_for("/fast"), name="Fast", check=False)
        subs.subscribe(server.url_for("/slow"), name="Slow", check=False)
        window.ensure_built()
        panel = window._sources_dock.panel
        assert not panel.stop_button.isEnabled()  # nothing to stop
        try:
            window.update_sources_action.trigger()
            assert panel.stop_button.isEnabled()
            # The fast source is stored while the slow one still waits for its answer.
            qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 1, timeout=90000)
            qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not panel.updater.running, timeout=30000)
            settle_window(qtbot, window)
            assert "stopped" in window.statusBar().currentMessage()
            assert not panel.stop_button.isEnabled()
        finally:
            release.set()
        # What was stored stays; the slow source is as it was: not asked, no error, due.
        assert [i.title for i in Item.select()] == [story(1, prefix="fast").title]
        slow = Source.get(Source.name == "Slow")
        assert (slow.checked_at, slow.last_error, slow.failures) == (None, "", 0)
        assert Source.get(Source.name == "Fast").succeeded_at is not None


def test_stop_abandons_a_stalled_request_and_the_next_update_starts_at_once(qtbot, window):
    """A host that accepts and never answers: Stop ends the update at once, the next update
    fetches the other sources at once (not after the stalled request's 20-s timeout), and
    the stalled source is left as it was."""
    asked: list[str] = []
    with threaded_server() as server, silent_server() as (silent, accepted):
        host = server.url_for("")

        def fast(request: Request) -> Response:
            asked.append(request.path)
            return Response(rss([story(1, host, prefix="fast")]), content_type="text/xml")

        server.expect_request("/fast").respond_with_handler(fast)
        subs.subscribe(server.url_for("/fast"), name="Fast", check=False)
        subs.subscribe(silent + "/feed", name="Silent", check=False)
        window.ensure_built()
        panel = window._sources_dock.panel
        window.update_sources_action.trigger()
        qtbot.waitUntil(lambda: len(accepted) == 1, timeout=90000)
        qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 1, timeout=30000)
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
        # Well within the stalled request's own timeout (services.fetching, 20 s).
        qtbot.waitUntil(lambda: not panel.updater.running, timeout=10000)
        settle_window(qtbot, window)

        window.update_sources_action.trigger()
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=10000)
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.updater.running, timeout=10000)
        settle_window(qtbot, window)
    silent_row = Source.get(Source.name == "Silent")
    assert (silent_row.checked_at, silent_row.last_error, silent_row.failures) == (None, "", 0)
    assert [i.title for i in Item.select()] == [story(1, prefix="fast").title]
