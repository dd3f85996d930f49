"""The first page of a search of excluded words alone (`-drones`).

Its statement keeps every item that none of the words' matches is, so SQLite reads every
match into a set before the first item can be given: 1,010 ms at 1,000,000 items for
`-drones`. The first page needs only the newest items, and the search index is keyed in
publication order (schema 6): the newest 1,000 items are checked against the matches among
them alone, then a range as much larger as the share kept so far says, until a page is
kept (0.9 ms for `-drones`). When the kept share is so small that the range would pass a
quarter of the archive, the plain statement does it, unless every item has an excluded
word (`-in`: counted, nothing is left). Oldest first, the same from the oldest items, the
index read forwards from the range's lowest key (1.6 ms, 1,115 ms before). SQLite; the
whole list is the plain statement's.

Beside other filters (a kind, a tag, dates, marks), the same set of matches took
860–910 ms (`-drones` among briefs, of a tag's 30 items, in two months). By date, the same
ranges serve, from the dates' bound, read on the key's index with the filters applied
(1.3–2.1 ms). Where the range would pass MOST_BESIDE items (a filter of few items), or in
another order, the first items the search without the excluded words gives (itself a first
page of a kind, a tag or dates: under a millisecond) are each looked up in the index with
the excluded words (40–50 µs each), twice a page of them at first, then as many more as
the share kept says: 2–20 ms. When more than MOST_CHECKED would be needed (`-in`: none
kept), the plain statement does it.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core.search_query import Query
from desktop_app.storage import facet_index
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import is_server
from desktop_app.storage.items import ROW_COLUMNS, ItemRow, row_from_db
from desktop_app.storage.search_filters import (
    ID_OF_KEY,
    ITEM_KEY,
    filter_conditions,
    key_bounds,
    key_of,
)

FIRST_RANGE = 1_000
MOST_CHECKED = 5_000
MOST_BESIDE = 50_000

# The search without the excluded words, as a statement of ROW_COLUMNS limited to the
# given number of rows and its parameters; None when a prefix among the excluded words is
# not written as the words it stands for (each lookup of a prefix would read all its
# words: 43 ms for `dro*` at a million items).
Candidates = Callable[[int], tuple[str, list[object]] | None]


def first_page(
    req: object, query: Query, limit: int, candidates: Candidates, excluded: str | None
) -> list[ItemRow] | None:
    """The first `limit` items none of `query`'s excluded words (`excluded`: their FTS5
    text, prefixes as the words they stand for where they can be) match, in the request's
    order; None unless the search has excluded words and no others (the plain statement
    then)."""
    if excluded is None or is_server(database_proxy) or query.fts_match() is not None:
        return None
    rows = _page(req, query, limit, candidates, excluded)
    if rows is None and _in_every_item(excluded):
        return []  # `-in`: counted, rather than every item checked against every match
    return rows


def _page(
    req: object, query: Query, limit: int, candidates: Candidates, excluded: str
) -> list[ItemRow] | None:
    order, newest = getattr(req, "order", ""), bool(getattr(req, "descending", False))
    if order in ("title", "author"):
        return None  # the first candidates themselves cost a pass over every item
    if order == "date":
        beside = filter_conditions(req, query)
        rows = _ranged(limit, excluded, newest, beside, key_bounds(req, query))
        if rows is not None:
            return rows
    return _checked(limit, candidates, excluded)


def _in_every_item(excluded: str) -> bool:
    """Whether every item has one of the excluded words, whatever else the search asks: the
    index counts a word's matches without reading any item (64 ms for `in` at a million
    items, where the plain statement takes 2.6–4.6 s to find nothing)."""
    conn = database_proxy.connection()
    counted = "SELECT count(*) FROM item_fts WHERE item_fts MATCH ?"
    return int(conn.execute(counted, (excluded,)).fetchone()[0]) >= facet_index.item_count(conn)


def _ranged(
    limit: int,
    excluded: str,
    newest: bool,
    beside: tuple[list[str], list[object]],
    bounds: tuple[int | None, int | None],
) -> list[ItemRow] | None:
    """The first `limit` of the newest (or oldest) items, from the dates' bound on, that the
    filters keep (`beside`) and none of the matches of `excluded` among them is, in ranges
    grown until a page is kept; None when the range would pass a quarter of the archive
    (MOST_BESIDE items beside filters: the candidates are checked one by one then). Oldest
    first, the index is read forwards from the range's lowest key (never backwards:
    `search_filters.ID_OF_KEY`)."""
    conn = database_proxy.connection()
    total = facet_index.item_count(conn)
    conditions, params = beside
    most = min(total // 4, MOST_BESIDE) if conditions else total // 4
    # Keys ascend from the newest item: newest first the range runs from the bound after
    # the last date up (`>`), oldest first from the bound of the first date down (`<=`).
    within, beyond, start = ("<=", ">", bounds[0]) if newest else (">=", "<=", bounds[1])
    way = "DESC" if newest else ""
    from_start = [] if start is None else [f"search_key {beyond} ?"]
    edge = (
        f"SELECT search_key FROM item_search {'WHERE ' if from_start else ''}"
        f"{''.join(from_start)} ORDER BY search_key {'' if newest else 'DESC'} LIMIT 1 OFFSET ?"
    )
    span = FIRST_RANGE
    while span <= most or span == FIRST_RANGE:
        found = conn.execute(edge, [*([] if start is None else [start]), span - 1]).fetchone()
        # No far end: fewer items than the span from the start, all of them read.
        keys = [
            *([] if start is None else [(beyond, start)]),
            *([(within, found[0])] if found else []),
        ]
        on_item = [f"{ITEM_KEY} {op} ?" for op, _ in keys]
        on_index = [f"item_fts.rowid {op} ?" for op, _ in keys]
        values = [value for _, value in keys]
        kept = " AND ".join([*on_item, *conditions, f"item.id NOT IN ({_matches(on_index)})"])
        sql = (
            f"SELECT {ROW_COLUMNS} FROM item INDEXED BY item_search_key WHERE {kept} "
            f"ORDER BY item.published_at {way}, item.id {way} LIMIT ?"
        )
        rows = conn.execute(sql, [*values, *params, excluded, *values, limit]).fetchall()
        if len(rows) >= limit or found is None:
            return [row_from_db(row) for row in rows]
        span = span * limit // max(len(rows), 1) * 2  # the share kept so far, twice over
    return None


def _matches(on_index: list[str]) -> str:
    return f"SELECT {ID_OF_KEY} FROM item_fts WHERE " + " AND ".join(
        ["item_fts MATCH ?", *on_index]
    )


def _checked(limit: int, candidates: Candidates, excluded: str) -> list[ItemRow] | None:
    """The first `limit` of the search's first candidates that the excluded words do not
    match, each looked up once; None when too many would have to be."""
    conn = database_proxy.connection()
    kept: list[ItemRow] = []
    checked, count = 0, 2 * limit
    while count <= MOST_CHECKED:
        if (asked := candidates(count)) is None:
            return None
        sql, params = asked
        # A subquery with a LIMIT is read in its own order (never flattened into a WHERE);
        # the candidates checked before are passed over.
        found = conn.execute(
            f"SELECT * FROM (SELECT * FROM ({sql}) LIMIT -1 OFFSET ?) AS c WHERE NOT EXISTS "
            f"(SELECT 1 FROM item_fts WHERE item_fts MATCH ? AND item_fts.rowid = {key_of('c')})"
            " LIMIT ?",
            [*params, checked, excluded, limit - len(kept)],
        )
        kept += [row_from_db(row) for row in found]
        if len(kept) >= limit:
            return kept
        if conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0] < count:
            return kept  # every candidate was checked
        checked = count
        count = count * limit // max(len(kept), 1) * 2  # the share kept so far, twice over
    return None
