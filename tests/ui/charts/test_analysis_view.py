"""The Charts tab on a real archive: what each view draws equals the stored figures or their
aggregates; hover text, clicks, exports, the Oryx comparison and the main-window hook."""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from desktop_app.core import aggregates
from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.series import moving_average
from desktop_app.services.charts import chart_source
from desktop_app.storage.db.models import OryxLoss
from desktop_app.storage.items import save_item
from desktop_app.storage.reports import (
    category_series,
    import_reports,
    load_report,
    stored_warnings,
)
from desktop_app.ui.charts.analysis_data import (
    CUMULATIVE,
    DAILY,
    MA7,
    MONTHLY,
    ORYX,
    WEEKLY,
    YEARLY,
)
from desktop_app.ui.charts.analysis_plot import NORMALISED, SMALL_MULTIPLES
from desktop_app.ui.charts.analysis_view import AnalysisView
from tests.ui.charts.conftest import PERSONNEL, START, TANKS, utc_midnight
from tests.ui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def stored_totals(key: str) -> list[tuple[dt.date, int]]:
    out = []
    for i in range(40):
        report = load_report(START + dt.timedelta(days=i))
        if report is not None and key in report.figures:
            out.append((report.date, report.figures[key].total))
    return out


def test_cumulative_lines_hold_the_stored_totals(view):
    view.set_view(CUMULATIVE)
    x, y = view.plot.series["tanks"].curve.getOriginalDataset()
    stored = stored_totals("tanks")
    assert y.tolist() == [t for _, t in stored]
    assert x.tolist() == [utc_midnight(d) for d, _ in stored]


def test_daily_bars_are_derived_changes_with_corrections_below_zero(view):
    view.set_checked(["tanks"])
    view.set_view(DAILY)
    s = view.plot.series["tanks"]
    x, heights = s.bar_data()
    derivable = [p for p in category_series("tanks") if p.derived_change is not None]
    assert heights.tolist() == [p.derived_change for p in derivable]
    assert x.tolist() == [utc_midnight(p.date) for p in derivable]
    # The decrease is drawn, marked, and inside the visible y range (not clipped).
    nx, ny = s.negatives.getData()
    assert ny.tolist() == [-13] and nx.tolist() == [utc_midnight(START + dt.timedelta(8))]
    low, high = view.plot.plots[0].vb.viewRange()[1]
    assert low < -13 and high > max(heights)
    # The stated +9 of day 3 (derived +4) is marked where it differs.
    sx, sy = s.stated.getData()
    assert sx.tolist() == [utc_midnight(START + dt.timedelta(2))] and sy.tolist() == [9]


def test_moving_average_line_equals_the_core_function(view):
    view.set_view(MA7)
    _, y = view.plot.series["personnel"].curve.getOriginalDataset()
    expected = moving_average([p.derived_change for p in category_series("personnel")], 7)
    assert [None if math.isnan(v) else v for v in y.tolist()] == expected
    assert expected[6] is None and expected[7] == 700.0  # day 1 has no change


@pytest.mark.parametrize(
    ("view_name", "period"),
    [(WEEKLY, aggregates.WEEK), (MONTHLY, aggregates.MONTH), (YEARLY, aggregates.YEAR)],
)
def test_period_bars_equal_the_period_sums(view, view_name, period):
    view.set_checked(["tanks"])
    view.set_view(view_name)
    _, heights = view.plot.series["tanks"].bar_data()
    sums = aggregates.period_sums(category_series("tanks"), period)
    assert heights.tolist() == [s.total for s in sums]


def test_normalised_series_start_at_100_at_the_range_start(view, qtbot):
    view.set_view(CUMULATIVE, NORMALISED)
    view.plot.set_range(START + dt.timedelta(10), START + dt.timedelta(30))
    for key, first_total in (("tanks", TANKS[10]), ("personnel", PERSONNEL[10])):
        x, y = view.plot.series[key].curve.getOriginalDataset()
        at_start = y[x.tolist().index(utc_midnight(START + dt.timedelta(10)))]
        assert at_start == pytest.approx(100.0)
        assert y[-1] == pytest.approx(
            100.0 * (PERSONNEL[39] if key == "personnel" else TANKS[39]) / first_total
        )


def test_small_multiples_give_each_category_its_own_plot(view):
    view.set_view(CUMULATIVE, SMALL_MULTIPLES)
    assert view.plot.plot_keys == [["personnel"], ["tanks"]]
    assert view.plot.series["tanks"].plot is not view.plot.series["personnel"].plot


