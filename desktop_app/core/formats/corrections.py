"""PetroIvaniuk's correction file: per-day adjustments the dataset's author recorded.

The official totals already include these corrections, so they are never added again: each
becomes a line of text on the affected day's report ("dataset correction: Tanks −5"), which
the reader of the losses table sees beside the figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from desktop_app.core.categories import BY_PETROIVANIUK
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats._common import (
    check_duplicates,
    load_json,
    parse_count,
    parse_date,
    record_label,
)

NOTE_PREFIX = "dataset correction: "
# Fields that describe the record, not a category's correction.
_META = frozenset({"date", "day"})


def _signed(value: int) -> str:
    # A real minus sign: the note is read by people, beside other figures.
    return f"+{value}" if value > 0 else f"\u2212{-value}"


def correction_note(deltas: dict[str, int]) -> str:
    """'dataset correction: Tanks −5, Drones +49' in category order; zeros are left out."""
    from desktop_app.core.categories import BY_KEY, order_index

    parts = [
        f"{BY_KEY[key].label_en} {_signed(value)}"
        for key, value in sorted(deltas.items(), key=lambda kv: order_index(kv[0]))
        if value
    ]
    return NOTE_PREFIX + ", ".join(parts) if parts else ""


def _record(obj: Any, where: str, file: str | None) -> tuple[dt.date, str]:
    if not isinstance(obj, dict):
        raise ImportFormatError("expected an object", file=file, record=where)
    record = record_label(where, obj.get("date"))
    check_duplicates(obj, file=file, record=record)
    date = parse_date(obj.get("date"), file=file, record=record)
    deltas: dict[str, int] = {}
    for name, value in obj.items():
        if name in _META:
            continue
        cat = BY_PETROIVANIUK.get(name)
        if cat is None:
            continue  # like the dataset reader: unknown fields are ignored
        count = parse_count(value, file=file, record=record, field=name, signed=True)
        if count:
            deltas[cat.key] = count
    return date, correction_note(deltas)


def read_corrections(text: str, *, source: str = "") -> dict[dt.date, str]:
    """Date → note text for every day with a non-zero correction."""
    file = source or None
    doc = load_json(text, file=file)
    if not isinstance(doc, list):
        raise ImportFormatError("expected a JSON array of daily records", file=file)
    notes: dict[dt.date, str] = {}
    for index, obj in enumerate(doc):
        date, note = _record(obj, f"#{index + 1}", file)
        if note:
            notes[date] = f"{notes[date]}; {note}" if date in notes else note
    return notes


# A correction is a handful of units; a cumulative total is in the hundreds or thousands.
_SMALL = 100


def looks_like_corrections(doc: Any, name: str) -> bool:
    """Deltas, not totals: the file is named so, or it has a negative figure and most of its
    figures are small (within ±100, zeros included), as the dataset's corrections are.

    A totals file with one negative value (a typo, a broken export) is mostly large positive
    counts, so it stays a totals file and its reader names the negative total.
    """
    if "correction" in name.lower():
        return True
    if not isinstance(doc, list):
        return False
    values: list[Decimal] = []
    for rec in doc:
        if not isinstance(rec, dict):
            continue
        for key, value in rec.items():
            if key not in BY_PETROIVANIUK or isinstance(value, bool):
                continue
            if isinstance(value, int | float | Decimal) and value == value:  # NaN says nothing
                values.append(Decimal(value))
    if not any(value < 0 for value in values):
        return False
    small = sum(1 for value in values if abs(value) <= _SMALL)
    return small * 2 > len(values)
