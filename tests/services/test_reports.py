"""The report use cases: one transaction each, and the Changes each returns."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services import items, reports
from desktop_app.services.changes import NOTHING
from desktop_app.storage.db.models import Report
from desktop_app.storage.report_history import snapshot_report
from desktop_app.storage.reports import load_report, report_article_ids
from desktop_app.storage.trash import list_trash

DAY = dt.date(2023, 11, 25)
FIRST = LossReport(DAY, {"tanks": Figure(5502, 6), "personnel": Figure(323760, 860)})
SECOND = LossReport(DAY, {"tanks": Figure(5503, 7)})


def test_save_replace_keeps_only_the_new_figures(archive_db: object) -> None:
    changes = reports.save_report(FIRST)
    assert changes.reports and changes.report_dates == {DAY} and not changes.items
    reports.save_report(SECOND, replace=True)
    assert load_report(DAY) == SECOND
    assert Report.get(Report.date == DAY).source == "manual"


def test_save_merge_keeps_stored_figures_the_new_report_does_not_state(archive_db: object) -> None:
    reports.save_report(FIRST)
    reports.save_report(SECOND, replace=False)
    stored = load_report(DAY)
    assert stored is not None
    assert stored.figures == {"personnel": Figure(323760, 860), "tanks": Figure(5503, 7)}


def test_save_without_a_date_is_refused(archive_db: object) -> None:
    with pytest.raises(ValueError, match="needs a date"):
        reports.save_report(LossReport(None, {"tanks": Figure(1)}))


def test_delete_sends_the_report_to_the_trash(archive_db: object) -> None:
    reports.save_report(FIRST)
    changes = reports.delete_report(DAY)
    assert changes.reports and changes.trash and changes.report_dates == {DAY}
    assert load_report(DAY) is None
    assert [e.date for e in list_trash()] == [DAY]
    assert reports.delete_report(DAY) == NOTHING


def test_link_and_unlink_an_article(archive_db: object) -> None:
    reports.save_report(FIRST)
    item = ItemData(ARTICLE, "Day 640", dt.datetime(2023, 11, 25, 9, tzinfo=dt.UTC))
    item_id = items.saved_id(items.save_item(item))
    assert reports.link_article(DAY, item_id).report_dates == {DAY}
    assert reports.link_article(DAY, item_id) == NOTHING  # already linked
    assert report_article_ids(DAY) == [item_id]
    assert reports.unlink_article(DAY, item_id).reports
    assert report_article_ids(DAY) == []
    with pytest.raises(ValueError, match="no report stored"):
        reports.link_article(dt.date(2023, 1, 1), item_id)


def test_restore_puts_a_snapshot_back_and_takes_it_out_of_the_trash(archive_db: object) -> None:
    reports.save_report(FIRST)
    before = snapshot_report(DAY)
    reports.delete_report(DAY)
    changes = reports.restore_report(DAY, before)
    assert changes.reports and changes.trash
    assert load_report(DAY) == FIRST and list_trash() == []
    reports.restore_report(DAY, None)
    assert load_report(DAY) is None and len(list_trash()) == 1


def test_an_undated_text_is_dated_only_when_one_stored_day_matches(archive_db: object) -> None:
    before = LossReport(
        DAY - dt.timedelta(days=1), {"tanks": Figure(5496), "personnel": Figure(322900)}
    )
    reports.save_report(before)
    reports.save_report(FIRST)
    by_totals = reports.date_from_archive(LossReport(None, {"tanks": Figure(5502)}))
    assert by_totals.date == DAY and by_totals.date_note == reports.FOUND_IN_ARCHIVE
    # A change alone matches the day whose stated or derived change it is.
    by_change = reports.date_from_archive(LossReport(None, {}, changes_only={"personnel": 860}))
    assert by_change.date == DAY
    # Figures that fit no stored day, or fit several, leave the date unknown.
    assert reports.date_from_archive(LossReport(None, {"tanks": Figure(9999)})).date is None
    same = LossReport(DAY + dt.timedelta(days=1), {"tanks": Figure(5502)})
    reports.save_report(same)
    assert reports.date_from_archive(LossReport(None, {"tanks": Figure(5502)})).date is None


def test_the_archive_dates_a_text_before_the_series_the_program_carries(
    archive_db: object,
) -> None:
    stated = LossReport(None, {"tanks": Figure(5502), "personnel": Figure(323760)})
    # An empty archive: the carried official series knows the day these totals were reached.
    carried = reports.establish_date(stated)
    assert carried.date == DAY and carried.date_note == reports.FOUND_IN_REFERENCE
    # The user's own reports come first, even where they differ from the official series.
    own = dt.date(2024, 1, 3)
    reports.save_report(LossReport(own, {"tanks": Figure(5502), "personnel": Figure(323760)}))
    mine = reports.establish_date(stated)
    assert mine.date == own and mine.date_note == reports.FOUND_IN_ARCHIVE
    # Two daily changes alone: too many days share them by chance to date anything.
    alone = LossReport(None, {}, changes_only={"personnel": 860, "tanks": 6})
    assert reports.establish_date(alone).date is None
