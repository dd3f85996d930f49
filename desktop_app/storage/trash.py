"""The Trash: deleted articles, briefs and reports, kept across restarts until restored or
emptied.

A delete stores the whole thing as a JSON snapshot in the same transaction: an item with its
tags, read and star flags, when it was first stored and the reports it was linked to; a
report with its figures, qualifier, note, source and linked articles. Restoring puts it back
under its own id when that id is free (else under a new one) and takes it out of the Trash.
Nothing is purged by age: only Empty deletes for good.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from peewee import SQL, DataError, OperationalError, fn

from desktop_app.core.errors import ArchiveError
from desktop_app.core.item import KINDS, ItemData
from desktop_app.core.report import Figure, LossReport, day_of_war
from desktop_app.storage import item_history, report_history
from desktop_app.storage.db.errors import StoredValueError
from desktop_app.storage.db.models import (
    Item,
    Report,
    ReportArticle,
    TrashEntry,
    database_proxy,
    utc_now,
)
from desktop_app.storage.db.pg_schema import is_server, one_statement
from desktop_app.storage.item_history import ItemSnapshot, snapshot_item, snapshot_items
from desktop_app.storage.items import IDS_AT_ONCE, ROWS_AT_ONCE, parts
from desktop_app.storage.items import delete_item as delete_item_for_good
from desktop_app.storage.report_history import ReportSnapshot, snapshot_report
from desktop_app.storage.reports import delete_report as delete_report_for_good
from desktop_app.storage.reports import refresh_warnings, write_figures

ITEM, REPORT = "item", "report"


class TrashRestoreError(ArchiveError):
    """An entry cannot go back (its date or link is taken); nothing was restored."""


@dataclass(frozen=True)
class TrashRow:
    """What a list of the Trash shows."""

    id: int
    kind: str  # ITEM or REPORT
    label: str  # the item's title, or the report's date
    deleted_at: dt.datetime
    original_id: int
    date: dt.date | None  # a report's date
    item_kind: str = ""  # 'article' or 'brief' for an item


def _time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def _item_json(item_id: int, snap: ItemSnapshot) -> dict[str, Any]:
    data = snap.data
    return {
        "id": item_id,
        "kind": data.kind,
        "title": data.title,
        "lead": data.lead,
        "body": data.body,
        "body_html": data.body_html,
        "date_estimated": data.date_estimated,
        "author": data.author,
        "published_at": data.published_at.isoformat(),
        "source_name": data.source_name,
        "source_url": data.source_url,
        "tags": list(data.tags),
        "is_read": snap.is_read,
        "starred": snap.starred,
        "created_at": snap.created_at.isoformat(),
        "reports": [d.isoformat() for d in snap.report_dates],
        "source_entries": list(snap.source_entries),
        "version": snap.version,
    }


def _item_snapshot(doc: dict[str, Any]) -> ItemSnapshot:
    data = ItemData(
        kind=doc["kind"],
        title=doc["title"],
        published_at=_time(doc["published_at"]),
        body=doc["body"],
        lead=doc["lead"],
        author=doc["author"],
        source_name=doc["source_name"],
        source_url=doc["source_url"],
        tags=tuple(doc["tags"]),
        body_html=doc["body_html"],
        date_estimated=bool(doc.get("date_estimated", False)),
    )
    return ItemSnapshot(
        data,
        bool(doc["is_read"]),
        bool(doc["starred"]),
        _time(doc["created_at"]),
        tuple(dt.date.fromisoformat(d) for d in doc["reports"]),
        tuple(int(i) for i in doc.get("source_entries", ())),  # not in older entries
        int(doc.get("version", 0)),
    )


def _report_json(report_id: int, snap: ReportSnapshot) -> dict[str, Any]:
    return {
        "id": report_id,
        **snap.report.to_json(),
        "note": snap.report.note,
        "source": snap.source,
        "articles": list(snap.article_ids),
    }


def _report_snapshot(doc: dict[str, Any]) -> ReportSnapshot:
    figures = {k: Figure(f["total"], f["change"]) for k, f in doc["figures"].items()}
    report = LossReport(dt.date.fromisoformat(doc["date"]), figures, doc["qualifier"], doc["note"])
    return ReportSnapshot(report, doc["source"], tuple(doc["articles"]))


def _put(kind: str, original_id: int, label: str, doc: dict[str, Any], date: dt.date | None) -> int:
    entry = TrashEntry.create(
        kind=kind,
        original_id=original_id,
        date=date,
        label=label,
        snapshot=json.dumps(doc, ensure_ascii=False),
        deleted_at=utc_now(),
    )
    return int(entry.id)


def trash_item(item_id: int) -> int | None:
    """Put the stored item's snapshot in the Trash (the caller deletes it in the same
    transaction); returns the entry's id, None when there is no such item."""
    snap = snapshot_item(item_id)
    if snap is None:
        return None
    return _put(ITEM, item_id, snap.data.title, _item_json(item_id, snap), None)


