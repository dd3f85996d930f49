"""Searching the archive: a parsed query plus the filter panel's choices, as one SQL query.

Only ids come back (a list model loads the rows it shows), plus, separately, the counts per
filter value and the highlighted snippets of a window of rows. Every value typed by the user
reaches SQLite as a bound parameter; FTS5 text comes from `core.search_query`, which quotes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import chain, groupby

from desktop_app.core.search_query import Expansions, Query, parse_query
from desktop_app.storage import (
    facet_index,
    search_excluded,
    search_lists,
    search_oldest,
    search_pg,
    search_terms,
)
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import is_server
from desktop_app.storage.items import ROW_COLUMNS, ItemRow, StoredItem, get_item, row_from_db
from desktop_app.storage.search_filters import ID_OF_KEY as _ID_OF_KEY
from desktop_app.storage.search_filters import (
    KeyFilter,
    excluded_apart,
    filter_conditions,
    filtered_keys,
)

ORDERS = ("date", "relevance", "title", "author")
# bm25 weights per FTS column (title, lead, body, author, tags): a word in the headline says
# more about an item than the same word deep in its body.
_BM25 = "bm25(item_fts, 8.0, 4.0, 1.0, 2.0, 3.0)"


@dataclass(frozen=True)
class SearchRequest:
    """The search field's text and the filters beside the list."""

    text: str = ""
    kind: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    starred_only: bool = False
    unread_only: bool = False
    order: str = "date"  # one of ORDERS
    descending: bool = True
    limit: int | None = None


@dataclass(frozen=True)
class Facets:
    """How many items of the current search each filter value would keep."""

    kinds: dict[str, int]
    tags: list[tuple[str, int]]
    sources: list[tuple[str, int]]
    # Scaled from the newest matches (`quick_facets`): shown as "about", and followed by the
    # exact counts.
    estimated: bool = False
    # The exact number of matches, when it is known before the full list (`match_count`).
    total: int | None = None


# A prefix is searched as the OR of its frequent words (read lazily, a page at a time) and
# of longer prefixes for its rare ones (merged up front, cheap): `search_terms.plan_prefix`.
# FTS5 steps every part of an OR for each row it returns, so where every match is read (the
# whole list, counts, other orders than newest first) a plan of more than ALL_PARTS parts
# keeps the prefix. Measured at 1,000,000 items: docs/BENCHMARKS.md, issue #14 third round.
PAGE_PARTS = 10_000
ALL_PARTS = 16


def expansions(query: Query, *, limit: int) -> Expansions | None:
    """The query's prefix terms as the cheaper OR each can be (`search_terms.expansions`)."""
    if not query.prefix_terms() or is_server(database_proxy):
        return None
    return search_terms.expansions(database_proxy.connection(), query, limit=limit)


def _where(
    req: SearchRequest, query: Query, *, skip: str = "", expand: int = 0, keyed: bool = True
) -> tuple[list[str], list[object], str | None]:
    """WHERE conditions and parameters, and the MATCH text that goes with them (beside items
    looked up by key, without the excluded words: `excluded_apart`); `skip` leaves out one
    facet (for its own counts); `expand`: prefixes of up to that many words become the OR of
    those words (same rows); `keyed`: the index is in the FROM (dates bound its key too)."""
    where: list[str] = []
    params: list[object] = []
    expanded = expansions(query, limit=expand) if expand else None
    match = query.fts_match(expanded)
    if match is None and query.excluded:
        where.append(f"item.id NOT IN (SELECT {_ID_OF_KEY} FROM item_fts WHERE item_fts MATCH ?)")
        params.append(query.fts_excluded(expanded))
    few = held = None
    keyed = keyed and match is not None
    if not is_server(database_proxy):
        conn = database_proxy.connection()
        few = functools.partial(facet_index.few_marked, conn)
        if match is None or keyed:  # a tag's items by key, or as a list over `item` alone
            held = functools.partial(facet_index.few_holding, conn)
    whole = req.limit is None  # the statement reads every item kept
    more, more_params = filter_conditions(
        req, query, skip=skip, keyed=keyed, few_marked=few, few_holding=held, whole=whole
    )
    if match is not None and (apart := excluded_apart(query, expanded, more, more_params)):
        match = apart
    return where + more, params + more_params, match


