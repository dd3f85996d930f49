"""JSON Feed (jsonfeed.org, versions 1 and 1.1) as the entry fields the feed readers use.

Each item becomes a mapping shaped like feedparser's entries (title, summary, content with
its type, link, id, published and its UTC struct_time, author, tags), so feeds.read_feed
treats it exactly as an RSS or Atom entry: same kinds, same sanitising, same checks.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

from desktop_app.core.errors import ImportFormatError

HTML, TEXT = "text/html", "text/plain"


def _when(value: Any) -> tuple[str, time.struct_time | None]:
    raw = str(value or "").strip()
    if not raw:
        return "", None
    try:
        parsed = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return raw, None
    if parsed.tzinfo is None:
        return raw, None
    try:
        return raw, parsed.astimezone(dt.UTC).timetuple()
    except (OverflowError, ValueError):
        return raw, None


def _author(item: dict[str, Any], feed: dict[str, Any]) -> str:
    authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
    authors = authors or feed.get("authors") or []
    names = [str(a.get("name") or "") for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n)


def _entry(item: dict[str, Any], feed: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": str(item.get("id") or ""),
        "title": str(item.get("title") or ""),
        "title_detail": {"type": TEXT},
        "link": str(item.get("url") or item.get("external_url") or ""),
        "author": _author(item, feed),
        "tags": [{"term": str(t)} for t in item.get("tags") or [] if isinstance(t, str)],
    }
    if item.get("summary"):
        entry["summary"] = str(item["summary"])
        entry["summary_detail"] = {"type": TEXT}
    if item.get("content_html"):
        entry["content"] = [{"value": str(item["content_html"]), "type": HTML}]
    elif item.get("content_text"):
        entry["content"] = [{"value": str(item["content_text"]), "type": TEXT}]
    for key, name in (("date_published", "published"), ("date_modified", "updated")):
        raw, parsed = _when(item.get(key))
        if raw:
            entry[name] = raw
            entry[f"{name}_parsed"] = parsed
    if "published" not in entry:
        entry.pop("published_parsed", None)
    return entry


def read_json_feed(data: bytes, *, source: str = "") -> tuple[str, list[dict[str, Any]]]:
    """(the feed's title, its entries); ImportFormatError for a file that is not one."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ImportFormatError(f"not a JSON Feed: {exc}", file=source or None) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("items", []), list):
        raise ImportFormatError("not a JSON Feed (no list of items)", file=source or None)
    items = [i for i in doc.get("items") or [] if isinstance(i, dict)]
    return str(doc.get("title") or ""), [_entry(i, doc) for i in items]
