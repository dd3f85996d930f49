"""The strip under the Charts tab's plots: each shown category's cumulative totals, scaled
to its own peak, under the region that chooses the dates the plots show."""

from __future__ import annotations

import os
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from desktop_app.ui.charts.analysis_data import CUMULATIVE, ChartData
from desktop_app.ui.plotting.palette import series_color


def overview_curves(
    strip: pg.PlotItem,
    old: Sequence[pg.PlotDataItem],
    data: ChartData,
    keys: Sequence[str],
    dark: bool,
) -> list[pg.PlotDataItem]:
    """Replace `old` in `strip` with a curve for each of `keys` as `data` holds it now."""
    for curve in old:
        strip.removeItem(curve)
    curves = []
    for key in keys:
        p = data.plotted(CUMULATIVE, key)
        peak = np.nanmax(p.y) if p.y.size else 0.0
        curve = pg.PlotDataItem(p.x, p.y / peak if peak > 0 else p.y)
        curve.setDownsampling(auto=True, method="peak")
        # The strip does not change while the chart is zoomed: painted once, then blitted.
        curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        curve.setPen(pg.mkPen(series_color(key, dark), width=1))
        strip.addItem(curve)
        curves.append(curve)
    return curves
