"""The Charts tab's tables of days on their own: a row opens the day of its own date column."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop_app.core.series import SeriesPoint
from desktop_app.ui.charts.analysis_data import ChartData
from desktop_app.ui.charts.day_tables import day_table, fill_day_tables

START = dt.date(2024, 3, 1)


def points(first: int, steps: list[int]) -> list[SeriesPoint]:
    out: list[SeriesPoint] = []
    total, before = first, None
    for i, step in enumerate(steps):
        total += step
        day = START + dt.timedelta(days=i)
        out.append(SeriesPoint(day, total, step, step if before else None, before))
        before = day
    return out


def test_each_table_opens_the_day_its_row_names(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[dt.date] = []
    records = day_table(parent, ["Category", "Date", "Change"], 1, opened.append)
    milestones = day_table(parent, ["Category", "Reached", "Date"], 2, opened.append)
    data = ChartData()
    # The largest change is the second day's +60; tanks reach 1,000 on the fourth day.
    data.points = {"tanks": points(910, [1, 60, 5, 30])}
    fill_day_tables(records, milestones, data, ["tanks"])
    assert records.item(0, 1).text() == "2024-03-02"
    rows = [
        tuple(milestones.item(r, c).text() for c in range(3)) for r in range(milestones.rowCount())
    ]
    thousand = rows.index(("Tanks", "1,000", "2024-03-04"))
    records.cellDoubleClicked.emit(0, 0)
    milestones.cellDoubleClicked.emit(thousand, 1)
    assert opened == [dt.date(2024, 3, 2), dt.date(2024, 3, 4)]


def test_a_fall_among_the_largest_days_is_aligned_as_the_rises(qtbot):
    # With few reports a correction (a fall, written with the minus sign U+2212) is among a
    # category's five largest days: its figure lines up with the others, on the right.
    parent = QWidget()
    qtbot.addWidget(parent)
    records = day_table(parent, ["Category", "Date", "Change"], 1, lambda _day: None)
    milestones = day_table(parent, ["Category", "Reached", "Date"], 2, lambda _day: None)
    data = ChartData()
    data.points = {"tanks": points(910, [1, 60, -4])}
    fill_day_tables(records, milestones, data, ["tanks"])
    changes = [records.item(r, 2) for r in range(records.rowCount())]
    assert [c.text() for c in changes] == ["+60", "\u22124"]
    assert len({int(c.textAlignment()) for c in changes}) == 1
