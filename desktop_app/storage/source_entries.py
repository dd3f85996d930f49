"""Storing what a source gave: one story reached twice is one item.

An incoming entry is matched, in this order, by
1. its guid among the entries this source gave before;
2. its link (without tracking parameters, host case and default port normalised) among
   every source's entries, and the archive's own links;
3. its title (case, punctuation and spacing aside) among items published within a few hours.
A matched entry whose content this source changed since it last gave it (a corrected
headline, an added paragraph) updates the item: its text and time, never its read or starred
marks, and its tags only by adding the source's. An entry whose item the user deleted stays
deleted. Everything else is new and goes through the one importer (storage.importing), so
reports carried in entries get the same checks as any import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from desktop_app.core.fetch_rules import SAME_STORY_WINDOW, canonical_url, title_key
from desktop_app.core.formats.result import ReadResult
from desktop_app.core.item import ItemData, split_tags
from desktop_app.storage.db.models import Item, SourceEntry, database_proxy, utc_now
from desktop_app.storage.importing import FileImportSummary, import_result
from desktop_app.storage.items import write_tags

CHUNK = 400
# The entry's item was deleted by the user: the story is not brought back.
DELETED = -1


@dataclass(frozen=True)
class Entry:
    """A feed entry ready to store: the item, and what identifies it at its source."""

    item: ItemData
    guid: str = ""
    # A digest of the entry as the feed gave it (before any full text was added).
    content_hash: str = ""
    full_text_url: str | None = None
    full_text_at: dt.datetime | None = None


@dataclass
class StoreSummary:
    imported: FileImportSummary
    updated: int = 0
    # Stories another source (or an earlier import) had brought already.
    known: int = 0
    item_ids: set[int] = field(default_factory=set)

    def lines(self) -> list[str]:
        items = self.imported.items
        out = []
        if items.added or items.unchanged or self.updated or self.known:
            out.append(f"{items.added} new ({items.articles} articles, {items.briefs} briefs)")
            if self.updated:
                out.append(f"{self.updated} updated")
            if self.known:
                out.append(f"{self.known} already in the archive")
        rest = [s for s in self.imported.lines() if not s.startswith("articles and briefs")]
        out += [s for s in rest if s != "nothing to import"]
        return out or ["nothing new"]


@dataclass
class _Own:
    row_id: int
    item_id: int | None
    content_hash: str
    full_text_at: dt.datetime | None
    url_key: str | None = None


def _chunks(values: Sequence[str]) -> list[list[str]]:
    unique = list(dict.fromkeys(v for v in values if v))
    return [unique[i : i + CHUNK] for i in range(0, len(unique), CHUNK)]


def _own_entries(source_id: int, guids: Sequence[str]) -> dict[str, _Own]:
    found: dict[str, _Own] = {}
    for part in _chunks(guids):
        query = SourceEntry.select().where(
            (SourceEntry.source == source_id) & SourceEntry.guid.in_(part)
        )
        for row in query:
            found[row.guid] = _Own(
                row.id, row.item_id, row.content_hash, row.full_text_at, row.url_key
            )
    return found


def _by_link(urls: Sequence[str], keys: Sequence[str]) -> dict[str, int]:
    """Link (as given or its key) → item id, from entries and the archive's own links."""
    found: dict[str, int] = {}
    for part in _chunks(keys):
        query = SourceEntry.select(SourceEntry.url_key, SourceEntry.item).where(
            SourceEntry.url_key.in_(part)
        )
        for row in query:
            found.setdefault(row.url_key, DELETED if row.item_id is None else int(row.item_id))
    for part in _chunks([*urls, *keys]):
        for item in Item.select(Item.id, Item.source_url).where(Item.source_url.in_(part)):
            found[item.source_url] = int(item.id)
            found.setdefault(canonical_url(item.source_url), int(item.id))
    return found


