"""The report text parser on the formats of FORMATS.md section 2 and on the real 2022 posts."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import time
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.categories import BY_PETROIVANIUK
from desktop_app.core.errors import NoReportError
from desktop_app.core.report import Figure
from desktop_app.core.report_parser import parse_report
from tests.conftest import shared_file

F = Figure

# --------------------------------------------------------------------------------------------
# The examples of FORMATS.md section 2, typed in with the same line wrapping.
# --------------------------------------------------------------------------------------------

KI_EXAMPLE = """\
General Staff: Russia has lost 360,010 troops in Ukraine
by Newsroom January 1, 2024 9:15 AM 1 min read
Russia has lost 360,010 troops in Ukraine since the beginning of its full-scale invasion on
Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on Jan. 1.
This number includes 780 casualties Russian forces suffered just over the past day.
According to the report, Russia has also lost 5,983 tanks, 11,087 armored fighting vehicles,
11,330 vehicles and fuel tanks, 8,482 artillery systems, 943 multiple launch rocket systems,
625 air defense systems, 329 airplanes, 324 helicopters, 6,657 drones, 1,709 cruise missiles,
23 ships and boats, and one submarine.
"""

KI_FIGURES = {
    "personnel": F(360010, 780),
    "tanks": F(5983),
    "armored_vehicles": F(11087),
    "vehicles_fuel_tanks": F(11330),
    "artillery": F(8482),
    "mlrs": F(943),
    "air_defense": F(625),
    "aircraft": F(329),
    "helicopters": F(324),
    "drones": F(6657),
    "cruise_missiles": F(1709),
    "ships": F(23),
    "submarines": F(1),
}

EN_EXAMPLE = """\
The total combat losses of the enemy from 24.02 to 10.08 were approximately: personnel ‒
about 42800 (+160) persons were liquidated, tanks ‒ 1832 (+15), armoured combat vehicles ‒
4086 (+10), artillery systems – 971 (+7), MLRS – 261 (+0), Anti-aircraft warfare systems ‒
133 (+0), aircraft – 232 (+9), helicopters – 193 (+0), UAV operational-tactical level – 766
(+9), cruise missiles ‒ 185 (+0), warships / boats ‒ 15 (+0), vehicles and fuel tanks – 3005
(+7), special equipment ‒ 89 (+2). The Russian enemy suffered the greatest losses in the
Donetsk direction. The data are being updated.
"""

EN_FIGURES = {
    "personnel": F(42800, 160),
    "tanks": F(1832, 15),
    "armored_vehicles": F(4086, 10),
    "artillery": F(971, 7),
    "mlrs": F(261, 0),
    "air_defense": F(133, 0),
    "aircraft": F(232, 9),
    "helicopters": F(193, 0),
    "drones": F(766, 9),
    "cruise_missiles": F(185, 0),
    "ships": F(15, 0),
    "vehicles_fuel_tanks": F(3005, 7),
    "special_equipment": F(89, 2),
}

UA_EXAMPLE = """\
Загальні бойові втрати противника з 24.02.22 по 08.08.26 орієнтовно склали: особового
складу ‒ близько 1456610 (+1190) осіб, танків ‒ 12251 (+4) од, бойових броньованих машин ‒
25099 (+1) од, артилерійських систем ‒ 47580 (+58) од, РСЗВ ‒ 2009 (+1) од, засоби ППО ‒
1556 (+6) од, літаків ‒ 439 (+0) од, гелікоптерів ‒ 354 (+0) од, БпЛА оперативно-тактичного
рівня ‒ 449606 (+1751), крилаті ракети ‒ 5007 (+0), кораблі / катери ‒ 35 (+1) од, підводні
човни ‒ 2 (+0) од, автомобільної техніки та автоцистерн ‒ 131417 (+349) од, спеціальна
техніка ‒ 4504 (+2), наземні роботизовані комплекси ‒ 2162 (+10). Дані уточнюються.
"""

# The same post as the Telegram channel prints it: one category a line, emoji bullets,
# "ліквідовано близько", no-break spaces after the dashes and thin spaces in the numbers.
UA_TELEGRAM_EXAMPLE = """\
⚡️Загальні бойові втрати противника з 24.02.22 по 08.08.26 орієнтовно склали:
👉 особового складу ‒\u00a0ліквідовано близько 1\u202f456\u202f610 (+1\u202f190) осіб
👉 танків ‒\u00a012\u202f251 (+4) од
👉 бойових броньованих машин ‒\u00a025\u202f099 (+1) од
👉 артилерійських систем ‒\u00a047\u202f580 (+58) од
👉 РСЗВ ‒\u00a02009 (+1) од
👉 засоби ППО ‒\u00a01556 (+6) од
👉 літаків ‒\u00a0439 (+0) од
👉 гелікоптерів ‒\u00a0354 (+0) од
👉 БпЛА оперативно-тактичного рівня ‒\u00a0449\u202f606 (+1751)
👉 крилаті ракети ‒\u00a05007 (+0)
👉 кораблі /катери ‒\u00a035 (+1) од
👉 підводні човни ‒\u00a02 (+0) од
👉 автомобільної техніки та автоцистерн ‒\u00a0131\u202f417 (+349) од
👉 спеціальна техніка ‒\u00a04504 (+2)
👉 наземні роботизовані комплекси ‒\u00a02162 (+10)
🇺🇦 Дані уточнюються.
💪 Разом переможемо!
Генеральний штаб ЗСУ
"""

UA_FIGURES = {
    "personnel": F(1456610, 1190),
    "tanks": F(12251, 4),
    "armored_vehicles": F(25099, 1),
    "artillery": F(47580, 58),
    "mlrs": F(2009, 1),
    "air_defense": F(1556, 6),
    "aircraft": F(439, 0),
    "helicopters": F(354, 0),
    "drones": F(449606, 1751),
    "cruise_missiles": F(5007, 0),
    "ships": F(35, 1),
    "submarines": F(2, 0),
    "vehicles_fuel_tanks": F(131417, 349),
    "special_equipment": F(4504, 2),
    "ground_robots": F(2162, 10),
}

# The KI report as it arrives when a whole page is copied: site chrome, a photo caption,
# a related link to the previous day's figures, an editor's note and a column of other briefs
# whose numbers ("firing 20 times", "8 communities", "14 of 20 drones", "lost 3 tanks") are
# not the report's. All of this is written for the test.
KI_PAGE = f"""\
Kyiv Independent — Ukraine news
Subscribe   Log in
Ukraine war latest
{KI_EXAMPLE.splitlines()[0]}
{KI_EXAMPLE.splitlines()[1]}
Artillerymen of a Ukrainian brigade fire a 152 mm howitzer at Russian positions in the south
on Dec. 28, 2023. (Illustrative photo: the brigade's press service)
{chr(10).join(KI_EXAMPLE.splitlines()[2:])}
Read also: General Staff: Russia has lost 359,230 troops in Ukraine
Editor's note: The Kyiv Independent cannot independently verify the figures of 2 sides.
Latest news
3:53 PM
Russian forces attack Kherson Oblast, firing 20 times over the past day.
Russian troops shelled 8 communities of the oblast with artillery and drones, the regional
governor said on Jan. 1; two people were injured.
9:41 AM
Air defense downs 14 of 20 drones overnight.
Ukraine's air defense shot down 14 of the 20 drones launched overnight, the Air Force said.
8:02 AM
Brigade: Russian forces lost 3 tanks in a failed assault near Avdiivka.
The brigade said Russian forces also lost 7 tanks and 12 helicopters near Marinka on Dec. 30.
Most read
1 — Zelensky meets frontline troops 2 — Power grid update
"""


def test_kyiv_independent_example() -> None:
    report = parse_report(KI_EXAMPLE)
    assert report.date == dt.date(2024, 1, 1)
    assert report.figures == KI_FIGURES
    assert report.qualifier is None
    assert report.note is None
    assert report.unparsed == ()
    assert report.day == 677


def test_kyiv_independent_example_in_a_page_with_furniture_and_other_briefs() -> None:
    report = parse_report(KI_PAGE)
    assert report.date == dt.date(2024, 1, 1)
    assert report.figures == KI_FIGURES
    assert report.note is None
    assert report.unparsed == ()


def test_prose_report_in_one_sentence() -> None:
    text = (
        "Russia has lost 323,760 troops, 5,502 tanks, 10,300 armored fighting vehicles and "
        "7,735 artillery systems since Feb. 24, 2022, the General Staff reported on Nov. 25, 2023."
    )
    report = parse_report(text)
    assert report.date == dt.date(2023, 11, 25)
    assert report.figures == {
        "personnel": F(323760),
        "tanks": F(5502),
        "armored_vehicles": F(10300),
        "artillery": F(7735),
    }


def test_official_english_example() -> None:
    report = parse_report(EN_EXAMPLE)
    assert report.date == dt.date(2022, 8, 10)
    assert report.figures == EN_FIGURES
    assert report.qualifier == "about"
    assert report.note == "The Russian enemy suffered the greatest losses in the Donetsk direction."
    assert report.unparsed == ()


def test_a_pages_caption_before_the_direction_sentence_stays_out_of_the_note() -> None:
    """A copied page puts a caption paragraph (a video's, a photo credit) between the list
    and the sentence on the greatest losses: the note starts at that sentence's paragraph."""
    text = EN_EXAMPLE.replace(
        " The Russian enemy suffered",
        "\n\nWatch: the day in two minutes\nPhoto: press service\n\nThe Russian enemy suffered",
    )
    report = parse_report(text)
    assert report.note == "The Russian enemy suffered the greatest losses in the Donetsk direction."
    assert report.figures == EN_FIGURES


def test_the_note_of_a_real_copied_news_page_is_its_sentence() -> None:
    text = shared_file("real_texts", "05_unian-uk_2022-06-18.txt").read_text(encoding="utf-8")
    note = parse_report(text, today=dt.date(2026, 12, 5)).note
    assert note is not None and note.startswith("Зазначається, що найбільших втрат"), note


def test_official_ukrainian_example_one_paragraph() -> None:
    report = parse_report(UA_EXAMPLE)
    assert report.date == dt.date(2026, 8, 8)
    assert report.figures == UA_FIGURES
    assert report.qualifier == "about"
    assert report.note is None
    assert report.unparsed == ()


def test_official_ukrainian_example_one_a_line_with_emoji() -> None:
    report = parse_report(UA_TELEGRAM_EXAMPLE)
    assert report.date == dt.date(2026, 8, 8)
    assert report.figures == UA_FIGURES
    assert report.qualifier == "about"
    assert report.unparsed == ()


def test_english_example_one_category_a_line() -> None:
    body = EN_EXAMPLE.replace("\n", " ").replace("approximately: ", "approximately:\n")
    lines = body.replace("), ", "),\n").replace("liquidated, ", "liquidated,\n")
    assert lines.count("\n") > 10
    report = parse_report(lines)
    assert report.figures == EN_FIGURES
    assert report.date == dt.date(2022, 8, 10)


# --------------------------------------------------------------------------------------------
# The real posts of 2022, checked against the PetroIvaniuk dataset.
# --------------------------------------------------------------------------------------------


@cache
def _petroivaniuk_rows(name: str) -> dict[str, dict[str, Any]]:
    path = shared_file("petroivaniuk", name)
    return {row["date"]: row for row in json.loads(path.read_text(encoding="utf-8"))}


def _petroivaniuk_totals(date: dt.date) -> dict[str, int]:
    """The dataset's totals of one day, under the program's category keys."""
    equipment = _petroivaniuk_rows("russia_losses_equipment.json")[date.isoformat()]
    personnel = _petroivaniuk_rows("russia_losses_personnel.json")[date.isoformat()]
    totals = {
        BY_PETROIVANIUK[name].key: value
        for name, value in equipment.items()
        if name in BY_PETROIVANIUK
    }
    totals["personnel"] = personnel["personnel"]
    return totals


OFFICIAL_POSTS: dict[str, tuple[dt.date, str | None]] = {
    "en_2022-04-16_mil.gov.ua.txt": (dt.date(2022, 4, 16), None),
    "en_2022-04-17_mil.gov.ua.txt": (dt.date(2022, 4, 17), None),
    "en_2022-08-15_mil.gov.ua.txt": (
        dt.date(2022, 8, 15),
        "Russian enemy suffered the greatest losses (of the past day) at the Donetsk direction.",
    ),
    "uk_2022-07-08_mil.gov.ua.txt": (
        dt.date(2022, 7, 8),
        "Найбільших втрат противник зазнав на Краматорському напрямку.",
    ),
}


def test_every_official_post_file_is_covered() -> None:
    folder = shared_file("official_posts")
    names = {p.name for p in Path(folder).glob("*.txt") if p.name != "SOURCE.txt"}
    assert names == set(OFFICIAL_POSTS)


@pytest.mark.parametrize("name", sorted(OFFICIAL_POSTS))
def test_official_post_matches_petroivaniuk(name: str) -> None:
    date, note = OFFICIAL_POSTS[name]
    text = shared_file("official_posts", name).read_text(encoding="utf-8")

    report = parse_report(text)

    assert report.date == date
    assert {k: f.total for k, f in report.figures.items()} == _petroivaniuk_totals(date)
    assert report.qualifier == "about"
    assert report.note == note
    assert report.unparsed == ()
    # Where the post states changes, they equal the rise since the dataset's previous day.
    previous = _petroivaniuk_totals(date - dt.timedelta(days=1))
    stated = {k: f.change for k, f in report.figures.items() if f.change is not None}
    if date < dt.date(2022, 5, 1):
        assert stated == {}  # April posts gave no changes
    else:
        assert stated == {k: f.total - previous[k] for k, f in report.figures.items()}


def test_english_example_matches_petroivaniuk() -> None:
    report = parse_report(EN_EXAMPLE)
    assert report.date is not None
    assert {k: f.total for k, f in report.figures.items()} == _petroivaniuk_totals(report.date)


def test_ukrainian_example_matches_petroivaniuk() -> None:
    report = parse_report(UA_EXAMPLE)
    assert report.date is not None
    assert {k: f.total for k, f in report.figures.items()} == _petroivaniuk_totals(report.date)


def test_april_post_keeps_the_legacy_categories_apart() -> None:
    text = shared_file("official_posts", "en_2022-04-16_mil.gov.ua.txt").read_text("utf-8")
    figures = parse_report(text).figures
    assert figures["military_vehicles"] == F(1458)
    assert figures["fuel_tanks"] == F(76)
    assert figures["ships"] == F(8)
    assert figures["srbm_launchers"] == F(4)
    assert "vehicles_fuel_tanks" not in figures


# --------------------------------------------------------------------------------------------
# Numbers, dashes, changes, qualifiers.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["323760", "323,760", "323 760", "323\u00a0760", "323\u2009760", "323\u202f760"],
)
def test_thousand_separators(number: str) -> None:
    report = parse_report(f"personnel ‒ about {number} (+860) persons were liquidated")
    assert report.figures == {"personnel": F(323760, 860)}


@pytest.mark.parametrize("separator", [",", " ", "\u00a0", "\u202f"])
def test_thousand_separators_in_prose(separator: str) -> None:
    report = parse_report(f"Russia has lost 323{separator}760 troops and 5{separator}502 tanks.")
    assert report.figures == {"personnel": F(323760), "tanks": F(5502)}


@pytest.mark.parametrize(
    "line",
    [
        "tanks ‒ 1832 (+15)",  # U+2012 figure dash
        "tanks – 1832 (+15)",  # U+2013 en dash
        "tanks — 1832 (+15)",  # U+2014 em dash
        "tanks - 1832 (+15)",  # hyphen-minus
        "tanks ‒1832 (+15)",
        "tanks -1832 (+15)",
        "tanks\u00a0‒\u00a01832\u00a0(+15)",
        "tanks: 1832 (+15)",
        "Tanks ‒ 1832 (+15) од.",
    ],
)
def test_dashes(line: str) -> None:
    assert parse_report(line).figures == {"tanks": F(1832, 15)}


def test_dash_without_space_before_the_qualifier() -> None:
    report = parse_report("personnel ‒about 43750 (+200) persons were liquidated,")
    assert report.figures == {"personnel": F(43750, 200)}
    assert report.qualifier == "about"


@pytest.mark.parametrize(
    ("stated", "change"),
    [("(+12)", 12), ("(+0)", 0), ("(0)", 0), ("(-3)", -3), ("(−3)", -3), ("( +7 )", 7), ("", None)],
)
def test_changes(stated: str, change: int | None) -> None:
    assert parse_report(f"tanks ‒ 1832 {stated}").figures["tanks"] == F(1832, change)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("personnel ‒ about 42800 (+160) persons were liquidated", "about"),
        ("personnel ‒ more than 42800 (+160) persons", "more than"),
        ("personnel ‒ 42800 (+160) persons", None),
        ("особового складу ‒ близько 36900 (+250) осіб", "about"),
        ("особового складу ‒ понад 36900 (+250) осіб", "more than"),
        ("особового складу ‒ більше 36900 (+250) осіб", "more than"),
        ("особового складу ‒ ліквідовано близько 36900 (+250) осіб", "about"),
        ("Russia has lost about 360,010 troops in Ukraine.", "about"),
        ("Russia has lost more than 360,010 troops in Ukraine.", "more than"),
    ],
)
def test_personnel_qualifier(text: str, qualifier: str | None) -> None:
    report = parse_report(text)
    assert report.figures["personnel"].total in (42800, 36900, 360010)
    assert report.qualifier == qualifier


