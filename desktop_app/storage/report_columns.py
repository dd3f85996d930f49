"""Every report's figures as columns, read in one pass: the Losses table's data.

The table shows about forty reports at a time out of thousands, and charts one category.
Building every category's points up front (a tuple per figure, sorted per category) cost
more than reading the figures; here each category keeps its totals and stated changes in
report order, and a point with its derived change is made when it is asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core.report import day_of_war
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.stored_values import check_figure_rows, stored_day

# A point's fields as a plain tuple (date, total, stated change, derived change, previous
# date): tens of thousands are read at once, and a tuple costs a fraction of a frozen
# dataclass (or a named tuple) to build.
SeriesRow = tuple[dt.date, int, int | None, int | None, dt.date | None]


def date_value(value: dt.date | str) -> dt.date:
    """A date column read by plain SQL: text from SQLite, a date from PostgreSQL (a foreign
    form is refused, named)."""
    return stored_day(value)


@dataclass(frozen=True)
class FigureColumns:
    """Every report (oldest first) and, per category with any figure, its total and stated
    change at each report (None where the report lacks the category)."""

    dates: list[dt.date] = field(default_factory=list)
    days: list[int] = field(default_factory=list)  # day of the war, for derived changes
    totals: dict[str, list[int | None]] = field(default_factory=dict)
    changes: dict[str, list[int | None]] = field(default_factory=dict)

    def point(self, key: str, i: int) -> SeriesRow | None:
        """Category `key` at report `i`, with its change derived as `derive_series` does:
        from the category's previous point, only when that is the day before."""
        totals = self.totals.get(key)
        if totals is None or (total := totals[i]) is None:
            return None
        j = i - 1
        while j >= 0 and totals[j] is None:
            j -= 1
        if j < 0:
            return (self.dates[i], total, self.changes[key][i], None, None)
        before = totals[j]
        assert before is not None
        derived = total - before if self.days[i] == self.days[j] + 1 else None
        return (self.dates[i], total, self.changes[key][i], derived, self.dates[j])

    def rows(self, key: str) -> list[SeriesRow]:
        """Every point of category `key`, oldest first."""
        totals = self.totals.get(key)
        if totals is None:
            return []
        changes, dates, days = self.changes[key], self.dates, self.days
        rows: list[SeriesRow] = []
        before_day, before_date, before_total = -2, None, 0
        for i, total in enumerate(totals):
            if total is None:
                continue
            day = days[i]
            derived = total - before_total if day == before_day + 1 else None
            rows.append((dates[i], total, changes[i], derived, before_date))
            before_day, before_date, before_total = day, dates[i], total
        return rows


def figure_columns() -> FigureColumns:
    """Every report's figures, from two plain queries (no join, no sort in SQLite: each cost
    as much as the read itself)."""
    reports = database_proxy.execute_sql("SELECT id, date FROM report").fetchall()
    # The day of the war from the date, not from the stored `day`: the date is what a report
    # is kept by (another program's day, 'zzz', stopped the Losses tab).
    dated = sorted(
        (day_of_war(date), date, rid) for rid, date in ((r, stored_day(d, r)) for r, d in reports)
    )
    n = len(dated)
    ordinal = {rid: i for i, (_d, _date, rid) in enumerate(dated)}
    totals: dict[str, list[int | None]] = {}
    changes: dict[str, list[int | None]] = {}
    rows = database_proxy.execute_sql(
        "SELECT report_id, category, total, change FROM report_figure"
    ).fetchall()
    check_figure_rows(rows)
    for rid, category, total, change in rows:
        i = ordinal.get(rid)
        if i is None:  # of no report (another program's): the archive's check names it
            continue
        column = totals.get(category)
        if column is None:
            column = totals[category] = [None] * n
            changes[category] = [None] * n
        column[i] = total
        changes[category][i] = change
    return FigureColumns(
        [date for _d, date, _r in dated], [day for day, _d, _r in dated], totals, changes
    )
