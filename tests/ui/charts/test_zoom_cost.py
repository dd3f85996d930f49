"""What a zoom of the analysis chart does, and what it no longer does: one change of range,
no rebuilt curves, no rescanned data, legend text kept as pixmaps. The benchmark
(`tests.benchmarks.bench_chart`) measures the time; these say the work is gone."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtWidgets import QGraphicsItem

from desktop_app.core.series import derive_series
from desktop_app.ui.charts.analysis_data import CUMULATIVE, ChartData, epoch_seconds
from desktop_app.ui.charts.analysis_plot import ONE_AXIS, AnalysisPlot
from desktop_app.ui.charts.y_fit import Y_PADDING

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

START = dt.date(2024, 1, 1)
DAYS = 400


@pytest.fixture
def chart(qtbot):
    data = ChartData()
    for n, key in enumerate(("tanks", "personnel")):
        rows = [(START + dt.timedelta(days=d), (n + 1) * 10 * d, None) for d in range(DAYS)]
        data.points[key] = derive_series(rows)
    widget = AnalysisPlot(data)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_view(CUMULATIVE, ["tanks", "personnel"], ONE_AXIS)
    widget.graphics.grab()
    return widget


def test_a_quick_range_moves_x_and_y_together_and_fits_y_to_what_is_in_view(chart):
    changes = []
    chart.plots[0].vb.sigRangeChanged.connect(lambda *args: changes.append(args))
    chart.set_last_days(30)
    assert len(changes) == 1  # one change of range, not x and then y
    (x0, x1), (y0, y1) = chart.plots[0].vb.viewRange()
    last = START + dt.timedelta(days=DAYS - 1)
    first = last - dt.timedelta(days=30)
    lo, hi = (float(v) for v in epoch_seconds([first, last]))
    assert x0 < lo and x1 > hi and x1 - x0 == pytest.approx((hi - lo) * 1.02)
    # From the lowest value drawn in the range (tanks, from the day before it: the margin
    # and the day's width) to the highest (personnel), with their margin.
    low, high = 10 * ((first - START).days - 1), 20 * (DAYS - 1)
    margin = (high - low) * Y_PADDING
    assert y0 <= low and y1 >= high
    assert (y0, y1) == pytest.approx((low - margin, high + margin), abs=20)


def test_a_zoom_neither_rebuilds_the_curves_nor_rescans_their_data(chart, monkeypatch):
    rebuilt, scanned = [], []
    for s in chart.series.values():
        item = s.curve
        monkeypatch.setattr(item, "updateItems", lambda *a, **k: rebuilt.append(1))
        original = item.curve.getData
        monkeypatch.setattr(
            item.curve, "getData", lambda original=original: (scanned.append(1), original())[1]
        )
    for days in (30, None, 90):
        chart.set_last_days(days)
        chart.graphics.grab()
    assert rebuilt == []
    assert scanned == []
    # New data is still measured again: the bounds follow a new series.
    monkeypatch.undo()
    curve = chart.series["tanks"].curve
    curve.setData(np.array([0.0, 1.0]), np.array([5.0, 7.0]))
    assert curve.curve.dataBounds(1) == (5.0, 7.0)


def test_the_legends_text_is_painted_once_and_kept(chart):
    assert chart.legend is not None and chart.legend.items
    for _sample, label in chart.legend.items:
        assert label.item.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