def test_qualifier_belongs_to_personnel_only() -> None:
    report = parse_report("tanks ‒ about 1832 (+15)\nAPV ‒ 4086 (+10)")
    assert report.figures == {"tanks": F(1832, 15), "armored_vehicles": F(4086, 10)}
    assert report.qualifier is None


@pytest.mark.parametrize(
    ("phrase", "key", "total"),
    [
        ("one submarine", "submarines", 1),
        ("a submarine", "submarines", 1),
        ("two helicopters", "helicopters", 2),
        ("twenty airplanes", "aircraft", 20),
        ("twenty-one cruise missiles", "cruise_missiles", 21),
        ("1,277 pieces of special equipment", "special_equipment", 1277),
    ],
)
def test_number_words_and_phrasings_in_prose(phrase: str, key: str, total: int) -> None:
    report = parse_report(f"Russia has also lost 5,983 tanks and {phrase}.")
    assert report.figures == {"tanks": F(5983), key: F(total)}


# --------------------------------------------------------------------------------------------
# Dates.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("The total combat losses of the enemy from 24.02 to 10.08 were", dt.date(2022, 8, 10)),
        (
            "The total combat losses of the enemy from 24.02.2022 to 25.11.2023 were",
            dt.date(2023, 11, 25),
        ),
        (
            "The total combat losses of the enemy from 24.02.22 to 25.11.23 were",
            dt.date(2023, 11, 25),
        ),
        (
            "Загальні бойові втрати противника з 24.02 по 08.07 орієнтовно склали",
            dt.date(2022, 7, 8),
        ),
        (
            "Загальні бойові втрати противника з 24.02.22 по 25.11.23 орієнтовно склали",
            dt.date(2023, 11, 25),
        ),
        (
            "Загальні бойові втрати противника з 24.02.2022 по 01.01.2025 орієнтовно склали",
            dt.date(2025, 1, 1),
        ),
    ],
)
def test_official_header_dates(header: str, date: dt.date) -> None:
    assert parse_report(f"{header}:\ntanks ‒ 5 (+1)").date == date


