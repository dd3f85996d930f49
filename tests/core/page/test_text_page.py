"""A copied page split into its article, its briefs and the furniture around them."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.page.text_page import looks_like_page, split_page
from tests.core.page.samples import DATED_BRIEFS, PAGE, REPORT_ONLY


def test_the_article_keeps_its_headline_byline_and_body_and_nothing_else() -> None:
    article = split_page(PAGE).article
    assert article is not None
    assert article.title == "General Staff: Russia has lost 432,630 troops in Ukraine"
    assert article.author == "Newsroom"
    assert (article.date, article.time) == (dt.date(2024, 3, 14), dt.time(10, 20))
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("Russia has lost 432,630 troops")
    assert article.paragraphs[2].endswith("and one submarine.")
    body = article.body
    # The caption, the teaser, the editor's note, the reading time and the author box are
    # furniture, not text of the article.
    for furniture in ("Getty", "Read also", "Volunteers repair", "Editor's note", "min read"):
        assert furniture not in body
    assert "news desk of a test newspaper" not in body and "Avatar" not in body


def test_every_brief_is_a_time_a_headline_and_a_paragraph() -> None:
    briefs = split_page(PAGE).briefs
    assert [b.time for b in briefs] == [
        dt.time(15, 53),
        dt.time(9, 8),
        dt.time(1, 36),
        dt.time(23, 47),
    ]
    assert briefs[0].title == "Power restored to most of Sumy after overnight strike."
    assert briefs[0].text.startswith("Repair crews reconnected about 40,000 homes")
    # The footer after the last brief is not its text.
    assert briefs[3].text.endswith("the prime minister said.")
    assert all(b.heading is None for b in briefs)


def test_a_byline_spread_over_lines_as_a_browser_copies_it() -> None:
    page = PAGE.replace(
        "by Newsroom March 14, 2024 10:20 AM 1 min read",
        "by Newsroom\nMarch 14, 2024\n10:20 AM\n1 min read",
    )
    parts = split_page(page)
    assert parts.article is not None
    assert (parts.article.date, parts.article.time) == (dt.date(2024, 3, 14), dt.time(10, 20))
    # The byline's own time is not a brief.
    assert len(parts.briefs) == 4


def test_briefs_listed_before_the_article_are_found_too() -> None:
    head, _, rest = PAGE.partition("General Staff: Russia")
    feed = rest[rest.index("3:53 PM") : rest.index("Show More")]
    page = head + feed + "General Staff: Russia" + rest[: rest.index("Latest news")]
    parts = split_page(page)
    assert parts.article is not None and len(parts.article.paragraphs) == 3
    assert len(parts.briefs) == 4


def test_day_headings_date_the_briefs_under_them() -> None:
    page = "March 15, 2024\n" + DATED_BRIEFS.replace("9:40 PM", "March 14, 2024\n9:40 PM")
    briefs = split_page(page).briefs
    assert [b.heading for b in briefs] == [
        dt.date(2024, 3, 15),
        dt.date(2024, 3, 15),
        dt.date(2024, 3, 14),
    ]
    assert split_page(page).article is None


def test_a_lone_time_beside_a_label_is_not_a_brief() -> None:
    page = "Live updates\n10:00\nMenu\n12:30\nWeather\n"
    assert split_page(page).briefs == ()


def test_a_bare_report_is_not_a_page() -> None:
    assert not looks_like_page(REPORT_ONLY)
    assert looks_like_page(PAGE) and looks_like_page(DATED_BRIEFS)
    # A headline with its body but no dated byline is a report text, as before.
    start = PAGE.index("Russia has lost 432,630 troops in Ukraine since")
    assert not looks_like_page(PAGE[start : PAGE.index("Editor's")])
