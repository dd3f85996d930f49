"""Copied pages and saved pages as import formats: article, briefs and the report, linked."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.detect import detect_format
from desktop_app.core.formats.load import read_import_file
from desktop_app.core.item import ARTICLE, BRIEF
from desktop_app.core.page.visible import visible_text
from tests.core.page.samples import DATED_BRIEFS, PAGE, REPORT_ONLY, SAVED_PAGE


def test_a_copied_page_is_a_page_and_a_bare_report_stays_a_report() -> None:
    assert detect_format("page.txt", PAGE.encode()) == "page-text"
    assert detect_format("briefs.txt", DATED_BRIEFS.encode()) == "page-text"
    assert detect_format("post.txt", REPORT_ONLY.encode()) == "report-text"


def test_a_copied_page_reads_as_article_briefs_and_the_linked_report() -> None:
    result = read_import_file("page.txt", PAGE.encode())
    article, *briefs = result.items
    assert article.kind == ARTICLE and article.author == "Newsroom"
    assert article.published_at == dt.datetime(2024, 3, 14, 8, 20, tzinfo=dt.UTC)
    assert not article.date_estimated
    assert [b.kind for b in briefs] == [BRIEF] * 4
    assert all(b.date_estimated for b in briefs)
    assert briefs[0].published_at == dt.datetime(2024, 3, 15, 13, 53, tzinfo=dt.UTC)
    (report,) = result.reports
    assert report.date == dt.date(2024, 3, 14)
    assert report.figures["personnel"].total == 432_630
    assert report.figures["personnel"].change == 1_090
    assert report.figures["submarines"].total == 1
    assert result.links == [(0, dt.date(2024, 3, 14))]


def test_briefs_alone_import_without_an_article_or_report() -> None:
    result = read_import_file("briefs.txt", DATED_BRIEFS.encode())
    assert [i.kind for i in result.items] == [BRIEF] * 3
    assert result.reports == [] and result.links == []


def test_as_article_changes_the_article_only() -> None:
    result = read_import_file("page.txt", PAGE.encode(), as_kind=BRIEF)
    assert [i.kind for i in result.items] == [BRIEF] * 5


def test_visible_text_has_no_markup_scripts_styles_or_hidden_blocks() -> None:
    text = visible_text(SAVED_PAGE)
    assert "<" not in text and "analytics" not in text and "font-weight" not in text
    assert "A hidden draft brief" not in text and "Share" not in text
    assert "3:53 PM\n\nPower restored" in text


def test_a_saved_page_keeps_the_article_its_report_and_the_news_column() -> None:
    result = read_import_file("page.html", SAVED_PAGE.encode())
    assert result.format == "html-page"
    article, *briefs = result.items
    assert article.title == "General Staff: Russia has lost 432,630 troops in Ukraine"
    # Its own time (JSON-LD, its <time>), not the news column's newer one.
    assert article.published_at == dt.datetime(2024, 3, 14, 8, 20, tzinfo=dt.UTC)
    assert "analytics" not in article.body and "Power restored" not in article.body
    assert [b.title for b in briefs] == [
        "Power restored to most of Sumy after overnight strike.",
        "Two injured as drones hit Kharkiv suburb on March 15.",
    ]
    assert briefs[1].published_at == dt.datetime(2024, 3, 15, 7, 8, tzinfo=dt.UTC)
    assert all(b.source_name == "Test Daily" for b in briefs)
    (report,) = result.reports
    assert report.date == dt.date(2024, 3, 14) and report.figures["tanks"].total == 6_796
    assert result.links == [(0, dt.date(2024, 3, 14))]


@pytest.mark.parametrize("where", ["json-ld", "article-time"])
def test_the_article_date_is_its_own_wherever_the_page_states_it(where: str) -> None:
    page = SAVED_PAGE
    if where == "article-time":  # only the article's own <time> is left
        start, end = page.index('<script type="application/ld+json">'), page.index("<style>")
        page = page[:start] + page[end:]
    else:  # only JSON-LD
        page = page.replace('<time datetime="2024-03-14T10:20:00+02:00">', "<time>")
    (article, *_) = read_import_file("page.html", page.encode()).items
    assert article.published_at == dt.datetime(2024, 3, 14, 8, 20, tzinfo=dt.UTC)


def test_a_page_whose_only_times_are_the_news_columns_is_refused() -> None:
    start = SAVED_PAGE.index('<script type="application/ld+json">')
    page = SAVED_PAGE[:start] + SAVED_PAGE[SAVED_PAGE.index("<style>") :]
    page = page.replace('<time datetime="2024-03-14T10:20:00+02:00">', "<time>")
    page = page.replace("March 14, 2024 10:20 AM", "")
    with pytest.raises(ImportFormatError) as caught:
        read_import_file("page.html", page.encode())
    assert caught.value.field == "published_time"
