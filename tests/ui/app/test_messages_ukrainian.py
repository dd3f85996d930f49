"""Messages made below the window (services, storage) shown in the Ukrainian window: a feed's
fetch error, a pasted text without a page, an edit or an undo refused because someone else
changed the item. Each is driven through the real window on a real archive."""

from __future__ import annotations

import re
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytest_httpserver import HTTPServer

from desktop_app.core.item import ItemData
from desktop_app.services import subscriptions as subs
from desktop_app.storage.items import get_item, save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import NO_REPORT
from desktop_app.ui.sources.sources_panel import NAME, STATUS
from desktop_app.ui.sources.subscribe_dialog import SubscribeDialog
from desktop_app.ui.transfer.page_dialog import PageDialog
from tests.ui.archive.test_item_dialog_conflict import conflict_box, open_editor
from tests.ui.conftest import last_message, settle, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

LATIN = re.compile(r"[A-Za-z]{3,}")


def english_words(text: str) -> list[str]:
    """Latin words left in a Ukrainian text (a URL's, a title's and "UTC" aside)."""
    text = re.sub(r"https?://\S+|“[^”]*”|UTC", "", text)
    return LATIN.findall(text)


def test_a_failing_feed_says_why_in_ukrainian(
    qtbot, ukrainian, window: MainWindow, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    subs.subscribe(httpserver.url_for("/broken"), name="Broken", check=False)
    window.ensure_built()
    updater = window._sources_dock.updater
    window.update_sources_action.trigger()
    qtbot.waitUntil(lambda: not updater.running, timeout=90000)
    settle_window(qtbot, window)
    panel = window._sources_dock.panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    row = panel.tree.topLevelItem(0)
    assert row.text(NAME) == "Broken"
    row.setSelected(True)
    details = panel.details.text()
    assert "збій на сервері (500)" in details, details
    assert "server failed" not in details
    assert english_words(row.toolTip(STATUS) or row.text(STATUS)) == []


def test_a_pasted_text_without_a_page_says_why_in_ukrainian(
    qtbot, ukrainian, window: MainWindow
) -> None:
    QGuiApplication.clipboard().clear()
    window.paste_page_action.trigger()
    dialog = window.findChild(PageDialog)
    assert isinstance(dialog, PageDialog)
    dialog.paste_box.setPlainText("Просто кілька слів без статті й без коротких новин.")
    dialog.read_button.click()
    settle(qtbot, window.runner)
    shown = dialog.found_label.text()
    assert "не знайдено ні статті з датою під заголовком, ні коротких новин" in shown, shown
    assert english_words(shown) == []


def test_a_stale_edit_is_refused_in_ukrainian(
    qtbot, ukrainian, window: MainWindow, sample_items
) -> None:
    item_id = sample_items["odesa"]
    dialog = open_editor(qtbot, window, item_id)
    stored = get_item(item_id)
    assert stored is not None
    save_item(ItemData(**{**stored.data.__dict__, "title": "Changed elsewhere"}), item_id)
    dialog.title_edit.setText("Port of Odesa closed for a day")
    dialog.save()
    box = conflict_box(qtbot, window, dialog)
    shown = box.message_label.text()
    assert re.fullmatch(
        r"«Port of Odesa closed for a day» змінено, поки ви редагували "
        r"\(інша програма, [-\d :]+\); нічого не збережено",
        shown,
    ), shown
    box.reject()


def test_an_undo_over_someone_elses_change_is_refused_in_ukrainian(
    qtbot, ukrainian, window: MainWindow, sample_items
) -> None:
    item_id = sample_items["odesa"]
    dialog = open_editor(qtbot, window, item_id)
    dialog.title_edit.setText("Port of Odesa closed for a day")
    dialog._ask_report_choice = lambda *_a: NO_REPORT  # type: ignore[method-assign]
    dialog.save()
    settle_window(qtbot, window)
    stored = get_item(item_id)
    assert stored is not None and stored.data.title == "Port of Odesa closed for a day"
    save_item(ItemData(**{**stored.data.__dict__, "title": "Changed elsewhere"}), item_id)
    window.undo_action.trigger()
    settle_window(qtbot, window)
    qtbot.waitUntil(lambda: last_message(window) is not None)
    kind, shown = last_message(window)  # type: ignore[misc]
    assert kind == "error"
    assert "після цього ще раз змінено (інша програма, " in shown, shown
    assert "Нічого не змінено" in shown
    assert "was changed by" not in shown
    assert get_item(item_id).data.title == "Changed elsewhere"  # type: ignore[union-attr]


def test_an_address_without_a_feed_is_refused_in_ukrainian(
    qtbot, ukrainian, window: MainWindow, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/page").respond_with_data(
        b"<html><head><title>Desk</title></head><body>Words only</body></html>",
        content_type="text/html",
    )
    window.ensure_built()
    panel = window._sources_dock.panel
    panel.ask_subscribe()
    dialog = panel.findChild(SubscribeDialog)
    assert dialog is not None
    dialog.url.setText(httpserver.url_for("/page"))
    dialog.name.setText("Desk")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=20000)
    shown = dialog.error.text()
    assert "це не стрічка, і сторінка не вказує жодної стрічки; підписку не додано" in shown
    assert english_words(shown) == []


