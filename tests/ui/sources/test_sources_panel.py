"""The Sources panel and Update all (F5) in the real window, against a local HTTP server."""

from __future__ import annotations

from pytest_httpserver import HTTPServer
from shiboken6 import isValid

from desktop_app.services import subscriptions as subs
from desktop_app.ui.sources.sources_panel import NAME, STATUS, UNREAD
from desktop_app.ui.sources.subscribe_dialog import SubscribeDialog
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


def test_edit_changes_a_sources_settings_in_one_write(qtbot, window):
    from PySide6.QtCore import Qt

    from desktop_app.storage.db.models import Source

    subs.subscribe("http://127.0.0.1:9/feed", name="Desk", every=30, tags=["ua"], check=False)
    subs.subscribe("http://127.0.0.1:9/other", name="Other", check=False)
    window.ensure_built()
    panel = window._sources_dock.panel
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)

    # A double click opens the source's settings; the address is shown, not editable.
    row = panel.tree.topLevelItem(0)
    panel.tree.itemDoubleClicked.emit(row, NAME)
    dialog = panel.findChild(SubscribeDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.url.isReadOnly() and dialog.url.text() == "http://127.0.0.1:9/feed"
    assert (dialog.name.text(), dialog.every.value(), dialog.tags.text()) == ("Desk", 30, "ua")
    dialog.name.setText("Kyiv desk")
    dialog.kind.setCurrentIndex(dialog.kind.findData("brief"))
    dialog.full_text.setChecked(True)
    dialog.every.setValue(15)
    dialog.tags.setText("energy, front")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: row_id("Kyiv desk") is not None, timeout=10000)
    stored = Source.get(Source.name == "Kyiv desk")
    assert (stored.as_kind, stored.full_text, stored.every_minutes, stored.tags) == (
        "brief",
        True,
        15,
        "energy, front",
    )
    # The panel follows, and the status bar says what was saved.
    qtbot.waitUntil(lambda: "Kyiv desk" in panel_names(panel), timeout=5000)
    assert "Settings of Kyiv desk saved" in window.statusBar().currentMessage()

    # Another source's name is refused, said in the dialog, which stays open with what was
    # typed; nothing changes until the name is mended.
    dialog = panel.edit_source("Kyiv desk")
    assert dialog is not None
    dialog.name.setText("other")
    dialog.every.setValue(5)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert "exists already" in dialog.error.text()
    assert dialog.isVisible() and dialog.ok.isEnabled()
    assert (dialog.name.text(), dialog.every.value()) == ("other", 5)
    assert Source.get(Source.name == "Kyiv desk").every_minutes == 15
    dialog.name.setText("Kyiv desk 2")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=10000)
    assert Source.get(Source.name == "Kyiv desk 2").every_minutes == 5


def row_id(name: str) -> int | None:
    from desktop_app.storage.db.models import Source

    found = Source.get_or_none(Source.name == name)
    return None if found is None else found.id


def panel_names(panel) -> list[str]:
    return [panel.tree.topLevelItem(i).text(NAME) for i in range(panel.tree.topLevelItemCount())]


def test_a_refresh_changes_rows_in_place_keeping_the_selection(qtbot, window):
    from dataclasses import replace

    subs.subscribe("http://127.0.0.1:9/a", name="A", check=False)
    subs.subscribe("http://127.0.0.1:9/b", name="B", check=False)
    window.ensure_built()
    panel = window._sources_dock.panel
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)
    rows = [panel.tree.topLevelItem(i) for i in range(2)]
    rows[1].setSelected(True)

    # An update changed B's counts: the same rows, B still selected, its count shown.
    counted = [panel.sources[0], replace(panel.sources[1], items=7, unread=5)]
    panel._show(counted)
    assert [panel.tree.topLevelItem(i) for i in range(2)] == rows
    assert rows[1].text(UNREAD) == "5" and panel.selected_names() == ["B"]

    # A source added: the list is laid anew, the selection kept by name.
    subs.subscribe("http://127.0.0.1:9/0", name="0 first", check=False)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 3, timeout=5000)
    assert panel_names(panel) == ["0 first", "A", "B"] and panel.selected_names() == ["B"]