def _by_title(items: Sequence[ItemData]) -> dict[str, list[tuple[dt.datetime, int]]]:
    """Title key → (published, item id) of stored items that may be the same story."""
    found: dict[str, list[tuple[dt.datetime, int]]] = {}
    keys = [title_key(i.title) for i in items]
    for part in _chunks(keys):
        query = (
            SourceEntry.select(SourceEntry.title_key, Item.id, Item.published_at)
            .join(Item, on=(SourceEntry.item == Item.id))
            .where(SourceEntry.title_key.in_(part))
            .tuples()
        )
        for key, item_id, published in query:
            found.setdefault(key, []).append((published, int(item_id)))
    for part in _chunks([i.title.strip() for i in items]):
        query = Item.select(Item.id, Item.title, Item.published_at).where(Item.title.in_(part))
        for row in query:
            found.setdefault(title_key(row.title), []).append((row.published_at, int(row.id)))
    return found


def _near(candidates: list[tuple[dt.datetime, int]], when: dt.datetime) -> int | None:
    close = [(abs(p - when), i) for p, i in candidates if abs(p - when) <= SAME_STORY_WINDOW]
    return min(close)[1] if close else None


def _update_item(item_id: int, data: ItemData, *, text_only: bool = False) -> None:
    row = Item.get_or_none(Item.id == item_id)
    if row is None:
        return
    values: dict[object, object] = {
        Item.body: data.body,
        Item.body_html: data.body_html,
        Item.lead: data.lead,
        Item.updated_at: utc_now(),
    }
    if not text_only:
        values.update({Item.title: data.title.strip(), Item.author: data.author.strip()})
        if not data.date_estimated:  # an estimate keeps the time the entry was first read
            values.update({Item.published_at: data.published_at, Item.date_estimated: False})
    tags = split_tags(", ".join([*split_tags(row.tags), *data.tags]))
    if tags != split_tags(row.tags):
        values[Item.tags] = ", ".join(tags)
        write_tags(item_id, tags)
    Item.update(values).where(Item.id == item_id).execute()


def _stored_form(item_id: int) -> ItemData | None:
    row = Item.get_or_none(Item.id == item_id)
    if row is None:
        return None
    return ItemData(
        kind=row.kind,
        title=row.title,
        published_at=row.published_at,
        body=row.body,
        source_url=row.source_url,
    )


def _relink(item_id: int, stored: ItemData, link: str | None) -> ItemData:
    """A known entry whose link the feed changed (a site's new addresses) gives its item the
    new link, unless another item has it."""
    link = (link or "").strip()
    if (
        not link
        or link == stored.source_url
        or Item.select().where(Item.source_url == link).exists()
    ):
        return stored
    Item.update(source_url=link, updated_at=utc_now()).where(Item.id == item_id).execute()
    return replace(stored, source_url=link)


def _new_item_id(data: ItemData) -> int | None:
    if data.source_url:
        row = Item.get_or_none(Item.source_url == data.source_url.strip())
    else:
        row = (
            Item.select(Item.id)
            .where(
                (Item.kind == data.kind)
                & (Item.title == data.title.strip())
                & (Item.published_at == data.published_at)
            )
            .first()
        )
    return None if row is None else int(row.id)


def _match(source_id: int, entries: Sequence[Entry]) -> tuple[list[int | None], dict[str, _Own]]:
    own = _own_entries(source_id, [e.guid for e in entries])
    urls = [e.item.source_url.strip() for e in entries if e.item.source_url]
    links = _by_link(urls, [canonical_url(u) for u in urls])
    titles = _by_title([e.item for e in entries])
    matches: list[int | None] = []
    for e in entries:
        mine = own.get(e.guid) if e.guid else None
        if mine is not None:
            matches.append(DELETED if mine.item_id is None else mine.item_id)
            continue
        url = (e.item.source_url or "").strip()
        hit = links.get(url) or links.get(canonical_url(url)) if url else None
        if hit is None:
            hit = _near(titles.get(title_key(e.item.title), []), e.item.published_at)
        matches.append(hit)
    return matches, own


