"""Editing a report another program saved since the dialog opened (on a file): nothing is
overwritten; the dialog shows their version beside mine and overwrites only when asked.
(Two users on a server: test_report_conflict_team.)"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_report, save_report
from desktop_app.ui.common.conflict_dialog import ConflictDialog
from tests.ui.losses.test_report_dialog import DAY, make_dialog, save

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def test_a_report_changed_meanwhile_is_not_overwritten_and_then_can_be(qtbot, ctx, archive_db):
    save_report(LossReport(DAY, {"tanks": Figure(12_250, 3)}))
    dialog = make_dialog(qtbot, ctx, date=DAY)
    dialog.show()
    qtbot.waitExposed(dialog)
    # A file has one user: the time is known, the name is not guessed.
    assert re.search(r"· last changed at \d{4}-\d\d-\d\d \d\d:\d\d$", dialog.day_label.text())
    # Another program saves the same report while the dialog is open.
    save_report(LossReport(DAY, {"tanks": Figure(12_260, 13)}))
    dialog.total_edit("tanks").setText("12,251")
    assert save(qtbot, ctx, dialog) is False
    ctx.settle(qtbot)
    box = dialog.conflict_box
    assert isinstance(box, ConflictDialog) and box.isVisible()
    assert "was changed by another program" in box.message_label.text()
    assert "nothing was saved" in box.message_label.text()
    assert box.table.horizontalHeaderItem(2).text() == "Theirs (another program)"
    assert load_report(DAY).figures["tanks"] == Figure(12_260, 13)  # theirs stays
    assert ctx.undo_stack.count() == 0
    box.overwrite_button.click()  # having seen it: overwrite, on purpose
    ctx.settle(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_report(DAY).figures["tanks"].total == 12_251


def test_a_report_deleted_and_entered_again_meanwhile_is_not_overwritten(qtbot, ctx, archive_db):
    """The new report starts at the version the dialog noted: the dialog tells it from the
    one it opened by its row, and asks before writing over it."""
    from desktop_app.services import reports as report_service

    save_report(LossReport(DAY, {"tanks": Figure(12_250, 3)}))
    dialog = make_dialog(qtbot, ctx, date=DAY)
    dialog.show()
    qtbot.waitExposed(dialog)
    report_service.delete_report(DAY)
    save_report(LossReport(DAY, {"tanks": Figure(12_300, 50)}))
    dialog.total_edit("tanks").setText("12,251")
    assert save(qtbot, ctx, dialog) is False
    ctx.settle(qtbot)
    box = dialog.conflict_box
    assert isinstance(box, ConflictDialog) and box.isVisible()
    assert "deleted and entered again" in box.message_label.text()
    assert load_report(DAY).figures["tanks"] == Figure(12_300, 50)
    box.overwrite_button.click()
    ctx.settle(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_report(DAY).figures["tanks"].total == 12_251
