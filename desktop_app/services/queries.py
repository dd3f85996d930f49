"""What the window reads: one door to the archive's queries and the types they return.

The window never imports `storage` (a test checks it); it calls these from its runner's read
lane (or, for the list, from the search thread), never on the GUI thread. Each is a query
function of `storage` or a small composition of them; the CLI uses the same ones.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

from desktop_app.core.report import LossReport
from desktop_app.services.archive_state import close_connection, data_version
from desktop_app.storage import facet_index
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import is_server
from desktop_app.storage.facet_index import Choices, CountedFacets, Groups, countable, split_choices
from desktop_app.storage.interrupting import interrupter, stopped_when, was_interrupted
from desktop_app.storage.items import (
    ItemRow,
    StoredItem,
    count_items,
    get_item,
    item_links,
    item_rows,
    items_by_ids,
)
from desktop_app.storage.oryx_totals import oryx_totals_by_category
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
    Facets,
    SearchRequest,
    facet_counts,
    first_rows,
    local_dates,
    match_count,
    ranked_cut,
    ranked_rows,
    search_count,
    search_days,
    search_id_array,
    search_ids,
)
from desktop_app.storage.search_lists import ID_MASK, ListText
from desktop_app.storage.search_quick import quick_facets
from desktop_app.storage.search_snippets import MARK_END, MARK_START, snippets
from desktop_app.storage.search_text import search_id_text
from desktop_app.storage.versions import Stamp

if TYPE_CHECKING:
    from desktop_app.core.validation import Problem
    from desktop_app.storage.report_checks import LinkedArticle as LinkedArticle

__all__ = [
    "ID_MASK",
    "MARK_END",
    "MARK_START",
    "Choices",
    "CountedFacets",
    "Facets",
    "ItemRow",
    "ListText",
    "SearchRequest",
    "StoredItem",
    "all_stored_warnings",
    "archive_counts",
    "article_mismatches",
    "category_series",
    "close_connection",
    "count_items",
    "count_reports",
    "countable",
    "data_version",
    "facet_counts",
    "facet_groups",
    "facet_key",
    "find_problems",
    "first_rows",
    "get_item",
    "interrupter",
    "item_id_bound",
    "item_links",
    "item_rows",
    "items_by_ids",
    "linked_articles",
    "load_all_reports",
    "load_report",
    "local_dates",
    "match_count",
    "oryx_totals_by_category",
    "previous_report",
    "quick_facets",
    "ranked_cut",
    "ranked_rows",
    "report_article_ids",
    "report_context",
    "report_dates",
    "search_count",
    "search_days",
    "search_id_array",
    "search_id_text",
    "search_ids",
    "snippets",
    "split_choices",
    "stopped_when",
    "was_interrupted",
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


# The checks of articles against reports run the report parser: imported when first asked
# for, so the window's start-up does not load the parser (about 50 ms).
def article_mismatches() -> list[Problem]:
    """Every linked article whose figures differ from its report's."""
    from desktop_app.storage.report_checks import article_mismatches as find

    return find()


def find_problems() -> list[Problem]:
    """Every decrease, stated ≠ derived change, missing day, odd date and article mismatch."""
    from desktop_app.storage.report_checks import find_problems as find

    return find()


def linked_articles(date: dt.date) -> list[LinkedArticle]:
    """The articles linked to the report of `date`, with the figures each states."""
    from desktop_app.storage.report_checks import linked_articles as find

    return find(date)


def report_stamp(date: dt.date) -> Stamp | None:
    """The stored report's version and who changed it last, when (None: none stored)."""
    from desktop_app.storage.versions import report_stamp as stamp

    return stamp(date)


def item_stamp(item_id: int) -> Stamp | None:
    """The stored item's version and who changed its content last, when."""
    from desktop_app.storage.versions import item_stamp as stamp

    return stamp(item_id)


def facet_key() -> tuple[object, ...] | None:
    """What changes when the archive does, the same for every thread while nothing is
    written (None on a server: its counts stay SQL's). Where a second connection cannot
    open the file, this thread's connection's numbers, which only this thread can compare."""
    if is_server(database_proxy):
        return None
    conn = database_proxy.connection()
    shared = facet_index.shared_key(conn)
    if shared is not None:
        return shared
    return (threading.get_ident(), *facet_index.data_key(conn))


def facet_groups(facet: str) -> Groups | None:
    """Each kind's, source's or tag's item ids (`storage.facet_index`; None on a server)."""
    if is_server(database_proxy):
        return None
    return facet_index.read_groups(database_proxy.connection(), facet)


def item_id_bound() -> int:
    """One more than the largest item id (an archive file's; a server's counts stay SQL's,
    `facet_key`)."""
    return facet_index.item_id_bound(database_proxy.connection())
