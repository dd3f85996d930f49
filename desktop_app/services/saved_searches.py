"""Saved searches and the search field's recent history: what they hold, how they are written
down, and how many items each saved search finds now.

They are kept in the window's settings file (beside the layout and the theme), not in the
archive: they are the reader's own way into the archive, like the column widths, and keeping
them out of the archive needs no schema change, survives restoring an older backup, and
leaves archives shared between people free of one person's searches. The settings file
stores them as one JSON text, written and read here; a damaged or hand-edited entry is
skipped, never fatal.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Imported where used: the window's archive feature loads this module at start-up, and
    # the storage modules behind `queries` are loaded on the search thread, not there.
    from desktop_app.services.changes import Changes
    from desktop_app.services.queries import SearchRequest

HISTORY_LIMIT = 10
NAME_LIMIT = 80


@dataclass(frozen=True)
class SavedSearch:
    """A search kept under a name: the field's text and every filter beside the list."""

    name: str
    request: SearchRequest


def _request_to_dict(request: SearchRequest) -> dict[str, Any]:
    data = asdict(request)
    data.pop("limit", None)
    data["tags"] = list(request.tags)
    for key in ("date_from", "date_to"):
        value = data[key]
        data[key] = value.isoformat() if value is not None else None
    return data


def _request_from_dict(data: dict[str, Any]) -> SearchRequest:
    from desktop_app.services.queries import SearchRequest

    def day(value: object) -> dt.date | None:
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else None

    def text(value: object) -> str | None:
        return value if isinstance(value, str) and value else None

    tags = data.get("tags") or []
    return SearchRequest(
        text=str(data.get("text") or ""),
        kind=text(data.get("kind")),
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        source=text(data.get("source")),
        date_from=day(data.get("date_from")),
        date_to=day(data.get("date_to")),
        starred_only=bool(data.get("starred_only")),
        unread_only=bool(data.get("unread_only")),
        order=str(data.get("order") or "date"),
        descending=bool(data.get("descending", True)),
    )


def dumps(searches: Iterable[SavedSearch]) -> str:
    """The saved searches as one JSON text (for the settings file)."""
    return json.dumps(
        [{"name": s.name, "search": _request_to_dict(s.request)} for s in searches],
        ensure_ascii=False,
    )


def loads(text: object) -> list[SavedSearch]:
    """The saved searches a JSON text holds; entries that cannot be read are left out."""
    if not isinstance(text, str) or not text:
        return []
    try:
        entries = json.loads(text)
    except ValueError:
        return []
    out: list[SavedSearch] = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            name = clean_name(str(entry["name"]))
            if name:
                out.append(SavedSearch(name, _request_from_dict(dict(entry["search"]))))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def clean_name(name: str) -> str:
    """A name as kept: one line, no surrounding spaces, at most NAME_LIMIT characters."""
    return " ".join(name.split())[:NAME_LIMIT]


def save(searches: Sequence[SavedSearch], name: str, request: SearchRequest) -> list[SavedSearch]:
    """The list with `request` kept under `name` (replacing a search of the same name, in its
    place; else added at the end). The paging limit is not part of a search."""
    name = clean_name(name)
    if not name:
        raise ValueError("a saved search needs a name")
    entry = SavedSearch(name, replace(request, limit=None))
    out = list(searches)
    for i, old in enumerate(out):
        if old.name.casefold() == name.casefold():
            out[i] = entry
            return out
    return [*out, entry]


def remove(searches: Sequence[SavedSearch], name: str) -> list[SavedSearch]:
    return [s for s in searches if s.name != name]


def remember(history: Sequence[str], text: str, limit: int = HISTORY_LIMIT) -> list[str]:
    """The recent searches with `text` first (once), at most `limit` of them."""
    text = " ".join(text.split())
    if not text:
        return list(history)[:limit]
    return [text, *(h for h in history if h != text)][:limit]


def affected_by(requests: Sequence[SearchRequest], changes: Changes) -> bool:
    """Whether `changes` can change how many items one of `requests` finds: any change to
    the items (or another program's write) can; marking items read or starred only a search
    by flag; a change of tags only a search by tag. At a million items a count can take
    seconds, and marking items read is the most frequent write there is."""
    from desktop_app.core.search_query import parse_query

    if changes.items or changes.external:
        return True
    for request in requests:
        query = parse_query(request.text)
        if changes.flags and (request.starred_only or request.unread_only or query.flags):
            return True
        if changes.tags and (request.tags or any(f.field == "tag" for f in query.filters)):
            return True
    return False


def count_matches(requests: Sequence[SearchRequest]) -> list[int]:
    """How many items each search finds in the archive now (run on the background lane)."""
    from desktop_app.services.queries import search_count

    return [search_count(replace(r, limit=None)) for r in requests]