def test_official_lines_without_header_have_no_date() -> None:
    assert parse_report("tanks ‒ 5 (+1)\nAPV ‒ 7 (+0)").date is None


def test_unreadable_header_date_is_reported_not_guessed() -> None:
    report = parse_report("втрати противника з 24.02 по 31.02 склали:\nтанків ‒ 5 (+1) од")
    assert report.date is None
    assert report.unparsed == ("з 24.02 по 31.02",)


def test_prose_date_takes_the_year_from_the_date_line() -> None:
    text = (
        "November 25, 2023 11:03 AM\n"
        "Russia has lost 323,760 troops in Ukraine since Feb. 24, 2022, the General Staff "
        "reported on Nov. 25."
    )
    assert parse_report(text).date == dt.date(2023, 11, 25)


def test_prose_report_of_the_previous_year() -> None:
    text = (
        "January 1, 2024 7:30 AM\n"
        "Russia has lost 359,230 troops in Ukraine since Feb. 24, 2022, the General Staff "
        "reported on Dec. 31."
    )
    assert parse_report(text).date == dt.date(2023, 12, 31)


def test_prose_date_from_the_date_line_alone() -> None:
    text = "by Newsroom November 25, 2023 11:03 AM\nRussia has lost 323,760 troops in Ukraine."
    assert parse_report(text).date == dt.date(2023, 11, 25)


