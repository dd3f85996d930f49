"""The names news prose gives each loss category after a count, in English and Ukrainian.

"7,255 tanks", "шість російських танків", "58 units of automotive equipment", "2 легких
швидкісних катери": a count, a few words that qualify it, then the category's noun in whatever
case the count asks for. Ukrainian nouns are matched by their stem, so every case form of a
noun is one entry ("танк", "танки", "танків", "танку" all start with "танк").

Some names changed meaning on 30 April 2022, when the General Staff merged "vehicles" and
"fuel tanks" into one category: a bare "vehicles" / "автомобільна техніка" is the legacy
category before that day and the merged one after. Such names map to VEHICLES here and the
reader settles them by date.
"""

from __future__ import annotations

import re

VEHICLES = "vehicles?"  # settled by the report's date: military_vehicles or vehicles_fuel_tanks

_W = r"[^\W\d_]*"  # the rest of a Ukrainian word (its case ending)

NOUN_TABLE: tuple[tuple[str, str], ...] = (
    # Personnel. "people"/"осіб"/"людей" only count where the sentence is about losses.
    (
        r"(?:military\s+)?personnel(?:\s+losses)?|troops|soldiers|servicemen|invaders"
        r"|occupiers|casualties|fatalities|men|persons|people|lives",
        "personnel",
    ),
    (
        rf"особов{_W}\s+склад{_W}|військовослужбовц{_W}|військов(?:их|і)|окупант{_W}"
        rf"|загарбник{_W}|солдат{_W}|вояк{_W}|рашист{_W}|ос(?:іб|оби|оба)|людей|ворогів",
        "personnel",
    ),
    # Vehicles and fuel tanks come before tanks, so "fuel tanks" is never read as tanks.
    (
        r"(?:motor\s+|military\s+)?vehicles\s+and\s+(?:fuel\s+)?(?:tanks|tankers)"
        r"|(?:units?\s+of\s+)?automotive\s+equipment(?:\s+and\s+(?:fuel\s+)?tank(?:er)?s)?"
        r"|cars\s+and\s+(?:fuel\s+)?tank(?:er)?s",
        "vehicles_fuel_tanks",
    ),
    (
        rf"(?:автомобільн{_W}\s+техні{_W}|автотехні{_W}|автомобіл{_W})\s*(?:та|і|й|/)\s*"
        rf"автоцист(?:ерн|рен){_W}",
        "vehicles_fuel_tanks",
    ),
    (r"(?:military\s+)?vehicles|cars|automotive\s+equipment", VEHICLES),
    (rf"автомобільн{_W}\s+техні{_W}|автотехні{_W}|автомобіл{_W}", VEHICLES),
    (
        r"fuel\s+tanks|tanks?\s+with\s+fuel\s+and\s+lubricants|tankers",
        "fuel_tanks",
    ),
    (
        rf"цистерн{_W}\s+з\s+(?:ПММ|ППМ|паливно[-\s]мастильними\s+матеріалами)",
        "fuel_tanks",
    ),
    (r"(?:main\s+)?(?:battle\s+)?tanks?", "tanks"),
    (rf"танк{_W}", "tanks"),
    (
        r"armou?red\s+(?:combat|fighting|personnel)\s+vehicles?|armou?red\s+vehicles?"
        r"|AFVs?|APVs?|APCs?|IFVs?",
        "armored_vehicles",
    ),
    (rf"бойов{_W}\s+броньован{_W}\s+машин{_W}|ББМ|БТР|бронемашин{_W}", "armored_vehicles"),
    (r"artillery(?:\s+(?:systems?|pieces?|guns?))?", "artillery"),
    (rf"артилерійськ{_W}\s+систем{_W}|артсистем{_W}|гармат{_W}", "artillery"),
    (
        r"MLRS|MRLS?|multiple[-\s]+(?:launch\s+)?rocket\s+(?:launch(?:er)?\s+)?"
        r"(?:systems?|launchers?)|(?:rocket\s+salvo|salvo\s+fire|launcher\s+rocket)\s+systems?",
        "mlrs",
    ),
    (rf"РСЗВ|реактивн{_W}\s+систем{_W}\s+залпового\s+вогню", "mlrs"),
    (
        r"(?:anti[-\s]*aircraft\s+(?:warfare\s+|defen[cs]e\s+)?|air[-\s]+defen[cs]e\s+)"
        r"(?:systems?|vehicles?|equipment|units?)",
        "air_defense",
    ),
    (
        rf"(?:засоб{_W}|засіб|установ{_W}|систем{_W})\s+(?:ППО|протиповітряної\s+оборони)",
        "air_defense",
    ),
    (
        r"(?:fixed[-\s]wing\s+|combat\s+|military\s+)?aircraft|(?:war|air)?planes?|warplanes?"
        r"|fighter\s+jets?|jets",
        "aircraft",
    ),
    (rf"літак{_W}", "aircraft"),
    (r"helicopters?", "helicopters"),
    (rf"гелікоптер{_W}|вертол(?:іт|ьот){_W}|гвинтокрил{_W}", "helicopters"),
    (
        r"(?:(?:operational[-\s]+)?tactical(?:[-\s]+level)?\s+)?"
        r"(?:unmanned\s+aerial\s+vehicles?|UAVs?|drones?)"
        r"(?:\s+(?:of\s+)?(?:the\s+)?operational[-\s]+tactical\s+level)?",
        "drones",
    ),
    (
        rf"(?:БП?ЛА|БпЛА|безпілотник{_W}|дрон{_W})(?:\s+оперативно[-\s]+тактичного\s+рівня)?",
        "drones",
    ),
    (r"cruise\s+missiles?", "cruise_missiles"),
    (rf"крилат{_W}\s+ракет{_W}", "cruise_missiles"),
    (
        r"(?:war)?ships?(?:\s*(?:/|and|or)\s*(?:boats?|cutters?))?|boats?|naval\s+units?"
        r"|warships?",
        "ships",
    ),
    (rf"корабл{_W}(?:\s*(?:/|та|і|й)\s*катер{_W})?|корабель|катер{_W}", "ships"),
    (r"submarines?", "submarines"),
    (rf"підводн{_W}\s+чов{_W}", "submarines"),
    (
        r"special\s+(?:military\s+)?equipment|units?\s+of\s+special\s+equipment"
        r"|special\s+vehicles",
        "special_equipment",
    ),
    (rf"спеціальн{_W}\s+техні{_W}|спецтехні{_W}", "special_equipment"),
    (r"ground\s+robotic\s+(?:systems?|complexes)", "ground_robots"),
    (rf"наземн{_W}\s+роботизован{_W}\s+комплекс{_W}", "ground_robots"),
    (
        r"(?:mobile\s+)?SRBM\s+(?:systems?|launchers?)|launchers?\s+of\s+(?:the\s+)?"
        r"operational[-\s]+tactical\s+missile\s+systems?",
        "srbm_launchers",
    ),
    (rf"(?:пусков{_W}\s+установ{_W}\s+)?ОТРК(?:\s*/\s*ТРК)?", "srbm_launchers"),
)

# Words that are loose enough to need a sentence about losses around them.
LOOSE_PERSONNEL = re.compile(r"people|persons|men|lives|ос(?:іб|оби|оба)|людей", re.IGNORECASE)

NOUNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?:{source})(?![^\W_])", re.IGNORECASE), key) for source, key in NOUN_TABLE
)


# Any name at all: one match tells most positions apart before the longest name is looked for.
_ANY_NOUN = re.compile("|".join(f"(?:{source})" for source, _ in NOUN_TABLE), re.IGNORECASE)


def noun_at(text: str, pos: int, end: int | None = None) -> tuple[str | None, int]:
    """The category whose name starts at `pos` (the longest name wins), and where it ends."""
    best: str | None = None
    best_end = pos
    if _ANY_NOUN.match(text, pos, len(text) if end is None else end) is None:
        return None, pos
    for pattern, key in NOUNS:
        match = pattern.match(text, pos, len(text) if end is None else end)
        if match and match.end() > best_end:
            best, best_end = key, match.end()
    return best, best_end
