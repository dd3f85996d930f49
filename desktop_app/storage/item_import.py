"""Importing articles and briefs: add what is new, recognise what is already there.

Items go in chunks: one query per chunk finds which are already stored, one multi-row INSERT
adds the rest and one adds their tags, so a 100,000-entry feed costs a few hundred statements
rather than a few hundred thousand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from peewee import chunked

from desktop_app.core.item import ItemData
from desktop_app.storage.items import item_fields
from desktop_app.storage.models import Item, ItemTag, database_proxy, utc_now

# 11 columns × 500 rows stays far below SQLite's limit of 32,766 parameters per statement.
CHUNK = 500

Progress = Callable[[int, int], None]
# What identifies an item without a link: the same kind, title and time.
_Key = tuple[str, str, str]


@dataclass
class ItemImportSummary:
    added: int = 0
    unchanged: int = 0

    def merge(self, other: ItemImportSummary) -> None:
        self.added += other.added
        self.unchanged += other.unchanged

    def line(self) -> str:
        return f"{self.added} added, {self.unchanged} unchanged"


def _stamp(when: dt.datetime) -> str:
    # The form UtcDateTimeField stores, so keys compare equal to what a query returns.
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _key(row: dict[str, object]) -> _Key:
    when = row["published_at"]
    assert isinstance(when, dt.datetime)
    return (str(row["kind"]), str(row["title"]), _stamp(when))


def _stored(rows: list[dict[str, object]]) -> tuple[set[str], set[_Key]]:
    """The links and (kind, title, time) keys among `rows` that the archive already holds."""
    urls = [str(r["source_url"]) for r in rows if r["source_url"]]
    titles = list({str(r["title"]) for r in rows if not r["source_url"]})
    found_urls: set[str] = set()
    if urls:
        query = Item.select(Item.source_url).where(Item.source_url.in_(urls))
        found_urls = {url for (url,) in query.tuples()}
    found_keys: set[_Key] = set()
    if titles:
        cursor = database_proxy.execute_sql(
            f"SELECT kind, title, published_at FROM item WHERE title IN "
            f"({', '.join('?' * len(titles))})",
            titles,
        )
        found_keys = {(k, t, p) for k, t, p in cursor}
    return found_urls, found_keys


def _insert(rows: list[dict[str, object]], tags: list[tuple[str, ...]]) -> None:
    ids = [r[0] for r in Item.insert_many(rows).returning(Item.id).tuples().execute()]
    tag_rows = [{"item": i, "tag": t} for i, ts in zip(ids, tags, strict=True) for t in ts]
    for batch in chunked(tag_rows, CHUNK):
        ItemTag.insert_many(batch).execute()


def import_items(
    items: Sequence[ItemData], *, progress: Progress | None = None
) -> ItemImportSummary:
    """Add items not yet in the archive, in one transaction.

    An item is already there when its link is, or, without a link, when an item of the same
    kind, title and time is: importing a file twice adds nothing. `progress(done, total)` is
    called after each chunk; raising there (a cancel) rolls the whole import back.
    """
    summary = ItemImportSummary()
    seen_urls: set[str] = set()
    seen_keys: set[_Key] = set()
    now = utc_now()
    with database_proxy.atomic():
        for start in range(0, len(items), CHUNK):
            chunk = items[start:start + CHUNK]
            rows = []
            for data in chunk:
                data.validate()
                row = item_fields(data)
                row["created_at"] = row["updated_at"] = now
                rows.append(row)
            found_urls, found_keys = _stored(rows)
            new_rows, new_tags = [], []
            for row, data in zip(rows, chunk, strict=True):
                url = row["source_url"]
                if url:
                    duplicate = url in found_urls or url in seen_urls
                    seen_urls.add(str(url))
                else:
                    key = _key(row)
                    duplicate = key in found_keys or key in seen_keys
                    seen_keys.add(key)
                if duplicate:
                    summary.unchanged += 1
                else:
                    new_rows.append(row)
                    new_tags.append(data.tags)
            if new_rows:
                _insert(new_rows, new_tags)
            summary.added += len(new_rows)
            if progress is not None:
                progress(start + len(chunk), len(items))
    return summary