def test_hover_text_for_a_known_date_is_exact(view):
    view.set_view(DAILY)
    date = START + dt.timedelta(8)
    warning = [w.message for w in stored_warnings(date) if w.category == "tanks"]
    assert warning, "a decrease is stored with a warning"
    text = view.plot.hover(date)
    assert text == "\n".join(
        [
            "2023-05-28 (day 459)",
            "Personnel: total 205,600 · change +700",
            "Tanks: total 3,795 · change −13",
            *("⚠ " + w for w in warning),
        ]
    )
    assert view.hover_label.toolTip() == text


def test_hover_shows_a_stated_change_that_differs(view):
    text = view.plot.hover(START + dt.timedelta(2))
    assert "Tanks: total 3,788 · change +4 (stated +9)" in text.splitlines()


def test_clicking_a_point_requests_that_report(view, qtbot):
    view.set_checked(["tanks"])
    view.set_view(CUMULATIVE)
    plot = view.plot.plots[0]
    date = START + dt.timedelta(20)
    scene_pos = plot.vb.mapViewToScene(QPointF(utc_midnight(date), TANKS[20]))
    widget_pos = view.plot.graphics.mapFromScene(scene_pos)
    with qtbot.waitSignal(view.reportRequested) as signal:
        qtbot.mouseClick(
            view.plot.graphics.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(widget_pos.x(), widget_pos.y()),
        )
    assert signal.args == [date]


def test_quick_range_selects_the_last_30_days(view):
    view.range_buttons["30 d"].click()
    assert view.plot.range_dates() == (START + dt.timedelta(9), START + dt.timedelta(39))
    x0, x1 = view.plot.plots[0].vb.viewRange()[0]
    first, last = utc_midnight(START + dt.timedelta(9)), utc_midnight(START + dt.timedelta(39))
    assert x0 <= first < last <= x1
    view.reset_button.click()
    assert view.plot.range_dates() == (START, START + dt.timedelta(39))


def test_milestones_table_lists_exact_crossings(view):
    rows = [
        tuple(view.milestones_table.item(r, c).text() for c in range(3))
        for r in range(view.milestones_table.rowCount())
    ]
    # Personnel rises 700 a day from 200,000: step 50,000 → 200,000 on day 1 (20 May);
    # tanks (about 3,900): step 500 → 3,500 on day 1.
    assert ("Personnel", "200,000", "2023-05-20") in rows
    assert ("Tanks", "3,500", "2023-05-20") in rows
    view.milestones_box.setChecked(True)
    assert view.plot.milestone_items


def test_records_table_lists_the_largest_days(view):
    view.set_checked(["tanks"])
    rows = [
        tuple(view.records_table.item(r, c).text() for c in range(3))
        for r in range(view.records_table.rowCount())
    ]
    # The day after the correction made up for it (+21); then the steady +4 days, oldest first.
    assert rows == [("Tanks", "2023-05-29", "+21")] + [
        ("Tanks", (START + dt.timedelta(i)).isoformat(), "+4") for i in (1, 2, 3, 4)
    ]


