"""Charts tab redraw benchmark: 14 categories × 1,700 days, `setData` on all plus a paint.

Run as ``python -m tests.benchmarks.bench_chart``. Prints the median of N runs of a full
redraw of the analysis chart beside a bare pyqtgraph floor (a PlotWidget with 14 curves, the
same data, the same widget size, the same paint) measured in the same run.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys

from tests.benchmarks.timing import median_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

CATEGORIES = 14
DAYS = 1_700
RUNS = int(os.environ.get("BENCH_RUNS", "31"))
TARGET_MS = 16.0
SIZE = (1280, 800)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    import pyqtgraph as pg

    from desktop_app.core.categories import KEYS
    from desktop_app.core.series import derive_series
    from desktop_app.ui.charts.analysis_data import CUMULATIVE, ChartData
    from desktop_app.ui.charts.analysis_plot import ONE_AXIS, AnalysisPlot

    rng = random.Random(5)
    start = dt.date(2022, 2, 25)
    keys = list(KEYS[:CATEGORIES])
    data = ChartData()
    for k, key in enumerate(keys):
        total, rows = 0, []
        for day in range(DAYS):
            total += rng.randint(0, 50 * (k + 1))
            rows.append((start + dt.timedelta(days=day), total, None))
        data.points[key] = derive_series(rows)

    chart = AnalysisPlot(data)
    chart.resize(*SIZE)
    chart.show()
    chart.show_view(CUMULATIVE, keys, ONE_AXIS)
    app.processEvents()

    def ours() -> None:
        chart.redraw()
        chart.graphics.grab()

    floor_widget = pg.PlotWidget()
    floor_widget.resize(*SIZE)
    floor_widget.show()
    curves = [floor_widget.plot() for _ in keys]
    arrays = [(data.plotted(CUMULATIVE, k).x, data.plotted(CUMULATIVE, k).y) for k in keys]
    app.processEvents()

    def floor() -> None:
        for curve, (x, y) in zip(curves, arrays, strict=True):
            curve.setData(x, y)
        floor_widget.grab()

    def paint_only() -> None:
        chart.graphics.grab()

    zoomed = [False]

    def after_zoom() -> None:
        # A new x range each time: axes, grid and y fit are all recomputed, not reused.
        zoomed[0] = not zoomed[0]
        chart.set_last_days(365 if zoomed[0] else None)
        chart.redraw()
        chart.graphics.grab()

    ours_ms, floor_ms, paint_ms, zoom_ms = (
        median_ms(f, RUNS, warm_up=True) for f in (ours, floor, paint_only, after_zoom)
    )
    print(
        f"Charts tab, full redraw {CATEGORIES} × {DAYS:,} days (setData on all + paint), "
        f"median of {RUNS}:"
    )
    print(
        f"  {'analysis chart (ours)':<40}{ours_ms:8.1f} ms   target {TARGET_MS:.0f} ms"
        f"   {'met' if ours_ms <= TARGET_MS else 'not met'}"
    )
    print(f"  {'bare pyqtgraph floor, same data/size':<40}{floor_ms:8.1f} ms")
    print(f"  {'paint alone (ours)':<40}{paint_ms:8.1f} ms")
    print(
        f"  {'full redraw after a zoom (all ↔ 1 y)':<40}{zoom_ms:8.1f} ms   target "
        f"{TARGET_MS:.0f} ms   {'met' if zoom_ms <= TARGET_MS else 'not met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
