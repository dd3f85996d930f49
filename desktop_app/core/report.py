"""Value objects for a daily loss report, as parsed, imported, stored and exported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.categories import BY_KEY, order_index

WAR_START = dt.date(2022, 2, 24)


def day_of_war(date: dt.date) -> int:
    """24 Feb 2022 is day 1."""
    return (date - WAR_START).days + 1


# Slots: 32,000 of them are made when the reports are loaded (storage.reports fills the slots
# directly, as fast as making a tuple).
@dataclass(frozen=True, slots=True)
class Figure:
    """One category's cumulative total since 24 Feb 2022 and the change the source stated."""

    total: int
    change: int | None = None


# The registry's order of each set of figure keys met so far (reports share a few sets): a
# report is built without sorting its figures again (loading 2,000 reports sorted 32,000).
_KEY_ORDERS: dict[tuple[str, ...], tuple[str, ...]] = {}
_KEY_ORDERS_KEPT = 512


def _key_order(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Known `keys` in the registry's order, remembered."""
    order = tuple(sorted(keys, key=order_index))
    if len(_KEY_ORDERS) >= _KEY_ORDERS_KEPT:
        _KEY_ORDERS.clear()
    _KEY_ORDERS[keys] = order
    return order


@dataclass(frozen=True)
class LossReport:
    """A report as a source gives it. Figures hold only the categories the source states."""

    date: dt.date | None
    figures: Mapping[str, Figure]
    qualifier: str | None = None
    note: str | None = None
    # Lines that looked like part of the report but could not be read.
    unparsed: tuple[str, ...] = field(default=())
    # Categories for which the text states only the day's change ("two tanks over the past
    # day"): never stored as totals; the report dialog fills the change and asks for the total.
    changes_only: Mapping[str, int] = field(default_factory=dict)
    # For each figure, the words it was read from (`parse --explain`, the dialog's tooltips).
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)
    # How a date the text does not write out in full was established ("year found from the
    # figures"); None when the text states it or gives none.
    date_note: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        keys = tuple(self.figures)
        order = _KEY_ORDERS.get(keys)
        if order is None or self.changes_only:
            unknown = [k for k in [*keys, *self.changes_only] if k not in BY_KEY]
            if unknown:
                raise ValueError(f"unknown loss categories: {', '.join(unknown)}")
            order = order or _key_order(keys)
        figures = self.figures
        ordered = dict(figures) if order == keys else {k: figures[k] for k in order}
        object.__setattr__(self, "figures", ordered)

    @classmethod
    def stored(
        cls,
        date: dt.date,
        figures: dict[str, Figure],
        qualifier: str | None = None,
        note: str | None = None,
    ) -> LossReport:
        """`LossReport(date, figures, qualifier, note)`, made without the dataclass's __init__
        once the set of keys is known (loading 2,000 reports made 2,000: a fifth of the load).
        `figures` is kept, not copied: pass a dict nobody else holds."""
        keys = tuple(figures)
        order = _KEY_ORDERS.get(keys)
        if order is None:
            return cls(date, figures, qualifier, note)
        report = object.__new__(cls)
        report.__dict__.update(
            date=date,
            figures=figures if order == keys else {k: figures[k] for k in order},
            qualifier=qualifier,
            note=note,
            unparsed=(),
            changes_only={},
            sources={},
            date_note=None,
        )
        return report

    @property
    def day(self) -> int | None:
        return day_of_war(self.date) if self.date else None

    def to_json(self) -> dict[str, Any]:
        """The CLI/export shape: date, day, qualifier, figures {key: {total, change}}."""
        out: dict[str, Any] = {
            "date": self.date.isoformat() if self.date else None,
            "day": self.day,
            "qualifier": self.qualifier,
        }
        if self.note:
            out["note"] = self.note
        figures: dict[str, dict[str, int | None]] = {
            k: {"total": f.total, "change": f.change} for k, f in self.figures.items()
        }
        for key, change in self.changes_only.items():
            figures.setdefault(key, {"total": None, "change": change})
        out["figures"] = dict(sorted(figures.items(), key=lambda kv: order_index(kv[0])))
        if self.unparsed:
            # What `parse` could not read ("tanks ‒ 2l7"): listed, never guessed at.
            out["unparsed"] = list(self.unparsed)
        return out
