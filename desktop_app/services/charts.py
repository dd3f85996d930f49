"""What the Charts tab reads: every category's series, the stored warnings, Oryx's totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core.categories import CATEGORIES
from desktop_app.core.series import SeriesPoint
from desktop_app.storage.items import get_item
from desktop_app.storage.oryx_totals import oryx_totals_by_category
from desktop_app.storage.reports import (
    all_report_articles,
    all_stored_warnings,
    category_series,
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
    points = {}
    for category in CATEGORIES:
        pts = category_series(category.key)
        if pts:
            points[category.key] = pts
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
