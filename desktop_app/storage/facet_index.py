"""What the window needs to count a search's kinds, tags and sources from its own id list.

SQLite counts a broad search's facets by looking up every match in `item` and `item_tag` (a
random page each): 3.5-16 s at 1,000,000 items. The window's search thread holds the matches'
ids already (the list's), so it counts those instead (`ui/archive/facet_counter.py`, with
numpy: ~60 ms for a million ids). What it counts them against comes from here: each kind's,
source's and tag's item ids, read by three statements that each read one index
(`item_kind_published`, `item_source_published` of schema 11, `item_tag_tag`) while SQLite,
not Python, does the work.

`data_key` says when to read them again: SQLite's `data_version` moves when another
connection commits, `total_changes` when this one writes. Those numbers are the connection's
own, so two threads' keys cannot be compared; `shared_key` is one every thread of the
process can compare (the search and counts threads share the groups they read).

A facet with a choice in the filter panel is counted without its own choice (as in a shop),
so its counts are not those of the list: `countable` names the facets that are, and
`storage.search.facet_counts` takes the caller's counts for those (`CountedFacets`) and asks
SQL for the rest.

A search whose only filters are such choices (a kind, a source, tags) is also split
(`split_choices`) into the search without them, whose whole list one index holds in order,
and the choices, which the search thread applies to that list with the same groups: SQL's
way looks up every match's item (`drones` among the briefs: 4-9 s at 1,000,000 items).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote

from desktop_app.core.search_query import Query
from desktop_app.storage.search_filters import fold_tag, names_like

# (value, its items' ids joined by commas): one per kind, source name or tag.
Groups = Iterator[tuple[str, str]]


@dataclass(frozen=True)
class CountedFacets:
    """Counts a caller made itself, from the list's ids (None: not counted, ask SQL)."""

    kinds: dict[str, int] | None = None
    tags: list[tuple[str, int]] | None = None
    sources: list[tuple[str, int]] | None = None


@dataclass(frozen=True)
class Choices:
    """A search's choices of the facets: a kind, a source, tags (folded, all required)."""

    kind: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()


def split_choices(req: Any, query: Query) -> tuple[Any, Query, Choices] | None:
    """`req` and `query` without their kind, source and tag choices, and the choices; None
    when there are none. Whether the rest has filters too is the caller's question (its
    whole list as text is only read for words alone)."""
    kind = query.kind or req.kind
    if not kind and req.source is None and not req.tags:
        return None
    plain = replace(req, kind=None, source=None, tags=())
    return (
        plain,
        replace(query, kind=None),
        Choices(kind, req.source, tuple(fold_tag(tag) for tag in req.tags)),
    )


def data_key(conn: sqlite3.Connection) -> tuple[int, int]:
    return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes


# One read-only connection to the archive file, shared by the threads (under the lock) and
# only ever asked its data_version: it moves for every commit to the file, whoever makes it
# (the window's own writes come through another connection). Kept for one file at a time,
# known by device and inode, so a file put in the archive's place gets a connection of its
# own.
_PROBE: list[tuple[tuple[int, int], sqlite3.Connection]] = []
_PROBE_LOCK = threading.Lock()


