"""A page's date against the day its text states: a saved page's metadata can be years older
than the figures on it (a statistics page made once and updated every day)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core.formats.html_page import read_saved_page
from desktop_app.core.page.build import read_page_text
from desktop_app.core.page.dates import kyiv
from tests.core.page.samples import DATELINE_PAGE, OLD_METADATA_PAGE, PAGE

NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


def test_a_page_older_than_the_day_its_text_states_is_dated_by_its_text() -> None:
    page = read_saved_page(OLD_METADATA_PAGE, now=NOW)
    # Before: dated 1 Dec 2019 by its metadata, and its report "of 2019-12-01" skipped as
    # before the war, while the report dialog dated the same text 3 April 2022.
    assert page.skipped == ()
    assert page.report is not None and page.report.date == dt.date(2022, 4, 3)
    assert page.report.figures["tanks"].total == 644
    assert page.article is not None
    assert page.article.published_at == dt.datetime(2022, 4, 2, 21, 0, tzinfo=dt.UTC)
    assert page.article.date_estimated  # the day is stated, the time is not


def test_an_article_dated_after_the_day_it_reports_keeps_its_own_date() -> None:
    page = read_page_text(PAGE, now=NOW)
    assert page.article is not None and not page.article.date_estimated
    assert page.article.published_at == dt.datetime(2024, 3, 14, 8, 20, tzinfo=dt.UTC)


def test_the_saved_minfin_page_gives_its_report(shared_data: Path) -> None:
    path = shared_data / "real_texts" / "H07_minfin-uk-html_2022-04-03.html"
    page = read_saved_page(path.read_text(encoding="utf-8"), now=NOW)
    assert page.skipped == ()
    assert page.report is not None and page.report.date == dt.date(2022, 4, 3)
    assert page.article is not None and page.article.date_estimated
    assert page.article.published_at.date() == dt.date(2022, 4, 2)  # Kyiv midnight in UTC


def test_a_page_without_metadata_is_dated_by_the_line_under_its_headline() -> None:
    page = read_saved_page(DATELINE_PAGE, now=NOW)
    assert page.article is not None
    # Before: 5 June, midnight, from the news column beside it, and not marked estimated.
    assert page.article.published_at == dt.datetime(2024, 3, 14, 7, 5, tzinfo=dt.UTC)
    assert not page.article.date_estimated


def test_the_saved_ministry_pages_are_dated_by_their_datelines(shared_data: Path) -> None:
    folder = shared_data / "real_texts"
    for name, kyiv_time in (
        ("H01_mod-en-html_2022-04-12.html", dt.datetime(2022, 4, 12, 6, 0)),
        ("H06_mod-uk-html_2022-07-08.html", dt.datetime(2022, 7, 8, 9, 25)),
    ):
        page = read_saved_page((folder / name).read_text(encoding="utf-8"), now=NOW)
        assert page.article is not None and not page.article.date_estimated
        assert page.article.published_at == kyiv_time.replace(tzinfo=kyiv()).astimezone(dt.UTC)