@pytest.mark.parametrize(
    ("today", "date"),
    [(dt.date(2024, 2, 1), dt.date(2023, 11, 25)), (dt.date(2023, 11, 25), dt.date(2023, 11, 25))],
)
def test_prose_date_without_a_date_line_uses_today_for_the_year(
    today: dt.date, date: dt.date
) -> None:
    text = "Russia has lost 323,760 troops, the General Staff reported on Nov. 25."
    assert parse_report(text, today=today).date == date


def test_prose_date_with_its_own_year() -> None:
    text = "Russia has lost 323,760 troops, the General Staff reported on Nov. 25, 2023."
    assert parse_report(text, today=dt.date(2026, 1, 1)).date == dt.date(2023, 11, 25)


def test_prose_without_any_date() -> None:
    assert parse_report("Russia has lost 323,760 troops.").date is None


# --------------------------------------------------------------------------------------------
# Category names.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("personnel", "personnel"),
        ("APV", "armored_vehicles"),
        ("armoured combat vehicles", "armored_vehicles"),
        ("Anti-aircraft warfare systems", "air_defense"),
        ("UAV operational-tactical level", "drones"),
        ("warships / boats", "ships"),
        ("boats / cutters", "ships"),
        ("submarines", "submarines"),
        ("vehicles and fuel tanks", "vehicles_fuel_tanks"),
        ("vehicles", "military_vehicles"),
        ("fuel tanks", "fuel_tanks"),
        ("mobile SRBM system", "srbm_launchers"),
        ("ground robotic systems", "ground_robots"),
        ("особового складу", "personnel"),
        ("бойових броньованих машин", "armored_vehicles"),
        ("засоби ППО", "air_defense"),
        ("БПЛА оперативно-тактичного рівня", "drones"),
        ("БпЛА оперативно-тактичного рівня", "drones"),
        ("кораблі / катери", "ships"),
        ("кораблі /катери", "ships"),
        ("підводні човни", "submarines"),
        ("автомобільної техніки та автоцистерн", "vehicles_fuel_tanks"),
        ("автомобільної техніки", "military_vehicles"),
        ("цистерн з ПММ", "fuel_tanks"),
        ("спеціальна техніка", "special_equipment"),
        ("наземні роботизовані комплекси", "ground_robots"),
        ("пускові установки ОТРК/ТРК", "srbm_launchers"),
    ],
)
def test_official_category_names(label: str, key: str) -> None:
    assert parse_report(f"{label} ‒ 12 (+1)").figures == {key: F(12, 1)}


