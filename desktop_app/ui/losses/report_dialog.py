"""Dialog to type, paste or edit one daily loss report, checked live before it is saved.

Figures are compared with the previous stored report as the user types; the core's
validation decides what blocks saving (errors) and what only needs a look (warnings).
The previous report and whether the date is taken are read on the window's read lane; saving
runs on its write lane as one undo step, and the dialog closes only once the write succeeded
(on failure it says why and keeps the figures). Closing it with typed or filled figures asks
first.

Signals:
    reportSaved(date): the report was stored; emitted before the dialog closes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from desktop_app.core import messages as msg
from desktop_app.core.categories import CATEGORIES
from desktop_app.core.errors import NoReportError
from desktop_app.core.reference_series import official_days
from desktop_app.core.report import LossReport, day_of_war
from desktop_app.core.report_merge import merge_reports
from desktop_app.core.report_parser import parse_report
from desktop_app.core.validation import ERROR, FUTURE, Problem, latest_report_date, validate_report
from desktop_app.ui.common.attribution import last_changed
from desktop_app.ui.common.date_notes import date_note_text
from desktop_app.ui.common.i18n import localized, number
from desktop_app.ui.losses import figure_history, questions, report_conflict, report_steps
from desktop_app.ui.losses.check_list import unread_lines
from desktop_app.ui.losses.questions import CANCEL, MERGE, REPLACE
from desktop_app.ui.losses.report_dialog_layout import ReportDialogLayout
from desktop_app.ui.losses.report_reads import date_from_figures, read_date_state, read_dialog_data
from desktop_app.ui.losses.report_table_model import category_label

__all__ = ["CANCEL", "MERGE", "REPLACE", "ReportDialog", "read_date_state", "read_dialog_data"]

if TYPE_CHECKING:
    from desktop_app.services.changes import Changes
    from desktop_app.services.queries import LinkedArticle
    from desktop_app.ui.common.context import WindowContext


class ReportDialog(ReportDialogLayout):
    """ "New report" (no date, or a date with nothing stored) or "Edit report" (a stored date)."""

    # The date of the report just saved, emitted before the dialog closes.
    reportSaved = Signal(object)

    def __init__(
        self,
        ctx: WindowContext,
        parent: QWidget | None = None,
        *,
        date: dt.date | None = None,
        stored: LossReport | None = None,
        articles: list[LinkedArticle] | None = None,
        today: dt.date | None = None,
    ) -> None:
        """`stored` is `date`'s report as read (`read_dialog_data`): given, the dialog edits it."""
        # Kyiv's day, when it has begun while the local clock still shows the day before.
        self._today = today or latest_report_date()
        self._editing = stored is not None
        super().__init__(parent, today=self._today, editing=self._editing)
        self.ctx = ctx
        self._stored = stored
        if stored is not None:
            date = stored.date
        self._previous: LossReport | None = None
        self._version: int | None = None  # the stored report's version when editing
        self._row: int | None = None  # and its row (one entered again has another)
        self._date_taken = False
        # The date of the text last filled from (its figures are that day's), and a date after
        # today that a text gave and the date field cannot hold (an error until the date is set).
        self._filled_date: dt.date | None = None
        self._future_date: dt.date | None = None
        self._saving = False
        self.discard_box: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        self.conflict_box: QDialog | None = None  # their version beside mine (a conflict)
        ctx.runner.changed.connect(self._on_changed)
        self.setWindowTitle(self.tr("Edit report") if self._editing else self.tr("New report"))

        self.grid.figureChanged.connect(lambda _key: self._revalidate())
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.qualifier_combo.currentIndexChanged.connect(self._revalidate)
        self.note_edit.textChanged.connect(self._revalidate)
        self.fill_button.clicked.connect(self.fill_from_text)
        self.save_button.clicked.connect(self.save)
        self.history_button.setVisible(self._editing)
        self.history_button.clicked.connect(
            lambda: figure_history.open_figure_history(ctx, self.current_date(), self)
        )
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        if ctx.read_only:
            self.save_button.setToolTip(self.tr("The archive is open read-only."))

        for cat in CATEGORIES:
            if not cat.legacy or (self._stored and cat.key in self._stored.figures):
                self.grid.add_row(cat.key)
        start = date or self._today
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        if self._stored is not None:
            self._fill(self._stored, highlight=False)
        self._show_linked_articles(articles or [])
        self._on_date_changed()
        # The official series a pasted text may be dated by, read before the user pastes and
        # off the GUI thread (its first reading takes 60-70 ms; parsing stays on it).
        ctx.runner.read("official series", official_days, success=lambda _d: None, background=True)
        self.order_tabs()
        self.problems_list.rowChosen.connect(self.go_to_row)
        self.problems_list.lineChosen.connect(self.select_line)

    def go_to_row(self, key: str) -> None:
        """Put the cursor in the total of `key`'s row (a check about that category)."""
        edit = self.total_edit(key)
        self.grid.ensureWidgetVisible(edit)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()

    def select_line(self, number: int) -> None:
        """Select line `number` (0-based) of the paste box (a line that could not be read)."""
        block = self.paste_box.document().findBlockByNumber(number)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.paste_box.setTextCursor(cursor)
        self.paste_box.ensureCursorVisible()
        self.paste_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- filling -------------------------------------------------------------------------------

    def fill_from_text(self) -> None:
        """Parse the pasted text and fill the fields it states, marking them."""
        try:
            report = parse_report(self.paste_box.toPlainText(), today=self._today)
        except NoReportError as exc:
            self.fill_message.setText(
                self.tr("No report found: {reason}").format(reason=localized(str(exc)))
            )
            return
        messages = [
            self.tr(
                "Filled %n figure(s) from the text.",
                "",
                len(report.figures) + len(report.changes_only),
            )
        ]
        if report.changes_only:
            messages.append(
                self.tr(
                    "The text states only the day's change for: {names}. Type their totals."
                ).format(names=", ".join(category_label(k) for k in report.changes_only))
            )
        future = report.date is not None and report.date > self._today and not self._editing
        self._mark_date_guess((report.date is None or future) and not self._editing)
        if report.date is None and not self._editing:
            messages.append(
                self.tr(
                    "The text gives no date that can be established: the date above is a guess."
                    " Check it before saving."
                )
            )
            # The archive's stored series may know the day these figures belong to.
            self.ctx.runner.read(
                "date from the archive",
                lambda: date_from_figures(report),
                success=self._dated_from_figures,
            )
        elif future:
            # The field cannot hold it: moving the figures to today silently would misdate them.
            messages.append(
                self.tr(
                    "The text is dated {date}, after today: the date above is not the text's."
                    " Check the text, and set the report's date before saving."
                ).format(date=report.date.isoformat() if report.date else "")
            )
        elif report.date_note and not self._editing:
            messages.append(
                self.tr("Dated {date}: {how}.").format(
                    date=report.date.isoformat() if report.date else "",
                    how=date_note_text(report.date_note),
                )
            )
        if report.date is not None and report.date != self.current_date():
            if self._editing:
                messages.append(
                    self.tr("The text is dated {date}; this report's date is kept.").format(
                        date=report.date.isoformat()
                    )
                )
            elif not future:
                self.date_edit.setDate(QDate(report.date.year, report.date.month, report.date.day))
        self._future_date = report.date if future else None
        if report.date is not None and not self._editing:
            if self._filled_date is not None and report.date != self._filled_date:
                # Another day's text: what the earlier one filled is not this day's figure.
                self.grid.clear_filled()
            self._filled_date = report.date
        # Each line that could not be read is listed under Checks with its line number.
        self.problems_list.unread = unread_lines(self.paste_box.toPlainText(), report.unparsed)
        self._fill(report, highlight=True)
        self._revalidate()
        if report.unparsed:
            messages.append(
                self.tr("%n line(s) could not be read: see Checks.", "", len(report.unparsed))
            )
        self.fill_message.setText("\n".join(messages))

    def _fill(self, report: LossReport, *, highlight: bool) -> None:
        # Only what the report states is set: a partial text must not wipe typed figures.
        if report.qualifier is not None:
            index = self.qualifier_combo.findData(report.qualifier)
            if index < 0:
                self.qualifier_combo.addItem(report.qualifier, report.qualifier)
                index = self.qualifier_combo.count() - 1
            self.qualifier_combo.setCurrentIndex(index)
        if report.note:
            self.note_edit.setText(report.note)
        self.grid.fill(
            dict(report.figures),
            highlight=highlight,
            changes_only=dict(report.changes_only),
            sources=dict(report.sources),
        )
        self.order_tabs()  # a legacy category's row may have been added

    def _dated_from_figures(self, report: LossReport) -> None:
        if report.date is None or not isValid(self) or not self.date_edit.property("guess"):
            return  # no single day matches, or the user has set the date meanwhile
        self.date_edit.setDate(QDate(report.date.year, report.date.month, report.date.day))
        self.fill_message.setText(
            self.fill_message.text().replace(
                self.tr(
                    "The text gives no date that can be established: the date above is a guess."
                    " Check it before saving."
                ),
                self.tr("Dated {date}: {how}.").format(
                    date=report.date.isoformat(),
                    how=date_note_text(report.date_note or ""),
                ),
            )
        )

    # -- live checks ---------------------------------------------------------------------------

    def _on_date_changed(self) -> None:
        if self.date_edit.property("guess"):
            self._mark_date_guess(False)  # the user set the date
            self._future_date = None
        date = self.current_date()
        self.day_label.setText(self.tr("day {day} of the war").format(day=number(day_of_war(date))))
        self.date_edit.setAccessibleDescription(self.day_label.text())
        self._read_date_state()

    def _read_date_state(self) -> None:
        date = self.current_date()
        self.ctx.runner.read(
            "report date",
            lambda: read_date_state(date),
            success=lambda state: self._date_state_read(date, *state),
        )

    def _date_state_read(
        self,
        date: dt.date,
        previous: LossReport | None,
        stored: LossReport | None,
        stamp: object = None,
    ) -> None:
        if not isValid(self) or date != self.current_date():
            return  # closed, or another date was picked since: its own read follows
        self._previous = previous
        same_report = self._stored is not None and self._stored.date == date
        if same_report:
            self._note_version(stamp)
        self._date_taken = not same_report and stored is not None
        self.grid.set_previous(self._previous)
        self._revalidate()

    def _on_changed(self, changes: Changes) -> None:
        # Another window or program may have stored the day before, or this very date.
        if (changes.reports or changes.external) and isValid(self) and not self._saving:
            self._read_date_state()

    def build_report(self) -> tuple[LossReport, list[str]]:
        """The report as typed, and the problems in fields that could not be read."""
        figures, errors = self.grid.figures()
        if not figures and not errors:
            errors.append(self.tr("Enter at least one total."))
        qualifier = self.qualifier_combo.currentData() or None
        note = self.note_edit.text().strip() or None
        return LossReport(self.current_date(), figures, qualifier, note), errors

    def _revalidate(self) -> None:
        report, field_errors = self.build_report()
        problems = validate_report(report, self._previous, today=self._today)
        if self._future_date is not None:  # the pasted text's date, which the field cannot hold
            future = msg.render(msg.FUTURE, date=self._future_date.isoformat())
            problems.insert(0, Problem(ERROR, FUTURE, future, self._future_date))
        errors = field_errors + [localized(p.message) for p in problems if p.severity == ERROR]
        warnings = [localized(p.message) for p in problems if p.severity != ERROR]
        # Each problem of one category is tied to its row (activating it goes there).
        rows = dict(self.grid.error_rows)
        rows.update({localized(p.message): p.category for p in problems if p.category is not None})
        row_errors: dict[str, list[str]] = {}
        row_warnings: dict[str, list[str]] = {}
        for p in problems:
            if p.category is not None:
                target = row_errors if p.severity == ERROR else row_warnings
                target.setdefault(p.category, []).append(localized(p.message))
        self.grid.set_row_problems(row_errors, row_warnings)
        self.problems_list.show_checks(
            [(m, rows.get(m)) for m in errors], [(m, rows.get(m)) for m in warnings]
        )
        if errors:
            summary = self.tr("%n error(s) to fix before saving", "", len(errors))
            if warnings:
                summary += self.tr("; %n warning(s)", "", len(warnings))
            summary += "."
        elif warnings:
            summary = self.tr("%n warning(s): check them; saving is allowed.", "", len(warnings))
        else:
            summary = self.tr("No problems found.")
        if self._date_taken:
            summary += " " + self.tr(
                "A report for {date} is already stored; saving asks "
                "whether to replace it or merge into it."
            ).format(date=report.date)
        self.problems_label.setText(summary)
        self.save_button.setEnabled(not errors and not self._saving and not self.ctx.read_only)

    # -- saving --------------------------------------------------------------------------------

    def _choose_duplicate(self, stored: LossReport) -> str:
        """Ask what to do when a new report's date is already stored: REPLACE, MERGE or CANCEL."""
        return questions.choose_duplicate(self, self.current_date(), stored)

    def save(self) -> bool:
        """Store the report (one transaction, undoable); the dialog closes once it is stored.

        False when nothing was started (errors in the form, a save already running).
        """
        if self._saving or not self.save_button.isEnabled():
            return False
        report, errors = self.build_report()
        if errors or report.date is None:
            return False
        self._set_saving(True)
        # Editing a report overwrites it by intent; anything else must not overwrite silently,
        # so what is stored for the date is read again now, not taken from an earlier read.
        if self._stored is not None and self._stored.date == report.date:
            self._write(report)
        else:
            date = report.date
            self.ctx.runner.read(
                "stored report",
                lambda: read_date_state(date)[1:],
                success=lambda state: self._save_over(report, *state),
                failure=self._save_failed,
            )
        return True

    def _save_over(self, report: LossReport, stored: LossReport | None, stamp: object) -> None:
        if not isValid(self):
            return
        if stored is not None:
            choice = self._choose_duplicate(stored)
            if choice == CANCEL:
                self._set_saving(False)
                return
            if choice == MERGE:
                report = merge_reports(stored, report)
        # What was asked about, or that nothing was stored: a save by someone else while the
        # question was open is refused, not overwritten unseen (0: must still be absent).
        self._write(report, getattr(stamp, "version", None) if stored is not None else 0)

    def _write(self, report: LossReport, version: int | None = None) -> None:
        def failed(text: str) -> None:
            # The same handler hears about a failed undo later, when this dialog is gone.
            if isValid(self) and self._saving:
                self._save_failed(text)
            else:
                self.ctx.show_message("error", text)

        editing = self._stored is not None and self._stored.date == report.date
        report_steps.save_report(
            self.ctx,
            report,
            success=self._saved,
            failure=failed,
            expected_version=self._version if editing else version,
            expected_row=self._row if editing else None,
            refused=(lambda exc: report_conflict.offer(self, exc)) if editing else None,
        )

    def _note_version(self, stamp: object, *, adopt: bool = False) -> None:
        """The version this edit started from (kept: a later change by someone else is a
        conflict when saving, not silently taken as the base; `adopt` after a conflict), and
        who changed the report last."""
        if self._version is None or adopt:
            self._version = getattr(stamp, "version", None)
            self._row = getattr(stamp, "row_id", None)
        changed = last_changed(getattr(stamp, "changed_by", ""), getattr(stamp, "changed_at", None))
        if changed:
            self.day_label.setText(self.day_label.text().split(" · ")[0] + " · " + changed)

    def adopt_version(self, report: LossReport, stamp: object) -> None:
        """After a conflict: their stored `report` (at `stamp`) is what this edit now starts
        from; saving overwrites or merges into it knowingly."""
        self._stored = report
        self._note_version(stamp, adopt=True)

    def show_version(self, report: LossReport) -> None:
        """Put `report` in the form as it is (their version, or a merge)."""
        for key in self.row_keys():
            self.total_edit(key).clear()
            self.change_edit(key).clear()
        self.note_edit.setText(report.note or "")
        self.qualifier_combo.setCurrentIndex(
            max(0, self.qualifier_combo.findData(report.qualifier))
        )
        self._fill(report, highlight=False)
        self._revalidate()

    def _saved(self, date: dt.date) -> None:
        if not isValid(self):
            return
        self._set_saving(False)
        self.reportSaved.emit(date)
        self.done(QDialog.DialogCode.Accepted)

    def save_failed(self, text: str) -> None:
        """Say why; keep every figure typed, and check against what is stored now."""
        if not isValid(self):
            return
        self._set_saving(False)
        self.error_box = questions.show_not_saved(self, self.current_date(), text)
        self._read_date_state()

    _save_failed = save_failed

    def end_saving(self) -> None:
        self._set_saving(False)

    @property
    def stored_report(self) -> LossReport | None:
        """The report this edit started from (None: a new report)."""
        return self._stored

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        if saving:
            self.save_button.setEnabled(False)
        else:
            self._revalidate()

    @property
    def saving(self) -> bool:
        return self._saving

    # -- closing -------------------------------------------------------------------------------

    def has_input(self) -> bool:
        """Whether closing would throw away something typed, filled or pasted."""
        if self.paste_box.toPlainText().strip():
            return True
        report, errors = self.build_report()
        stored = self._stored
        if stored is None:
            typed = self.grid.has_text()
            return typed or bool(report.note) or report.qualifier is not None
        return bool(errors) or (
            dict(report.figures),
            report.qualifier,
            report.note,
        ) != (dict(stored.figures), stored.qualifier, stored.note)

    def reject(self) -> None:
        """Cancel, Esc or closing the window: ask first when something would be thrown away."""
        if self._saving:
            return  # the dialog closes when the save ends, or stays to show why it failed
        if not self.has_input():
            super().reject()
            return
        if self.discard_box is not None:
            return  # already asking
        self.discard_box = questions.ask_discard(
            self, lambda: QDialog.reject(self), lambda: setattr(self, "discard_box", None)
        )
