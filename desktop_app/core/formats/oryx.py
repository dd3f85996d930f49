"""PetroIvaniuk's copy of Oryx's visually confirmed losses, per equipment model.

A second, independent source beside the General Staff's claims. Each Oryx class maps to one
of our category keys where the two count the same kind of thing; classes with no General
Staff counterpart (anti-tank missile carriers) keep no category (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.core import messages as msg
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats._common import check_duplicates, describe, load_json, parse_count

MAX_TEXT = 500

# Oryx class → our category key. The General Staff counts every armoured vehicle as one
# "armored fighting vehicle", all guns as "artillery systems", all air defence together,
# and radars, engineering, command and EW vehicles as "special equipment".
ORYX_CATEGORIES: dict[str, str | None] = {
    "Tanks": "tanks",
    "Armoured Fighting Vehicles": "armored_vehicles",
    "Infantry Fighting Vehicles": "armored_vehicles",
    "Armoured Personnel Carriers": "armored_vehicles",
    "Infantry Mobility Vehicles": "armored_vehicles",
    "Mine-Resistant Ambush Protected": "armored_vehicles",
    "Self-Propelled Artillery": "artillery",
    "Towed Artillery": "artillery",
    "Multiple Rocket Launchers": "mlrs",
    "Surface-To-Air Missile Systems": "air_defense",
    "Self-Propelled Anti-Aircraft Guns": "air_defense",
    "Anti-Aircraft Guns": "air_defense",
    "Aircraft": "aircraft",
    "Helicopters": "helicopters",
    "Reconnaissance Unmanned Aerial Vehicles": "drones",
    "Unmanned Combat Aerial Vehicles": "drones",
    "Naval Ships": "ships",
    "Submarines": "submarines",
    "Trucks, Vehicles and Jeeps": "vehicles_fuel_tanks",
    "Engineering Vehicles And Equipment": "special_equipment",
    "Command Posts And Communications Stations": "special_equipment",
    "Radars": "special_equipment",
    "Jammers And Deception Systems": "special_equipment",
    "Artillery Support Vehicles And Equipment": "special_equipment",
    "Self-Propelled Anti-Tank Missile Systems": None,
}


@dataclass(frozen=True)
class OryxRow:
    category: str | None
    equipment_oryx: str
    model: str
    manufacturer: str
    losses_total: int


def _text(
    obj: dict[str, Any], name: str, record: str, file: str | None, required: bool = True
) -> str:
    value = obj.get(name)
    if value is None and not required:
        return ""
    if isinstance(value, str) and required and not value.strip():
        raise ImportFormatError("the text is empty", file=file, record=record, field=name)
    if not isinstance(value, str):
        raise ImportFormatError(
            f"expected text, got {describe(value)}", file=file, record=record, field=name
        )
    if len(value) > MAX_TEXT:
        raise ImportFormatError(
            msg.render(msg.TEXT_TOO_LONG, length=len(value)),
            file=file,
            record=record,
            field=name,
        )
    return " ".join(value.split())


def read_oryx(text: str, *, source: str = "") -> list[OryxRow]:
    file = source or None
    doc = load_json(text, file=file)
    if not isinstance(doc, list):
        raise ImportFormatError("expected a JSON array of equipment models", file=file)
    rows = []
    seen: dict[tuple[str, str, str], int] = {}
    for index, obj in enumerate(doc):
        record = f"#{index + 1}"
        if not isinstance(obj, dict):
            raise ImportFormatError("expected an object", file=file, record=record)
        check_duplicates(obj, file=file, record=record)
        klass = _text(obj, "equipment_oryx", record, file)
        model = _text(obj, "model", record, file)
        record = f"#{index + 1} ({model[:40]})"
        total = parse_count(obj.get("losses_total"), file=file, record=record, field="losses_total")
        if total is None:
            raise ImportFormatError(
                "the count is missing", file=file, record=record, field="losses_total"
            )
        maker = _text(obj, "manufacturer", record, file, required=False)
        # One model twice would be counted twice in the comparison: which total is Oryx's?
        first = seen.setdefault((klass.casefold(), model.casefold(), maker.casefold()), index)
        if first != index:
            raise ImportFormatError(
                f"the same model of the same class and maker as record #{first + 1}",
                file=file,
                record=record,
                field="model",
            )
        rows.append(OryxRow(ORYX_CATEGORIES.get(klass), klass, model, maker, total))
    return rows


def oryx_remarks(rows: list[OryxRow]) -> list[str]:
    """A line for each class the mapping does not know (a class Oryx added since): its
    models are stored, and left out of the comparison with the General Staff's totals."""
    unknown: dict[str, int] = {}
    for row in rows:
        if row.equipment_oryx not in ORYX_CATEGORIES:
            unknown[row.equipment_oryx] = unknown.get(row.equipment_oryx, 0) + 1
    return [
        f"Oryx class {klass!r} ({n} model{'s' if n != 1 else ''}) has no category of ours:"
        " left out of the comparison with the General Staff's totals"
        for klass, n in unknown.items()
    ]


def looks_like_oryx(doc: Any) -> bool:
    return (
        isinstance(doc, list)
        and bool(doc)
        and all(isinstance(r, dict) and "equipment_oryx" in r for r in doc[:5])
    )
