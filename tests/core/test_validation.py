from __future__ import annotations

import datetime as dt

from desktop_app.core.report import Figure, LossReport, day_of_war
from desktop_app.core.validation import (
    BEFORE_WAR,
    CHANGE_MISMATCH,
    DECREASE,
    ERROR,
    FUTURE,
    GAP,
    IMPLAUSIBLE_DROP,
    NEGATIVE,
    WARNING,
    check_series,
    is_implausible_drop,
    latest_report_date,
    report_date_problem,
    validate_report,
)

TODAY = dt.date(2023, 11, 30)


def r(date: dt.date, **figs: tuple[int, int | None]) -> LossReport:
    return LossReport(date, {k: Figure(*v) for k, v in figs.items()})


def test_day_of_war_counts_24_february_2022_as_day_1() -> None:
    assert day_of_war(dt.date(2022, 2, 24)) == 1
    assert day_of_war(dt.date(2023, 11, 25)) == 640


def test_negative_totals_and_future_dates_are_errors() -> None:
    problems = validate_report(r(dt.date(2023, 12, 1), tanks=(-1, None)), None, today=TODAY)
    assert {(p.severity, p.kind) for p in problems} == {(ERROR, FUTURE), (ERROR, NEGATIVE)}
    before = validate_report(r(dt.date(2022, 2, 1), tanks=(1, None)), None, today=TODAY)
    assert [p.kind for p in before] == [BEFORE_WAR]


def test_decrease_and_stated_change_mismatch_are_warnings() -> None:
    prev = r(dt.date(2023, 5, 27), tanks=(3800, None), drones=(3000, None))
    cur = r(dt.date(2023, 5, 28), tanks=(3795, None), drones=(3010, 12))
    problems = validate_report(cur, prev, today=TODAY)
    assert {(p.severity, p.kind, p.category) for p in problems} == {
        (WARNING, DECREASE, "tanks"),
        (WARNING, CHANGE_MISMATCH, "drones"),
    }


def test_a_consistent_report_has_no_problems() -> None:
    prev = r(dt.date(2023, 11, 24), personnel=(322900, None))
    cur = r(dt.date(2023, 11, 25), personnel=(323760, 860))
    assert validate_report(cur, prev, today=TODAY) == []


def test_check_series_finds_gaps_decreases_and_mismatches() -> None:
    reports = [
        r(dt.date(2023, 1, 1), tanks=(100, None)),
        r(dt.date(2023, 1, 2), tanks=(99, None)),
        r(dt.date(2023, 1, 5), tanks=(105, None)),
        r(dt.date(2023, 1, 6), tanks=(110, 4)),
    ]
    problems = check_series(reports)
    assert [(p.kind, p.date) for p in problems] == [
        (DECREASE, dt.date(2023, 1, 2)),
        (GAP, dt.date(2023, 1, 3)),
        (CHANGE_MISMATCH, dt.date(2023, 1, 6)),
    ]
    assert "2023-01-03 to 2023-01-04" in problems[1].message
    assert problems[0].line().startswith("2023-01-02  tanks  ")


def test_article_agreeing_with_the_stored_report_is_no_problem() -> None:
    from desktop_app.core.validation import compare_article_report

    stored = r(dt.date(2023, 11, 25), personnel=(323_760, 860), tanks=(5_502, 6))
    article = r(dt.date(2023, 11, 25), personnel=(323_760, 860))
    assert compare_article_report(article, stored) == []


def test_article_mismatches_name_total_change_missing_figure_and_date() -> None:
    from desktop_app.core.validation import ARTICLE_MISMATCH, compare_article_report

    stored = r(dt.date(2023, 11, 25), personnel=(323_760, 860), tanks=(5_502, 6))
    article = r(
        dt.date(2023, 11, 24), personnel=(323_760, 800), tanks=(5_503, None), ships=(22, None)
    )
    problems = compare_article_report(article, stored, source="“Post”")
    assert [p.message for p in problems] == [
        "“Post” is dated 2023-11-24, the report 2023-11-25",
        "Personnel: “Post” states a change of +800, the report +860",
        "Tanks: “Post” states 5,503, the report 5,502",
        "Ships and boats: “Post” states 22, the report has no figure",
    ]
    assert {p.kind for p in problems} == {ARTICLE_MISMATCH}
    assert all(p.date == dt.date(2023, 11, 25) for p in problems)
    assert [p.category for p in problems] == [None, "personnel", "tanks", "ships"]


def test_merge_keeps_stored_figures_and_the_stored_change_of_an_unchanged_total() -> None:
    from desktop_app.core.report_merge import merge_reports

    day = dt.date(2023, 11, 25)
    stored = LossReport(
        day,
        {"personnel": Figure(323_760, 860), "tanks": Figure(5_502, 6), "ships": Figure(22, 0)},
        qualifier="about",
        note="Avdiivka",
    )
    incoming = LossReport(day, {"personnel": Figure(323_760), "tanks": Figure(5_505)})
    merged = merge_reports(stored, incoming)
    assert merged == LossReport(
        day,
        {"personnel": Figure(323_760, 860), "tanks": Figure(5_505), "ships": Figure(22, 0)},
        qualifier="about",
        note="Avdiivka",
    )


def test_a_total_far_below_the_previous_one_is_an_error_a_small_correction_a_warning() -> None:
    prev = r(dt.date(2026, 8, 7), drones=(138, None), tanks=(12251, None), submarines=(2, None))
    # A truncated post: drones 138 read as 13; tanks −5 and submarines −1 are corrections.
    cur = r(dt.date(2026, 8, 8), drones=(13, None), tanks=(12246, None), submarines=(1, None))
    problems = validate_report(cur, prev, today=dt.date(2026, 8, 8))
    errors = [(p.kind, p.category) for p in problems if p.severity == ERROR]
    warnings = [(p.kind, p.category) for p in problems if p.severity == WARNING]
    assert errors == [(IMPLAUSIBLE_DROP, "drones")]
    assert sorted(warnings) == [(DECREASE, "submarines"), (DECREASE, "tanks")]
    assert "13 is below 90% of 138 on 2026-08-07" in problems[0].message


def test_the_drop_rule_at_its_edges() -> None:
    assert not is_implausible_drop(900, 1000)  # exactly 90 %: the largest real fall is 2.2 %
    assert is_implausible_drop(899, 1000)
    assert not is_implausible_drop(1, 11)  # ten units or fewer stay a warning
    assert is_implausible_drop(1, 12)


def test_report_dates_between_the_war_and_today_in_kyiv() -> None:
    assert report_date_problem(dt.date(2022, 2, 24), latest=TODAY) is None
    assert "before the war" in (report_date_problem(dt.date(2022, 2, 23), latest=TODAY) or "")
    assert "in the future" in (report_date_problem(dt.date(2023, 12, 1), latest=TODAY) or "")
    # 22:30 UTC on 7 Aug is already 8 Aug in Kyiv: that day's report is not in the future.
    late = dt.datetime(2026, 8, 7, 22, 30, tzinfo=dt.UTC)
    assert latest_report_date(late) >= dt.date(2026, 8, 8)
    # A clock set to the end of the calendar does not make the check raise.
    assert latest_report_date(dt.datetime.max.replace(tzinfo=dt.UTC)) == dt.date.max
