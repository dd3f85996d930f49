"""The questions and messages of the Losses feature, one function each.

The delete and discard questions and the failed-save message are non-blocking (`open()`,
window-modal): the answer arrives as a call, and the event loop (and with it the runner's
results) keeps running meanwhile. Texts keep the context of the widget that shows them
("LossesView", "ReportDialog"), so their translations stay where translators find them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from desktop_app.ui.common import discard as common_discard

if TYPE_CHECKING:
    from desktop_app.core.report import LossReport

# The choices when a new report's date is already stored.
REPLACE, MERGE, CANCEL = "replace", "merge", "cancel"


def _open(box: QMessageBox, answered: Callable[[QAbstractButton], None]) -> QMessageBox:
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.buttonClicked.connect(answered)
    box.open()
    return box


def confirm_delete_report(
    parent: QWidget, date: dt.date, delete: Callable[[], None], done: Callable[[], None]
) -> QMessageBox:
    """Ask before deleting `date`'s report, as an item's delete asks (Enter = Yes, Esc = No).

    `delete` runs on Yes; `done` after either answer.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("LossesView", "Delete"),
        QCoreApplication.translate(
            "LossesView", "Delete the report of {date}? Edit ▸ Undo (Ctrl+Z) brings it back."
        ).format(date=date.isoformat()),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setEscapeButton(QMessageBox.StandardButton.No)

    def answered(button: QAbstractButton) -> None:
        done()
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            delete()

    return _open(box, answered)


def delete_action_text(date: dt.date, count: int) -> str:
    """The table menu's Delete: of the report of `date`, or of the `count` chosen reports."""
    if count < 2:
        text = QCoreApplication.translate("LossesView", "&Delete report {date}")
        return text.format(date=date.isoformat())
    return QCoreApplication.translate("LossesView", "&Delete {count} reports").format(count=count)


def confirm_delete_reports(
    parent: QWidget, dates: list[dt.date], delete: Callable[[], None], done: Callable[[], None]
) -> QMessageBox:
    """Ask once before deleting the reports of several `dates` (as `confirm_delete_report`)."""
    if len(dates) == 1:
        return confirm_delete_report(parent, dates[0], delete, done)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("LossesView", "Delete"),
        QCoreApplication.translate(
            "LossesView",
            "Delete the {count} chosen reports ({first} … {last})? Edit ▸ Undo (Ctrl+Z) brings "
            "them back.",
        ).format(count=len(dates), first=min(dates).isoformat(), last=max(dates).isoformat()),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setEscapeButton(QMessageBox.StandardButton.No)

    def answered(button: QAbstractButton) -> None:
        done()
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            delete()

    return _open(box, answered)


def ask_discard(
    parent: QWidget, discard: Callable[[], None], done: Callable[[], None]
) -> QMessageBox:
    """ "Discard this report?" (Discard / Keep editing; Enter and Esc keep editing)."""
    texts = (
        QCoreApplication.translate("ReportDialog", "Discard this report?"),
        QCoreApplication.translate("ReportDialog", "The figures typed or filled in are not saved."),
        QCoreApplication.translate("ReportDialog", "&Discard"),
        QCoreApplication.translate("ReportDialog", "&Keep editing"),
    )
    return common_discard.ask_discard(parent, texts, discard, done)


def show_not_saved(parent: QWidget, date: dt.date, reason: str) -> QMessageBox:
    """Why the report of `date` was not stored (the dialog stays open with its figures)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ReportDialog", "Report not saved"),
        QCoreApplication.translate(
            "ReportDialog", "The report of {date} was not saved: {reason}"
        ).format(date=date.isoformat(), reason=reason),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    return _open(box, lambda _button: None)


def choose_duplicate(parent: QWidget, date: dt.date, stored: LossReport) -> str:
    """Ask what to do when a new report's date is already stored: REPLACE, MERGE or CANCEL."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ReportDialog", "Report already stored"),
        QCoreApplication.translate(
            "ReportDialog",
            "A report for {date} is already stored (%n figure(s)).",
            "",
            len(stored.figures),
        ).format(date=date.isoformat()),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ReportDialog",
            "Replace: keep only this report's figures.\n"
            "Merge: take this report's figures and keep the stored ones it does not state.",
        )
    )
    replace = box.addButton(
        QCoreApplication.translate("ReportDialog", "&Replace"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    merge = box.addButton(
        QCoreApplication.translate("ReportDialog", "&Merge"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return REPLACE if clicked is replace else MERGE if clicked is merge else CANCEL
