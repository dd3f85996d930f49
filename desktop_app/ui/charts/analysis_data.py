"""Adapter between storage/core and the Charts tab: every series as numpy arrays, computed once.

`ChartData.reload()` reads the archive; `plotted(view, key)` returns a view's values for one
category, cached until the next reload, so switching views, ranges or categories only pushes
arrays into pyqtgraph (nothing is recomputed in a paint or mouse handler).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication

from desktop_app.core import aggregates
from desktop_app.core.categories import BY_KEY
from desktop_app.core.series import SeriesPoint, moving_average
from desktop_app.services.charts import ChartSource
from desktop_app.ui.common.i18n import QT_TRANSLATE_NOOP, decimal, localized, number, signed

DAY_SECONDS = 86_400
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()

CUMULATIVE, DAILY, MA7, MA30 = "cumulative", "daily", "ma7", "ma30"
WEEKLY, MONTHLY, YEARLY, ORYX = "weekly", "monthly", "yearly", "oryx"
TIME_VIEWS: tuple[str, ...] = (CUMULATIVE, DAILY, MA7, MA30, WEEKLY, MONTHLY, YEARLY)
PERIOD_VIEWS = (WEEKLY, MONTHLY, YEARLY)
PERIOD_OF = {WEEKLY: aggregates.WEEK, MONTHLY: aggregates.MONTH, YEARLY: aggregates.YEAR}


def period_bounds(view: str, lo: float, hi: float) -> tuple[float, float]:
    """An x range (epoch seconds) widened to whole periods in a period view, so that the
    first and last bars (a partial month at either end) are seen whole; a range of a single
    day (an archive of one report) to the week around it, not to decades."""
    if hi - lo < DAY_SECONDS:
        lo, hi = lo - 3 * DAY_SECONDS, hi + 3 * DAY_SECONDS
    if view not in PERIOD_OF:
        return lo, hi
    period = PERIOD_OF[view]
    first = aggregates.period_start(date_of(lo), period)
    last = aggregates.period_end(aggregates.period_start(date_of(hi), period), period)
    start, end = epoch_seconds([first, last + dt.timedelta(days=1)])
    return min(lo, float(start)), max(hi, float(end))


def whole_periods(view: str, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a period view draws for the range `start`…`end`: its weeks, months or years
    whole (the range widened by `period_bounds`); other views keep the range."""
    if view not in PERIOD_OF:
        return start, end
    period = PERIOD_OF[view]
    last = aggregates.period_end(aggregates.period_start(end, period), period)
    return aggregates.period_start(start, period), last


def view_title(view: str) -> str:
    """A view's name as the selector shows it."""
    titles = {
        CUMULATIVE: QT_TRANSLATE_NOOP("AnalysisView", "Cumulative totals"),
        DAILY: QT_TRANSLATE_NOOP("AnalysisView", "Daily change"),
        MA7: QT_TRANSLATE_NOOP("AnalysisView", "7-day average of the daily change"),
        MA30: QT_TRANSLATE_NOOP("AnalysisView", "30-day average of the daily change"),
        WEEKLY: QT_TRANSLATE_NOOP("AnalysisView", "Weekly sums"),
        MONTHLY: QT_TRANSLATE_NOOP("AnalysisView", "Monthly sums"),
        YEARLY: QT_TRANSLATE_NOOP("AnalysisView", "Yearly sums"),
        ORYX: QT_TRANSLATE_NOOP("AnalysisView", "Compared with Oryx (visually confirmed)"),
    }
    return QCoreApplication.translate("AnalysisView", titles[view])


def category_label(key: str) -> str:
    """A category's display name, translatable under the "categories" context."""
    return QCoreApplication.translate("categories", BY_KEY[key].label_en)


_SHORT = {
    "armored_vehicles": QT_TRANSLATE_NOOP("AnalysisView", "AFV"),
    "artillery": QT_TRANSLATE_NOOP("AnalysisView", "Artillery"),
    "air_defense": QT_TRANSLATE_NOOP("AnalysisView", "Air defense"),
    # "БпЛА оперативно-тактичного рівня" in Ukrainian: wider than a bar pair.
    "drones": QT_TRANSLATE_NOOP("AnalysisView", "Drones"),
    "vehicles_fuel_tanks": QT_TRANSLATE_NOOP("AnalysisView", "Vehicles"),
    "special_equipment": QT_TRANSLATE_NOOP("AnalysisView", "Special eq."),
    "ships": QT_TRANSLATE_NOOP("AnalysisView", "Ships"),
    "cruise_missiles": QT_TRANSLATE_NOOP("AnalysisView", "Cruise m."),
    "ground_robots": QT_TRANSLATE_NOOP("AnalysisView", "Robots"),
    "srbm_launchers": QT_TRANSLATE_NOOP("AnalysisView", "SRBM"),
}


