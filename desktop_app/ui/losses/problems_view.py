"""The "Data problems" dock: every doubt about the stored reports, one row each (View → Ctrl+4).

Lists decreases, stated ≠ derived changes, missing days and articles whose numbers disagree
with the report they are linked to (the same list as `frontline-archive check`). Activating a
row (double-click or Enter) opens that report in the Losses tab. The list is read on the
window's read lane and read again when the runner says reports or items changed.

Signals:
    openReport(date): the user activated a problem of that date.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.core.validation import (
    ARTICLE_MISMATCH,
    BEFORE_WAR,
    CHANGE_MISMATCH,
    DECREASE,
    FUTURE,
    GAP,
    IMPLAUSIBLE_DROP,
    Problem,
)
from desktop_app.ui.common.i18n import localized
from desktop_app.ui.losses.report_table_model import category_label

if TYPE_CHECKING:
    from desktop_app.services.changes import Changes
    from desktop_app.ui.common.context import WindowContext

# Ctrl+1–3 switch the tabs (Archive, Losses, Charts); the panel comes next in the View menu.
TOGGLE_SHORTCUT = "Ctrl+4"

DATE_COLUMN, KIND_COLUMN, CATEGORY_COLUMN, MESSAGE_COLUMN = range(4)


class ProblemsView(QWidget):
    """A summary line above a flat list of problems, oldest first."""

    # The date of the report the user asked to open.
    openReport = Signal(object)

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._loading = False
        self._again = False
        self.problems: list[Problem] = []
        ctx.runner.changed.connect(self._on_changed)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [self.tr("Date"), self.tr("Problem"), self.tr("Category"), self.tr("Details")]
        )
        self.tree.setToolTip(self.tr("Double-click or press Enter to open the report"))
        self.tree.setTabKeyNavigation(False)
        self.tree.setAccessibleName(self.tr("Data problems"))
        self.tree.setAccessibleDescription(self.tree.toolTip())
        # itemActivated covers both a double-click and Enter on the current row.
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def kind_label(self, kind: str) -> str:
        labels = {
            DECREASE: self.tr("total decreased"),
            CHANGE_MISMATCH: self.tr("stated ≠ derived change"),
            GAP: self.tr("missing days"),
            ARTICLE_MISMATCH: self.tr("article ≠ report"),
            BEFORE_WAR: self.tr("dated before the war"),
            FUTURE: self.tr("dated in the future"),
            IMPLAUSIBLE_DROP: self.tr("total fell too far (lost digits?)"),
        }
        return labels.get(kind, kind)

    def refresh(self) -> None:
        """Read the problems again now if shown; otherwise when next shown (it costs a pass).

        The list shown stays until the new one arrives from the read lane.
        """
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.ctx.runner.read(
            "data problems", read_problems, success=self._arrived, failure=self._failed
        )

    @property
    def loading(self) -> bool:
        return self._loading

    def _on_changed(self, changes: Changes) -> None:
        if changes.losses and isValid(self):
            self.refresh()

    def _failed(self, text: str) -> None:
        self._loading = self._again = False
        self.ctx.show_message("error", text)

    def _arrived(self, problems: list[Problem]) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.show_problems(problems)
        if self._again:
            self._again = False
            self.refresh()

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.tree.clear()
        items = []
        for problem in self.problems:
            item = QTreeWidgetItem(
                [
                    problem.date.isoformat() if problem.date else "",
                    self.kind_label(problem.kind),
                    category_label(problem.category) if problem.category else "",
                    localized(problem.message),
                ]
            )
            item.setData(DATE_COLUMN, Qt.ItemDataRole.UserRole, problem.date)
            item.setToolTip(MESSAGE_COLUMN, localized(problem.message))
            items.append(item)
        self.tree.addTopLevelItems(items)
        for column in (DATE_COLUMN, KIND_COLUMN, CATEGORY_COLUMN):
            self.tree.resizeColumnToContents(column)
        self.summary.setText(
            self.tr(
                "%n problem(s) found. They are shown, never fixed: the official "
                "figures do decrease on some days.",
                "",
                len(self.problems),
            )
            if self.problems
            else self.tr("No problems found.")
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter opens the report even when a window-wide shortcut also wants Return: the list
        # claims the key while it has the focus, as a line edit claims its own keys.
        if (
            watched is self.tree
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        date = item.data(DATE_COLUMN, Qt.ItemDataRole.UserRole)
        if isinstance(date, dt.date):
            self.openReport.emit(date)
            self.ctx.runner.read(
                "report to open",
                lambda: report_date_for(date),
                success=self._open_report,
            )

    def _open_report(self, target: dt.date | None) -> None:
        if target is not None:
            self.ctx.open_report(target)


def read_problems() -> list[Problem]:
    """Every problem of the stored reports (run on the read lane)."""
    # Imported here: the checks pull in the report parsers, which start-up does not need.
    from desktop_app.services import queries

    return queries.find_problems()


def report_date_for(date: dt.date) -> dt.date | None:
    """The stored report to open for a problem dated `date`: that day's, else the next one.

    A missing day has no report of its own; the report after the gap is where it shows.
    Run on the read lane.
    """
    from desktop_app.services import queries

    later = [d for d in queries.report_dates() if d >= date]
    return min(later) if later else None


class ProblemsDock(QDockWidget):
    """The dock holding a ProblemsView; hidden until View → Data problems shows it."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Data problems"), parent)
        self.setObjectName("dataProblemsDock")  # so the window's saved state restores it
        self.view = ProblemsView(ctx, self)
        self.setWidget(self.view)
        toggle = self.toggleViewAction()
        toggle.setText(self.tr("Data &problems"))
        toggle.setShortcut(QKeySequence(TOGGLE_SHORTCUT))


def install_problems_dock(ctx: WindowContext) -> ProblemsDock:
    """Add the (hidden) Data problems dock to the window; its toggleViewAction goes in View.

    Activating a problem asks the window to open the report (`ctx.open_report`).
    """
    window = ctx.widget()
    assert isinstance(window, QMainWindow)
    dock = ProblemsDock(ctx, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    return dock
