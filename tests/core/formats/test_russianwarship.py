"""The russianwarship.rip reader on responses written here, in the API's real shapes."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats import read_russianwarship
from desktop_app.core.report import Figure

MESSAGE = "The data were fetched successfully."

# Figures of 25 Nov 2023 (day 640), as the API gives them.
RECORD: dict[str, Any] = {
    "date": "2023-11-25",
    "day": 640,
    "resource": "https://www.facebook.com/MinistryofDefence.UA/posts/example",
    "war_status": {"code": 1, "alias": "in_progress"},
    "stats": {
        "personnel_units": 323760,
        "tanks": 5502,
        "armoured_fighting_vehicles": 10292,
        "artillery_systems": 7845,
        "mlrs": 901,
        "aa_warfare_systems": 590,
        "planes": 323,
        "helicopters": 324,
        "vehicles_fuel_tanks": 10281,
        "warships_cutters": 22,
        "cruise_missiles": 1574,
        "uav_systems": 5881,
        "special_military_equip": 1102,
        "atgm_srbm_systems": 4,
        "submarines": 1,
        "some_new_key": 77,
    },
    "increase": {
        "personnel_units": 860,
        "tanks": 6,
        "armoured_fighting_vehicles": 8,
        "artillery_systems": 16,
        "mlrs": 0,
        "aa_warfare_systems": 0,
        "planes": 0,
        "helicopters": 0,
        "vehicles_fuel_tanks": 12,
        "warships_cutters": 0,
        "cruise_missiles": 0,
        "uav_systems": 3,
        "special_military_equip": 2,
        "atgm_srbm_systems": 0,
        "submarines": 0,
        "some_new_key": 1,
    },
}


def _record(date: str, **changes: Any) -> dict[str, Any]:
    rec = copy.deepcopy(RECORD)
    rec["date"] = date
    rec.update(changes)
    return rec


def _page(records: list[Any]) -> dict[str, Any]:
    return {
        "message": MESSAGE,
        "data": {
            "records": records,
            "paging": {
                "first_url": "/api/v2/statistics?offset=0&limit=50",
                "last_url": "/api/v2/statistics?offset=600&limit=50",
                "next_url": "/api/v2/statistics?offset=50&limit=50",
                "prev_url": None,
            },
        },
    }


def _error(content: str | bytes) -> ImportFormatError:
    with pytest.raises(ImportFormatError) as info:
        read_russianwarship(content, source="api.json")
    return info.value


def test_single_day_totals_and_stated_changes(tmp_path: Path) -> None:
    path = tmp_path / "day.json"
    path.write_text(json.dumps({"message": MESSAGE, "data": RECORD}), encoding="utf-8")
    [report] = read_russianwarship(path.read_text("utf-8"))
    assert report.date == dt.date(2023, 11, 25)
    assert report.day == 640
    assert report.figures["personnel"] == Figure(323760, 860)
    assert report.figures["tanks"] == Figure(5502, 6)
    assert report.figures["submarines"] == Figure(1, 0)
    assert report.figures["srbm_launchers"] == Figure(4, 0)
    # Fourteen API keys known to the program; the new key is ignored.
    assert len(report.figures) == 15
    assert report.qualifier is None and report.note is None


def test_page_of_days_sorted_by_date() -> None:
    text = json.dumps(_page([_record("2023-11-25"), _record("2023-11-24")]))
    reports = read_russianwarship(text.encode("utf-8"))
    assert [r.date for r in reports] == [dt.date(2023, 11, 24), dt.date(2023, 11, 25)]


def test_empty_page() -> None:
    assert read_russianwarship(json.dumps(_page([]))) == []


def test_missing_increase_and_null_values() -> None:
    rec = _record("2023-11-25")
    del rec["increase"]
    rec["stats"] = {"tanks": 5502, "planes": None, "uav_systems": 5881.0}
    [report] = read_russianwarship(json.dumps({"message": MESSAGE, "data": rec}))
    assert report.figures == {"tanks": Figure(5502), "drones": Figure(5881)}


def test_negative_stated_change_is_kept() -> None:
    """The General Staff corrects totals downwards now and then; the change says so."""
    rec = _record("2023-05-28", stats={"tanks": 3800}, increase={"tanks": -5, "planes": 1})
    [report] = read_russianwarship(json.dumps({"message": MESSAGE, "data": rec}))
    assert report.figures == {"tanks": Figure(3800, -5)}


def test_error_response_quotes_the_message() -> None:
    text = json.dumps(
        {
            "message": "The given data was invalid.",
            "errors": {"date": ["The date does not match the format Y-m-d."]},
        }
    )
    err = _error(text)
    assert str(err) == (
        "api.json: the API answered with an error: 'The given data was invalid.'"
        " (date: The date does not match the format Y-m-d.)"
    )


def test_response_without_data() -> None:
    assert "has no data" in str(_error('{"message": "hello"}'))


@pytest.mark.parametrize(
    ("stats", "field", "reason"),
    [
        ({"tanks": "5502"}, "stats.tanks", "got text '5502'"),
        ({"tanks": -1}, "stats.tanks", "negative total -1"),
        ({"tanks": 1.5}, "stats.tanks", "got 1.5"),
        ({"tanks": False}, "stats.tanks", "got false"),
        ([5502], "stats", "expected an object, got a list"),
    ],
)
def test_bad_stats(stats: Any, field: str, reason: str) -> None:
    text = json.dumps(_page([_record("2023-11-24"), _record("2023-11-25", stats=stats)]))
    err = _error(text)
    assert err.record == "#2 (2023-11-25)"
    assert err.field == field
    assert reason in str(err)


def test_bad_increase() -> None:
    err = _error(json.dumps({"message": MESSAGE, "data": _record("2023-11-25", increase=[1])}))
    assert err.record == "2023-11-25"
    assert err.field == "increase"


def test_missing_stats() -> None:
    rec = _record("2023-11-25")
    del rec["stats"]
    err = _error(json.dumps({"message": MESSAGE, "data": rec}))
    assert str(err) == "api.json, record 2023-11-25, field 'stats': the record has no stats"


def test_bad_and_duplicate_dates() -> None:
    err = _error(json.dumps(_page([_record("25.11.2023")])))
    assert (err.record, err.field) == ("#1 (25.11.2023)", "date")
    err = _error(json.dumps(_page([_record("2023-11-25"), _record("2023-11-25")])))
    assert (err.record, err.field) == ("#2 (2023-11-25)", "date")
    assert "duplicate date" in str(err)


def test_records_not_a_list_and_record_not_an_object() -> None:
    assert _error('{"message": "m", "data": {"records": {}}}').field == "data.records"
    assert _error('{"message": "m", "data": {"records": [1]}}').record == "#1"


def test_not_an_object_truncated_and_empty() -> None:
    assert "expected a JSON object" in str(_error("[]"))
    text = json.dumps({"message": MESSAGE, "data": RECORD})
    assert "malformed JSON" in str(_error(text[:-20]))
    assert str(_error(b"")) == "api.json: file is empty"
