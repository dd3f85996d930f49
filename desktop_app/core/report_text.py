"""Shared by the report text readers: text clean-up, category names and a reading's result.

The category names of official posts are one table of (regex, category key) pairs, built once,
matched against a whole label ("warships / boats"); a label it does not know is tried against
the nouns news prose uses (news_nouns: "танки / tanks", "Гармати", "Кораблі (катери)").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from desktop_app.core.news_nouns import VEHICLES, noun_at
from desktop_app.core.report import Figure

# --------------------------------------------------------------------------------------------
# Category names of official labels, matched whole. Singular forms are accepted because labels
# are typed by people too ("tank ‒ 1"); the Ukrainian forms cover the genitive of the posts and
# the nominative people type themselves. News prose has its own nouns (news_nouns).
# --------------------------------------------------------------------------------------------

ALIAS_TABLE: tuple[tuple[str, str], ...] = (
    (r"personnel|troops|soldiers|servicemen", "personnel"),
    (r"особов(?:ого|ий)\s+склад(?:у)?", "personnel"),
    (r"tanks?", "tanks"),
    (r"танк(?:ів|и)", "tanks"),
    (r"APVs?|AFVs?|ББМ", "armored_vehicles"),
    (r"armou?red\s+(?:combat|fighting|personnel)\s+vehicles?", "armored_vehicles"),
    (r"бойов(?:их|і)\s+броньован(?:их|і)\s+машин(?:и)?", "armored_vehicles"),
    (r"artillery(?:\s+(?:systems?|pieces?))?", "artillery"),
    (r"артилерійськ(?:их|і)\s+систем(?:и)?", "artillery"),
    (r"MLRS|multiple[-\s]+(?:launch\s+)?rocket\s+(?:launch(?:er)?\s+)?systems?", "mlrs"),
    (r"РСЗВ", "mlrs"),
    (r"anti[-\s]*aircraft\s+warfare(?:\s+systems?)?", "air_defense"),
    (r"(?:air\s+defen[cs]e|anti[-\s]*aircraft)\s+systems?", "air_defense"),
    (r"(?:засоби|засобів)\s+ППО|ППО", "air_defense"),
    (r"aircraft|(?:air|war)?planes?", "aircraft"),
    (r"літак(?:ів|и)", "aircraft"),
    (r"helicopters?", "helicopters"),
    (r"гелікоптер(?:ів|и)|вертольот(?:ів|и)", "helicopters"),
    (r"UAVs?(?:\s+(?:of\s+)?(?:the\s+)?operational[-\s]+tactical\s+level)?", "drones"),
    (r"(?:operational[-\s]+tactical(?:\s+level)?\s+)?(?:drones?|UAVs)", "drones"),
    (r"unmanned\s+aerial\s+vehicles?", "drones"),
    (r"БПЛА(?:\s+оперативно[-\s]+тактичного\s+рівня)?", "drones"),
    (r"cruise\s+missiles?", "cruise_missiles"),
    (r"крилат(?:і|их)\s+ракет(?:и)?", "cruise_missiles"),
    (r"(?:war)?ships?\s*(?:/|and)\s*(?:boats?|cutters?)|boats?\s*/\s*cutters?", "ships"),
    (r"(?:war)?ships|boats", "ships"),
    (r"корабл(?:і|ів)\s*/\s*катер(?:и|ів)|корабл(?:і|ів)|катери", "ships"),
    (r"submarines?", "submarines"),
    (r"підводн(?:і|их)\s+чов(?:ни|нів)", "submarines"),
    (r"vehicles\s+and\s+fuel\s+tanks", "vehicles_fuel_tanks"),
    (r"автомобільн(?:ої|а)\s+техні(?:ки|ка)\s+(?:та|і)\s+автоцистерн(?:и)?", "vehicles_fuel_tanks"),
    (r"special\s+(?:military\s+)?equipment", "special_equipment"),
    (r"спеціальн(?:а|ої)\s+техні(?:ка|ки)", "special_equipment"),
    (r"ground\s+robotic\s+systems?", "ground_robots"),
    (r"наземн(?:і|их)\s+роботизован(?:і|их)\s+комплекс(?:и|ів)", "ground_robots"),
    (r"(?:mobile\s+)?SRBM\s+(?:systems?|launchers?)", "srbm_launchers"),
    (r"(?:пусков(?:і|их)\s+установ(?:ки|ок)\s+)?ОТРК\s*/\s*ТРК", "srbm_launchers"),
    # Until 30 Apr 2022 vehicles and fuel tanks were counted apart; only the bare names mean
    # the legacy categories (the merged name above is longer and wins in prose).
    (r"(?:military\s+)?vehicles", "military_vehicles"),
    (r"автомобільн(?:ої|а)\s+техні(?:ки|ка)", "military_vehicles"),
    (r"fuel\s+tanks", "fuel_tanks"),
    (r"цистерн(?:и)?\s+з\s+ПММ", "fuel_tanks"),
)


def _compiled(table: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    # The lookahead keeps "tanks" from matching the start of a longer word in prose.
    return tuple(
        (re.compile(rf"(?:{source})(?![^\W_])", re.IGNORECASE), key) for source, key in table
    )


ALIASES: tuple[tuple[re.Pattern[str], str], ...] = _compiled(ALIAS_TABLE)

# --------------------------------------------------------------------------------------------
# Text clean-up. Pasted text carries no-break and thin spaces (also inside numbers), odd line
# breaks, zero-width characters and decomposed Cyrillic letters.
# --------------------------------------------------------------------------------------------

_SPACE_CHARS = (
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
_NEWLINE_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TRANSLATION: dict[int, str | None] = {
    **{ord(c): " " for c in _SPACE_CHARS},
    **{ord(c): "\n" for c in _NEWLINE_CHARS},
    **{ord(c): None for c in _INVISIBLE_CHARS},
}


def normalise(text: str) -> str:
    """NFC text with plain spaces, ``\\n`` line breaks and no invisible characters."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATION)


def collapse(text: str) -> str:
    """Runs of whitespace (line breaks too) as single spaces, trimmed."""
    return " ".join(text.split())


@dataclass
class Reading:
    """What one reader found: figures, qualifier, unparsed pieces and where items ended."""

    figures: dict[str, Figure] = field(default_factory=dict)
    qualifier: str | None = None
    unparsed: list[str] = field(default_factory=list)
    item_ends: list[int] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, figure: Figure, qualifier: str | None, source: str) -> None:
        known = self.figures.get(key)
        if known is None:
            self.figures[key] = figure
            self.sources[key] = source
            if key == "personnel":
                self.qualifier = qualifier
        elif known != figure:
            # The same category twice with different numbers: keep the first, show the other.
            self.unparsed.append(source)


_PERSONNEL_LABEL = re.compile(r"особов\w*\s+склад\w*|(?:military\s+)?personnel", re.IGNORECASE)


def lookup_label(label: str) -> str | None:
    """The category a whole label names (already whitespace-collapsed), or None.

    Official labels first; then the names news and bilingual lists give ("танки / tanks",
    "air defence equipment", "Гармати", "Кораблі (катери)").
    """
    for pattern, key in ALIASES:
        if pattern.fullmatch(label):
            return key
    for part in (label, *re.split(r"\s*/\s*", label)):
        part = re.sub(r"\s*\([^)]*\)\s*$", "", part).strip()
        found, end = noun_at(part, 0) if part else (None, 0)
        if found is None or end != len(part):
            continue
        if found == VEHICLES:
            return "military_vehicles"
        if found != "personnel" or _PERSONNEL_LABEL.fullmatch(part):
            return found
    return None
