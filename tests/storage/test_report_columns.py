"""The Losses table's columns: a cell's point, made when it is painted, is the point the
whole series has at that date (same derived change, none across a gap or before a
category's first report), whatever order the reports were stored in."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.report_columns import figure_columns
from desktop_app.storage.reports import category_series, save_report

START = dt.date(2023, 5, 1)


def test_each_cell_is_the_series_point_of_its_date(archive_db):
    # Stored out of date order, with a gap (day 5), a category starting late and one that
    # skips a report in the middle.
    for i in (3, 0, 2, 1, 4, 6, 7, 8):
        figures = {"tanks": Figure(3_700 + 4 * i, 4 if i == 2 else None)}
        if i >= 2:
            figures["aircraft"] = Figure(300 + i, None)
        if i != 7:
            figures["ships"] = Figure(20 + i, None)
        save_report(LossReport(START + dt.timedelta(days=i), figures))
    columns = figure_columns()
    assert columns.dates == sorted(columns.dates) and len(columns.dates) == 8
    assert set(columns.totals) == {"tanks", "aircraft", "ships"}
    for key in ("tanks", "aircraft", "ships", "drones"):
        expected = {
            p.date: (p.date, p.total, p.stated_change, p.derived_change, p.previous_date)
            for p in category_series(key)
        }
        cells = {d: columns.point(key, i) for i, d in enumerate(columns.dates)}
        assert {d: c for d, c in cells.items() if c is not None} == expected
        assert columns.rows(key) == list(expected.values())
    ships = {d: columns.point("ships", i) for i, d in enumerate(columns.dates)}
    day = START + dt.timedelta(days=8)
    # Day 7 has no ships figure: day 8's comes from day 6, two days before, so no change
    # is derived, and its previous date says so.
    assert ships[day] == (day, 28, None, None, START + dt.timedelta(days=6))
    assert ships[START + dt.timedelta(days=7)] is None
