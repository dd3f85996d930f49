"""A time the source did not state is marked "≈" wherever the list shows or copies it: the
table's Published column did, the timeline and Ctrl+C wrote it as if stated."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop_app.core.item import BRIEF, ItemData
from desktop_app.storage.items import save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_actions import set_timeline
from desktop_app.ui.archive.timeline_model import HEADING_ROLE
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

WHEN = dt.datetime(2024, 3, 14, 13, 53, tzinfo=dt.UTC)


@pytest.fixture
def stored_before(archive_db: object) -> dict[str, int]:
    return {
        "guessed": save_item(
            ItemData(BRIEF, "Світло повернули в Сумах", WHEN, date_estimated=True)
        ),
        "stated": save_item(ItemData(BRIEF, "Ppo active over Odesa", WHEN - dt.timedelta(hours=2))),
    }


def local(at: dt.datetime, form: str) -> str:
    return at.astimezone().strftime(form)


def test_the_timeline_marks_an_estimated_time(
    qtbot, window: MainWindow, stored_before: dict[str, int]
) -> None:
    view = window.archive_view
    set_timeline(view, True)
    reload_list(qtbot, window)
    model = view.timeline_model
    rows = [
        model.index(r, 0)
        for r in range(model.rowCount())
        if not model.data(model.index(r, 0), HEADING_ROLE)
    ]
    shown = [str(model.data(i)).strip() for i in rows]
    assert shown == [
        f"≈ {local(WHEN, '%H:%M')}   Світло повернули в Сумах",  # before: no ≈
        f"{local(WHEN - dt.timedelta(hours=2), '%H:%M')}   Ppo active over Odesa",
    ]
    spoken = str(model.data(rows[0], Qt.ItemDataRole.AccessibleTextRole))
    assert spoken.endswith("time estimated")


def test_copied_lines_mark_an_estimated_time(
    qtbot, window: MainWindow, stored_before: dict[str, int]
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(view.model.item_id(0) or -1)
    settle_window(qtbot, window)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    settle_window(qtbot, window)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    settle_window(qtbot, window)
    copied = QGuiApplication.clipboard().mimeData()
    assert copied.text() == (
        f"≈ {local(WHEN, '%Y-%m-%d %H:%M')} · Світло повернули в Сумах\n"
        f"{local(WHEN - dt.timedelta(hours=2), '%Y-%m-%d %H:%M')} · Ppo active over Odesa\n"
    )
    assert f"≈ {local(WHEN, '%Y-%m-%d %H:%M')} · " in copied.html()