def test_a_taken_source_name_is_refused_in_ukrainian(qtbot, ukrainian, window: MainWindow) -> None:
    subs.subscribe("http://127.0.0.1:9/feed", name="Desk", check=False)
    subs.subscribe("http://127.0.0.1:9/other", name="Other", check=False)
    window.ensure_built()
    panel = window._sources_dock.panel
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)
    dialog = panel.edit_source("Desk")
    assert dialog is not None
    dialog.name.setText("other")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10000)
    assert dialog.error.text() == "назва: джерело з назвою 'other' уже є"
    assert dialog.isVisible()


def test_a_write_while_another_program_writes_is_refused_in_ukrainian(
    qtbot, ukrainian, window: MainWindow, sample_items, tmp_path
) -> None:
    from desktop_app.storage.db.models import database_proxy

    item_id = sample_items["odesa"]
    dialog = open_editor(qtbot, window, item_id)
    window.runner.write("busy", lambda: database_proxy.execute_sql("PRAGMA busy_timeout=100"))
    settle(qtbot, window.runner)
    other = sqlite3.connect(tmp_path / "archive.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        dialog.title_edit.setText("Port of Odesa closed for a day")
        dialog._ask_report_choice = lambda *_a: NO_REPORT  # type: ignore[method-assign]
        dialog.save()
        settle_window(qtbot, window)
    finally:
        other.rollback()
        other.close()
    shown = dialog.error_label.text()
    assert "інша програма саме записує до архіву; спробуйте ще раз" in shown, shown
    assert english_words(shown) == []


def test_a_refused_connection_is_said_in_ukrainian_words(ukrainian) -> None:
    """The socket library's "[Errno 111] Connection refused" is said in words, and the
    words are the window's language, not English inside a Ukrainian frame."""
    import socket

    from desktop_app.services.fetching import Fetcher
    from desktop_app.ui.common.i18n import localized

    with socket.socket() as closed:  # a port nothing listens on once this is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with Fetcher(timeout=2.0, max_bytes=1024) as client:
        error = client.get(f"http://127.0.0.1:{port}/feed").error
    assert error == "cannot connect: the server refused the connection"
    shown = localized(error)
    assert shown == "не вдається зʼєднатися: сервер відхилив зʼєднання", shown


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ftp://files.example/feed.xml", "стежити можна лише за адресами http:// і https://"),
        ("news example", "це не вебадреса; підписку не додано"),
    ],
)
def test_an_address_that_is_not_a_web_one_is_refused_in_ukrainian(
    ukrainian, archive_db, typed: str, expected: str
) -> None:
    from desktop_app.ui.common.i18n import localized

    with pytest.raises(subs.SubscribeError) as refused:
        subs.subscribe(typed, name="Files", check=False)
    shown = localized(str(refused.value))
    assert shown.startswith(typed + ": "), shown
    assert expected in shown, shown
    said = shown.removeprefix(typed).replace("https://", "").replace("http://", "")
    assert english_words(said) == []
