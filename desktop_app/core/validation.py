"""Rules a report must obey (errors) and doubts it raises against its neighbours (warnings).

Warnings are shown and stored, never "fixed": the official totals do decrease on some days,
and a stated change can disagree with the difference of totals. The user decides.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core.categories import BY_KEY
from desktop_app.core.report import WAR_START, LossReport

ERROR = "error"
WARNING = "warning"

DECREASE = "decrease"
CHANGE_MISMATCH = "change_mismatch"
GAP = "gap"
NEGATIVE = "negative"
FUTURE = "future"
NO_DATE = "no_date"
BEFORE_WAR = "before_war"
ARTICLE_MISMATCH = "article_mismatch"
IMPLAUSIBLE_DROP = "implausible_drop"

# A total below this share of the previous report's total is not a correction but a misread
# figure (a truncated post lost digits: drones 138 read as 13). Official corrections are a
# handful of units (tanks −5, armoured vehicles −14); the largest in the PetroIvaniuk dataset
# (2022-02-25 … 2026-08-08) is special equipment 3,700 → 3,617 on 2024-11-30, −2.2 %.
# A drop of at most DROP_MIN_UNITS stays a warning whatever the share, so that 2 submarines
# becoming 1 is a correction to look at, not an error.
DROP_SHARE = 0.9
DROP_MIN_UNITS = 10


# Kyiv is UTC+2 in winter and UTC+3 in summer; a report is dated by its Kyiv day, which may
# already have begun while the local clock (anywhere west of Kyiv) still shows the day before.
_KYIV_AT_MOST = dt.timedelta(hours=3)


def latest_report_date(now: dt.datetime | None = None) -> dt.date:
    """The last date a report can have: today, here or in Kyiv, whichever is later."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        local = now.astimezone().date()
        kyiv = (now.astimezone(dt.UTC) + _KYIV_AT_MOST).date()
    except (OverflowError, ValueError):  # a clock at the end of the calendar
        return now.date()
    return max(local, kyiv)


def report_date_problem(date: dt.date, *, latest: dt.date | None = None) -> str | None:
    """Why a report cannot carry this date (None when it can): before the war or ahead."""
    if date < WAR_START:
        return f"{date.isoformat()} is before the war: reports start on 24 Feb 2022 (day 1)"
    if date > (latest or latest_report_date()):
        return f"{date.isoformat()} is in the future"
    return None


@dataclass(frozen=True)
class Problem:
    severity: str
    kind: str
    message: str
    date: dt.date | None = None
    category: str | None = None

    def line(self) -> str:
        """One line for the CLI: date, category, what is wrong."""
        parts = [self.date.isoformat() if self.date else "----------"]
        parts.append(self.category or "-")
        parts.append(self.message)
        return "  ".join(parts)


def _label(key: str) -> str:
    return BY_KEY[key].label_en


def validate_report(
    report: LossReport, previous: LossReport | None, *, today: dt.date
) -> list[Problem]:
    """Errors and warnings for one report, given the report stored for an earlier date."""
    problems: list[Problem] = []
    date = report.date
    if date is None:
        problems.append(Problem(ERROR, NO_DATE, "the report has no date"))
    elif date > today:
        problems.append(Problem(ERROR, FUTURE, f"{date.isoformat()} is in the future", date))
    elif date < WAR_START:
        problems.append(
            Problem(ERROR, BEFORE_WAR, "reports start on 24 Feb 2022 (day 1 of the war)", date)
        )
    for key, fig in report.figures.items():
        if fig.total < 0:
            problems.append(
                Problem(ERROR, NEGATIVE, f"{_label(key)}: total {fig.total} is negative", date, key)
            )
    if previous is not None and date is not None and previous.date is not None:
        drops = implausible_drops(report, previous)
        dropped = {p.category for p in drops}
        problems.extend(drops)
        problems.extend(
            p
            for p in compare_with_previous(report, previous)
            if not (p.kind == DECREASE and p.category in dropped)
        )
    return problems


