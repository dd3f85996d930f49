"""The hover's figures in the interface's number format, averages included."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.report import Figure, LossReport
from desktop_app.services.charts import chart_source
from desktop_app.storage.reports import import_reports
from desktop_app.ui.charts.analysis_data import MA7, ChartData

START = dt.date(2024, 3, 1)


@pytest.fixture
def data(archive_db) -> ChartData:
    # Personnel grow by 1,234 or 1,235 a day: a 7-day average of 1,234.4 (3 days of 1,235).
    totals = [400_000]
    for i in range(1, 10):
        totals.append(totals[-1] + (1_235 if i % 3 == 0 else 1_234))
    reports = [
        LossReport(START + dt.timedelta(days=i), {"personnel": Figure(t, None)})
        for i, t in enumerate(totals)
    ]
    import_reports(reports, source="test")
    chart = ChartData()
    chart.set_source(chart_source())
    return chart


def test_an_average_is_written_in_english_format(data) -> None:
    lines = data.hover_lines(MA7, ["personnel"], START + dt.timedelta(days=9))
    assert lines[1].endswith("· 7-day average 1,234.4")


def test_an_average_is_written_in_ukrainian_format(data, ukrainian) -> None:
    lines = data.hover_lines(MA7, ["personnel"], START + dt.timedelta(days=9))
    assert lines[1].endswith("· середня за 7 днів 1\xa0234,4"), lines[1]


@pytest.fixture
def four(qtbot, archive_db):
    from desktop_app.ui.charts.analysis_view import AnalysisView

    # Four categories over 12 days from a Monday: the hover sets them in short entries.
    day0 = dt.date(2024, 4, 29)
    reports = [
        LossReport(
            day0 + dt.timedelta(days=i),
            {
                "personnel": Figure(450_000 + 1_000 * i, None),
                "tanks": Figure(7_000 + 3 * i, None),
                "artillery": Figure(12_000 + 10 * i, None),
                "drones": Figure(9_000 + 50 * i, None),
            },
        )
        for i in range(12)
    ]
    import_reports(reports, source="test")
    widget = AnalysisView()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh(chart_source())
    widget.set_checked(["personnel", "tanks", "artillery", "drones"])
    return widget


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
def test_many_categories_hover_with_the_value_their_view_draws(four) -> None:
    from desktop_app.ui.charts.analysis_data import CUMULATIVE, MA30, WEEKLY

    day = dt.date(2024, 5, 8)  # in the second week, 6 (Monday) to 10 May are reported
    four.set_view(WEEKLY)
    four.plot.hover(day)
    shown = four.hover_label.text()
    # The week's sums (5 reported days of 7: partial), not the day's change.
    assert "Tanks Σ +15 ◐" in shown and "Drones Σ +250 ◐" in shown, shown
    assert "(+3)" not in shown
    four.set_view(MA7)
    four.plot.hover(day)
    assert "Artillery ⌀ 10.0" in four.hover_label.text()
    four.set_view(MA30)
    four.plot.hover(day)
    assert "Tanks ⌀ –" in four.hover_label.text()  # 30 days not reported yet
    four.set_view(CUMULATIVE)
    four.plot.hover(day)
    assert "Tanks 7,027 (+3)" in four.hover_label.text()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
def test_an_index_hover_gives_the_index_drawn(four) -> None:
    from desktop_app.ui.charts.analysis_data import CUMULATIVE
    from desktop_app.ui.charts.analysis_plot import NORMALISED

    four.set_checked(["tanks", "drones"])
    four.set_view(CUMULATIVE, NORMALISED)
    start = dt.date(2024, 5, 1)  # tanks 7,006, drones 9,100: both 100 here
    four.plot.set_range(start, dt.date(2024, 5, 10))
    text = four.plot.hover(dt.date(2024, 5, 10))  # tanks 7,033, drones 9,550
    assert "Tanks: total 7,033 · change +3 · index 100.4" in text, text
    assert "Drones: total 9,550 · change +50 · index 104.9" in text
    drawn = four.plot.series["drones"].shown
    assert drawn is not None and drawn.values[-1] == pytest.approx(9_550 * 100 / 9_100)
    # The CSV of an index says it is one (and where it is 100), not "cumulative" totals.
    rows = [line.split(",") for line in four.csv_text().splitlines()[1:]]
    assert {view for _d, _k, view, _v in rows} == {"cumulative_index_100_at_2024-05-01"}
    assert ["2024-05-01", "drones", "cumulative_index_100_at_2024-05-01", "100.0"] in rows
    # Many categories: the short entries give the index too.
    four.set_checked(["personnel", "tanks", "artillery", "drones"])
    four.plot.hover(dt.date(2024, 5, 10))
    assert "Drones index 104.9" in four.hover_label.text()
