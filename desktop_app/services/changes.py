"""What an operation changed in the archive: the one value every view listens for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Which parts of the archive a write touched (combine with `|`).

    `items` covers articles and briefs being added, edited or deleted; `flags` only their
    read/starred marks; `tags` their tags; `reports` loss reports and their figures, notes and
    links; `oryx` the Oryx table; `trash` what the Trash holds (every delete and restore).
    `external` says another program wrote and nothing more is known; `sources` that the
    subscriptions or their state (last update, last error) changed. The id and date sets
    are hints for views that can refresh one row; empty means "any".
    """

    items: bool = False
    flags: bool = False
    tags: bool = False
    reports: bool = False
    oryx: bool = False
    external: bool = False
    trash: bool = False
    sources: bool = False
    item_ids: frozenset[int] = field(default_factory=frozenset)
    report_dates: frozenset[dt.date] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            items=self.items or other.items,
            flags=self.flags or other.flags,
            tags=self.tags or other.tags,
            reports=self.reports or other.reports,
            oryx=self.oryx or other.oryx,
            external=self.external or other.external,
            trash=self.trash or other.trash,
            sources=self.sources or other.sources,
            item_ids=self.item_ids | other.item_ids,
            report_dates=self.report_dates | other.report_dates,
        )

    @property
    def any(self) -> bool:
        return any(
            (
                self.items,
                self.flags,
                self.tags,
                self.reports,
                self.oryx,
                self.external,
                self.trash,
                self.sources,
            )
        )

    @property
    def item_list(self) -> bool:
        """Whether the list of articles and briefs (rows, counts, facets) may have changed."""
        return self.items or self.flags or self.tags or self.external

    @property
    def losses(self) -> bool:
        """Whether anything drawn from loss reports (tables, charts, problems) may have changed."""
        return self.reports or self.external or self.items


NOTHING = Changes()
EVERYTHING = Changes(
    items=True,
    flags=True,
    tags=True,
    reports=True,
    oryx=True,
    external=True,
    trash=True,
    sources=True,
)
