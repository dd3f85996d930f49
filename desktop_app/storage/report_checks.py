"""Every data problem in the archive, for the Data problems panel and `check`.

Series problems (decreases, stated ≠ derived changes, missing days) come from the stored
reports; article mismatches from parsing the body of every article linked to a report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.report import WAR_START, LossReport
from desktop_app.core.validation import (
    BEFORE_WAR,
    ERROR,
    FUTURE,
    Problem,
    check_series,
    compare_article_report,
    implausible_drops,
    latest_report_date,
    report_date_problem,
)
from desktop_app.storage.db.models import Item, Report, ReportArticle
from desktop_app.storage.items import get_item
from desktop_app.storage.reports import load_all_reports, load_report, previous_report

if TYPE_CHECKING:
    # The import formats load only when an import runs (a third of the window's start-up).
    from desktop_app.core.formats.result import ReadResult


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
    # The report parser is loaded on first use: storing items (an import, an update in
    # the window's process) loads this module but reads no article's figures.
    from desktop_app.core.article_report import report_in_article

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
    links = list(
        ReportArticle.select(Report.date, Item.id, Item.title, Item.body, Item.published_at)
        .join(Report)
        .switch(ReportArticle)
        .join(Item)
        .order_by(Report.date, ReportArticle.id)
        .tuples()
    )
    if not links:
        return []  # nothing to compare: the reports need not be read
    reports = {r.date: r for r in load_all_reports()}
    problems: list[Problem] = []
    for date, item_id, title, body, published_at in links:
        found = article_report(item_id, body, published_at)
        if found is not None:
            problems.extend(compare_article_report(found, reports[date], source=f"“{title}”"))
    return problems


def misdated_reports(reports: list[LossReport]) -> list[Problem]:
    """Stored reports dated before the war or in the future (written by an older release)."""
    latest = latest_report_date()
    problems = []
    for report in reports:
        if report.date is None:
            continue
        message = report_date_problem(report.date, latest=latest)
        if message is not None:
            kind = BEFORE_WAR if report.date < WAR_START else FUTURE
            problems.append(Problem(ERROR, kind, message, report.date))
    return problems


def find_problems() -> list[Problem]:
    """Every problem: the series' own (by date), then article mismatches merged in by date."""
    reports = load_all_reports()
    problems = misdated_reports(reports) + check_series(reports) + article_mismatches()
    # A stable sort keeps each date's series problems before its article mismatches.
    return sorted(problems, key=lambda p: p.date or dt.date.min)


# Formats whose figures a person or a parser read from text, where lost digits happen
# (core.formats.detect's REPORT_TEXT, FEED, PAGE_TEXT and HTML_PAGE, named here so the
# formats load lazily).
_TEXT_FORMATS = frozenset({"report-text", "feed", "page-text", "html-page"})


def refuse_implausible_drops(result: ReadResult) -> None:
    """ImportFormatError when a text report's total is far below the previous report's.

    The previous report is the latest earlier one, stored or in the same file. Runs inside
    the import's transaction, before anything is written (see core.validation.DROP_SHARE).
    """
    if result.format not in _TEXT_FORMATS or not result.reports:
        return
    in_file = sorted((r for r in result.reports if r.date is not None), key=_date_key)
    for index, report in enumerate(in_file):
        assert report.date is not None
        candidates = [in_file[index - 1]] if index else []
        stored = previous_report(report.date)
        if stored is not None:
            candidates.append(stored)
        if not candidates:
            continue
        previous = max(candidates, key=_date_key)
        drops = implausible_drops(report, previous)
        if drops:
            raise ImportFormatError(
                drops[0].message,
                file=result.source or None,
                record=report.date.isoformat(),
                field=drops[0].category,
            )


def _date_key(report: LossReport) -> dt.date:
    return report.date or dt.date.min