def short_label(key: str) -> str:
    """A name short enough for a bar pair's axis label (11 pairs share the width)."""
    if key in _SHORT:
        return QCoreApplication.translate("AnalysisView", _SHORT[key])
    return category_label(key)


def epoch_seconds(dates: Sequence[dt.date]) -> np.ndarray:
    """Dates as UTC epoch seconds at midnight, the unit DateAxisItem(utcOffset=0) expects."""
    ordinals = np.fromiter((d.toordinal() for d in dates), dtype=np.int64, count=len(dates))
    return ((ordinals - _EPOCH_ORDINAL) * DAY_SECONDS).astype(np.float64)


def date_of(seconds: float) -> dt.date:
    return dt.date.fromordinal(_EPOCH_ORDINAL + round(seconds / DAY_SECONDS))


def _floats(values: Sequence[float | int | None]) -> np.ndarray:
    return np.fromiter(
        (math.nan if v is None else float(v) for v in values), np.float64, len(values)
    )


@dataclass
class Plotted:
    """One category's values in one view: exact values for CSV and hover, arrays to draw."""

    key: str
    dates: list[dt.date]
    values: list[int | float | None]
    bars: bool
    # Bar width in seconds (the period's length), 0 for lines.
    width: float = 0.0
    # Days where the stated change differs from the derived one (daily view only).
    stated_dates: list[dt.date] = field(default_factory=list)
    stated_values: list[int] = field(default_factory=list)
    # Period sums: the days each period has and the days of it the reports cover; a period
    # covered only in part (the war's first month, the current one, a gap) is drawn pale.
    period_days: list[int] = field(default_factory=list)
    covered_days: list[int] = field(default_factory=list)
    x: np.ndarray = field(init=False)
    y: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.x = epoch_seconds(self.dates)
        self.y = _floats(self.values)
        self.partial = np.fromiter(
            (c < d for c, d in zip(self.covered_days, self.period_days, strict=True)),
            dtype=bool,
            count=len(self.covered_days),
        )
        if not self.partial.size:
            self.partial = np.zeros(len(self.dates), dtype=bool)


