"""An article saved west of Kyiv in the evening, stating the report of Kyiv's new day: the
report is offered, as the importers take it (the day is today in Kyiv, not in the future)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDateTime

from desktop_app.core.validation import latest_report_date
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import NO_REPORT, ItemDialog
from tests.ui.conftest import settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def far_west(monkeypatch) -> Iterator[None]:
    """A local clock 23 h 59 min behind UTC: Kyiv's day is the next one but for one minute."""
    monkeypatch.setenv("TZ", "WEST+23:59")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_report_of_kyivs_new_day_is_offered(qtbot, window: MainWindow, monkeypatch, far_west):
    kyiv_day = latest_report_date()
    assert kyiv_day > dt.date.today()
    asked: list[object] = []
    dialog = ItemDialog(window, kind="article")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Losses of the day")
    dialog.body_edit.setPlainText(
        f"Загальні бойові втрати противника з 24.02.22 по {kyiv_day:%d.%m.%y} орієнтовно "
        "склали: танків ‒ 13900 (+4) од."
    )
    dialog.time_edit.setDateTime(QDateTime.currentDateTime())
    monkeypatch.setattr(
        dialog, "_ask_report_choice", lambda report, *_rest: asked.append(report) or NO_REPORT
    )
    dialog.save()
    settle_window(qtbot, window)
    assert [r.date for r in asked] == [kyiv_day]  # type: ignore[attr-defined]
