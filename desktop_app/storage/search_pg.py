"""The search of `storage.search` on a PostgreSQL server: the same query language, the same
filters and orders, the same results.

Words are matched with PostgreSQL's full-text search: the item's weighted `tsvector` (schema
step 6 in `db.pg_schema`, a GIN index over `item_search_vector(...)`) against a `tsquery`
built here from the parsed query. Each typed term becomes `phraseto_tsquery('simple', ...)`
of the words `archive_search_text` folds out of it, the same function that built the index,
so a word is split, lower-cased and stripped of Latin diacritics alike on both sides; a prefix
term marks its last word `:*`. Typed text is always a bound parameter, never tsquery syntax.
Relevance is `ts_rank` with the weights of SQLite's bm25 columns (title, then lead and tags,
then author, then body); every other order, and the set of matches, is the same as SQLite's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.core.search_query import Query, Term
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.search_filters import filter_conditions

_VECTOR = "item_search_vector(item.title, item.lead, item.body, item.author, item.tags)"
# ts_rank's weights for D (body), C (author), B (lead, tags), A (title): bm25's 1, 2, 3-4, 8.
_RANK = f"ts_rank('{{0.125, 0.25, 0.5, 1.0}}', {_VECTOR}, hit.q)"


def _term(term: Term, params: list[object]) -> str:
    params.append(" ".join(term.tokens))
    words = "phraseto_tsquery('simple', archive_search_text(%s))"
    if term.prefix:
        # The phrase's text with its last word a prefix: 'air' <-> 'def':*
        return f"to_tsquery('simple', nullif({words}::text, '') || ':*')"
    return words


def _any(terms: tuple[Term, ...], params: list[object]) -> str:
    return "(" + " || ".join(_term(t, params) for t in terms) + ")"


def tsquery(query: Query, params: list[object]) -> str | None:
    """SQL for the words' tsquery (None when only exclusions, or nothing, are asked)."""
    if not query.clauses:
        return None
    sql = " && ".join(_any(alts, params) for alts in query.clauses)
    if query.excluded:
        sql = f"({sql}) && !!{_any(query.excluded, params)}"
    return sql


def where(
    req: Any, query: Query, *, skip: str = ""
) -> tuple[list[str], list[object], str | None, list[object]]:
    """WHERE conditions and parameters, and the tsquery's SQL and parameters (or None)."""
    conditions: list[str] = []
    params: list[object] = []
    q_params: list[object] = []
    match = tsquery(query, q_params)
    if match is None and query.excluded:
        conditions.append(f"NOT ({_VECTOR} @@ {_any(query.excluded, params)})")
    more, more_params = filter_conditions(req, query, skip=skip, mark="%s", like="ILIKE")
    return conditions + more, params + more_params, match, q_params


def _order_by(req: Any, match: str | None) -> str:
    direction = "DESC" if req.descending else "ASC"
    if req.order == "relevance" and match is not None:
        return f"{_RANK} DESC, item.published_at DESC, item.id DESC"
    if req.order == "title":
        return f'item.title_key COLLATE "C" {direction}, item.id'
    if req.order == "author":
        # Items without an author last, whichever the direction.
        return (
            f"coalesce(item.author_key, item.author) = '', "
            f'item.author_key COLLATE "C" {direction}, item.published_at DESC, item.id DESC'
        )
    return f"item.published_at {direction}, item.id {direction}"


def _statement(
    req: Any, query: Query, columns: str, *, skip: str = ""
) -> tuple[str, list[object], str]:
    conditions, params, match, q_params = where(req, query, skip=skip)
    frm = "FROM item"
    if match is not None:
        frm = f"FROM (SELECT {match} AS q) AS hit, item"
        conditions.insert(0, f"{_VECTOR} @@ hit.q")
        params = [*q_params, *params]
    clause = (" WHERE " + " AND ".join(conditions)) if conditions else ""
    return f"SELECT {columns} {frm}{clause}", params, _order_by(req, match)


def select_sql(req: Any, query: Query, columns: str) -> tuple[str, list[object]]:
    sql, params, order = _statement(req, query, columns)
    sql += f" ORDER BY {order}"
    if req.limit is not None:
        sql += " LIMIT %s"
        params.append(req.limit)
    return sql, params


def rows(sql: str, params: list[object]) -> list[Any]:
    cursor = database_proxy.cursor()
    cursor.execute(sql, params)
    return list(cursor.fetchall())


def counts(
    req: Any,
    query: Query,
    *,
    select: str,
    skip: str,
    group: str,
    extra_join: str,
    top: int,
) -> list[tuple[str, int]]:
    sql, params, _ = _statement(req, query, f"{select}, COUNT(*) AS n", skip=skip)
    if extra_join:
        # The join goes right after the item table, before WHERE.
        head, sep, tail = sql.partition(" WHERE ")
        sql = head + extra_join + sep + tail
    sql += f" GROUP BY {group} ORDER BY n DESC, {group}"
    if top:
        sql += f" LIMIT {int(top)}"
    return [(r[0], r[1]) for r in rows(sql, params)]


def days(req: Any, query: Query) -> list[tuple[int, str]]:
    """Matching ids newest first, each with its local calendar day (the machine's zone)."""
    sql, params, _ = _statement(req, query, "item.id, item.published_at")
    sql += " ORDER BY item.published_at DESC, item.id DESC"
    out = []
    for item_id, published in rows(sql, params):
        when = dt.datetime.fromisoformat(published).astimezone()
        out.append((item_id, when.date().isoformat()))
    return out


def was_cancelled(exc: BaseException) -> bool:
    """Whether `exc` is a query stopped by a cancel from another thread."""
    return "canceling statement due to user request" in str(exc)
