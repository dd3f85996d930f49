"""The list of sources as a person reads it, and as OPML for other readers.

OPML import stores each listed feed as given (no network needed: a list brought from RSS
Guard or QuiteRSS imports offline and fills at the next update); a feed already subscribed,
by address or by name, is left as it is and said so. Export writes every source, with this
program's own settings as attributes other readers ignore.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop_app.core import messages as m
from desktop_app.core.errors import ArchiveError, ImportFormatError
from desktop_app.core.fetch_rules import ago, feed_key
from desktop_app.core.opml import OpmlSource, read_opml, write_opml
from desktop_app.services.subscriptions import (
    Resolved,
    SubscribeError,
    resolve,
    subscribe,
    subscriptions,
)
from desktop_app.services.transfer import refuse_archive_file, write_file_atomically
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.sources import SourceInfo


def _stamp(when: dt.datetime | None) -> str | None:
    return None if when is None else when.strftime("%Y-%m-%dT%H:%M:%SZ")


def describe(info: SourceInfo) -> dict[str, Any]:
    s = info.settings
    out: dict[str, Any] = {
        "name": s.name,
        "url": s.url,
        "kind": s.kind,
        "as": s.as_kind or "auto",
        "full_text": s.full_text,
        "every_minutes": s.every_minutes,
        "tags": list(s.tags),
        "items": info.items,
        "unread": info.unread,
        "checked_at": _stamp(info.checked_at),
        "succeeded_at": _stamp(info.succeeded_at),
        "last_error": info.last_error,
        "failures": info.failures,
        "retry_after": _stamp(info.retry_after),
        "gone": info.gone,
    }
    if info.problem:  # another program's values: named, never shown as a default
        out["problem"] = info.problem
        for name in info.foreign:
            out[_KEYS.get(name, name)] = None
    return out


_KEYS = {"as_kind": "as"}


def source_line(info: SourceInfo, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.UTC)
    s = info.settings
    when = (
        "never updated" if info.succeeded_at is None else f"updated {ago(info.succeeded_at, now)}"
    )
    parts = [s.name, s.url, f"{info.unread} unread of {info.items}", when]
    if info.gone:
        parts.append("gone (410)")
    if info.last_error:
        parts.append(f"last error: {info.last_error}")
    return "\t".join(parts)


def listing(*, as_json: bool = False) -> str:
    sources = subscriptions()
    if as_json:
        return json.dumps([describe(s) for s in sources], ensure_ascii=False, indent=2) + "\n"
    if not sources:
        return "no sources; add one with: subscribe URL\n"
    return "".join(source_line(s) + "\n" for s in sources)


def import_opml(path: Path) -> list[str]:
    """Subscribe to every feed an OPML file lists, in one transaction; lines to show."""
    refuse_archive_file(path, m.IMPORTED_AS_SOURCES)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(exc.strerror or "cannot read", file=str(path)) from None
    listed = read_opml(data, source=str(path))
    added, kept, renamed, refused = [], [], [], []
    with database_proxy.atomic():
        known = subscriptions()
        names, urls = {s.name.lower() for s in known}, {feed_key(s.url) for s in known}
        for entry in listed:
            # As given, offline; with the site's address the list names (`htmlUrl`).
            try:
                found = resolve(entry.url, check=False)
            except SubscribeError as exc:  # an ftp:// address: that entry, not the list
                refused.append(f"{entry.title}: {exc}")
                continue
            if entry.site_url:
                found = dataclasses.replace(found, site_url=entry.site_url)
            known_feed = feed_key(found.url) in urls
            name = entry.title if known_feed else _free_name(entry.title, found, names)
            try:
                subscribe(
                    entry.url,
                    name=name,
                    as_kind=entry.as_kind,
                    full_text=entry.full_text,
                    every=entry.every_minutes,
                    tags=entry.tags,
                    resolved=found,
                )
                added.append(name)
                names.add(name.lower())
                urls.add(feed_key(found.url))
                if name != entry.title:
                    renamed.append(f"{entry.title} ({found.url}) as {name}: the name is taken")
            except SubscribeError as exc:
                kept.append(f"{entry.title}: {exc}")
    lines = [f"{path}: {len(added)} sources added, {len(kept)} already there"]
    if refused:
        lines[0] += f", {len(refused)} refused"
    lines += [f"  named {r}" for r in renamed[:20]]
    lines += [f"  kept: {k}" for k in kept[:20]]
    lines += [f"  refused: {r}" for r in refused[:20]]
    if added:
        lines.append("run `update` to fetch them")
    return lines


def _free_name(title: str, found: Resolved, taken: set[str]) -> str:
    """The list's title for a new feed, or, when another source has it (two sites' "News"),
    the title with the feed's host."""
    if title.lower() not in taken:
        return title
    host = (urlsplit(found.url).hostname or "").removeprefix("www.")
    for n in range(1, 100):
        name = f"{title} ({host})" if n == 1 else f"{title} ({host}, {n})"
        if name.lower() not in taken:
            return name
    return title


def export_opml(path: Path) -> tuple[int, list[str]]:
    """Write every source to `path` as OPML; how many, and a line for each source left out
    because another program wrote a value into its row (none is written as a guess)."""
    refuse_archive_file(path, m.OVERWRITTEN_BY_EXPORT)
    if path.is_dir():
        raise ArchiveError(f"{path}: {m.IS_A_FOLDER}")
    every = subscriptions()
    left_out = [f"left out {s.name}: {s.problem}" for s in every if s.problem]
    sources = [
        OpmlSource(
            title=s.name,
            url=s.url,
            site_url=s.settings.site_url,
            tags=s.settings.tags,
            as_kind=s.settings.as_kind,
            full_text=s.settings.full_text,
            every_minutes=s.settings.every_minutes,
        )
        for s in every
        if not s.problem
    ]
    write_file_atomically(path, write_opml(sources), before_rename=lambda: None)
    return len(sources), left_out