def shared_key(conn: sqlite3.Connection) -> tuple[int, int, int] | None:
    """What changes when the archive file `conn` reads does, the same for every thread's
    connection to it (None for a database without a file, or one a second connection cannot
    open: the caller falls back to `data_key` and the thread)."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    if not path:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    ident = (status.st_dev, status.st_ino)
    with _PROBE_LOCK:
        try:
            if not _PROBE or _PROBE[0][0] != ident:
                for _ident, old in _PROBE:
                    old.close()
                _PROBE.clear()
                uri = f"file:{quote(path)}?mode=ro"
                probe = sqlite3.connect(uri, uri=True, check_same_thread=False)
                _PROBE.append((ident, probe))
            version = int(_PROBE[0][1].execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None
    return (*ident, version)


# Per connection: (its data key when counted, the count). Counting a million items takes
# 30-70 ms, and the archive changes far less often than searches run. The connection is
# kept beside its counts, so a later connection reusing its id() never takes them.
_COUNTS: dict[tuple[int, str], tuple[sqlite3.Connection, tuple[int, int], int]] = {}
_MARKED = {
    "": "",
    "starred": " WHERE starred",
    "unread": " WHERE NOT is_read",
    "read": " WHERE is_read",
}
# Marked or tagged items up to this many, and this share of all, are where a search among
# them starts (`search_filters.filter_conditions`) rather than every match checked for the
# mark or tag (3 s at 1,000,000 items for words among none starred, 1.8 s for a first page
# of 30 tagged items without words).
# How the search index is then asked: `search_filters.LOOKED_UP`.
FEW_MARKED, FEW_MARKED_SHARE = 20_000, 0.02


def _kept(conn: sqlite3.Connection, name: str, read: Callable[[], int | None]) -> int | None:
    """`read()` for `name` (a count, a key), read again only after a write; None is not
    kept. At most a few hundred are kept (the tags and ranges of a long session)."""
    key, cached = data_key(conn), _COUNTS.get((id(conn), name))
    if cached is not None and cached[0] is conn and cached[1] == key:
        return cached[2]
    value = read()
    if value is not None:
        if len(_COUNTS) > 256:
            _COUNTS.clear()
        _COUNTS[(id(conn), name)] = (conn, key, value)
    return value


def _count(conn: sqlite3.Connection, mark: str) -> int:
    """How many items (with `mark`: "starred", "unread", "read") the archive holds (each
    mark from its own index, schemas 11 and 12)."""
    sql = f"SELECT count(*) FROM item{_MARKED[mark]}"
    return _kept(conn, mark, lambda: int(conn.execute(sql).fetchone()[0])) or 0


def item_count(conn: sqlite3.Connection) -> int:
    return _count(conn, "")


def middle_key(
    conn: sqlite3.Connection, after: int | None = None, upto: int | None = None
) -> int | None:
    """The search key of the archive's middle item (as many items newer as older; None in an
    empty archive), or of the items whose keys are above `after` and up to `upto` (a search
    between dates): 30-60 ms at a million items, a step through the key's index (schema
    6); 18 ms for the 216,000 items of a year."""

    def read() -> int | None:
        between, bounds, n = "", [], 0
        if after is None and upto is None:
            n = item_count(conn)
        else:
            between = "WHERE search_key > ? AND search_key <= ?"
            bounds = [
                -(1 << 63) if after is None else after,
                (1 << 63) - 1 if upto is None else upto,
            ]
            n = int(
                conn.execute(f"SELECT count(*) FROM item_search {between}", bounds).fetchone()[0]
            )
        found = conn.execute(
            f"SELECT search_key FROM item_search {between} ORDER BY search_key LIMIT 1 OFFSET ?",
            (*bounds, n // 2),
        ).fetchone()
        return None if found is None else int(found[0])

    return _kept(conn, f"middle {after} {upto}", read)


def few_marked(conn: sqlite3.Connection, mark: str) -> int | None:
    """How many items carry `mark` when so few do that a search among them had better start
    from them (`search_filters.filter_conditions`); None when more do."""
    return _few(conn, _count(conn, mark))


# A value's items, each from its own index (item_tag_tag, item_source_published,
# item_author_published).
_HOLDING = {
    "tag": "SELECT 1 FROM item_tag WHERE tag = ?",
    "source": "SELECT 1 FROM item WHERE source_name = ?",
    "source like": f"SELECT 1 FROM item WHERE source_name IN ({names_like('source_name', '?')})",
    "author like": f"SELECT 1 FROM item WHERE author IN ({names_like('author', '?')})",
    **{
        f"{column} unlike": f"SELECT 1 FROM item WHERE {name} IN "
        f"({names_like(name, '?', negated=True)})"
        for column, name in (("source", "source_name"), ("author", "author"))
    },
}


def few_holding(conn: sqlite3.Connection, facet: str, value: str) -> int | None:
    """How many items have `value` as their `facet` when they are few, as `few_marked`:
    "tag" (folded as stored), "source", or "source like" and "author like" (a `source:` or
    `author:` filter's LIKE pattern; "… unlike" for `-source:`, `-author:`); never counted
    past the bound (one step of the value's index per item)."""
    sql = f"SELECT count(*) FROM ({_HOLDING[facet]} LIMIT ?)"
    n = _kept(
        conn,
        f"{facet} {value}",
        lambda: int(conn.execute(sql, (value, FEW_MARKED + 1)).fetchone()[0]),
    )
    return _few(conn, n or 0)


def _few(conn: sqlite3.Connection, n: int) -> int | None:
    return n if n <= FEW_MARKED and n <= FEW_MARKED_SHARE * item_count(conn) else None


def item_id_bound(conn: sqlite3.Connection) -> int:
    """One more than the largest item id (ids start at 1 and only grow)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM item").fetchone()[0]) + 1


# Each reads one index: item_kind_published, item_source_published (schema 11), item_tag_tag.
_GROUPS = {
    "kind": "SELECT kind, group_concat(id) FROM item GROUP BY kind",
    "source": "SELECT source_name, group_concat(id) FROM item GROUP BY source_name",
    "tag": "SELECT tag, group_concat(item_id) FROM item_tag GROUP BY tag",
}


def read_groups(conn: sqlite3.Connection, facet: str) -> Iterator[tuple[str, str]]:
    """Each value of `facet` ("kind", "source" or "tag") with its items' ids, one value at a
    time: a million ids are 7 MB of text, which the caller turns into an array before it
    takes the next."""
    for value, joined in conn.execute(_GROUPS[facet]):
        yield str(value), joined or ""


def countable(req: Any, query: Query) -> frozenset[str]:
    """The facets ("kind", "tag", "source") whose counts are those of the list itself: the
    ones with no choice of their own (a typed `tag:x` stays in the list and in its counts)."""
    return frozenset(
        name
        for name, chosen in (
            ("kind", query.kind or req.kind),
            ("tag", req.tags),
            ("source", req.source is not None),
        )
        if not chosen
    )
