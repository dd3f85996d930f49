"""Property tests: random daily series survive a trip through the dataset formats, and no
input whatsoever makes a reader or the detector fail with anything but ImportFormatError.

HYPOTHESIS_PROFILE=ci runs 2000 examples per test (about 45 s for this file on one core).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.categories import BY_API, CATEGORIES
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats import (
    FORMATS,
    detect_format,
    read_petroivaniuk,
    read_petroivaniuk_csv,
    read_petroivaniuk_json,
    read_russianwarship,
)
from desktop_app.core.formats.petroivaniuk import NOTE_FIELD, QUALIFIER_FIELD
from desktop_app.core.report import WAR_START, Figure, LossReport, day_of_war

# (program key, dataset field name) for the categories the dataset has.
EQUIPMENT = [(c.key, c.petroivaniuk) for c in CATEGORIES if c.petroivaniuk and c.key != "personnel"]
PERSONNEL_FIELD = "personnel"
QUALIFIERS = {"about": "about", "more": "more than"}
MISSING = ("omit", "null", "nan")
Quoting = Literal[0, 1, 2, 3]  # csv.QUOTE_*, as typeshed spells the parameter


@dataclass(frozen=True)
class Day:
    date: dt.date
    figures: dict[str, int]
    qualifier: str | None  # as the dataset writes it: "about" / "more"
    note: str | None


notes = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
ALL_KEYS = [*(key for key, _ in EQUIPMENT), "personnel"]
# Figures of every size, from 0 to beyond anything real (the readers accept up to 2**63-1).
MAGNITUDES = (1, 10, 10**4, 10**7, 10**12)


class Choices:
    """Many small choices taken from one drawn integer.

    Hundreds of separate draws per example made the round trips several times slower;
    one big integer shrinks towards 0, which here means "absent" and "written plainly".
    """

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def take(self, options: int) -> int:
        self.seed, choice = divmod(self.seed, options)
        return choice


def _choices(draw: st.DrawFn, bits: int = 256) -> Choices:
    return Choices(draw(st.integers(min_value=0, max_value=2**bits)))


def _figures(pick: Choices) -> dict[str, int]:
    figures = {}
    for key in ALL_KEYS:
        if pick.take(3):  # two in three present, about as often as in the real files
            figures[key] = pick.take(MAGNITUDES[pick.take(len(MAGNITUDES))] + 1)
    return figures


@st.composite
def days(draw: st.DrawFn) -> list[Day]:
    dates = draw(
        st.lists(
            st.dates(min_value=WAR_START, max_value=dt.date(2026, 8, 8)),
            unique=True,
            max_size=10,
        )
    )
    return [
        Day(
            date,
            _figures(_choices(draw, bits=1024)),
            draw(st.sampled_from([None, "about", "more"])),
            draw(st.none() | notes),
        )
        for date in dates
    ]


def expected_reports(series: list[Day], *, equipment: bool, personnel: bool) -> list[LossReport]:
    out = []
    for day in sorted(series, key=lambda d: d.date):
        figures = {
            key: Figure(total)
            for key, total in day.figures.items()
            if (key == "personnel" and personnel) or (key != "personnel" and equipment)
        }
        has_personnel = "personnel" in figures
        qualifier = QUALIFIERS[day.qualifier] if day.qualifier and has_personnel else None
        note = ((day.note or "").strip() or None) if equipment else None
        out.append(LossReport(day.date, figures, qualifier=qualifier, note=note))
    return out


def _put(record: dict[str, Any], name: str, value: Any, pick: Choices, *, keep_key: bool) -> None:
    """Write a value, or a missing value in one of the dataset's three spellings."""
    if value is None:
        style = MISSING[1 + pick.take(2)] if keep_key else MISSING[pick.take(3)]
        if style != "omit":
            record[name] = None if style == "null" else float("nan")
    elif isinstance(value, int) and pick.take(2):
        record[name] = float(value)  # pandas writes whole numbers as 100.0
    else:
        record[name] = value


@st.composite
def petroivaniuk_json(draw: st.DrawFn) -> tuple[list[Day], str, str]:
    series = draw(days())
    equipment: list[dict[str, Any]] = []
    personnel: list[dict[str, Any]] = []
    for index, day in enumerate(series):
        # The first record always names a field, as every real file does.
        first = index == 0
        pick = _choices(draw)
        eq: dict[str, Any] = {"date": day.date.isoformat(), "day": day_of_war(day.date)}
        for key, name in EQUIPMENT:
            _put(eq, name, day.figures.get(key), pick, keep_key=first and key == "tanks")
        _put(eq, NOTE_FIELD, day.note, pick, keep_key=False)
        pe: dict[str, Any] = {"date": day.date.isoformat(), "day": day_of_war(day.date)}
        _put(pe, PERSONNEL_FIELD, day.figures.get("personnel"), pick, keep_key=first)
        _put(pe, QUALIFIER_FIELD, day.qualifier, pick, keep_key=False)
        if pick.take(2):
            pe["POW"] = pick.take(1000)
        equipment.append(eq)
        personnel.append(pe)
    indent = draw(st.sampled_from([None, 4]))
    return series, json.dumps(equipment, indent=indent), json.dumps(personnel, indent=indent)


