"""File ▸ Paste page… and a dropped page: the article, briefs and report found, before saving.

The pasted text (or a dropped `.txt`/`.html`) is read on the read lane into its article, its
briefs and the loss report the article states. The dialog lists them: each can be unticked and
its date corrected (a brief's date found from the page's timeline is marked estimated until it
is corrected). Save writes what is kept on the write lane as one import: one transaction, one
step on the undo stack; the views follow the runner's `changed`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.page.dates import kyiv, kyiv_to_utc
from desktop_app.services import pages
from desktop_app.ui.common.accessibility import fit_to_screen
from desktop_app.ui.common.discard import ask_discard
from desktop_app.ui.common.i18n import localized_line

if TYPE_CHECKING:
    from desktop_app.core.page.build import Page
    from desktop_app.services.pages import PagePreview
    from desktop_app.services.transfer import ImportOutcome
    from desktop_app.ui.common.context import WindowContext

KEEP, KIND, WHEN, DATE_IS, TITLE = range(5)
DATE_FORMAT = "yyyy-MM-dd HH:mm"


class PageDialog(QDialog):
    """Shows a page's parts; Save stores the ticked ones (`saved` carries the ImportOutcome)."""

    def __init__(self, ctx: WindowContext, preview: PagePreview | None = None) -> None:
        super().__init__(ctx.widget())
        self.ctx = ctx
        self.preview: PagePreview | None = None
        self.items: list[ItemData] = []
        self.corrected: set[int] = set()
        self.discard_box: QMessageBox | None = None
        self._saving = False
        self.setWindowTitle(self.tr("Paste page"))
        fit_to_screen(self, QSize(900, 640))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Paste a news page copied from the browser (or its saved HTML) and press Read."
                " Its article, its briefs and the loss report it states are listed below."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.paste_box = QPlainTextEdit(self)
        self.paste_box.setAccessibleName(self.tr("Page text"))
        self.paste_box.setPlaceholderText(self.tr("Paste the page here"))
        self.paste_box.setMaximumHeight(140)
        layout.addWidget(self.paste_box)
        self.read_button = QPushButton(self.tr("&Read page"), self)
        self.read_button.clicked.connect(self.read_pasted)
        layout.addWidget(self.read_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.found_label = QLabel(self)
        self.found_label.setWordWrap(True)
        layout.addWidget(self.found_label)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Keep"),
                self.tr("Kind"),
                self.tr("Published (Kyiv time)"),
                self.tr("Date"),
                self.tr("Headline"),
            ]
        )
        self.table.setAccessibleName(self.tr("Article and briefs found in the page"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (KEEP, KIND, WHEN, DATE_IS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(lambda _item: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.report_box = QCheckBox(self)
        self.report_box.toggled.connect(lambda _on: self._update_buttons())
        layout.addWidget(self.report_box)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        if preview is not None:
            self.paste_box.hide()
            self.read_button.hide()
            hint.hide()
            self.show_preview(preview)
        else:
            self._show_nothing()
            clipboard = QGuiApplication.clipboard().text()
            if clipboard.strip():
                self.paste_box.setPlainText(clipboard)
                self.read_pasted()

    # -- reading --------------------------------------------------------------------------
    def read_pasted(self) -> None:
        text = self.paste_box.toPlainText()
        if not text.strip():
            self.found_label.setText(self.tr("Paste a page first."))
            return
        self.read_button.setEnabled(False)
        self.found_label.setText(self.tr("Reading the page…"))
        self.ctx.runner.read(
            "read page",
            lambda: pages.preview_text(text),
            success=self.show_preview,
            failure=self._not_read,
        )

    def _not_read(self, text: str) -> None:
        self.read_button.setEnabled(True)
        self._show_nothing()
        if _holds_report(self.paste_box.toPlainText()):
            # Before, an official post pasted here got "No page found" and no way on.
            text = self.tr(
                "This text is a loss report without an article or briefs: paste it into"
                " Edit ▸ New report… (Ctrl+R), which shows its figures and checks them"
                " before saving."
            )
            self.found_label.setText(text)
            return
        self.found_label.setText(self.tr("No page found: %1").replace("%1", text))

    def _show_nothing(self) -> None:
        self.preview, self.items = None, []
        self.table.setRowCount(0)
        self.report_box.hide()
        self._update_buttons()

    def show_preview(self, preview: PagePreview) -> None:
        self.read_button.setEnabled(True)
        self.preview = preview
        page = preview.page
        self.items = ([page.article] if page.article is not None else []) + list(page.briefs)
        self.corrected = set()
        self.found_label.setText(self.tr("Found: %1.").replace("%1", self._parts_text(page)))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        self.table.blockSignals(False)
        self._show_report(preview)
        self.message.setText("\n".join(localized_line(line) for line in page.skipped))
        self._update_buttons()

    def _parts_text(self, page: Page) -> str:
        parts = [self.tr("an article")] if page.article is not None else []
        if page.briefs:
            parts.append(self.tr("%n brief(s)", "", len(page.briefs)))
        if page.report is not None and page.report.date is not None:
            parts.append(
                self.tr("the loss report of %1").replace("%1", page.report.date.isoformat())
            )
        return ", ".join(parts)

    def _fill_row(self, row: int, item: ItemData) -> None:
        keep = QTableWidgetItem()
        keep.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        keep.setCheckState(Qt.CheckState.Checked)
        keep.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Keep"))
        self.table.setItem(row, KEEP, keep)
        kind = self.tr("Article") if item.kind == ARTICLE else self.tr("Brief")
        self.table.setItem(row, KIND, QTableWidgetItem(kind))
        editor = QDateTimeEdit(self.table)
        editor.setDisplayFormat(DATE_FORMAT)
        editor.setCalendarPopup(True)
        local = item.published_at.astimezone(kyiv()).replace(tzinfo=None)
        editor.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
        )
        editor.setAccessibleName(self.tr("Published (Kyiv time)"))
        editor.dateTimeChanged.connect(lambda _when, r=row: self._date_corrected(r))
        self.table.setCellWidget(row, WHEN, editor)
        self.table.setItem(row, DATE_IS, QTableWidgetItem(self._date_is(item, row)))
        title = QTableWidgetItem(item.title)
        title.setToolTip(item.body[:600])
        self.table.setItem(row, TITLE, title)

    def _date_is(self, item: ItemData, row: int) -> str:
        if row in self.corrected:
            return self.tr("corrected")
        return self.tr("estimated") if item.date_estimated else self.tr("stated")

    def _date_corrected(self, row: int) -> None:
        self.corrected.add(row)
        cell = self.table.item(row, DATE_IS)
        if cell is not None:
            cell.setText(self._date_is(self.items[row], row))

    def _show_report(self, preview: PagePreview) -> None:
        report = preview.page.report
        if report is None or report.date is None:
            self.report_box.hide()
            self.report_box.setChecked(False)
            return
        day, count = report.date.isoformat(), len(report.figures)
        if preview.report_stored:
            text = self.tr("Link the article to the stored loss report of %1").replace("%1", day)
        else:
            text = self.tr(
                "Save the loss report of %1 (%n figure(s)) and link the article to it",
                "",
                count,
            ).replace("%1", day)
        self.report_box.setText(text)
        self.report_box.setChecked(True)
        self.report_box.show()

    # -- choosing and saving --------------------------------------------------------------
    def kept(self, row: int) -> bool:
        cell = self.table.item(row, KEEP)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def set_kept(self, row: int, keep: bool) -> None:
        cell = self.table.item(row, KEEP)
        if cell is not None:
            cell.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)

    def date_editor(self, row: int) -> QDateTimeEdit:
        editor = self.table.cellWidget(row, WHEN)
        assert isinstance(editor, QDateTimeEdit)
        return editor

    def chosen(self) -> Page | None:
        """The page as the user kept and corrected it; None when nothing is kept."""
        if self.preview is None:
            return None
        chosen: list[ItemData] = []
        for row, item in enumerate(self.items):
            if not self.kept(row):
                continue
            if row in self.corrected:
                chosen_at = self.date_editor(row).dateTime()
                day, time = chosen_at.date(), chosen_at.time()
                when = kyiv_to_utc(
                    dt.date(day.year(), day.month(), day.day()),
                    dt.time(time.hour(), time.minute()),
                )
                item = dataclasses.replace(item, published_at=when, date_estimated=False)
            chosen.append(item)
        page = self.preview.page
        article = chosen[0] if chosen and page.article is not None and self.kept(0) else None
        briefs = tuple(chosen[1:] if article is not None else chosen)
        report = page.report if self.report_box.isChecked() else None
        if article is None and not briefs and report is None:
            return None
        return dataclasses.replace(page, article=article, briefs=briefs, report=report)

    def _update_buttons(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not self.ctx.read_only and self.chosen() is not None)

    def save(self) -> None:
        page = self.chosen()
        if page is None or self.preview is None or self.ctx.read_only:
            return
        preview = self.preview
        self._saving = True
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Saving…"))
        self.ctx.runner.write(
            "save page",
            lambda: pages.save_page(page, fmt=preview.format, source=preview.source),
            success=lambda outcome: self._saved(outcome, page),
            failure=self._not_saved,
        )

    def _saved(self, outcome: ImportOutcome, page: Page) -> None:
        from desktop_app.services import history
        from desktop_app.ui.common.undo import ChangeCommand

        step = history.import_change(outcome.undo, outcome.changes)
        parts = self._parts_text(page)  # in the window's language (describe() is English)
        if step is None:  # nothing written: the archive holds all of it already
            self.ctx.status(
                self.tr("Nothing new: the archive already holds %1.").replace("%1", parts)
            )
        else:
            text = self.tr("save page (%1)").replace("%1", parts)
            self.ctx.undo_stack.push(
                ChangeCommand(
                    self.ctx.runner, text, step, lambda t: self.ctx.show_message("error", t)
                )
            )
            self.ctx.status(self.tr("Saved from the page: %1.").replace("%1", parts))
        self._saving = False
        self.accept()

    # -- closing ----------------------------------------------------------------------------
    def has_input(self) -> bool:
        """Whether closing would throw away something: pasted text, or a tick or date changed."""
        if not self.paste_box.isHidden() and self.paste_box.toPlainText().strip():
            return True
        if self.preview is None:
            return False
        report_left_out = self.report_box.isVisible() and not self.report_box.isChecked()
        unticked = any(not self.kept(row) for row in range(len(self.items)))
        return bool(self.corrected) or unticked or report_left_out

    def reject(self) -> None:
        """Esc, Cancel or closing the window: not while a save is on its way (the dialog closes
        when it ends); asks first when something pasted or chosen would be thrown away."""
        if self._saving or self.discard_box is not None:
            return
        if not self.has_input():
            super().reject()
            return
        texts = (
            self.tr("Discard this page?"),
            self.tr("The text pasted and what was chosen in it are not saved."),
            self.tr("&Discard"),
            self.tr("&Keep editing"),
        )
        self.discard_box = ask_discard(
            self, texts, lambda: QDialog.reject(self), lambda: setattr(self, "discard_box", None)
        )

    def _not_saved(self, text: str) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.message.setText(self.tr("Nothing was saved: %1").replace("%1", text))


def _holds_report(text: str) -> bool:
    """Whether `text` states a dated loss report (as the report dialog reads it)."""
    from desktop_app.core.errors import NoReportError
    from desktop_app.core.report_parser import parse_report

    try:
        return parse_report(text).date is not None
    except NoReportError:
        return False


def open_page_dialog(ctx: WindowContext, preview: PagePreview | None = None) -> PageDialog:
    dialog = PageDialog(ctx, preview)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def import_or_show_page(
    ctx: WindowContext, paths: Sequence[Path], import_files: Callable[[list[Path]], None]
) -> None:
    """A single dropped `.txt` or `.html` that holds a page opens the dialog; anything else
    (and a page that cannot be read, whose error the import then names) is imported."""
    paths = list(paths)
    if len(paths) != 1 or paths[0].suffix.lower() not in pages.PAGE_SUFFIXES:
        import_files(paths)
        return

    def found(preview: PagePreview | None) -> None:
        if preview is None:
            import_files(paths)
        else:
            open_page_dialog(ctx, preview)

    ctx.runner.read(
        "read dropped page",
        lambda: pages.preview_file(paths[0]),
        success=found,
        failure=lambda _text: import_files(paths),
    )
