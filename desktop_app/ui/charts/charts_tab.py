"""The Charts tab's place in the main window: a page built on first show, View ▸ Charts
(Ctrl+3), and a clicked report opened in the Losses tab with the articles that published it.

Importing this module is cheap: AnalysisView (and with it pyqtgraph and numpy) is imported
only when the tab is first shown.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.storage import items as item_store

if TYPE_CHECKING:
    from desktop_app.ui.app.main_window import MainWindow
    from desktop_app.ui.charts.analysis_view import AnalysisView


class ChartsTab(QObject):
    """Owns the Charts page of `window.tabs` and builds its view lazily."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view: AnalysisView | None = None
        self._stale = False
        self._watched_losses = False
        self.page = QWidget()
        QVBoxLayout(self.page).setContentsMargins(0, 0, 0, 0)
        self.index = window.tabs.addTab(self.page, self.tr("C&harts"))
        window.tabs.currentChanged.connect(self._tab_changed)
        # New figures elsewhere make the charts stale; they are re-read when next shown.
        window.importer.finished.connect(self.mark_stale)
        self.action = QAction(self.tr("&Charts"), window)
        # The third tab, after Archive (Ctrl+1) and Losses (Ctrl+2).
        self.action.setShortcut(QKeySequence("Ctrl+3"))
        self.action.triggered.connect(lambda: window.tabs.setCurrentIndex(self.index))

    def ensure_view(self) -> AnalysisView:
        """Build the view on first use: it is what pulls in pyqtgraph and numpy."""
        if self.view is None:
            from desktop_app.ui.charts.analysis_view import AnalysisView

            self.view = AnalysisView()
            self.view.reportRequested.connect(self.open_report)
            self._restore(self.view)
            layout = self.page.layout()
            assert layout is not None
            layout.addWidget(self.view)
            self.view.show()
            self.view.refresh()
            self._stale = False
        return self.view

    def _restore(self, view: AnalysisView) -> None:
        settings = self.window.settings
        keys = str(settings.value("charts/categories", "") or "")
        splitter = settings.value("charts/splitter")
        view.restore(
            view=str(settings.value("charts/view", "") or ""),
            mode=str(settings.value("charts/layout", "") or ""),
            keys=[k for k in keys.split(",") if k],
            milestones=str(settings.value("charts/milestones", "false")).lower() == "true",
            splitter=splitter if isinstance(splitter, QByteArray) else None,
        )

    def save_state(self, settings: QSettings) -> None:
        """Remember the view, layout, ticked categories and milestones for the next start."""
        if self.view is None:
            return  # never shown: what was remembered last time still stands
        view, mode, keys, milestones, splitter = self.view.remembered()
        settings.setValue("charts/view", view)
        settings.setValue("charts/layout", mode)
        settings.setValue("charts/categories", ",".join(keys))
        settings.setValue("charts/milestones", "true" if milestones else "false")
        settings.setValue("charts/splitter", splitter)

    def open_report(self, date: dt.date) -> None:
        """Show `date`'s report in the Losses tab; the status bar names its articles."""
        from desktop_app.storage.reports import report_article_ids
        from desktop_app.ui.app.main_window import LOSSES_TAB

        self.window.tabs.setCurrentIndex(LOSSES_TAB)
        found = self.window.ensure_losses_view().select_date(date)
        titles = []
        for item_id in report_article_ids(date):
            stored = item_store.get_item(item_id)
            if stored is not None:
                titles.append(f"“{stored.data.title}”")
        if not found:
            text = self.tr("No report is stored for %1.").replace("%1", date.isoformat())
        elif titles:
            text = (
                self.tr("Report of %1, published in: %2")
                .replace("%1", date.isoformat())
                .replace("%2", "; ".join(titles))
            )
        else:
            text = self.tr("Report of %1 (no article linked to it).").replace(
                "%1", date.isoformat()
            )
        self.window.statusBar().showMessage(text)

    def mark_stale(self, *_args: object) -> None:
        self._stale = True
        if self.view is not None and self.window.tabs.currentIndex() == self.index:
            self.view.refresh()
            self._stale = False

    def _tab_changed(self, index: int) -> None:
        losses = self.window.losses_view
        if losses is not None and not self._watched_losses:
            losses.reportSaved.connect(self.mark_stale)
            self._watched_losses = True
        if index != self.index:
            return
        if self.view is None:
            self.ensure_view()
        elif self._stale:
            self.view.refresh()
            self._stale = False
