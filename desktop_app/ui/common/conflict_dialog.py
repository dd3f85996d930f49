"""Someone else saved a report or an item since this user opened it: their version beside
mine, field by field, and the choice of what to do.

- **Merge** takes theirs where I did not change a field, mine where I did; where we both
  changed it, the row offers a choice (mine unless I pick theirs);
- **Overwrite theirs** saves my version over theirs (explicit: a button of its own);
- **Take theirs** puts their version in the form (what I typed is dropped);
- **Keep editing** closes this and changes nothing (saving again asks again).

The report dialog and the article dialog both use it (`ui.common`, so features share it);
it only shows and asks, the dialogs read and save.

Signals:
    chosen(str): MERGE, OVERWRITE, THEIRS or KEEP, once, when the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.conflicts import MINE, THEIRS, FieldMerge, Merge
from desktop_app.ui.common.accessibility import fit_to_screen
from desktop_app.ui.common.i18n import localized_line

MERGE, OVERWRITE, TAKE_THEIRS, KEEP = "merge", "overwrite", "theirs", "keep"
FIELD, YOURS, THEIRS_COLUMN, TAKEN = range(4)


class ConflictDialog(QDialog):
    chosen = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        message: str,
        merge: Merge,
        *,
        who: str,
        label: Callable[[str], str],
        show: Callable[[object], str],
    ) -> None:
        """`message` says who changed it when; `label` names a field, `show` writes a value."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.merge = merge
        self.choice = KEEP
        self._choosers: dict[str, QComboBox] = {}
        self.message_label = QLabel(localized_line(message))
        self.message_label.setWordWrap(True)
        conflicts = len(merge.conflicts)
        if merge.differences:
            hint = self.tr(
                "Their version beside yours. Merge takes theirs where you did not change a "
                "field and yours where you did."
            )
            if conflicts:
                hint += " " + self.tr(
                    "You both changed %n field(s): choose which to keep in the last column.",
                    "",
                    conflicts,
                )
        else:
            hint = self.tr("Their version and yours are the same.")
        self.hint_label = QLabel(hint)
        self.hint_label.setWordWrap(True)

        rows = merge.differences
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Yours"),
                self.tr("Theirs (%1)").replace("%1", who),
                self.tr("Merge keeps"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        for row, merged in enumerate(rows):
            self._add_row(row, merged, label, show)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(rows))

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self._button(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.overwrite_button = self._button(
            self.tr("&Overwrite theirs"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.overwrite_button.setToolTip(
            self.tr("Save your version as it is; their changes are replaced.")
        )
        self.theirs_button = self._button(
            self.tr("&Take theirs"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.theirs_button.setToolTip(
            self.tr("Put their version in the form; what you typed is dropped.")
        )
        self.keep_button = self._button(
            self.tr("&Keep editing"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(lambda: self._choose(MERGE))
        self.overwrite_button.clicked.connect(lambda: self._choose(OVERWRITE))
        self.theirs_button.clicked.connect(lambda: self._choose(TAKE_THEIRS))
        self.keep_button.clicked.connect(lambda: self._choose(KEEP))

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(760, 420 if rows else 160))

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        self.buttons.addButton(button, role)
        return button

    def _add_row(
        self,
        row: int,
        merged: FieldMerge,
        label: Callable[[str], str],
        show: Callable[[object], str],
    ) -> None:
        self.table.setItem(row, FIELD, QTableWidgetItem(label(merged.key)))
        for column, value in ((YOURS, merged.mine), (THEIRS_COLUMN, merged.theirs)):
            text = show(value)
            cell = QTableWidgetItem(text if text else self.tr("(empty)"))
            cell.setToolTip(text)
            self.table.setItem(row, column, cell)
        if merged.conflict:
            chooser = QComboBox(self.table)
            chooser.addItem(self.tr("yours"), MINE)
            chooser.addItem(self.tr("theirs"), THEIRS)
            chooser.setAccessibleName(self.tr("Keep for %1").replace("%1", label(merged.key)))
            self._choosers[merged.key] = chooser
            self.table.setCellWidget(row, TAKEN, chooser)
        else:
            text = (
                self.tr("yours (only you changed it)")
                if merged.changed_by_me
                else self.tr("theirs (only they changed it)")
            )
            self.table.setItem(row, TAKEN, QTableWidgetItem(text))

    def choose(self, key: str, side: str) -> None:
        """Pick MINE or THEIRS for a field both changed (as its box in the table does)."""
        chooser = self._choosers[key]
        chooser.setCurrentIndex(chooser.findData(side))

    def resolved(self) -> Merge:
        """The merge with the choices made in the table."""
        return self.merge.resolve(
            {key: str(box.currentData()) for key, box in self._choosers.items()}
        )

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Rejected if choice == KEEP else QDialog.DialogCode.Accepted)

    def reject(self) -> None:  # Esc, the window's close button
        self.choice = KEEP
        super().reject()

    def done(self, code: int) -> None:
        super().done(code)
        self.chosen.emit(self.choice)
