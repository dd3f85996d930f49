"""Lists in the reader keep their numbers: a list that goes on from an earlier one ("5. …")
is not renumbered from 1."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.items import save_item
from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def stored_list(archive_db: object) -> int:
    return save_item(
        ItemData(
            ARTICLE,
            "Five more steps for the repair crews",
            dt.datetime(2024, 5, 6, 9, 0, tzinfo=dt.UTC),
            body="Check the cables. Switch the feeder on. Call the dispatcher.",
            body_html=(
                '<ol start="5"><li>Check the cables.</li><li>Switch the feeder on.</li></ol>'
                '<ol start="x"><li>Call the dispatcher.</li></ol>'
            ),
        )
    )


def test_an_ordered_list_starting_at_five_shows_five(
    qtbot, window: MainWindow, stored_list: int
) -> None:
    reload_list(qtbot, window)
    window.archive_view.select_item(stored_list)
    settle_window(qtbot, window)
    doc = window.archive_view.reader.document()
    numbers = {}
    block = doc.begin()
    while block.isValid():
        if block.textList() is not None:
            numbers[block.text()] = block.textList().itemText(block)
        block = block.next()
    # Before: "1." and "2." — the list's start was dropped by the sanitiser.
    assert numbers == {
        "Check the cables.": "5.",
        "Switch the feeder on.": "6.",
        "Call the dispatcher.": "1.",  # a start that is not a number is not kept
    }
