"""Saved searches beside the tags, and the search field's recent searches.

*Save this search…* keeps the search field's text and every filter under a name; the list above
the tags shows each saved search with how many items it finds now (counted on the read lane,
again after every change to the archive), and a click puts the search back. The search
field offers the last ten searches as you type (↓ in an empty field lists them all). Both
live in the settings file (see `services.saved_searches` for why).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QSettings, QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import saved_searches
from desktop_app.ui.archive.list_navigation import enter_list
from desktop_app.ui.common.accessibility import claim_key, name
from desktop_app.ui.common.i18n import number

if TYPE_CHECKING:
    from desktop_app.services.changes import Changes
    from desktop_app.services.queries import SearchRequest
    from desktop_app.ui.common.context import WindowContext

SAVED_KEY = "archive/saved_searches"
HISTORY_KEY = "archive/search_history"
SHOWN_ROWS = 5  # the list grows up to this many rows, then scrolls


class SavedSearchesBox(QWidget):
    """The saved searches' heading, their list with counts, and *Save this search…*."""

    def __init__(
        self,
        ctx: WindowContext,
        current: Callable[[], SearchRequest],
        apply: Callable[[SearchRequest], object],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current = current  # the search shown now
        self.apply = apply  # shows a saved search
        self.settings = ctx.settings
        self.searches = saved_searches.loads(self.settings.value(SAVED_KEY))
        self.counts: dict[str, int] = {}
        self._counting = False  # a count is on its way
        self._again = False  # and the archive changed since it began
        self.caption = QLabel(self.tr("Saved searches"))
        self.save_button = QToolButton()
        self.save_button.setText(self.tr("Save &this search…"))
        self.save_button.setToolTip(self.tr("Keep this search and its filters under a name"))
        self.save_button.clicked.connect(self.ask_name)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTabKeyNavigation(False)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        name(
            self.list,
            self.tr("Saved searches"),
            self.tr("Enter or a click runs the search; Delete removes it"),
        )
        claim_key(self.list, QKeySequence(QKeySequence.StandardKey.Delete), self._delete_current)
        self.caption.setBuddy(self.list)
        # One above the other: side by side they would widen the filter pane.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.list)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._fill()
        ctx.runner.changed.connect(self._archive_changed)
        self.recount()

    # -- the list -------------------------------------------------------------------------
    def _fill(self) -> None:
        self.list.clear()
        for search in self.searches:
            n = self.counts.get(search.name)
            text = search.name if n is None else f"{search.name} ({number(n)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, search.name)
            item.setToolTip(search.request.text or search.name)
            self.list.addItem(item)
        self.list.setVisible(bool(self.searches))
        rows = min(len(self.searches), SHOWN_ROWS)
        row_height = self.list.fontMetrics().height() + 6
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 4)

    def _store(self) -> None:
        self.settings.setValue(SAVED_KEY, saved_searches.dumps(self.searches))

    def save(self, title: str, request: SearchRequest) -> None:
        self.searches = saved_searches.save(self.searches, title, request)
        self._store()
        self._fill()
        self.recount()

    def remove(self, title: str) -> None:
        self.searches = saved_searches.remove(self.searches, title)
        self.counts.pop(title, None)
        self._store()
        self._fill()

    def ask_name(self) -> None:
        request = self.current()
        title, ok = QInputDialog.getText(
            self,
            self.tr("Save search"),
            self.tr("Name for this search and its filters:"),
            text=request.text.strip(),
        )
        if ok and saved_searches.clean_name(title):
            self.save(title, request)

    def _chosen(self, item: QListWidgetItem) -> None:
        wanted = item.data(Qt.ItemDataRole.UserRole)
        for search in self.searches:
            if search.name == wanted:
                self.apply(search.request)
                return

    def _delete_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.remove(str(item.data(Qt.ItemDataRole.UserRole)))

    def _menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = str(item.data(Qt.ItemDataRole.UserRole))
        menu.addAction(self.tr("&Remove saved search"), lambda: self.remove(title))
        menu.popup(self.list.viewport().mapToGlobal(point))

    # -- counts ---------------------------------------------------------------------------
    def _archive_changed(self, changes: Changes) -> None:
        if saved_searches.affected_by([s.request for s in self.searches], changes):
            self.recount()

    def recount(self) -> None:
        """Count the saved searches again, on the background lane (never ahead of what the
        window waits for). Changes while a count runs make one more count after it, not one
        each: at a million items a broad search with a filter takes 1–3 s to count."""
        if not self.searches:
            return
        if self._counting:
            self._again = True
            return
        self._counting, self._again = True, False
        searches = list(self.searches)
        requests = [s.request for s in searches]
        self.ctx.runner.read(
            "saved search counts",
            lambda: saved_searches.count_matches(requests),
            success=lambda counts: self._show_counts(
                {s.name: n for s, n in zip(searches, counts, strict=True)}
            ),
            failure=self._count_failed,
            background=True,
        )

    def _count_failed(self, text: str) -> None:
        self._counting = False
        self.ctx.runner.failed.emit(text)

    def _show_counts(self, counts: dict[str, int]) -> None:
        self._counting = False
        if self._again:
            self.recount()  # the archive changed meanwhile: these counts are already old
        self.counts = counts
        current = self.list.currentRow()
        self._fill()
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)


class SearchHistory(QObject):
    """The last searches, offered by the search field as you type (newest first)."""

    def __init__(
        self,
        edit: QLineEdit,
        settings: QSettings,
        below: Callable[[], QAbstractItemView] | None = None,
    ) -> None:
        super().__init__(edit)
        self.edit, self.below = edit, below
        self.settings = settings
        self.entries: list[str] = saved_searches.remember(_history(settings.value(HISTORY_KEY)), "")
        self.model = QStringListModel(self.entries, self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(saved_searches.HISTORY_LIMIT)
        edit.setCompleter(self.completer)
        # ↓ in an empty field: every recent search; after a search typed, into its list
        # (`below`), which was else eleven Tabs away.
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), edit)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._down)

    def remember(self, text: str) -> None:
        entries = saved_searches.remember(self.entries, text)
        if entries != self.entries:
            self.entries = entries
            self.model.setStringList(entries)
            self.settings.setValue(HISTORY_KEY, json.dumps(entries, ensure_ascii=False))

    def _down(self) -> None:
        if self.edit.text().strip() and self.below is not None:
            enter_list(self.below())
        else:
            self.show_all()

    def show_all(self) -> None:
        if self.entries:
            self.completer.setCompletionPrefix("")
            self.completer.complete()


def _history(kept: object) -> list[str]:
    """The recent searches as kept in the settings (a JSON list of texts)."""
    try:
        entries = json.loads(kept) if isinstance(kept, str) else []
    except ValueError:
        return []
    return [str(t) for t in entries] if isinstance(entries, list) else []
