"""The counts beside the list from the search's own id list, not from SQL over every match.

SQLite counts a broad search's kinds, tags and sources by looking up every match in `item`
and `item_tag` (a random page each): 1.4-19 s at 1,000,000 items. The search thread already
holds the matches' ids (the list's), so it keeps, per connection, which kind and source each
item id has and which ids carry each tag, read from three indexes in ~1.5 s at 1,000,000
items, and counts a list of ids with C-level loops: ~0.25 s for a million ids.

The table is read again when the archive has changed since: SQLite's `data_version` moves
when another connection commits, `total_changes` when this one writes. A list of ids from
before a change can name an item the table no longer has, or one it never had: such ids
are not counted (the list itself is refreshed after a change).
"""

from __future__ import annotations

import sqlite3
import threading
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

# An item id too large for the tables (ids start at 1 and grow by one per item).
_ID_TYPE = "I"


@dataclass
class FacetIndex:
    """Per item id: its kind's and its source's number (0: no such item); per tag: its ids."""

    key: tuple[int, int]  # (data_version, total_changes) when read
    kinds: list[str]  # number - 1 -> kind
    kind_of: bytearray | array[int]
    sources: list[str]  # number - 1 -> source name
    source_of: bytearray | array[int]
    tag_items: dict[str, array[int]]

    def covers(self, ids: Sequence[int]) -> bool:
        return not ids or (min(ids) >= 0 and max(ids) < len(self.kind_of))


def _ids(joined: str | None) -> array[int]:
    return array(_ID_TYPE, map(int, joined.split(","))) if joined else array(_ID_TYPE)


def _key(conn: sqlite3.Connection) -> tuple[int, int]:
    return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes


def _numbered(
    conn: sqlite3.Connection, sql: str, size: int
) -> tuple[list[str], bytearray | array[int]]:
    """The values of a column and each item's value's number, from `sql` (value, its ids):
    one byte per item while there are fewer than 256 values (counted with `bytes.count`)."""
    groups = conn.execute(sql).fetchall()
    numbers: bytearray | array[int] = (
        bytearray(size)
        if len(groups) < 256
        else array(_ID_TYPE, bytes(size * array(_ID_TYPE).itemsize))
    )
    for number, (_value, joined) in enumerate(groups, 1):
        for item_id in _ids(joined):
            numbers[item_id] = number
    return [value for value, _joined in groups], numbers


def read_index(conn: sqlite3.Connection) -> FacetIndex:
    """The table as of now, in one read transaction (the caller's, if it is in one)."""
    key = _key(conn)
    size = _size(conn)
    # Each GROUP BY reads an index alone: item_kind, item_source_name (schema 10), item_tag_tag.
    kinds, kind_of = _numbered(conn, "SELECT kind, group_concat(id) FROM item GROUP BY kind", size)
    sources, source_of = _numbered(
        conn, "SELECT source_name, group_concat(id) FROM item GROUP BY source_name", size
    )
    tag_items = {
        tag: _ids(joined)
        for tag, joined in conn.execute(
            "SELECT tag, group_concat(item_id) FROM item_tag GROUP BY tag"
        )
    }
    return FacetIndex(key, kinds, kind_of, sources, source_of, tag_items)


def _size(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM item").fetchone()[0]) + 1


_cache = threading.local()
# Reading the table costs about four times as much per item as SQL's counts cost per match
# (~4 s and ~4-20 s at 1,000,000 items), so a search matching fewer than a quarter of the
# items is counted by SQL when the table would have to be read first.
READ_FOR_SHARE = 0.25


def current_index(conn: sqlite3.Connection, matches: int) -> FacetIndex | None:
    """This thread's table for `conn`, read again if the archive changed since; None when
    it would have to be read for a search of only `matches` items (SQL counts those sooner).
    """
    held: tuple[sqlite3.Connection, FacetIndex] | None = getattr(_cache, "held", None)
    if held is not None and held[0] is conn and held[1].key == _key(conn):
        return held[1]
    if matches < READ_FOR_SHARE * _size(conn):
        return None
    _cache.held = None  # the old table is not kept alive while the new one is read
    index = read_index(conn)
    _cache.held = (conn, index)
    return index


def _pick(table: bytearray | array[int], ids: Sequence[int]) -> tuple[int, ...]:
    """table[i] for every i in ids, in one C-level pass."""
    if len(ids) < 2:
        return tuple(table[i] for i in ids)
    picked: tuple[int, ...] = itemgetter(*ids)(table)
    return picked


def _count(numbers: bytearray | array[int], names: list[str], ids: Sequence[int]) -> dict[str, int]:
    picked = _pick(numbers, ids)
    if isinstance(numbers, bytearray):
        as_bytes = bytes(picked)
        return {name: as_bytes.count(n) for n, name in enumerate(names, 1)}
    by_number = Counter(picked)
    return {name: by_number[n] for n, name in enumerate(names, 1)}


def _ranked(counts: dict[str, int], top: int) -> list[tuple[str, int]]:
    ranked = sorted(((name, n) for name, n in counts.items() if n), key=lambda p: (-p[1], p[0]))
    return ranked[:top] if top else ranked


def kind_counts(index: FacetIndex, ids: Sequence[int]) -> dict[str, int]:
    return dict(_ranked(_count(index.kind_of, index.kinds, ids), 0))


def source_counts(index: FacetIndex, ids: Sequence[int], *, top: int) -> list[tuple[str, int]]:
    """Per source name (items without one are not a source), most items first."""
    counts = _count(index.source_of, index.sources, ids)
    counts.pop("", None)
    return _ranked(counts, top)


def tag_counts(index: FacetIndex, ids: Sequence[int], *, top: int) -> list[tuple[str, int]]:
    chosen = bytearray(len(index.kind_of))
    for item_id in ids:
        chosen[item_id] = 1
    counts = {tag: sum(map(chosen.__getitem__, items)) for tag, items in index.tag_items.items()}
    return _ranked(counts, top)
