"""Many reports and figures written with few statements (an import of the whole dataset).

peewee builds the SQL of an `insert_many` value by value: for the 1,626 reports and 22,000
figures of the public dataset that took 3.0 of the import's 3.9 s, against 0.3 s in SQLite.
Here each batch is one multi-row INSERT whose text is made once per batch size, and the
values are converted by the models' own fields, so the rows stored are the ones peewee
would store. The same statements run on SQLite and PostgreSQL (`?` is adapted there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from desktop_app.core.report import Figure
from desktop_app.storage.db.models import Report, database_proxy

# Values in one statement: SQLite's oldest limit (999).
_VALUES = 999

_REPORT_COLUMNS = (
    "date",
    "day",
    "qualifier",
    "note",
    "source",
    "created_at",
    "updated_at",
    "changed_by",
    "row_version",
)
_FIGURE_COLUMNS = ("report_id", "category", "total", "change")
# What a figure row already stored for the same report and category becomes: the new values.
_FIGURE_CONFLICT = (
    ' ON CONFLICT ("report_id", "category") DO UPDATE'
    ' SET "total" = EXCLUDED."total", "change" = EXCLUDED."change"'
)


@lru_cache(maxsize=16)
def _insert_sql(table: str, columns: tuple[str, ...], rows: int, tail: str) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join("?" * len(columns)) + ")"
    return f'INSERT INTO "{table}" ({names}) VALUES ' + ", ".join([one] * rows) + tail


def _insert(
    table: str, columns: tuple[str, ...], rows: Sequence[tuple[object, ...]], tail: str
) -> None:
    per = _VALUES // len(columns)
    for start in range(0, len(rows), per):
        batch = rows[start : start + per]
        params = [value for row in batch for value in row]
        # The database's own call, which names a full disk or a lock as every write does.
        database_proxy.execute_sql(_insert_sql(table, columns, len(batch), tail), params)


def add_reports(
    reports: Sequence[tuple[dt.date, int, str | None, str | None, str]], now: dt.datetime
) -> dict[dt.date, int]:
    """Add new reports, each (date, day of war, qualifier, note, source); their ids by date."""
    if not reports:
        return {}
    stamp = Report.created_at.db_value(now)
    rows = [
        (Report.date.db_value(d), day, qualifier, note, source, stamp, stamp, "", 1)
        for d, day, qualifier, note, source in reports
    ]
    _insert("report", _REPORT_COLUMNS, rows, "")
    dates = {d for d, *_ in reports}
    first = min(dates)
    return {
        r.date: r.id
        for r in Report.select(Report.id, Report.date).where(Report.date >= first)
        if r.date in dates
    }


def write_figure_rows(figures: Sequence[tuple[int, dict[str, Figure]]]) -> None:
    """Store each (report id, figures): a category already stored takes the new values."""
    rows = [
        (report_id, category, f.total, f.change)
        for report_id, stated in figures
        for category, f in stated.items()
    ]
    if rows:
        _insert("report_figure", _FIGURE_COLUMNS, rows, _FIGURE_CONFLICT)


_UPDATE_REPORT = (
    'UPDATE "report" SET "qualifier" = ?, "note" = ?, "source" = ?, "updated_at" = ? WHERE "id" = ?'
)


def update_report(
    report_id: int, qualifier: str | None, note: str | None, source: str, now: dt.datetime
) -> None:
    """A stored report's qualifier, note and source, changed by an import at `now`."""
    stamp = Report.updated_at.db_value(now)
    database_proxy.execute_sql(_UPDATE_REPORT, (qualifier, note, source, stamp, report_id))
