"""New / edit article or brief: the fields of an item, saved in one transaction.

When the body states a loss report, the dialog first reads what is stored for its date (on
the read lane) and offers to create that report or to link the article to the stored one;
then it saves the item, and the report or link chosen, as one write on the write lane and
one undo step. A failed save is shown in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from shiboken6 import isValid

from desktop_app.core.article_report import report_in_article
from desktop_app.core.errors import ValidationError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData, published_at_problem, split_tags
from desktop_app.core.report import LossReport
from desktop_app.core.validation import (
    ERROR,
    Problem,
    compare_article_report,
    latest_report_date,
    validate_report,
)
from desktop_app.ui.archive import item_conflict
from desktop_app.ui.archive.item_commands import (
    EDIT_ITEM,
    EDIT_ITEM_WITH_REPORT,
    NEW_ITEM,
    NEW_ITEM_WITH_REPORT,
    label,
)
from desktop_app.ui.common.accessibility import fit_to_screen
from desktop_app.ui.common.attribution import last_changed
from desktop_app.ui.common.discard import ask_discard
from desktop_app.ui.common.error_label import ErrorLabel
from desktop_app.ui.common.i18n import localized

if TYPE_CHECKING:
    from desktop_app.services.history import Undoable
    from desktop_app.services.queries import StoredItem
    from desktop_app.ui.common.context import WindowContext

# The answers to "this article states a report": create it, link to the stored one, or not
# (the same strings as services.articles, which imports storage: not at this module's load).
CREATE_REPORT, LINK_REPORT, NO_REPORT = "create", "link", "no"


class ItemDialog(QDialog):
    """Signals:
    saved(int): the item was saved (its id); the dialog then closes.
    """

    saved = Signal(int)

    def __init__(
        self,
        ctx: WindowContext,
        *,
        kind: str = ARTICLE,
        stored: StoredItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else ctx.widget())
        self.ctx = ctx
        self.item_id = stored.id if stored is not None else None
        self.saved_id: int | None = None
        self._saving = False
        # What the user chose when offered the article's report (None: nothing was offered).
        self.report_choice: str | None = None
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Article"), ARTICLE)
        self.kind_combo.addItem(self.tr("Brief"), BRIEF)
        self.title_edit = QLineEdit()
        self.lead_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)  # Tab moves to the next field
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
        self.error_label = ErrorLabel()
        self.changed_label = QLabel()  # who changed the item last, when (if known)
        self.changed_label.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind_combo)
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Lead"), self.lead_edit)
        form.addRow(self.tr("&Body"), self.body_edit)
        form.addRow(self.tr("&Author"), self.author_edit)
        form.addRow(self.tr("&Published (local time)"), self.time_edit)
        form.addRow(self.tr("&Source"), self.source_edit)
        form.addRow(self.tr("L&ink"), self.url_edit)
        form.addRow(self.tr("Ta&gs"), self.tags_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.changed_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(640, 560))

        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        # The version an edit starts from: a save does not overwrite someone's newer one.
        self._version: int | None = None
        self.base = stored.data if stored is not None else None  # as opened (a merge's base)
        self.conflict_box: QDialog | None = None
        # What the form was filled with, and its time as the field shows it: what the form
        # does not show (the HTML of a body, a time the source did not state) stays as it was
        # while the body or the time is left as filled.
        self._filled: tuple[ItemData, QDateTime] | None = None
        if stored is not None:
            self._fill(stored)
            self._read_version()
        self._update_title()
        self.kind_combo.currentIndexChanged.connect(self._update_title)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.discard_box: QMessageBox | None = None  # "Discard this article?" while asked
        self._opened = self._form()  # as filled (an edit: its stored item)

    def _read_version(self) -> None:
        from desktop_app.services import queries

        item_id = self.item_id
        if item_id is not None:
            self.ctx.runner.read(
                "item version", lambda: queries.item_stamp(item_id), success=self._version_read
            )

    def _version_read(self, stamp: object) -> None:
        if not isValid(self):
            return
        self._version = getattr(stamp, "version", None)
        self.changed_label.setText(
            last_changed(getattr(stamp, "changed_by", ""), getattr(stamp, "changed_at", None))
        )
        self.changed_label.setVisible(bool(self.changed_label.text()))

    def adopt_version(self, stored: StoredItem, stamp: object) -> None:
        """After a conflict: their stored item (at `stamp`) is what this edit starts from."""
        self.base = stored.data
        self._version_read(stamp)

    def show_version(self, data: ItemData) -> None:
        """Put `data` in the form (their version, or a merge)."""
        self._fill_data(data)

    def _update_title(self) -> None:
        brief = self.kind_combo.currentData() == BRIEF
        if self.item_id is None:
            self.setWindowTitle(self.tr("New brief") if brief else self.tr("New article"))
        else:
            self.setWindowTitle(self.tr("Edit brief") if brief else self.tr("Edit article"))

    def _fill(self, stored: StoredItem) -> None:
        self._fill_data(stored.data)

    def _fill_data(self, d: ItemData) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(d.kind))
        self.title_edit.setText(d.title)
        self.lead_edit.setText(d.lead)
        self.body_edit.setPlainText(d.body)
        self.author_edit.setText(d.author)
        self.time_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(d.published_at.timestamp())))
        self.source_edit.setText(d.source_name)
        self.url_edit.setText(d.source_url or "")
        self.tags_edit.setText(", ".join(d.tags))
        self._filled = (d, self.time_edit.dateTime())

    def item_data(self) -> ItemData:
        local = self.time_edit.dateTime().toPython()
        assert isinstance(local, dt.datetime)
        published = local.astimezone()  # the system's zone, as the user typed it
        body, body_html, estimated = self.body_edit.toPlainText(), "", False
        if self._filled is not None:
            filled, filled_time = self._filled
            if body == filled.body:  # a typed body replaces the markup; else it is kept
                body_html = filled.body_html
            if self.time_edit.dateTime() == filled_time:  # a typed time is a stated one
                published, estimated = filled.published_at, filled.date_estimated
        return ItemData(
            kind=str(self.kind_combo.currentData()),
            title=self.title_edit.text(),
            published_at=published,
            body=body,
            body_html=body_html,
            date_estimated=estimated,
            lead=self.lead_edit.text().strip(),
            author=self.author_edit.text(),
            source_name=self.source_edit.text(),
            source_url=self.url_edit.text().strip() or None,
            tags=split_tags(self.tags_edit.text()),
        )

    def _refusal(self, data: ItemData) -> str:
        """Why `data` cannot be saved, in the window's language, with the focus on the field
        to mend ("" when it can). Core's own wording names its fields ("title: …")."""
        if not data.title.strip():
            self.title_edit.setFocus()
            return self.tr("Give the item a title.")
        if problem := published_at_problem(data.published_at):
            self.time_edit.setFocus()
            return self.tr("Published: %1").replace("%1", localized(problem))
        if data.source_url is not None and not self._web_address(data.source_url):
            self.url_edit.setFocus()
            return self.tr("Link: give the page's web address, starting with https:// or http://.")
        try:
            data.validate()
        except ValidationError as exc:
            return localized(str(exc))
        return ""

    def _web_address(self, text: str) -> bool:
        """Whether a link can be opened from the reader (a typed "www.example.org/x" could
        not: clicking it did nothing); a link kept as the source gave it is not judged."""
        if self._filled is not None and text == self._filled[0].source_url:
            return True
        url = QUrl(text, QUrl.ParsingMode.StrictMode)
        return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())

    def save(self) -> None:
        """Check the fields here, read the stored report the text states (if any), then save."""
        if self._saving:
            return
        data = self.item_data()
        if problem := self._refusal(data):
            self.error_label.setText(problem)
            return
        self._set_saving(True)
        report = report_in_article(data.body, data.published_at)
        if report is None or report.date is None:
            self._write(data, None, NO_REPORT)
            return
        from desktop_app.services import queries

        date = report.date
        self.ctx.runner.read(
            "report stated by an article",
            lambda: queries.report_context(date),
            success=lambda found: self._offer_report(data, report, *found),
            failure=self._failed,
        )

    def _form(self) -> tuple[object, ...]:
        """What the fields hold, to tell whether anything was typed since they were filled."""
        return (
            self.kind_combo.currentIndex(),
            self.time_edit.dateTime(),
            *(e.text() for e in (self.title_edit, self.lead_edit, self.author_edit)),
            *(e.text() for e in (self.source_edit, self.url_edit, self.tags_edit)),
            self.body_edit.toPlainText(),
        )

    def reject(self) -> None:
        """Esc / Cancel / closing the window; not while a save is on its way (the dialog
        closes when it is done). Asks first when something typed would be thrown away."""
        if self._saving or self.discard_box is not None:
            return
        if self._form() == self._opened:
            super().reject()
            return
        brief = self.kind_combo.currentData() == BRIEF
        texts = (
            self.tr("Discard this brief?") if brief else self.tr("Discard this article?"),
            self.tr("What was typed is not saved."),
            self.tr("&Discard"),
            self.tr("&Keep editing"),
        )
        self.discard_box = ask_discard(
            self, texts, lambda: QDialog.reject(self), lambda: setattr(self, "discard_box", None)
        )

    def end_saving(self) -> None:
        self._set_saving(False)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if button is not None:
            button.setEnabled(not saving)

    # -- the report an article states ----------------------------------------------------------
    def _offer_report(
        self,
        data: ItemData,
        report: LossReport,
        stored: LossReport | None,
        linked: list[int],
        previous: LossReport | None,
    ) -> None:
        assert report.date is not None
        choice = NO_REPORT
        if stored is not None and self.item_id is not None and self.item_id in linked:
            pass  # linked already; the report dialog and Data problems show any mismatch
        elif stored is None:
            problems = validate_report(report, previous, today=latest_report_date())
            # e.g. a date in the future (after today in Kyiv too): nothing sensible to offer
            if not any(p.severity == ERROR for p in problems):
                choice = self._ask(report, None, [])
        else:
            choice = self._ask(report, stored, compare_article_report(report, stored))
        if choice != (CREATE_REPORT if stored is None else LINK_REPORT):
            choice = NO_REPORT
        self._write(data, report, choice)

    def _ask(
        self, report: LossReport, stored: LossReport | None, differences: list[Problem]
    ) -> str:
        self.report_choice = self._ask_report_choice(report, stored, differences)
        return self.report_choice

    def _write(self, data: ItemData, report: LossReport | None, choice: str) -> None:
        """The item, and the report or link chosen, in one transaction and one undo step."""
        from desktop_app.services import articles
        from desktop_app.ui.common.undo import push_undoable, short_title

        item_id = self.item_id
        new = item_id is None
        version = self._version

        def name(step: Undoable) -> str:
            if step.dates:
                text = label(NEW_ITEM_WITH_REPORT if new else EDIT_ITEM_WITH_REPORT)
                text = text.replace("{date}", step.dates[0].isoformat())
            else:
                text = label(NEW_ITEM if new else EDIT_ITEM)
            return text.replace("{title}", short_title(step.title))

        push_undoable(
            self.ctx.runner,
            self.ctx.undo_stack,
            "save item",
            lambda: articles.save_article(
                data, item_id, report=report, choice=choice, expected_version=version
            ),
            name,
            success=self._saved,
            failure=self._failed,
            refused=(lambda exc: item_conflict.offer(self, exc)) if not new else None,
        )

    def _saved(self, item_id: object) -> None:
        assert isinstance(item_id, int)  # a save returns the id
        self.saved_id = item_id
        self._set_saving(False)
        self.saved.emit(item_id)
        self.accept()

    def _failed(self, text: str) -> None:
        """A failed save (shown here, the dialog stays open) or, later, a failed undo/redo."""
        if self.saved_id is None and self._saving:
            self._set_saving(False)
            self.error_label.setText(text)
        else:
            self.ctx.show_message("error", text)

    def _ask_report_choice(
        self, report: LossReport, stored: LossReport | None, differences: list[Problem]
    ) -> str:
        """CREATE_REPORT, LINK_REPORT or NO_REPORT; tests replace this to answer without a box."""
        assert report.date is not None
        date = report.date.isoformat()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Loss report in the text"),
            self.tr(
                "This text states the loss report of {date} (%n figure(s)).",
                "",
                len(report.figures),
            ).format(date=date),
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
                details = "\n".join(localized(p.message) for p in differences)
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
