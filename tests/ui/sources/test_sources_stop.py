"""Stop during an update of the sources, in the real window against a local HTTP server."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from werkzeug import Request, Response

from desktop_app.services import subscriptions as subs
from desktop_app.storage.db.models import Item, Source
from tests.services.feed_server import rss, story, threaded_server
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
