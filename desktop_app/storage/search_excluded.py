"""The first page of a search of excluded words alone (`-drones`), newest first.

Its statement keeps every item that none of the words' matches is, so SQLite reads every
match into a set before the first item can be given: 1,010 ms at 1,000,000 items for
`-drones`. The first page needs only the newest items, and the search index is keyed in
publication order (schema 6): the newest 1,000 items are checked against the matches among
them alone, then a range as much larger as the share kept so far says, until a page is
kept (0.9 ms for `-drones`). When the kept share is so small that the range would pass a
quarter of the archive, the plain statement does it (`-in`, every item excluded: one small
range more than before). SQLite; the whole list is the plain statement's.
"""

from __future__ import annotations

from desktop_app.core.search_query import Query
from desktop_app.storage import facet_index
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import is_server
from desktop_app.storage.items import ROW_COLUMNS, ItemRow, row_from_db
from desktop_app.storage.search_filters import ID_OF_KEY, ITEM_KEY, filter_conditions

FIRST_RANGE = 1_000


def first_page(req: object, query: Query, limit: int) -> list[ItemRow] | None:
    """The newest `limit` items none of `query`'s excluded words match; None unless the
    search is those words alone, newest first (the plain statement then)."""
    excluded = query.fts_excluded()
    if (
        excluded is None
        or is_server(database_proxy)
        or query.fts_match() is not None
        or getattr(req, "order", "") != "date"
        or not getattr(req, "descending", False)
        or filter_conditions(req, query)[0]
    ):
        return None
    conn = database_proxy.connection()
    total = facet_index.item_count(conn)
    sql = (
        f"SELECT {ROW_COLUMNS} FROM item WHERE {ITEM_KEY} <= ? AND item.id NOT IN "
        f"(SELECT {ID_OF_KEY} FROM item_fts WHERE item_fts MATCH ? AND item_fts.rowid <= ?) "
        "ORDER BY item.published_at DESC, item.id DESC LIMIT ?"
    )
    span = FIRST_RANGE
    while span < total // 4 or span == FIRST_RANGE:
        upto = conn.execute(
            "SELECT search_key FROM item_search ORDER BY search_key LIMIT 1 OFFSET ?",
            (min(span, total) - 1,),
        ).fetchone()
        if upto is None:
            return None
        rows = conn.execute(sql, (upto[0], excluded, upto[0], limit)).fetchall()
        if len(rows) >= limit or span >= total:
            return [row_from_db(row) for row in rows]
        span = span * limit // max(len(rows), 1) * 2  # the share kept so far, twice over
    return None
