"""The hover and the day cursor reach every day a ticked category was reported, not only the
days of the first one on the axis (a category that ended before the next one began)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt

from desktop_app.core.report import Figure, LossReport
from desktop_app.services.charts import chart_source
from desktop_app.storage.reports import import_reports
from desktop_app.ui.charts.analysis_data import CUMULATIVE
from desktop_app.ui.charts.analysis_plot import ONE_AXIS
from desktop_app.ui.charts.analysis_view import AnalysisView
from tests.ui.charts.conftest import utc_midnight

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

# "Military vehicles" was counted until 30 April, "Vehicles and fuel tanks" from 1 May on: an
# analyst puts the two on one axis to see the one continue the other.
SWITCH = dt.date(2022, 5, 1)
DAYS = [SWITCH + dt.timedelta(days=i) for i in range(-10, 10)]


@pytest.fixture
def view(qtbot, archive_db):
    reports = []
    for i, day in enumerate(DAYS):
        key = "military_vehicles" if day < SWITCH else "vehicles_fuel_tanks"
        reports.append(LossReport(day, {key: Figure(1_000 + 20 * i, None)}))
    import_reports(reports, source="test")
    widget = AnalysisView()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh(chart_source())
    widget.set_checked(["military_vehicles", "vehicles_fuel_tanks"])
    widget.set_view(CUMULATIVE, ONE_AXIS)
    return widget


def test_pointing_at_the_earlier_category_reads_its_day(view) -> None:
    plot = view.plot
    assert plot.keys == ["vehicles_fuel_tanks", "military_vehicles"]
    wanted = dt.date(2022, 4, 25)
    scene = plot.plots[0].vb.mapViewToScene(QPointF(utc_midnight(wanted), 1_050))
    assert plot.date_at(0, scene) == wanted
    text = plot.hover(wanted)
    assert "Military vehicles (until 30 Apr 2022): total 1,080" in text
    assert "Vehicles and fuel tanks: no report" in text


def test_the_day_cursor_steps_through_both_categories_days(view, qtbot) -> None:
    graphics = view.plot.graphics
    graphics.setFocus()
    qtbot.waitUntil(graphics.hasFocus)
    qtbot.keyClick(graphics, Qt.Key.Key_Home)
    assert view.plot.cursor_date() == DAYS[0]
    for _ in range(10):
        qtbot.keyClick(graphics, Qt.Key.Key_Right)
    assert view.plot.cursor_date() == SWITCH
    qtbot.keyClick(graphics, Qt.Key.Key_Left)
    assert view.plot.cursor_date() == SWITCH - dt.timedelta(days=1)
    assert "Military vehicles (until 30 Apr 2022): total 1,180" in view.hover_label.text()


def test_the_cursor_follows_the_categories_ticked_now(view, qtbot) -> None:
    # The cursor was on the military vehicles' days; with only the later category ticked,
    # Home goes to that category's first day, not to a day it has no report for.
    graphics = view.plot.graphics
    graphics.setFocus()
    qtbot.waitUntil(graphics.hasFocus)
    qtbot.keyClick(graphics, Qt.Key.Key_Home)
    assert view.plot.cursor_date() == DAYS[0]
    view.set_checked(["vehicles_fuel_tanks"])
    graphics = view.plot.graphics
    graphics.setFocus()
    qtbot.keyClick(graphics, Qt.Key.Key_Home)
    assert view.plot.cursor_date() == SWITCH
    assert "no report" not in view.hover_label.text()


def test_an_archive_of_one_report_shows_its_figures(qtbot, archive_db) -> None:
    # The first report pasted: one day, no line to draw. The chart showed 1996-2052 and
    # nothing on it.
    day = dt.date(2024, 5, 10)
    import_reports([LossReport(day, {"tanks": Figure(7_434, 5)})], source="test")
    widget = AnalysisView()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh(chart_source())
    plot = widget.plot.plots[0]
    lo, hi = plot.vb.viewRange()[0]
    assert lo < utc_midnight(day) < hi and hi - lo < 10 * 86_400
    dots = widget.plot.series["tanks"].negatives.getData()
    assert dots[0].tolist() == [utc_midnight(day)] and dots[1].tolist() == [7_434]
    # Bars (none: no change can be derived) leave no dot behind.
    widget.set_view("daily")
    assert widget.plot.series["tanks"].negatives.getData()[0].size == 0