def test_legacy_and_merged_vehicle_names_side_by_side() -> None:
    text = "vehicles ‒ 1458,\nfuel tanks ‒ 76,\nvehicles and fuel tanks ‒ 1534."
    assert parse_report(text).figures == {
        "military_vehicles": F(1458),
        "fuel_tanks": F(76),
        "vehicles_fuel_tanks": F(1534),
    }


# --------------------------------------------------------------------------------------------
# What is not read: unknown categories, page furniture, texts without a report.
# --------------------------------------------------------------------------------------------


def test_unknown_category_is_listed_as_unparsed() -> None:
    report = parse_report("tanks ‒ 1832 (+15),\nxyz ‒ 12 (+1),\nAPV ‒ 4086 (+10).")
    assert report.figures == {"tanks": F(1832, 15), "armored_vehicles": F(4086, 10)}
    assert report.unparsed == ("xyz ‒ 12 (+1)",)


def test_known_category_with_unreadable_value_is_listed_as_unparsed() -> None:
    report = parse_report("tanks ‒ 1832 (+15)\nhelicopters ‒ n/a\nAPV ‒ 4086 (+10)")
    assert set(report.figures) == {"tanks", "armored_vehicles"}
    assert report.unparsed == ("helicopters ‒ n/a",)


@pytest.mark.parametrize("number", ["1.832", "1'832", "1’832", "1 832", "1,832"])
def test_dot_and_apostrophe_grouping_read_like_comma_and_space(number: str) -> None:
    report = parse_report(f"tanks ‒ {number} (+15)\nAPV ‒ 4.086 (+1.010)")
    assert report.figures == {"tanks": F(1832, 15), "armored_vehicles": F(4086, 1010)}
    assert report.unparsed == ()


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("1.83", "1.83 (+15)"),
        ("18.3", "18.3 (+15)"),
        ("1.8320", "1.8320 (+15)"),
        ("1.832.5", "1.832.5 (+15)"),
        ("1.832,5", "1.832"),  # a comma ends a list item, so the listed text stops there
    ],
)
def test_decimals_and_broken_grouping_are_unparsed_not_misread(number: str, shown: str) -> None:
    report = parse_report(f"tanks ‒ {number} (+15)\nAPV ‒ 4086 (+10)")
    assert report.figures == {"armored_vehicles": F(4086, 10)}
    assert report.unparsed == (f"tanks ‒ {shown}",)


