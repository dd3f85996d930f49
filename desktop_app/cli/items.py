"""The command line's articles and briefs: `search` lists them, `show` prints them whole.

A thin shell over `services.queries`, as `cli` is for the other commands; its modules are
imported inside each command, so a start that runs neither loads nothing of them.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from desktop_app.core.errors import OK, PROBLEMS, ArchiveError
from desktop_app.core.item import KINDS

if TYPE_CHECKING:
    from desktop_app.storage.items import StoredItem

# SQLite's integers stop at 2**63; no archive holds more items than this anyway.
MAX_LIMIT = 1_000_000_000
# The orders a search can be listed in, as the window's order menu names them.
ORDERS = {
    "newest": ("date", True),
    "oldest": ("date", False),
    "relevance": ("relevance", True),
    "title": ("title", False),
}
QUERY_HELP = (
    'words (all of them), "a phrase", prefix*, a OR b, -excluded, kind:brief, tag:T, -tag:T,'
    " source:NAME, author:NAME, from:YYYY-MM-DD, to:YYYY-MM-DD, is:starred, is:unread, is:read"
    " ('' lists everything)"
)


def add_item_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        help="full-text search of articles and briefs, newest first",
        description="List the articles and briefs a search finds, a line each: id, time (UTC),"
        " kind, title. `show ID` prints one whole.",
    )
    p.add_argument("query", help=QUERY_HELP)
    p.add_argument("--kind", choices=KINDS, help="only articles or only briefs")
    p.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    p.add_argument(
        "--order", choices=list(ORDERS), default="newest", help="the list's order (default newest)"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="one JSON object a line: id, kind, published_at, title, source_name, source_url,"
        " tags, starred, read",
    )

    p = sub.add_parser(
        "show",
        help="print articles or briefs whole, by the ids `search` lists",
        description="Print each item: title, time, source, link, tags, lead and text.",
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument(
        "--json",
        action="store_true",
        help="each item as the export writes it (one JSON object a line, with its id)",
    )


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    import sys

    from desktop_app.core.search_query import parse_query
    from desktop_app.services import queries

    if args.limit < 1:
        raise ArchiveError("--limit must be at least 1")
    for ignored in parse_query(args.query).ignored:  # named, as the window names them
        sys.stderr.write(f"frontline-archive search: filter ignored (cannot be read): {ignored}\n")
    order, descending = ORDERS[args.order]
    request = queries.SearchRequest(
        args.query,
        kind=args.kind,
        order=order,
        descending=descending,
        limit=min(args.limit, MAX_LIMIT),
    )
    found = _items(queries.search_ids(request))
    for stored in found:
        out.write(_json_line(stored, whole=False) if args.json else _line(stored))
    return OK if found else PROBLEMS


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    found = _items(args.ids)
    missing = sorted(set(args.ids) - {stored.id for stored in found})
    for n, stored in enumerate(found):
        if args.json:
            out.write(_json_line(stored, whole=True))
        else:
            out.write(("\n" if n else "") + _whole(stored))
    if missing:
        import sys

        names = ", ".join(str(i) for i in missing)
        sys.stderr.write(
            f"frontline-archive show: no article or brief with id {names}"
            " (`search` lists the ids; a deleted one is in the Trash)\n"
        )
        return PROBLEMS
    return OK


def _items(ids: list[int]) -> list[StoredItem]:
    from desktop_app.services import queries

    return [stored for i in ids if (stored := queries.get_item(i)) is not None]


def _when(stored: StoredItem) -> str:
    return stored.data.published_at.strftime("%Y-%m-%d %H:%M") + "Z"


def _line(stored: StoredItem) -> str:
    data = stored.data
    return f"{stored.id:>7}  {_when(stored)}  {data.kind:<7}  {data.title}\n"


def _json_line(stored: StoredItem, *, whole: bool) -> str:
    from desktop_app.core.exports import item_to_json

    data = stored.data
    if whole:
        fields = item_to_json(data)
        fields["starred"], fields["read"] = stored.starred, stored.is_read
    else:
        fields = {
            "kind": data.kind,
            "published_at": data.published_at.isoformat(),
            "title": data.title,
            "source_name": data.source_name,
            "source_url": data.source_url,
            "tags": list(data.tags),
            "starred": stored.starred,
            "read": stored.is_read,
        }
    return json.dumps({"id": stored.id, **fields}, ensure_ascii=False) + "\n"


def _whole(stored: StoredItem) -> str:
    data = stored.data
    marks = [m for m, on in (("starred", stored.starred), ("unread", not stored.is_read)) if on]
    head = [
        f"{data.title}",
        f"{data.kind} {stored.id} · {_when(stored)}"
        + (" (time estimated)" if data.date_estimated else "")
        + (f" · {', '.join(marks)}" if marks else ""),
    ]
    for label, value in (
        ("source", data.source_name),
        ("author", data.author),
        ("link", data.source_url or ""),
        ("tags", ", ".join(data.tags)),
    ):
        if value:
            head.append(f"{label}: {value}")
    parts = ["\n".join(head)]
    parts += [text.strip() for text in (data.lead, data.body) if text.strip()]
    return "\n\n".join(parts) + "\n"
