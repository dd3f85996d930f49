"""The General Staff's daily totals the program carries, and dating a report from a series.

A text that gives no date can still be dated by its figures: cumulative totals only grow, so
the totals a text states match one day of the official series (or a run of days with the same
totals, which dates nothing). The archive's stored reports are asked first (services.reports);
when they do not settle it, the series below does: every day of the war from 25 Feb 2022 to
8 Aug 2026 as public figures (`desktop_app/resources/reference/`, rebuilt by
`python -m tools.reference_series`). Never a guess: only a single matching day counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gzip
from collections.abc import Mapping, Sequence
from importlib import resources

from desktop_app.core.report import LossReport

FOUND_IN_REFERENCE = "date found from the General Staff's figures the program carries"
# Followed by the figure as the series has it: "drones 165" (a total), "drones +45" (a change).
ONE_DIFFERS = "; one figure differs from them: "


@functools.cache
def official_days() -> tuple[LossReport, ...]:
    """The carried series, oldest first (read once, ~30 ms)."""
    # The file format's reader only when a text needs dating, never at start-up.
    from desktop_app.core.formats.frontline_csv import read_reports_csv

    packed = resources.files("desktop_app") / "resources" / "reference"
    text = gzip.decompress((packed / "general_staff_daily.csv.gz").read_bytes()).decode("utf-8")
    return tuple(sorted(read_reports_csv(text), key=lambda day: day.date or dt.date.min))


def matching_days(report: LossReport, series: Sequence[LossReport]) -> list[dt.date]:
    """The days of `series` (oldest first) whose totals are every total `report` states and
    whose changes (stated, or derived from the day before) are every change it states alone."""
    stated = len(report.figures) + len(report.changes_only)
    return [
        date
        for day, held in zip(series, _scores(report, series), strict=True)
        if held == stated and (date := day.date) is not None
    ]


# With one stated figure that no day holds (a typo in the text, or a figure corrected later),
# the others still date the text when at least this many match one day and no other.
ONE_OFF_FROM = 6
# Daily changes recur: a day matched by changes alone counts only when the chance of some
# other day matching them all by coincidence is below this (estimated from how often each
# change occurs in the series).
CHANCE = 1e-3


def date_from_official_series(
    report: LossReport, series: Sequence[LossReport] | None = None
) -> tuple[dt.date, str | None] | None:
    """The one day of the official series (the carried one unless given) that `report`'s
    stated figures establish, and the figure that differs from that day's as the series has
    it ("drones 165", "drones +45"; None when all match); or None.

    Stricter than the archive's own series, because this one ends (8 Aug 2026) while texts go
    on, and a text's day may lie beyond it. A match counts when a stated total shows the text is
    older than the series' end (that total grew later), or else when the stated changes make a
    coincidence unlikely (`CHANCE`); never on the series' last day. One figure may differ only
    when `ONE_OFF_FROM` others match one day and no other.
    """
    if report.date is not None or not (report.figures or report.changes_only):
        return None
    days = official_days() if series is None else series
    stated = len(report.figures) + len(report.changes_only)
    scores = _scores(report, days)
    full = [i for i, held in enumerate(scores) if held == stated]
    near = [i for i, held in enumerate(scores) if held == stated - 1]
    if len(full) == 1:
        found = full[0]
    elif not full and len(near) == 1 and stated - 1 >= ONE_OFF_FROM:
        found = near[0]
    else:
        return None
    date = days[found].date
    if date is None or found == len(days) - 1:
        return None
    if not _within(report, days, found) and _coincidences(report, days, found) >= CHANCE:
        return None
    return date, None if found in full else _differing(report, days, found)


def _within(report: LossReport, days: Sequence[LossReport], found: int) -> bool:
    """Whether the text's day is surely one of the series: a stated total that day `found`
    holds has grown by the series' last day (totals never fall, so the text is older)."""
    end, day = days[-1].figures, days[found].figures
    return any(
        key in day and key in end and day[key].total == figure.total < end[key].total
        for key, figure in report.figures.items()
    )


def _differing(report: LossReport, days: Sequence[LossReport], found: int) -> str:
    """The one stated figure day `found` does not hold, as the series has it."""
    for key, figure in report.figures.items():
        held = days[found].figures.get(key)
        if held is None or held.total != figure.total:
            return f"{key} {held.total if held is not None else '—'}"
    key = next(k for k, c in report.changes_only.items() if c not in _change(days, found, k))
    stated, derived = _change(days, found, key)
    change = stated if stated is not None else derived
    return f"{key} {'—' if change is None else f'{change:+d}'}"


def _change(days: Sequence[LossReport], i: int, key: str) -> tuple[int | None, int | None]:
    """Day `i`'s change of `key`: as stated, and as derived from the day before."""
    held = days[i].figures.get(key)
    if held is None:
        return None, None
    before = days[i - 1].figures.get(key) if i > 0 else None
    return held.change, (held.total - before.total if before is not None else None)


def _scores(report: LossReport, days: Sequence[LossReport]) -> list[int]:
    """For each day, how many of the figures `report` states it holds."""
    scores = []
    for i, day in enumerate(days):
        held = 0
        for key, figure in report.figures.items():
            on_day = day.figures.get(key)
            held += on_day is not None and on_day.total == figure.total
        for key, change in report.changes_only.items():
            held += change in _change(days, i, key)
        scores.append(held)
    return scores


def _coincidences(report: LossReport, days: Sequence[LossReport], found: int) -> float:
    """How many days would match the changes `found` holds by chance: the series' length
    times the product of each change's frequency in it (no changes: no evidence at all)."""
    if not report.changes_only:
        return float("inf")
    expected = float(len(days))
    for key, change in report.changes_only.items():
        if change in _change(days, found, key):  # (not the one that differs)
            expected *= _share(days, key, change)
    return expected


def _share(days: Sequence[LossReport], key: str, change: int) -> float:
    """The share of the series' days whose change of `key` was `change`."""
    return sum(change in _change(days, i, key) for i in range(len(days))) / len(days)


def dated_from_official_series(report: LossReport) -> LossReport:
    """`report` dated from the carried series when its figures establish one day, its note
    saying so; else `report` unchanged (its date stays unknown)."""
    found = date_from_official_series(report)
    if found is None:
        return report
    date, differs = found
    note = FOUND_IN_REFERENCE + (ONE_DIFFERS + differs if differs else "")
    return dataclasses.replace(report, date=date, date_note=note)


def day_of_changes(candidates: Sequence[dt.date], changes: Mapping[str, int]) -> dt.date | None:
    """Of `candidates` (the same day and month in each year, as a text without its year
    gives them), the one whose changes in the carried series are every change stated; None
    when none or several, or when another year could share them all by coincidence
    (`CHANCE`, counted over every candidate: the text's year may lie beyond the series)."""
    days, where = official_days(), _official_index()
    hits = [
        d
        for d in candidates
        if (i := where.get(d)) is not None
        and all(change in _change(days, i, key) for key, change in changes.items())
    ]
    if len(hits) != 1 or where[hits[0]] == len(days) - 1:
        return None
    expected = float(len(candidates))
    for key, change in changes.items():
        expected *= _share(days, key, change)
    return hits[0] if expected < CHANCE else None


@functools.cache
def _official_index() -> dict[dt.date, int]:
    """Where each day is in `official_days()`."""
    return {day.date: i for i, day in enumerate(official_days()) if day.date is not None}