@pytest.mark.parametrize(
    ("written", "change"),
    [("5502 +3", 3), ("5 502 + 3", 3), ("5,502 −3", -3), ("5502 (+3)", 3), ("5502", None)],
)
def test_a_change_without_parentheses(written: str, change: int | None) -> None:
    report = parse_report(f"tanks ‒ {written} од\nAPV ‒ 4086 (+10)")
    assert report.figures == {"tanks": F(5502, change), "armored_vehicles": F(4086, 10)}
    assert report.unparsed == ()


def test_same_category_twice_keeps_the_first_and_shows_the_second() -> None:
    report = parse_report("tanks ‒ 1832 (+15)\ntanks ‒ 1900 (+3)\ntanks ‒ 1832 (+15)")
    assert report.figures == {"tanks": F(1832, 15)}
    assert report.unparsed == ("tanks ‒ 1900 (+3)",)


def test_slogans_and_signatures_are_ignored() -> None:
    text = (
        "танків ‒ 5 (+1) од.\nДані уточнюються.\nРазом переможемо! Наша сила - в правді!\n"
        "Генеральний штаб ЗСУ\nData are being updated.\nStrike the occupier! Let's win together!"
    )
    report = parse_report(text)
    assert report.figures == {"tanks": F(5, 1)}
    assert report.unparsed == ()
    assert report.note is None


