"""Property tests: rendered reports parse back exactly; no text makes the parser crash.

Run long with ``HYPOTHESIS_PROFILE=ci``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import assume, given
from hypothesis import strategies as st

from desktop_app.core.categories import KEYS
from desktop_app.core.errors import NoReportError
from desktop_app.core.loss_outline import LARGEST_DAY, expected_total
from desktop_app.core.report import Figure
from desktop_app.core.report_parser import parse_report

# How each style names each category; a draw picks one of the spellings.
EN_LABELS: dict[str, tuple[str, ...]] = {
    "personnel": ("personnel",),
    "tanks": ("tanks",),
    "armored_vehicles": ("APV", "armoured combat vehicles"),
    "artillery": ("artillery systems",),
    "mlrs": ("MLRS",),
    "air_defense": ("Anti-aircraft warfare systems",),
    "aircraft": ("aircraft",),
    "helicopters": ("helicopters",),
    "drones": ("UAV operational-tactical level",),
    "cruise_missiles": ("cruise missiles",),
    "ships": ("warships / boats", "boats / cutters"),
    "submarines": ("submarines",),
    "vehicles_fuel_tanks": ("vehicles and fuel tanks",),
    "special_equipment": ("special equipment",),
    "ground_robots": ("ground robotic systems",),
    "srbm_launchers": ("mobile SRBM system",),
    "military_vehicles": ("vehicles",),
    "fuel_tanks": ("fuel tanks",),
}
UA_LABELS: dict[str, tuple[str, ...]] = {
    "personnel": ("особового складу",),
    "tanks": ("танків",),
    "armored_vehicles": ("бойових броньованих машин",),
    "artillery": ("артилерійських систем",),
    "mlrs": ("РСЗВ",),
    "air_defense": ("засоби ППО",),
    "aircraft": ("літаків",),
    "helicopters": ("гелікоптерів",),
    "drones": ("БПЛА оперативно-тактичного рівня", "БпЛА оперативно-тактичного рівня"),
    "cruise_missiles": ("крилаті ракети",),
    "ships": ("кораблі / катери", "кораблі /катери"),
    "submarines": ("підводні човни",),
    "vehicles_fuel_tanks": ("автомобільної техніки та автоцистерн",),
    "special_equipment": ("спеціальна техніка",),
    "ground_robots": ("наземні роботизовані комплекси",),
    "srbm_launchers": ("пускові установки ОТРК/ТРК",),
    "military_vehicles": ("автомобільної техніки",),
    "fuel_tanks": ("цистерн з ПММ",),
}
PROSE_NOUNS: dict[str, str] = {
    "personnel": "troops",
    "tanks": "tanks",
    "armored_vehicles": "armored fighting vehicles",
    "artillery": "artillery systems",
    "mlrs": "multiple launch rocket systems",
    "air_defense": "air defense systems",
    "aircraft": "airplanes",
    "helicopters": "helicopters",
    "drones": "drones",
    "cruise_missiles": "cruise missiles",
    "ships": "ships and boats",
    "submarines": "submarines",
    "vehicles_fuel_tanks": "vehicles and fuel tanks",
    "special_equipment": "special equipment",
    "ground_robots": "ground robotic systems",
    "srbm_launchers": "mobile SRBM systems",
}
SMALL_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip

DASHES = ("‒", "–", "—", "-")
SEPARATORS = ("", ",", " ", "\u00a0", "\u2009", "\u202f", ".", "'", "’")
# How KI abbreviates months after "reported on", and how its date line spells them.
MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
)  # fmt: skip
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    date: dt.date
    figures: dict[str, Figure]
    qualifier: str | None


def group(n: int, sep: str) -> str:
    if not sep:
        return str(n)
    return f"{n:,}".replace(",", sep)


def realistic(draw: st.DrawFn, key: str, date: dt.date) -> int:
    """A total near the official series for the day (the parser rejects implausible ones)."""
    expected = expected_total(key, date)
    if expected is None:
        return draw(st.integers(0, 2_000))
    return max(0, round(expected * draw(st.floats(0.9, 1.1))))


@st.composite
def cases(draw: st.DrawFn, keys: tuple[str, ...] = KEYS, changes: bool = True) -> Case:
    chosen = draw(st.lists(st.sampled_from(keys), min_size=1, unique=True))
    date = draw(st.dates(dt.date(2022, 3, 1), dt.date(2026, 8, 31)))
    figures = {
        key: Figure(
            realistic(draw, key, date),
            draw(st.none() | st.integers(0, LARGEST_DAY.get(key, 100))) if changes else None,
        )
        for key in chosen
    }
    qualifier = draw(st.sampled_from([None, "about", "more than"]))
    personnel = figures.get("personnel")
    if qualifier == "more than" and personnel is not None and personnel.total % 1000 == 0:
        # "more than 128,000" is a bound, not a figure, and is stored as none (tested in
        # test_news_reader and test_report_parser); these cases state an exact count after
        # the word, as reports do ("more than 128,470").
        figures["personnel"] = Figure(personnel.total + 7, personnel.change)
    return Case(date, figures, qualifier if "personnel" in figures else None)


Draw = st.DrawFn


def number(draw: Draw, n: int) -> str:
    return group(n, draw(st.sampled_from(SEPARATORS)))


def change(draw: Draw, c: int | None) -> str:
    if c is None:
        return ""
    if c == 0 and draw(st.booleans()):
        return " (0)"
    if draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from([" +", " + "])) + number(draw, c)  # no parentheses
    return f" (+{number(draw, c)})"


def dash(draw: Draw) -> str:
    d = draw(st.sampled_from(DASHES))
    return draw(st.sampled_from([f" {d} ", f" {d}\u00a0", f" {d}"]))


def en_header(draw: Draw, date: dt.date) -> str:
    forms = [f"24.02.2022 to {date:%d.%m.%Y}", f"24.02.22 to {date:%d.%m.%y}"]
    if date.year == 2022:
        forms.append(f"24.02 to {date:%d.%m}")
    period = draw(st.sampled_from(forms))
    return f"The total combat losses of the enemy from {period} were approximately:"


def ua_header(draw: Draw, date: dt.date) -> str:
    forms = [f"24.02.22 по {date:%d.%m.%y}"]
    if date.year == 2022:
        forms.append(f"24.02 по {date:%d.%m}")
    return f"Загальні бойові втрати противника з {draw(st.sampled_from(forms))} орієнтовно склали:"


def en_items(draw: Draw, case: Case) -> list[str]:
    items = []
    for key, figure in case.figures.items():
        label = draw(st.sampled_from(EN_LABELS[key]))
        value = number(draw, figure.total) + change(draw, figure.change)
        if key == "personnel":
            qualifier = f"{case.qualifier} " if case.qualifier else ""
            value = qualifier + value + draw(st.sampled_from([" persons were liquidated", ""]))
        items.append(label + dash(draw) + value)
    return items


def ua_items(draw: Draw, case: Case, telegram: bool = False) -> list[str]:
    qualifiers = {None: [""], "about": ["близько "], "more than": ["понад ", "більше "]}
    items = []
    for key, figure in case.figures.items():
        label = draw(st.sampled_from(UA_LABELS[key]))
        value = number(draw, figure.total) + change(draw, figure.change)
        if key == "personnel":
            qualifier = draw(st.sampled_from(qualifiers[case.qualifier]))
            lead = "ліквідовано " if telegram else ""
            value = lead + qualifier + value + " осіб"
        elif draw(st.booleans()):
            value += " од"
        items.append(label + dash(draw) + value)
    return items


def wrap(draw: Draw, text: str) -> str:
    """Hard-wrap a paragraph at some of its spaces (never inside a number)."""
    spaces = [
        i
        for i, ch in enumerate(text)
        if ch == " " and not (text[i - 1].isdigit() and text[i + 1 : i + 2].isdigit())
    ]
    if not spaces:
        return text
    breaks = draw(st.sets(st.sampled_from(spaces), max_size=12))
    return "".join("\n" if i in breaks else ch for i, ch in enumerate(text))


def en_paragraph(draw: Draw, case: Case) -> str:
    body = ", ".join(en_items(draw, case))
    return wrap(draw, f"{en_header(draw, case.date)} {body}. The data are being updated.")


def en_lines(draw: Draw, case: Case) -> str:
    ends = st.sampled_from([",", ".", ""])
    lines = [item + draw(ends) for item in en_items(draw, case)]
    footer = ["Data are being updated.", "Strike the occupier! Let's win together!"]
    return "\n".join([en_header(draw, case.date), *lines, *footer])


def ua_paragraph(draw: Draw, case: Case) -> str:
    body = ", ".join(ua_items(draw, case))
    return wrap(draw, f"{ua_header(draw, case.date)} {body}. Дані уточнюються.")


def ua_lines(draw: Draw, case: Case) -> str:
    ends = st.sampled_from([",", ".", ""])
    lines = [item + draw(ends) for item in ua_items(draw, case)]
    footer = [
        "Дані уточнюються.",
        "Разом переможемо! Наша сила - в правді!",
        "Генеральний штаб ЗСУ",
    ]
    return "\n".join([ua_header(draw, case.date), *lines, *footer])


def ua_telegram(draw: Draw, case: Case) -> str:
    bullets = st.sampled_from(["👉 ", "🔹", "▪️ ", "• "])
    lines = [draw(bullets) + item for item in ua_items(draw, case, telegram=True)]
    return "\n".join(
        ["⚡️" + ua_header(draw, case.date), *lines, "🇺🇦 Дані уточнюються.", "💪 Разом переможемо!"]
    )


STYLES: dict[str, Callable[[Draw, Case], str]] = {
    "en_paragraph": en_paragraph,
    "en_lines": en_lines,
    "ua_paragraph": ua_paragraph,
    "ua_lines": ua_lines,
    "ua_telegram": ua_telegram,
}


@given(st.data(), cases(), st.sampled_from(sorted(STYLES)))
def test_official_styles_parse_back_exactly(data: st.DataObject, case: Case, style: str) -> None:
    text = STYLES[style](data.draw, case)
    report = parse_report(text)
    assert report.figures == case.figures, text
    assert report.date == case.date, text
    assert report.qualifier == case.qualifier, text
    assert report.unparsed == (), text


def prose_count(draw: Draw, n: int) -> str:
    if n <= 20 and draw(st.booleans()):
        return SMALL_WORDS[n]
    return group(n, draw(st.sampled_from((",", " ", "\u00a0", ""))))


@given(st.data(), cases(keys=tuple(PROSE_NOUNS), changes=False), st.none() | st.integers(0, 5000))
def test_prose_style_parses_back_exactly(
    data: st.DataObject, case: Case, casualties: int | None
) -> None:
    draw = data.draw
    figures = dict(case.figures)
    date = case.date
    headline_date = f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"
    reported = f"{MONTHS[date.month - 1]} {date.day}"
    lines = [f"by Newsroom {headline_date} 9:15 AM 1 min read"]
    personnel = figures.pop("personnel", None)
    if personnel is not None:
        qualifier = f"{case.qualifier} " if case.qualifier else ""
        lines.append(
            f"Russia has lost {qualifier}{prose_count(draw, personnel.total)} troops in Ukraine "
            "since the beginning of its full-scale invasion on Feb. 24, 2022, the General Staff "
            f"reported on {reported}."
        )
        if casualties is not None:
            lines.append(
                f"This number includes {group(casualties, ',')} casualties Russian forces "
                "suffered just over the past day."
            )
    items = []
    for key, figure in figures.items():
        noun = PROSE_NOUNS[key]
        if key == "submarines" and figure.total == 1:
            items.append(draw(st.sampled_from(["one submarine", "a submarine"])))
        else:
            items.append(f"{prose_count(draw, figure.total)} {noun}")
    if items:
        listed = ", ".join(items[:-1]) + (", and " if len(items) > 2 else " and ") + items[-1]
        listed = items[0] if len(items) == 1 else listed
        verb = "has also lost" if personnel is not None else "has lost"
        lines.append(
            f"According to the report, Russia {verb} {listed}"
            + ("." if personnel is not None else f", the General Staff reported on {reported}.")
        )
    text = "\n".join(lines)

    report = parse_report(text)

    expected = dict(case.figures)
    if personnel is not None:
        expected["personnel"] = Figure(personnel.total, casualties)
    assert report.figures == expected, text
    assert report.date == date, text
    assert report.qualifier == case.qualifier, text


def check_total(text: str) -> None:
    try:
        report = parse_report(text, today=dt.date(2026, 8, 8))
    except NoReportError as error:
        assert str(error)
        assert "\n" not in str(error)
    else:
        assert report.figures
        for figure in report.figures.values():
            assert figure.total >= 0


@given(st.text())
def test_arbitrary_text_only_ever_raises_no_report_error(text: str) -> None:
    check_total(text)


# Pieces of report texts glued at random reach the deeper paths that plain random text
# (almost never containing "tanks ‒ 12 (+1)") does not.
FRAGMENTS = st.sampled_from(
    [
        *{label for labels in EN_LABELS.values() for label in labels},
        *{label for labels in UA_LABELS.values() for label in labels},
        *PROSE_NOUNS.values(),
        *DASHES,
        " ",
        "\n",
        ",",
        ".",
        ":",
        "(",
        ")",
        "+",
        "-",
        "(+",
        "about",
        "близько",
        "more than",
        "lost",
        "Russia has also lost",
        "reported on",
        "casualties",
        "past day",
        "from 24.02 to",
        "з 24.02 по",
        "24.02.22",
        "31.02",
        "Nov.",
        "November 25, 2023",
        "9:15 AM",
        "greatest losses",
        "Найбільших втрат",
        "one",
        "a",
        "twenty-one",
        "од",
        "persons were liquidated",
        "ліквідовано",
        "👉",
        "\u00a0",
        "\u202f",
        "since",
    ]
)


@given(
    st.lists(FRAGMENTS | st.integers(0, 10**20).map(str) | st.text(max_size=3), max_size=40).map(
        "".join
    )
)
def test_glued_report_fragments_only_ever_raise_no_report_error(text: str) -> None:
    check_total(text)


@given(st.data(), cases(), st.sampled_from(sorted(STYLES)), st.text(max_size=30))
def test_report_with_a_junk_tail_still_yields_its_figures(
    data: st.DataObject, case: Case, style: str, junk: str
) -> None:
    text = STYLES[style](data.draw, case)
    assume(not any(ch.isdigit() for ch in junk))
    report = parse_report(text + "\n\n" + junk)
    for key, figure in case.figures.items():
        assert report.figures.get(key) == figure, text + "\n\n" + junk


# Ukrainian prose: the noun takes the form its count asks for (1 танк, 2 танки, 5 танків).
UK_PROSE_NOUNS: dict[str, tuple[str, str, str]] = {
    "tanks": ("танк", "танки", "танків"),
    "armored_vehicles": (
        "бойова броньована машина",
        "бойові броньовані машини",
        "бойових броньованих машин",
    ),
    "artillery": ("артилерійська система", "артилерійські системи", "артилерійських систем"),
    "mlrs": ("РСЗВ", "РСЗВ", "РСЗВ"),
    "air_defense": ("засіб ППО", "засоби ППО", "засобів ППО"),
    "aircraft": ("літак", "літаки", "літаків"),
    "helicopters": ("гелікоптер", "гелікоптери", "гелікоптерів"),
    "drones": ("БпЛА", "БпЛА", "БпЛА оперативно-тактичного рівня"),
    "cruise_missiles": ("крилата ракета", "крилаті ракети", "крилатих ракет"),
    "ships": ("корабель", "кораблі / катери", "кораблів/катерів"),
    "submarines": ("підводний човен", "підводні човни", "підводних човнів"),
    "vehicles_fuel_tanks": (
        "одиниця автомобільної техніки та автоцистерн",
        "одиниці автомобільної техніки та автоцистерн",
        "одиниць автомобільної техніки та автоцистерн",
    ),
    "special_equipment": (
        "одиниця спеціальної техніки",
        "одиниці спеціальної техніки",
        "одиниць спеціальної техніки",
    ),
    "ground_robots": (
        "наземний роботизований комплекс",
        "наземні роботизовані комплекси",
        "наземних роботизованих комплексів",
    ),
}
UK_MONTHS = (
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
)


def uk_form(n: int, forms: tuple[str, str, str]) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


@given(
    st.data(),
    cases(keys=("personnel", *UK_PROSE_NOUNS), changes=False),
    st.none() | st.integers(0, 5000),
)
def test_ukrainian_prose_parses_back_exactly(
    data: st.DataObject, case: Case, casualties: int | None
) -> None:
    draw = data.draw
    figures = dict(case.figures)
    date = case.date
    spelled = f"{date.day} {UK_MONTHS[date.month - 1]} {date.year}"
    number = lambda n: group(n, draw(st.sampled_from((" ", "\u00a0", "", ".", ","))))  # noqa: E731
    lines = [f"Новини {spelled}, 09:15"]
    personnel = figures.pop("personnel", None)
    if personnel is not None:
        qualifier = {None: "", "about": "близько ", "more than": "понад "}[case.qualifier]
        lines.append(
            f"Загальні втрати Росії у війні проти України з 24 лютого 2022 року по {spelled} "
            f"року становлять {qualifier}{number(personnel.total)} "
            f"{uk_form(personnel.total, ('особа', 'особи', 'осіб'))}"
            + (f", з них {number(casualties)} — за минулу добу." if casualties is not None else ".")
        )
    items = [f"{number(f.total)} {uk_form(f.total, UK_PROSE_NOUNS[k])}" for k, f in figures.items()]
    if items:
        listed = (
            items[0]
            if len(items) == 1
            else (", ".join(items[:-1]) + draw(st.sampled_from([" і ", " та ", ", "])) + items[-1])
        )
        lead = (
            "Також ворог втратив"
            if personnel is not None
            else (f"За даними Генштабу станом на {spelled}, ворог втратив")
        )
        lines.append(f"{lead} {listed}.")
    text = "\n".join(lines)

    report = parse_report(text)

    expected = dict(case.figures)
    if personnel is not None:
        expected["personnel"] = Figure(personnel.total, casualties)
    assert report.figures == expected, text
    assert report.date == date, text
    assert report.qualifier == case.qualifier, text
