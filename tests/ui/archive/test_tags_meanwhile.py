"""t on one item while another program (a second window, a command, a team member) changes
the same item's tags: what each of them added or took away is kept, never the typed list
written over theirs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop_app.storage.items import get_item, set_tags
from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def tag_while_another_program_writes(
    qtbot, window: MainWindow, item_id: int, monkeypatch, theirs: tuple[str, ...], typed: str
) -> tuple[str, ...]:
    def answer(_parent, _title, _label, text="", **_k):
        # The dialog is open (it showed `text`); the other program writes now, on its own
        # connection (this thread's, not the window's lanes').
        set_tags(item_id, theirs)
        return typed, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(item_id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_T)
    settle_window(qtbot, window)
    stored = get_item(item_id)
    assert stored is not None
    return stored.data.tags


def test_a_tag_added_by_another_program_meanwhile_is_kept_beside_mine(
    qtbot, window: MainWindow, sample_items, monkeypatch
) -> None:
    tags = tag_while_another_program_writes(
        qtbot,
        window,
        sample_items["kyiv"],
        monkeypatch,
        theirs=("air defense", "kharkiv"),  # they added kharkiv
        typed="air defense, ports",  # I added ports
    )
    assert tags == ("air defense", "kharkiv", "ports")


def test_a_tag_taken_away_meanwhile_stays_away_and_mine_is_added(
    qtbot, window: MainWindow, sample_items, monkeypatch
) -> None:
    tags = tag_while_another_program_writes(
        qtbot,
        window,
        sample_items["kyiv"],
        monkeypatch,
        theirs=("energy",),  # they took air defense away, added energy
        typed="air defense, drones",  # I added drones
    )
    assert tags == ("energy", "drones")
    window.undo_action.trigger()  # my step only: their tags as they left them
    settle_window(qtbot, window)
    stored = get_item(sample_items["kyiv"])
    assert stored is not None and stored.data.tags == ("energy",)
