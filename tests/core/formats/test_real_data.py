"""The readers against the real public datasets in ../shared/data (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import pytest

from desktop_app.core.categories import BY_API, BY_PETROIVANIUK
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats import (
    detect_format,
    read_petroivaniuk,
    read_petroivaniuk_json,
    read_russianwarship,
)
from desktop_app.core.formats.petroivaniuk import NOTE_FIELD
from desktop_app.core.report import Figure, LossReport
from tests.conftest import shared_file

PETRO = "petroivaniuk"
API = "russianwarship_api"


def _totals(report: LossReport) -> dict[str, int]:
    return {key: fig.total for key, fig in report.figures.items()}


@pytest.fixture(scope="module")
def equipment_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(
        shared_file(PETRO, "russia_losses_equipment.json").read_text("utf-8")
    )
    return rows


@pytest.fixture(scope="module")
def personnel_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(
        shared_file(PETRO, "russia_losses_personnel.json").read_text("utf-8")
    )
    return rows


@pytest.fixture(scope="module")
def merged() -> dict[dt.date, LossReport]:
    reports = read_petroivaniuk(
        shared_file(PETRO, "russia_losses_equipment.json").read_bytes(),
        shared_file(PETRO, "russia_losses_personnel.json").read_bytes(),
    )
    assert [r.date for r in reports] == sorted(r.date for r in reports if r.date)
    return {r.date: r for r in reports if r.date}


def test_whole_dataset_gives_one_report_a_day(merged: dict[dt.date, LossReport]) -> None:
    assert len(merged) == 1626
    assert min(merged) == dt.date(2022, 2, 25)
    assert max(merged) == dt.date(2026, 8, 8)
    # The dataset has no gaps, so every day in between is there.
    assert (max(merged) - min(merged)).days + 1 == 1626
    assert all(f.change is None for r in merged.values() for f in r.figures.values())


def test_first_day_all_fields(merged: dict[dt.date, LossReport]) -> None:
    report = merged[dt.date(2022, 2, 25)]
    assert _totals(report) == {
        "personnel": 2800,
        "tanks": 80,
        "armored_vehicles": 516,
        "artillery": 49,
        "mlrs": 4,
        "air_defense": 0,
        "aircraft": 10,
        "helicopters": 7,
        "drones": 0,
        "ships": 2,
        "military_vehicles": 100,
        "fuel_tanks": 60,
    }
    assert report.qualifier == "about"
    assert report.note is None
    assert report.day == 2


def test_legacy_fields_in_april_2022(merged: dict[dt.date, LossReport]) -> None:
    report = merged[dt.date(2022, 4, 16)]
    assert _totals(report) == {
        "personnel": 20100,
        "tanks": 762,
        "armored_vehicles": 1982,
        "artillery": 371,
        "mlrs": 125,
        "air_defense": 66,
        "aircraft": 163,
        "helicopters": 145,
        "drones": 138,
        "ships": 8,
        "special_equipment": 26,
        "srbm_launchers": 4,
        "military_vehicles": 1458,
        "fuel_tanks": 76,
    }
    assert report.figures["military_vehicles"] == Figure(1458, None)
    assert report.qualifier == "about"
    # Merged categories did not exist yet: absent, not zero.
    assert "vehicles_fuel_tanks" not in report.figures
    assert "cruise_missiles" not in report.figures


def test_last_day_all_fields(merged: dict[dt.date, LossReport]) -> None:
    report = merged[dt.date(2026, 8, 8)]
    assert _totals(report) == {
        "personnel": 1456610,
        "tanks": 12251,
        "armored_vehicles": 25099,
        "artillery": 47580,
        "mlrs": 2009,
        "air_defense": 1556,
        "aircraft": 439,
        "helicopters": 354,
        "drones": 449606,
        "cruise_missiles": 5007,
        "ships": 35,
        "submarines": 2,
        "vehicles_fuel_tanks": 131417,
        "special_equipment": 4504,
        "ground_robots": 2162,
    }
    assert report.qualifier == "about"
    assert report.day == 1627


def test_greatest_losses_direction_is_the_note(merged: dict[dt.date, LossReport]) -> None:
    assert merged[dt.date(2022, 4, 25)].note == "Sievierodonetsk"
    report = merged[dt.date(2022, 5, 1)]
    assert report.note == "Izyum"
    assert report.figures["vehicles_fuel_tanks"] == Figure(1796)
    assert "military_vehicles" not in report.figures


def test_more_than_qualifier(merged: dict[dt.date, LossReport]) -> None:
    report = merged[dt.date(2022, 3, 7)]
    assert report.qualifier == "more than"
    assert report.figures["personnel"] == Figure(11000)
    assert merged[dt.date(2022, 3, 6)].qualifier == "about"


def test_no_figure_for_a_field_absent_from_the_row(
    merged: dict[dt.date, LossReport],
    equipment_rows: list[dict[str, Any]],
    personnel_rows: list[dict[str, Any]],
) -> None:
    expected: dict[dt.date, dict[str, int]] = {}
    notes: dict[dt.date, str] = {}
    for row in [*equipment_rows, *personnel_rows]:
        date = dt.date.fromisoformat(row["date"])
        day = expected.setdefault(date, {})
        for name, value in row.items():
            if name in BY_PETROIVANIUK and not (isinstance(value, float) and math.isnan(value)):
                day[BY_PETROIVANIUK[name].key] = value
        if row.get(NOTE_FIELD):
            notes[date] = row[NOTE_FIELD]
    assert expected.keys() == merged.keys()
    for date, report in merged.items():
        assert _totals(report) == expected[date], date
        assert report.note == notes.get(date), date


def test_each_file_alone_then_combined(merged: dict[dt.date, LossReport]) -> None:
    """The CLI imports one file at a time; each gives its own half of every day."""
    equipment = read_petroivaniuk_json(
        shared_file(PETRO, "russia_losses_equipment.json").read_bytes()
    )
    personnel = read_petroivaniuk_json(
        shared_file(PETRO, "russia_losses_personnel.json").read_text("utf-8")
    )
    assert len(equipment) == len(personnel) == 1626
    for eq, pe in zip(equipment, personnel, strict=True):
        assert eq.date == pe.date
        assert set(pe.figures) == {"personnel"}
        assert "personnel" not in eq.figures
        assert eq.qualifier is None
        full = merged[eq.date] if eq.date else None
        assert full is not None
        assert {**eq.figures, **pe.figures} == dict(full.figures)
        assert pe.qualifier == full.qualifier


def test_detects_the_dataset_files() -> None:
    for name in ("russia_losses_equipment.json", "russia_losses_personnel.json"):
        assert detect_format(name, shared_file(PETRO, name).read_bytes()) == "petroivaniuk-json"


def test_corrections_file_is_refused_not_read_as_totals() -> None:
    name = "russia_losses_equipment_correction.json"
    data = shared_file(PETRO, name).read_bytes()
    with pytest.raises(ImportFormatError, match="corrections file") as info:
        read_petroivaniuk_json(data, source=name)
    assert "record #1 (2022-10-13)" in str(info.value)
    assert name in str(info.value)


@pytest.mark.parametrize("name", ["v1_latest_2022-10-03.json", "v2_statistics_2022-04-14.json"])
def test_russianwarship_samples_as_the_file_says(name: str) -> None:
    path = shared_file(API, name)
    doc = json.loads(path.read_text("utf-8"))["data"]
    assert detect_format(name, path.read_bytes()) == "russianwarship-json"
    [report] = read_russianwarship(path.read_text("utf-8"), source=name)
    assert report.date == dt.date.fromisoformat(doc["date"])
    assert report.day == doc["day"]
    expected = {
        BY_API[key].key: Figure(total, doc["increase"][key])
        for key, total in doc["stats"].items()
        if key in BY_API
    }
    assert dict(report.figures) == expected
    assert report.qualifier is None


def test_russianwarship_v2_sample_spot_check() -> None:
    [report] = read_russianwarship(shared_file(API, "v2_statistics_2022-04-14.json").read_bytes())
    assert report.figures["personnel"] == Figure(19900, 100)
    assert report.figures["tanks"] == Figure(753, 14)
    assert report.figures["vehicles_fuel_tanks"] == Figure(1437, 8)
    assert report.figures["srbm_launchers"] == Figure(4, 0)
    assert report.figures["submarines"] == Figure(0, 0)
    assert len(report.figures) == 15


def test_russianwarship_v1_sample_has_no_submarines() -> None:
    [report] = read_russianwarship(shared_file(API, "v1_latest_2022-10-03.json").read_text())
    assert report.date == dt.date(2022, 10, 3)
    assert report.figures["personnel"] == Figure(60430, 320)
    assert report.figures["drones"] == Figure(1026, 11)
    assert "submarines" not in report.figures
    assert len(report.figures) == 14