def test_some_sources_failing_is_said_briefly_not_as_offline(qtbot, window, httpserver: HTTPServer):
    host = httpserver.url_for("")
    httpserver.expect_request("/ok").respond_with_data(rss([story(1, host)]))
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    subs.subscribe(httpserver.url_for("/ok"), name="Good", check=False)
    subs.subscribe(httpserver.url_for("/broken"), name="Broken", check=False)
    window.ensure_built()
    window.update_sources_action.trigger()
    _wait_update(qtbot, window)

    message = window.statusBar().currentMessage()
    assert message.startswith("Sources updated: 1 new · 1 source failed"), message
    assert "offline" not in message
    panel = window._sources_dock.panel
    qtbot.waitUntil(
        lambda: (
            {
                panel.tree.topLevelItem(i).text(NAME): panel.tree.topLevelItem(i).text(STATUS)
                for i in range(panel.tree.topLevelItemCount())
            }
            == {"Broken": "failing", "Good": "OK"}
        ),
        timeout=5000,
    )
    panel.tree.topLevelItem(0).setSelected(True)  # Broken, first by name
    assert "500" in panel.details.text()
    from tests.ui.conftest import last_message

    assert last_message(window) is None  # no error dialog


def test_new_items_keep_the_lists_selection_and_scroll_position(
    qtbot, window, httpserver: HTTPServer
):
    host = httpserver.url_for("")
    httpserver.expect_request("/f").respond_with_data(rss([story(n, host) for n in range(80)]))
    subs.subscribe(httpserver.url_for("/f"), name="Desk", check=False)
    view = window.archive_view
    window.ensure_built()
    window.update_sources_action.trigger()
    _wait_update(qtbot, window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 80, timeout=10000)
    bar = view.table.verticalScrollBar()
    assert bar.maximum() > 0  # the list scrolls
    bar.setValue(bar.maximum() // 2)
    row = view.table.rowAt(view.table.viewport().height() // 2)
    view.table.selectRow(row)
    selected, position = view.selected_id(), bar.value()

    httpserver.clear()
    httpserver.expect_request("/f").respond_with_data(rss([story(n, host) for n in range(81)]))
    window.update_sources_action.trigger()
    _wait_update(qtbot, window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 81, timeout=10000)
    assert view.selected_id() == selected
    assert bar.value() == position


def test_columns_still_fit_their_texts_after_a_refresh_changes_them(qtbot, window):
    from PySide6.QtWidgets import QHeaderView

    from desktop_app.ui.sources.sources_panel import UPDATED

    for n in range(3):
        subs.subscribe(f"http://127.0.0.1:9/feed/{n}", name=f"Down {n}", check=False)
    window.ensure_built()
    window.update_sources_action.trigger()
    _wait_update(qtbot, window)
    panel = window._sources_dock.panel
    tree = panel.tree
    qtbot.waitUntil(lambda: tree.topLevelItem(0).text(STATUS) == "failing", timeout=5000)
    header, metrics = tree.header(), tree.fontMetrics()
    for column in (UNREAD, UPDATED, STATUS):
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents
        widest = max(metrics.horizontalAdvance(tree.topLevelItem(r).text(column)) for r in range(3))
        assert header.sectionSize(column) >= widest


def test_closing_the_lanes_stops_the_updates_first(qtbot, window):
    # The event loop may end without the window closing (QApplication.exit): the runner's
    # close is what every ending goes through, and updates stop before the lanes close.
    window.ensure_built()
    updater = window._sources_dock.updater
    updater.timer.start()
    window.runner.close()
    assert not updater.timer.isActive()


def test_an_empty_list_says_how_sources_are_added_and_the_hint_goes_with_the_first(qtbot, window):
    window.ensure_built()
    panel = window._sources_dock.panel
    assert panel.details.text().startswith("No sources yet. Add… takes a feed's")
    subs.subscribe("http://127.0.0.1:9/a", name="A", check=False)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    assert "No sources yet" not in panel.details.text()
    subs.unsubscribe("A")
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 0, timeout=5000)
    assert panel.details.text().startswith("No sources yet.")


def test_a_source_another_program_wrote_into_is_listed_and_the_others_updated(
    qtbot, window, httpserver: HTTPServer
):
    from desktop_app.storage.db.models import database_proxy

    host = httpserver.url_for("")
    httpserver.expect_request("/ok").respond_with_data(rss([story(1, host)]))
    subs.subscribe(httpserver.url_for("/ok"), name="Good", check=False)
    subs.subscribe(httpserver.url_for("/odd"), name="Odd", check=False)
    # As another program would write it (SQLite keeps any type in any column).
    database_proxy.execute_sql("UPDATE source SET every_minutes = 'zzz' WHERE name = 'Odd'")
    window.ensure_built()
    window.update_sources_action.trigger()
    _wait_update(qtbot, window)

    assert window.statusBar().currentMessage().startswith("Sources updated: 1 new · 1 source")
    assert [entry.path for entry, _answer in httpserver.log] == ["/ok"]  # "Odd" not fetched
    panel = window._sources_dock.panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)
    rows = [panel.tree.topLevelItem(i) for i in range(2)]
    assert [(r.text(NAME), r.text(STATUS)) for r in rows] == [("Good", "OK"), ("Odd", "failing")]
    rows[1].setSelected(True)
    assert "every_minutes: 'zzz' is not a whole number" in panel.details.text()
    from tests.ui.conftest import last_message

    assert last_message(window) is None  # no error dialog

    # Its settings say what the interval shown in place of 'zzz' is; saving replaces it.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    dialog = panel.edit_source("Odd")
    assert dialog is not None
    said = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("Another program wrote a value" in t and "'zzz'" in t for t in said), said
    dialog.every.setValue(45)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    interval = "SELECT every_minutes FROM source WHERE name = 'Odd'"  # 'zzz' until written
    qtbot.waitUntil(lambda: database_proxy.execute_sql(interval).fetchone() == (45,), timeout=10000)

    def odd_status() -> str:
        found = panel.tree.findItems("Odd", Qt.MatchFlag.MatchExactly, NAME)
        return found[0].text(STATUS) if found else ""

    qtbot.waitUntil(lambda: odd_status() == "new", timeout=10000)  # no error left


