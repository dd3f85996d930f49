"""Snapshots and restores of stored reports (what undo stands on), and the problem list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.core.validation import ARTICLE_MISMATCH, DECREASE, GAP
from desktop_app.storage.items import delete_item, save_item
from desktop_app.storage.report_checks import article_mismatches, find_problems, linked_articles
from desktop_app.storage.report_history import restore_report, snapshot_report, unlink_article
from desktop_app.storage.reports import (
    all_stored_warnings,
    load_report,
    report_article_ids,
    save_report,
)

DAY = dt.date(2023, 11, 25)
PUBLISHED = dt.datetime(2023, 11, 25, 9, 30, tzinfo=dt.UTC)
ARTICLE_TEXT = (
    "Russia has lost 323,760 troops in Ukraine since the beginning of its full-scale invasion "
    "on Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on Nov. 25. "
    "Russia has also lost 5,502 tanks and 22 ships and boats."
)


@pytest.fixture
def article(archive_db) -> int:
    return save_item(ItemData(ARTICLE, "Losses", PUBLISHED, body=ARTICLE_TEXT))


def test_restoring_a_snapshot_brings_back_figures_source_and_links(archive_db, article):
    report = LossReport(DAY, {"tanks": Figure(5_502, 6)}, qualifier="about", note="n")
    save_report(report, source="text", article_id=article)
    snap = snapshot_report(DAY)
    save_report(LossReport(DAY, {"personnel": Figure(1)}), source="manual")
    unlink_article(DAY, article)
    restore_report(DAY, snap)
    assert load_report(DAY) == report
    assert snapshot_report(DAY) == snap
    assert report_article_ids(DAY) == [article]


def test_restoring_none_removes_the_report_and_its_warnings(archive_db):
    save_report(LossReport(DAY - dt.timedelta(days=1), {"tanks": Figure(10)}))
    save_report(LossReport(DAY, {"tanks": Figure(9)}))
    assert [w.kind for w in all_stored_warnings()] == [DECREASE]
    restore_report(DAY, None)
    assert load_report(DAY) is None
    assert all_stored_warnings() == []


def test_a_link_to_a_deleted_article_is_dropped_on_restore(archive_db, article):
    save_report(LossReport(DAY, {"tanks": Figure(5_502)}), article_id=article)
    snap = snapshot_report(DAY)
    restore_report(DAY, None)
    delete_item(article)
    restore_report(DAY, snap)
    assert load_report(DAY) is not None and report_article_ids(DAY) == []


def test_linked_article_that_disagrees_is_a_mismatch(archive_db, article):
    save_report(
        LossReport(DAY, {"personnel": Figure(323_760, 860), "tanks": Figure(5_500)}),
        article_id=article,
    )
    problems = article_mismatches()
    assert [(p.kind, p.category) for p in problems] == [
        (ARTICLE_MISMATCH, "tanks"),
        (ARTICLE_MISMATCH, "ships"),
    ]
    assert problems[0].message == "Tanks: “Losses” states 5,502, the report 5,500"
    [linked] = linked_articles(DAY)
    assert linked.item_id == article and linked.has_report


def test_find_problems_lists_gaps_decreases_and_mismatches_by_date(archive_db, article):
    save_report(LossReport(dt.date(2023, 11, 20), {"tanks": Figure(5_510)}))
    save_report(LossReport(DAY, {"tanks": Figure(5_502)}), article_id=article)
    kinds = [(p.date, p.kind) for p in find_problems()]
    assert kinds == [
        (dt.date(2023, 11, 21), GAP),
        (DAY, DECREASE),
        (DAY, ARTICLE_MISMATCH),
        (DAY, ARTICLE_MISMATCH),
    ]


def test_an_article_body_is_read_once_and_again_after_an_edit(archive_db, article, monkeypatch):
    from desktop_app.core import article_report
    from desktop_app.storage.items import get_item, save_item

    save_report(
        LossReport(DAY, {"personnel": Figure(323_760, 860), "tanks": Figure(5_500)}),
        article_id=article,
    )
    reads: list[str] = []
    real = article_report.report_in_article

    def counting(body, published_at):
        reads.append(body)
        return real(body, published_at)

    # (report_checks loads the parser when it first reads an article: patched where it lives)
    monkeypatch.setattr(article_report, "report_in_article", counting)
    first = article_mismatches()
    read_so_far = len(reads)
    assert article_mismatches() == first and find_problems()
    assert len(reads) == read_so_far  # the unchanged body was not parsed again
    stored = get_item(article)
    assert stored is not None
    save_item(
        dataclasses.replace(stored.data, body=stored.data.body.replace("5,502", "5,500")), article
    )
    assert [p.category for p in article_mismatches()] == ["ships"]  # re-read after the edit
