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
