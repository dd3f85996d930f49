"""Series derived from stored totals: the change per day, with the stated change beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SeriesPoint:
    """One report's figure for one category, with the change derived from the report before."""

    date: dt.date
    total: int
    stated_change: int | None
    # total minus the previous report's total; None for the first point or after a gap.
    derived_change: int | None
    previous_date: dt.date | None

    @property
    def change(self) -> int | None:
        """The change to show: the stated one when the source gave it, else the derived one."""
        return self.stated_change if self.stated_change is not None else self.derived_change

    @property
    def disagrees(self) -> bool:
        return (
            self.stated_change is not None
            and self.derived_change is not None
            and self.stated_change != self.derived_change
        )


def derive_series(points: Iterable[tuple[dt.date, int, int | None]]) -> list[SeriesPoint]:
    """(date, total, stated change) in any order → points sorted by date with derived changes.

    A change is derived only across consecutive days: across a gap in the reports the
    difference covers several days and would read as one day's losses.
    """
    out: list[SeriesPoint] = []
    prev: tuple[dt.date, int] | None = None
    for date, total, stated in sorted(points, key=lambda p: p[0]):
        derived = None
        if prev is not None and (date - prev[0]).days == 1:
            derived = total - prev[1]
        out.append(SeriesPoint(date, total, stated, derived, prev[0] if prev else None))
        prev = (date, total)
    return out


def moving_average(values: Sequence[float | None], window: int) -> list[float | None]:
    """Trailing mean over `window` points; None until the window is full or spans a None."""
    if window < 1:
        raise ValueError("window must be at least 1")
    out: list[float | None] = []
    for i in range(len(values)):
        chunk = values[max(0, i - window + 1) : i + 1]
        if len(chunk) < window or any(v is None for v in chunk):
            out.append(None)
        else:
            out.append(sum(v for v in chunk if v is not None) / window)
    return out