class ChartData:
    """All categories' series read from the archive, with per-view results cached."""

    def __init__(self) -> None:
        self.points: dict[str, list[SeriesPoint]] = {}
        self._index: dict[str, dict[dt.date, int]] = {}
        self.warnings: dict[tuple[dt.date, str | None], list[str]] = defaultdict(list)
        self._cache: dict[tuple[str, str], Plotted] = {}
        self._dates: dict[tuple[str, ...], list[dt.date]] = {}
        self.articles: dict[dt.date, list[tuple[int, str]]] = {}

    def set_source(self, source: ChartSource) -> None:
        """Take a fresh read of the archive (made on the window's read lane)."""
        self.points = {k: v for k, v in source.points.items() if v}
        self._index = {k: {p.date: i for i, p in enumerate(v)} for k, v in self.points.items()}
        self.warnings = defaultdict(list)
        for key, messages in source.warnings.items():
            self.warnings[key].extend(messages)
        self.articles = dict(source.articles)
        self._cache = {}
        self._dates = {}

    @property
    def keys(self) -> list[str]:
        """Categories with at least one report, in registry order."""
        return list(self.points)

    def span(self, keys: Sequence[str] | None = None) -> tuple[dt.date, dt.date] | None:
        """First and last report date over `keys` (all categories by default)."""
        chosen = [self.points[k] for k in (keys or self.keys) if k in self.points]
        if not chosen:
            return None
        return min(p[0].date for p in chosen), max(p[-1].date for p in chosen)

    def point(self, key: str, date: dt.date) -> SeriesPoint | None:
        i = self._index.get(key, {}).get(date)
        return None if i is None else self.points[key][i]

    def report_dates(self, keys: Sequence[str]) -> list[dt.date]:
        """Every date on which at least one of `keys` was reported, oldest first (a category
        that ended before another began keeps its own days)."""
        wanted = tuple(keys)
        dates = self._dates.get(wanted)
        if dates is None:
            every = {p.date for k in wanted for p in self.points.get(k, [])}
            dates = self._dates[wanted] = sorted(every)
        return dates

    def nearest_date(self, keys: Sequence[str], date: dt.date) -> dt.date | None:
        """The report date of any of `keys` nearest to `date`."""
        dates = self.report_dates(keys)
        if not dates:
            return None
        i = bisect.bisect_left(dates, date)
        candidates = dates[max(i - 1, 0) : i + 1]
        return min(candidates, key=lambda d: (abs((d - date).days), d))

    def plotted(self, view: str, key: str) -> Plotted:
        """`view`'s values for `key`, computed once per reload."""
        cached = self._cache.get((view, key))
        if cached is None:
            cached = self._cache[(view, key)] = self._compute(view, key)
        return cached

    def normalised(self, view: str, key: str, start: dt.date) -> Plotted:
        """The view's values as an index, 100 at the first usable value on or after `start`."""
        base = self.plotted(view, key)
        first = bisect.bisect_left(base.dates, start)
        return Plotted(
            key, base.dates, list(aggregates.normalise(base.values, first)), base.bars, base.width
        )

    def _compute(self, view: str, key: str) -> Plotted:
        pts = self.points.get(key, [])
        dates = [p.date for p in pts]
        if view == CUMULATIVE:
            return Plotted(key, dates, [p.total for p in pts], bars=False)
        if view == DAILY:
            # Bars only where a change can be derived: a gap's difference is not one day's.
            shown = [p for p in pts if p.derived_change is not None]
            odd = [p for p in pts if p.disagrees]
            return Plotted(
                key,
                [p.date for p in shown],
                [p.derived_change for p in shown],
                bars=True,
                width=0.8 * DAY_SECONDS,
                stated_dates=[p.date for p in odd],
                stated_values=[p.stated_change for p in odd if p.stated_change is not None],
            )
        if view in (MA7, MA30):
            window = 7 if view == MA7 else 30
            changes = aggregates.daily_changes(pts)
            return Plotted(key, dates, list(moving_average(changes, window)), bars=False)
        if view in PERIOD_OF:
            sums = aggregates.period_sums(pts, PERIOD_OF[view])
            # Each bar sits at the middle of its period and is 85 % of it wide.
            widths = [(s.end - s.start).days + 1 for s in sums]
            width = 0.85 * DAY_SECONDS * (min(widths) if widths else 1)
            return Plotted(
                key,
                [s.start for s in sums],
                [s.total for s in sums],
                bars=True,
                width=width,
                period_days=widths,
                covered_days=[s.days for s in sums],
            )
        raise ValueError(f"not a time view: {view!r}")

    def hover_lines(
        self, view: str, keys: Sequence[str], date: dt.date, index_from: dt.date | None = None
    ) -> list[str]:
        """Date, day of war, and per category the exact total, change, view value (the index
        drawn when `index_from`, its range start, is given), warnings."""
        from desktop_app.core.report import day_of_war

        lines = [
            QCoreApplication.translate("AnalysisView", "{date} (day {day})").format(
                date=date.isoformat(), day=number(day_of_war(date))
            )
        ]
        for note in self.warnings.get((date, None), []):
            lines.append("⚠ " + localized(note))
        titles = [title for _id, title in self.articles.get(date, [])]
        if titles:
            lines[0] += "  ·  " + QCoreApplication.translate(
                "AnalysisView", "published in %1"
            ).replace("%1", "; ".join(f"“{t}”" for t in titles))
        for key in keys:
            p = self.point(key, date)
            if p is None:
                lines.append(
                    QCoreApplication.translate("AnalysisView", "{category}: no report").format(
                        category=category_label(key)
                    )
                )
                continue
            text = QCoreApplication.translate(
                "AnalysisView", "{category}: total {total} · {change}"
            ).format(category=category_label(key), total=number(p.total), change=change_text(p))
            extra = (
                self._index_text(view, key, date, index_from)
                if index_from is not None
                else self._view_value_text(view, key, date)
            )
            if extra:
                text += " · " + extra
            lines.append(text)
            for note in self.warnings.get((date, key), []):
                lines.append("⚠ " + localized(note))
        return lines

    def compact_lines(
        self, view: str, keys: Sequence[str], date: dt.date, index_from: dt.date | None = None
    ) -> list[str]:
        """One short entry per category, for many categories at once: the total and the day's
        change ("Tanks 3,788 (+4)"), or in an average's or a sum's view the value drawn
        ("Tanks ⌀ 11.4", "Tanks Σ +421")."""
        out = []
        for key in keys:
            p = self.point(key, date)
            if p is None:
                out.append(f"{short_label(key)} –")
                continue
            text = f"{short_label(key)} "
            value = (
                self._index_text(view, key, date, index_from)
                if index_from is not None
                else self._compact_value(view, key, date)
            )
            if value:
                text += value
            else:
                change = p.derived_change if p.derived_change is not None else p.stated_change
                text += number(p.total)
                if change is not None:
                    text += f" ({signed(change)})"
            if self.warnings.get((date, key)):
                text += " ⚠"
            out.append(text)
        return out

    def index_value(self, view: str, key: str, date: dt.date, start: dt.date) -> float | None:
        """`date`'s value as the index drawn: 100 at the first usable value from `start` on
        (the base `normalised` takes)."""
        plotted = self.plotted(view, key)
        first = bisect.bisect_left(plotted.dates, start)
        base = next((v for v in plotted.values[first:] if v is not None and v != 0), None)
        i = bisect.bisect_left(plotted.dates, date)
        if base is None or i >= len(plotted.dates) or plotted.dates[i] != date:
            return None
        value = plotted.values[i]
        return None if value is None else value * 100.0 / base

    def _index_text(self, view: str, key: str, date: dt.date, start: dt.date) -> str:
        value = self.index_value(view, key, date, start)
        return QCoreApplication.translate("AnalysisView", "index {value}").format(
            value="–" if value is None else decimal(value)
        )

    def _compact_value(self, view: str, key: str, date: dt.date) -> str:
        """The view's own value in a short entry: "⌀ 11.4" (an average), "Σ +283" (the
        period's sum, "◐" when the reports cover it only in part); "" in other views."""
        if view in (MA7, MA30):
            plotted = self.plotted(view, key)
            i = bisect.bisect_left(plotted.dates, date)
            value = plotted.values[i] if i < len(plotted.dates) else None
            return "⌀ " + ("–" if value is None else decimal(value))
        if view in PERIOD_OF:
            start = aggregates.period_start(date, PERIOD_OF[view])
            plotted = self.plotted(view, key)
            i = bisect.bisect_left(plotted.dates, start)
            if i < len(plotted.dates) and plotted.dates[i] == start:
                return "Σ " + signed(plotted.values[i]) + (" ◐" if plotted.partial[i] else "")
            return "Σ –"
        return ""

    def _view_value_text(self, view: str, key: str, date: dt.date) -> str:
        if view in (MA7, MA30):
            plotted = self.plotted(view, key)
            i = bisect.bisect_left(plotted.dates, date)
            value = plotted.values[i] if i < len(plotted.dates) else None
            label = (
                QCoreApplication.translate("AnalysisView", "7-day average")
                if view == MA7
                else QCoreApplication.translate("AnalysisView", "30-day average")
            )
            shown = "–" if value is None else decimal(value)
            return f"{label} {shown}"
        if view in PERIOD_OF:
            start = aggregates.period_start(date, PERIOD_OF[view])
            plotted = self.plotted(view, key)
            i = bisect.bisect_left(plotted.dates, start)
            if i < len(plotted.dates) and plotted.dates[i] == start:
                text = QCoreApplication.translate(
                    "AnalysisView", "period from {start}: {sum}"
                ).format(start=start.isoformat(), sum=signed(plotted.values[i]))
                if plotted.partial[i]:
                    text += " " + QCoreApplication.translate(
                        "AnalysisView", "(partial: reported days %1 of %2)"
                    ).replace("%1", str(plotted.covered_days[i])).replace(
                        "%2", str(plotted.period_days[i])
                    )
                return text
        return ""


