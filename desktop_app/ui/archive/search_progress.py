"""Saying that a search is still on its way, once it has taken long enough to be noticed.

Most searches answer within a frame or two, and the list and the counts beside it change
then. A slow one (by relevance over a third of a million matches: about a second at a
million items; the exact counts of words among a chosen kind) left on screen, meanwhile,
the number and the counts of the search before it, as if they were this one's. After
`SLOW_MS` without this search's rows, the number under the list says "Searching…" and the
previous search's rows are dimmed and cannot be clicked (they are not this search's); without
its counts, each count beside the list shows "…" until they come. Quicker answers change
nothing first, so typing does not make the panel flicker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QStackedWidget

from desktop_app.ui.archive.list_table import show_kind_counts

if TYPE_CHECKING:
    from desktop_app.ui.archive.filter_panel import FilterPanel
    from desktop_app.ui.archive.search_worker import SearchWorker

# Longer than a typical answer (first rows in 30-60 ms at a million items), shorter than a
# wait that looks like nothing happened.
SLOW_MS = 250


class SearchProgress(QObject):
    """Told when a search starts and when its rows and counts are shown; says what is still
    missing `SLOW_MS` after the start, in `label` (the number under the list), in `kinds`
    (the Show box), in the filter panel, when there is one, and by dimming `rows` (the list).
    `reloading`: the search is a reload after a change, which keeps its list and counts
    until the new ones come."""

    def __init__(
        self,
        parent: QObject,
        *,
        label: QLabel,
        kinds: QComboBox,
        filters: Callable[[], FilterPanel | None],
        reloading: Callable[[], bool],
        rows: Callable[[], QStackedWidget],
    ) -> None:
        super().__init__(parent)
        self._label, self._kinds, self._filters = label, kinds, filters
        self._reloading, self._list = reloading, rows
        self._refocus = False  # the list had the keyboard when it was dimmed
        self._rows = self._counts = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SLOW_MS)
        self._timer.timeout.connect(self._say)

    def watch(
        self,
        first_rows: SignalInstance,
        rows: SignalInstance,
        counts: SignalInstance,
        worker: SearchWorker,
    ) -> None:
        """The view's signals that it showed a search's first rows, its list, its counts;
        the worker's that a search failed."""
        for shown in (first_rows, rows):
            shown.connect(self.rows_shown)
        counts.connect(self.counts_shown)
        worker.failed.connect(self.failed)

    def started(self) -> None:
        """A new search was asked for: whatever is shown belongs to the one before."""
        self._rows = self._counts = False
        self._timer.start()

    def rows_shown(self) -> None:
        self._rows = True
        self._dim(False)

    @property
    def sorting(self) -> bool:
        """The newest search's rows are still to come (being sorted, by relevance); not for a
        reload, whose rows stay in place and are already its own."""
        return not self._rows and not self._reloading()

    @property
    def counted(self) -> bool:
        """The newest search's counts were shown (or it failed)."""
        return self._counts

    def counts_shown(self) -> None:
        self._counts = True

    def failed(self, message: str) -> None:
        """The search failed (logged by the worker): nothing more will come. Said with its
        reason (a server that cannot be reached), never as "No matches", which would pass
        for the archive's answer."""
        self._rows = self._counts = True
        self._dim(False)
        said = QCoreApplication.translate("ArchiveView", "The search failed: %1")
        self._label.setText(said.replace("%1", message))

    def _say(self) -> None:
        if self._reloading():
            return
        if not self._rows and not self._counts:  # else the exact number is under the list
            self._label.setText(QCoreApplication.translate("ArchiveView", "Searching…"))
        if not self._rows:
            self._dim(True)
        if not self._counts:
            show_kind_counts(self._kinds, None)
            panel = self._filters()
            if panel is not None:
                panel.show_counting()

    def _dim(self, dim: bool) -> None:
        """Dim the list (a disabled widget: greyed, deaf to clicks) or bring it back, with
        the keyboard if it had it."""
        rows = self._list()
        if rows.isEnabled() != dim:
            return
        if dim:
            focused = QApplication.focusWidget()
            self._refocus = focused is not None and (focused is rows or rows.isAncestorOf(focused))
        rows.setEnabled(not dim)
        if not dim and self._refocus:
            self._refocus = False
            (rows.currentWidget() or rows).setFocus()