def store_entries(source_id: int, result: ReadResult, entries: Sequence[Entry]) -> StoreSummary:
    """Write a source's entries (index-aligned with `result.items`) in one transaction."""
    now = utc_now()
    with database_proxy.atomic():
        matches, own = _match(source_id, entries)
        summary = StoreSummary(FileImportSummary())
        keep: list[int] = []  # indices of entries that go to the importer
        items: list[ItemData] = []
        for n, (entry, match) in enumerate(zip(entries, matches, strict=True)):
            if match == DELETED:
                continue
            if match is None:
                keep.append(n)
                items.append(entry.item)
                continue
            mine = own.get(entry.guid) if entry.guid else None
            fuller = entry.full_text_at is not None and (mine is None or mine.full_text_at is None)
            if mine is not None and mine.content_hash != entry.content_hash:
                _update_item(match, entry.item)
                summary.updated += 1
                summary.item_ids.add(match)
            elif fuller and mine is not None:
                _update_item(match, entry.item, text_only=True)
                summary.item_ids.add(match)
            elif mine is None:
                summary.known += 1
            stored = _stored_form(match)
            if stored is None:
                continue
            if mine is not None:
                stored = _relink(match, stored, entry.item.source_url)
            keep.append(n)
            items.append(stored)
        index_of = {old: new for new, old in enumerate(keep)}
        links = [(index_of[i], d) for i, d in result.links if i in index_of]
        summary.imported = import_result(replace(result, items=items, links=links))
        summary.imported.items.unchanged -= summary.known + summary.updated
        _remember(source_id, [entries[n] for n in keep], items, matches, keep, own, now, summary)
    return summary


def _new_item_ids(items: Sequence[ItemData]) -> dict[str, int]:
    """Link → id of the items just imported (one query per chunk of links)."""
    found: dict[str, int] = {}
    for part in _chunks([i.source_url.strip() for i in items if i.source_url]):
        for row in Item.select(Item.id, Item.source_url).where(Item.source_url.in_(part)):
            found[row.source_url] = int(row.id)
    return found


def _remember(
    source_id: int,
    entries: list[Entry],
    items: list[ItemData],
    matches: list[int | None],
    keep: list[int],
    own: dict[str, _Own],
    now: dt.datetime,
    summary: StoreSummary,
) -> None:
    """One source_entry row per entry: new ones inserted (in one statement per chunk), known
    ones brought up to date when the feed changed them or their full text came."""
    by_link = _new_item_ids([d for d, n in zip(items, keep, strict=True) if matches[n] is None])
    rows: list[dict[str, object]] = []
    for entry, data, n in zip(entries, items, keep, strict=True):
        item_id = matches[n]
        if item_id is None:
            link = data.source_url.strip() if data.source_url else None
            item_id = by_link.get(link) if link else _new_item_id(data)
            if item_id is None:
                continue
            summary.item_ids.add(item_id)
        if item_id == DELETED:
            continue
        mine = own.get(entry.guid) if entry.guid else None
        fuller = entry.full_text_at is not None
        url = entry.item.source_url
        url_key = canonical_url(url) if url else None
        same = mine is not None and (mine.content_hash, mine.url_key) == (
            entry.content_hash,
            url_key,
        )
        if same and not fuller:
            continue  # as it was: nothing to write
        values: dict[str, object] = {
            "item": item_id,
            "guid": entry.guid,
            "url_key": url_key,
            "title_key": title_key(entry.item.title),
            "content_hash": entry.content_hash,
            "seen_at": now,
            "full_text_url": entry.full_text_url,
            "full_text_at": entry.full_text_at,
        }
        if mine is not None:
            if not fuller:
                del values["full_text_url"], values["full_text_at"]
            SourceEntry.update(**values).where(SourceEntry.id == mine.row_id).execute()
        else:
            rows.append({"source": source_id, **values})
    for start in range(0, len(rows), CHUNK // 4):
        SourceEntry.insert_many(rows[start : start + CHUNK // 4]).execute()


def full_text_known(source_id: int) -> set[str]:
    """The link keys whose page this source's full text was fetched from already."""
    query = SourceEntry.select(SourceEntry.url_key).where(
        (SourceEntry.source == source_id)
        & SourceEntry.full_text_at.is_null(False)
        & SourceEntry.url_key.is_null(False)
    )
    return {row.url_key for row in query}
