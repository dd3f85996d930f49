"""The charts' grid: lines exactly at the axes' labelled ticks, following zoom and palette,
drawn by TickGrid rather than pyqtgraph's slow axis grid on every chart."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QPainterPath, QPalette

from desktop_app.ui.charts.analysis_data import CUMULATIVE, ChartData
from desktop_app.ui.charts.analysis_plot import SMALL_MULTIPLES, AnalysisPlot
from desktop_app.ui.charts.oryx_plot import OryxPlot
from desktop_app.ui.losses.loss_chart import LossChart
from desktop_app.ui.plotting.axes import CountAxis, DateAxis
from desktop_app.ui.plotting.tick_grid import MAJOR_ALPHA, MINOR_ALPHA, TickGrid, paint_length

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def utc(date: dt.date) -> float:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp()


def lines(path: QPainterPath) -> tuple[list[float], list[float]]:
    """(x of the vertical lines, y of the horizontal lines) of a path of two-point lines."""
    xs, ys = [], []
    for i in range(0, path.elementCount(), 2):
        start, end = path.elementAt(i), path.elementAt(i + 1)
        if start.x == end.x:
            xs.append(start.x)
        else:
            assert start.y == end.y
            ys.append(start.y)
    return xs, ys


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget(axisItems={"bottom": DateAxis(utcOffset=0), "left": CountAxis("left")})
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.plot(
        np.array([utc(dt.date(2022, 2, 25)), utc(dt.date(2026, 8, 8))]),
        np.array([0.0, 1_400_000.0]),
    )
    return widget


def in_range(values: list[float], low: float, high: float) -> list[float]:
    return [v for v in values if low <= v <= high]


def expected(plot: pg.PlotWidget, name: str, level: int) -> list[float]:
    axis = plot.getPlotItem().getAxis(name)
    (x0, x1), (y0, y1) = plot.getPlotItem().vb.viewRange()
    low, high = (x0, x1) if name == "bottom" else (y0, y1)
    return in_range(axis.tickValues(low, high, paint_length(axis))[level][1], low, high)


def test_lines_sit_on_the_labelled_ticks_and_follow_a_zoom(qtbot, plot):
    grid = TickGrid(plot.getPlotItem())
    plot.setXRange(utc(dt.date(2022, 3, 1)), utc(dt.date(2026, 3, 1)), padding=0)
    plot.setYRange(0, 1_400_000, padding=0)
    plot.grab()  # the lines are rebuilt just before a paint
    major_x, major_y = lines(grid.major.path())
    minor_x, minor_y = lines(grid.minor.path())
    # Over four years: a line at each new year, lighter ones between; round counts across.
    assert major_x == expected(plot, "bottom", 0)
    assert [dt.datetime.fromtimestamp(x, dt.UTC).date() for x in major_x] == [
        dt.date(y, 1, 1) for y in (2023, 2024, 2025, 2026)
    ]
    assert minor_x == expected(plot, "bottom", 1) and minor_x
    assert major_y == expected(plot, "left", 0) and len(major_y) >= 3
    assert minor_y == expected(plot, "left", 1)

    plot.setXRange(utc(dt.date(2024, 5, 1)), utc(dt.date(2024, 7, 1)), padding=0)
    plot.grab()
    zoomed_x, _ = lines(grid.major.path())
    assert zoomed_x == expected(plot, "bottom", 0)
    assert zoomed_x and all(
        utc(dt.date(2024, 5, 1)) <= x <= utc(dt.date(2024, 7, 1)) for x in zoomed_x
    )
    assert set(zoomed_x).isdisjoint(major_x)


def test_lines_span_the_view_and_resizing_keeps_them_on_ticks(qtbot, plot):
    grid = TickGrid(plot.getPlotItem())
    plot.resize(400, 300)
    qtbot.waitUntil(lambda: plot.getPlotItem().getAxis("bottom").geometry().width() < 380)
    plot.grab()
    (x0, x1), (y0, y1) = plot.getPlotItem().vb.viewRange()
    path = grid.major.path()
    assert path.elementCount() > 0
    for i in range(0, path.elementCount(), 2):
        start, end = path.elementAt(i), path.elementAt(i + 1)
        if start.x == end.x:
            assert (start.y, end.y) == (y0, y1)
        else:
            assert (start.x, end.x) == (x0, x1)
    assert lines(path)[0] == expected(plot, "bottom", 0)


class _Recording(DateAxis):
    """A date axis that notes the lengths it is asked for ticks at."""

    def __init__(self) -> None:
        super().__init__(utcOffset=0)
        self.asked: list[float] = []

    def tickValues(self, min_val: float, max_val: float, size: float):  # type: ignore[override]
        self.asked.append(size)
        return super().tickValues(min_val, max_val, size)


def test_the_grid_asks_for_ticks_at_the_length_the_axis_paints_with(qtbot):
    # Asked at another length (the axis's geometry is two pixels shorter than its painted
    # line), a date axis can choose other ticks than it labels, and computes them twice.
    axis = _Recording()
    widget = pg.PlotWidget(axisItems={"bottom": axis})
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    TickGrid(widget.getPlotItem(), y=False)
    widget.setXRange(utc(dt.date(2023, 1, 1)), utc(dt.date(2025, 1, 1)), padding=0)
    axis.asked.clear()
    widget.grab()
    assert len(set(axis.asked)) == 1
    assert axis.asked[0] == paint_length(axis)


def test_a_zoom_rebuilds_the_lines_once_before_the_paint(qtbot, plot):
    # A zoom moves x, then fits y: lines built in between would never be shown.
    grid = TickGrid(plot.getPlotItem())
    built = []
    original = grid.update
    grid.update = lambda *args: (built.append(1), original(*args))  # type: ignore[method-assign]
    plot.getPlotItem().vb.sigRangeChanged.disconnect()
    plot.getPlotItem().vb.sigRangeChanged.connect(grid.changed)
    plot.setXRange(utc(dt.date(2024, 1, 1)), utc(dt.date(2024, 6, 1)), padding=0)
    plot.setYRange(0, 500_000, padding=0)
    assert built == []
    plot.grab()
    assert built == [1]
    plot.grab()  # nothing changed since
    assert built == [1]
    assert lines(grid.major.path())[0] == expected(plot, "bottom", 0)


def test_a_grid_on_one_axis_only(qtbot, plot):
    grid = TickGrid(plot.getPlotItem(), x=False)
    xs, ys = lines(grid.major.path())
    assert xs == [] and ys


def test_colour_is_the_given_text_colour_at_two_strengths(plot):
    grid = TickGrid(plot.getPlotItem())
    grid.set_colour(QColor("#e0e0e0"))
    for item, alpha in ((grid.major, MAJOR_ALPHA), (grid.minor, MINOR_ALPHA)):
        pen = item.pen()
        assert pen.color().rgb() == QColor("#e0e0e0").rgb()
        assert pen.color().alphaF() == pytest.approx(alpha, abs=0.01)
        assert pen.isCosmetic()


def chart_data() -> ChartData:
    from desktop_app.core.series import derive_series

    data = ChartData()
    start = dt.date(2024, 1, 1)
    for n, key in enumerate(("tanks", "personnel")):
        rows = [(start + dt.timedelta(days=d), (n + 1) * 10 * d, None) for d in range(400)]
        data.points[key] = derive_series(rows)
    return data


def test_every_chart_draws_its_grid_with_tick_grids_not_pyqtgraphs_axis_grid(qtbot):
    # pyqtgraph's axis grid costs ~12 ms a paint per axis; the redraw target needs it off.
    analysis = AnalysisPlot(chart_data())
    qtbot.addWidget(analysis)
    analysis.resize(1000, 700)
    analysis.show()
    analysis.show_view(CUMULATIVE, ["tanks", "personnel"], SMALL_MULTIPLES)
    loss = LossChart()
    qtbot.addWidget(loss)
    oryx = OryxPlot(chart_data())
    qtbot.addWidget(oryx)
    charts = [
        (analysis.plots, analysis.grids),
        ([loss.total_plot, loss.change_plot], loss.grids),
        ([oryx.plot], [oryx.grid]),
    ]
    for plots, grids in charts:
        assert [g.plot for g in grids] == plots
        for plot in plots:
            assert all(plot.getAxis(name).grid is False for name in ("left", "bottom"))
    analysis.graphics.grab()
    assert all(lines(g.major.path())[0] for g in analysis.grids)


def test_analysis_grid_follows_the_palette(qtbot):
    chart = AnalysisPlot(chart_data())
    qtbot.addWidget(chart)
    chart.show_view(CUMULATIVE, ["tanks"], SMALL_MULTIPLES)
    palette = QPalette(chart.palette())
    palette.setColor(QPalette.ColorRole.Text, QColor("#123456"))
    chart.setPalette(palette)
    chart.apply_palette()
    assert chart.grids[0].major.pen().color().rgb() == QColor("#123456").rgb()


def test_a_chart_deleted_with_its_window_raises_nothing_from_its_grid(qtbot, qapp):
    """Deleting a window (File ▸ Open archive… deletes the old one) moves the axes of a plot
    already half gone: the grid's slot must not reach into it (a RuntimeError, shown to the
    user as an error dialog)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    chart = LossChart(window)  # held, as the losses view holds its chart
    QVBoxLayout(window).addWidget(chart)
    window.show()
    qapp.processEvents()
    with qtbot.captureExceptions() as raised:
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not raised, raised
