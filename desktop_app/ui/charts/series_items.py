"""The pyqtgraph items of one category in one plot, and how a view's values go into them.

Lines go into one curve. Bars go into three single-colour bar items (whole periods, periods the
reports cover only in part, decreases): a single-colour BarGraphItem paints with one
`drawRects` call, where per-bar pens and brushes make it record and replay a picture of every
bar. Several categories' bars on one axis are stacked (each day's increases upwards, its
decreases downwards), so no category hides another at any zoom.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop_app.core import aggregates
from desktop_app.core.series import SeriesPoint
from desktop_app.ui.charts.analysis_data import DAY_SECONDS, Plotted, epoch_seconds
from desktop_app.ui.plotting.palette import negative_color, series_color

# How much of the series colour a partly covered period's bar keeps.
PALE_ALPHA = 80
# Points above which a line is clipped to the view and downsampled (a day's figures for
# thirteen years; a zoom of 14 series of 1,700 days cost a fifth more with clipping on).
CLIP_ABOVE = 5_000


def _keep_data_bounds(curve: pg.PlotCurveItem) -> None:
    """A zoom changes the view, not the data: `curve` keeps its data's bounds across it.

    pyqtgraph forgets both the bounding box (which depends on the pixel size, for the pen's
    width) and the data's min and max at each change of view, so every curve scanned its
    data twice a zoom (28 scans for 14 series). The box is still recomputed; the min and max
    are forgotten only by new data (`setData` clears them itself).
    """
    if not hasattr(curve, "_boundingRect"):
        return  # another pyqtgraph: leave it as it is

    def view_changed() -> None:
        curve._boundingRect = None
        curve.prepareGeometryChange()

    curve.viewTransformChanged = view_changed


class SeriesItems:
    """One category's items in `plot`; only the curve or the bars hold data at a time."""

    def __init__(self, plot: pg.PlotItem, key: str) -> None:
        self.key = key
        self.plot = plot
        # No dynamic range limit: it clamps values a million view heights away, which a y
        # fitted to what is in view never has, and it rebuilt every curve at each change of
        # y (14 rebuilds a zoom).
        self.curve = pg.PlotDataItem(connect="finite", dynamicRangeLimit=None)
        _keep_data_bounds(self.curve.curve)
        self._clipped: bool | None = None
        self.bars = pg.BarGraphItem(x=np.empty(0), height=np.empty(0), width=1.0)
        self.pale = pg.BarGraphItem(x=np.empty(0), height=np.empty(0), width=1.0)
        self.down = pg.BarGraphItem(x=np.empty(0), height=np.empty(0), width=1.0)
        # ▼ under each decrease's bar; in a line view, a dot for a value with no neighbour.
        self.negatives = pg.ScatterPlotItem(symbol="t", size=7, pxMode=True)
        self.stated = pg.ScatterPlotItem(symbol="x", size=8, pxMode=True)
        for item in self.items:
            plot.addItem(item)
        self.shown: Plotted | None = None
        # Where each bar starts and ends (stacked bars start on the ones below them).
        self.bar_x = np.empty(0)
        self.low = np.empty(0)
        self.high = np.empty(0)
        self.bars_filled = False
        self.visible = True
        # What the y fit reads: x ascending and each point's low and high, NaNs left out.
        self.fit_x = np.empty(0)
        self.fit_low = np.empty(0)
        self.fit_high = np.empty(0)

    @property
    def items(self) -> tuple[pg.GraphicsObject, ...]:
        return (self.curve, self.bars, self.pale, self.down, self.negatives, self.stated)

    @property
    def active(self) -> pg.GraphicsObject:
        """The item the legend shows for this series."""
        return self.bars if self.shown is not None and self.shown.bars else self.curve

    def bar_data(self) -> tuple[np.ndarray, np.ndarray]:
        """Every bar drawn (whole, pale and decreasing), by date: x and height."""
        parts = [bars.getData() for bars in (self.bars, self.pale, self.down)]
        x = np.concatenate([p[0] for p in parts if p[0] is not None])
        heights = np.concatenate([p[1] for p in parts if p[1] is not None])
        order = np.argsort(x, kind="stable")
        return x[order], heights[order]

    def _keep_fit(self, x: np.ndarray, low: np.ndarray, high: np.ndarray) -> None:
        finite = np.isfinite(low) & np.isfinite(high)
        self.fit_x, self.fit_low, self.fit_high = x[finite], low[finite], high[finite]

    def extent(self, x0: float, x1: float) -> tuple[float, float] | None:
        """The lowest and highest value drawn between x0 and x1 (a binary search, no mask)."""
        i0 = int(np.searchsorted(self.fit_x, x0, side="left"))
        i1 = int(np.searchsorted(self.fit_x, x1, side="right"))
        if i1 <= i0:
            return None
        return float(self.fit_low[i0:i1].min()), float(self.fit_high[i0:i1].max())

    def _clip(self, clip: bool) -> None:
        """Long series: draw only what is in view, at most a few points per pixel (peaks
        kept). Clipping re-slices the data and rebuilds the curve's path and bounds on every
        change of range, so a series short enough to draw whole is left whole."""
        if clip != self._clipped:
            self._clipped = clip
            self.curve.setClipToView(clip)
            self.curve.setDownsampling(auto=clip, method="peak")

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        for item in self.items:
            item.setVisible(visible)

    def push(
        self,
        p: Plotted,
        dark: bool,
        base: np.ndarray | None = None,
        stated: bool = False,
    ) -> None:
        """Show `p`; bars start at `base` (stacking) or at zero."""
        self.shown = p
        empty = np.empty(0)
        if not p.bars:
            self._clip(p.x.size > CLIP_ABOVE)
            self.curve.setData(p.x, p.y)
            self.low = self.high = p.y
            self._keep_fit(p.x, p.y, p.y)
            if self.bars_filled:
                for bars in (self.bars, self.pale, self.down):
                    bars.setOpts(x=empty, height=empty, y0=empty)
                self.stated.setData(x=empty, y=empty)
                self.bars_filled = False
            # A value with no finite neighbour (a single report, a day between gaps) makes
            # no line: a dot shows it.
            finite = np.isfinite(p.y)
            alone = finite & ~np.r_[False, finite[:-1]] & ~np.r_[finite[1:], False]
            colour = series_color(self.key, dark)
            self.negatives.setData(
                x=p.x[alone], y=p.y[alone], symbol="o", brush=colour, pen=pg.mkPen(colour)
            )
            self.set_visible(self.visible)
            return
        self.bars_filled = True
        self.curve.setData(empty, empty)
        # Centred in the period (a day's bar on its day).
        centre = p.width / 0.85 / 2 - DAY_SECONDS / 2 if p.width > DAY_SECONDS else 0.0
        finite = np.isfinite(p.y)
        x = p.x[finite] + centre
        heights = p.y[finite]
        partial = p.partial[finite]
        y0 = np.zeros_like(heights) if base is None else base[finite]
        self.bar_x, self.low, self.high = (
            x,
            np.minimum(y0, y0 + heights),
            np.maximum(y0, y0 + heights),
        )
        if stated and p.stated_dates:
            # A stated change that differs is marked, so the fit keeps it in view.
            sx = epoch_seconds(p.stated_dates)
            sy = np.asarray(p.stated_values, dtype=np.float64)
            order = np.argsort(np.concatenate([x, sx]), kind="stable")
            self._keep_fit(
                np.concatenate([x, sx])[order],
                np.concatenate([self.low, sy])[order],
                np.concatenate([self.high, sy])[order],
            )
        else:
            self._keep_fit(x, self.low, self.high)
        colour = series_color(self.key, dark)
        pale = QColor(colour)
        pale.setAlpha(PALE_ALPHA)
        negative = negative_color(dark)
        neg = heights < 0
        whole = ~neg & ~partial
        part = ~neg & partial
        for item, chosen, fill, pen in (
            (self.bars, whole, colour, colour),
            (self.pale, part, pale, colour),
            (self.down, neg, negative, negative),
        ):
            item.setOpts(
                x=x[chosen],
                height=heights[chosen],
                y0=y0[chosen],
                width=p.width,
                pen=pg.mkPen(pen, width=1),
                brush=pg.mkBrush(fill),
            )
        # Decreases (official corrections) hang below; the triangles keep a one-day decrease
        # visible when bars are thinner than a pixel.
        self.negatives.setData(
            x=x[neg],
            y=(y0 + heights)[neg],
            symbol="t",
            brush=pg.mkBrush(negative),
            pen=pg.mkPen(negative),
        )
        if stated and p.stated_dates:
            self.stated.setData(
                x=epoch_seconds(p.stated_dates),
                y=np.asarray(p.stated_values, dtype=np.float64),
                pen=pg.mkPen(colour, width=2),
                brush=None,
            )
        else:
            self.stated.setData(x=empty, y=empty)
        self.set_visible(self.visible)