def test_windows_line_endings_and_invisible_characters() -> None:
    text = UA_TELEGRAM_EXAMPLE.replace("\n", "\r\n").replace("танків", "тан\u200bків")
    assert parse_report(text).figures == UA_FIGURES


def test_prose_list_with_an_unknown_item() -> None:
    report = parse_report("Russia has also lost 5,983 tanks, 12 widgets, and one submarine.")
    assert report.figures == {"tanks": F(5983), "submarines": F(1)}
    assert report.unparsed == ("12 widgets",)


SHELLING_BRIEF = """\
3:53 PM
Russian forces attack Kherson Oblast, firing 20 times over the past day.
Russian troops shelled 8 communities with artillery, mortars and drones, the governor said on
Nov. 25; 2 people were injured and 14 houses were damaged.
"""


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t\n",
        SHELLING_BRIEF,
        "9:41 AM\nAir defense downs 14 of 20 drones overnight.\nUkraine's air defense shot down "
        "14 of the 20 drones launched overnight, the Air Force said.",
        "Russia lost 14 of 20 drones it launched overnight.",
        "Data are being updated.\nStrike the occupier! Let's win together!",
        "The total combat losses of the enemy from 24.02 to 10.08 were approximately:",
    ],
)
def test_texts_without_a_report_raise_no_report_error(text: str) -> None:
    with pytest.raises(NoReportError) as raised:
        parse_report(text)
    message = str(raised.value)
    assert message and "\n" not in message


def test_no_report_error_names_the_unreadable_line() -> None:
    with pytest.raises(NoReportError, match="xyz ‒ 12"):
        parse_report("xyz ‒ 12 (+1)")


def test_empty_text_reason() -> None:
    with pytest.raises(NoReportError, match="empty"):
        parse_report("")


def test_no_figures_reason() -> None:
    with pytest.raises(NoReportError, match="no loss figures found"):
        parse_report(SHELLING_BRIEF)


def test_unit_words_do_not_stick_to_the_next_label() -> None:
    text = "танків ‒ 5 (+1) од бойових броньованих машин ‒ 7 (+1) од РСЗВ ‒ 2 од"
    report = parse_report(text)
    assert report.figures == {"tanks": F(5, 1), "armored_vehicles": F(7, 1), "mlrs": F(2)}
    assert report.unparsed == ()


# Inputs built to make a careless scanner quadratic: (head, repeated piece, times, tail).
ADVERSARIAL = {
    "dashes after labels": ("", "tanks ‒ ", 20000, ""),
    "long label run": ("", "a", 100000, " ‒ 5"),
    "repeated lost": ("", "lost ", 20000, ""),
    "lists swallowing lists": ("", "lost 5 tanks, 6 x ", 10000, ""),
    "many items": ("", "tanks ‒ 1832 (+15), xyz ‒ 12 (+1),\n", 5000, ""),
    "qualifier run": ("tanks ‒ ", "about ", 20000, "5"),
    "headers": ("", "з 24.02 по ", 20000, ""),
    "casualties": ("", "5 casualties " + "x" * 200, 500, ""),
}


