"""The loss categories the General Staff reports, and every name each source gives them.

Keys are the program's own names; they appear in JSON output, exports and the database.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    key: str
    label_en: str
    label_uk: str
    # Names used by the PetroIvaniuk dataset and the russianwarship.rip API; None when absent.
    petroivaniuk: str | None
    api: str | None
    # True for categories that were merged away (reported only until 30 Apr 2022).
    legacy: bool = False


CATEGORIES: tuple[Category, ...] = (
    Category("personnel", "Personnel", "Особовий склад", "personnel", "personnel_units"),
    Category("tanks", "Tanks", "Танки", "tank", "tanks"),
    Category(
        "armored_vehicles",
        "Armored fighting vehicles",
        "Бойові броньовані машини",
        "APC",
        "armoured_fighting_vehicles",
    ),
    Category(
        "artillery",
        "Artillery systems",
        "Артилерійські системи",
        "field artillery",
        "artillery_systems",
    ),
    Category("mlrs", "MLRS", "РСЗВ", "MRL", "mlrs"),
    Category(
        "air_defense",
        "Air defense systems",
        "Засоби ППО",
        "anti-aircraft warfare",
        "aa_warfare_systems",
    ),
    Category("aircraft", "Aircraft", "Літаки", "aircraft", "planes"),
    Category("helicopters", "Helicopters", "Гелікоптери", "helicopter", "helicopters"),
    Category("drones", "Drones", "БпЛА оперативно-тактичного рівня", "drone", "uav_systems"),
    Category(
        "cruise_missiles", "Cruise missiles", "Крилаті ракети", "cruise missiles", "cruise_missiles"
    ),
    Category("ships", "Ships and boats", "Кораблі / катери", "naval ship", "warships_cutters"),
    Category("submarines", "Submarines", "Підводні човни", "submarines", "submarines"),
    Category(
        "vehicles_fuel_tanks",
        "Vehicles and fuel tanks",
        "Автомобільна техніка та автоцистерни",
        "vehicles and fuel tanks",
        "vehicles_fuel_tanks",
    ),
    Category(
        "special_equipment",
        "Special equipment",
        "Спеціальна техніка",
        "special equipment",
        "special_military_equip",
    ),
    Category(
        "ground_robots",
        "Ground robotic systems",
        "Наземні роботизовані комплекси",
        "ground robotic systems",
        None,
    ),
    Category(
        "srbm_launchers",
        "Mobile SRBM systems",
        "Пускові установки ОТРК/ТРК",
        "mobile SRBM system",
        "atgm_srbm_systems",
    ),
    Category(
        "military_vehicles",
        "Military vehicles (until 30 Apr 2022)",
        "Автомобільна техніка (до 30.04.2022)",
        "military auto",
        None,
        legacy=True,
    ),
    Category(
        "fuel_tanks",
        "Fuel tanks (until 30 Apr 2022)",
        "Цистерни з ПММ (до 30.04.2022)",
        "fuel tank",
        None,
        legacy=True,
    ),
)

BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}
KEYS: tuple[str, ...] = tuple(c.key for c in CATEGORIES)
BY_PETROIVANIUK: dict[str, Category] = {c.petroivaniuk: c for c in CATEGORIES if c.petroivaniuk}
BY_API: dict[str, Category] = {c.api: c for c in CATEGORIES if c.api}


def category(key: str) -> Category:
    """The category for a key; KeyError names the unknown key."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown loss category: {key!r}") from None


def order_index(key: str) -> int:
    """Position of a key in the registry, for stable display and output order."""
    return KEYS.index(key)
