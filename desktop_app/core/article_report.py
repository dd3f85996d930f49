"""Finding the loss report an article or brief publishes, if its body holds one."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.core.errors import NoReportError
from desktop_app.core.report import LossReport
from desktop_app.core.report_parser import parse_report


def report_in_article(body: str, published_at: dt.datetime) -> LossReport | None:
    """The report stated in `body`, dated; None when the body holds no loss report.

    The publication date settles a prose date given without a year and dates a text that
    names no date at all (articles publish the figures of their own day).
    """
    published = published_at.astimezone().date() if published_at.tzinfo else published_at.date()
    try:
        report = parse_report(body, today=published)
    except NoReportError:
        return None
    if report.date is None:
        report = dataclasses.replace(report, date=published)
    return report
