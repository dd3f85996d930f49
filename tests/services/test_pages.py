"""A pasted or dropped page saved through the services: one transaction, one undo step."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.item import ARTICLE, BRIEF
from desktop_app.services import history, pages
from desktop_app.storage.items import all_items
from desktop_app.storage.reports import load_report, report_article_ids, report_dates
from tests.core.page.samples import PAGE, REPORT_ONLY, SAVED_PAGE

DAY = dt.date(2024, 3, 14)


def test_preview_finds_the_parts_and_writes_nothing(archive_db: Any) -> None:
    preview = pages.preview_text(PAGE)
    assert preview.format == "page-text" and not preview.report_stored
    assert preview.page.article is not None and len(preview.page.briefs) == 4
    assert preview.page.report is not None and preview.page.report.date == DAY
    assert all_items() == [] and report_dates() == []
    with pytest.raises(ImportFormatError):
        pages.preview_text("Nothing here but a shopping list.\nMilk\nBread\n")


def test_pasted_html_source_reads_as_a_saved_page(archive_db: Any) -> None:
    preview = pages.preview_text(SAVED_PAGE)
    assert preview.format == "html-page" and len(preview.page.briefs) == 2


def test_a_dropped_file_is_a_page_only_when_it_holds_one(archive_db: Any, tmp_path: Path) -> None:
    page, post = tmp_path / "page.txt", tmp_path / "post.txt"
    page.write_text(PAGE)
    post.write_text(REPORT_ONLY)
    found = pages.preview_file(page)
    assert found is not None and found.source == str(page)
    assert pages.preview_file(post) is None


def test_saving_writes_article_briefs_report_and_link_once(archive_db: Any) -> None:
    preview = pages.preview_text(PAGE)
    outcome = pages.save_page(preview.page, fmt=preview.format)
    stored = all_items()
    assert sorted(i.kind for i in stored) == [ARTICLE] + [BRIEF] * 4
    assert load_report(DAY) is not None and len(report_article_ids(DAY)) == 1
    assert outcome.changes.items and outcome.changes.reports
    # The same page again: nothing new, and the preview now says the report is stored.
    again = pages.preview_text(PAGE)
    assert again.report_stored
    second = pages.save_page(again.page, fmt=again.format)
    assert second.total is not None and second.total.items.added == 0
    assert len(all_items()) == 5 and len(report_article_ids(DAY)) == 1


def test_undo_takes_back_the_whole_page(archive_db: Any) -> None:
    preview = pages.preview_text(PAGE)
    outcome = pages.save_page(preview.page, fmt=preview.format)
    step = history.import_change(outcome.undo, outcome.changes)
    assert step is not None
    step.undo()
    assert all_items() == [] and report_dates() == []
    step.redo()
    assert len(all_items()) == 5 and report_article_ids(DAY)


def test_a_failure_while_saving_leaves_nothing(
    archive_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage import importing

    def broken(_result: object) -> int:
        raise RuntimeError("the disk went away while linking")

    monkeypatch.setattr(importing, "_link", broken)
    preview = pages.preview_text(PAGE)
    with pytest.raises(RuntimeError):
        pages.save_page(preview.page, fmt=preview.format)
    assert all_items() == [] and report_dates() == []


def test_what_the_user_kept_and_corrected_is_what_is_saved(archive_db: Any) -> None:
    page = pages.preview_text(PAGE).page
    assert page.article is not None
    fixed = dataclasses.replace(
        page.briefs[3],
        published_at=dt.datetime(2024, 3, 13, 21, 47, tzinfo=dt.UTC),
        date_estimated=False,
    )
    kept = dataclasses.replace(page, briefs=(page.briefs[0], fixed), report=None)
    pages.save_page(kept, fmt="page-text")
    stored = {i.title: i for i in all_items()}
    assert len(stored) == 3 and report_dates() == []
    corrected = stored["Government approves extra funds for shelters in schools."]
    assert corrected.published_at == dt.datetime(2024, 3, 13, 21, 47, tzinfo=dt.UTC)
    assert not corrected.date_estimated
