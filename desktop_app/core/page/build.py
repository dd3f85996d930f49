"""A copied page as what the archive keeps: the article, the briefs and the report it states."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop_app.core import messages
from desktop_app.core.article_report import report_in_article
from desktop_app.core.errors import NoReportError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.page.brief_dates import date_briefs
from desktop_app.core.page.dates import kyiv, kyiv_to_utc
from desktop_app.core.page.text_page import ArticleText, BriefText, split_page
from desktop_app.core.report import LossReport
from desktop_app.core.report_parser import parse_report
from desktop_app.core.validation import latest_report_date, report_date_problem


@dataclass(frozen=True)
class Page:
    """What a page holds. `report` is the loss report the article's body states, if any;
    `skipped` says why something found was left out (a report dated in the future)."""

    article: ItemData | None = None
    briefs: tuple[ItemData, ...] = ()
    report: LossReport | None = None
    skipped: tuple[str, ...] = field(default=())

    @property
    def found(self) -> bool:
        return self.article is not None or bool(self.briefs)

    def describe(self) -> str:
        """ "article, 12 briefs, report of 2024-01-01" — what an import summary says."""
        parts = []
        if self.article is not None:
            parts.append("article")
        if self.briefs:
            parts.append(f"{len(self.briefs)} brief{'s' if len(self.briefs) != 1 else ''}")
        if self.report is not None and self.report.date is not None:
            parts.append(f"report of {self.report.date.isoformat()}")
        return ", ".join(parts) or "nothing"


def local_date(when: dt.datetime) -> dt.date:
    """The Kyiv calendar day of a stored (UTC) time."""
    return when.astimezone(kyiv()).date()


def article_report(article: ItemData) -> tuple[LossReport | None, str | None]:
    """(the report the article's body states, why it cannot be stored)."""
    # A naive Kyiv time: the report's year and date are those of the page's own day.
    local = article.published_at.astimezone(kyiv()).replace(tzinfo=None)
    report = report_in_article(article.body, local)
    if report is None or report.date is None:
        return None, None
    problem = report_date_problem(report.date)
    if problem is not None:
        return None, messages.render(
            messages.PAGE_REPORT, date=report.date.isoformat(), reason=problem
        )
    return report, None


def dated_by_its_text(article: ItemData, now: dt.datetime | None = None) -> ItemData:
    """The article dated by the report its text states, when the text writes that day out in
    full and it is later than the page's own date: an article cannot state the figures of a
    day after it was published, so the page's date (a saved page's metadata: minfin's says
    2019) is the wrong one. The time of day is not known: estimated, as a byline without a
    time. Otherwise the article as it is."""
    try:  # read as the report dialog reads it: bounded by today, not by the page's date
        stated = parse_report(article.body, today=latest_report_date(now))
    except NoReportError:
        return article
    if stated.date is None or stated.date_note is not None:
        return article  # no date, or one the text does not write out in full
    if stated.date <= local_date(article.published_at):
        return article
    return dataclasses.replace(
        article, published_at=kyiv_to_utc(stated.date, dt.time()), date_estimated=True
    )


def brief_items(
    briefs: Sequence[BriefText],
    *,
    page_date: dt.date | None,
    source_name: str = "",
    now: dt.datetime | None = None,
) -> tuple[ItemData, ...]:
    dates = date_briefs(briefs, page_date=page_date, now=now)
    return tuple(
        ItemData(
            BRIEF,
            brief.title,
            when.published_at,
            body=brief.text,
            source_name=source_name,
            date_estimated=when.estimated,
        )
        for brief, when in zip(briefs, dates, strict=True)
    )


def _article_item(article: ArticleText, source_name: str) -> ItemData | None:
    if article.date is None:
        return None
    return ItemData(
        ARTICLE,
        article.title,
        kyiv_to_utc(article.date, article.time or dt.time()),
        body=article.body,
        author=article.author,
        source_name=source_name,
        # A byline with a date but no time: the time of day is not known.
        date_estimated=article.time is None,
    )


def assemble(
    article: ItemData | None,
    briefs: Sequence[BriefText],
    *,
    source_name: str = "",
    now: dt.datetime | None = None,
) -> Page:
    if article is not None:
        article = dated_by_its_text(article, now)
    page_date = local_date(article.published_at) if article is not None else None
    items = brief_items(briefs, page_date=page_date, source_name=source_name, now=now)
    report, problem = article_report(article) if article is not None else (None, None)
    return Page(article, items, report, (problem,) if problem else ())


def read_page_text(text: str, *, source_name: str = "", now: dt.datetime | None = None) -> Page:
    """The article, briefs and report of a page copied as text (an empty Page when none)."""
    parts = split_page(text)
    article = _article_item(parts.article, source_name) if parts.article else None
    return assemble(article, parts.briefs, source_name=source_name, now=now)
