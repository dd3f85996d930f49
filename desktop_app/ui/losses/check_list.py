"""The report dialog's list of checks: errors, warnings and the pasted lines that could not be
read, each tied to where it belongs.

A problem of one category names that category and, activated (double-click or Enter), puts the
cursor in that row's total; a line that could not be read gives its line number and, activated,
selects that line in the paste box. The list keeps one height whatever it holds, so the dialog
does not jump as checks come and go.

Signals:
    rowChosen(key): a category's problem was activated.
    lineChosen(number): an unread line (0-based block number in the paste box) was activated.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from desktop_app.core.categories import BY_KEY
from desktop_app.ui.losses.report_table_model import category_label

ROW, LINE = "row", "line"
# The role holding where an entry belongs: (ROW, key) or (LINE, block number).
TARGET_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ENTRIES = 6


def unread_lines(text: str, unread: Sequence[str]) -> list[tuple[int, str]]:
    """Each unread line with its block number in `text` (the first not yet taken)."""
    lines = [line.strip() for line in text.split("\n")]
    taken: set[int] = set()
    found = []
    for line in unread:
        wanted = line.strip()
        number = next(
            (i for i, have in enumerate(lines) if have == wanted and i not in taken),
            next((i for i, have in enumerate(lines) if wanted and wanted in have), -1),
        )
        taken.add(number)
        found.append((number, line))
    return found


class CheckList(QListWidget):
    """Errors, warnings and unread lines, one entry each, at a fixed height."""

    rowChosen = Signal(str)
    lineChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * VISIBLE_ENTRIES + 12)
        self.unread: list[tuple[int, str]] = []
        self.itemActivated.connect(self._activated)
        self.installEventFilter(self)

    def show_checks(
        self,
        errors: list[tuple[str, str | None]],
        warnings: list[tuple[str, str | None]],
    ) -> None:
        """Errors and warnings as (message, category key or None), then the unread lines."""
        self.clear()
        style = self.style()
        for entries, icon in (
            (errors, QStyle.StandardPixmap.SP_MessageBoxCritical),
            (warnings, QStyle.StandardPixmap.SP_MessageBoxWarning),
        ):
            for message, key in entries:
                shown = message
                if key is not None:
                    # The checks write the category's English name ("Aircraft: …"); the
                    # entry names it in the window's language, once.
                    english = BY_KEY[key].label_en + ": "
                    body = message[len(english) :] if message.startswith(english) else message
                    label = category_label(key)
                    shown = body if body.startswith(label + ": ") else f"{label}: {body}"
                item = QListWidgetItem(style.standardIcon(icon), shown)
                if key is not None:
                    item.setData(TARGET_ROLE, (ROW, key))
                    item.setToolTip(
                        QCoreApplication.translate(
                            "ReportDialog", "Double-click or press Enter to go to the row"
                        )
                    )
                self.addItem(item)
        info = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        for number, line in self.unread:
            text = (
                QCoreApplication.translate("ReportDialog", "Line %1 could not be read: %2").replace(
                    "%1", str(number + 1)
                )
                if number >= 0
                else QCoreApplication.translate("ReportDialog", "Could not read: %2")
            ).replace("%2", line)
            item = QListWidgetItem(info, text)
            if number >= 0:
                item.setData(TARGET_ROLE, (LINE, number))
                item.setToolTip(
                    QCoreApplication.translate(
                        "ReportDialog", "Double-click or press Enter to select the line"
                    )
                )
            self.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if not target:
            return
        kind, where = target
        if kind == ROW:
            self.rowChosen.emit(str(where))
        else:
            self.lineChosen.emit(int(where))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter goes to the entry's row or line while the list has the focus, not to the
        # dialog's default button.
        if (
            watched is self
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)
