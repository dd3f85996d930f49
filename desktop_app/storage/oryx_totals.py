"""Oryx's visually confirmed losses summed per loss category, for the Charts tab's comparison.

The rows are written by the Oryx importer; this module only reads them.
"""

from __future__ import annotations

from peewee import fn

from desktop_app.storage.db.models import OryxLoss


def oryx_totals_by_category() -> dict[str, int]:
    """Sum of `losses_total` per category key; rows the importer could not map are left out."""
    query = (
        OryxLoss.select(OryxLoss.category, fn.SUM(OryxLoss.losses_total))
        .where(OryxLoss.category.is_null(False))
        .group_by(OryxLoss.category)
        .tuples()
    )
    return {str(key): int(total) for key, total in query}
