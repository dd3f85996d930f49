"""The PetroIvaniuk readers on files written here, well-formed and malformed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats import (
    read_petroivaniuk,
    read_petroivaniuk_csv,
    read_petroivaniuk_json,
)
from desktop_app.core.formats._common import MAX_NOTE_LENGTH
from desktop_app.core.report import Figure

EQUIPMENT_ROW: dict[str, Any] = {
    "date": "2022-03-08",
    "day": 13,
    "aircraft": 46,
    "helicopter": 68,
    "tank": 303,
    "APC": 1036,
    "field artillery": 120,
    "MRL": 56,
    "military auto": 474,
    "fuel tank": 60,
    "drone": 7,
    "naval ship": 3,
    "anti-aircraft warfare": 27,
}


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def _rows(count: int) -> list[dict[str, Any]]:
    """count consecutive equipment rows from 2022-02-25, tanks rising by one a day."""
    start = dt.date(2022, 2, 25)
    return [
        {"date": (start + dt.timedelta(days=i)).isoformat(), "day": i + 2, "tank": 80 + i}
        for i in range(count)
    ]


def _error(content: str | bytes, *, source: str = "bad.json") -> ImportFormatError:
    with pytest.raises(ImportFormatError) as info:
        read_petroivaniuk_json(content, source=source)
    return info.value


# --- well-formed JSON -----------------------------------------------------------------------


def test_equipment_row_maps_fields(tmp_path: Path) -> None:
    path = _write(tmp_path, "eq.json", json.dumps([EQUIPMENT_ROW], indent=4))
    [report] = read_petroivaniuk_json(path.read_bytes())
    assert report.date == dt.date(2022, 3, 8)
    assert report.figures == {
        "tanks": Figure(303),
        "armored_vehicles": Figure(1036),
        "artillery": Figure(120),
        "mlrs": Figure(56),
        "air_defense": Figure(27),
        "aircraft": Figure(46),
        "helicopters": Figure(68),
        "drones": Figure(7),
        "ships": Figure(3),
        "military_vehicles": Figure(474),
        "fuel_tanks": Figure(60),
    }
    assert report.qualifier is None and report.note is None


def test_nan_null_and_missing_mean_absent_not_zero(tmp_path: Path) -> None:
    # Python and pandas write the bare NaN token; json accepts it and so do we.
    text = (
        '[{"date": "2022-05-01", "day": 67, "tank": 1026, "APC": NaN, "MRL": null,'
        ' "vehicles and fuel tanks": 1796.0, "mobile SRBM system": NaN,'
        ' "greatest losses direction": NaN}]'
    )
    path = _write(tmp_path, "eq.json", text)
    [report] = read_petroivaniuk_json(path.read_text("utf-8"))
    assert report.figures == {"tanks": Figure(1026), "vehicles_fuel_tanks": Figure(1796)}
    assert report.note is None


def test_whole_floats_become_ints_and_exponents_are_read_exactly() -> None:
    [report] = read_petroivaniuk_json(
        '[{"date": "2022-03-01", "tank": 100.0, "APC": 1.0e3, "drone": 0.0}]'
    )
    assert report.figures["tanks"] == Figure(100)
    assert isinstance(report.figures["tanks"].total, int)
    assert report.figures["armored_vehicles"] == Figure(1000)
    assert report.figures["drones"] == Figure(0)


def test_personnel_file_qualifiers_and_unknown_keys() -> None:
    text = json.dumps(
        [
            {"date": "2022-03-07", "day": 12, "personnel": 11000, "personnel*": "more", "POW": 259},
            {"date": "2022-03-08", "day": 13, "personnel": 12000, "personnel*": "about"},
            {"date": "2022-03-09", "day": 14, "personnel": 12000, "brand new field": [1, 2]},
        ]
    )
    reports = read_petroivaniuk_json(text)
    assert [r.qualifier for r in reports] == ["more than", "about", None]
    assert [r.figures for r in reports] == [
        {"personnel": Figure(11000)},
        {"personnel": Figure(12000)},
        {"personnel": Figure(12000)},
    ]


def test_qualifier_without_a_personnel_figure_is_dropped() -> None:
    [report] = read_petroivaniuk_json(
        '[{"date": "2022-03-07", "personnel": NaN, "personnel*": "about"}]'
    )
    assert report.figures == {}
    assert report.qualifier is None


def test_merge_by_date_sorted_and_partial_days(tmp_path: Path) -> None:
    equipment = [
        {"date": "2022-02-26", "tank": 146, "greatest losses direction": " Kyiv "},
        {"date": "2022-02-25", "tank": 80},
    ]
    personnel = [
        {"date": "2022-02-25", "personnel": 2800, "personnel*": "about"},
        {"date": "2022-02-27", "personnel": 4500, "personnel*": "about"},
    ]
    eq = _write(tmp_path, "e.json", json.dumps(equipment))
    pe = _write(tmp_path, "p.json", json.dumps(personnel))
    reports = read_petroivaniuk(eq.read_bytes(), pe.read_text("utf-8"))
    assert [r.date for r in reports] == [
        dt.date(2022, 2, 25),
        dt.date(2022, 2, 26),
        dt.date(2022, 2, 27),
    ]
    assert reports[0].figures == {"personnel": Figure(2800), "tanks": Figure(80)}
    assert reports[0].qualifier == "about"
    assert reports[1].figures == {"tanks": Figure(146)}
    assert reports[1].note == "Kyiv"
    assert reports[2].figures == {"personnel": Figure(4500)}


def test_either_file_may_be_missing() -> None:
    only_eq = read_petroivaniuk('[{"date": "2022-02-25", "tank": 80}]', None)
    assert [r.figures for r in only_eq] == [{"tanks": Figure(80)}]
    only_pe = read_petroivaniuk(None, b'[{"date": "2022-02-25", "personnel": 2800}]')
    assert [r.figures for r in only_pe] == [{"personnel": Figure(2800)}]
    assert read_petroivaniuk(None, None) == []


def test_swapped_files_are_refused() -> None:
    personnel = '[{"date": "2022-02-25", "personnel": 2800, "personnel*": "about"}]'
    with pytest.raises(ImportFormatError) as info:
        read_petroivaniuk(personnel, None)
    message = str(info.value)
    assert "russia_losses_equipment.json" in message
    assert "record #1 (2022-02-25)" in message
    assert "personnel figures in the equipment file" in message


def test_utf8_bom_is_tolerated() -> None:
    data = b"\xef\xbb\xbf" + json.dumps([EQUIPMENT_ROW]).encode()
    assert len(read_petroivaniuk_json(data)) == 1
    assert len(read_petroivaniuk_json(data.decode("utf-8"))) == 1


def test_empty_array_gives_no_reports() -> None:
    assert read_petroivaniuk_json("[]") == []


def test_note_of_the_longest_allowed_length_is_kept() -> None:
    note = "D" * MAX_NOTE_LENGTH
    [report] = read_petroivaniuk_json(
        json.dumps([{"date": "2022-04-25", "tank": 1, "greatest losses direction": note}])
    )
    assert report.note == note


# --- malformed JSON: each error names the file, the record and the field ----------------


def test_truncated_json(tmp_path: Path) -> None:
    text = json.dumps(_rows(3), indent=4)
    path = _write(tmp_path, "cut.json", text[: len(text) // 2])
    err = _error(path.read_bytes(), source="cut.json")
    assert str(err).startswith("cut.json: malformed JSON at line ")
    assert err.file == "cut.json"


def test_string_total_names_record_and_field() -> None:
    rows = _rows(12)
    rows[11]["tank"] = "303"
    err = _error(json.dumps(rows))
    assert err.record == "#12 (2022-03-08)"
    assert err.field == "tank"
    assert str(err) == (
        "bad.json, record #12 (2022-03-08), field 'tank': expected a whole number, got text '303'"
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (-5, "negative total -5"),
        (12.5, "expected a whole number, got 12.5"),
        (True, "expected a whole number, got true"),
        ([1], "expected a whole number, got a list"),
        ({"n": 1}, "expected a whole number, got an object"),
        (float("inf"), "expected a whole number, got inf"),
        (10**30, "is too large"),
    ],
)
def test_bad_totals(value: Any, reason: str) -> None:
    rows = _rows(2)
    rows[1]["APC"] = value
    err = _error(json.dumps(rows))
    assert err.record == "#2 (2022-02-26)"
    assert err.field == "APC"
    assert reason in str(err)


def test_list_instead_of_object() -> None:
    err = _error('[{"date": "2022-02-25", "tank": 1}, ["2022-02-26", 2]]')
    assert str(err) == "bad.json, record #2: expected an object, got a list"


def test_object_instead_of_array() -> None:
    err = _error('{"date": "2022-02-25", "tank": 1}')
    assert str(err) == "bad.json: expected a JSON array of daily records, got an object"


@pytest.mark.parametrize(
    ("date", "record"),
    [
        ("2022-02-30", "#1 (2022-02-30)"),
        ("08.03.2022", "#1 (08.03.2022)"),
        ("20220308", "#1 (20220308)"),
        (20220308, "#1"),
        (None, "#1"),
    ],
)
def test_bad_date(date: Any, record: str) -> None:
    err = _error(json.dumps([{"date": date, "tank": 1}]))
    assert err.record == record
    assert err.field == "date"


def test_missing_date() -> None:
    err = _error('[{"tank": 1}]')
    assert str(err) == "bad.json, record #1, field 'date': the date is missing"


def test_duplicate_date() -> None:
    rows = _rows(4)
    rows[3]["date"] = rows[1]["date"]
    err = _error(json.dumps(rows))
    assert err.record == "#4 (2022-02-26)"
    assert err.field == "date"
    assert "record #2 (2022-02-26) has the same date" in str(err)


def test_field_given_twice_in_one_record() -> None:
    err = _error('[{"date": "2022-02-25", "tank": 80, "tank": 81}]')
    assert err.record == "#1 (2022-02-25)"
    assert err.field == "tank"


def test_unknown_qualifier() -> None:
    err = _error('[{"date": "2022-02-25", "personnel": 2800, "personnel*": "exactly"}]')
    assert err.field == "personnel*"
    assert "unknown qualifier 'exactly'" in str(err)


def test_note_must_be_text() -> None:
    err = _error('[{"date": "2022-04-25", "tank": 1, "greatest losses direction": 5}]')
    assert err.field == "greatest losses direction"


def test_huge_note_is_refused_without_crashing(tmp_path: Path) -> None:
    """Decision: a direction name is short; a 10 MB note is garbage and is refused."""
    rows = _rows(2)
    rows[1]["greatest losses direction"] = "x" * 10_000_000
    path = _write(tmp_path, "huge.json", json.dumps(rows))
    err = _error(path.read_bytes(), source="huge.json")
    assert err.record == "#2 (2022-02-26)"
    assert err.field == "greatest losses direction"
    assert "10,000,000 characters is too long" in str(err)


def test_lone_surrogate_in_note_is_refused() -> None:
    err = _error('[{"date": "2022-04-25", "tank": 1, "greatest losses direction": "\\ud800"}]')
    assert err.field == "greatest losses direction"


def test_wrong_encoding_names_the_byte_offset() -> None:
    data = '[{"date": "2022-04-25", "greatest losses direction": "Kramatorsk é"}]'.encode("latin-1")
    err = _error(data, source="latin.json")
    assert str(err) == (
        "latin.json: not UTF-8 text: undecodable byte 0xe9 at byte offset 65"
        " (it looks like cp1250; save the file as UTF-8)"
    )


def test_empty_file() -> None:
    assert str(_error(b"")) == "bad.json: file is empty"
    assert str(_error("  \n")) == "bad.json: file is empty"


def test_deeply_nested_json_is_an_import_error() -> None:
    assert "nested too deeply" in str(_error("[" * 100_000))


def test_unrelated_json_array_is_refused() -> None:
    err = _error('[{"date": "2022-02-25", "temperature": 3}]')
    assert "no PetroIvaniuk loss fields" in str(err)


def test_error_without_source_can_be_attributed_later() -> None:
    with pytest.raises(ImportFormatError) as info:
        read_petroivaniuk_json('[{"date": "2022-02-25", "tank": -1}]')
    assert info.value.file is None
    named = info.value.with_file("x.json")
    assert str(named) == "x.json, record #1 (2022-02-25), field 'tank': negative total -1"


# --- CSV edition ---------------------------------------------------------------------------

PANDAS_CSV = (
    ",date,day,aircraft,tank,APC,military auto,vehicles and fuel tanks,greatest losses direction\n"
    "0,2022-04-29,65,190.0,1008.0,2445.0,1701.0,,Izyum\n"
    '1,2022-04-30,66,190.0,1048.0,2460.0,1714.0,,"Donetsk, Kurakhove"\n'
    "2,2022-05-01,67,192.0,1026.0,2471.0,,1796.0,\n"
)


def test_csv_pandas_layout(tmp_path: Path) -> None:
    path = _write(tmp_path, "eq.csv", PANDAS_CSV)
    reports = read_petroivaniuk_csv(path.read_text("utf-8"), source="eq.csv")
    assert [r.date for r in reports] == [
        dt.date(2022, 4, 29),
        dt.date(2022, 4, 30),
        dt.date(2022, 5, 1),
    ]
    assert reports[0].figures == {
        "tanks": Figure(1008),
        "armored_vehicles": Figure(2445),
        "aircraft": Figure(190),
        "military_vehicles": Figure(1701),
    }
    assert reports[1].note == "Donetsk, Kurakhove"
    assert reports[2].figures == {
        "tanks": Figure(1026),
        "armored_vehicles": Figure(2471),
        "aircraft": Figure(192),
        "vehicles_fuel_tanks": Figure(1796),
    }
    assert reports[2].note is None
    assert all(isinstance(f.total, int) for r in reports for f in r.figures.values())


def test_csv_personnel_without_index_column_and_crlf() -> None:
    text = (
        "date,day,personnel,personnel*,POW\r\n2022-03-07,12,11000,more,259\r\n2022-03-08,13,,,\r\n"
    )
    reports = read_petroivaniuk_csv(text.encode("utf-8-sig"))
    assert reports[0].figures == {"personnel": Figure(11000)}
    assert reports[0].qualifier == "more than"
    assert reports[1].figures == {}


def test_csv_header_only_gives_no_reports() -> None:
    assert read_petroivaniuk_csv(",date,day,tank\n") == []


def _csv_error(text: str) -> ImportFormatError:
    with pytest.raises(ImportFormatError) as info:
        read_petroivaniuk_csv(text, source="bad.csv")
    return info.value


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("abc", "got text 'abc'"),
        ("12.5", "got 12.5"),
        ("-3", "negative total -3"),
        ("True", "got text 'True'"),
        ("1_000", "got text '1_000'"),
    ],
)
def test_csv_bad_cells_name_the_line(cell: str, reason: str) -> None:
    err = _csv_error(f",date,tank\n0,2022-02-25,80\n1,2022-02-26,{cell}\n")
    assert err.record == "line 3 (2022-02-26)"
    assert err.field == "tank"
    assert reason in str(err)
    assert str(err).startswith("bad.csv, record line 3 (2022-02-26), field 'tank': ")


def test_csv_ragged_row() -> None:
    err = _csv_error(",date,tank\n0,2022-02-25,80\n1,2022-02-26\n")
    assert str(err) == "bad.csv, record line 3: expected 3 cells as in the header, found 2"


def test_csv_bad_and_duplicate_dates() -> None:
    assert _csv_error("date,tank\n2022-02-31,80\n").record == "line 2 (2022-02-31)"
    err = _csv_error("date,tank\n2022-02-25,80\n\n2022-02-25,81\n")
    assert err.record == "line 4 (2022-02-25)"
    assert "record line 2 (2022-02-25) has the same date" in str(err)


def test_csv_without_date_column() -> None:
    err = _csv_error("day,tank\n2,80\n")
    assert str(err) == "bad.csv, record line 1, field 'date': no 'date' column in the header"


def test_csv_duplicate_column() -> None:
    assert _csv_error("date,tank,tank\n2022-02-25,1,2\n").field == "tank"


def test_csv_broken_quoting() -> None:
    err = _csv_error('date,tank,greatest losses direction\n2022-02-25,1,"Izyum"x\n')
    assert err.record is not None and err.record.startswith("line 2")
    assert "malformed CSV" in str(err)


def test_csv_quoted_newline_names_the_rows_first_line() -> None:
    text = 'date,tank,greatest losses direction\n2022-02-25,1,"two\nlines"\n2022-02-26,x,\n'
    assert _csv_error(text).record == "line 4 (2022-02-26)"


def test_csv_huge_field_is_refused_without_crashing() -> None:
    text = f"date,tank,greatest losses direction\n2022-02-25,1,{'x' * 10_000_000}\n"
    err = _csv_error(text)
    assert err.record is not None and err.record.startswith("line 2")


def test_csv_empty() -> None:
    assert str(_csv_error("")) == "bad.csv: file is empty"