def _csv(header: list[str], rows: list[list[str]], *, newline: str, quoting: Quoting) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline, quoting=quoting)
    writer.writerow(["", *header])  # pandas' unnamed index column
    for index, row in enumerate(rows):
        writer.writerow([str(index), *row])
    return out.getvalue()


def _cell(value: int | None, pick: Choices) -> str:
    if value is None:
        return ""
    return f"{value}.0" if pick.take(2) else str(value)


@st.composite
def petroivaniuk_csv(draw: st.DrawFn) -> tuple[list[Day], str, str]:
    series = draw(days())
    pick = _choices(draw)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    quote_all = draw(st.booleans())
    if newline == "\n" and any("\r" in (day.note or "") for day in series):
        # csv (and so pandas) leaves a lone CR unquoted when lines end in LF alone, which
        # breaks the file for every reader; quote everything, as a careful writer would.
        quote_all = True
    quoting: Quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    eq_rows = [
        [day.date.isoformat(), str(day_of_war(day.date))]
        + [_cell(day.figures.get(key), pick) for key, _ in EQUIPMENT]
        + [day.note or ""]
        for day in series
    ]
    eq_header = ["date", "day", *(name for _, name in EQUIPMENT), NOTE_FIELD]
    pe_rows = [
        [day.date.isoformat(), _cell(day.figures.get("personnel"), pick), day.qualifier or ""]
        for day in series
    ]
    pe_header = ["date", PERSONNEL_FIELD, QUALIFIER_FIELD]
    return (
        series,
        _csv(eq_header, eq_rows, newline=newline, quoting=quoting),
        _csv(pe_header, pe_rows, newline=newline, quoting=quoting),
    )


@given(petroivaniuk_json())
def test_json_round_trip(case: tuple[list[Day], str, str]) -> None:
    series, equipment, personnel = case
    assert read_petroivaniuk(equipment, personnel) == expected_reports(
        series, equipment=True, personnel=True
    )
    assert read_petroivaniuk_json(equipment.encode()) == expected_reports(
        series, equipment=True, personnel=False
    )
    assert read_petroivaniuk_json(personnel) == expected_reports(
        series, equipment=False, personnel=True
    )
    if series:
        assert detect_format("e.json", equipment.encode()) == "petroivaniuk-json"
        assert detect_format("p.json", personnel.encode()) == "petroivaniuk-json"


@given(petroivaniuk_csv())
def test_csv_round_trip(case: tuple[list[Day], str, str]) -> None:
    series, equipment, personnel = case
    assert read_petroivaniuk_csv(equipment) == expected_reports(
        series, equipment=True, personnel=False
    )
    assert read_petroivaniuk_csv(personnel.encode()) == expected_reports(
        series, equipment=False, personnel=True
    )
    assert detect_format("e.csv", equipment.encode()) == "petroivaniuk-csv"
    assert detect_format("p.csv", personnel.encode()) == "petroivaniuk-csv"


# --- nothing but ImportFormatError ---------------------------------------------------------


def _check_reports(reports: list[LossReport]) -> None:
    """Whatever a reader accepts is sane: sorted unique dates, whole non-negative totals."""
    dates = [r.date for r in reports]
    assert all(d is not None for d in dates)
    assert len(set(dates)) == len(dates)
    assert dates == sorted(d for d in dates if d is not None)
    for report in reports:
        for fig in report.figures.values():
            assert type(fig.total) is int and fig.total >= 0
            assert fig.change is None or type(fig.change) is int


def _only_import_errors(data: bytes) -> None:
    readers: list[Callable[[], list[LossReport]]] = [
        lambda: read_petroivaniuk_json(data, source="x"),
        lambda: read_petroivaniuk_csv(data, source="x"),
        lambda: read_russianwarship(data, source="x"),
        lambda: read_petroivaniuk(data, data, source="x"),
    ]
    for read in readers:
        try:
            _check_reports(read())
        except ImportFormatError as exc:
            assert str(exc)
    try:
        assert detect_format("x", data) in FORMATS
    except ImportFormatError as exc:
        assert exc.file == "x"


