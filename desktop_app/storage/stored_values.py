"""Values another program stored in a form this program never writes, besides times
(`stored_times`): a kind that is neither article nor brief, a mark that is neither 0 nor 1, a
figure that is not a whole number, a category the registry does not know, a report date that
is no day. Reading such a record fails, naming it (a report's date and category, an item's
number); the archive's check names them all at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from desktop_app.core.categories import BY_KEY, KEYS
from desktop_app.core.item import KINDS
from desktop_app.storage.db.errors import StoredValueError
from desktop_app.storage.db.models import database_proxy, not_a_day, not_a_whole_number
from desktop_app.storage.db.pg_schema import is_server
from desktop_app.storage.sources import SOURCE_KINDS

_TOTAL, _CHANGE = itemgetter(2), itemgetter(3)
_FIGURE_TYPES = {int}
_CHANGE_TYPES = {int, type(None)}
_MARKS = ("is_read", "starred", "date_estimated")  # 0 or 1 (a server's are booleans)


def not_a_kind(value: object) -> str:
    return f"kind {value!r} is neither 'article' nor 'brief'"


def not_a_category(value: object) -> str:
    return f"category {value!r} is not one of the loss categories this program knows"


def item_kind(item_id: int, kind: str) -> str:
    """`kind` when this program wrote it; else the item, the field and the value are said."""
    if kind in KINDS:
        return kind
    raise StoredValueError(f"Item {item_id}: {not_a_kind(kind)}")


def stored_day(value: dt.date | str, report_id: int | None = None) -> dt.date:
    """A report date read by plain SQL: text from SQLite, a date from PostgreSQL."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        where = f"report row {report_id}: " if report_id is not None else "report: "
        raise StoredValueError(f"{where}date {not_a_day(value)}") from None


def check_figure_rows(rows: Sequence[tuple[Any, ...]]) -> None:
    """Refuse rows of (report_id, category, total, change) holding a total or change that is
    not a whole number, naming the report's date and the category. Types are gathered in C
    (1.4 ms for 32,000 figures); the rows are looked at one by one only when one is wrong."""
    if set(map(type, map(_TOTAL, rows))) <= _FIGURE_TYPES and (
        set(map(type, map(_CHANGE, rows))) <= _CHANGE_TYPES
    ):
        return
    for report_id, category, total, change in rows:
        for name, value, allowed in (
            ("total", total, _FIGURE_TYPES),
            ("change", change, _CHANGE_TYPES),
        ):
            if type(value) not in allowed:
                raise StoredValueError(
                    f"{_report_name(report_id)}, {category}: {name} {not_a_whole_number(value)}"
                )


def check_categories(report_id: int, keys: Sequence[str]) -> None:
    """Refuse a category the registry does not know, naming the report's date."""
    for key in keys:
        if key not in BY_KEY:
            raise StoredValueError(f"{_report_name(report_id)}: {not_a_category(key)}")


def _report_name(report_id: object) -> str:
    if type(report_id) is not int:  # another program's reference, too
        return f"report row {report_id!r}"
    sql = f"SELECT date FROM report WHERE id = {report_id}"
    row = database_proxy.execute_sql(sql).fetchone()
    return f"Report {row[0]}" if row else f"report row {report_id}"


def foreign_values(limit: int = 20) -> list[str]:
    """Every such value, up to `limit` records a check, as "item row 12: kind 'video' is …". A
    server's typed columns hold no text where a number or a day belongs: there only kinds and
    categories are looked at. The items are read once for all their checks: 0.4-0.5 s for
    the million items of the benchmark archive (1.6 s as four reads)."""
    server = is_server(database_proxy)
    kinds = _listed(KINDS)
    marks = () if server else _MARKS
    foreign = " OR ".join([f"kind NOT IN ({kinds})", *(f"{m} NOT IN (0, 1)" for m in marks)])
    found: list[str] = []
    for row, kind, *values in _rows(
        f"SELECT id, kind, {', '.join(marks) or 'NULL'} FROM item WHERE {foreign}", limit
    ):
        if kind not in KINDS:
            found.append(f"item row {row}: {not_a_kind(kind)}")
        found += [
            f"item row {row}: {mark} {value!r} is neither 0 nor 1"
            for mark, value in zip(marks, values, strict=False)
            if value not in (0, 1)
        ]
    figures = (
        "SELECT r.date, f.category, f.{0} FROM report_figure f JOIN report r ON r.id = f.report_id"
        " WHERE {1} ORDER BY f.id"
    )
    keys = _listed(KEYS)
    for row_date, category, _value in _rows(
        figures.format("category", f"f.category NOT IN ({keys})"), limit
    ):
        found.append(f"Report {row_date}: {not_a_category(category)}")
    sources = (
        f"SELECT id, name, kind, as_kind FROM source WHERE kind NOT IN ({_listed(SOURCE_KINDS)})"
        f" OR (as_kind IS NOT NULL AND as_kind NOT IN ({kinds}))"
    )
    for row, name, kind, as_kind in _rows(sources, limit):
        found.append(f"source row {row} (“{name}”): kind {kind!r}, as_kind {as_kind!r}")
    if server:
        return found
    for row, name, every, failures in _rows(
        "SELECT id, name, every_minutes, failures FROM source"
        " WHERE typeof(every_minutes) <> 'integer' OR typeof(failures) <> 'integer'",
        limit,
    ):
        found.append(
            f"source row {row} (“{name}”): every_minutes {every!r}, failures {failures!r}:"
            " each should be a whole number"
        )
    for column, wrong in (
        ("total", "typeof(f.total) <> 'integer'"),
        ("change", "f.change IS NOT NULL AND typeof(f.change) <> 'integer'"),
    ):
        for row_date, category, value in _rows(figures.format(column, wrong), limit):
            found.append(f"Report {row_date}, {category}: {column} {not_a_whole_number(value)}")
    for row, value in _rows(
        "SELECT id, date FROM report WHERE strftime('%Y-%m-%d', julianday(date)) IS NOT date", limit
    ):
        found.append(f"report row {row}: date {not_a_day(value)}")
    return found


def _listed(values: Sequence[str]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def _rows(sql: str, limit: int) -> list[tuple[Any, ...]]:
    order = "" if " ORDER BY " in sql else " ORDER BY 1"
    return list(database_proxy.execute_sql(f"{sql}{order} LIMIT {limit}").fetchall())
