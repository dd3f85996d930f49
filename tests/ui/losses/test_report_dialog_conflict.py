"""Editing a report someone else saved since the dialog opened: said, nothing overwritten;
the dialog then knows their version, and Save overwrites it knowingly."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_report, save_report
from tests.ui.losses.test_report_dialog import DAY, make_dialog, save

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def test_a_report_changed_meanwhile_is_not_overwritten_and_then_can_be(qtbot, ctx, archive_db):
    save_report(LossReport(DAY, {"tanks": Figure(12_250, 3)}))
    dialog = make_dialog(qtbot, ctx, date=DAY)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Another program (another user) saves the same report while the dialog is open.
    save_report(LossReport(DAY, {"tanks": Figure(12_260, 13)}))
    dialog.total_edit("tanks").setText("12,251")
    assert save(qtbot, ctx, dialog) is False
    box = dialog.error_box
    assert box is not None and box.isVisible()
    assert "was changed by another program" in box.text() and "nothing was saved" in box.text()
    assert load_report(DAY).figures["tanks"] == Figure(12_260, 13)  # theirs stays
    assert ctx.undo_stack.count() == 0
    box.close()
    ctx.settle(qtbot)  # the dialog read the stored report again, with its version
    assert save(qtbot, ctx, dialog) is True
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_report(DAY).figures["tanks"].total == 12_251