def _parse_seconds(text: str) -> float:
    """CPU seconds of this process (other work on the machine does not count), the best of
    three runs."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        with contextlib.suppress(NoReportError):
            parse_report(text, today=dt.date(2026, 1, 1))
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_takes_time_in_proportion_to_its_length(name: str) -> None:
    # Compared with itself at a quarter of the length, not with a clock: four times the text
    # may take about four times as long; a quadratic scanner would take sixteen.
    head, piece, times, tail = ADVERSARIAL[name]
    quarter = _parse_seconds(head + piece * (times // 8) + tail)
    whole = _parse_seconds(head + piece * (times // 2) + tail)
    assert whole < 10 * quarter + 0.1, (whole, quarter)


UK_NEWS = """Головне за день
Генштаб: втрати росії у війні
8 серпня 2026, 09:15
Загальні втрати Росії у війні проти України з 24 лютого 2022 року по 8 серпня 2026 року
становлять близько 1 456 610 осіб, з них 1 190 — за минулу добу.
Також ворог втратив 12 251 танк, 25 099 бойових броньованих машин, 47 580 артилерійських
систем, 2 009 РСЗВ, 1 556 засобів ППО, 439 літаків, 354 гелікоптери, 449 606 БпЛА
оперативно-тактичного рівня, 5 007 крилатих ракет, 35 кораблів/катерів, 1 підводний човен,
58 000 одиниць автомобільної техніки та автоцистерн і 4 000 одиниць спеціальної техніки.
Читайте також: на Сумщині окупанти за день втратили 3 танки та 12 БпЛА.
"""


def test_ukrainian_news_prose_reads_the_report_and_not_the_other_brief() -> None:
    report = parse_report(UK_NEWS, today=dt.date(2026, 11, 1))
    assert report.date == dt.date(2026, 8, 8)
    assert report.qualifier == "about"
    assert report.figures == {
        "personnel": F(1_456_610, 1_190),
        "tanks": F(12_251),
        "armored_vehicles": F(25_099),
        "artillery": F(47_580),
        "mlrs": F(2_009),
        "air_defense": F(1_556),
        "aircraft": F(439),
        "helicopters": F(354),
        "drones": F(449_606),
        "cruise_missiles": F(5_007),
        "ships": F(35),
        "submarines": F(1),
        "vehicles_fuel_tanks": F(58_000),
        "special_equipment": F(4_000),
    }
    assert report.unparsed == ()


def test_ukrainian_prose_takes_the_year_from_the_page_and_the_day_change_after_it() -> None:
    text = (
        "12 березня 2025 р., 10:02\nЗа даними Генштабу станом на 12 березня Росія "
        "втратила понад 900 000 військових; за останню добу — 1 300 осіб. "
        "Також окупанти втратили 10 300 танків та 21 400 бойових броньованих машин."
    )
    report = parse_report(text, today=dt.date(2026, 1, 1))
    assert report.date == dt.date(2025, 3, 12)
    # "понад 900 000" is a bound, not a figure: only the day's change of personnel is stated.
    assert report.changes_only == {"personnel": 1_300}
    assert report.figures == {"tanks": F(10_300), "armored_vehicles": F(21_400)}


def test_a_number_run_together_with_a_letter_is_listed_not_read() -> None:
    text = (
        "The total combat losses of the enemy from 24.02.2022 to 08.08.2026 were approximately:"
        " personnel ‒ about 1456610 (+1190) persons were liquidated, tanks ‒ 2l7 (+4),"
        " armoured combat vehicles ‒ 3O3 (+1), artillery systems ‒ 47580 (+58),"
        " MLRS ‒ 12251.5 (+1), UAV operational-tactical level ‒ 2o10"
    )
    report = parse_report(text)
    assert set(report.figures) == {"personnel", "artillery"}
    assert report.unparsed == (
        "tanks ‒ 2l7 (+4)",
        "armoured combat vehicles ‒ 3O3 (+1)",
        "MLRS ‒ 12251.5 (+1)",
        "UAV operational-tactical level ‒ 2o10",
    )


def test_prose_lists_a_count_run_together_with_a_letter_and_reads_on() -> None:
    text = (
        "Russia has lost 360,010 troops in Ukraine since the beginning of its full-scale"
        " invasion on Feb. 24, 2022, the General Staff reported on Jan. 1. Russia has also"
        " lost 5,983 tanks, 1l087 armored fighting vehicles, 8,482 artillery systems and"
        " one submarine."
    )
    report = parse_report(text, today=dt.date(2024, 1, 1))
    assert "armored_vehicles" not in report.figures
    assert report.figures["artillery"].total == 8482 and report.figures["submarines"].total == 1
    assert report.unparsed == ("1l087 armored fighting vehicles",)
