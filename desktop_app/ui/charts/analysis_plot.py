"""The Charts tab's drawing area: main plot(s) above a date-range overview.

Series arrive from ChartData already computed; this widget only pushes arrays into pyqtgraph
items, keeps the overview region and the main x range in step, fits y to what is in view, and
turns mouse moves (rate-limited) and clicks into a hovered date and a clicked report date.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from desktop_app.ui.charts.analysis_data import (
    CUMULATIVE,
    DAILY,
    MA7,
    MA30,
    ChartData,
    Plotted,
    category_label,
    date_of,
    epoch_seconds,
    period_bounds,
)
from desktop_app.ui.charts.chart_keys import ChartKeys
from desktop_app.ui.charts.overview_strip import overview_curves
from desktop_app.ui.charts.series_items import SeriesItems, milestone_marks, stack_bases
from desktop_app.ui.charts.y_fit import X_PADDING, align_left_axes, padded, wanted_y
from desktop_app.ui.plotting.axes import CountAxis, DateAxis
from desktop_app.ui.plotting.palette import is_dark, series_color, text_size
from desktop_app.ui.plotting.tick_grid import TickGrid

ONE_AXIS, SMALL_MULTIPLES, NORMALISED = "one_axis", "small_multiples", "normalised"
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


class AnalysisPlot(QWidget):
    """Main plots (one axis, or one per category) above an overview with a range region."""

    hovered = Signal(str)
    pointClicked = Signal(object)  # dt.date of the report under the click
    # A day's menu was asked for (right-click, or the Menu key on the cursor): date, position.
    menuRequested = Signal(object, QPoint)

    def __init__(self, data: ChartData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.view = CUMULATIVE
        self.keys: list[str] = []
        self.mode = ONE_AXIS
        self.plots: list[pg.PlotItem] = []
        self.grids: list[TickGrid] = []
        self.plot_keys: list[list[str]] = []
        self.series: dict[str, SeriesItems] = {}
        self.milestone_items: list[pg.GraphicsObject] = []
        self.show_milestones = False
        self.hover_date: dt.date | None = None
        self.hover_keys: list[str] = []
        self._syncing = False
        # The view and region the plots were last moved to.
        self._moved_to: tuple[str, tuple[float, float]] | None = None
        self._dark = is_dark(self.palette())

        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setMinimumHeight(300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.main_area: pg.GraphicsLayout = self.graphics.addLayout(row=0, col=0)
        self.overview: pg.PlotItem = self.graphics.addPlot(
            row=1, col=0, axisItems={"bottom": DateAxis(utcOffset=0)}, enableMenu=False
        )
        self.overview.setMaximumHeight(90)
        self.overview.getAxis("bottom").setCacheMode(CACHED)
        self.overview.hideAxis("left")
        self.overview.setMouseEnabled(x=False, y=False)
        self.overview.setMenuEnabled(False)
        self.overview_curves: list[pg.PlotDataItem] = []
        self._overview_of: object = None  # the read of the archive the strip was drawn from
        self.region = pg.LinearRegionItem(orientation="vertical")
        self.region.setZValue(10)
        self.overview.addItem(self.region, ignoreBounds=True)
        self.region.sigRegionChanged.connect(self._region_moved)
        self.region.sigRegionChangeFinished.connect(self._region_settled)
        self.legend: pg.LegendItem | None = None
        self.note = pg.TextItem(anchor=(0.5, 0.5))

        # Mouse moves arrive far faster than a tooltip needs updating.
        self._mouse_proxy = pg.SignalProxy(
            self.graphics.scene().sigMouseMoved, rateLimit=30, slot=self._mouse_moved
        )
        self.graphics.scene().sigMouseClicked.connect(self._mouse_clicked)
        self.keys_filter = ChartKeys(self)

    # -- structure -------------------------------------------------------------------------

    def show_view(self, view: str, keys: Sequence[str], mode: str) -> None:
        """Show `view` for `keys`; plots are rebuilt only when the layout or keys change."""
        keys = [k for k in keys if k in self.data.points]
        if list(keys) != self.keys or mode != self.mode or not self.plots:
            self._rebuild(keys, mode)
        elif self._overview_of is not self.data.points:
            self._draw_overview()  # a fresh read: the strip and the region reach its days
        changed = view != self.view
        self.view = view
        self.redraw()
        if changed:
            self._region_moved()  # a period view widens the range to whole periods

    def _rebuild(self, keys: list[str], mode: str) -> None:
        self.keys, self.mode = list(keys), mode
        self.main_area.clear()
        self.plots, self.plot_keys, self.series = [], [], {}
        self.grids = []
        self.legend = None
        groups = [[k] for k in keys] if mode == SMALL_MULTIPLES else [list(keys)]
        columns = 1 if len(groups) <= 2 else 2 if len(groups) <= 6 else 3
        rows = -(-len(groups) // columns)
        # The legend has a row of its own above the plot: it never covers a line or a bar.
        first_row = 1 if mode != SMALL_MULTIPLES and keys else 0
        if first_row:
            self.legend = pg.LegendItem(labelTextSize=text_size(), colCount=1)
            self.main_area.addItem(self.legend, row=0, col=0)
        for i, group in enumerate(groups):
            row = i // columns
            plot = self.main_area.addPlot(
                row=first_row + row,
                col=i % columns,
                axisItems={"bottom": DateAxis(utcOffset=0), "left": CountAxis("left")},
                enableMenu=False,  # no view menu built (4 ms a plot), as setMenuEnabled below
            )
            self.grids.append(TickGrid(plot))
            for name in ("left", "bottom"):
                # An axis's labels are drawn text: kept as a pixmap until its range changes.
                plot.getAxis(name).setCacheMode(CACHED)
            plot.setMenuEnabled(False)
            plot.vb.disableAutoRange()
            if mode == SMALL_MULTIPLES:
                plot.setTitle(category_label(group[0]), size=text_size())
                # The plots share their dates: one date axis under each column is enough,
                # and the rows keep their height for the values.
                if row < rows - 1 and i + columns < len(groups):
                    plot.getAxis("bottom").setStyle(showValues=False)
                    plot.getAxis("bottom").setHeight(4)
            if self.plots:
                plot.setXLink(self.plots[0])
            else:
                plot.sigXRangeChanged.connect(self._main_range_changed)
            self.plots.append(plot)
            self.plot_keys.append(group)
            for key in group:
                self.series[key] = SeriesItems(plot, key)
            plot.crosshair = pg.InfiniteLine(angle=90, movable=False)
            plot.crosshair_y = pg.InfiniteLine(angle=0, movable=False)
            for line in (plot.crosshair, plot.crosshair_y):
                line.setVisible(False)
                plot.addItem(line, ignoreBounds=True)
        grid = self.main_area.layout
        for row in range(first_row, first_row + rows):
            grid.setRowStretchFactor(row, 1)
        self._draw_overview()
        self.apply_palette()

    # -- data ------------------------------------------------------------------------------

    def range_dates(self) -> tuple[dt.date, dt.date] | None:
        """The dates of the selected range (the region), or None without data."""
        if not self.plots or not self.keys:
            return None
        lo, hi = self.region.getRegion()
        return date_of(lo), date_of(hi)

    def index_from(self) -> dt.date | None:
        """The day an index is 100 at (the range's start); None when no index is drawn."""
        span = self.range_dates() if self.mode == NORMALISED else None
        return span[0] if span else None

    def plotted(self, key: str) -> Plotted:
        """What is drawn for `key` in the current view and mode."""
        if self.mode == NORMALISED:
            return self.data.normalised(self.view, key, self.index_from() or dt.date.min)
        return self.data.plotted(self.view, key)

    def redraw(self) -> None:
        """Push every shown series into its items (the full redraw the benchmark times)."""
        whole = self.view not in (MA7, MA30) and self.mode != NORMALISED
        for plot, group in zip(self.plots, self.plot_keys, strict=True):
            plot.getAxis("left").whole = whole
            shown = {key: self.plotted(key) for key in group}
            bars = [k for k in group if shown[k].bars and self.series[k].visible]
            stacked = len(bars) > 1
            bases = dict(zip(bars, stack_bases([shown[k] for k in bars]), strict=True))
            for key in group:
                self.series[key].push(
                    shown[key],
                    self._dark,
                    base=bases.get(key) if stacked else None,
                    # A stated change is a day's own figure: marked only on unstacked bars.
                    stated=self.view == DAILY and not stacked and self.mode != NORMALISED,
                )
        self._refresh_legend()
        self.draw_milestones()
        self.fit_y()

    def _fit_legend(self) -> None:
        """As many legend columns as the chart's width holds (a legend wider than the chart
        would push the plot out of view)."""
        if self.legend is None or not self.legend.items:
            return
        widest = max(sample.width() + label.width() + 6 for sample, label in self.legend.items)
        columns = max(1, min(len(self.legend.items), int((self.graphics.width() - 40) // widest)))
        self.legend.setColumnCount(columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_legend()

    def _refresh_legend(self) -> None:
        if self.legend is None:
            return
        entries = [self.series[key].active for key in self.keys]
        if entries == [sample.item for sample, _label in self.legend.items]:
            return  # same items: the legend needs no rebuild (the redraw stays cheap)
        self.legend.clear()
        for key in self.keys:
            self.legend.addItem(self.series[key].active, category_label(key))
        for sample, label in self.legend.items:
            sample.sigClicked.connect(self._legend_clicked)
            # Text is costly to lay out on every paint; the legend only changes on a rebuild.
            label.setCacheMode(CACHED)
            label.item.setCacheMode(CACHED)  # its text, a child item painted on its own
        self._fit_legend()

    def _legend_clicked(self, item: pg.GraphicsObject) -> None:
        # The sample toggled its own item; the series' other items (pale and decreasing
        # bars, markers) follow, and stacked bars close up over a hidden series.
        for key, s in self.series.items():
            if s.active is item:
                self.set_series_visible(key, item.isVisible())

    def set_series_visible(self, key: str, visible: bool) -> None:
        s = self.series[key]
        s.set_visible(visible)
        if s.shown is not None and s.shown.bars:
            self.redraw()
        else:
            self.fit_y()
        if self.legend is not None:
            self.legend.update()

    # -- ranges ----------------------------------------------------------------------------

    def _draw_overview(self) -> None:
        self._overview_of = self.data.points
        self.overview_curves = overview_curves(
            self.overview, self.overview_curves, self.data, self.keys, self._dark
        )
        span = self.data.span(self.keys)
        if span is None:
            return
        lo, hi = (float(v) for v in epoch_seconds(list(span)))
        self.overview.setXRange(lo, hi, padding=0.01)
        self.overview.setYRange(0, 1.05, padding=0)
        self.region.setBounds((lo, hi))
        current = self.region.getRegion()
        if not (lo <= current[0] < current[1] <= hi) or current == (0, 1):
            self.set_range(span[0], span[1])
        else:
            self._region_moved()

    def set_range(self, start: dt.date, end: dt.date) -> None:
        """Select `start`…`end` in the overview; the main plots follow."""
        if self.plots and self._overview_of is not self.data.points:
            # A read that came while these plots were hidden (the Oryx comparison showed):
            # the region's bounds still end at the old last day and would clip the range.
            self._draw_overview()
        lo, hi = (float(v) for v in epoch_seconds([start, end]))
        if self.region.getRegion() == (lo, hi):
            self._region_moved()
        else:
            self.region.setRegion((lo, hi))  # its signal moves the plots along
        if self.mode == NORMALISED and self.plots:
            self.redraw()  # an index is 100 at the range start

    def set_last_days(self, days: int | None) -> None:
        """Quick ranges: the last `days` days of the data, or everything (None)."""
        span = self.data.span(self.keys)
        if span is None:
            return
        start = span[0] if days is None else max(span[0], span[1] - dt.timedelta(days=days))
        self.set_range(start, span[1])

    def _region_moved(self) -> None:
        if self._syncing or not self.plots:
            return
        self._moved_to = (self.view, self.region.getRegion())
        lo, hi = period_bounds(self.view, *self.region.getRegion())
        pad = (hi - lo) * X_PADDING
        x = (lo - pad, hi + pad)
        # x and y in one step: each change of range repaints axes and grid and tells every
        # item, and a y fitted afterwards was a second change.
        first = self.plots[0]
        y = wanted_y([self.series[k] for k in self.plot_keys[0]], x)
        self._syncing = True
        try:
            if y is None:
                first.setXRange(*x, padding=0)
            else:
                first.vb.setRange(xRange=x, yRange=padded(y), padding=0)
                first.fitted = (y, first.vb.viewRange()[1])
        finally:
            self._syncing = False
        self.fit_y()

    def _region_settled(self) -> None:
        # setRegion says "moved", then "settled" for the same region: the plots are there
        # already (moving them again redid the range, the axes and the y fit).
        if self._moved_to != (self.view, self.region.getRegion()):
            self._region_moved()
        # An index is 100 at the range start, so a new start means new values.
        if self.mode == NORMALISED and self.plots:
            self.redraw()

    def _main_range_changed(self, *_args: object) -> None:
        # A wheel zoom or drag on the main plot moves the overview's region along.
        if self._syncing:
            return
        lo, hi = self.plots[0].vb.viewRange()[0]
        self._syncing = True
        try:
            self.region.setRegion((lo, hi))
        finally:
            self._syncing = False
        self.fit_y()

    def fit_y(self) -> None:
        """Fit each plot's y to the visible values of its visible series (bars include 0).

        pyqtgraph's auto-visible range ignores BarGraphItems and hidden items need leaving
        out, so this is done here, over arrays already computed.
        """
        for plot, group in zip(self.plots, self.plot_keys, strict=True):
            wanted = wanted_y([self.series[k] for k in group], plot.vb.viewRange()[0])
            if wanted is None:
                continue
            if getattr(plot, "fitted", None) == (wanted, plot.vb.viewRange()[1]):
                continue  # already fitted to these values: no new range, no repaint
            plot.setYRange(*padded(wanted), padding=0)
            plot.fitted = (wanted, plot.vb.viewRange()[1])
        align_left_axes(self.plots)

    # -- milestones --------------------------------------------------------------------------

    def draw_milestones(self) -> None:
        """Mark round-number crossings: diamonds on totals, dashed day lines elsewhere."""
        for item in self.milestone_items:
            box = item.getViewBox()
            if box is not None:
                box.removeItem(item)
        self.milestone_items = []
        if not self.show_milestones:
            return
        on_totals = self.view == CUMULATIVE and self.mode != NORMALISED
        for key, s in self.series.items():
            self.milestone_items += milestone_marks(
                s.plot, key, self.data.points[key], on_totals, self._dark, self._text_colour()
            )

    # -- mouse -----------------------------------------------------------------------------

    def _plot_at(self, pos: QPointF) -> int | None:
        for i, plot in enumerate(self.plots):
            if plot.vb.sceneBoundingRect().contains(pos):
                return i
        return None

    def date_at(self, plot_index: int, pos: QPointF) -> dt.date | None:
        """The report date nearest to a scene position inside plot `plot_index`."""
        group = self.plot_keys[plot_index]
        if not group:
            return None
        x = self.plots[plot_index].vb.mapSceneToView(pos).x()
        return self.data.nearest_date(group, date_of(x))

    def _mouse_moved(self, args: tuple[Any, ...]) -> None:
        pos: QPointF = args[0]
        index = self._plot_at(pos)
        date = None if index is None else self.date_at(index, pos)
        if index is not None and date is not None and date != self.hover_date:
            self.hover(date, index)

    def hover(self, date: dt.date, plot_index: int = 0) -> str:
        """Put the crosshair on `date` and emit the hover text; returns the text."""
        self.hover_date = date
        x = float(epoch_seconds([date])[0])
        for _i, plot in enumerate(self.plots):
            plot.crosshair.setPos(x)
            plot.crosshair.setVisible(True)
            plot.crosshair_y.setVisible(False)
        key = self.plot_keys[plot_index][0] if self.plot_keys[plot_index] else None
        shown = self.series[key].shown if key else None
        if shown is not None and not shown.bars:
            hit = np.flatnonzero(shown.x == x)
            if hit.size and np.isfinite(shown.y[hit[0]]):
                self.plots[plot_index].crosshair_y.setPos(float(shown.y[hit[0]]))
                self.plots[plot_index].crosshair_y.setVisible(True)
        self.hover_keys = list(self.plot_keys[plot_index])
        text = "\n".join(self.data.hover_lines(self.view, self.hover_keys, date, self.index_from()))
        self.hovered.emit(text)
        return text

    def _mouse_clicked(self, event: Any) -> None:
        right = event.button() == Qt.MouseButton.RightButton
        if (event.button() != Qt.MouseButton.LeftButton and not right) or event.double():
            return
        index = self._plot_at(event.scenePos())
        if index is None:
            return
        date = self.date_at(index, event.scenePos())
        if date is None:
            return
        self.graphics.setFocus(Qt.FocusReason.MouseFocusReason)
        self.hover(date, index)  # the keyboard cursor starts where the mouse clicked
        if right:
            self.menuRequested.emit(date, event.screenPos().toPoint())
        else:
            self.pointClicked.emit(date)

    # -- the keyboard cursor (chart_keys) ------------------------------------------------------

    def cursor_dates(self) -> list[dt.date]:
        """The report dates the cursor steps through: those of the plot's categories."""
        keys = self.hover_keys or (self.plot_keys[0] if self.plot_keys else [])
        return self.data.report_dates(keys)

    def cursor_date(self) -> dt.date | None:
        return self.hover_date

    def put_cursor(self, date: dt.date) -> None:
        """Move the cursor to `date`, scrolling the range along when it is outside."""
        span = self.range_dates()
        if span is not None and not span[0] <= date <= span[1]:
            length = span[1] - span[0]
            start = date if date < span[0] else date - length
            self.set_range(start, start + length)
        index = next((i for i, g in enumerate(self.plot_keys) if g == self.hover_keys), 0)
        self.hover(date, index)

    # -- looks -----------------------------------------------------------------------------

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def changeEvent(self, event: QEvent) -> None:
        # Follow a light/dark switch (View ▸ Theme, or the system's) made while it runs.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_palette()
            if self.plots:
                self.redraw()
        super().changeEvent(event)

    def apply_palette(self) -> None:
        palette = self.palette()
        self._dark = is_dark(palette)
        text = palette.color(QPalette.ColorRole.Text)
        self.graphics.setBackground(palette.color(QPalette.ColorRole.Base))
        cross = pg.mkPen(text, width=1, style=Qt.PenStyle.DashLine)
        for plot in [*self.plots, self.overview]:
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(text)
                axis.setTextPen(text)
            if plot.titleLabel is not None:
                plot.titleLabel.setAttr("color", text)
        for grid in self.grids:
            grid.set_colour(text)
        for plot in self.plots:
            plot.crosshair.setPen(cross)
            plot.crosshair_y.setPen(cross)
        for key, s in self.series.items():
            # Wide pens cost Qt several times a thin one; 2 px only while few lines share a plot.
            width = 2 if len(self.keys) <= 4 or self.mode == SMALL_MULTIPLES else 1
            s.curve.setPen(pg.mkPen(series_color(key, self._dark), width=width))
        for key, curve in zip(self.keys, self.overview_curves, strict=False):
            curve.setPen(pg.mkPen(series_color(key, self._dark), width=1))
        if self.legend is not None:
            self.legend.setLabelTextColor(text)
        accent = QColor(palette.color(QPalette.ColorRole.Highlight))
        accent.setAlpha(50)
        self.region.setBrush(pg.mkBrush(accent))
