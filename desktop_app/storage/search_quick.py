"""The counts beside the list in about the time of a first page (`quick_facets`), read from
the newest matches and scaled, before the exact ones (`search.facet_counts`, or the window's
own from the list's ids)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from desktop_app.core.search_query import Query
from desktop_app.storage import facet_index
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.items import ItemRow
from desktop_app.storage.search import (
    PAGE_PARTS,
    Facets,
    SearchRequest,
    _where,
    first_rows,
)
from desktop_app.storage.search_filters import filter_conditions

# How many of the newest matches the quick counts are read from.
SAMPLE = 200


def _about(n: float) -> int:
    """`n` to two significant figures (an estimate shows no more than it knows)."""
    if n < 100:
        return round(n)
    step = 10 ** (len(str(int(n))) - 2)
    return int(round(n / step) * step)


def _key(row: ItemRow) -> int:
    """The search index's key of a row (`search_filters.ID_OF_KEY` inverts it)."""
    return -(int(row.published_at.timestamp()) * 1073741824 + row.id)


def quick_facets(
    req: SearchRequest, query: Query, newest: Sequence[ItemRow] | None = None, *, top: int = 40
) -> Facets | None:
    """The counts beside the list in about the time of a first page, before the exact ones.

    Read from the newest `SAMPLE` matches (`newest`: the first page when it is already in
    that order). Exact when there are fewer matches than that. Otherwise, for words alone or
    no words, an estimate (`Facets.estimated`): the matches' share of the items their keys
    span, times all items, and each facet's share of the sample; the exact counts take a
    pass over every match and its item (seconds at a million items). Excluded words alone
    (`-drones`) are estimated the same way, from the newest items without them. None when
    the search also has filters (nothing cheap to scale by) or a facet is chosen (its own
    count ignores the choice, which the sample cannot show).
    """
    where, _params, match = _where(req, query, expand=PAGE_PARTS)
    if req.kind or query.kind or req.tags or req.source is not None or req.limit is not None:
        return None
    # Words, or excluded words, and nothing else: the newest matches' keys say how many
    # items they are among (no words nor filters: the newest items are the matches).
    spread = not where if match is not None else not filter_conditions(req, query)[0]
    if not spread and newest is not None and len(newest) >= SAMPLE:
        return None
    conn = database_proxy.connection()
    if not isinstance(conn, sqlite3.Connection):
        return None  # another database: its exact counts follow as before
    sample: list[tuple[int, int]]  # (key, id)
    if newest is not None and len(newest) < SAMPLE:
        sample = [(_key(r), r.id) for r in newest]
    elif newest is not None and spread and (match is not None or query.excluded):
        sample = [(_key(r), r.id) for r in newest[:SAMPLE]]
    elif match is not None and not where:
        sql = "SELECT rowid FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid LIMIT ?"
        sample = [(k, -k & 1073741823) for (k,) in conn.execute(sql, (match, SAMPLE))]
    else:
        by_date = replace(req, order="date", descending=True)
        sample = [(_key(r), r.id) for r in first_rows(by_date, query, SAMPLE)]
    scale = 1.0
    estimated = len(sample) >= SAMPLE
    if estimated:
        if not spread:
            return None
        total = facet_index.item_count(conn)
        spanned = len(sample)  # no words: the sample is the newest items themselves
        if match is not None or query.excluded:
            spanned = conn.execute(
                "SELECT count(*) FROM item_search WHERE search_key BETWEEN ? AND ?",
                (sample[0][0], sample[-1][0]),
            ).fetchone()[0]
        scale = total / max(spanned, len(sample))
    ids = [i for _k, i in sample]
    marks = ",".join("?" * len(ids))
    kinds: dict[str, int] = {}
    sources: dict[str, int] = {}
    for kind, source in conn.execute(
        f"SELECT kind, source_name FROM item WHERE id IN ({marks})", ids
    ):
        kinds[kind] = kinds.get(kind, 0) + 1
        if source:
            sources[source] = sources.get(source, 0) + 1
    tags = conn.execute(
        f"SELECT tag, count(*) FROM item_tag WHERE item_id IN ({marks}) GROUP BY tag", ids
    ).fetchall()

    def scaled(counts: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
        out = [(v, _about(n * scale) if estimated else n) for v, n in counts]
        out.sort(key=lambda c: -c[1])
        return out[:top] if top else out

    return Facets(
        dict(scaled(list(kinds.items()))),
        scaled(tags),
        scaled(list(sources.items())),
        estimated=estimated,
    )