def _from(match: str | None) -> str:
    if match is None:
        return "FROM item"
    # CROSS JOIN: the index outside. Joined on an expression of its rowid, which FTS5 cannot
    # look up, it would otherwise run the whole text query again for each item a filter gives.
    return f"FROM item_fts CROSS JOIN item ON item.id = {_ID_OF_KEY}"


def _order_by(req: SearchRequest, match: str | None) -> str:
    """The ORDER BY terms; every order ends in a unique tie-break, so it is the same order
    whatever plan SQLite picks."""
    direction = "DESC" if req.descending else "ASC"
    if req.order == "relevance" and match is not None:
        # bm25 is smaller for better matches; newest first among equals.
        return f"{_BM25}, item_fts.rowid"
    if req.order == "title":
        return f"item.title_key {direction}, item.id"
    if req.order == "author":
        # Items without an author last, whichever the direction.
        return (
            f"coalesce(item.author_key, item.author) = '', item.author_key {direction}, "
            "item.published_at DESC, item.id DESC"
        )
    if match is not None and req.descending:
        # The same order as (published_at, id) descending: the search index's own order.
        return "item_fts.rowid"
    return f"item.published_at {direction}, item.id {direction}"


def _index_only_sql(
    req: SearchRequest, match: str, columns: str, among: KeyFilter | None = None
) -> tuple[str, list[object]]:
    """Words alone, by date or relevance: the order comes from the index, so `item` is read
    only for the rows returned, not for every match (each read is a random page of a large
    table: most of the time of a broad search otherwise). `among`: conditions on the
    index's key alone (`filtered_keys`)."""
    params: list[object] = [match, *(among.params if among else [])]
    order = _order_by(req, match)
    match_where = " AND ".join(["item_fts MATCH ?", *(among.where if among else [])])
    limit = "" if req.limit is None else " LIMIT ?"
    params += [] if req.limit is None else [req.limit]
    if columns == "item.id":
        return (
            f"SELECT {_ID_OF_KEY} FROM item_fts WHERE {match_where} ORDER BY {order}{limit}",
            params,
        )
    # The page's keys first (and their scores), then its rows; the outer ORDER BY repeats
    # the inner one on the page alone.
    score = f"{_BM25}" if req.order == "relevance" else "0"
    hits = (
        f"SELECT item_fts.rowid AS search_key, {score} AS score FROM item_fts "
        f"WHERE {match_where} ORDER BY {order}{limit}"
    )
    return (
        f"SELECT {columns} FROM ({hits}) AS hit JOIN item "
        f"ON item.id = ((-hit.search_key) & 1073741823) "
        f"ORDER BY hit.score, hit.search_key",
        params,
    )


def select_sql(req: SearchRequest, query: Query, columns: str) -> tuple[str, list[object]]:
    """The search as one SELECT of `columns`, in the requested order (and limit)."""
    if is_server(database_proxy):
        return search_pg.select_sql(req, query, columns)
    newest_first = req.order == "date" and req.descending
    # By relevance, a prefix stays one: bm25 scores a prefix as one phrase, an OR of words
    # as several (other scores, another order).
    expand = 0
    if req.order != "relevance":
        expand = PAGE_PARTS if newest_first and req.limit is not None else ALL_PARTS
    where, params, match = _where(req, query, expand=expand)
    if match is not None and not where and (newest_first or req.order == "relevance"):
        return _index_only_sql(req, match, columns)
    if match is not None and req.order == "relevance" and (keys := filtered_keys(req, query)):
        return _index_only_sql(req, match, columns, keys)
    sql = [_from(match)]
    if match is not None:
        where.insert(0, "item_fts MATCH ?")
        params.insert(0, match)
    if where:
        sql.append("WHERE " + " AND ".join(where))
    sql.append("ORDER BY " + _order_by(req, match))
    if req.limit is not None:
        sql.append("LIMIT ?")
        params.append(req.limit)
    return f"SELECT {columns} " + " ".join(sql), params


