"""The Charts tab's place in the main window: a page built on first show, View ▸ Charts
(Ctrl+3), a clicked report opened in the Losses tab (the status bar names the articles that
published it), and an article chosen from a day's menu opened in the Archive tab.

Importing this module is cheap: AnalysisView (and with it pyqtgraph and numpy) is imported
only when the tab is first shown. What the charts draw is read on the window's read lane
(`services.charts.chart_source`) and re-read when the runner says reports changed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from desktop_app.services.changes import Changes
    from desktop_app.services.charts import ChartSource
    from desktop_app.ui.charts.analysis_view import AnalysisView
    from desktop_app.ui.common.context import WindowContext


class ChartsTab(QObject):
    """Owns the Charts page of `tabs` and builds its view lazily."""

    def __init__(self, ctx: WindowContext, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.ctx = ctx
        self.tabs = tabs
        self.view: AnalysisView | None = None
        self._stale = False
        self._reading = False
        self.page = QWidget()
        QVBoxLayout(self.page).setContentsMargins(0, 0, 0, 0)
        self.index = tabs.addTab(self.page, self.tr("&Charts"))
        tabs.currentChanged.connect(self._tab_changed)
        # New figures make the charts stale; they are re-read when next shown.
        ctx.runner.changed.connect(self._changed)
        self.action = QAction(self.tr("&Charts"), tabs)
        # The third tab, after Archive (Ctrl+1) and Losses (Ctrl+2).
        self.action.setShortcut(QKeySequence("Ctrl+3"))
        self.action.triggered.connect(lambda: tabs.setCurrentIndex(self.index))

    def ensure_view(self) -> AnalysisView:
        """Build the view on first use: it is what pulls in pyqtgraph and numpy."""
        if self.view is None:
            from desktop_app.ui.charts.analysis_view import AnalysisView

            self.view = AnalysisView()
            self.view.reportRequested.connect(self.open_report)
            self.view.articleRequested.connect(self.ctx.open_item)
            self._restore(self.view)
            layout = self.page.layout()
            assert layout is not None
            layout.addWidget(self.view)
            self.view.show()
            self.reload()
        return self.view

    def reload(self) -> None:
        """Read the charts' data on the read lane; the view shows it when it arrives."""
        # The reads' modules (reports, Oryx totals) load with the tab, not at start-up.
        from desktop_app.services import charts as chart_reads

        self._stale = False
        if self._reading:
            self._stale = True  # one more read once this one is in
            return
        self._reading = True
        self.ctx.runner.read(
            "chart data", chart_reads.chart_source, success=self._loaded, failure=self._failed
        )

    def _loaded(self, source: ChartSource) -> None:
        self._reading = False
        if self.view is not None:
            self.view.refresh(source)
        if self._stale:
            self.reload()

    def _failed(self, text: str) -> None:
        self._reading = False
        self.ctx.show_message("error", text)
        if self._stale:  # a change came while this read was out: it may be the remedy
            self.reload()

    def _restore(self, view: AnalysisView) -> None:
        settings = self.ctx.settings
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
        from desktop_app.services import charts as chart_reads

        found = self.ctx.open_report(date)
        self.ctx.runner.read(
            "report articles",
            lambda: chart_reads.report_article_titles(date),
            success=lambda titles: self._say_articles(date, found, titles),
        )

    def _say_articles(self, date: dt.date, found: bool, titles: list[str]) -> None:
        if not found:
            text = self.tr("No report is stored for %1.").replace("%1", date.isoformat())
        elif titles:
            text = (
                self.tr("Report of %1, published in: %2")
                .replace("%1", date.isoformat())
                .replace("%2", "; ".join(f"“{t}”" for t in titles))
            )
        else:
            text = self.tr("Report of %1 (no article linked to it).").replace(
                "%1", date.isoformat()
            )
        self.ctx.status(text)

    def _changed(self, changes: Changes) -> None:
        if changes.reports or changes.oryx or changes.external:
            self.mark_stale()

    def mark_stale(self, *_args: object) -> None:
        self._stale = True
        if self.view is not None and self.tabs.currentIndex() == self.index:
            self.reload()

    def _tab_changed(self, index: int) -> None:
        if index != self.index:
            return
        if self.view is None:
            self.ensure_view()
        elif self._stale:
            self.reload()
