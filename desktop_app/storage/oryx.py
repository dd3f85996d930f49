"""Oryx's confirmed losses per equipment model: the one source of the oryx_loss table.

A new edition of the file replaces the table in the importing transaction; the same edition
again changes nothing (not even the import time), so a re-import is a no-op.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peewee import chunked

from desktop_app.core.formats.oryx import OryxRow
from desktop_app.storage.db.models import OryxLoss, database_proxy, utc_now


@dataclass
class OryxSummary:
    stored: int = 0
    removed: int = 0
    unchanged: bool = False

    def line(self) -> str:
        if self.unchanged:
            return f"{self.stored} models unchanged"
        return f"{self.stored} models stored, {self.removed} previous rows replaced"


def _key(row: OryxRow) -> tuple[str, str, str, str, int]:
    return (row.category or "", row.equipment_oryx, row.model, row.manufacturer, row.losses_total)


def stored_oryx() -> list[OryxRow]:
    query = OryxLoss.select().order_by(OryxLoss.id)
    return [
        OryxRow(r.category, r.equipment_oryx, r.model, r.manufacturer, r.losses_total)
        for r in query
    ]


def replace_oryx(rows: Sequence[OryxRow]) -> OryxSummary:
    """Make the table hold exactly `rows`, in one transaction."""
    with database_proxy.atomic():
        before = stored_oryx()
        if sorted(map(_key, before)) == sorted(map(_key, rows)):
            return OryxSummary(stored=len(rows), unchanged=True)
        OryxLoss.delete().execute()
        now = utc_now()
        data = [
            {
                "category": r.category,
                "equipment_oryx": r.equipment_oryx,
                "model": r.model,
                "manufacturer": r.manufacturer,
                "losses_total": r.losses_total,
                "imported_at": now,
            }
            for r in rows
        ]
        for batch in chunked(data, 500):
            OryxLoss.insert_many(batch).execute()
    return OryxSummary(stored=len(rows), removed=len(before))
