"""What the Charts tab reads: every category's series, the stored warnings, Oryx's totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core.categories import CATEGORIES
from desktop_app.core.series import SeriesPoint
from desktop_app.storage.items import get_item
from desktop_app.storage.oryx_totals import oryx_totals_by_category
from desktop_app.storage.report_columns import (  # for the window, which never imports storage
    FigureColumns as FigureColumns,
)
from desktop_app.storage.report_columns import (
    SeriesRow as SeriesRow,
)
from desktop_app.storage.report_columns import figure_columns
from desktop_app.storage.reports import (
    all_category_rows,
    all_category_series,
    all_report_articles,
    all_stored_warnings,
    report_article_ids,
)


@dataclass(frozen=True)
class ChartSource:
    """One consistent read of what the charts draw (read on the window's read lane)."""

    points: dict[str, list[SeriesPoint]] = field(default_factory=dict)
    warnings: dict[tuple[dt.date, str | None], list[str]] = field(default_factory=dict)
    oryx_totals: dict[str, int] = field(default_factory=dict)
    # The articles and briefs that published each report: (item id, title), oldest link first.
    articles: dict[dt.date, list[tuple[int, str]]] = field(default_factory=dict)


def chart_source() -> ChartSource:
    """Every category with at least one report, in registry order, and their warnings."""
    every = all_category_series()
    points = {c.key: every[c.key] for c in CATEGORIES if every.get(c.key)}
    warnings: dict[tuple[dt.date, str | None], list[str]] = {}
    for problem in all_stored_warnings():
        if problem.date is not None:
            warnings.setdefault((problem.date, problem.category), []).append(problem.message)
    return ChartSource(points, warnings, oryx_totals_by_category(), report_articles())


def report_article_titles(date: dt.date) -> list[str]:
    """The titles of the articles and briefs linked to the report of `date`."""
    titles = []
    for item_id in report_article_ids(date):
        stored = get_item(item_id)
        if stored is not None:
            titles.append(stored.data.title)
    return titles


def report_articles() -> dict[dt.date, list[tuple[int, str]]]:
    """Every report's linked articles and briefs as (item id, title); one query."""
    return all_report_articles()


def all_series_rows() -> dict[str, list[SeriesRow]]:
    """Every category's series with at least one report, as plain rows, in one query."""
    return all_category_rows()


def all_figure_columns() -> FigureColumns:
    """Every report's figures as columns (the Losses table), in one query."""
    return figure_columns()
