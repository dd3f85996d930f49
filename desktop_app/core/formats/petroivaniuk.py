"""Reader for the PetroIvaniuk 2022-Ukraine-Russia-War-Dataset, JSON and CSV editions.

The dataset comes as two files, one record a day: ``russia_losses_equipment.json`` (one field
per equipment category, plus ``greatest losses direction`` in 2022) and
``russia_losses_personnel.json`` (``personnel`` and its qualifier ``personnel*``). Fields come
and go over the years; a missing, null or NaN field means "not reported that day", never zero.
The dataset states totals only, so every Figure's change is None.

The corrections file of the same dataset (``russia_losses_equipment_correction.json``) has
the same field names but holds daily deltas; a record with both personnel and equipment
figures is refused, so deltas are never imported as totals.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop_app.core.categories import BY_KEY, BY_PETROIVANIUK
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats._common import (
    cell_value,
    check_duplicates,
    decode_text,
    describe,
    load_json,
    parse_count,
    parse_date,
    parse_note,
    record_label,
    require_content,
)
from desktop_app.core.report import Figure, LossReport

EQUIPMENT_FILE = "russia_losses_equipment.json"
PERSONNEL_FILE = "russia_losses_personnel.json"

DATE_FIELD = "date"
QUALIFIER_FIELD = "personnel*"
NOTE_FIELD = "greatest losses direction"

EQUIPMENT = "equipment"
PERSONNEL = "personnel"

_PERSONNEL_FIELD = BY_KEY["personnel"].petroivaniuk
# The dataset writes "about" and "more"; the program's qualifiers read "about" / "more than".
_QUALIFIERS = {"about": "about", "more": "more than", "more than": "more than"}
_PERSONNEL_FIELDS = frozenset({_PERSONNEL_FIELD, QUALIFIER_FIELD})
_EQUIPMENT_FIELDS = (frozenset(BY_PETROIVANIUK) - _PERSONNEL_FIELDS) | {NOTE_FIELD}
_KNOWN_FIELDS = _PERSONNEL_FIELDS | _EQUIPMENT_FIELDS


@dataclass
class _Day:
    """One record, read: its date, its figures, and which of the two files it belongs to."""

    date: dt.date
    label: str
    figures: dict[str, Figure] = field(default_factory=dict)
    qualifier: str | None = None
    note: str | None = None
    kind: str | None = None


def _parse_qualifier(value: Any, *, file: str | None, record: str) -> str | None:
    note = parse_note(value, file=file, record=record, field=QUALIFIER_FIELD)
    if note is None:
        return None
    qualifier = _QUALIFIERS.get(note.lower())
    if qualifier is None:
        raise ImportFormatError(
            f"unknown qualifier {note[:40]!r}: expected 'about' or 'more'",
            file=file,
            record=record,
            field=QUALIFIER_FIELD,
        )
    return qualifier


def _present(value: Any) -> bool:
    """Whether a raw value states something (null, NaN and blank text state nothing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    return not (isinstance(value, float | Decimal) and value != value)  # NaN != NaN


def _read_record(rec: Mapping[str, Any], where: str, *, file: str | None) -> _Day:
    """One daily record (a JSON object, or a CSV row turned into one) as a _Day."""
    raw_date = rec.get(DATE_FIELD)
    label = record_label(where, raw_date)
    check_duplicates(rec, file=file, record=label)
    date = parse_date(raw_date, file=file, record=label)
    # Tell the file apart before reading values: the corrections file's negative deltas
    # would otherwise be reported as "negative total", hiding what the file really is.
    kinds = {
        PERSONNEL if name in _PERSONNEL_FIELDS else EQUIPMENT
        for name, value in rec.items()
        if name in _KNOWN_FIELDS and _present(value)
    }
    if len(kinds) > 1:
        raise ImportFormatError(
            "the record has both personnel and equipment figures; this looks like the"
            " corrections file (daily changes, not totals): import "
            f"{EQUIPMENT_FILE} and {PERSONNEL_FILE} instead",
            file=file,
            record=label,
        )
    day = _Day(date, label, kind=kinds.pop() if kinds else None)
    for name, value in rec.items():
        cat = BY_PETROIVANIUK.get(name)
        if cat is None:
            continue  # "day", "POW" and fields added to the dataset after this program
        total = parse_count(value, file=file, record=label, field=name)
        if total is not None:
            day.figures[cat.key] = Figure(total)
    day.note = parse_note(rec.get(NOTE_FIELD), file=file, record=label, field=NOTE_FIELD)
    # The qualifier qualifies the personnel figure; without the figure it says nothing.
    qualifier = _parse_qualifier(rec.get(QUALIFIER_FIELD), file=file, record=label)
    day.qualifier = qualifier if "personnel" in day.figures else None
    return day


def _read_records(
    records: Iterable[tuple[str, Mapping[str, Any]]],
    *,
    file: str | None,
    expect: str | None,
) -> list[_Day]:
    """Read every record of one file; all records must belong to the same one of the two files.

    expect names the file the caller was given (equipment or personnel); None detects it
    from the first record with figures.
    """
    days: list[_Day] = []
    first_of_date: dict[dt.date, str] = {}
    kind = expect
    recognised = False
    for where, rec in records:
        recognised = recognised or any(name in _KNOWN_FIELDS for name in rec)
        day = _read_record(rec, where, file=file)
        if day.kind is not None:
            if kind is None:
                kind = day.kind
            elif day.kind != kind:
                raise ImportFormatError(
                    f"{day.kind} figures in the {kind} file (the dataset keeps them in"
                    f" {PERSONNEL_FILE if day.kind == PERSONNEL else EQUIPMENT_FILE})",
                    file=file,
                    record=day.label,
                )
        if day.date in first_of_date:
            raise ImportFormatError(
                f"duplicate date {day.date.isoformat()}: record {first_of_date[day.date]}"
                " has the same date",
                file=file,
                record=day.label,
                field=DATE_FIELD,
            )
        first_of_date[day.date] = day.label
        days.append(day)
    if days and not recognised:
        raise ImportFormatError(
            "no PetroIvaniuk loss fields (such as 'tank' or 'personnel') in the file",
            file=file,
        )
    return days


def _merge(days: Iterable[_Day]) -> list[LossReport]:
    """One report per date, sorted; a personnel and an equipment record of a day combine."""
    by_date: dict[dt.date, _Day] = {}
    for day in days:
        known = by_date.get(day.date)
        if known is None:
            by_date[day.date] = _Day(
                day.date, day.label, dict(day.figures), day.qualifier, day.note, day.kind
            )
            continue
        # The two files hold disjoint fields (checked per file), so nothing is overwritten.
        known.figures.update(day.figures)
        known.qualifier = known.qualifier or day.qualifier
        known.note = known.note or day.note
    return [
        LossReport(date=d.date, figures=d.figures, qualifier=d.qualifier, note=d.note)
        for d in sorted(by_date.values(), key=lambda d: d.date)
    ]


def _json_records(data: bytes | str, *, file: str | None) -> list[tuple[str, Mapping[str, Any]]]:
    doc = load_json(decode_text(data, file=file), file=file)
    if not isinstance(doc, list):
        raise ImportFormatError(
            f"expected a JSON array of daily records, got {describe(doc)}", file=file
        )
    records: list[tuple[str, Mapping[str, Any]]] = []
    for index, rec in enumerate(doc, start=1):
        if not isinstance(rec, dict):
            raise ImportFormatError(
                f"expected an object, got {describe(rec)}", file=file, record=f"#{index}"
            )
        records.append((f"#{index}", rec))
    return records


def read_petroivaniuk(
    equipment: bytes | str | None,
    personnel: bytes | str | None,
    *,
    source: str = "",
) -> list[LossReport]:
    """Both JSON files of the dataset (either may be None), merged into one report a day.

    Errors name ``source`` as the file when given, otherwise the dataset's own file name of
    the part at fault.
    """
    days: list[_Day] = []
    if equipment is not None:
        file = source or EQUIPMENT_FILE
        days += _read_records(_json_records(equipment, file=file), file=file, expect=EQUIPMENT)
    if personnel is not None:
        file = source or PERSONNEL_FILE
        days += _read_records(_json_records(personnel, file=file), file=file, expect=PERSONNEL)
    return _merge(days)


def read_petroivaniuk_json(text: bytes | str, *, source: str = "") -> list[LossReport]:
    """One JSON file of the dataset, equipment or personnel (told apart by its fields).

    Storage merges reports of the same date, so the two files can be imported one by one.
    """
    file = source or None
    return _merge(_read_records(_json_records(text, file=file), file=file, expect=None))


def _csv_rows(text: str, *, file: str | None) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The rows of a pandas-written CSV as (where, record) pairs shaped like JSON records."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    index_column = False
    while True:
        start = reader.line_num + 1  # a quoted cell may span lines: name the row's first
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFormatError(
                f"malformed CSV: {exc}", file=file, record=f"line {reader.line_num}"
            ) from None
        if not any(cell.strip() for cell in row):
            continue  # blank lines carry nothing (a trailing newline, an editor's extra line)
        where = f"line {start}"
        if header is None:
            header = [cell.strip() for cell in row]
            # pandas writes its index as a first column with an empty name.
            index_column = header[0] == "" or header[0].startswith("Unnamed:")
            if index_column:
                header = header[1:]
            _check_header(header, file=file, where=where)
            continue
        if len(row) != len(header) + index_column:
            raise ImportFormatError(
                f"expected {len(header) + index_column} cells as in the header, found {len(row)}",
                file=file,
                record=where,
            )
        cells = row[1:] if index_column else row
        rec: dict[str, Any] = {}
        for name, cell in zip(header, cells, strict=True):
            if name in BY_PETROIVANIUK:
                rec[name] = cell_value(cell)
            elif name in (DATE_FIELD, QUALIFIER_FIELD, NOTE_FIELD):
                rec[name] = cell.strip() or None
        yield where, rec


def _check_header(header: list[str], *, file: str | None, where: str) -> None:
    if DATE_FIELD not in header:
        raise ImportFormatError(
            "no 'date' column in the header", file=file, record=where, field=DATE_FIELD
        )
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            raise ImportFormatError(
                "the column appears twice in the header", file=file, record=where, field=name
            )
        seen.add(name)


def read_petroivaniuk_csv(text: str | bytes, *, source: str = "") -> list[LossReport]:
    """The CSV edition of one dataset file (equipment or personnel), pandas layout.

    A leading unnamed index column is dropped, empty cells are missing figures, and whole
    numbers written as ``100.0`` are read as 100. Errors name the line.
    """
    file = source or None
    text = decode_text(text, file=file)
    require_content(text, file=file)
    return _merge(_read_records(_csv_rows(text, file=file), file=file, expect=None))
