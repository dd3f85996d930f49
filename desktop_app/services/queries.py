"""What the window reads: one door to the archive's queries and the types they return.

The window never imports `storage` (a test checks it); it calls these from its runner's read
lane (or, for the list, from the search thread), never on the GUI thread. Each is a query
function of `storage` or a small composition of them; the CLI uses the same ones.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core.report import LossReport
from desktop_app.services.archive_state import close_connection, data_version
from desktop_app.storage.items import (
    ItemRow,
    StoredItem,
    count_items,
    get_item,
    item_rows,
    items_by_ids,
)
from desktop_app.storage.oryx_totals import oryx_totals_by_category
from desktop_app.storage.report_checks import (
    LinkedArticle,
    article_mismatches,
    find_problems,
    linked_articles,
)
from desktop_app.storage.reports import (
    all_stored_warnings,
    category_series,
    count_reports,
    load_all_reports,
    load_report,
    previous_report,
    report_article_ids,
    report_dates,
)
from desktop_app.storage.search import (
    MARK_END,
    MARK_START,
    Facets,
    SearchRequest,
    facet_counts,
    first_rows,
    search_days,
    search_ids,
    snippets,
)

__all__ = [
    "MARK_END",
    "MARK_START",
    "Facets",
    "ItemRow",
    "LinkedArticle",
    "SearchRequest",
    "StoredItem",
    "all_stored_warnings",
    "archive_counts",
    "article_mismatches",
    "category_series",
    "close_connection",
    "count_items",
    "count_reports",
    "data_version",
    "facet_counts",
    "find_problems",
    "first_rows",
    "get_item",
    "item_rows",
    "items_by_ids",
    "linked_articles",
    "load_all_reports",
    "load_report",
    "oryx_totals_by_category",
    "previous_report",
    "report_article_ids",
    "report_context",
    "report_dates",
    "search_days",
    "search_ids",
    "snippets",
]


def archive_counts() -> tuple[int, int]:
    """How many articles and briefs, and how many loss reports, the archive holds."""
    return count_items(), count_reports()


def report_context(
    date: dt.date,
) -> tuple[LossReport | None, list[int], LossReport | None]:
    """For an article stating the report of `date`: the stored report, the articles linked
    to it, and the report before it (to validate a new one against)."""
    return load_report(date), report_article_ids(date), previous_report(date)