def test_png_export_at_a_chosen_width(view, tmp_path: Path):
    size = view.export_png(tmp_path / "chart.png", width=1600)
    data = (tmp_path / "chart.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage(str(tmp_path / "chart.png"))
    assert not image.isNull() and image.width() == 1600 == size.width()


def test_svg_export_is_svg(view, tmp_path: Path):
    view.export_svg(tmp_path / "chart.svg")
    root = ET.parse(tmp_path / "chart.svg").getroot()
    assert root.tag.endswith("svg")


def test_csv_export_equals_the_database(view, tmp_path: Path):
    view.set_view(CUMULATIVE)
    view.export_csv(tmp_path / "data.csv")
    lines = (tmp_path / "data.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "date,category,view,value"
    rows = [line.split(",") for line in lines[1:]]
    for key in ("tanks", "personnel"):
        mine = [(dt.date.fromisoformat(d), int(v)) for d, k, _v, v in rows if k == key]
        assert mine == stored_totals(key)


def test_csv_export_of_daily_view_holds_derived_changes(view):
    view.set_checked(["tanks"])
    view.set_view(DAILY)
    lines = view.csv_text().splitlines()[1:]
    derivable = [p for p in category_series("tanks") if p.derived_change is not None]
    assert lines == [f"{p.date.isoformat()},tanks,daily,{p.derived_change}" for p in derivable]


def test_copy_to_clipboard_puts_the_chart_there(view, qapp):
    view.copy_to_clipboard()
    image = qapp.clipboard().image()
    assert not image.isNull() and image.size() == view.chart_image().size()


def test_oryx_view_without_rows_says_what_to_import(view):
    view.set_view(ORYX)
    assert "russia_losses_equipment_oryx.json" in view.hover_label.text()
    assert view.oryx.rows == []


def test_oryx_view_pairs_the_latest_total_with_the_confirmed_sum(qtbot, archive):
    OryxLoss.create(category="tanks", equipment_oryx="Tanks", model="T-72B", losses_total=500)
    OryxLoss.create(category="tanks", equipment_oryx="Tanks", model="T-80BV", losses_total=300)
    OryxLoss.create(category=None, equipment_oryx="Radars", model="X", losses_total=7)
    widget = AnalysisView()
    qtbot.addWidget(widget)
    widget.refresh(chart_source())
    # Built when first chosen, with the totals read before (13 ms of the tab's first show).
    assert widget._oryx is None
    widget.set_view(ORYX)
    assert widget._oryx is not None and widget.stack.currentWidget() is widget._oryx
    assert widget.oryx.rows == [("tanks", TANKS[39], "2023-06-28", 800)]
    _, staff = widget.oryx.staff_bars.getData()
    _, oryx = widget.oryx.oryx_bars.getData()
    assert staff.tolist() == [np.log10(TANKS[39])] and oryx.tolist() == [np.log10(800)]
    assert widget.csv_text().splitlines()[1] == f"tanks,{TANKS[39]},2023-06-28,800"
    assert "Oryx 800" in widget.oryx.hover_text(0)


def test_hiding_a_series_leaves_it_out_of_the_fit(view):
    view.set_view(CUMULATIVE)
    view.plot.set_series_visible("personnel", False)
    _, high = view.plot.plots[0].vb.viewRange()[1]
    assert high < 10_000  # fitted to tanks alone


def test_a_hidden_series_is_left_out_of_the_exports(view):
    view.set_view(CUMULATIVE)
    view.plot.set_series_visible("personnel", False)
    assert {line.split(",")[1] for line in view.csv_text().splitlines()[1:]} == {"tanks"}
    assert view.export_frame().title == "Cumulative totals — Tanks"
    view.plot.set_series_visible("personnel", True)
    assert view.export_frame().title == "Cumulative totals — Personnel, Tanks"


def test_main_window_opens_the_clicked_report_with_its_article(window, archive, qtbot):
    date = START + dt.timedelta(12)
    item = save_item(
        ItemData(
            ARTICLE, "General Staff: losses of 1 June", dt.datetime(2023, 6, 1, 9, tzinfo=dt.UTC)
        )
    )
    from desktop_app.storage.reports import link_article

    link_article(date, item)
    window.charts_tab.action.trigger()
    settle(qtbot, window.runner)
    assert window.tabs.currentWidget() is window.charts_tab.page
    view = window.charts_tab.view
    assert view is not None and view.data.keys == ["personnel", "tanks"]
    view.reportRequested.emit(date)
    settle(qtbot, window.runner)
    assert window.tabs.currentIndex() == 1
    assert window.losses_view is not None and window.losses_view.selected_date() == date
    assert "“General Staff: losses of 1 June”" in window.statusBar().currentMessage()


def test_ticked_categories_view_layout_and_milestones_are_remembered(
    qtbot, make_window, archive, settings, tmp_path
):

    first = make_window()
    first.charts_tab.action.trigger()
    settle(qtbot, first.runner)
    view = first.charts_tab.view
    assert view is not None
    assert view.checked_keys() == ["tanks"]  # the default on a first start
    view.set_checked(["personnel", "tanks"])
    view.set_view(WEEKLY, SMALL_MULTIPLES)
    view.milestones_box.setChecked(True)
    first.close()

    second = make_window()
    assert second.tabs.currentWidget() is second.charts_tab.page  # the last tab is reopened
    settle(qtbot, second.runner)
    again = second.charts_tab.view
    assert again is not None
    assert again.checked_keys() == ["personnel", "tanks"]
    assert (again.view, again.mode) == (WEEKLY, SMALL_MULTIPLES)
    assert again.milestones_box.isChecked() and again.plot.show_milestones
    assert again.plot.keys == ["personnel", "tanks"] and again.plot.view == WEEKLY
    assert len(again.plot.plots) == 2  # small multiples: one plot per category
    second.close()


def test_remembered_categories_no_longer_in_the_archive_fall_back_to_the_defaults(
    qtbot, make_window, archive, settings, tmp_path
):

    settings.setValue("charts/categories", "submarines,no_such_category")
    settings.setValue("charts/view", "a view from a newer release")
    window = make_window()
    window.charts_tab.action.trigger()
    settle(qtbot, window.runner)
    view = window.charts_tab.view
    assert view is not None
    assert view.checked_keys() == ["tanks"]  # the default, as on a first start
    assert view.view == CUMULATIVE
    window.close()


def test_an_archive_without_reports_says_where_they_come_from(qtbot, archive_db):
    widget = AnalysisView()
    qtbot.addWidget(widget)
    assert "No loss reports yet" not in widget.hover_label.text()  # not before the read
    widget.refresh(chart_source())
    assert widget.category_list.count() == 0
    assert widget.hover_label.text().startswith("No loss reports yet.<br>Import a dataset")


def test_a_report_added_after_the_charts_were_drawn_widens_the_strip_and_the_range(view):
    # Same categories, a fresh read: the plots are kept, but the strip under them and the
    # region's bounds must reach the new day, or "All" stops short of it.
    day = START + dt.timedelta(days=45)
    import_reports(
        [LossReport(day, {"personnel": Figure(240_000), "tanks": Figure(3_950)})], source="test"
    )
    view.refresh(chart_source())
    assert view.plot.range_dates() == (START, day)
    assert view.plot.region.lines[1].maxRange[1] == utc_midnight(day)
    assert [c.xData[-1] for c in view.plot.overview_curves] == [utc_midnight(day)] * 2
    x0, x1 = view.plot.plots[0].vb.viewRange()[0]
    assert x0 <= utc_midnight(START) < utc_midnight(day) <= x1


def test_a_report_added_while_the_oryx_comparison_showed_is_in_range_back_in_a_time_view(
    qtbot, archive, window
):
    # The window reads the charts again while the Oryx comparison is showing; back in the
    # totals, "All" (what a fresh read shows) must reach the new day, not stop at the old last.
    window.charts_tab.action.trigger()
    settle(qtbot, window.runner)
    view = window.charts_tab.view
    assert view is not None
    view.set_checked(["tanks", "personnel"])
    view.set_view(ORYX)
    qtbot.waitUntil(lambda: window.runner._data_version is not None, timeout=5000)
    day = START + dt.timedelta(days=45)
    # Another program (the test's own connection) stores a later report.
    import_reports(
        [LossReport(day, {"personnel": Figure(240_000), "tanks": Figure(3_950)})], source="test"
    )
    qtbot.waitUntil(lambda: view.data.span() == (START, day), timeout=10000)
    settle(qtbot, window.runner)
    view.set_view(CUMULATIVE)
    assert view.plot.range_dates() == (START, day)
    x0, x1 = view.plot.plots[0].vb.viewRange()[0]
    assert x0 <= utc_midnight(START) < utc_midnight(day) <= x1


def test_a_fresh_read_keeps_a_chosen_stretch_and_moves_the_last_days_along(view):
    # Another program writing every few seconds must not throw the user's range away.
    view.plot.set_range(START + dt.timedelta(5), START + dt.timedelta(15))
    day = START + dt.timedelta(days=41)
    import_reports([LossReport(day, {"tanks": Figure(3_950)})], source="test")
    view.refresh(chart_source())
    assert view.plot.range_dates() == (START + dt.timedelta(5), START + dt.timedelta(15))
    view.range_buttons["30 d"].click()  # the last 30 days: they follow the newest day
    later = START + dt.timedelta(days=42)
    import_reports([LossReport(later, {"tanks": Figure(3_960)})], source="test")
    view.refresh(chart_source())
    assert view.plot.range_dates() == (later - dt.timedelta(30), later)


def test_a_fresh_read_takes_the_crosshair_away_with_the_hover_text(view):
    view.plot.hover(START + dt.timedelta(20))
    assert view.plot.plots[0].crosshair.isVisible()
    view.refresh(chart_source())
    lines = [line for p in view.plot.plots for line in (p.crosshair, p.crosshair_y)]
    assert not any(line.isVisible() for line in lines)
    assert view.plot.hover_date is None


def test_a_ticked_category_that_goes_and_comes_back_is_ticked_again(view):
    # Its only report deleted, then the delete undone: the user's choice comes back with it.
    import dataclasses

    full = chart_source()
    without = dataclasses.replace(
        full, points={k: v for k, v in full.points.items() if k != "tanks"}
    )
    view.refresh(without)
    assert view.checked_keys() == ["personnel"]
    view.refresh(chart_source())
    assert sorted(view.checked_keys()) == ["personnel", "tanks"]
