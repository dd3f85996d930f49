"""Editing an item keeps what the dialog does not show: the HTML of a body from a feed or a
page while its text is left as it was, and a time the source did not state (estimated, to the
second) while the time field is left as it was. Typing a body or a time replaces them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.items import get_item, save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import ItemDialog
from tests.ui.conftest import settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

KYIV = dt.timezone(dt.timedelta(hours=2))
HTML = (
    '<p>Графік діє до вечора, <a href="https://example.org/grafik">деталі</a>.</p>'
    "<ul><li>Черга перша</li><li>Черга друга</li></ul>"
)
PUBLISHED = dt.datetime(2024, 3, 1, 8, 14, 37, tzinfo=KYIV)


@pytest.fixture
def stored_before(archive_db: object) -> int:
    return save_item(
        ItemData(
            ARTICLE,
            "Графік відключень на суботу",
            PUBLISHED,
            body="Графік діє до вечора, деталі.\n\nЧерга перша\nЧерга друга",
            body_html=HTML,
            date_estimated=True,
            source_url="https://example.org/grafik",
        )
    )


def edit(qtbot, window: MainWindow, item_id: int) -> ItemDialog:
    stored = get_item(item_id)
    assert stored is not None
    dialog = ItemDialog(window, stored=stored)
    qtbot.addWidget(dialog)
    return dialog


def test_a_tag_typed_keeps_the_html_body_and_the_estimated_time(
    qtbot, window: MainWindow, stored_before: int
) -> None:
    dialog = edit(qtbot, window, stored_before)
    dialog.tags_edit.setText("енергетика")
    dialog.save()
    settle_window(qtbot, window)
    stored = get_item(stored_before)
    assert stored is not None and stored.data.tags == ("енергетика",)
    # Before: the markup was dropped (the reader lost the link and the list) and the time
    # said to be stated, its seconds cut.
    assert "<li>Черга друга</li>" in stored.data.body_html
    assert 'href="https://example.org/grafik"' in stored.data.body_html
    assert stored.data.date_estimated
    assert stored.data.published_at == PUBLISHED


def test_a_typed_body_or_time_replaces_the_markup_and_is_stated(
    qtbot, window: MainWindow, stored_before: int
) -> None:
    dialog = edit(qtbot, window, stored_before)
    dialog.body_edit.setPlainText("Графік скасовано.")
    typed = QDateTime(PUBLISHED.date(), dialog.time_edit.time().addSecs(3600))
    dialog.time_edit.setDateTime(typed)
    dialog.save()
    settle_window(qtbot, window)
    stored = get_item(stored_before)
    assert stored is not None
    assert stored.data.body == "Графік скасовано." and stored.data.body_html == ""
    assert not stored.data.date_estimated
    assert stored.data.published_at.timestamp() == typed.toSecsSinceEpoch()
