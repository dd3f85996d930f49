"""New / edit article or brief: the fields of an item, saved in one transaction.

When the saved body states a loss report, the dialog offers to create that report or to link
the article to the report stored for its date (undoable, on the window's stack).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.article_report import report_in_article
from desktop_app.core.errors import ValidationError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData, split_tags
from desktop_app.core.report import LossReport
from desktop_app.core.validation import ERROR, Problem, compare_article_report, validate_report
from desktop_app.storage.items import get_item, save_item
from desktop_app.storage.reports import load_report, previous_report, report_article_ids
from desktop_app.ui.archive.item_commands import (
    EDIT_ITEM,
    NEW_ITEM,
    Changed,
    label,
    record_item_change,
)
from desktop_app.ui.losses.report_commands import LinkArticleCommand, SaveReportCommand

# The answers to "this article states a report": create it, link to the stored one, or not.
CREATE_REPORT, LINK_REPORT, NO_REPORT = "create", "link", "no"


class ItemDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        kind: str = ARTICLE,
        item_id: int | None = None,
        undo_stack: QUndoStack | None = None,
        changed: Changed | None = None,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.item_id = item_id
        # Told after a later undo or redo of this dialog's save, when the dialog is long gone.
        self._changed: Changed = changed or (lambda _id: None)
        self._failed: Callable[[str], None] = failed or (lambda _text: None)
        self.saved_id: int | None = None
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        # What the user chose when offered the article's report (None: nothing was offered).
        self.report_choice: str | None = None
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Article"), ARTICLE)
        self.kind_combo.addItem(self.tr("Brief"), BRIEF)
        self.title_edit = QLineEdit()
        self.lead_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Paragraphs separated by a blank line"))
        self.author_edit = QLineEdit()
        self.time_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.source_edit = QLineEdit()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. air defense, kyiv oblast"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")

        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind_combo)
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Lead"), self.lead_edit)
        form.addRow(self.tr("&Body"), self.body_edit)
        form.addRow(self.tr("&Author"), self.author_edit)
        form.addRow(self.tr("&Published (local time)"), self.time_edit)
        form.addRow(self.tr("&Source"), self.source_edit)
        form.addRow(self.tr("Link"), self.url_edit)
        form.addRow(self.tr("Ta&gs"), self.tags_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        if item_id is not None:
            self._load(item_id)
        self._update_title()
        self.kind_combo.currentIndexChanged.connect(self._update_title)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_title(self) -> None:
        brief = self.kind_combo.currentData() == BRIEF
        if self.item_id is None:
            self.setWindowTitle(self.tr("New brief") if brief else self.tr("New article"))
        else:
            self.setWindowTitle(self.tr("Edit brief") if brief else self.tr("Edit article"))

    def _load(self, item_id: int) -> None:
        stored = get_item(item_id)
        if stored is None:
            return
        d = stored.data
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(d.kind))
        self.title_edit.setText(d.title)
        self.lead_edit.setText(d.lead)
        self.body_edit.setPlainText(d.body)
        self.author_edit.setText(d.author)
        self.time_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(d.published_at.timestamp())))
        self.source_edit.setText(d.source_name)
        self.url_edit.setText(d.source_url or "")
        self.tags_edit.setText(", ".join(d.tags))

    def item_data(self) -> ItemData:
        local = self.time_edit.dateTime().toPython()
        assert isinstance(local, dt.datetime)
        return ItemData(
            kind=str(self.kind_combo.currentData()),
            title=self.title_edit.text(),
            published_at=local.astimezone(),  # the system's zone, as the user typed it
            body=self.body_edit.toPlainText(),
            lead=self.lead_edit.text().strip(),
            author=self.author_edit.text(),
            source_name=self.source_edit.text(),
            source_url=self.url_edit.text().strip() or None,
            tags=split_tags(self.tags_edit.text()),
        )

    def save(self) -> None:
        try:
            data = self.item_data()
            item_id = self.item_id
            self.saved_id = record_item_change(
                self.undo_stack,
                label(NEW_ITEM if item_id is None else EDIT_ITEM),
                item_id,
                lambda: save_item(data, item_id),
                changed=self._changed,
                failed=self._failed,
            )
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return
        assert self.saved_id is not None  # a save returns the id
        self._offer_report(self.saved_id, data)
        self.accept()

    # -- the report an article states ----------------------------------------------------------

    def _offer_report(self, item_id: int, data: ItemData) -> None:
        report = report_in_article(data.body, data.published_at)
        if report is None or report.date is None:
            return
        stored = load_report(report.date)
        if stored is not None and item_id in report_article_ids(report.date):
            return  # linked already; the report dialog and Data problems show any mismatch
        if stored is None:
            problems = validate_report(report, previous_report(report.date), today=dt.date.today())
            if any(p.severity == ERROR for p in problems):
                return  # e.g. a date in the future: nothing sensible to offer
            differences: list[Problem] = []
        else:
            differences = compare_article_report(report, stored)
        self.report_choice = self._ask_report_choice(report, stored, differences)
        if self.report_choice == CREATE_REPORT and stored is None:
            clean = LossReport(report.date, report.figures, report.qualifier, report.note)
            self.undo_stack.push(SaveReportCommand(clean, source="article", article_id=item_id))
        elif self.report_choice == LINK_REPORT and stored is not None:
            self.undo_stack.push(LinkArticleCommand(report.date, item_id))

    def _ask_report_choice(
        self, report: LossReport, stored: LossReport | None, differences: list[Problem]
    ) -> str:
        """CREATE_REPORT, LINK_REPORT or NO_REPORT; tests replace this to answer without a box."""
        assert report.date is not None
        date = report.date.isoformat()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Loss report in the text"),
            self.tr("This text states the loss report of {date} ({count} figure(s)).").format(
                date=date, count=len(report.figures)
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        if stored is None:
            box.setInformativeText(
                self.tr("No report is stored for {date}. Create it from this text?").format(
                    date=date
                )
            )
            yes = box.addButton(self.tr("&Create report"), QMessageBox.ButtonRole.AcceptRole)
        else:
            if differences:
                details = "\n".join(p.message for p in differences)
                info = self.tr(
                    "A report for {date} is stored; its figures differ from this text's:\n{details}"
                ).format(date=date, details=details)
            else:
                info = self.tr("A report for {date} is stored and agrees with this text.").format(
                    date=date
                )
            box.setInformativeText(info + "\n\n" + self.tr("Link this text to it?"))
            yes = box.addButton(
                self.tr("&Link to stored report"), QMessageBox.ButtonRole.AcceptRole
            )
        no = box.addButton(QMessageBox.StandardButton.No)
        box.setDefaultButton(no)
        box.exec()
        if box.clickedButton() is not yes:
            return NO_REPORT
        return CREATE_REPORT if stored is None else LINK_REPORT