@contextlib.contextmanager
def _one_snapshot() -> Iterator[None]:
    """The word list read for a prefix and the index searched with it, as of one moment: a
    write committed in between could add items whose words the list read had not yet."""
    conn = database_proxy.connection()
    if is_server(database_proxy) or conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:  # an interrupted query may have ended it already
            conn.execute("COMMIT")


def search_ids(req: SearchRequest, query: Query | None = None) -> list[int]:
    """Ids of the matching items in the requested order."""
    return list(search_id_array(req, query))


def search_id_array(req: SearchRequest, query: Query | None = None) -> array[int]:
    """The same ids as machine integers (ids stay below 2**30: `_ID_OF_KEY`), 4 bytes each
    where a list of a million Python ints holds 36 MB: what the window's list keeps."""
    query = query if query is not None else parse_query(req.text)
    with _one_snapshot():
        sql, params = select_sql(req, query, "item.id")
        # The sqlite3 cursor itself (peewee's wrapper adds nothing here), read row by row:
        # a million one-field tuples held at once cost 54 MiB more at the peak.
        return array("i", chain.from_iterable(database_proxy.connection().execute(sql, params)))


# Items from which a first page by relevance is ranked in two halves at once (`ranked_cut`):
# bm25 scores every match, about 2.5 µs each (1.1 s for the 376,858 of `drones kharkiv` at
# a million items); in a smaller archive one statement is soon enough.
RANKED_HALVES_FROM = 100_000


def ranked_cut(req: SearchRequest, query: Query) -> int | None:
    """Where to cut the first page by relevance in two, for two connections to rank at once
    (`ranked_rows`): the search key of the archive's middle item. None unless the page is
    ranked from the search index alone (words, and dates as bounds on the key:
    `filtered_keys`; SQLite) in an archive of at least `RANKED_HALVES_FROM` items. bm25's
    weights of each word come from the whole index whatever part of it a statement reads,
    so each half scores as the whole does."""
    if req.order != "relevance" or is_server(database_proxy):
        return None
    where, _params, match = _where(req, query)
    conn = database_proxy.connection()
    if match is None or facet_index.item_count(conn) < RANKED_HALVES_FROM:
        return None
    keys = filtered_keys(req, query) if where else None
    if where and (keys is None or keys.reads_set):
        return None  # each match's item read, or a set each half would read again
    return facet_index.middle_key(conn, *((keys.after, keys.upto) if keys else ()))


def ranked_rows(
    req: SearchRequest, query: Query, limit: int, *, newer: bool, cut: int
) -> list[tuple[float, int, ItemRow]]:
    """The first `limit` matches by relevance among the items newer than the middle one
    (`cut`: search keys below it) or the others, each with its score and search key: the
    first page is the `limit` smallest of both halves' (score, key)."""
    where, _params, match = _where(req, query)
    assert match is not None
    keys = filtered_keys(req, query) if where else None
    among, among_params = (keys.where, keys.params) if keys else ([], [])
    side = "<" if newer else ">="
    hits = (
        f"SELECT item_fts.rowid AS search_key, {_BM25} AS score FROM item_fts "
        f"WHERE {' AND '.join(['item_fts MATCH ?', f'item_fts.rowid {side} ?', *among])} "
        f"ORDER BY {_BM25}, item_fts.rowid LIMIT ?"
    )
    sql = (
        f"SELECT hit.score, hit.search_key, {ROW_COLUMNS} FROM ({hits}) AS hit JOIN item "
        "ON item.id = ((-hit.search_key) & 1073741823) ORDER BY hit.score, hit.search_key"
    )
    with _one_snapshot():
        found = database_proxy.connection().execute(sql, (match, cut, *among_params, limit))
        return [(score, key, row_from_db(rest)) for score, key, *rest in found]


def _excluded_text(query: Query) -> str | None:
    """The excluded words' FTS5 text, prefixes as the OR of their words where they can be."""
    return query.fts_excluded(expansions(query, limit=ALL_PARTS))


