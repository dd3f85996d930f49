"""LossChart with series read from a real archive: data pushed, hover text, PNG export."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import category_series, load_report, save_report
from desktop_app.ui.losses.loss_chart import LossChart

# The offscreen platform warns when a shown top-level window has size constraints.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

START = dt.date(2023, 5, 20)
# Tanks over ten days: a stated change that disagrees on day 3, a decrease on day 9 and a gap
# (no report) on day 6.
TANKS = [3_780, 3_784, 3_790, 3_795, 3_799, None, 3_806, 3_810, 3_797, 3_801]


@pytest.fixture
def series(archive_db):
    for i, total in enumerate(TANKS):
        if total is not None:
            stated = 9 if i == 2 else None
            save_report(LossReport(START + dt.timedelta(days=i), {"tanks": Figure(total, stated)}))
    return category_series("tanks")


@pytest.fixture
def chart(qtbot, series):
    widget = LossChart()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.set_series("tanks", series, "Tanks")
    return widget


def utc_midnight(date: dt.date) -> float:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp()


def test_total_curve_holds_stored_totals_at_utc_midnight(chart, series):
    x, y = chart.total_curve.getData()
    stored = [load_report(p.date).figures["tanks"].total for p in series]
    assert y.tolist() == stored
    assert x.tolist() == [utc_midnight(p.date) for p in series]


def test_bars_hold_derived_changes_where_one_can_be_derived(chart, series):
    x, heights = chart.change_bars.getData()
    derivable = [p for p in series if p.derived_change is not None]
    assert heights.tolist() == [p.derived_change for p in derivable]
    assert x.tolist() == [utc_midnight(p.date) for p in derivable]
    # The stated +9 on day 3 is not what the bars show: they show the difference, +6.
    assert 6 in heights.tolist() and 9 not in heights.tolist()


def test_negative_change_is_drawn_below_zero_in_another_colour(chart):
    _, heights = chart.change_bars.getData()
    brushes = chart.change_bars.opts["brushes"]
    negative = [b.color().name() for b, h in zip(brushes, heights, strict=True) if h < 0]
    positive = {b.color().name() for b, h in zip(brushes, heights, strict=True) if h >= 0}
    assert negative and not set(negative) & positive
    chart.change_plot.vb.autoRange()
    y_min, _ = chart.change_plot.vb.viewRange()[1]
    assert y_min <= heights.min() == -13


def test_x_axes_are_linked(chart):
    first = utc_midnight(START + dt.timedelta(days=2))
    last = utc_midnight(START + dt.timedelta(days=5))
    chart.total_plot.setXRange(first, last, padding=0)
    assert chart.change_plot.vb.viewRange()[0] == pytest.approx([first, last])


def test_hovering_a_date_shows_its_exact_figures(qtbot, chart):
    chart.show()
    qtbot.waitExposed(chart)
    date = START + dt.timedelta(days=2)
    scene_pos = chart.total_plot.vb.mapViewToScene(QPointF(utc_midnight(date), 3_790))
    chart.plot_widget.scene().sigMouseMoved.emit(scene_pos)
    expected = "2023-05-22 (day 453) · Tanks: 3,790 · change +6 (stated +9)"
    qtbot.waitUntil(lambda: chart.hover_label.text() == expected)


def test_hover_texts_cover_gap_and_decrease(chart, series):
    by_date = {p.date: i for i, p in enumerate(series)}
    after_gap = by_date[START + dt.timedelta(days=6)]
    decrease = by_date[START + dt.timedelta(days=8)]
    assert chart.hover_text(after_gap).endswith("Tanks: 3,806 · change unknown")
    assert chart.hover_text(decrease).endswith("Tanks: 3,797 · change −13")


def test_mark_date_moves_the_crosshair_label(chart):
    assert chart.mark_date(START)
    assert chart.hover_label.text().startswith("2023-05-20 (day 451) · Tanks: 3,780")
    assert not chart.mark_date(dt.date(2020, 1, 1))


def test_export_png_writes_a_png_of_the_requested_width(qtbot, chart, tmp_path):
    chart.show()
    qtbot.waitExposed(chart)
    path = tmp_path / "tanks.png"
    size = chart.export_png(path, width=1200)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size.width(), size.height())
    assert size.width() == 1200 and size.height() > 0


def test_an_empty_series_clears_the_chart(chart):
    chart.clear()
    x, _ = chart.total_curve.getData()
    assert x is None or len(x) == 0
    assert len(chart.change_bars.getData()[1]) == 0
    assert np.isfinite(chart.change_plot.vb.viewRange()[0]).all()


def test_a_fresh_read_keeps_the_zoom_and_a_zoom_on_the_newest_days_moves_on(chart):
    # Another program writing every few seconds must not throw the user's zoom away.
    first, last = (utc_midnight(START + dt.timedelta(days=d)) for d in (2, 5))
    chart.total_plot.setXRange(first, last, padding=0)
    save_report(LossReport(START + dt.timedelta(days=10), {"tanks": Figure(3_805)}))
    chart.set_series("tanks", category_series("tanks"), "Tanks")
    assert chart.total_plot.vb.viewRange()[0] == pytest.approx([first, last])
    newest = utc_midnight(START + dt.timedelta(days=10))
    chart.total_plot.setXRange(newest - 3 * 86_400, newest, padding=0)
    save_report(LossReport(START + dt.timedelta(days=11), {"tanks": Figure(3_809)}))
    chart.set_series("tanks", category_series("tanks"), "Tanks")
    assert chart.total_plot.vb.viewRange()[0] == pytest.approx(
        [newest - 2 * 86_400, newest + 86_400]
    )
    assert chart.change_plot.vb.viewRange()[0] == pytest.approx(chart.total_plot.vb.viewRange()[0])


def test_another_category_is_shown_whole(chart, series):
    first, last = (utc_midnight(START + dt.timedelta(days=d)) for d in (2, 5))
    chart.total_plot.setXRange(first, last, padding=0)
    chart.set_series("personnel", series, "Personnel")  # the same points under another name
    lo, hi = chart.total_plot.vb.viewRange()[0]
    assert lo <= utc_midnight(START) and hi >= utc_midnight(START + dt.timedelta(days=9))


def test_a_single_report_is_drawn_as_a_dot_in_the_week_around_it(qtbot, archive_db):
    day = dt.date(2024, 5, 10)
    save_report(LossReport(day, {"tanks": Figure(7_434, 5)}))
    widget = LossChart()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.set_series("tanks", category_series("tanks"), "Tanks")
    assert widget.hover_label.text().startswith("Tanks: 1 report, 2024-05-10 to 2024-05-10.")
    assert widget.total_curve.opts["symbol"] == "o"
    lo, hi = widget.total_plot.vb.viewRange()[0]
    assert lo < utc_midnight(day) < hi and hi - lo < 10 * 86_400
    # More reports: a line, no dots, and the count in the plural.
    save_report(LossReport(day + dt.timedelta(days=1), {"tanks": Figure(7_440)}))
    widget.set_series("tanks", category_series("tanks"), "Tanks")
    assert widget.total_curve.opts["symbol"] is None
    assert widget.hover_label.text().startswith("Tanks: 2 reports, ")


def test_the_summary_counts_in_ukrainian(qtbot, series, ukrainian):
    widget = LossChart()
    qtbot.addWidget(widget)
    widget.set_series("tanks", series, "Танки")
    assert widget.hover_label.text().startswith("Танки: 9 зведень, від 2023-05-20 до 2023-05-29.")
