"""Every category's series in one read (the Losses table, the charts) equals the series read
one category at a time: same points, same derived changes (none across a gap), dates in order
whatever order the reports were stored in; and every report's articles in one query."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.categories import KEYS
from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.items import save_item
from desktop_app.storage.reports import (
    all_category_rows,
    all_category_series,
    all_report_articles,
    category_series,
    link_article,
    save_report,
)

START = dt.date(2023, 5, 1)


def test_one_read_equals_the_per_category_reads(archive_db):
    # Stored out of date order, with a gap (day 5 missing) and a category starting late.
    for i in (3, 0, 2, 1, 4, 6, 7):
        figures = {"tanks": Figure(3_700 + 4 * i, 4 if i == 2 else None)}
        if i >= 2:
            figures["aircraft"] = Figure(300 + i, None)
        save_report(LossReport(START + dt.timedelta(days=i), figures))
    rows = all_category_rows()
    assert set(rows) == {"tanks", "aircraft"}
    for key in KEYS:
        expected = category_series(key)
        assert [
            (p.date, p.total, p.stated_change, p.derived_change, p.previous_date) for p in expected
        ] == rows.get(key, [])
        assert all_category_series().get(key, []) == expected
    tanks = {row[0]: row for row in rows["tanks"]}
    assert tanks[START + dt.timedelta(days=6)][3] is None  # across the gap: not derived
    assert tanks[START + dt.timedelta(days=7)][3] == 4


def test_every_reports_articles_in_one_query(archive_db):
    save_report(LossReport(START, {"tanks": Figure(3_700)}))
    at = dt.datetime(2023, 5, 1, 9, tzinfo=dt.UTC)
    first = save_item(ItemData(ARTICLE, "First", at))
    second = save_item(ItemData(ARTICLE, "Second", at))
    link_article(START, second)
    link_article(START, first)
    assert all_report_articles() == {START: [(second, "Second"), (first, "First")]}
