"""The report dialog's widgets and their arrangement; `report_dialog` gives them behaviour.

Left: date, qualifier, note and the grid of figures; right: the paste box, the checks and
the articles that publish the report; Save and Cancel below. Texts keep the context
"ReportDialog", the dialog's own.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.report import WAR_START
from desktop_app.ui.common.accessibility import fit_to_screen, name
from desktop_app.ui.common.i18n import localized
from desktop_app.ui.losses.check_list import CheckList
from desktop_app.ui.losses.figure_grid import FigureGrid

if TYPE_CHECKING:
    from desktop_app.services.queries import LinkedArticle

QUALIFIERS = ("", "about", "more than")
# Lines of the paste box: room for an official post's list of categories.
PASTE_LINES = 9


class ReportDialogLayout(QDialog):
    """The widgets of the report dialog, built and laid out; no behaviour, no archive."""

    def __init__(self, parent: QWidget | None, *, today: dt.date, editing: bool) -> None:
        super().__init__(parent)
        self.grid = FigureGrid(self)
        self._build_form(today, editing)
        self._build_side()
        self._build_buttons()
        self._lay_out()

    # -- building ------------------------------------------------------------------------------

    def _build_form(self, today: dt.date, editing: bool) -> None:
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(WAR_START.year, WAR_START.month, WAR_START.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        if editing:
            # An edit keeps its date: changing it would silently leave the old report behind.
            self.date_edit.setReadOnly(True)
            self.date_edit.setCalendarPopup(False)
            self.date_edit.setButtonSymbols(QDateEdit.ButtonSymbols.NoButtons)
        self.day_label = QLabel(self)
        self.qualifier_combo = QComboBox(self)
        for value, text in zip(
            QUALIFIERS,
            (
                QCoreApplication.translate("ReportDialog", "(none)"),
                QCoreApplication.translate("ReportDialog", "about"),
                QCoreApplication.translate("ReportDialog", "more than"),
            ),
            strict=True,
        ):
            self.qualifier_combo.addItem(text, value)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(
            QCoreApplication.translate(
                "ReportDialog", "e.g. the direction with the greatest losses"
            )
        )

    def _header(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _build_side(self) -> None:
        self.paste_box = QPlainTextEdit(self)
        self.paste_box.setTabChangesFocus(True)  # Tab moves on; a pasted tab stays a tab
        # One size whatever the checks below hold: the dialog must not jump while typing.
        lines = self.fontMetrics().lineSpacing()
        self.paste_box.setFixedHeight(lines * PASTE_LINES + 10)
        self.paste_box.setMinimumWidth(self.fontMetrics().averageCharWidth() * 26)
        self.paste_box.setPlaceholderText(
            QCoreApplication.translate(
                "ReportDialog",
                "Paste the General Staff's post or a news report here, then press Fill.",
            )
        )
        self.fill_button = QPushButton(
            QCoreApplication.translate("ReportDialog", "&Fill from text"), self
        )
        self.fill_message = QLabel(self)
        self.fill_message.setWordWrap(True)
        self.fill_message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Room for the usual messages, so that they come and go without moving what is
        # below; a longer one (rare) takes more.
        self.fill_message.setMinimumHeight(lines * 4 + 4)
        self.fill_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems_label.setMinimumHeight(lines * 3 + 4)
        self.problems_list = CheckList(self)
        self.articles_header = self._header(
            QCoreApplication.translate("ReportDialog", "Published in")
        )
        self.articles_list = QListWidget(self)
        self.articles_list.setWordWrap(True)
        self.articles_list.setMaximumHeight(120)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(
            QCoreApplication.translate("ReportDialog", "Save the report (Ctrl+Return)")
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        # Who changed which figure, when (a stored report; shown by ui.losses.figure_history).
        self.history_button = QPushButton(
            QCoreApplication.translate("ReportDialog", "Figure &history…"), self
        )
        self.buttons.addButton(self.history_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.save_button, cancel, self.history_button):
            button.setAutoDefault(False)

    def _lay_out(self) -> None:
        form = QFormLayout()
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.day_label, 1)
        rows: tuple[tuple[str, QWidget | QHBoxLayout, QWidget], ...] = (
            (QCoreApplication.translate("ReportDialog", "&Date:"), date_row, self.date_edit),
            (
                QCoreApplication.translate("ReportDialog", "&Personnel figure is:"),
                self.qualifier_combo,
                self.qualifier_combo,
            ),
            (QCoreApplication.translate("ReportDialog", "&Note:"), self.note_edit, self.note_edit),
        )
        for text, field, buddy in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.grid, 1)

        paste_caption = QLabel(
            QCoreApplication.translate("ReportDialog", "Paste report te&xt:"), self
        )
        paste_caption.setBuddy(self.paste_box)
        right = QVBoxLayout()
        right.addWidget(paste_caption)
        right.addWidget(self.paste_box)
        right.addWidget(self.fill_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.fill_message)
        right.addSpacing(8)
        right.addWidget(self._header(QCoreApplication.translate("ReportDialog", "Checks")))
        right.addWidget(self.problems_label)
        right.addWidget(self.problems_list)
        right.addWidget(self.articles_header)
        right.addWidget(self.articles_list)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 0)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self._describe()
        fit_to_screen(self, QSize(1100, 720))

    def _describe(self) -> None:
        """What a screen reader says for the controls whose label does not say it all."""
        name(
            self.date_edit,
            QCoreApplication.translate("ReportDialog", "Date"),
            self.day_label.text(),
        )
        name(
            self.paste_box,
            QCoreApplication.translate("ReportDialog", "Report text to read figures from"),
        )
        name(self.problems_list, QCoreApplication.translate("ReportDialog", "Checks"))
        name(self.articles_list, QCoreApplication.translate("ReportDialog", "Published in"))

    def order_tabs(self) -> None:
        """Tab in reading order: date, qualifier, note, each row's total and change, the
        paste box and Fill, the checks, Save, Cancel (call once the rows are added)."""
        chain: list[QWidget] = [self.date_edit, self.qualifier_combo, self.note_edit]
        chain += self.grid.edits()
        chain += [self.paste_box, self.fill_button, self.problems_list, self.articles_list]
        chain += self.buttons.buttons()
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def first_field(self) -> QWidget:
        """The field the dialog opens on: the date, or a kept date's first total."""
        edits = self.grid.edits()
        return edits[0] if self.date_edit.isReadOnly() and edits else self.date_edit

    def showEvent(self, event: QShowEvent) -> None:
        # Enter in a figure field must not save a half-typed report (Ctrl+Return does), but
        # QDialogButtonBox makes its accept button the default as it is shown; undo that.
        super().showEvent(event)
        self.save_button.setDefault(False)
        self.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what the dialog shows in its widgets ----------------------------------------------------

    def _mark_date_guess(self, on: bool) -> None:
        """An unknown date stays visibly a guess until the user touches it."""
        self.date_edit.setProperty("guess", on)
        self.date_edit.setToolTip(
            QCoreApplication.translate(
                "ReportDialog", "A guess: the pasted text gives no date. Set the report's date."
            )
            if on
            else ""
        )
        palette = self.date_edit.palette() if on else self.style().standardPalette()
        if on:
            palette.setColor(palette.ColorRole.Base, palette.color(palette.ColorRole.Highlight))
            palette.setColor(
                palette.ColorRole.Text, palette.color(palette.ColorRole.HighlightedText)
            )
        self.date_edit.setPalette(palette)

    def _show_linked_articles(self, articles: list[LinkedArticle]) -> None:
        """List the articles that published this report and where they disagree with it."""
        style = self.style()
        for article in articles:
            item = QListWidgetItem(article.title)
            item.setData(Qt.ItemDataRole.UserRole, article.item_id)
            self.articles_list.addItem(item)
            if not article.has_report:
                self.articles_list.addItem(
                    "    "
                    + QCoreApplication.translate(
                        "ReportDialog", "(its text no longer holds a report)"
                    )
                )
            for problem in article.problems:
                self.articles_list.addItem(
                    QListWidgetItem(
                        style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                        localized(problem.message),
                    )
                )
        self.articles_header.setVisible(bool(articles))
        self.articles_list.setVisible(bool(articles))

    # -- accessors for the view and tests ------------------------------------------------------

    def total_edit(self, key: str) -> QLineEdit:
        return self.grid.total_edit(key)

    def change_edit(self, key: str) -> QLineEdit:
        return self.grid.change_edit(key)

    def previous_label(self, key: str) -> QLabel:
        return self.grid.previous_label(key)

    def derived_label(self, key: str) -> QLabel:
        return self.grid.derived_label(key)

    def warning_label(self, key: str) -> QLabel:
        return self.grid.warning_label(key)

    def row_keys(self) -> list[str]:
        return self.grid.keys()

    def is_highlighted(self, edit: QLineEdit) -> bool:
        return self.grid.is_highlighted(edit)

    def current_date(self) -> dt.date:
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())
