"""Reader for saved responses of the russianwarship.rip API (v1 and v2).

A response holds one day (``data`` is the record) or a page of days (``data.records``).
A record's ``stats`` are the cumulative totals and ``increase`` the change the source stated.
Keys unknown to the program (``war_status``, keys the API adds later) are ignored; so is the
``resource`` link, since a LossReport has no place for it. An error response
(``{"message": ..., "errors": {...}}``) becomes an ImportFormatError quoting the message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from desktop_app.core.categories import BY_API
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats._common import (
    check_duplicates,
    decode_text,
    describe,
    load_json,
    parse_count,
    parse_date,
    record_label,
)
from desktop_app.core.report import Figure, LossReport

STATS = "stats"
INCREASE = "increase"


def _error_text(errors: Any) -> str:
    """The API's validation errors ({"date": ["The date is invalid."]}) as one short line."""
    if isinstance(errors, Mapping):
        parts = []
        for key, value in errors.items():
            items = value if isinstance(value, list) else [value]
            parts.append(f"{key}: {'; '.join(str(v) for v in items)}")
        text = ", ".join(parts)
    else:
        text = str(errors)
    return text if len(text) <= 200 else text[:197] + "..."


def _numbers(obj: Any, *, name: str, file: str | None, record: str, signed: bool) -> dict[str, int]:
    """The known keys of a stats / increase object as counts; missing or null values left out."""
    if not isinstance(obj, Mapping):
        raise ImportFormatError(
            f"expected an object, got {describe(obj)}", file=file, record=record, field=name
        )
    check_duplicates(obj, file=file, record=record, prefix=f"{name}.")
    out: dict[str, int] = {}
    for key, value in obj.items():
        cat = BY_API.get(key)
        if cat is None:
            continue
        count = parse_count(value, file=file, record=record, field=f"{name}.{key}", signed=signed)
        if count is not None:
            out[cat.key] = count
    return out


def _read_record(rec: Any, where: str, *, file: str | None) -> LossReport:
    if not isinstance(rec, Mapping):
        raise ImportFormatError(f"expected an object, got {describe(rec)}", file=file, record=where)
    label = record_label(where, rec.get("date"))
    check_duplicates(rec, file=file, record=label)
    date = parse_date(rec.get("date"), file=file, record=label)
    if rec.get(STATS) is None:
        raise ImportFormatError("the record has no stats", file=file, record=label, field=STATS)
    totals = _numbers(rec[STATS], name=STATS, file=file, record=label, signed=False)
    # The stated change can be negative: the General Staff corrects its totals now and then.
    increase = rec.get(INCREASE)
    changes = (
        {}
        if increase is None
        else _numbers(increase, name=INCREASE, file=file, record=label, signed=True)
    )
    # A change without its total says nothing the program can store; it is dropped.
    figures = {key: Figure(total, changes.get(key)) for key, total in totals.items()}
    return LossReport(date=date, figures=figures)


def read_russianwarship(text: str | bytes, *, source: str = "") -> list[LossReport]:
    """The reports in a saved API response (one day or a page), sorted by date."""
    file = source or None
    doc = load_json(decode_text(text, file=file), file=file)
    if not isinstance(doc, Mapping):
        raise ImportFormatError(
            f"expected a JSON object (an API response), got {describe(doc)}", file=file
        )
    check_duplicates(doc, file=file, record=None)
    data = doc.get("data")
    if data is None:
        message = doc.get("message")
        shown = str(message)[:200] if message is not None else "no message"
        if "errors" in doc:
            raise ImportFormatError(
                f"the API answered with an error: {shown!r} ({_error_text(doc['errors'])})",
                file=file,
            )
        raise ImportFormatError(
            f"the response has no data (message: {shown!r})", file=file, field="data"
        )
    if isinstance(data, list):
        records: list[Any] | None = data
    elif isinstance(data, Mapping) and "records" in data:
        check_duplicates(data, file=file, record=None, prefix="data.")
        records = data["records"]
        if not isinstance(records, list):
            raise ImportFormatError(
                f"expected a list, got {describe(records)}", file=file, field="data.records"
            )
    else:
        records = None
    if records is None:
        reports = [_read_record(data, "", file=file)]
    else:
        reports = [
            _read_record(rec, f"#{index}", file=file) for index, rec in enumerate(records, 1)
        ]
    seen: dict[dt.date, int] = {}
    for index, report in enumerate(reports, start=1):
        assert report.date is not None  # every record's date was parsed above
        if report.date in seen:
            raise ImportFormatError(
                f"duplicate date {report.date.isoformat()}: record #{seen[report.date]}"
                " has the same date",
                file=file,
                record=f"#{index} ({report.date.isoformat()})",
                field="date",
            )
        seen[report.date] = index
    return sorted(reports, key=lambda r: r.date or dt.date.min)
