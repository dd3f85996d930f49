"""Text files holding one or many official loss posts (English or Ukrainian), or one article.

People save a channel's history or paste several days into one file, so a file is split at
each post's opening line ("The total combat losses …", "Загальні бойові втрати …") and at
separator lines (---, ===, ***); each part is parsed on its own. Errors name the post and the
line it starts on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from desktop_app.core import messages as msg
from desktop_app.core.errors import ImportFormatError, NoReportError
from desktop_app.core.formats._common import check_report_date
from desktop_app.core.reference_series import dated_from_official_series
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.report_parser import parse_reports
from desktop_app.core.validation import implausible_drops

# The first line of an official post, in both languages and the Telegram style.
_POST_START = re.compile(
    r"^\W*(?:the\s+total\s+combat\s+losses|загальні\s+бойові\s+втрати)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|={3,}|\*{3,}|_{3,})\s*$")


def split_posts(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each post; text before the first post stays with it.

    Line numbers count from 1, as an editor shows them.
    """
    lines = text.splitlines()
    bounds = {0}
    first_in_segment = True
    for n, line in enumerate(lines):
        if _SEPARATOR.match(line):
            bounds.add(n + 1)  # the next post begins after the separator
            first_in_segment = True
        elif _POST_START.match(line):
            # Text before a segment's first post (a title, a date line) is its preamble.
            if not first_in_segment:
                bounds.add(n)
            first_in_segment = False
    ordered = sorted(bounds)
    posts = []
    for i, begin in enumerate(ordered):
        end = ordered[i + 1] if i + 1 < len(ordered) else len(lines)
        chunk = [ln for ln in lines[begin:end] if not _SEPARATOR.match(ln)]
        body = "\n".join(chunk)
        if body.strip():
            first = begin + next(k for k, ln in enumerate(chunk) if ln.strip())
            posts.append((first + 1, body))
    return posts


def read_posts(text: str, *, source: str = "") -> list[LossReport]:
    """One report per post (per day of a multi-day list); a post without a readable report,
    date or total is an error."""
    posts = split_posts(text)
    if not posts:
        raise ImportFormatError(msg.FILE_EMPTY, file=source or None)
    reports: list[LossReport] = []
    records: list[str] = []
    many = len(posts) > 1
    for number, (line, body) in enumerate(posts, start=1):
        record = f"post {number} (line {line})" if many else f"line {line}"
        try:
            days = parse_reports(body)
        except NoReportError as exc:
            raise ImportFormatError(str(exc), file=source or None, record=record) from None
        for report in days:
            if report.date is None:
                # As `parse` does: a text without a date is dated by the figures it states
                # when they establish one day of the official series the program carries.
                report = dated_from_official_series(report)
            if report.date is None:
                raise ImportFormatError(
                    msg.NO_REPORT_DATE,
                    file=source or None,
                    record=record,
                    field="date",
                )
            if not report.figures:
                # "Over the past day … 3 tanks": a report is stored by its totals.
                raise ImportFormatError(
                    msg.CHANGES_ONLY,
                    file=source or None,
                    record=record,
                )
            check_report_date(report.date, file=source or None, record=record)
            reports.append(report)
            records.append(record if len(days) == 1 else f"{record}, {report.date.isoformat()}")
    return _one_per_date(reports, records, file=source or None)


def _one_per_date(
    reports: list[LossReport], records: list[str], *, file: str | None
) -> list[LossReport]:
    """The posts in date order, one per date; a date posted twice with other figures, or a
    total far below the previous post's (digits lost), is refused naming both."""
    kept: dict[dt.date, tuple[LossReport, str]] = {}
    for report, record in zip(reports, records, strict=True):
        assert report.date is not None
        seen = kept.get(report.date)
        if seen is None:
            kept[report.date] = (report, record)
            continue
        first, where = seen
        if first.figures != report.figures:
            key = next(
                k
                for k in {**first.figures, **report.figures}
                if first.figures.get(k) != report.figures.get(k)
            )
            was, now = first.figures.get(key), report.figures.get(key)
            raise ImportFormatError(
                f"{report.date.isoformat()} is posted twice with different figures:"
                f" {where} says {_total(was)}, this post {_total(now)}",
                file=file,
                record=record,
                field=key,
            )
    ordered = [kept[date] for date in sorted(kept)]
    for (previous, _), (report, record) in itertools.pairwise(ordered):
        drops = implausible_drops(report, previous)
        if drops:
            raise ImportFormatError(
                drops[0].message, file=file, record=record, field=drops[0].category
            )
    return [report for report, _ in ordered]


def _total(figure: Figure | None) -> str:
    return "nothing" if figure is None else f"{figure.total:,}"
