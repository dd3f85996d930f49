"""The "Data problems" dock: every doubt about the stored reports, one row each (View → Ctrl+4).

Lists decreases, stated ≠ derived changes, missing days and articles whose numbers disagree
with the report they are linked to (the same list as `frontline-archive check`), grouped by
kind with a count each, and a filter above them (date, category or words). Activating a row
(double-click or Enter) opens that report in the Losses tab; *Open article* opens the article
that published it in the Archive tab. The list is read on the window's read lane and read
again when the runner says reports or items changed. The dock starts at a quarter of the
window's height.

Signals:
    openReport(date): the user activated a problem of that date.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
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
from desktop_app.ui.common.i18n import localized, number
from desktop_app.ui.losses.report_table_model import category_label

if TYPE_CHECKING:
    from desktop_app.services.changes import Changes
    from desktop_app.ui.common.context import WindowContext

# Ctrl+1–3 switch the tabs (Archive, Losses, Charts); the panel comes next in the View menu.
TOGGLE_SHORTCUT = "Ctrl+4"

DATE_COLUMN, KIND_COLUMN, CATEGORY_COLUMN, MESSAGE_COLUMN = range(4)
# The groups' order: what most often needs a look first.
KIND_ORDER = (
    DECREASE,
    IMPLAUSIBLE_DROP,
    CHANGE_MISMATCH,
    ARTICLE_MISMATCH,
    GAP,
    BEFORE_WAR,
    FUTURE,
)


class ProblemsView(QWidget):
    """A summary line and a filter above the problems, grouped by kind, oldest first."""

    # The date of the report the user asked to open.
    openReport = Signal(object)

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._loading = False
        self._again = False
        self.problems: list[Problem] = []
        self.articles: dict[dt.date, list[tuple[int, str]]] = {}
        self.groups: dict[str, QTreeWidgetItem] = {}
        ctx.runner.changed.connect(self._on_changed)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by date, category or words"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter the problems"))
        self.filter_edit.textChanged.connect(self.apply_filter)
        self.article_button = QPushButton(self.tr("Ope&n article"), self)
        self.article_button.setToolTip(
            self.tr("Open the article that published the selected problem's report")
        )
        self.article_button.setEnabled(False)
        self.article_button.clicked.connect(self.open_article)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(True)
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
        self.tree.currentItemChanged.connect(self._update_article_button)
        self.tree.installEventFilter(self)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.article_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)

    def sizeHint(self) -> QSize:
        # A quarter of the window's height: the dock sits below the tabs, not over them.
        window = self.window()
        height = window.height() // 4 if window is not None and window is not self else 200
        return QSize(super().sizeHint().width(), max(height, 120))

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
            "data problems",
            read_problems_and_articles,
            success=self._arrived,
            failure=self._failed,
        )

    @property
    def loading(self) -> bool:
        return self._loading

    def _on_changed(self, changes: Changes) -> None:
        if changes.losses and isValid(self):
            self.refresh()

    def _failed(self, text: str) -> None:
        again, self._loading, self._again = self._again, False, False
        self.ctx.show_message("error", text)
        if again:  # a change came while the read was out: it may be what mends it
            self.refresh()

    def _arrived(self, read: tuple[list[Problem], dict[dt.date, list[tuple[int, str]]]]) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.articles = read[1]
        self.show_problems(read[0])
        if self._again:
            self._again = False
            self.refresh()

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.tree.clear()
        self.groups = {}
        kinds = sorted(
            {p.kind for p in self.problems},
            key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k),
        )
        for kind in kinds:
            group = QTreeWidgetItem([self.kind_label(kind)])
            group.setData(KIND_COLUMN, Qt.ItemDataRole.UserRole, kind)
            self.groups[kind] = group
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
            self.groups[problem.kind].addChild(item)
        self.tree.addTopLevelItems(list(self.groups.values()))
        for group in self.groups.values():
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)
        for column in (DATE_COLUMN, KIND_COLUMN, CATEGORY_COLUMN):
            self.tree.resizeColumnToContents(column)
        self.apply_filter()
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

    def problem_rows(self) -> list[QTreeWidgetItem]:
        """Every problem's row, group by group."""
        return [
            item
            for g in self.groups.values()
            for i in range(g.childCount())
            if (item := g.child(i)) is not None
        ]

    def apply_filter(self, *_args: object) -> None:
        """Show the problems whose date, category or text hold every word typed."""
        words = self.filter_edit.text().casefold().split()
        for group in self.groups.values():
            shown = 0
            for i in range(group.childCount()):
                item = group.child(i)
                assert item is not None
                text = " ".join(item.text(c) for c in range(4)).casefold()
                hidden = not all(w in text for w in words)
                item.setHidden(hidden)
                shown += not hidden
            total = group.childCount()
            label = self.kind_label(str(group.data(KIND_COLUMN, Qt.ItemDataRole.UserRole)))
            count = (
                number(shown)
                if shown == total
                else self.tr("%1 of %2").replace("%1", number(shown)).replace("%2", number(total))
            )
            group.setText(DATE_COLUMN, f"{label} ({count})")
            group.setHidden(shown == 0)

    def _selected_articles(self) -> list[tuple[int, str]]:
        item = self.tree.currentItem()
        date = item.data(DATE_COLUMN, Qt.ItemDataRole.UserRole) if item is not None else None
        return self.articles.get(date, []) if isinstance(date, dt.date) else []

    def _update_article_button(self, *_args: object) -> None:
        articles = self._selected_articles()
        self.article_button.setEnabled(bool(articles))
        self.article_button.setToolTip(
            self.tr("Open “%1” (Archive tab)").replace("%1", articles[0][1])
            if articles
            else self.tr("No article in the archive published this report")
        )

    def open_article(self) -> None:
        """Open the article that published the selected problem's report."""
        articles = self._selected_articles()
        if articles:
            self.ctx.open_item(articles[0][0])

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
        if item.childCount():
            item.setExpanded(not item.isExpanded())  # a group opens and closes
            return
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


def read_problems_and_articles() -> tuple[list[Problem], dict[dt.date, list[tuple[int, str]]]]:
    """The problems and every report's articles (run on the read lane)."""
    from desktop_app.services import charts

    return read_problems(), charts.report_articles()


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
