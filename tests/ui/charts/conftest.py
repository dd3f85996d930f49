"""The Charts tab's fixtures: a small real archive and the view on it."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.report import Figure, LossReport
from desktop_app.services.charts import chart_source
from desktop_app.storage.reports import import_reports
from desktop_app.ui.charts.analysis_view import AnalysisView

START = dt.date(2023, 5, 20)
# Tanks over 40 days: a stated change that disagrees on day 3, a decrease (official
# correction) on day 9 and no report on day 6.
TANKS = [3_780 + 4 * i for i in range(40)]
TANKS[5] = None  # type: ignore[call-overload]
TANKS[8] = TANKS[7] - 13  # type: ignore[operator]
PERSONNEL = [200_000 + 700 * i for i in range(40)]


def utc_midnight(date: dt.date) -> float:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp()


@pytest.fixture
def archive(archive_db):
    reports = []
    for i in range(40):
        figures = {"personnel": Figure(PERSONNEL[i], None)}
        if TANKS[i] is not None:
            figures["tanks"] = Figure(TANKS[i], 9 if i == 2 else None)
        reports.append(LossReport(START + dt.timedelta(days=i), figures))
    import_reports(reports, source="test")
    return archive_db


@pytest.fixture
def view(qtbot, archive):
    widget = AnalysisView()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh(chart_source())
    widget.set_checked(["tanks", "personnel"])
    return widget
