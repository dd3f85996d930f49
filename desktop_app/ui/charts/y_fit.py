"""Fitting a plot's y to what its series draw in an x range.

pyqtgraph's auto-range ignores bar items and counts hidden items, so the analysis chart fits
y itself, over the arrays its series already hold (`SeriesItems.extent`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg

from desktop_app.ui.charts.series_items import SeriesItems
from desktop_app.ui.plotting.axes import align_widths

# Room left around the data: beside the range in x, above and below the values in y.
X_PADDING, Y_PADDING = 0.01, 0.06


def wanted_y(series: Sequence[SeriesItems], x: Sequence[float]) -> tuple[float, float] | None:
    """The lowest and highest value the visible `series` draw between x[0] and x[1] (bars
    from 0), unpadded; None when nothing is drawn there."""
    found = []
    bars = False
    for s in series:
        if s.shown is None or not s.visible:
            continue
        bars = bars or s.shown.bars
        extent = s.extent(x[0] - s.shown.width, x[1])
        if extent is not None:
            found.append(extent)
    if not found:
        return None
    low, high = min(f[0] for f in found), max(f[1] for f in found)
    if bars:
        low, high = min(low, 0.0), max(high, 0.0)
    return (low, high if high > low else low + 1)


def padded(y: tuple[float, float]) -> tuple[float, float]:
    """`y` with its margin above and below."""
    pad = (y[1] - y[0]) * Y_PADDING
    return (y[0] - pad, y[1] + pad)


def align_left_axes(plots: Sequence[pg.PlotItem]) -> None:
    """Small multiples: every plot's left axis as wide as the widest, so that the plots of a
    column start at the same x and a day sits above the same day."""
    align_widths(
        [plot.getAxis("left") for plot in plots],
        [(*plot.vb.viewRange()[1], plot.vb.height()) for plot in plots],
    )
