from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.errors import ArchiveError
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.validation import CHANGE_MISMATCH, DECREASE
from desktop_app.storage.importing import import_content
from desktop_app.storage.reports import (
    all_stored_warnings,
    category_series,
    delete_report,
    import_reports,
    load_all_reports,
    load_report,
    previous_report,
    save_report,
    with_derived_changes,
)
from tests.archive_state import snapshot

D1, D2, D3 = dt.date(2023, 11, 24), dt.date(2023, 11, 25), dt.date(2023, 11, 26)


def rep(date: dt.date, **figures: int | tuple[int, int | None]) -> LossReport:
    figs = {k: Figure(*v) if isinstance(v, tuple) else Figure(v) for k, v in figures.items()}
    return LossReport(date, figs, qualifier="about")


def test_saved_report_reads_back_exactly(archive_db: object) -> None:
    report = LossReport(
        D2, {"personnel": Figure(323760, 860), "tanks": Figure(5502, None)}, "about", "Note."
    )
    save_report(report)
    assert load_report(D2) == report


def test_save_replace_removes_figures_no_longer_given(archive_db: object) -> None:
    save_report(rep(D2, personnel=1, tanks=2))
    save_report(rep(D2, personnel=3))
    stored = load_report(D2)
    assert stored is not None
    assert dict(stored.figures) == {"personnel": Figure(3)}


def test_decrease_and_change_mismatch_are_stored_as_warnings_not_fixed(archive_db: object) -> None:
    save_report(rep(D1, tanks=5507, drones=100))
    save_report(rep(D2, tanks=(5502, 6), drones=(110, 12)))
    kinds = {(w.kind, w.category) for w in all_stored_warnings()}
    assert (DECREASE, "tanks") in kinds
    assert (CHANGE_MISMATCH, "tanks") in kinds
    assert (CHANGE_MISMATCH, "drones") in kinds
    stored = load_report(D2)
    assert stored is not None and stored.figures["tanks"] == Figure(5502, 6)


def test_editing_the_earlier_report_refreshes_the_next_days_warnings(archive_db: object) -> None:
    save_report(rep(D1, tanks=5507))
    save_report(rep(D2, tanks=5502))
    assert all_stored_warnings()
    save_report(rep(D1, tanks=5496))
    assert all_stored_warnings() == []


def test_import_twice_changes_nothing(archive_db: object) -> None:
    reports = [rep(D1, personnel=10, tanks=1), rep(D2, personnel=20, tanks=2)]
    first = import_reports(reports, source="test")
    second = import_reports(reports, source="test")
    assert first.added == [D1, D2]
    assert second.added == [] and second.updated == [] and second.unchanged == [D1, D2]


def test_import_merges_personnel_and_equipment_of_the_same_day(archive_db: object) -> None:
    import_reports([rep(D2, tanks=5502)], source="equipment")
    summary = import_reports([rep(D2, personnel=323760)], source="personnel")
    assert summary.updated == [D2]
    stored = load_report(D2)
    assert stored is not None
    assert set(stored.figures) == {"personnel", "tanks"}


def test_import_without_changes_keeps_a_stated_change(archive_db: object) -> None:
    import_reports([rep(D2, personnel=(323760, 860))], source="api")
    summary = import_reports([rep(D2, personnel=323760)], source="dataset")
    assert summary.unchanged == [D2]
    stored = load_report(D2)
    assert stored is not None and stored.figures["personnel"] == Figure(323760, 860)


def test_an_import_failing_after_its_writes_leaves_the_file_byte_for_byte_unchanged(
    archive_db: object, tmp_path: Path
) -> None:
    save_report(rep(D1, personnel=10))
    path = tmp_path / "archive.sqlite"
    before = snapshot(archive_db, path)

    def fail() -> None:
        assert [r.date for r in load_all_reports()] == [D1, D2, D3]  # the writes happened
        raise ArchiveError("cancelled")

    with pytest.raises(ArchiveError):
        import_content(
            [rep(D2, personnel=20), rep(D3, personnel=30)], [], source="test", before_commit=fail
        )
    assert snapshot(archive_db, path) == before
    assert [r.date for r in load_all_reports()] == [D1]


def test_previous_report_and_derived_changes(archive_db: object) -> None:
    save_report(rep(D1, tanks=5496))
    save_report(rep(D3, tanks=5510))
    prev = previous_report(D3)
    assert prev is not None and prev.date == D1
    # across a gap the difference is several days' losses: not derived
    stored = load_report(D3)
    assert stored is not None
    assert with_derived_changes(stored, prev).figures["tanks"].change is None
    save_report(rep(D2, tanks=5502))
    day_before = load_report(D2)
    assert day_before is not None
    assert with_derived_changes(stored, day_before).figures["tanks"].change == 8


def test_category_series_and_delete(archive_db: object) -> None:
    for d, t in ((D1, 5496), (D2, 5502), (D3, 5510)):
        save_report(rep(d, tanks=t))
    series = category_series("tanks")
    assert [(p.date, p.total, p.derived_change) for p in series] == [
        (D1, 5496, None),
        (D2, 5502, 6),
        (D3, 5510, 8),
    ]
    assert delete_report(D2)
    assert [p.date for p in category_series("tanks")] == [D1, D3]


def test_notes_from_two_sources_are_both_kept_and_reimport_changes_nothing(
    archive_db: object,
) -> None:
    dataset = LossReport(D2, {"tanks": Figure(5502)}, note="Donetsk")
    post = LossReport(
        D2,
        {"tanks": Figure(5502, 6)},
        note="The enemy suffered the greatest losses in the Donetsk direction.",
    )
    import_reports([dataset], source="petroivaniuk-json")
    import_reports([post], source="report-text")
    again = import_reports([dataset], source="petroivaniuk-json")
    assert again.unchanged == [D2]  # no ping-pong between the two sources' notes
    stored = load_report(D2)
    assert stored is not None and stored.note == f"Donetsk\n{post.note}"
    assert import_reports([post], source="report-text").unchanged == [D2]


def test_all_reports_load_as_each_reads_back_alone(archive_db: object) -> None:
    # The bulk load fills figures through their slots and reports without their __init__;
    # the one-report path goes through peewee's models and the constructors.
    reports = [
        rep(D1, personnel=(300_000, None), tanks=(5000, 4)),
        rep(D2, tanks=(5004, 4), personnel=(300_900, 900), helicopters=(320, 0)),
        LossReport(D3, {}, "about", "nothing stated"),
    ]
    import_reports(reports, source="test")
    loaded = load_all_reports()
    assert loaded == [load_report(d) for d in (D1, D2, D3)]
    assert [vars(r) for r in loaded] == [vars(load_report(d)) for d in (D1, D2, D3)]
    assert [list(r.figures) for r in loaded] == [list(load_report(d).figures) for d in (D1, D2, D3)]  # type: ignore[union-attr]
