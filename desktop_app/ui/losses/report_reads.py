"""What the report dialog reads on the window's read lane: the stored report of a date, the
report before it, the version stamp, and a date for undated figures."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.report import LossReport
    from desktop_app.services.queries import LinkedArticle


def read_dialog_data(date: dt.date) -> tuple[LossReport | None, list[LinkedArticle]]:
    """The stored report of `date` and the articles that publish it (run on the read lane)."""
    from desktop_app.services import queries

    return queries.load_report(date), queries.linked_articles(date)


def read_date_state(date: dt.date) -> tuple[LossReport | None, LossReport | None, object]:
    """The report before `date`, the one stored for it and its version stamp (read lane)."""
    from desktop_app.services import queries

    return queries.previous_report(date), queries.load_report(date), queries.report_stamp(date)


def date_from_figures(report: LossReport) -> LossReport:
    """The report dated from its figures when one day matches: the archive's stored series,
    then the official one the program carries (read lane)."""
    from desktop_app.services import reports

    return reports.establish_date(report)
