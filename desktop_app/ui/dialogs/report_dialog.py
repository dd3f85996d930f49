"""Dialog to type, paste or edit one daily loss report, checked live before it is saved.

Figures are compared with the previous stored report as the user types; the core's
validation decides what blocks saving (errors) and what only needs a look (warnings).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import (
    QKeySequence,
    QPalette,
    QRegularExpressionValidator,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.categories import CATEGORIES
from desktop_app.core.errors import NoReportError
from desktop_app.core.report import WAR_START, Figure, LossReport, day_of_war
from desktop_app.core.report_parser import parse_report
from desktop_app.core.validation import ERROR, validate_report
from desktop_app.storage.reports import load_report, previous_report, save_report
from desktop_app.ui.report_table_model import blend, category_label

MAX_TOTAL = 10_000_000
QUALIFIERS = ("", "about", "more than")
# Group separators people type or paste: comma, spaces (also no-break and thin), apostrophe.
_SEPARATORS = re.compile(r"[,\s\u00a0\u2009\u202f']")
_NUMBER_INPUT = QRegularExpression("[+\\-−]?[0-9][0-9,\\s\u00a0\u2009\u202f']{0,14}|[+\\-−]?")
_MAX_UNPARSED_SHOWN = 5


class _BadNumberError(ValueError):
    pass


def parse_count(text: str) -> int | None:
    """A typed count ("1,456 610", "+4", "−3") as an int; None when empty."""
    cleaned = _SEPARATORS.sub("", text).replace("−", "-")
    if not cleaned:
        return None
    try:
        return int(cleaned)
    except ValueError:
        raise _BadNumberError(text) from None


@dataclass
class _Row:
    label: QLabel
    total: QLineEdit
    change: QLineEdit
    previous: QLabel
    derived: QLabel


class ReportDialog(QDialog):
    """"New report" (no date, or a date with nothing stored) or "Edit report" (a stored date)."""

    # The date of the report just saved, emitted before the dialog closes.
    reportSaved = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        date: dt.date | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today or dt.date.today()
        self._stored = load_report(date) if date is not None else None
        self._editing = self._stored is not None
        self._previous: LossReport | None = None
        self._rows: dict[str, _Row] = {}
        self._highlighted: set[QLineEdit] = set()
        self._date_taken = False
        self.setWindowTitle(self.tr("Edit report") if self._editing else self.tr("New report"))

        self._build_form()
        self._build_grid()
        self._build_side()
        self._build_buttons()
        self._lay_out()

        self._previous_header.setText(self.tr("Previous\n0000-00-00"))
        for cat in CATEGORIES:
            if not cat.legacy or (self._stored and cat.key in self._stored.figures):
                self._add_row(cat.key)
        start = date or self._today
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        if self._stored is not None:
            self._fill(self._stored, highlight=False)
        self._on_date_changed()

    # -- building ------------------------------------------------------------------------------

    def _build_form(self) -> None:
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(WAR_START.year, WAR_START.month, WAR_START.day))
        self.date_edit.setMaximumDate(QDate(self._today.year, self._today.month, self._today.day))
        if self._editing:
            # An edit keeps its date: changing it would silently leave the old report behind.
            self.date_edit.setReadOnly(True)
            self.date_edit.setCalendarPopup(False)
            self.date_edit.setButtonSymbols(QDateEdit.ButtonSymbols.NoButtons)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.day_label = QLabel(self)
        self.qualifier_combo = QComboBox(self)
        for value, text in zip(
            QUALIFIERS, (self.tr("(none)"), self.tr("about"), self.tr("more than")), strict=True
        ):
            self.qualifier_combo.addItem(text, value)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("e.g. the direction with the greatest losses"))
        self.qualifier_combo.currentIndexChanged.connect(self._revalidate)
        self.note_edit.textChanged.connect(self._revalidate)

    def _build_grid(self) -> None:
        self._grid_widget = QWidget(self)
        self._grid = QGridLayout(self._grid_widget)
        self._grid.setHorizontalSpacing(12)
        self._previous_header = QLabel(self)
        bottom = Qt.AlignmentFlag.AlignBottom
        headers = (self.tr("Category"), self.tr("Total"), self.tr("Stated\nchange"))
        for column, text in enumerate(headers):
            self._grid.addWidget(self._header(text), 0, column, bottom)
        self._previous_header.setFont(self._header("").font())
        right = bottom | Qt.AlignmentFlag.AlignRight
        self._grid.addWidget(self._previous_header, 0, 3, right)
        self._grid.addWidget(self._header(self.tr("Derived\nchange")), 0, 4, right)
        # Spare room goes right of the figures and below them, not between the columns.
        self._grid.setColumnStretch(5, 1)
        self._grid.setRowStretch(100, 1)

    def _header(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _build_side(self) -> None:
        self.paste_box = QPlainTextEdit(self)
        self.paste_box.setPlaceholderText(
            self.tr("Paste the General Staff's post or a news report here, then press Fill.")
        )
        self.fill_button = QPushButton(self.tr("&Fill from text"), self)
        self.fill_button.clicked.connect(self.fill_from_text)
        self.fill_message = QLabel(self)
        self.fill_message.setWordWrap(True)
        self.fill_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_list = QListWidget(self)
        self.problems_list.setWordWrap(True)
        self.problems_list.setMaximumHeight(150)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save the report (Ctrl+Return)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

    def _lay_out(self) -> None:
        form = QFormLayout()
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.day_label, 1)
        rows: tuple[tuple[str, QWidget | QHBoxLayout, QWidget], ...] = (
            (self.tr("&Date:"), date_row, self.date_edit),
            (self.tr("&Personnel figure is:"), self.qualifier_combo, self.qualifier_combo),
            (self.tr("&Note:"), self.note_edit, self.note_edit),
        )
        for text, field, buddy in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        self._scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._grid_widget)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(scroll, 1)

        paste_caption = QLabel(self.tr("&Paste report text:"), self)
        paste_caption.setBuddy(self.paste_box)
        right = QVBoxLayout()
        right.addWidget(paste_caption)
        right.addWidget(self.paste_box, 1)
        right.addWidget(self.fill_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.fill_message)
        right.addSpacing(8)
        right.addWidget(self._header(self.tr("Checks")))
        right.addWidget(self.problems_label)
        right.addWidget(self.problems_list)

        columns = QHBoxLayout()
        columns.addLayout(left, 0)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(1060, 700)

    def _add_row(self, key: str) -> _Row:
        if key in self._rows:
            return self._rows[key]
        r = len(self._rows) + 1
        validator = QRegularExpressionValidator(_NUMBER_INPUT, self)
        row = _Row(QLabel(category_label(key), self), QLineEdit(self), QLineEdit(self),
                   QLabel(self), QLabel(self))
        row.label.setBuddy(row.total)
        for edit, hint in ((row.total, self.tr("not reported")),
                           (row.change, self.tr("not stated"))):
            edit.setValidator(validator)
            edit.setPlaceholderText(hint)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            widest = max(edit.fontMetrics().horizontalAdvance(t) for t in ("-00,000,000", hint))
            edit.setMinimumWidth(widest + 16)
            edit.textChanged.connect(lambda _t, k=key: self._on_figure_changed(k))
            edit.textEdited.connect(lambda _t, e=edit: self._set_highlight(e, False))
        for label in (row.previous, row.derived):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("+0,000,000"))
        for column, widget in enumerate((row.label, row.total, row.change, row.previous,
                                         row.derived)):
            self._grid.addWidget(widget, r, column)
        self._rows[key] = row
        self._update_previous(key)
        # Never clip a column (the scroll area only scrolls vertically): figures are the point.
        self._scroll.setMinimumWidth(self._grid_widget.sizeHint().width()
                                     + self._scroll.verticalScrollBar().sizeHint().width())
        return row

    def showEvent(self, event: QShowEvent) -> None:
        # Enter in a figure field must not save a half-typed report (Ctrl+Return does), but
        # QDialogButtonBox makes its accept button the default as it is shown; undo that.
        super().showEvent(event)
        self.save_button.setDefault(False)

    # -- accessors for the view and tests ------------------------------------------------------

    def total_edit(self, key: str) -> QLineEdit:
        return self._rows[key].total

    def change_edit(self, key: str) -> QLineEdit:
        return self._rows[key].change

    def previous_label(self, key: str) -> QLabel:
        return self._rows[key].previous

    def derived_label(self, key: str) -> QLabel:
        return self._rows[key].derived

    def row_keys(self) -> list[str]:
        return list(self._rows)

    def is_highlighted(self, edit: QLineEdit) -> bool:
        return edit in self._highlighted

    def current_date(self) -> dt.date:
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    # -- filling -------------------------------------------------------------------------------

    def fill_from_text(self) -> None:
        """Parse the pasted text and fill the fields it states, marking them."""
        try:
            report = parse_report(self.paste_box.toPlainText(), today=self._today)
        except NoReportError as exc:
            self.fill_message.setText(self.tr("No report found: {reason}").format(reason=exc))
            return
        messages = [self.tr("Filled {count} figure(s) from the text.").format(
            count=len(report.figures))]
        if report.date is not None and report.date != self.current_date():
            if self._editing:
                messages.append(self.tr("The text is dated {date}; this report's date is kept.")
                                .format(date=report.date.isoformat()))
            else:
                self.date_edit.setDate(QDate(report.date.year, report.date.month,
                                             report.date.day))
        self._fill(report, highlight=True)
        if report.unparsed:
            shown = report.unparsed[:_MAX_UNPARSED_SHOWN]
            messages.append(self.tr("Could not read:") + "\n" + "\n".join(shown))
            if len(report.unparsed) > len(shown):
                messages.append(self.tr("… and {count} more line(s).").format(
                    count=len(report.unparsed) - len(shown)))
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
        for key, fig in report.figures.items():
            row = self._add_row(key)
            row.total.setText(f"{fig.total:,}")
            row.change.setText("" if fig.change is None else f"{fig.change:+,}")
            self._set_highlight(row.total, highlight)
            self._set_highlight(row.change, highlight and fig.change is not None)

    def _set_highlight(self, edit: QLineEdit, on: bool) -> None:
        if on:
            palette = self.palette()
            base = palette.color(QPalette.ColorRole.Base)
            tint = palette.color(QPalette.ColorRole.Highlight)
            palette.setColor(QPalette.ColorRole.Base, blend(base, tint, 0.3))
            edit.setPalette(palette)
            self._highlighted.add(edit)
        else:
            # An empty palette resolves nothing, so the field inherits the theme again.
            edit.setPalette(QPalette())
            self._highlighted.discard(edit)

    # -- live checks ---------------------------------------------------------------------------

    def _on_date_changed(self) -> None:
        date = self.current_date()
        self.day_label.setText(self.tr("day {day} of the war").format(day=f"{day_of_war(date):,}"))
        self._previous = previous_report(date)
        same_report = self._stored is not None and self._stored.date == date
        self._date_taken = not same_report and load_report(date) is not None
        before = self._previous.date if self._previous else None
        self._previous_header.setText(self.tr("Previous\n{date}").format(
            date=before.isoformat() if before else self.tr("(none)")))
        for key in self._rows:
            self._update_previous(key)
        self._revalidate()

    def _update_previous(self, key: str) -> None:
        fig = self._previous.figures.get(key) if self._previous else None
        self._rows[key].previous.setText("—" if fig is None else f"{fig.total:,}")
        self._update_derived(key)

    def _on_figure_changed(self, key: str) -> None:
        self._update_derived(key)
        self._revalidate()

    def _update_derived(self, key: str) -> None:
        row = self._rows[key]
        before = self._previous.figures.get(key) if self._previous else None
        try:
            total = parse_count(row.total.text())
            stated = parse_count(row.change.text())
        except _BadNumberError:
            total = stated = None
        if total is None or before is None:
            row.derived.setText("—")
            row.derived.setToolTip("")
            return
        derived = total - before.total
        row.derived.setText(f"{derived:+,}")
        font = row.derived.font()
        # Bold marks a stated change that the totals do not bear out.
        font.setBold(stated is not None and stated != derived)
        row.derived.setFont(font)
        row.derived.setToolTip(self.tr("Total minus the previous report's total"))

    def build_report(self) -> tuple[LossReport, list[str]]:
        """The report as typed, and the problems in fields that could not be read."""
        figures: dict[str, Figure] = {}
        errors: list[str] = []
        for key, row in self._rows.items():
            label = category_label(key)
            try:
                total = parse_count(row.total.text())
                change = parse_count(row.change.text())
            except _BadNumberError as exc:
                errors.append(self.tr("{category}: “{text}” is not a number")
                              .format(category=label, text=str(exc)))
                continue
            if total is None:
                if change is not None:
                    errors.append(self.tr("{category}: a change without a total")
                                  .format(category=label))
                continue
            if abs(total) > MAX_TOTAL:
                errors.append(self.tr("{category}: {total} is more than {limit}").format(
                    category=label, total=f"{total:,}", limit=f"{MAX_TOTAL:,}"))
            figures[key] = Figure(total, change)
        if not figures and not errors:
            errors.append(self.tr("Enter at least one total."))
        qualifier = self.qualifier_combo.currentData() or None
        note = self.note_edit.text().strip() or None
        return LossReport(self.current_date(), figures, qualifier, note), errors

    def _revalidate(self) -> None:
        report, field_errors = self.build_report()
        problems = validate_report(report, self._previous, today=self._today)
        errors = field_errors + [p.message for p in problems if p.severity == ERROR]
        warnings = [p.message for p in problems if p.severity != ERROR]
        self.problems_list.clear()
        style = self.style()
        for messages, icon in ((errors, QStyle.StandardPixmap.SP_MessageBoxCritical),
                               (warnings, QStyle.StandardPixmap.SP_MessageBoxWarning)):
            for message in messages:
                self.problems_list.addItem(QListWidgetItem(style.standardIcon(icon), message))
        self.problems_list.setVisible(bool(errors or warnings))
        if errors:
            summary = self.tr("{errors} error(s) to fix before saving, {warnings} warning(s).")
        elif warnings:
            summary = self.tr("{warnings} warning(s): check them; saving is allowed.")
        else:
            summary = self.tr("No problems found.")
        summary = summary.format(errors=len(errors), warnings=len(warnings))
        if self._date_taken:
            summary += " " + self.tr("A report for {date} is already stored; saving asks before "
                                     "replacing it.").format(date=report.date)
        self.problems_label.setText(summary)
        self.save_button.setEnabled(not errors)

    # -- saving --------------------------------------------------------------------------------

    def _confirm_replace(self) -> bool:
        """Ask before a new report overwrites the one stored for its date."""
        answer = QMessageBox.question(
            self,
            self.tr("Replace report"),
            self.tr("A report for {date} is already stored. Replace it?").format(
                date=self.current_date().isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> bool:
        """Store the report in one transaction and close; False if it was not saved."""
        if not self.save_button.isEnabled():
            return False
        report, errors = self.build_report()
        if errors or report.date is None:
            return False
        # Editing a report overwrites it by intent; anything else must not overwrite silently.
        same_report = self._stored is not None and self._stored.date == report.date
        exists = not same_report and load_report(report.date) is not None
        if exists and not self._confirm_replace():
            return False
        save_report(report, source="manual")
        self.reportSaved.emit(report.date)
        self.accept()
        return True
