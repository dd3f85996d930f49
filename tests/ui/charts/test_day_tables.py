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


def test_a_header_click_sorts_by_the_figures_and_enter_opens_the_row_shown(qtbot):
    from PySide6.QtCore import QPoint, Qt

    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[dt.date] = []
    records = day_table(parent, ["Category", "Date", "Change"], 1, opened.append)
    milestones = day_table(parent, ["Category", "Reached", "Date"], 2, opened.append)
    data = ChartData()
    # Personnel's days run in thousands, tanks' in tens: read as text, "+21" came after
    # "+1,500" and before "+900".
    data.points = {
        "personnel": points(200_000, [0, 900, 1_500, 1_200, 800, 700, 950]),
        "tanks": points(3_000, [0, 21, 9, 4, 30, 2, 5]),
    }
    fill_day_tables(records, milestones, data, ["personnel", "tanks"])
    assert records.item(0, 0).text() == "Personnel"  # grouped by category at first

    def changes() -> list[str]:
        return [records.item(r, 2).text() for r in range(records.rowCount())]

    parent.resize(600, 400)
    parent.show()
    records.resize(500, 380)

    def click(table, section: int) -> None:
        header = table.horizontalHeader()
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click(records, 2)
    ascending = changes()
    click(records, 2)
    descending = ["+1,500", "+1,200", "+950", "+900", "+800", "+30", "+21", "+9", "+5", "+4"]
    assert (ascending, changes()) == (descending[::-1], descending)
    # The order stays when the tables are filled again (a fresh read).
    fill_day_tables(records, milestones, data, ["personnel", "tanks"])
    assert changes() == descending
    records.setCurrentCell(0, 0)
    parent.activateWindow()
    records.setFocus()
    qtbot.waitUntil(records.hasFocus)
    qtbot.keyClick(records, Qt.Key.Key_Return)
    assert opened == [dt.date(2024, 3, 3)]  # personnel's +1,500, the third day
    # The milestones sort by the number reached, not its text.
    milestones.resize(500, 380)
    click(milestones, 1)
    reached = [milestones.item(r, 1).data(Qt.ItemDataRole.UserRole + 1) for r in range(4)]
    assert reached in (sorted(reached), sorted(reached, reverse=True))
