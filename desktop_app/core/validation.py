"""Rules a report must obey (errors) and doubts it raises against its neighbours (warnings).

Warnings are shown and stored, never "fixed": the official totals do decrease on some days,
and a stated change can disagree with the difference of totals. The user decides.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core import messages as msg
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
        return msg.render(msg.DATE_BEFORE_WAR, date=date.isoformat())
    if date > (latest or latest_report_date()):
        return msg.render(msg.FUTURE, date=date.isoformat())
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


def validate_report(
    report: LossReport, previous: LossReport | None, *, today: dt.date
) -> list[Problem]:
    """Errors and warnings for one report, given the report stored for an earlier date."""
    problems: list[Problem] = []
    date = report.date
    if date is None:
        problems.append(Problem(ERROR, NO_DATE, msg.render(msg.NO_DATE)))
    elif date > today:
        problems.append(Problem(ERROR, FUTURE, msg.render(msg.FUTURE, date=date.isoformat()), date))
    elif date < WAR_START:
        problems.append(Problem(ERROR, BEFORE_WAR, msg.render(msg.BEFORE_WAR), date))
    for key, fig in report.figures.items():
        if fig.total < 0:
            text = msg.render(msg.NEGATIVE, category=key, total=fig.total)
            problems.append(Problem(ERROR, NEGATIVE, text, date, key))
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
                    msg.render(
                        msg.IMPLAUSIBLE_DROP,
                        category=key,
                        total=fig.total,
                        share=f"{DROP_SHARE:.0%}",
                        before=before.total,
                        date=previous.date.isoformat(),
                    ),
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
                    msg.render(
                        msg.DECREASE,
                        category=key,
                        before=before.total,
                        date=previous.date.isoformat(),
                        total=fig.total,
                    ),
                    report.date,
                    key,
                )
            )
        if consecutive and fig.change is not None and fig.change != fig.total - before.total:
            problems.append(
                Problem(
                    WARNING,
                    CHANGE_MISMATCH,
                    msg.render(
                        msg.CHANGE_MISMATCH,
                        category=key,
                        change=fig.change,
                        difference=fig.total - before.total,
                    ),
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
            text = (
                msg.render(msg.GAP_DAY, date=first_missing.isoformat())
                if gap == 1
                else msg.render(
                    msg.GAP_DAYS,
                    date=first_missing.isoformat(),
                    last=last_missing.isoformat(),
                    days=gap,
                )
            )
            problems.append(Problem(WARNING, GAP, text, first_missing))
        problems.extend(compare_with_previous(cur, prev))
    return problems


def compare_article_report(
    article: LossReport, stored: LossReport, *, source: str = msg.THE_ARTICLE
) -> list[Problem]:
    """Where an article's figures disagree with the stored report it is linked to.

    Only what the article states is compared: an article quoting five categories does not
    contradict a report with fifteen. A change is compared only when both sides state one.
    """
    date = stored.date
    problems: list[Problem] = []

    def mismatch(key: str, template: str, **values: object) -> None:
        text = msg.render(template, category=key, source=source, **values)
        problems.append(Problem(WARNING, ARTICLE_MISMATCH, text, date, key))

    if article.date is not None and date is not None and article.date != date:
        problems.append(
            Problem(
                WARNING,
                ARTICLE_MISMATCH,
                msg.render(
                    msg.ARTICLE_DATE,
                    source=source,
                    other=article.date.isoformat(),
                    date=date.isoformat(),
                ),
                date,
            )
        )
    for key, fig in article.figures.items():
        kept = stored.figures.get(key)
        if kept is None:
            mismatch(key, msg.ARTICLE_NO_FIGURE, total=fig.total)
        elif kept.total != fig.total:
            mismatch(key, msg.ARTICLE_TOTAL, total=fig.total, before=kept.total)
        elif fig.change is not None and kept.change is not None and fig.change != kept.change:
            mismatch(key, msg.ARTICLE_CHANGE, change=fig.change, difference=kept.change)
    return problems
