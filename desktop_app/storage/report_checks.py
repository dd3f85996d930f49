"""Every data problem in the archive, for the Data problems panel and `check`.

Series problems (decreases, stated ≠ derived changes, missing days) come from the stored
reports; article mismatches from parsing the body of every article linked to a report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.article_report import report_in_article
from desktop_app.core.validation import Problem, check_series, compare_article_report
from desktop_app.storage.items import get_item
from desktop_app.storage.models import Report, ReportArticle
from desktop_app.storage.reports import load_all_reports, load_report


@dataclass(frozen=True)
class LinkedArticle:
    """An article linked to a report, with where its figures disagree with the report."""

    item_id: int
    title: str
    problems: tuple[Problem, ...]
    # False when the article's body no longer holds a readable report.
    has_report: bool = True


def linked_articles(date: dt.date) -> list[LinkedArticle]:
    """The articles linked to the report of `date`, each compared with the stored figures."""
    stored = load_report(date)
    if stored is None:
        return []
    query = (
        ReportArticle.select(ReportArticle.item)
        .join(Report)
        .where(Report.date == date)
        .order_by(ReportArticle.id)
    )
    out = []
    for link in query:
        item = get_item(link.item_id)
        if item is None:
            continue
        found = report_in_article(item.data.body, item.data.published_at)
        source = f"“{item.data.title}”"
        problems = () if found is None else tuple(
            compare_article_report(found, stored, source=source))
        out.append(LinkedArticle(item.id, item.data.title, problems, found is not None))
    return out


def article_mismatches() -> list[Problem]:
    """Mismatches between every linked article and its report, oldest report first."""
    dates = (
        Report.select(Report.date)
        .join(ReportArticle)
        .distinct()
        .order_by(Report.date)
    )
    problems: list[Problem] = []
    for row in dates:
        for article in linked_articles(row.date):
            problems.extend(article.problems)
    return problems


def find_problems() -> list[Problem]:
    """Every problem: the series' own (by date), then article mismatches merged in by date."""
    problems = check_series(load_all_reports()) + article_mismatches()
    # A stable sort keeps each date's series problems before its article mismatches.
    return sorted(problems, key=lambda p: p.date or dt.date.min)
