"""Which reports the Losses table shows, and in what order: its sort and its year filter.

Pure functions over the figures as read (`FigureColumns`, oldest first), no Qt: the table
model keeps the result as a list of report ordinals, so painting a row stays one list lookup.
Sorting 2,000 reports by a category takes one pass to make the keys and one `sorted` call;
the default order (newest first, every year) is made without sorting at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop_app.services.charts import FigureColumns

# What a column sorts by.
BY_DATE = "date"  # the Date and Day columns: the report's place in time
BY_ARTICLE = "article"  # Published in: the first article's title


@dataclass(frozen=True)
class Arrangement:
    """A sort and a filter: `key` is BY_DATE, BY_ARTICLE or a category's key."""

    key: str = BY_DATE
    descending: bool = True
    by_change: bool = False  # a category sorts by its daily change instead of its total
    year: int | None = None  # only that year's reports

    @property
    def is_default(self) -> bool:
        return self.key == BY_DATE and self.descending and self.year is None


def change_at(columns: FigureColumns, key: str) -> list[int | None]:
    """The change the table shows for `key` at each report (oldest first): the stated one,
    else the one derived from the day before's total."""
    changes: list[int | None] = [None] * len(columns.dates)
    ordinal = {date: i for i, date in enumerate(columns.dates)}
    for date, _total, stated, derived, _before in columns.rows(key):
        changes[ordinal[date]] = stated if stated is not None else derived
    return changes


def arrange(
    columns: FigureColumns | None,
    articles: dict[dt.date, list[tuple[int, str]]],
    how: Arrangement,
) -> list[int]:
    """The ordinals (indexes into `columns.dates`) of the reports to show, in order.

    Reports without a value in the sorted column come last in either direction; ties keep
    the newest report first when descending, the oldest first when ascending.
    """
    if columns is None:
        return []
    dates = columns.dates
    n = len(dates)
    if how.year is None:
        shown: Sequence[int] = range(n)
    else:
        shown = [i for i in range(n) if dates[i].year == how.year]
    if how.key == BY_DATE:
        return list(reversed(shown)) if how.descending else list(shown)
    values: Sequence[object | None]
    if how.key == BY_ARTICLE:
        values = [a[0][1].casefold() if (a := articles.get(date)) else None for date in dates]
    elif how.by_change:
        values = change_at(columns, how.key)
    else:
        values = columns.totals.get(how.key) or [None] * n
    present = [i for i in shown if values[i] is not None]
    missing = [i for i in shown if values[i] is None]
    present.sort(key=lambda i: (values[i], i), reverse=how.descending)
    if how.descending:
        missing.reverse()
    return present + missing


def years(columns: FigureColumns | None) -> list[int]:
    """The years with any report, newest first."""
    return sorted({d.year for d in columns.dates}, reverse=True) if columns is not None else []
