"""A whole list of ids as text, a part at a time, for a caller that parses numbers faster
than the sqlite3 module hands rows over.

Handing a million ids to Python one row at a time costs about 0.7 µs a row in the sqlite3
module (a tuple, an int, the loop): most of a broad search's whole list at 1,000,000 items
(0.96 s for `in`, of which the index's own work is about 0.3 s). Here SQLite joins the ids
into one string per part (`group_concat`), and the window's search thread parses them with
numpy (`ui/archive/id_lists.py`; numpy stays above storage): 0.4 s.

- For words, a part is the next `ROWS_PER_PART` matches after the last search key read,
  in the order of the index's keys (the list's own order: `search._ID_OF_KEY`). It holds
  their ids, 7 digits or so each, or, for a caller that wants the items' times too (the
  timeline of a narrowed list), the keys themselves (20 digits). At 1,000,000 matches the
  ids are 8 MB of text against the keys' 21 MB: SQLite writes them and numpy parses them
  in about 100 ms less (`in`: 300-416 ms against 427-467 ms, then 21-37 ms against 53 ms
  to parse), and nothing is sorted. Keys are sorted by the reader, so they do not rely on
  the order `group_concat` keeps. Parts cut by ranges of keys instead cost a whole pass
  each for a search with few matches (FTS5 looks past a range's end for a next match
  before it stops).
- For everything, the parts hold ids, a year of `published_at` each (a range of its index,
  which holds each entry's id: no page of `item` is read), in the order of the subquery
  that feeds the string. SQLite keeps a FROM subquery's ORDER BY where the outer query uses
  an aggregate other than count(), min() and max() (its `select.c`, "omit ORDER BY",
  condition 4): what `group_concat` over an ordered subquery relies on, here and for the
  ids of words. The tests compare
  the lists with the statement read row by row on generated archives.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

ROWS_PER_PART = 200_000
ID_MASK = (1 << 30) - 1  # the low 30 bits of a negated search key are the item's id
_FIRST = (
    "SELECT group_concat({}), max(k) FROM "
    "(SELECT rowid AS k FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid LIMIT ?)"
)
_NEXT = (
    "SELECT group_concat({}), max(k) FROM (SELECT rowid AS k FROM item_fts "
    "WHERE item_fts MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?)"
)
_ID = f"((-k) & {ID_MASK})"


@dataclass(frozen=True)
class ListText:
    """A whole list, as comma-separated parts: ids newest first, or (`keys`) search keys,
    each part to be sorted ascending and each key turned into an id (`(-key) & ID_MASK`);
    the list is the parts in turn, reversed unless `descending`."""

    keys: bool
    descending: bool
    parts: Iterator[str]


def matching_parts(conn: sqlite3.Connection, match: str, *, keys: bool = False) -> Iterator[str]:
    """The ids of the items whose text matches `match` (an FTS5 expression), newest first,
    or (`keys`) their search keys, each part's all below the next part's."""
    value = "k" if keys else _ID
    first, following = _FIRST.format(value), _NEXT.format(value)
    last: int | None = None
    while True:
        if last is None:
            text, last = conn.execute(first, (match, ROWS_PER_PART)).fetchone()
        else:
            text, last = conn.execute(following, (match, last, ROWS_PER_PART)).fetchone()
        if not text:
            return
        yield text
        if text.count(",") + 1 < ROWS_PER_PART:
            return


def ranked_parts(conn: sqlite3.Connection, match: str, score: str) -> Iterator[str]:
    """The ids of the items whose text matches `match`, best first by `score` (an FTS5
    ranking of the row, smaller first), ties by the search key: one part, for SQLite ranks
    every match before the first is known (8 MB of text at a million matches)."""
    text = conn.execute(
        f"SELECT group_concat(i) FROM (SELECT ((-rowid) & {ID_MASK}) AS i FROM item_fts "
        f"WHERE item_fts MATCH ? ORDER BY {score}, rowid)",
        (match,),
    ).fetchone()[0]
    if text:
        yield text


def _years(conn: sqlite3.Connection) -> list[str]:
    """The years the archive's items span, newest first, as the texts `published_at` starts
    with ('2026', ..., '2022'); none where those are not four digits."""
    newest, oldest = conn.execute(  # two subqueries: each is one step of the index
        "SELECT (SELECT max(published_at) FROM item), (SELECT min(published_at) FROM item)"
    ).fetchone()
    if not newest or not oldest or not (newest[:4] + oldest[:4]).isdigit():
        return []
    return [f"{year:04d}" for year in range(int(newest[:4]), int(oldest[:4]) - 1, -1)]


def all_parts(conn: sqlite3.Connection) -> Iterator[str]:
    """The ids of every item, newest first and ties by the higher id first, a year a part
    (the newest year's part also holds anything later, the oldest's anything earlier)."""
    years = _years(conn)
    starts: list[str | None] = [*years[:-1], None] if years else [None]
    end: str | None = None
    for start in starts:  # [start, end)
        bounds = [(c, v) for c, v in (("published_at >= ?", start), ("published_at < ?", end))]
        where = " AND ".join(c for c, v in bounds if v is not None)
        text = conn.execute(
            "SELECT group_concat(id) FROM (SELECT id FROM item"
            + (f" WHERE {where}" if where else "")
            + " ORDER BY published_at DESC, id DESC)",
            [v for _c, v in bounds if v is not None],
        ).fetchone()[0]
        if text:
            yield text
        end = start


def local_dates(conn: sqlite3.Connection, times: str) -> list[tuple[str, int]]:
    """For each time in `times` (a JSON array of Unix seconds), its local calendar date and
    the local clock's offset from UTC in seconds, as SQLite's `date(…, 'localtime')` gives
    them (the timeline's days: the window groups a list's times by these)."""
    sql = (
        "SELECT date(value, 'unixepoch', 'localtime'),"
        " CAST(strftime('%s', value, 'unixepoch', 'localtime') AS INTEGER) - value"
        " FROM json_each(?) ORDER BY key"
    )
    return [(day, offset) for day, offset in conn.execute(sql, (times,))]
