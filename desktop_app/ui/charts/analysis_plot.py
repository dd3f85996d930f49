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
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.core import aggregates
from desktop_app.ui.charts.analysis_data import (
    CUMULATIVE,
    DAILY,
    DAY_SECONDS,
    ChartData,
    Plotted,
    category_label,
    date_of,
    epoch_seconds,
)
from desktop_app.ui.plotting.axes import CountAxis, DateAxis
from desktop_app.ui.plotting.palette import is_dark, negative_color, series_color, text_size
from desktop_app.ui.plotting.tick_grid import TickGrid

ONE_AXIS, SMALL_MULTIPLES, NORMALISED = "one_axis", "small_multiples", "normalised"


class _Series:
    """The pyqtgraph items of one category in one plot; only one of curve/bars is filled."""

    def __init__(self, plot: pg.PlotItem, key: str) -> None:
        self.key = key
        self.plot = plot
        self.curve = pg.PlotDataItem(connect="finite")
        # Long series: draw only what is in view, at most a few points per pixel (peaks kept).
        self.curve.setClipToView(True)
        self.curve.setDownsampling(auto=True, method="peak")
        self.bars = pg.BarGraphItem(x=np.empty(0), height=np.empty(0), width=1.0)
        self.negatives = pg.ScatterPlotItem(symbol="t", size=7, pxMode=True)
        self.stated = pg.ScatterPlotItem(symbol="x", size=8, pxMode=True)
        for item in (self.curve, self.bars, self.negatives, self.stated):
            plot.addItem(item)
        self.shown: Plotted | None = None
        self.bar_x = np.empty(0)
        # Whether the bar-side items hold data (clearing empty items still costs a redraw).
        self.bars_filled = False

    @property
    def active(self) -> pg.GraphicsObject:
        return self.bars if self.shown is not None and self.shown.bars else self.curve


