"""The search conditions beside the words, written once for SQLite and PostgreSQL.

Kind, tags, author and source, dates and marks mean the same on both backends; only the
parameter mark (`?` or `%s`) and the case-insensitive match (`LIKE`, which in SQLite ignores
the case of ASCII letters, or PostgreSQL's `ILIKE`, which finds the same Latin names and
Cyrillic ones too) differ.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.core.search_query import Query, TextFilter

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


def like_pattern(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def filter_conditions(
    req: Any, query: Query, *, skip: str = "", mark: str = "?", like: str = "LIKE"
) -> tuple[list[str], list[object]]:
    """Conditions and parameters for everything but the words; `skip` leaves out one facet
    (for its own counts)."""
    where: list[str] = []
    params: list[object] = []
    kind = query.kind or req.kind
    if kind and skip != "kind":
        where.append(f"item.kind = {mark}")
        params.append(kind)
    tags = [f for f in query.filters if f.field == "tag"]
    if skip != "tag":
        tags += [TextFilter("tag", t) for t in req.tags]
    for f in tags:
        where.append(
            f"{'NOT ' if f.negated else ''}EXISTS (SELECT 1 FROM item_tag"
            f" WHERE item_tag.item_id = item.id AND item_tag.tag = {mark})"
        )
        # Tags are stored folded (core.item.split_tags), so fold the asked one the same way.
        params.append(" ".join(f.value.split()).lower())
    for f in query.filters:
        if f.field in ("author", "source"):
            column = "item.author" if f.field == "author" else "item.source_name"
            where.append(f"{column} {'NOT ' if f.negated else ''}{like} {mark} ESCAPE '\\'")
            params.append(like_pattern(f.value))
    if req.source is not None and skip != "source":
        where.append(f"item.source_name = {mark}")
        params.append(req.source)
    date_from = query.date_from or req.date_from
    date_to = query.date_to or req.date_to
    if date_from:
        where.append(f"item.published_at >= {mark}")
        params.append(local_bound(date_from, end=False))
    if date_to:
        where.append(f"item.published_at < {mark}")
        params.append(local_bound(date_to, end=True))
    if req.starred_only or "starred" in query.flags:
        where.append("item.starred")
    if req.unread_only or "unread" in query.flags:
        where.append("NOT item.is_read")
    if "read" in query.flags:
        where.append("item.is_read")
    return where, params
