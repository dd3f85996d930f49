"""One day's report as five kinds of outlet retell it (our own texts, in their styles): every
style must give the same figures and the same date."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.report import Figure
from desktop_app.core.report_parser import parse_report

F = Figure
DAY = dt.date(2024, 11, 17)
FIGURES = {
    "personnel": F(720220, 1260),
    "tanks": F(9380, 2),
    "armored_vehicles": F(19102, 14),
    "artillery": F(20512, 31),
    "mlrs": F(1253),
    "air_defense": F(1003, 1),
    "aircraft": F(369),
    "helicopters": F(329),
    "drones": F(19004, 45),
    "cruise_missiles": F(2762),
    "ships": F(28),
    "submarines": F(1),
    "vehicles_fuel_tanks": F(29160, 60),
    "special_equipment": F(3640, 3),
}
STYLES = {
    "up_en": """\
Russia has lost 1,260 soldiers over the past day – General Staff

Ukrainska Pravda — Sunday, 17 November 2024, 08:05

The total combat losses of the Russian forces since 24 February 2022 have reached approximately
720,220 military personnel.

Source: General Staff of the Armed Forces of Ukraine on Facebook

Details: The total combat losses of the Russian forces between 24 February 2022 and 17 November
2024 are estimated to be as follows [approximate figures – ed.]:

approximately 720,220 (+1,260) military personnel;
9,380 (+2) tanks;
19,102 (+14) armoured combat vehicles;
20,512 (+31) artillery systems;
1,253 (+0) multiple-launch rocket systems;
1,003 (+1) air defence systems;
369 (+0) fixed-wing aircraft;
329 (+0) helicopters;
19,004 (+45) operational-tactical UAVs;
2,762 (+0) cruise missiles;
28 (+0) ships/boats;
1 (+0) submarine;
29,160 (+60) vehicles and tankers;
3,640 (+3) special vehicles.
""",
    "rbc_en": """\
Russian losses in Ukraine as of November 17: General Staff update

Ukrainian forces eliminated 1,260 Russian soldiers over the past day, according to the General
Staff of the Armed Forces of Ukraine.

Russian losses as of November 17, 2024:

Personnel: about 720,220 (+1,260)
Tanks: 9,380 (+2)
Armored combat vehicles: 19,102 (+14)
Artillery systems: 20,512 (+31)
Multiple rocket launch systems (MLRS): 1,253
Air defense systems: 1,003 (+1)
Aircraft: 369
Helicopters: 329
UAVs: 19,004 (+45)
Cruise missiles: 2,762
Ships/boats: 28
Submarines: 1
Vehicles and fuel tanks: 29,160 (+60)
Special equipment: 3,640 (+3)
""",
    "suspilne_uk": """\
Втрати армії РФ на 17 листопада: за добу ліквідували 1 260 окупантів

Збройні сили України знищили за добу 1 260 російських військових, повідомив Генеральний штаб
ЗСУ вранці 17 листопада.

Загалом втрати росіян від початку повномасштабного вторгнення становлять близько 720 220 осіб.

Також за даними Генштабу, сили оборони знищили:
танків — 9 380 (+2);
бойових броньованих машин — 19 102 (+14);
артилерійських систем — 20 512 (+31);
РСЗВ — 1 253;
засобів ППО — 1 003 (+1);
літаків — 369;
гелікоптерів — 329;
БпЛА оперативно-тактичного рівня — 19 004 (+45);
крилатих ракет — 2 762;
кораблів/катерів — 28;
підводних човнів — 1;
автомобільної техніки та автоцистерн — 29 160 (+60);
спеціальної техніки — 3 640 (+3).
""",
    "ukrinform_en": """\
Russian army loses another 1,260 soldiers in Ukraine in past day

17.11.2024 08:12

The total combat losses of the enemy from February 24, 2022 to November 17, 2024 are
approximately: personnel – about 720,220 (+1,260) people, tanks – 9,380 (+2) units, armored
combat vehicles – 19,102 (+14), artillery systems – 20,512 (+31), MLRS – 1,253, air defense
systems – 1,003 (+1), aircraft – 369, helicopters – 329, operational-tactical level UAVs –
19,004 (+45), cruise missiles – 2,762, warships/boats – 28, submarines – 1, automotive
equipment and tankers – 29,160 (+60), special equipment – 3,640 (+3).

This was reported by the General Staff of the Armed Forces of Ukraine, Ukrinform reports.
""",
}
# Where a style states "(+0)" the change is zero; elsewhere it is not stated.
ZERO_STATED = {
    "up_en": ("mlrs", "aircraft", "helicopters", "cruise_missiles", "ships", "submarines")
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_outlet_style_gives_the_same_report(style: str) -> None:
    report = parse_report(STYLES[style], today=dt.date(2026, 11, 30))
    expected = {
        key: F(f.total, 0) if key in ZERO_STATED.get(style, ()) else f for key, f in FIGURES.items()
    }
    assert report.date == DAY
    assert report.figures == expected
    assert report.qualifier == "about"


def test_a_news_story_with_changes_and_some_totals() -> None:
    text = """\
Генштаб: За добу армія РФ втратила 1 260 військових, два танки та 31 артсистему

Загальні бойові втрати Росії в Україні на 17 листопада сягнули 720 220 осіб, з них 1 260 — за \
минулу добу, повідомив Генштаб ЗСУ.

Крім того, за добу знищено два танки, 14 бойових броньованих машин, 31 артилерійську систему, \
один засіб ППО, 45 БпЛА, 60 одиниць автотехніки та три одиниці спецтехніки.

Загалом з 24 лютого 2022 року Росія втратила 9 380 танків, 19 102 ББМ та 20 512 артсистем.
"""
    report = parse_report(text, today=dt.date(2026, 11, 30))
    assert report.date == DAY and report.date_note == "year found from the figures"
    assert report.figures == {
        "personnel": F(720220, 1260),
        "tanks": F(9380, 2),
        "armored_vehicles": F(19102, 14),
        "artillery": F(20512, 31),
    }
    assert report.changes_only == {
        "air_defense": 1,
        "drones": 45,
        "vehicles_fuel_tanks": 60,
        "special_equipment": 3,
    }


def test_a_day_without_its_year_and_only_daily_changes_takes_the_year_whose_changes_they_are() -> (
    None
):
    # Our own retelling of the General Staff's morning figures of 3 Dec 2023 (public facts).
    text = (
        "Генштаб 3 грудня повідомив, що за минулу добу російські війська втратили 930 осіб, "
        "чотири танки та 11 бойових броньованих машин.\n"
    )
    report = parse_report(text, today=dt.date(2026, 11, 30))
    assert report.date == dt.date(2023, 12, 3)
    assert report.date_note == "year found from the figures"
    assert report.changes_only == {"personnel": 930, "tanks": 4, "armored_vehicles": 11}
    # One change alone fits too many years' 3 December: the date stays unknown.
    alone = parse_report(text.replace(", чотири танки та 11 бойових броньованих машин", ""))
    assert alone.date is None
