"""The Sources panel and Update all (F5) in the real window, against a local HTTP server."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from desktop_app.services import subscriptions as subs
from desktop_app.ui.sources.sources_panel import NAME, STATUS, UNREAD
from tests.services.feed_server import rss, story
from tests.ui.conftest import settle_window


def _wait_update(qtbot, window) -> None:
    updater = window._sources_dock.updater
    # Generous: the first update starts the helper processes, slow on a loaded machine.
    qtbot.waitUntil(lambda: not updater.running, timeout=90000)
    settle_window(qtbot, window)


def test_f5_updates_in_the_background_and_the_list_keeps_its_selection(
    qtbot, window, httpserver: HTTPServer
):
    host = httpserver.url_for("")
    httpserver.expect_request("/f").respond_with_data(rss([story(1, host), story(2, host)]))
    subs.subscribe(httpserver.url_for("/f"), name="Desk", check=False)
    view = window.archive_view
    window.ensure_built()
    window.update_sources_action.trigger()
    _wait_update(qtbot, window)
    assert view.model.rowCount() == 2
    view.table.selectRow(1)
    selected = view.selected_id()

    httpserver.clear()
    httpserver.expect_request("/f").respond_with_data(
        rss([story(1, host), story(2, host), story(3, host)])
    )
    window.update_sources_action.trigger()
    _wait_update(qtbot, window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10000)
    assert view.selected_id() == selected
    assert "Sources updated: 1 new" in window.statusBar().currentMessage()

    panel = window._sources_dock.panel
    # Three items, one read by selecting it: two unread.
    qtbot.waitUntil(
        lambda: (
            panel.tree.topLevelItemCount() == 1 and panel.tree.topLevelItem(0).text(UNREAD) == "2"
        ),
        timeout=5000,
    )
    row = panel.tree.topLevelItem(0)
    assert row.text(NAME) == "Desk" and row.text(STATUS) == "OK"


def test_offline_says_so_in_the_status_bar_and_the_panel_shows_why(qtbot, window):
    subs.subscribe("http://127.0.0.1:9/feed", name="Down", check=False)
    window.ensure_built()
    window.update_sources_action.trigger()
    _wait_update(qtbot, window)
    assert window.statusBar().currentMessage().startswith("offline — last update never")
    panel = window._sources_dock.panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    assert panel.tree.topLevelItem(0).text(STATUS) == "failing"
    assert panel.details.text().startswith("1 source")  # (failing; the plural form is the .qm's)
    panel.tree.topLevelItem(0).setSelected(True)
    assert "cannot connect" in panel.details.text()
    from tests.ui.conftest import last_message

    assert last_message(window) is None  # no error dialog


def test_the_timer_updates_due_sources_by_itself(qtbot, window, httpserver: HTTPServer):
    httpserver.expect_request("/f").respond_with_data(rss([story(1, httpserver.url_for(""))]))
    subs.subscribe(httpserver.url_for("/f"), name="Desk", check=False)
    window.ensure_built()
    updater = window._sources_dock.updater
    updater.start_timer(first_ms=0)
    qtbot.waitUntil(lambda: len(httpserver.log) == 1, timeout=30000)
    _wait_update(qtbot, window)
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 1, timeout=10000)
    assert updater.timer.isActive()
    # Checked just now, so the next tick asks nothing.
    assert updater.update(due_only=True, quiet=True)
    _wait_update(qtbot, window)
    assert len(httpserver.log) == 1