class AnalysisPlot(QWidget):
    """Main plots (one axis, or one per category) above an overview with a range region."""

    hovered = Signal(str)
    pointClicked = Signal(object)  # dt.date of the report under the click

    def __init__(self, data: ChartData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.view = CUMULATIVE
        self.keys: list[str] = []
        self.mode = ONE_AXIS
        self.plots: list[pg.PlotItem] = []
        self.grids: list[TickGrid] = []
        self.plot_keys: list[list[str]] = []
        self.series: dict[str, _Series] = {}
        self.milestone_items: list[pg.GraphicsObject] = []
        self.show_milestones = False
        self.hover_date: dt.date | None = None
        self._syncing = False
        self._dark = is_dark(self.palette())

        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setMinimumHeight(300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.main_area: pg.GraphicsLayout = self.graphics.addLayout(row=0, col=0)
        self.overview: pg.PlotItem = self.graphics.addPlot(
            row=1, col=0, axisItems={"bottom": DateAxis(utcOffset=0)}
        )
        self.overview.setMaximumHeight(90)
        self.overview.hideAxis("left")
        self.overview.setMouseEnabled(x=False, y=False)
        self.overview.setMenuEnabled(False)
        self.overview_curves: list[pg.PlotDataItem] = []
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

    # -- structure -------------------------------------------------------------------------

    def show_view(self, view: str, keys: Sequence[str], mode: str) -> None:
        """Show `view` for `keys`; plots are rebuilt only when the layout or keys change."""
        keys = [k for k in keys if k in self.data.points]
        if list(keys) != self.keys or mode != self.mode or not self.plots:
            self._rebuild(keys, mode)
        self.view = view
        self.redraw()

    def _rebuild(self, keys: list[str], mode: str) -> None:
        self.keys, self.mode = list(keys), mode
        self.main_area.clear()
        self.plots, self.plot_keys, self.series = [], [], {}
        self.grids = []
        self.legend = None
        groups = [[k] for k in keys] if mode == SMALL_MULTIPLES else [list(keys)]
        columns = 1 if len(groups) <= 2 else 2 if len(groups) <= 6 else 3
        for i, group in enumerate(groups):
            plot = self.main_area.addPlot(
                row=i // columns,
                col=i % columns,
                axisItems={"bottom": DateAxis(utcOffset=0), "left": CountAxis("left")},
            )
            self.grids.append(TickGrid(plot))
            plot.setMenuEnabled(False)
            plot.vb.disableAutoRange()
            if mode == SMALL_MULTIPLES:
                plot.setTitle(category_label(group[0]), size=text_size())
            if self.plots:
                plot.setXLink(self.plots[0])
            else:
                plot.sigXRangeChanged.connect(self._main_range_changed)
            self.plots.append(plot)
            self.plot_keys.append(group)
            for key in group:
                self.series[key] = _Series(plot, key)
            plot.crosshair = pg.InfiniteLine(angle=90, movable=False)
            plot.crosshair_y = pg.InfiniteLine(angle=0, movable=False)
            for line in (plot.crosshair, plot.crosshair_y):
                line.setVisible(False)
                plot.addItem(line, ignoreBounds=True)
        if mode != SMALL_MULTIPLES and self.plots and keys:
            self.legend = self.plots[0].addLegend(offset=(10, 5), labelTextSize=text_size())
        self._draw_overview()
        self.apply_palette()

    # -- data ------------------------------------------------------------------------------

    def range_dates(self) -> tuple[dt.date, dt.date] | None:
        """The dates of the selected range (the region), or None without data."""
        if not self.plots or not self.keys:
            return None
        lo, hi = self.region.getRegion()
        return date_of(lo), date_of(hi)

    def plotted(self, key: str) -> Plotted:
        """What is drawn for `key` in the current view and mode."""
        if self.mode == NORMALISED:
            span = self.range_dates()
            start = span[0] if span else dt.date.min
            return self.data.normalised(self.view, key, start)
        return self.data.plotted(self.view, key)

    def redraw(self) -> None:
        """Push every shown series into its items (the full redraw the benchmark times)."""
        for _plot, group in zip(self.plots, self.plot_keys, strict=True):
            for slot, key in enumerate(group):
                self._push(self.series[key], slot, len(group))
        self._refresh_legend()
        self.draw_milestones()
        self.fit_y()

    def _push(self, s: _Series, slot: int, slots: int) -> None:
        was_visible = s.active.isVisible()
        p = self.plotted(s.key)
        s.shown = p
        empty = np.empty(0)
        if not p.bars:
            s.curve.setData(p.x, p.y)
            if s.bars_filled:
                s.bars.setOpts(x=empty, height=empty, pens=None, brushes=None)
                s.negatives.setData(x=empty, y=empty)
                s.stated.setData(x=empty, y=empty)
                s.bars_filled = False
        else:
            s.bars_filled = True
            s.curve.setData(empty, empty)
            width = p.width / slots
            # Side by side when several categories share one axis; centred in the period.
            offset = (slot - (slots - 1) / 2) * width
            centre = p.width / 0.85 / 2 - DAY_SECONDS / 2 if p.width > DAY_SECONDS else 0.0
            s.bar_x = p.x + centre + offset
            finite = np.isfinite(p.y)
            s.bar_x, heights = s.bar_x[finite], p.y[finite]
            colour = series_color(s.key, self._dark)
            negative = negative_color(self._dark)
            # Decreases (official corrections) in their own colour, hanging below zero; the
            # triangles keep a one-day decrease visible when bars are thinner than a pixel.
            neg = heights < 0
            brushes = [pg.mkBrush(negative if n else colour) for n in neg]
            pens = [pg.mkPen(negative if n else colour, width=1) for n in neg]
            # The item-wide pen and brush are what the legend's sample shows.
            s.bars.setOpts(
                x=s.bar_x,
                height=heights,
                width=width,
                pens=pens or None,
                brushes=brushes or None,
                pen=pg.mkPen(colour),
                brush=pg.mkBrush(colour),
            )
            s.negatives.setData(
                x=s.bar_x[neg], y=heights[neg], brush=pg.mkBrush(negative), pen=pg.mkPen(negative)
            )
            if self.view == DAILY and p.stated_dates and self.mode != NORMALISED:
                s.stated.setData(
                    x=epoch_seconds(p.stated_dates) + offset,
                    y=np.asarray(p.stated_values, dtype=np.float64),
                    pen=pg.mkPen(colour, width=2),
                    brush=None,
                )
            else:
                s.stated.setData(x=empty, y=empty)
        s.active.setVisible(was_visible)
        for item in (s.negatives, s.stated):
            item.setVisible(was_visible)

    def _refresh_legend(self) -> None:
        if self.legend is None:
            return
        entries = [self.series[key].active for key in self.keys]
        if entries == [sample.item for sample, _label in self.legend.items]:
            return  # same items: the legend needs no rebuild (the redraw stays cheap)
        self.legend.clear()
        for key in self.keys:
            self.legend.addItem(self.series[key].active, category_label(key))

    def set_series_visible(self, key: str, visible: bool) -> None:
        s = self.series[key]
        for item in (s.active, s.negatives, s.stated):
            item.setVisible(visible)
        self.fit_y()

    # -- ranges ----------------------------------------------------------------------------

    def _draw_overview(self) -> None:
        for curve in self.overview_curves:
            self.overview.removeItem(curve)
        self.overview_curves = []
        for key in self.keys:
            p = self.data.plotted(CUMULATIVE, key)
            peak = np.nanmax(p.y) if p.y.size else 0.0
            curve = pg.PlotDataItem(p.x, p.y / peak if peak > 0 else p.y)
            curve.setDownsampling(auto=True, method="peak")
            curve.setPen(pg.mkPen(series_color(key, self._dark), width=1))
            self.overview.addItem(curve)
            self.overview_curves.append(curve)
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
        lo, hi = (float(v) for v in epoch_seconds([start, end]))
        self.region.setRegion((lo, hi))
        self._region_settled()

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
        lo, hi = self.region.getRegion()
        self._syncing = True
        try:
            self.plots[0].setXRange(lo, hi, padding=0.01)
        finally:
            self._syncing = False
        self.fit_y()

    def _region_settled(self) -> None:
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
            x0, x1 = plot.vb.viewRange()[0]
            lows, highs = [], []
            for key in group:
                s = self.series[key]
                if s.shown is None or not s.active.isVisible():
                    continue
                p = s.shown
                in_view = p.y[(p.x >= x0 - p.width) & (p.x <= x1) & np.isfinite(p.y)]
                if p.bars and p.stated_values and self.view == DAILY:
                    in_view = np.concatenate([in_view, np.asarray(p.stated_values, float)])
                if in_view.size:
                    lows.append(float(in_view.min()))
                    highs.append(float(in_view.max()))
            if not lows:
                continue
            low, high = min(lows), max(highs)
            if any(getattr(self.series[k].shown, "bars", False) for k in group):
                low, high = min(low, 0.0), max(high, 0.0)
            plot.setYRange(low, high if high > low else low + 1, padding=0.06)

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
        for key, s in self.series.items():
            points = self.data.points[key]
            found = aggregates.milestones(points, aggregates.milestone_step(points[-1].total))
            if not found:
                continue
            colour = series_color(key, self._dark)
            x = epoch_seconds([m.date for m in found])
            if self.view == CUMULATIVE and self.mode != NORMALISED:
                marks = pg.ScatterPlotItem(
                    x=x,
                    y=np.array([m.threshold for m in found], float),
                    symbol="d",
                    size=9,
                    pen=pg.mkPen(self._text_colour()),
                    brush=pg.mkBrush(colour),
                )
                s.plot.addItem(marks)
                self.milestone_items.append(marks)
                continue
            pen = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
            for value in x:
                line = pg.InfiniteLine(pos=float(value), angle=90, movable=False, pen=pen)
                s.plot.addItem(line, ignoreBounds=True)
                self.milestone_items.append(line)

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
        return self.data.nearest_date(group[0], date_of(x))

    def _mouse_moved(self, args: tuple[Any, ...]) -> None:
        pos: QPointF = args[0]
        index = self._plot_at(pos)
        if index is None:
            return
        date = self.date_at(index, pos)
        if date is not None and date != self.hover_date:
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
        text = "\n".join(self.data.hover_lines(self.view, self.plot_keys[plot_index], date))
        self.hovered.emit(text)
        return text

    def _mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        index = self._plot_at(event.scenePos())
        if index is None:
            return
        date = self.date_at(index, event.scenePos())
        if date is not None:
            self.pointClicked.emit(date)

    # -- looks -----------------------------------------------------------------------------

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def changeEvent(self, event: QEvent) -> None:
        # Follow a light/dark switch made while the program runs.
        if event.type() == QEvent.Type.PaletteChange:
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