def stack_bases(shown: Sequence[Plotted]) -> list[np.ndarray]:
    """Where each series' bars start when stacked in this order: a day's (or period's)
    increases on top of the earlier series' increases, its decreases below their decreases."""
    if not shown:
        return []
    every = np.unique(np.concatenate([p.x for p in shown]))
    up = np.zeros(every.size)
    down = np.zeros(every.size)
    bases = []
    for p in shown:
        at = np.searchsorted(every, p.x)
        heights = np.nan_to_num(p.y)
        base = np.where(heights >= 0, up[at], down[at])
        np.add.at(up, at, np.maximum(heights, 0))
        np.add.at(down, at, np.minimum(heights, 0))
        bases.append(base)
    return bases


def milestone_marks(
    plot: pg.PlotItem,
    key: str,
    points: Sequence[SeriesPoint],
    on_totals: bool,
    dark: bool,
    outline: QColor,
) -> list[pg.GraphicsObject]:
    """Mark where a category crossed round numbers: diamonds on its totals' line, dashed day
    lines in any other view; returns the items added to `plot`."""
    found = aggregates.milestones(points, aggregates.milestone_step(points[-1].total))
    if not found:
        return []
    colour = series_color(key, dark)
    x = epoch_seconds([m.date for m in found])
    if on_totals:
        marks = pg.ScatterPlotItem(
            x=x,
            y=np.array([m.threshold for m in found], float),
            symbol="d",
            size=9,
            pen=pg.mkPen(outline),
            brush=pg.mkBrush(colour),
        )
        plot.addItem(marks)
        return [marks]
    pen = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
    lines: list[pg.GraphicsObject] = []
    for value in x:
        line = pg.InfiniteLine(pos=float(value), angle=90, movable=False, pen=pen)
        plot.addItem(line, ignoreBounds=True)
        lines.append(line)
    return lines
