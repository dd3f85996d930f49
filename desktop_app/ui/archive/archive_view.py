"""The archive tab: search field, filters, the list (table or day timeline) and the reader.

Nothing here reads or writes the archive on the GUI thread. Typing and filter changes search
on the search worker's thread, and the list changes when the result arrives; the list's rows
are paged through the same thread. The reader loads the selected item on the window's read
lane, and read/star marks are written on its write lane: the row shows a new mark at once,
and shows the stored one again (with a message) when the write fails.

The view follows the runner's `changed` signal by itself: an edit, an undo, an import or
another program's write reloads the list keeping the selection and the scroll position (an
item a change was about is selected, not marked read), and the reader reads its item again.

With `defer_panels=True` (the main window) the search field and the list paint first; the
filter panel, the reader and the snippet painter follow from `ensure_panels()`, a moment later
or as soon as anything asks for `filters` or `reader`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.search_query import Query
from desktop_app.ui.archive.archive_model import (
    MATCH_COL,
    TABLE_MODE,
    TIMELINE_MODE,
    ArchiveTableModel,
)
from desktop_app.ui.archive.item_marks import ItemMarks
from desktop_app.ui.archive.list_layout import ListLayout
from desktop_app.ui.archive.list_navigation import step_selection
from desktop_app.ui.archive.list_selection import (
    SELECTION_LIMIT,
    Kept,
    choose_again,
    chosen_count,
    chosen_ids,
    chosen_row,
    chosen_text,
    kept_choice,
    select_row,
)
from desktop_app.ui.archive.list_table import (
    SpokenArchiveModel,
    asks_everything,
    count_text,
    counts_said,
    ignored_text,
    kind_combo,
    list_table,
    nothing_found,
    search_help,
    show_kind_counts,
)
from desktop_app.ui.archive.saved_searches import SavedSearchesBox, SearchHistory
from desktop_app.ui.archive.search_messages import FirstRows, SearchResult
from desktop_app.ui.archive.search_progress import SearchProgress
from desktop_app.ui.archive.search_worker import SearchWorker
from desktop_app.ui.archive.timeline_model import TimelineModel, timeline_view
from desktop_app.ui.common.accessibility import name

if TYPE_CHECKING:
    from desktop_app.services.changes import Changes
    from desktop_app.services.queries import Facets, SearchRequest, StoredItem
    from desktop_app.ui.archive.filter_panel import FilterPanel
    from desktop_app.ui.archive.reader_view import ReaderView
    from desktop_app.ui.common.context import WindowContext


__all__ = ["TABLE_MODE", "TIMELINE_MODE", "ArchiveView"]

SEARCH_DELAY_MS = 250


class ArchiveView(QWidget):
    """Signals:
    itemOpened(int): the reader shows this item.
    firstRowsShown(), searchFinished(), countsShown(): a search's answers were shown.
    modeChanged(): the filter panel's View box changed (table ↔ timeline).
    """

    itemOpened = Signal(int)
    firstRowsShown = Signal()  # a search's first page is in the list; the rest follows
    searchFinished = Signal()
    countsShown = Signal()
    modeChanged = Signal()

    def __init__(
        self, ctx: WindowContext, parent: QWidget | None = None, *, defer_panels: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The item the user selected: the reader shows it once it has been read.
        self._wanted: int | None = None
        # An item a change was about: selected when the list that follows the change arrives.
        self._select_after: int | None = None
        # (search generation, scroll position, items chosen) of a reload that keeps them.
        self._keep: tuple[int, int, Kept] | None = None
        self._filters: FilterPanel | None = None
        self._reader: ReaderView | None = None
        self._patterns: list[str] = []  # the words of the search shown, for the reader
        self._facets: Facets | None = None  # its counts, for the filter panel
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search articles and briefs (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(search_help())
        # A visible label, not only the placeholder (which goes when typing, and is faint).
        self.search_caption = QLabel(self.tr("&Search:"))
        self.search_caption.setBuddy(self.search_edit)
        name(
            self.search_edit,
            self.tr("Search articles and briefs"),
            self.tr('Words, "phrases", -without, kind:, tag:, from:, to:, is:unread'),
        )
        for button in self.search_edit.findChildren(QToolButton):  # the clear button
            name(button, self.tr("Clear search"))
        self.kind_combo = kind_combo()
        self.count_label = QLabel()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.hide()
        self.worker = SearchWorker(self)
        self.worker.firstRows.connect(self._show_first_rows)
        self.worker.finished.connect(self._show_result)
        self.worker.countsReady.connect(self._show_counts)
        self.progress = SearchProgress(
            self,
            label=self.count_label,
            kinds=self.kind_combo,
            filters=lambda: self._filters,
            reloading=lambda: self._keeping(self.worker.generation) is not None,
            rows=lambda: self.list_stack,
        )
        self.progress.watch(self.firstRowsShown, self.searchFinished, self.countsShown, self.worker)

        self.model: ArchiveTableModel = SpokenArchiveModel(self)
        self.model.set_loader(self.worker.call)
        self.model.sortRequested.connect(self._sort_requested)
        self.table = list_table(self.model, self.fontMetrics())
        self.table.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        # Kept columns, order and view; recent searches; saved ones (with the filter panel).
        self.list_layout = ListLayout(self.table)
        self.history = SearchHistory(self.search_edit, ctx.settings, self._active_view)
        self.saved: SavedSearchesBox | None = None

        self.timeline_model = TimelineModel(self)
        self.timeline_model.set_loader(self.worker.call)
        self.timeline = timeline_view(self.timeline_model)
        name(self.timeline, self.tr("Articles and briefs by day"))
        self.marks = ItemMarks(ctx, self.model, self.timeline_model, self)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.timeline)

        bar = QHBoxLayout()
        bar.addWidget(self.search_caption)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.kind_combo)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(bar)
        middle_layout.addWidget(self.hint_label)
        middle_layout.addWidget(self.list_stack, 1)
        middle_layout.addWidget(self.count_label)

        # Filters and list share the left pane: the remembered list/reader split keeps its sense.
        self.list_splitter = QSplitter(Qt.Orientation.Horizontal)
        # Placeholders until ensure_panels() puts the filters and the reader in their place.
        self.list_splitter.addWidget(QWidget())
        self.list_splitter.addWidget(middle)
        self.list_splitter.setStretchFactor(1, 1)
        self.list_splitter.setSizes([180, 650])
        # An explicit minimum, or the filters' combos would set how narrow the left pane gets.
        self.list_splitter.setMinimumWidth(120)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_splitter)
        self.splitter.addWidget(QWidget())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)  # narrower, list and reader give width 3:2
        # First sizes: without them a first start squeezed the list to its minimum width.
        self.splitter.setSizes([870, 410])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self.run_search)
        self.search_edit.returnPressed.connect(lambda: self.history.remember(self.request().text))
        self.kind_combo.currentIndexChanged.connect(self.run_search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.timeline.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.runner.changed.connect(self.on_changed)
        if not defer_panels:
            self.ensure_panels()

    # -- the panels built after the first paint -------------------------------------------
    @property
    def panels_built(self) -> bool:
        return self._filters is not None

    def ensure_panels(self) -> None:
        """Build the filter panel, the reader and the snippet painter, if not yet built."""
        if self._filters is not None:
            return
        from desktop_app.ui.archive.filter_panel import FilterPanel
        from desktop_app.ui.archive.reader_view import ReaderView
        from desktop_app.ui.archive.snippet_delegate import SnippetDelegate

        self.table.setItemDelegateForColumn(MATCH_COL, SnippetDelegate(self.table))
        # Parented at once, so Qt owns them (replaceWidget alone: a double delete at exit).
        filters = FilterPanel(self)
        reader = ReaderView(self)
        self._filters, self._reader = filters, reader
        reader.highlight(self._patterns)
        if self._facets is not None:
            filters.apply_facets(self._facets)
        # replaceWidget keeps each pane's size (a restored split), not its stretch: set again.
        for splitter, index, widget, stretch in (
            (self.list_splitter, 0, filters, 0),
            (self.splitter, 1, reader, 2),
        ):
            placeholder = splitter.replaceWidget(index, widget)
            splitter.setStretchFactor(index, stretch)
            if placeholder is not None:
                placeholder.deleteLater()
        name(reader, self.tr("Article text"), self.tr("The selected article or brief"))
        # Tab goes search → kind → filters → list → reader, as the panes read left to right.
        QWidget.setTabOrder(self.kind_combo, filters.order_combo)
        QWidget.setTabOrder(filters.tag_list, self.table)
        QWidget.setTabOrder(self.table, self.timeline)
        QWidget.setTabOrder(self.timeline, reader)
        kept = self.list_layout.panels_built(filters)
        self.saved = SavedSearchesBox(self.ctx, self.request, self.apply_request, self)
        filters.add_above_tags(self.saved)
        QWidget.setTabOrder(filters.unread_check, self.saved.save_button)
        QWidget.setTabOrder(self.saved.save_button, self.saved.list)
        QWidget.setTabOrder(self.saved.list, filters.tag_list)
        self.itemOpened.connect(lambda _id: self.history.remember(self.search_edit.text()))
        filters.changed.connect(self.run_search)
        filters.mode_combo.currentIndexChanged.connect(lambda _i: self.modeChanged.emit())
        if kept:  # the order or view of the last session: search again in it
            self.modeChanged.emit()
            self.run_search()

    @property
    def filters(self) -> FilterPanel:
        self.ensure_panels()
        assert self._filters is not None
        return self._filters

    @property
    def reader(self) -> ReaderView:
        self.ensure_panels()
        assert self._reader is not None
        return self._reader

    # -- searching ------------------------------------------------------------------------
    @property
    def timeline_mode(self) -> bool:
        return self._filters is not None and self._filters.mode == TIMELINE_MODE

    @property
    def idle(self) -> bool:
        """No search or page of rows is on its way (the runner says the same for its lanes)."""
        return not self.worker.busy

    def request(self) -> SearchRequest:
        """What to search for; before the filter panel exists, its defaults (none chosen)."""
        from desktop_app.services.queries import SearchRequest

        fields = self._filters.request_fields() if self._filters is not None else {}
        return SearchRequest(self.search_edit.text(), kind=self.kind_combo.currentData(), **fields)

    def apply_request(self, request: SearchRequest) -> int:
        """Put a saved search back: its text, kind and filters; then search (once)."""
        for widget in (self.search_edit, self.kind_combo, self.filters):
            widget.blockSignals(True)
        try:
            self.search_edit.setText(request.text)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(request.kind)))
            self.filters.apply_request(request)
        finally:
            for widget in (self.search_edit, self.kind_combo, self.filters):
                widget.blockSignals(False)
        self.list_layout.show_order(self.filters)
        self.history.remember(request.text)
        return self.run_search()

    def run_search(self) -> int:
        """Search in the background; the list changes when the newest result arrives."""
        self._debounce.stop()
        self.progress.started()  # its answers come through the event loop, after this
        return self.worker.search(self.request(), timeline=self.timeline_mode)

    def reload(self) -> None:
        """Search again, keeping the selection and the scroll position, when the result comes."""
        view = self._active_view()
        chosen = kept_choice(view, self._active_model().item_id)
        self._keep = (self.run_search(), view.verticalScrollBar().value(), chosen)

    def _keeping(self, generation: int) -> int | None:
        """The scroll position to restore when this search's result is shown, if any."""
        return self._keep[1] if self._keep is not None and self._keep[0] == generation else None

    def _show_first_rows(self, first: FirstRows) -> None:
        """The first page of the newest search, before its full list and counts."""
        if self.timeline_mode or self._keeping(first.generation) is not None:
            return  # a reload shows its list at once, in place, with the full result
        self.model.query, self.model.kind = first.request.text, first.request.kind
        self.model.show_first_rows(first.rows, first.query)
        self.list_stack.setCurrentWidget(self.table)
        self.progress.rows_shown()  # undimmed before the repaint below
        facets = self._facets if self.progress.counted else None  # they may come first
        said = counts_said(facets, sorting=False) if facets is not None else None
        self.count_label.setText(said or self.tr("Searching…"))
        self._show_query(first.query)
        self._reselect(scroll=True)
        self.table.viewport().repaint()  # now, while the search thread waits for it
        self.firstRowsShown.emit()

    def _show_result(self, result: SearchResult) -> None:
        kept = self._keeping(result.generation)
        chosen = self._keep[2] if kept is not None and self._keep is not None else None
        self._keep = None
        self.model.query, self.model.kind = result.request.text, result.request.kind
        self.model.set_ids(result.ids, result.query, result.rows)
        if result.days is not None:
            self.timeline_model.set_entries(result.days.ids, result.days.days, result.rows)
        self.list_stack.setCurrentWidget(self.timeline if self.timeline_mode else self.table)
        if result.facets is not None:
            self._show_counts(result.facets)
        n, everything = len(result.ids), asks_everything(result.request)
        said = count_text(result.request.text, n, everything=everything)
        self.count_label.setText(said)
        self._show_query(result.query)
        # The item a change was about, scrolled into view and shown as stored (an unread item
        # an undo brings back stays unread); else the place the list was at.
        about, self._select_after = self._select_after, None
        if about is None or not self.select_item(about, mark=False):
            if not self._reselect(scroll=kept is None) and self._wanted is not None:
                # The item read is not in this list: the reader does not go on showing it.
                self.open_item(None)
            if kept is not None:
                self._active_view().verticalScrollBar().setValue(kept)
                choose_again(self._active_view(), chosen, self._active_model().rows_of)
        if self._reader is not None and (n == 0 or self._reader.current_id is None):
            # An empty list says why in the reader; a list holding items again clears that.
            self._reader.show_nothing("" if n else nothing_found(result.request.text, everything))
        self.searchFinished.emit()

    def _reselect(self, *, scroll: bool) -> bool:
        """Select the item being read again; False when the list does not hold it."""
        if self._wanted is not None:
            return self.select_item(self._wanted, scroll=scroll)
        return True

    def _show_query(self, query: Query) -> None:
        """Name the filters that were ignored, and highlight the words in the reader."""
        if query.ignored:
            self.hint_label.setText(ignored_text(query.ignored))
        self.hint_label.setVisible(bool(query.ignored))
        # The reader may not exist yet (first rows before the first paint): it takes them then.
        self._patterns = query.highlight_patterns()
        if self._reader is not None:
            self._reader.highlight(self._patterns)

    def _show_counts(self, facets: Facets) -> None:
        """The counts beside the list; an estimate (before the full list) says "about"."""
        if facets.estimated and self._keeping(self.worker.generation) is not None:
            return  # a reload after a change: the exact counts shown stay until the new ones
        self._facets = facets
        if self._filters is not None:  # else applied when the panel is built
            self._filters.apply_facets(facets)
        show_kind_counts(self.kind_combo, facets.kinds, about=facets.estimated)
        said = counts_said(facets, sorting=self.progress.sorting)
        if said is not None:
            self.count_label.setText(said)
        self.countsShown.emit()

    def _sort_requested(self, order: str, descending: bool) -> None:
        self.filters.set_order(order, descending)  # emits changed → a new search

    # -- what changed in the archive ------------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        """The runner's `changed`: show the archive as it now is."""
        if changes.items or changes.tags or changes.external:
            ids = changes.item_ids
            if changes.items and not changes.external and len(ids) == 1:
                self._select_after = next(iter(ids))
            self.reload()
            wanted = self._wanted
            if wanted is not None and (changes.external or not ids or wanted in ids):
                self._read_item(wanted, mark_read=False)
        elif changes.flags:
            request, flags = self.request(), self.model.parsed.flags  # is:unread in the field
            if not changes.item_ids and (request.unread_only or request.starred_only or flags):
                self.reload()  # a whole list's marks: what the read or starred filter keeps
            else:
                self.marks.refresh(changes.item_ids or None)

    # -- selection ------------------------------------------------------------------------
    def _active_view(self) -> QAbstractItemView:
        return self.timeline if self.timeline_mode else self.table

    def _active_model(self) -> ArchiveTableModel | TimelineModel:
        return self.timeline_model if self.timeline_mode else self.model

    def select_item(self, item_id: int, *, scroll: bool = True, mark: bool = True) -> bool:
        """Select the item in the list (the reader follows, marking it read unless `mark` is
        False); False when the list lacks it."""
        row = self._active_model().row_of(item_id)
        if not mark and row is not None and item_id != self._wanted:
            self.open_item(item_id, mark_read=False)  # the selection then finds it open
        return select_row(self._active_view(), row, scroll=scroll)

    def selected_id(self) -> int | None:
        """The item the reader shows (`list_selection.chosen_row`)."""
        row = chosen_row(self._active_view())
        return None if row is None else self._active_model().item_id(row)

    def selected_ids(self, limit: int | None = None) -> list[int]:
        """The chosen items in the list's order, at most `limit` + 1."""
        item_id = self._active_model().item_id
        return chosen_ids(self._active_view(), item_id, limit or SELECTION_LIMIT)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        item_id, count = self.selected_id(), chosen_count(self._active_view())
        if count > 1:
            self.ctx.status(chosen_text(count))
        if item_id != self._wanted:  # one of several chosen is shown, not marked read
            self.open_item(item_id, mark_read=count < 2)

    def open_item(self, item_id: int | None, *, mark_read: bool = True) -> None:
        """Show the item in the reader once read (marking it read); None empties the reader."""
        self._wanted = item_id
        if item_id is None:
            self.reader.show_item(None)
            return
        self._read_item(item_id, mark_read=mark_read)

    def _read_item(self, item_id: int, *, mark_read: bool) -> None:
        from desktop_app.services import queries

        self.ctx.runner.read(
            "read item",
            lambda: queries.get_item(item_id),
            success=lambda stored: self._item_read(item_id, stored, mark_read),
        )

    def _item_read(self, item_id: int, stored: StoredItem | None, mark_read: bool) -> None:
        if item_id != self._wanted:
            return  # the user selected another item meanwhile
        self.reader.show_item(stored)
        if stored is None:
            self._wanted = None  # deleted meanwhile
            return
        if mark_read and not stored.is_read and not self.ctx.read_only:
            self.marks.write(stored.id, stored.data.title, is_read=True)
        self.itemOpened.emit(stored.id)

    def open_current(self, _index: QModelIndex | None = None) -> None:
        """Enter: show the selected item and move the focus into the reader."""
        item_id = self.selected_id()
        if item_id is not None:
            self.open_item(item_id)
            self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def move_selection(self, step: int) -> None:
        """j/k: the next or previous item (day headings are skipped)."""
        step_selection(self._active_view(), step)

    # -- read and starred marks -----------------------------------------------------------
    def toggle_read(self) -> bool | None:
        """Space: flip read/unread of the item shown, and give every other chosen item the
        same mark; returns the new state (shown at once)."""
        return self.marks.toggle_read(self.selected_id() or -1, self.selected_ids())

    def toggle_star(self) -> bool | None:
        """s: flip the star of the item shown, and of the other chosen items alike."""
        return self.marks.toggle_star(self.selected_id() or -1, self.selected_ids())

    def shutdown(self) -> None:
        self.worker.shutdown()