def _without_excluded(
    req: SearchRequest, query: Query, limit: int
) -> tuple[str, list[object]] | None:
    """`search_excluded.Candidates`: the search without its excluded words."""
    expanded = expansions(query, limit=ALL_PARTS) or {}
    if any(term.prefix and term not in expanded for term in query.excluded):
        return None
    return select_sql(replace(req, limit=limit), replace(query, excluded=()), ROW_COLUMNS)


def first_rows(req: SearchRequest, query: Query, limit: int) -> list[ItemRow]:
    """The first `limit` matching items with their list columns, in one query (a few for
    excluded words alone, `search_excluded`, and words oldest first, `search_oldest`): what
    the list shows first, before the full id list, which costs a pass over every match (and
    the counts beside it, which cost more)."""
    if query.finds_nothing():
        return []  # `tag:energy -tag:energy`, `power -power`: nothing to read
    with _one_snapshot():
        without = functools.partial(_without_excluded, req, query)
        excluded = _excluded_text(query)
        if (rows := search_excluded.first_page(req, query, limit, without, excluded)) is not None:
            return rows
        where = functools.partial(_where, req, query, expand=ALL_PARTS)
        if (rows := search_oldest.first_page(req, query, limit, where)) is not None:
            return rows
        sql, params = select_sql(replace(req, limit=limit), query, ROW_COLUMNS)
        return [row_from_db(r) for r in database_proxy.connection().execute(sql, params)]


def facet_counts(
    req: SearchRequest,
    query: Query | None = None,
    *,
    top: int = 40,
    counted: facet_index.CountedFacets | None = None,
) -> Facets:
    """Counts per kind, tag and source; each facet ignores its own choice, as in a shop.

    `counted`: counts the caller made from the list's own ids (the window's search thread,
    `ui/archive/facet_counter.py`) for facets that `facet_index.countable` names; SQL counts
    the others.
    """
    query = query if query is not None else parse_query(req.text)
    counted = counted or facet_index.CountedFacets()

    def run(select: str, skip: str, group: str, extra_join: str = "") -> list[tuple[str, int]]:
        if is_server(database_proxy):
            return search_pg.counts(
                req, query, select=select, skip=skip, group=group, extra_join=extra_join,
                top=top,
            )  # fmt: skip
        where, params, match = _where(req, query, skip=skip, expand=ALL_PARTS, keyed=False)
        frm = "FROM item" + extra_join
        if match is not None:
            # The matches' ids first, then their items in id order (a join reads them in
            # the index's order, publication time: a random page each): 1.5-2.6x faster at
            # 1,000,000 items. Tags alone need no item.
            if extra_join and not where:
                frm, column = "FROM item_tag", "item_tag.item_id"
            else:
                column = "item.id"
            where.insert(
                0, f"{column} IN (SELECT {_ID_OF_KEY} FROM item_fts WHERE item_fts MATCH ?)"
            )
            params.insert(0, match)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        # Ties by name, as the window ranks the counts it makes itself (facet_counter).
        sql = f"SELECT {select}, COUNT(*) AS n {frm} {clause} GROUP BY {group} ORDER BY n DESC, 1"
        if top:
            sql += f" LIMIT {int(top)}"
        return [(r[0], r[1]) for r in database_proxy.execute_sql(sql, params).fetchall()]

    kinds = counted.kinds
    if kinds is None:
        kinds = dict(run("item.kind", "kind", "item.kind"))
    tags = counted.tags
    if tags is None:
        tags = run(
            "item_tag.tag", "tag", "item_tag.tag", " JOIN item_tag ON item_tag.item_id = item.id"
        )
    sources = counted.sources
    if sources is None:
        sources = [(s, n) for s, n in run("item.source_name", "source", "item.source_name") if s]
    return Facets(kinds, tags, sources)


