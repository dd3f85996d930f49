"""A whole list of ids as text, a part at a time, for a caller that parses numbers faster
than the sqlite3 module hands rows over.

Handing a million ids to Python one row at a time costs about 0.7 µs a row in the sqlite3
module (a tuple, an int, the loop): most of a broad search's whole list at 1,000,000 items
(0.96 s for `in`, of which the index's own work is about 0.3 s). Here SQLite joins the ids
into one string per part (`group_concat`), and the window's search thread parses them with
numpy (`ui/archive/id_lists.py`; numpy stays above storage): 0.4 s.

- For words, one part: the ids of every match in the order of the index's keys (the list's
  own order: `search_filters.ID_OF_KEY`), or, for a caller that wants the items' times too (the
  timeline of a narrowed list), the keys themselves, which the reader sorts. Ids are 7
  digits or so where keys are 20: 8 MB of text at a million matches against 21 MB, written
  and parsed in about 100 ms less. Parts of 200,000 matches (a subquery with LIMIT each)
  cost more than the one statement: `in` at a million items 363 against 285 ms, `"power
  lines" -kherson` 237 against 192 ms, with the same text (docs/BENCHMARKS.md, ninth round).
- For everything, the parts hold ids, a year of `published_at` each (a range of its index,
  which holds each entry's id: no page of `item` is read), in the order of the subquery
  that feeds the string. SQLite keeps a FROM subquery's ORDER BY where the outer query uses
  an aggregate other than count(), min() and max() (its `select.c`, "omit ORDER BY",
  condition 4): what `group_concat` over an ordered subquery relies on, here and for
  words. The tests compare the lists with the statement read row by row on generated
  archives.
"""

from __future__ import annotations

import calendar
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

ID_MASK = (1 << 30) - 1  # the low 30 bits of a negated search key are the item's id
_ID = f"((-rowid) & {ID_MASK})"  # the item's id of a row of the search index


@dataclass(frozen=True)
class ListText:
    """A whole list, as comma-separated parts: ids in its order, or (`keys`) search keys,
    each part to be sorted ascending and each key turned into an id (`(-key) & ID_MASK`);
    the list is the parts in turn, reversed unless `descending`."""

    keys: bool
    descending: bool
    parts: Iterator[str]


# Bounds on the search key, from dates: keys above the first and up to the second (None:
# no bound). `search_filters.dates_on_key` gives them.
Bounds = tuple[int | None, int | None]
NO_BOUNDS: Bounds = (None, None)


def matching_parts(
    conn: sqlite3.Connection, match: str, *, keys: bool = False, bounds: Bounds = NO_BOUNDS
) -> Iterator[str]:
    """The ids of the items whose text matches `match` (an FTS5 expression), newest first,
    or (`keys`) their search keys, of the keys within `bounds`: one part, none when nothing
    matches."""
    return _joined(conn, "rowid" if keys else _ID, match, "rowid", bounds)


def ranked_parts(
    conn: sqlite3.Connection, match: str, score: str, *, bounds: Bounds = NO_BOUNDS
) -> Iterator[str]:
    """The ids of the items whose text matches `match`, best first by `score` (an FTS5
    ranking of the row, smaller first), ties by the search key: one part, for SQLite ranks
    every match before the first is known (8 MB of text at a million matches)."""
    return _joined(conn, _ID, match, f"{score}, rowid", bounds)


def _joined(
    conn: sqlite3.Connection, value: str, match: str, order: str, bounds: Bounds
) -> Iterator[str]:
    """`value` of every match of `match` within `bounds` in `order`, joined by SQLite in
    that order."""
    pairs = zip(("rowid > ?", "rowid <= ?"), bounds, strict=True)
    on_key = [(c, v) for c, v in pairs if v is not None]  # (0: 1970-01-01T00:00:00Z)
    where = " AND ".join(["item_fts MATCH ?", *(c for c, _v in on_key)])
    text = conn.execute(
        f"SELECT group_concat(v) FROM (SELECT {value} AS v FROM item_fts "
        f"WHERE {where} ORDER BY {order})",
        (match, *(v for _c, v in on_key)),
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


def all_parts(conn: sqlite3.Connection, excluded: str | None = None) -> Iterator[str]:
    """The ids of every item, newest first and ties by the higher id first, a year a part
    (the newest year's part also holds anything later, the oldest's anything earlier);
    `excluded`: but those that match it (an FTS5 expression), the year's matches read from
    the stretch of the index that year's keys span (`-drones` at 1,000,000 items: 0.5 s
    where the statement read row by row took 2.1 s)."""
    years = _years(conn)
    starts: list[str | None] = [*years[:-1], None] if years else [None]
    end: str | None = None
    for start in starts:  # [start, end)
        bounds = [(c, v) for c, v in (("published_at >= ?", start), ("published_at < ?", end))]
        conditions = [c for c, v in bounds if v is not None]
        args: list[object] = [v for _c, v in bounds if v is not None]
        if excluded is not None:
            # Keys of the year: -(seconds * 2**30 + id), from its first second's down.
            on_key = [("item_fts.rowid <= ?", start), ("item_fts.rowid > ?", end)]
            among = [c for c, year in on_key if year is not None]
            conditions.append(
                f"id NOT IN (SELECT {_ID} FROM item_fts WHERE "
                + " AND ".join(["item_fts MATCH ?", *among])
                + ")"
            )
            args += [excluded, *(_year_key(y) for _c, y in on_key if y is not None)]
        where = " AND ".join(conditions)
        text = conn.execute(
            "SELECT group_concat(id) FROM (SELECT id FROM item"
            + (f" WHERE {where}" if where else "")
            + " ORDER BY published_at DESC, id DESC)",
            args,
        ).fetchone()[0]
        if text:
            yield text
        end = start


def _year_key(year: str) -> int:
    """The search key bound at the start of `year` (UTC, as the stored times are)."""
    return -(calendar.timegm((int(year), 1, 1, 0, 0, 0)) << 30)


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


def count_among(
    conn: sqlite3.Connection, match: str, where: list[str], params: list[object], *, excluded: bool
) -> int:
    """How many of the items the filters keep (`where`, on `item`; their ids from the
    filters' indexes) are among the matches of `match` (their ids from the search index
    alone), or, `excluded`, are not. The ids stay decimal text (one spelling per id): a set
    of the shorter list's, and C's loop over the other's."""
    words = conn.execute(
        f"SELECT group_concat({_ID}) FROM item_fts WHERE item_fts MATCH ?", (match,)
    ).fetchone()[0]
    joined = conn.execute(
        f"SELECT group_concat(item.id) FROM item WHERE {' AND '.join(where)}", params
    ).fetchone()[0]
    kept = joined.split(",") if joined else []
    if not words or not kept:
        return len(kept) if excluded else 0
    shorter, longer = sorted((words.split(","), kept), key=len)
    among = len(set(shorter).intersection(longer))
    return len(kept) - among if excluded else among