def change_text(p: SeriesPoint) -> str:
    """The change as a reader should see it: derived, with the stated one when they differ."""
    derived, stated = p.derived_change, p.stated_change
    if derived is None and stated is None:
        return QCoreApplication.translate("AnalysisView", "change unknown")
    if derived is None:
        return QCoreApplication.translate("AnalysisView", "stated change {stated}").format(
            stated=signed(stated)
        )
    if stated is None or stated == derived:
        return QCoreApplication.translate("AnalysisView", "change {derived}").format(
            derived=signed(derived)
        )
    return QCoreApplication.translate("AnalysisView", "change {derived} (stated {stated})").format(
        derived=signed(derived), stated=signed(stated)
    )


def to_csv(view: str, series: Sequence[Plotted], start: dt.date, end: dt.date) -> str:
    """The values shown between `start` and `end` (inclusive): date, category, view, value.

    Whole numbers stay whole, so a total or change reads exactly as stored. A week, month or
    year the range starts in is drawn whole, and so given (its row is dated by its first day).
    """
    start, end = whole_periods(view, start, end)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "category", "view", "value"])
    for plotted in series:
        for date, value in zip(plotted.dates, plotted.values, strict=True):
            if start <= date <= end:
                shown = (
                    ""
                    if value is None
                    else (str(value) if isinstance(value, int) else repr(round(value, 6)))
                )
                writer.writerow([date.isoformat(), plotted.key, view, shown])
    return out.getvalue()
