"""Chart of one loss category: cumulative total (line) above its daily change (bars).

Data come in as SeriesPoints and are turned into numpy arrays once per `set_series`; mouse
handlers only look the hovered point up, never recompute a series.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

# Before the imports below: pyqtgraph picks its Qt binding when first imported.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.report import day_of_war
from desktop_app.core.series import SeriesPoint
from desktop_app.ui.common.i18n import number, signed
from desktop_app.ui.plotting.axes import CountAxis, DateAxis
from desktop_app.ui.plotting.tick_grid import TickGrid

DAY_SECONDS = 86_400
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
# Fixed hues that read on light and dark backgrounds; everything else comes from the palette.
_NEGATIVE = QColor(220, 60, 60)
_BAR_WIDTH = 0.8 * DAY_SECONDS


def epoch_seconds(dates: list[dt.date]) -> np.ndarray:
    """Dates as UTC epoch seconds at midnight, the unit DateAxisItem(utcOffset=0) expects."""
    ordinals = np.fromiter((d.toordinal() for d in dates), dtype=np.int64, count=len(dates))
    return ((ordinals - _EPOCH_ORDINAL) * DAY_SECONDS).astype(np.float64)


class LossChart(QWidget):
    """Two linked plots of one category; hover shows date, day of war, total and change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._no_reports = False  # shown with no category because the archive has none
        self._label = ""
        self._points: list[SeriesPoint] = []
        self._x = np.empty(0)
        self._bar_x = np.empty(0)
        self._bar_heights = np.empty(0)
        self._hovered: int | None = None

        self.hover_label = QLabel(self)
        self.hover_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Wrapped: unwrapped, a long summary set the window's minimum width (1,438 px at a
        # 13.5 pt font in Ukrainian).
        self.hover_label.setWordWrap(True)
        self.plot_widget = pg.GraphicsLayoutWidget(self)
        self.plot_widget.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hover_label)
        layout.addWidget(self.plot_widget, 1)

        # No context menus (a view's menu is 4 ms to build, of the chart's 35 ms).
        self.total_plot: pg.PlotItem = self.plot_widget.addPlot(
            row=0,
            col=0,
            axisItems={"bottom": DateAxis(utcOffset=0), "left": CountAxis("left")},
            enableMenu=False,
        )
        self.change_plot: pg.PlotItem = self.plot_widget.addPlot(
            row=1,
            col=0,
            axisItems={"bottom": DateAxis(utcOffset=0), "left": CountAxis("left")},
            enableMenu=False,
        )
        self.change_plot.setXLink(self.total_plot)
        # The shared date axis is labelled once, under the bars.
        self.total_plot.getAxis("bottom").setStyle(showValues=False)
        self.plot_widget.ci.layout.setRowStretchFactor(0, 3)
        self.plot_widget.ci.layout.setRowStretchFactor(1, 2)
        self.grids = [TickGrid(self.total_plot), TickGrid(self.change_plot)]
        for plot in (self.total_plot, self.change_plot):
            plot.setMenuEnabled(False)

        # 1,700 points a line need neither clipping nor downsampling (a few ms a paint), and
        # without them getData() returns exactly what was set.
        self.total_curve: pg.PlotDataItem = self.total_plot.plot()
        self.change_bars = pg.BarGraphItem(
            x=np.empty(0), height=np.empty(0), width=_BAR_WIDTH, pen=None
        )
        self.change_plot.addItem(self.change_bars)
        self.change_plot.sigXRangeChanged.connect(self._fit_change_y)
        self._zero_line = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.change_plot.addItem(self._zero_line, ignoreBounds=True)

        self._cross_x_top = pg.InfiniteLine(angle=90, movable=False)
        self._cross_x_bottom = pg.InfiniteLine(angle=90, movable=False)
        self._cross_y = pg.InfiniteLine(angle=0, movable=False)
        self.total_plot.addItem(self._cross_x_top, ignoreBounds=True)
        self.total_plot.addItem(self._cross_y, ignoreBounds=True)
        self.change_plot.addItem(self._cross_x_bottom, ignoreBounds=True)
        self._set_crosshair_visible(False)

        # Mouse moves arrive far faster than a label needs updating.
        self._mouse_proxy = pg.SignalProxy(
            self.plot_widget.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved
        )
        self._apply_palette()
        self._show_summary()

    # -- data ------------------------------------------------------------------------------

    @property
    def key(self) -> str:
        return self._key

    @property
    def points(self) -> list[SeriesPoint]:
        return list(self._points)

    def set_series(self, key: str, points: list[SeriesPoint], label: str | None = None) -> None:
        """Show one category's points (sorted by date, as derive_series returns them). A
        fresh read of the category shown keeps the user's zoom (`_kept_x`)."""
        old_x = self._x if key == self._key else None
        shown = self.total_plot.vb.viewRange()[0]
        self._key = key
        self._label = label or key
        self._points = list(points)
        self._hovered = None
        self._x = epoch_seconds([p.date for p in self._points])
        totals = np.fromiter((p.total for p in self._points), np.float64, len(self._points))
        # A single report makes no line: a dot shows it.
        lone = len(self._points) == 1
        self.total_curve.setData(self._x, totals, symbol="o" if lone else None, symbolSize=7)

        # Bars only where a change can be derived: a gap's difference is not one day's losses.
        with_change = [i for i, p in enumerate(self._points) if p.derived_change is not None]
        changes = np.array([self._points[i].derived_change for i in with_change], dtype=np.float64)
        self._bar_x = self._x[with_change] if with_change else np.empty(0)
        self._bar_heights = changes
        self._restyle_bars()

        self._fit_axis_widths(totals, changes)
        self._set_crosshair_visible(False)
        if self._points:
            # Fit now rather than at the next paint, so a hover or a mark that follows maps
            # onto the new data; the "A" button brings the full view back after zooming.
            # The totals fit last: the linked x range must start at the first total, not at
            # the first bar (the first day has no change to derive).
            for plot in (self.change_plot, self.total_plot):
                plot.autoRange()
            kept = self._kept_x(old_x, shown)
            if lone:  # the week around the one day, not a range of no width
                kept = (self._x[0] - 3 * DAY_SECONDS, self._x[0] + 3 * DAY_SECONDS)
            if kept is not None:
                self.total_plot.setXRange(*kept, padding=0)  # the change plot is linked
            # Zooming into a stretch of dates then refits y to what is visible.
            self.total_plot.enableAutoRange(axis="y")
            self.total_plot.setAutoVisible(y=True)
            self._fit_change_y()
        self._show_summary()

    def clear(self, *, no_reports: bool = False) -> None:
        """Show no category; `no_reports`: because the archive holds no report at all."""
        self._no_reports = no_reports
        self.set_series("", [])

    # -- hover -----------------------------------------------------------------------------

    def hover_text(self, index: int) -> str:
        """The label for one point: date, day of war, exact total and change."""
        p = self._points[index]
        return self.tr("{date} (day {day}) · {category}: {total} · {change}").format(
            date=p.date.isoformat(),
            day=number(day_of_war(p.date)),
            category=self._label,
            total=number(p.total),
            change=self._change_text(p),
        )

    def _change_text(self, p: SeriesPoint) -> str:
        derived, stated = p.derived_change, p.stated_change
        if derived is None and stated is None:
            return self.tr("change unknown")
        if derived is None:
            return self.tr("stated change {stated}").format(stated=signed(stated))
        if stated is None or stated == derived:
            return self.tr("change {derived}").format(derived=signed(derived))
        return self.tr("change {derived} (stated {stated})").format(
            derived=signed(derived), stated=signed(stated)
        )

    def mark_date(self, date: dt.date) -> bool:
        """Put the crosshair on `date`'s point; False when the series has no such date (the
        label then says so, rather than keep the day marked before)."""
        for i, p in enumerate(self._points):
            if p.date == date:
                self._show_point(i)
                return True
        if self._points:
            self._hovered = None
            self._set_crosshair_visible(False)
            self.hover_label.setText(
                self.tr("{date} (day {day}) · {category}: not reported").format(
                    date=date.isoformat(), day=number(day_of_war(date)), category=self._label
                )
            )
        return False

    def index_at(self, x: float) -> int | None:
        """The point nearest to an x (epoch seconds), or None for an empty series."""
        if not self._points:
            return None
        i = int(np.searchsorted(self._x, x))
        if i >= len(self._x):
            return len(self._x) - 1
        if i > 0 and x - self._x[i - 1] < self._x[i] - x:
            return i - 1
        return i

    def _on_mouse_moved(self, args: tuple[Any, ...]) -> None:
        pos: QPointF = args[0]
        for plot in (self.total_plot, self.change_plot):
            if plot.vb.sceneBoundingRect().contains(pos):
                index = self.index_at(plot.vb.mapSceneToView(pos).x())
                if index is not None and index != self._hovered:
                    self._show_point(index)
                return

    def _show_point(self, index: int) -> None:
        self._hovered = index
        x = float(self._x[index])
        self._cross_x_top.setPos(x)
        self._cross_x_bottom.setPos(x)
        self._cross_y.setPos(self._points[index].total)
        self._set_crosshair_visible(True)
        self.hover_label.setText(self.hover_text(index))

    def _show_summary(self) -> None:
        if not self._points:
            if self._key or not self._no_reports:
                self.hover_label.setText(self.tr("No reports for this category yet."))
            else:  # the archive has none at all: say where they come from
                self.hover_label.setText(
                    self.tr(
                        "No loss reports yet. Import a dataset or a report you copied (File ▸"
                        " Import…, Ctrl+Shift+V to paste one), or type one with New report…"
                    )
                )
            return
        self.hover_label.setText(
            self.tr(
                "{category}: %Ln report(s), {first} to {last}. "
                "Point at the chart for a day's figures; drag to pan, wheel to zoom.",
                "",
                len(self._points),
            ).format(
                category=self._label,
                first=self._points[0].date.isoformat(),
                last=self._points[-1].date.isoformat(),
            )
        )

    def _set_crosshair_visible(self, visible: bool) -> None:
        for line in (self._cross_x_top, self._cross_x_bottom, self._cross_y):
            line.setVisible(visible)

    # -- export ----------------------------------------------------------------------------

    def export_png(self, path: str | Path, width: int | None = None) -> QSize:
        """Write both plots as a PNG (`width` pixels wide, default the widget's); returns size."""
        exporter = ImageExporter(self.plot_widget.scene())
        params = exporter.parameters()
        if width is not None:
            params["width"] = int(width)
        params["background"] = self.palette().color(QPalette.ColorRole.Base)
        exporter.export(str(path))
        return QSize(int(params["width"]), int(params["height"]))

    # -- looks -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        # Follow a light/dark switch made while the program runs.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self._accent = palette.color(QPalette.ColorRole.Highlight)
        self.plot_widget.setBackground(palette.color(QPalette.ColorRole.Base))
        for plot in (self.total_plot, self.change_plot):
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(text)
                axis.setTextPen(text)
        for grid in self.grids:
            grid.set_colour(text)
        self.total_curve.setPen(pg.mkPen(self._accent, width=2))
        self.total_curve.setSymbolBrush(self._accent)
        self.total_curve.setSymbolPen(pg.mkPen(self._accent))
        muted = QColor(text)
        muted.setAlpha(90)
        self._zero_line.setPen(pg.mkPen(muted, width=1))
        cross = pg.mkPen(text, width=1, style=Qt.PenStyle.DashLine)
        for line in (self._cross_x_top, self._cross_x_bottom, self._cross_y):
            line.setPen(cross)
        self._restyle_bars()

    def _restyle_bars(self) -> None:
        # Decreases (official corrections) get their own colour and hang below zero.
        # A one-pixel cosmetic outline in the fill colour keeps every bar visible when a
        # whole war's worth of days shares fewer pixels than bars (no spike drops out).
        styles = {
            False: (pg.mkPen(self._accent, width=1), pg.mkBrush(self._accent)),
            True: (pg.mkPen(_NEGATIVE, width=1), pg.mkBrush(_NEGATIVE)),
        }
        looks = [styles[bool(h < 0)] for h in self._bar_heights]
        # pyqtgraph 0.14 fails on an empty `pens` list: no bars, no per-bar styles.
        self.change_bars.setOpts(
            x=self._bar_x,
            height=self._bar_heights,
            width=_BAR_WIDTH,
            pens=[pen for pen, _ in looks] or None,
            brushes=[brush for _, brush in looks] or None,
            pen=styles[False][0],
            brush=styles[False][1],
        )

    def _kept_x(self, old_x: np.ndarray | None, shown: list[float]) -> tuple[float, float] | None:
        """The dates a zoomed chart keeps across a fresh read of its category (another
        program may write every few seconds): a zoom ending at the newest day moves on with
        it, any other keeps its dates; None (fit everything) when it was not zoomed."""
        if old_x is None or not old_x.size or not self._x.size:
            return None
        lo, hi = shown
        first, last = float(old_x[0]), float(old_x[-1])
        if lo <= first and hi >= last:
            return None  # everything was in view: it still is
        if hi >= last:
            step = float(self._x[-1]) - last
            return lo + step, hi + step
        return lo, hi

    def _fit_change_y(self, *_args: object) -> None:
        # BarGraphItem reports its bounds over all bars, so pyqtgraph's auto-visible range
        # cannot fit y to the dates in view; a mask over ~2,000 values does it here.
        x0, x1 = self.change_plot.vb.viewRange()[0]
        visible = self._bar_heights[(self._bar_x >= x0) & (self._bar_x <= x1)]
        if visible.size:
            low, high = min(0.0, float(visible.min())), max(0.0, float(visible.max()))
            self.change_plot.setYRange(low, high if high > low else low + 1, padding=0.08)

    def _fit_axis_widths(self, totals: np.ndarray, changes: np.ndarray) -> None:
        # One width for both left axes keeps the two plots' date scales aligned.
        widest = max(
            [number(int(v)) for v in (totals.max(initial=0), changes.min(initial=0))],
            key=len,
        )
        width = QFontMetrics(self.font()).horizontalAdvance(widest) + 16
        for plot in (self.total_plot, self.change_plot):
            plot.getAxis("left").setWidth(max(48, width))
