"""Charts tab redraw benchmark: 14 categories × 1,700 days.

Run as ``python -m tests.benchmarks.bench_chart``. Prints, for each step (a full redraw, a paint,
a redraw after a zoom, a zoom as the window makes it), the median of N runs of the analysis
chart beside a bare pyqtgraph floor (a PlotWidget with 14 curves, the same data, the same widget
size, the same step) measured in the same run, their ratio and the targets (≤ 1.2× the floor
for the full redraw, ≤ 16 ms a frame).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys

from tests.benchmarks.timing import paired_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

CATEGORIES = 14
DAYS = 1_700
RUNS = int(os.environ.get("BENCH_RUNS", "31"))
TARGET_MS = 16.0
# The categories of the generated loss reports (the current 16 of the General Staff's list).
KEYS_FOR_LOSSES = (
    "personnel",
    "tanks",
    "armored_vehicles",
    "artillery",
    "mlrs",
    "air_defense",
    "aircraft",
    "helicopters",
    "drones",
    "cruise_missiles",
    "ships",
    "submarines",
    "vehicles_fuel_tanks",
    "special_equipment",
    "ground_robots",
    "srbm_launchers",
)
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

    def floor_paint() -> None:
        floor_widget.grab()

    span = (float(arrays[0][0][0]), float(arrays[0][0][-1]))
    year = (span[1] - 365 * 86_400.0, span[1])
    zoomed = [False, False]

    def after_zoom() -> None:
        # A new x range each time: axes, grid and y fit are all recomputed, not reused.
        zoomed[0] = not zoomed[0]
        chart.set_last_days(365 if zoomed[0] else None)
        chart.redraw()
        chart.graphics.grab()

    def floor_after_zoom() -> None:
        zoomed[1] = not zoomed[1]
        floor_widget.setXRange(*(year if zoomed[1] else span), padding=0.01)
        floor()

    def zoom_only() -> None:
        # What a drag of the range or a wheel step costs in the window: the range moves,
        # y is fitted and the chart painted; the series' data stay as they are.
        zoomed[0] = not zoomed[0]
        chart.set_last_days(365 if zoomed[0] else None)
        chart.graphics.grab()

    def floor_zoom_only() -> None:
        zoomed[1] = not zoomed[1]
        floor_widget.setXRange(*(year if zoomed[1] else span), padding=0.01)
        floor_widget.enableAutoRange(axis="y")
        floor_widget.grab()

    pairs = [
        ("full redraw (setData on all + paint)", ours, floor, 1.2),
        ("paint alone", paint_only, floor_paint, None),
        ("full redraw after a zoom (all ↔ 1 y)", after_zoom, floor_after_zoom, None),
        ("zoom as the window does it (no setData)", zoom_only, floor_zoom_only, None),
    ]
    print(
        f"Charts tab, {CATEGORIES} categories × {DAYS:,} days at {SIZE[0]}×{SIZE[1]}, "
        f"median of {RUNS}; floor = bare pyqtgraph PlotWidget, same data, same step:"
    )
    print(f"  {'':<42}{'ours':>9}{'floor':>9}{'ratio':>8}   target")
    for label, mine, bare, ratio_target in pairs:
        ours_ms, floor_ms = paired_ms(mine, bare, RUNS)
        ratio = ours_ms / floor_ms if floor_ms else float("nan")
        targets = []
        if ratio_target is not None:
            targets.append(f"≤ {ratio_target}× {'met' if ratio <= ratio_target else 'not met'}")
        if "zoom" in label or ratio_target is not None:
            targets.append(f"≤ {TARGET_MS:.0f} ms {'met' if ours_ms <= TARGET_MS else 'not met'}")
        print(
            f"  {label:<42}{ours_ms:7.1f} ms{floor_ms:7.1f} ms{ratio:7.2f}×   " + ", ".join(targets)
        )
    print()
    bench_losses_load()
    return 0


def bench_losses_load() -> None:
    """The Losses tab's load of 2,000 reports × 16 categories (the read-lane read and the
    model's swap) beside a raw `SELECT * FROM report_figure` of the same file, in turns."""
    import sqlite3
    import tempfile
    from pathlib import Path

    from desktop_app.core.report import Figure, LossReport
    from desktop_app.storage.db.connection import open_database
    from desktop_app.storage.reports import import_reports
    from desktop_app.ui.losses.report_table_model import ReportTableModel, read_report_table

    folder = Path(tempfile.mkdtemp(prefix="bench-losses-"))
    path = folder / "archive.sqlite"
    db = open_database(path)
    rng = random.Random(9)
    keys = list(KEYS_FOR_LOSSES)
    totals = dict.fromkeys(keys, 0)
    reports = []
    for day in range(2_000):
        for key in keys:
            totals[key] += rng.randint(0, 40)
        reports.append(
            LossReport(
                dt.date(2022, 2, 25) + dt.timedelta(days=day),
                {k: Figure(v, None) for k, v in totals.items()},
            )
        )
    import_reports(reports, source="bench")
    raw = sqlite3.connect(path)

    class Context:
        runner = None

    model = ReportTableModel(Context())  # type: ignore[arg-type]

    def ours() -> None:
        model.apply(read_report_table())

    def floor() -> None:
        raw.execute("SELECT * FROM report_figure").fetchall()

    ours_ms, floor_ms = paired_ms(ours, floor, max(RUNS // 3, 5))
    ratio = ours_ms / floor_ms
    print(f"Losses tab, loading 2,000 reports × {len(keys)} categories (read + model swap):")
    print(
        f"  {'ours':<42}{ours_ms:7.1f} ms   raw SELECT of the figures {floor_ms:.1f} ms   "
        f"{ratio:.2f}×   target ≤ 1.5× {'met' if ratio <= 1.5 else 'not met'}"
    )
    raw.close()
    db.close()


if __name__ == "__main__":
    sys.exit(main())
