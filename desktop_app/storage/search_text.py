"""The whole list of a search as text (`storage.search_lists`), where one index holds it in
order: words (or excluded words) alone or nothing, by date or (words) by relevance; and
words between dates, whose bounds are bounds on the search index's key (its rowid is
-(publication time * 2**30 + id): exactly the items the dates keep, read from that stretch
of the index alone). SQLite; anything else is `search.search_id_array`'s statement.

Words between dates used to be that statement, which reads every match's item to check its
time: `drones` from January 2023 on, at 1,000,000 items, 2.3 s (docs/BENCHMARKS.md,
fifteenth round).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from desktop_app.core.search_query import Query
from desktop_app.storage import search_lists
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import is_server
from desktop_app.storage.search import (
    _BM25,
    ALL_PARTS,
    SearchRequest,
    _excluded_text,
    _one_snapshot,
    expansions,
)
from desktop_app.storage.search_filters import dates_on_key, filter_conditions


def search_id_text(
    req: SearchRequest, query: Query, *, times: bool = False
) -> search_lists.ListText | None:
    """The whole list as text where one index holds it in order (above). `times`: words'
    parts by date hold their search keys, which hold the items' times, rather than ids.
    None otherwise: `search.search_id_array`."""
    if req.limit is not None or is_server(database_proxy):
        return None
    words = query.fts_match() is not None
    bounds = dates_on_key(req, query) if words else None
    if filter_conditions(req, query)[0] and bounds is None:
        return None
    bounds = bounds or search_lists.NO_BOUNDS
    if req.order == "relevance" and words:
        return search_lists.ListText(False, True, _ranked_parts(query, bounds))
    if req.order == "relevance":
        req = replace(req, order="date")  # no words to rank: by date (`search._order_by`)
    if req.order != "date":
        return None
    keys = words and times
    return search_lists.ListText(keys, req.descending, _list_parts(query, bounds, keys=keys))


def _ranked_parts(query: Query, bounds: search_lists.Bounds) -> Iterator[str]:
    with _one_snapshot():
        match = query.fts_match()  # a prefix stays one, as `select_sql` keeps it here
        assert match is not None
        conn = database_proxy.connection()
        yield from search_lists.ranked_parts(conn, match, _BM25, bounds=bounds)


def _list_parts(query: Query, bounds: search_lists.Bounds, *, keys: bool) -> Iterator[str]:
    with _one_snapshot():
        conn = database_proxy.connection()
        match = query.fts_match(expansions(query, limit=ALL_PARTS))
        if match is None:
            yield from search_lists.all_parts(conn, _excluded_text(query))
        else:
            yield from search_lists.matching_parts(conn, match, keys=keys, bounds=bounds)