def trash_report(date: dt.date) -> int | None:
    """Put the stored report of `date` in the Trash (the caller deletes it in the same
    transaction); returns the entry's id, None when no report is stored for that date."""
    snap = snapshot_report(date)
    if snap is None:
        return None
    report_id = int(Report.get(Report.date == date).id)
    return _put(REPORT, report_id, date.isoformat(), _report_json(report_id, snap), date)


def forget_item(item_id: int) -> None:
    """The item is back (an undo of its delete): its Trash entries go."""
    TrashEntry.delete().where(
        (TrashEntry.kind == ITEM) & (TrashEntry.original_id == item_id)
    ).execute()


def forget_report(snapshot: ReportSnapshot) -> None:
    """The report is back as it was (an undo of its delete): Trash entries of that date
    holding exactly this report go; other versions of the day stay."""
    date = snapshot.report.date
    for entry in TrashEntry.select().where((TrashEntry.kind == REPORT) & (TrashEntry.date == date)):
        if _report_snapshot(json.loads(entry.snapshot)) == snapshot:
            entry.delete_instance()


# -- deleting into the Trash, and undo and redo that keep it in step --------------------
def delete_item(item_id: int) -> bool:
    """Delete an item, keeping it whole in the Trash, in one transaction."""
    with database_proxy.atomic():
        trash_item(item_id)
        return delete_item_for_good(item_id)


def delete_items(item_ids: Sequence[int]) -> dict[int, ItemSnapshot]:
    """Delete several items, each kept whole in the Trash as `delete_item` keeps one, in one
    transaction of a few statements per 500; the snapshots of those that were stored."""
    with database_proxy.atomic():
        snapshots = snapshot_items(item_ids)
        now = utc_now()
        entries = [
            {
                "kind": ITEM,
                "original_id": item_id,
                "date": None,
                "label": snap.data.title,
                "snapshot": json.dumps(_item_json(item_id, snap), ensure_ascii=False),
                "deleted_at": now,
            }
            for item_id, snap in snapshots.items()
        ]
        for chunk in parts(entries, ROWS_AT_ONCE):
            TrashEntry.insert_many(chunk).execute()
        for ids in parts(list(snapshots), IDS_AT_ONCE):
            Item.delete().where(Item.id.in_(ids)).execute()
    return snapshots


def restore_deleted_items(snapshots: dict[int, ItemSnapshot]) -> None:
    """The undo of `delete_items`: the items back as they were, and out of the Trash."""
    with database_proxy.atomic():
        for ids in parts(list(snapshots), IDS_AT_ONCE):
            TrashEntry.delete().where(
                (TrashEntry.kind == ITEM) & TrashEntry.original_id.in_(ids)
            ).execute()
        item_history.restore_absent_items(snapshots)


def delete_report(date: dt.date) -> bool:
    """Delete the report of `date`, keeping it whole in the Trash, in one transaction."""
    with database_proxy.atomic():
        trash_report(date)
        return delete_report_for_good(date)


def restore_item(item_id: int, snapshot: ItemSnapshot | None) -> None:
    """Undo or redo of an item change: an item that goes (the redo of a delete, the undo of a
    new item) is kept in the Trash; one that comes back leaves the Trash."""
    with database_proxy.atomic():
        if snapshot is None:
            trash_item(item_id)
        else:
            forget_item(item_id)
        item_history.restore_item(item_id, snapshot)


def restore_report(date: dt.date, snapshot: ReportSnapshot | None) -> None:
    """Undo or redo of a report change; the Trash follows as for items."""
    with database_proxy.atomic():
        if snapshot is None:
            trash_report(date)
        else:
            forget_report(snapshot)
        report_history.restore_report(date, snapshot)


def list_trash() -> list[TrashRow]:
    """Everything in the Trash, most recently deleted first. An item's kind is read out of
    its snapshot by the database: the snapshots themselves (a whole article each) are not
    made into Python strings nor parsed there: 0.23 s for 20,000 long articles, 0.39-0.54 s
    before (0.62 s on a cold start). A snapshot that is not JSON (another program wrote it)
    stops that reading; the list is then read with each snapshot parsed here, and that entry
    shows no kind."""
    try:
        with one_statement(database_proxy):
            return _trash_rows(in_database=True)
    except (OperationalError, DataError) as exc:
        if "json" not in str(exc).lower():
            raise
    return _trash_rows(in_database=False)


def _trash_rows(*, in_database: bool) -> list[TrashRow]:
    if not in_database:
        kind: Any = TrashEntry.snapshot
    elif is_server(database_proxy):
        kind = SQL("(snapshot::json ->> 'kind')")
    else:
        kind = fn.json_extract(TrashEntry.snapshot, "$.kind")
    query = TrashEntry.select(
        TrashEntry.id,
        TrashEntry.kind,
        TrashEntry.label,
        TrashEntry.deleted_at,
        TrashEntry.original_id,
        TrashEntry.date,
        kind.alias("item_kind"),
    ).order_by(TrashEntry.deleted_at.desc(), TrashEntry.id.desc())
    return [
        TrashRow(
            e.id,
            e.kind,
            e.label,
            e.deleted_at,
            e.original_id,
            e.date,
            (e.item_kind if in_database else _kind_in(e.item_kind)) or "" if e.kind == ITEM else "",
        )
        for e in query
    ]


