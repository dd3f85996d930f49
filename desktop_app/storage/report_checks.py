"""Every data problem in the archive, for the Data problems panel and `check`.

Series problems (decreases, stated ≠ derived changes, missing days) come from the stored
reports; article mismatches from parsing the body of every article linked to a report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.article_report import report_in_article
from desktop_app.core.report import LossReport
from desktop_app.core.validation import Problem, check_series, compare_article_report
from desktop_app.storage.items import get_item
from desktop_app.storage.models import Item, Report, ReportArticle
from desktop_app.storage.reports import load_all_reports, load_report


@dataclass(frozen=True)
class LinkedArticle:
    """An article linked to a report, with where its figures disagree with the report."""

    item_id: int
    title: str
    problems: tuple[Problem, ...]
    # False when the article's body no longer holds a readable report.
    has_report: bool = True


# Parsing an article body costs about a millisecond; the Data problems panel and the losses
# table ask again after every save. Bodies rarely change, so each linked article's reading is
# kept, keyed by what it was read from.
_READINGS: dict[int, tuple[tuple[int, dt.datetime], LossReport | None]] = {}


def article_report(item_id: int, body: str, published_at: dt.datetime) -> LossReport | None:
    """The report an article's body states (None: none), read once per body and time."""
    key = (hash(body), published_at)
    cached = _READINGS.get(item_id)
    if cached is not None and cached[0] == key:
        return cached[1]
    found = report_in_article(body, published_at)
    _READINGS[item_id] = (key, found)
    return found


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
        found = article_report(item.id, item.data.body, item.data.published_at)
        source = f"“{item.data.title}”"
        problems = (
            () if found is None else tuple(compare_article_report(found, stored, source=source))
        )
        out.append(LinkedArticle(item.id, item.data.title, problems, found is not None))
    return out


def article_mismatches() -> list[Problem]:
    """Mismatches between every linked article and its report, oldest report first.

    Three queries whatever the number of links; each body is parsed only when it changed.
    """
    reports = {r.date: r for r in load_all_reports()}
    links = (
        ReportArticle.select(Report.date, Item.id, Item.title, Item.body, Item.published_at)
        .join(Report)
        .switch(ReportArticle)
        .join(Item)
        .order_by(Report.date, ReportArticle.id)
        .tuples()
    )
    problems: list[Problem] = []
    for date, item_id, title, body, published_at in links:
        found = article_report(item_id, body, published_at)
        if found is not None:
            problems.extend(compare_article_report(found, reports[date], source=f"“{title}”"))
    return problems


def find_problems() -> list[Problem]:
    """Every problem: the series' own (by date), then article mismatches merged in by date."""
    problems = check_series(load_all_reports()) + article_mismatches()
    # A stable sort keeps each date's series problems before its article mismatches.
    return sorted(problems, key=lambda p: p.date or dt.date.min)