def test_the_last_update_times_stay_true_while_the_panel_shows(qtbot, window):
    import datetime as dt

    from PySide6.QtCore import QTimer

    from desktop_app.storage.db.models import Source
    from desktop_app.ui.sources.sources_panel import UPDATED

    answered = dt.datetime.now(dt.UTC).replace(microsecond=0)
    subs.subscribe("http://127.0.0.1:9/a", name="A", check=False)
    Source.update(succeeded_at=answered, checked_at=answered).execute()
    window.ensure_built()
    dock = window._sources_dock
    panel = dock.panel
    clock = [answered + dt.timedelta(seconds=10)]
    panel.now = lambda: clock[0]
    dock.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    row = panel.tree.topLevelItem(0)
    row.setSelected(True)
    assert row.text(UPDATED) == "just now"
    assert "Last asked: just now" in panel.details.text()

    # Nothing about the source changes; time passes, and the panel's clock ticks.
    ticking = panel.findChild(QTimer, "sourceTimesClock")
    assert ticking is not None and ticking.isActive()
    clock[0] = answered + dt.timedelta(minutes=5, seconds=10)
    ticking.timeout.emit()
    assert row.text(UPDATED) == "5 min ago"
    assert "Last asked: 5 min ago" in panel.details.text()

    # Hidden, the clock stops; shown again, the times are said as of then at once.
    dock.hide()
    assert not ticking.isActive()
    clock[0] = answered + dt.timedelta(hours=2)
    dock.show()
    assert ticking.isActive()
    assert row.text(UPDATED) == "2 h ago"


def test_delete_in_the_list_removes_the_chosen_source_after_asking(qtbot, window, monkeypatch):
    """Remove has no Alt letter left beside the window's: Delete in the list is its key
    (the window's own Delete, which deletes articles, does not take it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    subs.subscribe("http://127.0.0.1:9/a", name="Alpha", check=False)
    subs.subscribe("http://127.0.0.1:9/b", name="Beta", check=False)
    window.ensure_built()
    window.show()
    panel = window._sources_dock.panel
    window._sources_dock.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(panel_names(panel).index("Beta")))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "“Beta”" in asked[0]
    qtbot.waitUntil(lambda: row_id("Beta") is None, timeout=10000)
    assert row_id("Alpha") is not None


def test_an_address_without_a_feed_keeps_the_add_dialog_open_with_what_was_typed(
    qtbot, window, httpserver: HTTPServer
):
    from PySide6.QtCore import Qt

    from desktop_app.storage.db.models import Source

    httpserver.expect_request("/page").respond_with_data(
        b"<html><head><title>No feed</title></head><body>Hello</body></html>",
        content_type="text/html",
    )
    httpserver.expect_request("/feed").respond_with_data(
        rss([story(1)]), content_type="application/rss+xml"
    )
    window.ensure_built()
    panel = window._sources_dock.panel
    panel.ask_subscribe()
    dialog = panel.findChild(SubscribeDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.url.setText(httpserver.url_for("/page"))
    dialog.name.setText("Desk")
    dialog.tags.setText("ua, energy")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=20000)
    assert "names no feed" in dialog.error.text()
    assert (dialog.name.text(), dialog.tags.text()) == ("Desk", "ua, energy")
    assert Source.select().count() == 0
    dialog.url.setText(httpserver.url_for("/feed"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=20000)
    stored = Source.get(Source.name == "Desk")
    assert stored.tags == "ua, energy"
    _wait_update(qtbot, window)