def _kind_in(snapshot: str) -> str:
    try:
        doc = json.loads(snapshot)
    except ValueError:
        return ""
    kind = doc.get("kind") if isinstance(doc, dict) else None
    return kind if isinstance(kind, str) else ""


def _snapshot_of(entry: TrashEntry) -> ItemSnapshot | ReportSnapshot:
    """What `entry` holds; a snapshot in a form this program never writes (not JSON, a field
    missing, a kind of its own) is named, not taken for an internal error."""
    try:
        doc = json.loads(entry.snapshot)
        if entry.kind == REPORT:
            return _report_snapshot(doc)
        if entry.kind == ITEM:
            snap = _item_snapshot(doc)
            if snap.data.kind in KINDS:
                return snap
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    raise StoredValueError(
        f"Trash entry {entry.id} (“{entry.label}”): its snapshot is not in the form this"
        " program writes (another program wrote it); it can only be emptied"
    )


def entry_snapshot(entry_id: int) -> ItemSnapshot | ReportSnapshot | None:
    """What an entry holds, for a view that shows it before restoring; None if not there."""
    entry = TrashEntry.get_or_none(TrashEntry.id == entry_id)
    if entry is None:
        return None
    return _snapshot_of(entry)


def _restore_item(entry: TrashEntry) -> int:
    snap = _snapshot_of(entry)
    assert isinstance(snap, ItemSnapshot)
    url = snap.data.source_url
    if url and Item.select().where(Item.source_url == url.strip()).exists():
        raise TrashRestoreError(
            f"Trash entry {entry.id} (“{entry.label}”): another item now has its link {url}"
        )
    item_id = int(entry.original_id)
    if Item.select().where(Item.id == item_id).exists():
        from desktop_app.storage.item_import import next_item_id

        item_id = next_item_id()
    item_history.restore_item(item_id, snap)
    return item_id


def _restore_report(entry: TrashEntry) -> dt.date:
    snap = _snapshot_of(entry)
    assert isinstance(snap, ReportSnapshot)
    date = snap.report.date
    assert date is not None
    if Report.select().where(Report.date == date).exists():
        raise TrashRestoreError(
            f"Trash entry {entry.id} (report {date.isoformat()}): a report for that date is"
            " stored; delete it first to put this one back"
        )
    # Under a new row, as an undone delete is: its version starts again at 1, so an editor
    # opened on the deleted report (noted by its row) must not take it for the same one.
    fields: dict[str, Any] = {
        "date": date,
        "day": day_of_war(date),
        "qualifier": snap.report.qualifier,
        "note": snap.report.note,
        "source": snap.source,
    }
    report_id = int(Report.insert(**fields).execute())
    write_figures(report_id, dict(snap.report.figures))
    alive = {i for (i,) in Item.select(Item.id).where(Item.id.in_(list(snap.article_ids))).tuples()}
    for item_id in snap.article_ids:
        if item_id in alive:
            ReportArticle.insert(report=report_id, item=item_id).on_conflict_ignore().execute()
    return date


@dataclass(frozen=True)
class Restored:
    item_ids: tuple[int, ...]
    report_dates: tuple[dt.date, ...]


def restore_entries(ids: Sequence[int]) -> Restored:
    """Put the given Trash entries back, all or none, in one transaction.

    Reports go first, so an item restored with them finds its reports to link to again.
    Raises TrashRestoreError (naming the entry) when one cannot go back, or when an id is
    not in the Trash.
    """
    item_ids: list[int] = []
    dates: list[dt.date] = []
    with database_proxy.atomic():
        found = {e.id: e for e in TrashEntry.select().where(TrashEntry.id.in_(list(ids)))}
        missing = [i for i in ids if i not in found]
        if missing:
            raise TrashRestoreError(f"no entry {missing[0]} in the Trash")
        entries = sorted(found.values(), key=lambda e: (e.kind != REPORT, e.id))
        for entry in entries:
            if entry.kind == REPORT:
                dates.append(_restore_report(entry))
            else:
                item_ids.append(_restore_item(entry))
            TrashEntry.delete().where(TrashEntry.id == entry.id).execute()
        if dates:
            refresh_warnings()
    return Restored(tuple(item_ids), tuple(dates))


def empty_trash(ids: Sequence[int] | None = None) -> int:
    """Delete for good every entry (or those with `ids`); returns how many went."""
    with database_proxy.atomic():
        query = TrashEntry.delete()
        if ids is not None:
            query = query.where(TrashEntry.id.in_(list(ids)))
        return int(query.execute())


def count_trash() -> int:
    return int(TrashEntry.select().count())
