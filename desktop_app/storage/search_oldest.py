"""The first page of a search with words, oldest first.

The search index is keyed newest first (its key ascends from the newest item), and FTS5 must
never be asked for its rowids backwards: SQLite 3.40 then leaves out matches of multi-word
queries (86 of 1,817 random sets of two to four words at 1,000,000 items; `routes rail`
found 509,959 of its 510,159 items). So oldest first sorted every match: 2.7 s for `drones`
at a million items, 4.2 s for `in`. The oldest items have the highest keys: the matches
among the oldest 1,000 items (from the start of the dates asked for) are read forwards and
sorted, then a range as much larger as the share found says, until a page is found. When
the range would pass a quarter of the archive, the plain statement does it (few matches:
few to sort). SQLite; the whole list is the plain statement's.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core.search_query import Query
from desktop_app.storage import facet_index
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import is_server
from desktop_app.storage.items import ROW_COLUMNS, ItemRow, row_from_db
from desktop_app.storage.search_filters import ID_OF_KEY, key_bounds

FIRST_RANGE = 1_000

# The search's conditions beside the words, their parameters and the words' FTS5 text
# (`search._where`, with the dates as bounds on the key too).
Where = Callable[[], tuple[list[str], list[object], str | None]]


def first_page(req: object, query: Query, limit: int, where: Where) -> list[ItemRow] | None:
    """The oldest `limit` matches; None unless the search has words and is by date, oldest
    first (the plain statement then)."""
    if (
        is_server(database_proxy)
        or getattr(req, "order", "") != "date"
        or getattr(req, "descending", True)
    ):
        return None
    conditions, params, match = where()
    if match is None:
        return None
    conn = database_proxy.connection()
    total = facet_index.item_count(conn)
    _after, upto = key_bounds(req, query)
    start = "" if upto is None else "WHERE search_key <= ? "
    edge = f"SELECT search_key FROM item_search {start}ORDER BY search_key DESC LIMIT 1 OFFSET ?"
    span = FIRST_RANGE
    while span < total // 4 or span == FIRST_RANGE:
        found = conn.execute(edge, (*([] if upto is None else [upto]), span - 1)).fetchone()
        # The item table's reading order: no FTS5 cursor can take this ORDER BY over.
        sql, args = _statement(match, conditions, params, None if found is None else found[0])
        rows = conn.execute(sql, [*args, limit]).fetchall()
        if len(rows) >= limit or found is None:  # a page, or every match from the start
            return [row_from_db(row) for row in rows]
        span = span * limit // max(len(rows), 1) * 2  # the share found so far, twice over
    return None


def _statement(
    match: str, conditions: list[str], params: list[object], lowest: int | None
) -> tuple[str, list[object]]:
    """The matches with keys from `lowest` up (all of them for None), oldest first."""
    where = ["item_fts MATCH ?", *(["item_fts.rowid >= ?"] if lowest is not None else [])]
    args: list[object] = [match, *([lowest] if lowest is not None else []), *params]
    return (
        # The index outside (`search._from`), read forwards from `lowest`.
        f"SELECT {ROW_COLUMNS} FROM item_fts CROSS JOIN item ON item.id = {ID_OF_KEY} "
        f"WHERE {' AND '.join([*where, *conditions])} "
        "ORDER BY item.published_at, item.id LIMIT ?",
        args,
    )
