"""The search conditions beside the words, written once for SQLite and PostgreSQL.

Kind, tags, author and source, dates and marks mean the same on both backends; only the
parameter mark (`?` or `%s`) and the case-insensitive match (`LIKE`, which in SQLite ignores
the case of ASCII letters, or PostgreSQL's `ILIKE`, which finds the same Latin names and
Cyrillic ones too) differ.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any, NamedTuple

from desktop_app.core.search_query import Expansions, Query, TextFilter


def key_of(table: str) -> str:
    """An item's search key (schema 6, `db.migrations`): -(publication time * 2**30 + id),
    of the rows of `table` (a name or an alias; "" for the bare columns)."""
    at = f"{table}." if table else ""
    return f"-(CAST(strftime('%s', {at}published_at) AS INTEGER) * 1073741824 + {at}id)"


ITEM_KEY = key_of("")  # the expression the index `item_search_key` is on
# And back, from the search index's rowid, which is that key: ascending rowids are newest
# first, ties by the higher id first, so a newest-first search reads the index in its own
# order and stops after the page it needs. The low 30 bits of the negated key are the
# item's id (also for times before 1970: two's complement). Never ask FTS5 for descending
# rowids: SQLite 3.40 left out some matches of multi-word queries that way on a
# 1,000,000-item archive.
ID_OF_KEY = "((-item_fts.rowid) & 1073741823)"
# Few items (`facet_index.FEW_MARKED`) up to this many are looked up in the search index one
# by one: each lookup starts the text query again, 50–200 µs at a million items. More are a
# set that the index's matches are checked against as they are read (12–120 ms for a word in
# every item; 3,000 starred items looked up one by one took 155–592 ms).
LOOKED_UP = 500
# Bounds that every stored time sorts between: times are stored as zero-padded UTC text.
_EARLIEST, _LATEST = "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"


def local_bound(day: dt.date, *, end: bool) -> str:
    """A local calendar day's start (or the next day's start) as stored UTC text.

    Never raises: a day so near year 1 or 9999 that the local zone's offset would leave the
    calendar becomes the earliest or latest possible stored time (the query parser already
    ignores such filters; the filter panel's dates could still reach here).
    """
    try:
        if end:
            day += dt.timedelta(days=1)
        local = dt.datetime.combine(day, dt.time()).astimezone()
        return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, ValueError, OSError):
        return _EARLIEST if day.year < 5000 else _LATEST


def _seconds(stored: str) -> int | None:
    """A stored UTC time as Unix seconds; None for the bounds no calendar reaches."""
    try:
        return calendar.timegm(time.strptime(stored, "%Y-%m-%dT%H:%M:%SZ"))
    except ValueError:
        return None


def names_like(column: str, mark: str, *, negated: bool = False) -> str:
    """The distinct values of `column` ("source_name" or "author") that are LIKE the
    parameter (NOT LIKE, `negated`): SQLite's loose index scan written out, one step of the
    column's index per name, so that a `source:` or `author:` filter is matched among the
    names rather than in every item (2.8 s at a million items). The columns are never NULL:
    an item's name is NOT LIKE the pattern exactly when it is one of the names that are not."""
    return (
        f"WITH RECURSIVE named(name) AS (SELECT min({column}) FROM item UNION ALL "
        f"SELECT (SELECT min({column}) FROM item WHERE {column} > named.name) "
        "FROM named WHERE named.name IS NOT NULL) "
        f"SELECT name FROM named WHERE {FOLD}(name) {'NOT ' if negated else ''}LIKE {mark} "
        "ESCAPE '\\'"
    )


# SQLite's LIKE ignores the case of ASCII letters only: `source:укрінформ` missed
# "Укрінформ" (PostgreSQL's ILIKE folds every letter). A pattern with other letters is
# matched, lower-cased, against the name lower-cased by this function, which every archive
# connection has (`connection.ArchiveDatabase`); an ASCII one keeps LIKE, and its speed.
FOLD = "fold_case"


def fold_case(value: str | None) -> str | None:
    return None if value is None else value.lower()


def like_pattern(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def name_condition(column: str, value: str, like: str) -> tuple[str, str]:
    """The column (folded where SQLite's LIKE would not fold the value's letters) and the
    LIKE pattern of a `source:` or `author:` filter's value."""
    if like == "LIKE" and not value.isascii():
        return f"{FOLD}({column})", like_pattern(value.lower())
    return column, like_pattern(value)


def fold_tag(tag: str) -> str:
    """A tag as stored (folded by core.item.split_tags): the asked one is folded the same way."""
    return " ".join(tag.split()).lower()


def filter_conditions(
    req: Any,
    query: Query,
    *,
    skip: str = "",
    mark: str = "?",
    like: str = "LIKE",
    keyed: bool = False,
    few_marked: Callable[[str], int | None] | None = None,
    few_holding: Callable[[str, str], int | None] | None = None,
    tag_lists: bool = False,
    whole: bool = False,
) -> tuple[list[str], list[object]]:
    """Conditions and parameters for everything but the words; `skip` leaves out one facet
    (for its own counts); `keyed`: SQLite's search index is in the query, and dates bound
    its key too, as do the starred, unread or read items when `few_marked` says they are
    few, and the items of a tag, of a source, or of the names a `source:` or `author:` filter
    matches when `few_holding` does. Without words (`keyed` false), a tag or those names of
    few items are read from their own index, from which the statement starts.
    `tag_lists`: a tag as the list of its items (`item.id IN …`, read from the tag's index
    once) rather than a lookup for each item (`EXISTS`); the same items, for a statement
    that reads every item the filters keep. `whole`: the statement reads every item kept
    (no first page), so without words a `source:` or `author:` filter is read from the
    names' index whatever its share (all 1,000,000 items of `author:writer`: 1.4 s, where
    reading each item's author by date took 3.3–16 s)."""
    where: list[str] = []
    params: list[object] = []
    ranked = req.order == "relevance"
    # Without words, the items of a few-holding filter (below) are where the statement
    # starts; the kind's and the panel source's indexes are then kept out of SQLite's
    # choice (`+`), which, without statistics, took them and checked each of their items
    # (1,000,000 items, a first page of the read briefs with none read: 1.5 s, now 0.3 ms).
    few_first = False
    kind = query.kind or req.kind
    if kind and skip != "kind":
        where.append(f"item.kind = {mark}")
        params.append(kind)
    tags = [f for f in query.filters if f.field == "tag"]
    if skip != "tag":
        tags += [TextFilter("tag", t) for t in req.tags]
    for f in tags:
        negated, tag = "NOT " if f.negated else "", fold_tag(f.value)
        tagged = f"SELECT item_id FROM item_tag WHERE tag = {mark}"
        few = None if f.negated or tag_lists or few_holding is None else few_holding("tag", tag)
        if tag_lists or (few is not None and not keyed):
            # item_tag.item_id is never NULL: NOT IN is NOT EXISTS here.
            where.append(f"item.id {negated}IN ({tagged})")
            few_first = few_first or few is not None
        else:
            where.append(
                f"{negated}EXISTS (SELECT 1 FROM item_tag"
                f" WHERE item_tag.item_id = item.id AND item_tag.tag = {mark})"
            )
            if keyed and few is not None:
                where.append(
                    _among_keys(few, f"SELECT {ITEM_KEY} FROM item WHERE id IN ({tagged})", ranked)
                )
                params.append(tag)
        params.append(tag)
    for f in query.filters:
        if f.field in ("author", "source"):
            column = "item.author" if f.field == "author" else "item.source_name"
            matched, pattern = name_condition(column, f.value, like)
            where.append(f"{matched} {'NOT ' if f.negated else ''}{like} {mark} ESCAPE '\\'")
            params.append(pattern)
            if few_holding is None:
                continue
            # `-source:x` of few items (those of the other names) too: 1.3–5.6 s at a
            # million items for the 30 not from the benchmark's source, each item's checked.
            few = few_holding(f"{f.field} {'unlike' if f.negated else 'like'}", pattern)
            if few is not None or (whole and not keyed and not f.negated):  # names' index
                names = names_like(column.removeprefix("item."), mark, negated=f.negated)
                if keyed and few is not None:
                    keys = f"SELECT {ITEM_KEY} FROM item WHERE {column} IN ({names})"
                    where.append(_among_keys(few, keys, ranked))
                else:
                    where.append(f"{column} IN ({names})")
                    few_first = few_first or few is not None
                params.append(pattern)
    if req.source is not None and skip != "source":
        where.append(f"item.source_name = {mark}")
        params.append(req.source)
        few = None if few_holding is None or not keyed else few_holding("source", req.source)
        if few is not None:
            # Without words the source's own index already gives its items newest first.
            key = f"SELECT {ITEM_KEY} FROM item WHERE source_name = {mark}"
            where.append(_among_keys(few, key, ranked))
            params.append(req.source)
    for bound, end in _bounds(req, query):
        where.append(f"item.published_at {'<' if end else '>='} {mark}")
        params.append(bound)
        if keyed and (on_key := _key_bound(bound, end, mark)) is not None:
            where.append(on_key[0])
            params.append(on_key[1])
    many_marks: list[int] = []  # the places in `where` of marks that many items have
    for flag, asked, condition, alone in (
        ("starred", req.starred_only or "starred" in query.flags, "item.starred", "starred"),
        ("unread", req.unread_only or "unread" in query.flags, "NOT item.is_read", "NOT is_read"),
        ("read", "read" in query.flags, "item.is_read", "is_read"),
    ):
        if not asked:
            continue
        where.append(condition)
        if few_marked is not None and (few := few_marked(flag)) is not None:
            if keyed:
                keys = f"SELECT {ITEM_KEY} FROM item WHERE {alone}"
                where.append(_among_keys(few, keys, ranked))
            few_first = True  # the marked items' own index (schema 11 and 12)
        else:
            many_marks.append(len(where) - 1)
    if few_first and not keyed:
        for plain in ("item.kind = ?", "item.source_name = ?"):
            where = [f"+{plain}" if w == plain else w for w in where]
        # So is a mark many items have (its partial index is only taken for the column
        # itself): the starred (none) and the unread (all) of 1,000,000 items, 2.5 s.
        for at in many_marks:
            where[at] = where[at].replace("item.", "+item.")
    return where, params


def _bounds(req: Any, query: Query) -> list[tuple[str, bool]]:
    """The dates asked for, as stored times: (start, False) and (the day after the end, True)."""
    days = ((query.date_from or req.date_from, False), (query.date_to or req.date_to, True))
    return [(local_bound(day, end=end), end) for day, end in days if day]


def _key_bound(bound: str, end: bool, mark: str) -> tuple[str, int] | None:
    """A date bound on the search index's key as well, -(time * 2**30 + id): FTS5 then reads
    only that stretch of its lists (the bound on the item stays, and agrees)."""
    seconds = _seconds(bound)
    if seconds is None:
        return None
    return f"item_fts.rowid {'>' if end else '<='} {mark}", -(seconds << 30)


def key_bounds(req: Any, query: Query) -> tuple[int | None, int | None]:
    """The dates' bounds on the search key: keys above the first (before the end) and up to
    the second (from the start); None where there is no such bound."""
    on_key: dict[bool, int | None] = {}
    for bound, end in _bounds(req, query):
        found = _key_bound(bound, end, "?")
        on_key[end] = None if found is None else int(found[1])
    return on_key.get(True), on_key.get(False)


def dates_on_key(req: Any, query: Query) -> tuple[int | None, int | None] | None:
    """When dates are the search's only filters, their bounds on the search key, which keep
    exactly the items the dates keep (`key_bounds`); None otherwise, or when a bound is
    not a time the key can hold."""
    dates = _bounds(req, query)
    undated = replace(req, date_from=None, date_to=None)
    if not dates or filter_conditions(undated, replace(query, date_from=None, date_to=None))[0]:
        return None
    if any(_key_bound(bound, end, "?") is None for bound, end in dates):
        return None
    return key_bounds(req, query)


class KeyFilter(NamedTuple):
    """Conditions on the search index's key alone (`filtered_keys`)."""

    where: list[str]
    params: list[object]
    # The keys of the items kept are read into a set first (filters other than dates): a
    # cost each statement pays again, 0.4–0.5 s for 600,000 briefs at a million items.
    reads_set: bool
    # The dates' bounds on the key: above `after` (before the end), up to `upto` (from the
    # start); None where there is no such bound.
    after: int | None = None
    upto: int | None = None


def filtered_keys(req: Any, query: Query) -> KeyFilter | None:
    """The filters as conditions on the search index's key alone, for matches ranked by
    relevance: the dates' bounds on the key, and the keys of the items the other filters
    keep, read once from the filters' own indexes (a tag as its list of items) as a set the
    matches are checked against. bm25 scores every match anyway; reading each match's item
    to check it cost more (1.7 s for `kupiansk` among the briefs at a million items, 0.74 s
    with the set). None without filters, or with `author:` or `source:`, which no index
    serves (each match's item is then read). SQLite."""
    if any(f.field in ("author", "source") for f in query.filters):
        return None
    where: list[str] = []
    params: list[object] = []
    on_key: dict[bool, int] = {}
    bounds = [(end, _key_bound(bound, end, "?")) for bound, end in _bounds(req, query)]
    if all(bound for _end, bound in bounds):  # exactly their bounds on the key: not in the set
        for end, bound in bounds:
            assert bound is not None
            where.append(bound[0])
            params.append(on_key.setdefault(end, bound[1]))
        req = replace(req, date_from=None, date_to=None)
        query = replace(query, date_from=None, date_to=None)
    kept, kept_params = filter_conditions(req, query, tag_lists=True)
    if kept:
        where.append(f"+item_fts.rowid IN (SELECT {ITEM_KEY} FROM item WHERE {' AND '.join(kept)})")
    if not where:
        return None
    return KeyFilter(where, params + kept_params, bool(kept), on_key.get(True), on_key.get(False))


def _among_keys(few: int, keys: str, ranked: bool) -> str:
    """The search index's matches among `few` items whose keys `keys` selects (the starred
    ones, a tag's): looked up one by one when very few, else checked against their set as
    the matches are read (`+` keeps FTS5 from being handed the list); either way, not every
    match's item read to check it (`LOOKED_UP`). By relevance (`ranked`) always as a set:
    each lookup starts FTS5's query again, and bm25 then counts each word over the whole
    index again (30 keys of `in` at a million items: 23 s)."""
    one_by_one = few <= LOOKED_UP and not ranked
    return f"{'' if one_by_one else '+'}{KEYS_LOOKED_UP}{keys})"


# The condition of items looked up in the search index one by one, by key (`_among_keys`).
KEYS_LOOKED_UP = "item_fts.rowid IN ("


def excluded_apart(
    query: Query, expanded: Expansions | None, conditions: list[str], params: list[object]
) -> str | None:
    """Where the search's items are looked up by key: the words' MATCH text without the
    excluded words, which become a lookup of their own (added to `conditions` and `params`);
    None otherwise (the MATCH text as it is). FTS5 answers `a NOT b` at a key by reading
    a's matches on until one is not b's: every one of them when b is in every item
    (`drones -in` beside a tag of 30 items, at a million items: 2.8 s; apart, 4.9 ms)."""
    if not query.excluded or query.finds_nothing():
        return None
    if not any(c.startswith(KEYS_LOOKED_UP) for c in conditions):
        return None
    conditions.append(
        "NOT EXISTS (SELECT 1 FROM item_fts AS left_out WHERE left_out.item_fts MATCH ? "
        "AND left_out.rowid = item_fts.rowid)"
    )
    params.append(query.fts_excluded(expanded))
    return replace(query, excluded=()).fts_match(expanded)