def is_implausible_drop(total: int, previous_total: int) -> bool:
    """Whether a total fell so far below the previous one that it must be a misread figure."""
    return total < previous_total * DROP_SHARE and previous_total - total > DROP_MIN_UNITS


def implausible_drops(report: LossReport, previous: LossReport) -> list[Problem]:
    """Errors for totals far below the previous report's (see DROP_SHARE): never stored."""
    problems: list[Problem] = []
    if previous.date is None or report.date is None or previous.date >= report.date:
        return problems
    for key, fig in report.figures.items():
        before = previous.figures.get(key)
        if before is not None and is_implausible_drop(fig.total, before.total):
            problems.append(
                Problem(
                    ERROR,
                    IMPLAUSIBLE_DROP,
                    f"{_label(key)}: total {fig.total:,} is below {DROP_SHARE:.0%} of"
                    f" {before.total:,} on {previous.date.isoformat()} (digits lost?)",
                    report.date,
                    key,
                )
            )
    return problems


def compare_with_previous(report: LossReport, previous: LossReport) -> list[Problem]:
    """Warnings from comparing a report with the one before it."""
    assert report.date is not None and previous.date is not None
    consecutive = (report.date - previous.date).days == 1
    problems: list[Problem] = []
    for key, fig in report.figures.items():
        before = previous.figures.get(key)
        if before is None:
            continue
        if fig.total < before.total:
            problems.append(
                Problem(
                    WARNING,
                    DECREASE,
                    f"{_label(key)}: total fell from {before.total} on "
                    f"{previous.date.isoformat()} to {fig.total}",
                    report.date,
                    key,
                )
            )
        if consecutive and fig.change is not None and fig.change != fig.total - before.total:
            problems.append(
                Problem(
                    WARNING,
                    CHANGE_MISMATCH,
                    f"{_label(key)}: stated change {fig.change:+d} but totals differ by "
                    f"{fig.total - before.total:+d}",
                    report.date,
                    key,
                )
            )
    return problems


def check_series(reports: Sequence[LossReport]) -> list[Problem]:
    """Every inconsistency across stored reports: decreases, change mismatches, missing days."""
    dated = sorted((r for r in reports if r.date is not None), key=lambda r: r.date or WAR_START)
    problems: list[Problem] = []
    for prev, cur in itertools.pairwise(dated):
        assert prev.date is not None and cur.date is not None
        gap = (cur.date - prev.date).days - 1
        if gap > 0:
            first_missing = prev.date + dt.timedelta(days=1)
            last_missing = cur.date - dt.timedelta(days=1)
            span = first_missing.isoformat()
            if gap > 1:
                span += f" to {last_missing.isoformat()}"
            problems.append(
                Problem(WARNING, GAP, f"no report for {span} ({gap} day(s))", first_missing)
            )
        problems.extend(compare_with_previous(cur, prev))
    return problems


def compare_article_report(
    article: LossReport, stored: LossReport, *, source: str = "the article"
) -> list[Problem]:
    """Where an article's figures disagree with the stored report it is linked to.

    Only what the article states is compared: an article quoting five categories does not
    contradict a report with fifteen. A change is compared only when both sides state one.
    """
    date = stored.date
    problems: list[Problem] = []

    def mismatch(key: str, text: str) -> None:
        problems.append(Problem(WARNING, ARTICLE_MISMATCH, f"{_label(key)}: {text}", date, key))

    if article.date is not None and date is not None and article.date != date:
        problems.append(
            Problem(
                WARNING,
                ARTICLE_MISMATCH,
                f"{source} is dated {article.date.isoformat()}, the report {date.isoformat()}",
                date,
            )
        )
    for key, fig in article.figures.items():
        kept = stored.figures.get(key)
        if kept is None:
            mismatch(key, f"{source} states {fig.total:,}, the report has no figure")
        elif kept.total != fig.total:
            mismatch(key, f"{source} states {fig.total:,}, the report {kept.total:,}")
        elif fig.change is not None and kept.change is not None and fig.change != kept.change:
            mismatch(
                key, f"{source} states a change of {fig.change:+,}, the report {kept.change:+,}"
            )
    return problems
