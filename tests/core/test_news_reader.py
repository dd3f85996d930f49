"""News prose as outlets write it: each class the issue on reading real texts names, in our own
words with other numbers. Each case would fail without the rule it is named after."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from desktop_app.core.errors import NoReportError
from desktop_app.core.report import Figure
from desktop_app.core.report_parser import parse_report, parse_reports

F = Figure
TODAY = dt.date(2026, 11, 30)


def read(text: str) -> tuple[dict[str, F], dict[str, int], dt.date | None]:
    report = parse_report(text, today=TODAY)
    return dict(report.figures), dict(report.changes_only), report.date


def test_a_headline_above_the_body_does_not_hide_the_body_list() -> None:
    text = (
        "General Staff: Russia has lost 512,370 troops in Ukraine since Feb. 24, 2022\n\n"
        "Russia has lost 512,370 troops since the start of the full-scale invasion, the General"
        " Staff reported on June 9. This number includes 1,210 casualties suffered over the past"
        " day.\nAccording to the report, Russia has also lost 7,901 tanks, 15,140 armored fighting"
        " vehicles, 13,552 artillery systems and 28 ships and boats."
    )
    figures, _, date = read(text)
    assert figures == {
        "personnel": F(512370, 1210),
        "tanks": F(7901),
        "armored_vehicles": F(15140),
        "artillery": F(13552),
        "ships": F(28),
    }
    assert date == dt.date(2024, 6, 9)  # the year from the figures, never the current one


def test_a_yearless_date_takes_the_page_date_line_not_a_caption() -> None:
    text = (
        "Sunday, May 11, 2025\n"
        "A destroyed vehicle near Pokrovsk. (Photo: the brigade's press service, Aug. 14, 2023)\n"
        "Russia has lost 971,200 troops since the invasion began, the General Staff reported on"
        " May 11."
    )
    _, _, date = read(text)
    assert date == dt.date(2025, 5, 11)


def test_a_date_is_never_in_the_future_nor_guessed() -> None:
    text = "The General Staff reported on Dec. 28 that the army lost 3 tanks over the past day."
    report = parse_report(text, today=dt.date(2026, 12, 1))
    assert report.changes_only == {"tanks": 3}
    assert report.date is None  # no year can be established: unknown, not 2026


def test_daily_changes_in_words_are_never_totals() -> None:
    text = (
        "За один день росіяни втратили 14 танків, 31 бойову броньовану машину та 47 артсистем.\n"
        "За добу ліквідували орієнтовно 1 020 окупантів."
    )
    figures, changes, _ = read(text)
    assert figures == {}
    assert changes == {"tanks": 14, "armored_vehicles": 31, "artillery": 47, "personnel": 1020}


@pytest.mark.parametrize(
    ("sentence", "key", "total", "change"),
    [
        ("Армія РФ втратила 9 тис. 120 (+4) танків з початку вторгнення.", "tanks", 9120, 4),
        ("Russia has lost 2,640 MLRS (+3 per day) since the invasion.", "mlrs", 2640, 3),
        ("Since Feb. 24 Russia lost 590 air defense systems (plus two).", "air_defense", 590, 2),
        ("Загалом знищено 3 401 крилату ракету (+6 за минулу добу).", "cruise_missiles", 3401, 6),
        ("За добу знищено 5 танків (загалом 10 870).", "tanks", 10870, 5),
    ],
)
def test_a_change_in_brackets_or_words_goes_with_its_total(
    sentence: str, key: str, total: int, change: int
) -> None:
    figures, _, _ = read(sentence)
    assert figures[key] == F(total, change)


def test_ukrainian_news_wording_cases_and_thousands() -> None:
    text = (
        "Втрати рф в особовому складі досягли 701 230 людей. Також знищено 9 410 танків, "
        "спеціальну техніку — 1 310 одиниць й автомобільну техніку та автоцистерни — 21 004."
    )
    figures, _, _ = read(text)
    assert figures["personnel"] == F(701230)
    assert figures["tanks"] == F(9410)
    text = "З початку вторгнення армія рф втратила приблизно 31,4 тис. осіб."
    figures, _, _ = read(text)
    assert figures == {"personnel": F(31400)}


def test_english_agency_names_and_flattened_lines() -> None:
    text = (
        "Since the invasion began the enemy lost approximately: 41,310 (+150) military personnel"
        " 1,790 (+5) tanks 4,010 (+12) armored combat vehicles 236 tanks with fuel and lubricants"
        " 1,150 motor vehicles and tankers 12 launchers of the operational-tactical missile system"
    )
    figures, _, _ = read(text)
    assert figures["personnel"] == F(41310, 150)
    assert figures["tanks"] == F(1790, 5)
    assert figures["armored_vehicles"] == F(4010, 12)
    assert figures["fuel_tanks"] == F(236)
    assert figures["vehicles_fuel_tanks"] == F(1150)
    assert figures["srbm_launchers"] == F(12)


def test_bilingual_labels_and_minfin_lists_of_several_days() -> None:
    bilingual = "З 24.02.22 по 14.03.24\nтанки / tanks ‒ 6910 (+12)\nРСЗВ / MLRS ‒ 1031 (+2)"
    figures, _, date = read(bilingual)
    assert figures == {"tanks": F(6910, 12), "mlrs": F(1031, 2)}
    assert date == dt.date(2024, 3, 14)
    days = (
        "12.04.2022\nТанки — 700\nГармати — 340\nАвтомобілі — 1300\nКораблі (катери) — 7\n"
        "11.04.2022\nТанки — 690\nГармати — 335\nАвтомобілі — 1290\nКораблі (катери) — 7\n"
    )
    reports = parse_reports(days, today=TODAY)
    assert [r.date for r in reports] == [dt.date(2022, 4, 12), dt.date(2022, 4, 11)]
    assert reports[1].figures == {
        "tanks": F(690),
        "artillery": F(335),
        "military_vehicles": F(1290),
        "ships": F(7),
    }


def test_bounds_weeks_sectors_and_the_other_side_are_not_figures() -> None:
    text = (
        "Russia has lost more than 1,100,000 troops since 2022, including 1,040 in the past day.\n"
        "Over the week, the enemy lost 88 tanks and 140 artillery systems.\n\n"
        "In the Tavria sector, the Defense Forces eliminated 410 invaders and destroyed 5 tanks."
        "\n\nRussia claimed its forces killed 1,300 Ukrainian soldiers."
    )
    figures, changes, _ = read(text)
    assert figures == {}
    assert changes == {"personnel": 1040}


def test_saved_html_is_read_as_its_visible_text() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Losses</title><script>var tanks = 1;"
        " x('tanks ‒ 99');</script></head><body><p>The total combat losses of the enemy from"
        " 24.02.2022 to 03.05.2024 were approximately:</p><ul><li>tanks ‒ 7 380 (+9)</li>"
        "<li>helicopters ‒ 326</li></ul></body></html>"
    )
    report = parse_report(page, today=TODAY)
    assert report.figures == {"tanks": F(7380, 9), "helicopters": F(326)}
    assert report.note is None or "<" not in report.note


def test_every_figure_says_where_it_was_read() -> None:
    report = parse_report("Russia has lost 8,120 tanks since the invasion began.", today=TODAY)
    assert report.sources == {"tanks": "8,120 tanks"}


def test_parse_exits_2_without_a_date_and_explains_with_one(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "t.txt"
    path.write_text("Over the past day the army lost 870 soldiers and 4 tanks.", encoding="utf-8")
    cmd = [sys.executable, "-m", "desktop_app", "parse", str(path)]
    undated = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert undated.returncode == 2 and "--date" in undated.stderr
    dated = subprocess.run(
        [*cmd, "--date", "2026-02-27", "--explain"], capture_output=True, text=True, check=False
    )
    assert dated.returncode == 0
    assert '"tanks": "4 tanks"' in dated.stdout and '"date": "2026-02-27"' in dated.stdout


def test_prose_without_losses_is_no_report() -> None:
    with pytest.raises(NoReportError):
        parse_report("Air defense shot down 14 of the 20 drones launched overnight.", today=TODAY)


def test_increments_are_the_days_changes() -> None:
    text = (
        "On May 3, the Russian army lost another 1 240 soldiers killed and wounded.\n\n"
        "According to the General Staff, the Defense Forces destroyed four more tanks, 9 armored"
        " combat vehicles, 31 artillery systems, two rocket salvo systems and 5 special vehicles."
    )
    figures, changes, _ = read(text)
    assert figures == {}
    assert changes == {
        "personnel": 1240,
        "tanks": 4,
        "armored_vehicles": 9,
        "artillery": 31,
        "mlrs": 2,
        "special_equipment": 5,
    }


def test_a_previous_report_and_a_title_case_headline_do_not_win() -> None:
    text = (
        "650 Russian Soldiers Died In One Day; Ukraine Destroys 40 Tanks, AFVs\n"
        "Russia lost 650 soldiers, 12 tanks and 28 armored fighting vehicles within a day this"
        " week, the Ukrainian military said.\n"
        "Russia has lost a total of 81,340 personnel in Ukraine.\n"
        "Russia also lost 2,870 tanks and 5,790 AFVs within the same time period.\n"
        "In its previous casualty report, the General Staff said Russia had lost 80,690"
        " personnel, 2,858 tanks and 5,762 AFVs."
    )
    figures, _, _ = read(text)
    assert figures == {
        "personnel": F(81340, 650),
        "tanks": F(2870, 12),
        "armored_vehicles": F(5790, 28),
    }


def test_a_range_is_not_a_figure() -> None:
    with pytest.raises(NoReportError):
        parse_report("Losses are estimated at from 5 000 to 8 000 tanks by the alliance.")


def test_a_date_of_another_sentence_is_not_the_reports() -> None:
    text = (
        "The ISW reported on Dec. 5, 2023 that Russian forces advanced near Avdiivka.\n\n"
        "The General Staff said on Friday that Russia has lost 512,370 troops since the"
        " invasion began."
    )
    report = parse_report(text, today=TODAY)
    assert report.figures == {"personnel": F(512370)}
    assert report.date is None  # the ISW's date is not the report's; no other date is stated