@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    _only_import_errors(data)


@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    _only_import_errors(text.encode("utf-8", "surrogatepass"))


# Values and keys close to the real ones, so that the readers get past the first checks.
_FIELD_NAMES = sorted(
    {c.petroivaniuk for c in CATEGORIES if c.petroivaniuk}
    | set(BY_API)
    | {"date", "day", QUALIFIER_FIELD, NOTE_FIELD, "stats", "increase", "data", "records"}
    | {"message", "errors", "paging", "frontline_archive"}
)
_leaves = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.decimals(allow_nan=False, allow_infinity=False).map(float)
    | st.text(max_size=12)
    | st.sampled_from(["about", "more", "2022-02-30", "NaN"])
    | st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2027, 1, 1)).map(dt.date.isoformat)
)
_json_values = st.recursive(
    _leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(_FIELD_NAMES) | st.text(max_size=6), children, max_size=6)
    ),
    max_leaves=20,
)


@given(_json_values)
def test_arbitrary_json(value: Any) -> None:
    _only_import_errors(json.dumps(value).encode())


@given(
    st.lists(
        st.lists(
            st.sampled_from([*_FIELD_NAMES, "", "1", "1.0", "-1", "x", "2022-03-01"])
            | st.text(max_size=8),
            max_size=6,
        ),
        max_size=6,
    )
)
def test_arbitrary_csv(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    _only_import_errors(out.getvalue().encode("utf-8", "surrogatepass"))


# Documents shaped like the real ones with some values replaced by anything: these get past
# the outer checks into the per-field code, which the shapeless inputs above rarely reach.
def _mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """good nine times in ten: one bad value in a record is enough to stop a reader.

    (Not i == 0: Hypothesis draws the ends of a range far more often than the middle.)
    """
    return st.integers(min_value=0, max_value=9).flatmap(lambda i: bad if i == 5 else good)


_plausible = _mostly(
    st.integers(min_value=0, max_value=10**6)
    | st.integers(min_value=0, max_value=10**6).map(float)
    | st.sampled_from([None, float("nan")]),
    _leaves,
)
_date_values = _mostly(
    st.dates(min_value=dt.date(2022, 2, 24), max_value=dt.date(2026, 8, 8)).map(dt.date.isoformat)
    # A narrow range, so that duplicate dates come up.
    | st.dates(min_value=dt.date(2022, 2, 24), max_value=dt.date(2022, 3, 1)).map(
        dt.date.isoformat
    ),
    _leaves,
)
_FIELD_VALUES = {
    QUALIFIER_FIELD: _mostly(st.sampled_from(["about", "more", "", None]), _leaves),
    NOTE_FIELD: _mostly(st.none() | notes, _leaves),
}
_EQUIPMENT_FIELDS = [name for _, name in EQUIPMENT] + [NOTE_FIELD, "day"]
_PERSONNEL_FIELDS = [PERSONNEL_FIELD, QUALIFIER_FIELD, "POW", "day"]


def _petro_records(fields: list[str]) -> st.SearchStrategy[list[dict[str, Any]]]:
    record = st.fixed_dictionaries(
        {"date": _date_values},
        optional={name: _FIELD_VALUES.get(name, _plausible) for name in fields},
    )
    return st.lists(record, max_size=4)


@given(
    st.sampled_from(
        [_EQUIPMENT_FIELDS, _PERSONNEL_FIELDS, _EQUIPMENT_FIELDS + _PERSONNEL_FIELDS]
    ).flatmap(_petro_records)
)
def test_petroivaniuk_shaped_json(records: list[dict[str, Any]]) -> None:
    data = json.dumps(records).encode()
    _only_import_errors(data)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=sorted({k for r in records for k in r}))
    writer.writeheader()
    writer.writerows(records)
    _only_import_errors(out.getvalue().encode("utf-8", "surrogatepass"))


_api_numbers = st.dictionaries(
    st.sampled_from(sorted(BY_API)) | st.text(max_size=5), _plausible, max_size=8
)
_api_record = st.fixed_dictionaries(
    {"date": _date_values, "stats": _mostly(_api_numbers, _leaves)},
    optional={
        "increase": _mostly(_api_numbers, _leaves),
        "day": _leaves,
        "resource": st.text(),
    },
)


@given(
    st.fixed_dictionaries(
        {
            "message": st.text(max_size=10),
            "data": _api_record
            | st.fixed_dictionaries({"records": st.lists(_api_record, max_size=3)}),
        },
        optional={"errors": _json_values},
    )
)
def test_russianwarship_shaped_json(doc: dict[str, Any]) -> None:
    _only_import_errors(json.dumps(doc).encode())