def match_count(req: SearchRequest, query: Query) -> int | None:
    """The exact number of matches of words (or excluded words) alone, from the full-text
    index only (no item is read): 0.1-0.5 s at 1,000,000 items, where the id list takes
    0.4-2.9 s. None with filters or without words (their count comes with the list)."""
    if is_server(database_proxy):
        return None
    where, params, match = _where(req, query, expand=ALL_PARTS)
    counted = "SELECT count(*) FROM item_fts WHERE item_fts MATCH ?"
    conn = database_proxy.connection()
    if match is None and query.excluded and len(where) == 1:  # excluded words alone
        with _one_snapshot():  # every item less the words' matches (2.9 s as a list)
            return facet_index.item_count(conn) - int(conn.execute(counted, params).fetchone()[0])
    if match is None or where:
        return None
    return int(conn.execute(counted, (match,)).fetchone()[0])


def search_count(req: SearchRequest, query: Query | None = None) -> int:
    """How many items the search finds, no id handed over, nothing sorted (saved searches)."""
    query = query if query is not None else parse_query(req.text)
    total = match_count(req, query)
    if total is None:
        total = _count_by_ids(req, query)
    if total is None:
        sql, params = select_sql(replace(req, limit=None, order="date"), query, "item.id")
        total = database_proxy.execute_sql(f"SELECT count(*) FROM ({sql}) AS found", params)
        total = int(total.fetchone()[0])
    return total


# An item's local day. A time another program wrote that SQLite cannot read as one ('', 'zzz')
# is a group of its own, keyed by its text: by day descending it sorts among the days where
# the list (by the stored text, descending) puts it, and the timeline heads it as such.
_FOREIGN_AWARE_DAY = "coalesce(date(item.published_at, 'localtime'), item.published_at)"


def search_days(req: SearchRequest, query: Query | None = None) -> list[tuple[str, int]]:
    """The local calendar days of the matches, newest first, each with how many it holds
    (the timeline's headings; its rows are the list's ids in the same order)."""
    query = query if query is not None else parse_query(req.text)
    if is_server(database_proxy):
        return [(d, len(list(g))) for d, g in groupby(d for _i, d in search_pg.days(req, query))]
    where, params, match = _where(req, query, expand=ALL_PARTS)
    day, frm = _FOREIGN_AWARE_DAY, _from(match)
    if match is not None and not where:  # the time is in the index's key: `item` not read
        day, frm = "date((-item_fts.rowid) >> 30, 'unixepoch', 'localtime')", "FROM item_fts"
    if match is not None:
        where.insert(0, "item_fts MATCH ?")
        params.insert(0, match)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    sql = f"SELECT {day} AS day, count(*) {frm} {clause} GROUP BY day ORDER BY day DESC"
    return [(r[0], r[1]) for r in database_proxy.execute_sql(sql, params)]


def local_dates(times: str) -> list[tuple[str, int]]:
    """Each of `times`' (a JSON array of Unix seconds) local date and offset from UTC, as
    `search_days` reckons days (SQLite's local time); an archive file only."""
    return search_lists.local_dates(database_proxy.connection(), times)


def search_item_ids(
    text: str = "", *, kind: str | None = None, limit: int | None = None
) -> list[int]:
    """Ids of the items matching the typed query (all items when empty), newest first."""
    return search_ids(SearchRequest(text, kind=kind, limit=limit))


def search_items(text: str, *, kind: str | None = None, limit: int = 20) -> list[StoredItem]:
    """The items matching the typed query, newest first, whole (the command line's search)."""
    ids = search_item_ids(text, kind=kind, limit=limit)
    found = {i: get_item(i) for i in ids}
    return [stored for i in ids if (stored := found[i]) is not None]


def _count_by_ids(req: SearchRequest, query: Query) -> int | None:
    """Words (or excluded words) with filters, in SQLite, from the ids each side keeps
    (`search_lists.count_among`): joining them read the row of every match, 3.7 s for `in`
    among briefs at a million items. None without words or filters (`match_count` or the
    plain statement count those)."""
    if is_server(database_proxy):
        return None
    match = query.fts_match(expansions(query, limit=ALL_PARTS))  # with its excluded words
    words = match if match is not None else _excluded_text(query)
    where, params = filter_conditions(req, query, tag_lists=True)
    if words is None or not where:
        return None
    conn = database_proxy.connection()
    with _one_snapshot():
        return search_lists.count_among(conn, words, where, params, excluded=match is None)
