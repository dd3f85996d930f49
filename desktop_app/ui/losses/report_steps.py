"""Undoable changes to loss reports, as the window makes them: one write, one undo step.

Each function runs its change (`services.history`) on the write lane through `push_undoable`,
which puts one step on the window's undo stack once the write succeeded; undo and redo run on
the write lane too. The step's label ("save report 2023-11-25") is translated here, in the
window's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.common.undo import push_undoable

if TYPE_CHECKING:
    from desktop_app.core.report import LossReport
    from desktop_app.services.history import Undoable
    from desktop_app.ui.common.context import WindowContext
    from desktop_app.ui.common.operations import Operation

SAVE, DELETE = "save", "delete"


def step_label(kind: str, date: dt.date) -> str:
    """The undo step's name: "save report 2023-11-25" (Edit ▸ Undo puts "Undo" before it)."""
    texts = {
        SAVE: QCoreApplication.translate("ReportCommands", "save report {date}"),
        DELETE: QCoreApplication.translate("ReportCommands", "delete report {date}"),
    }
    return texts[kind].format(date=date.isoformat())


def _push(
    ctx: WindowContext,
    kind: str,
    date: dt.date,
    change: Callable[[], Undoable],
    success: Callable[[Any], None] | None,
    failure: Callable[[str], None],
    refused: Callable[[BaseException], bool] | None = None,
) -> Operation:
    return push_undoable(
        ctx.runner,
        ctx.undo_stack,
        f"{kind} report",
        change,
        lambda _step: step_label(kind, date),
        success=success,
        failure=failure,
        refused=refused,
    )


def save_report(
    ctx: WindowContext,
    report: LossReport,
    *,
    success: Callable[[Any], None] | None = None,
    failure: Callable[[str], None],
    source: str = "manual",
    article_id: int | None = None,
    expected_version: int | None = None,
    expected_row: int | None = None,
    refused: Callable[[BaseException], bool] | None = None,
) -> Operation:
    """Store `report` (new, edited, replaced or merged), optionally linking an article;
    `success` gets its date. With `expected_version` and `expected_row` (an edit), a report
    someone else saved (or deleted and entered again) since it was read is not overwritten:
    `refused` (else `failure`) hears of the conflict."""
    if report.date is None:
        raise ValueError("a report needs a date to be saved")

    def change() -> Undoable:
        from desktop_app.services import history

        return history.save_report(
            report,
            source=source,
            article_id=article_id,
            expected_version=expected_version,
            expected_row=expected_row,
        )

    return _push(ctx, SAVE, report.date, change, success, failure, refused)


def delete_reports(
    ctx: WindowContext,
    dates: list[dt.date],
    *,
    success: Callable[[Any], None] | None = None,
    failure: Callable[[str], None],
) -> Operation:
    """Delete several reports in one write and one undo step ("delete 3 reports")."""
    if len(dates) == 1:
        return delete_report(ctx, dates[0], success=success, failure=failure)

    def change() -> Undoable:
        from desktop_app.services import history

        return history.delete_reports(dates)

    def label(_step: object) -> str:
        text = QCoreApplication.translate("ReportCommands", "delete {count} reports")
        return text.format(count=len(dates))

    return push_undoable(
        ctx.runner,
        ctx.undo_stack,
        "delete reports",
        change,
        label,
        success=success,
        failure=failure,
    )


def delete_report(
    ctx: WindowContext,
    date: dt.date,
    *,
    success: Callable[[Any], None] | None = None,
    failure: Callable[[str], None],
) -> Operation:
    def change() -> Undoable:
        from desktop_app.services import history

        return history.delete_report(date)

    return _push(ctx, DELETE, date, change, success, failure)
