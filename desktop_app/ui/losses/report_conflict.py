"""Saving a report someone else changed since the dialog opened: their version beside mine,
then merge, overwrite, take theirs, or keep editing (`ui.common.conflict_dialog`).

Their version is read on the read lane; the merge is `services.conflicts.merge_report`
(base: the report as the dialog opened it). Merge and Overwrite save at once, with their
version as the one this save replaces, so a third change in between is caught again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from shiboken6 import isValid

from desktop_app.core.categories import BY_KEY
from desktop_app.core.report import Figure
from desktop_app.ui.common.conflict_dialog import MERGE, OVERWRITE, TAKE_THEIRS, ConflictDialog
from desktop_app.ui.common.i18n import number, signed
from desktop_app.ui.losses.report_table_model import category_label

if TYPE_CHECKING:
    from desktop_app.core.report import LossReport
    from desktop_app.services.team import Stamp


# The dialog (ReportDialog): not imported, it imports this module.
ReportDialog = Any


def offer(dialog: ReportDialog, exc: BaseException) -> bool:
    """When `exc` is a conflict over the edited report: read theirs, then ask. True when
    handled (the dialog's usual failure message is then not shown)."""
    from desktop_app.services import team

    base = dialog.stored_report
    if not isinstance(exc, team.ConflictError) or exc.theirs is None or base is None:
        return False  # deleted meanwhile, or not a conflict: the usual message says so
    date = dialog.current_date()
    mine, _errors = dialog.build_report()
    message = str(exc)
    dialog.ctx.runner.read(
        "their report",
        lambda: team.their_report(date),
        success=lambda found: _ask(dialog, message, base, mine, *found),
        failure=dialog.save_failed,
    )
    return True


def field_label(key: str) -> str:
    if key in BY_KEY:
        return category_label(key)
    if key == "qualifier":
        return QCoreApplication.translate("ReportDialog", "Qualifier")
    return QCoreApplication.translate("ReportDialog", "Note")


def show_value(value: object) -> str:
    if isinstance(value, Figure):
        change = "" if value.change is None else f" ({signed(value.change)})"
        return number(value.total) + change
    return "" if value is None else str(value)


def _ask(
    dialog: ReportDialog,
    message: str,
    base: LossReport,
    mine: LossReport,
    theirs: LossReport | None,
    stamp: Stamp | None,
) -> None:
    from desktop_app.services.conflicts import merge_report

    if not isValid(dialog):
        return
    if theirs is None or stamp is None:
        dialog.save_failed(message)  # deleted since: nothing to merge with
        return
    dialog.end_saving()
    who = stamp.changed_by or QCoreApplication.translate("ReportDialog", "another program")
    box = ConflictDialog(
        dialog,
        QCoreApplication.translate(
            "ReportDialog", "The report of {date} was not saved: {reason}"
        ).format(date=mine.date.isoformat() if mine.date else "", reason=message),
        merge_report(base, mine, theirs),
        who=who,
        label=field_label,
        show=show_value,
    )
    dialog.conflict_box = box
    box.chosen.connect(lambda choice: _chosen(dialog, box, choice, theirs, stamp))
    box.open()


def _chosen(
    dialog: ReportDialog, box: ConflictDialog, choice: str, theirs: LossReport, stamp: Stamp
) -> None:
    from desktop_app.services.conflicts import merged_report

    if not isValid(dialog) or choice not in (MERGE, OVERWRITE, TAKE_THEIRS):
        return  # keep editing: nothing changes (saving again asks again)
    merged = merged_report(dialog.current_date(), box.resolved()) if choice == MERGE else None
    dialog.adopt_version(theirs, stamp)
    if choice == TAKE_THEIRS:
        dialog.show_version(theirs)
        return
    if merged is not None:
        dialog.show_version(merged)
    dialog.save()
