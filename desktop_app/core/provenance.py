"""Where a stored report came from: its source and the articles that published it.

The program's own exports carry this so that an export and a re-import keep it (a report
entered by hand stays one, and so stays protected from being overwritten by a dataset).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.item import ItemData

# The version of the program's own export format: 2 added provenance (report sources, links).
EXPORT_VERSION = 2


@dataclass(frozen=True)
class ArticleRef:
    """An article or brief named the way an import recognises it again: by its link when it
    has one, else by kind, title and time, and by its text when the text is known (the item
    importer keeps two items that differ only there: alerts of one minute for two regions)."""

    source_url: str | None
    kind: str = ""
    title: str = ""
    published_at: dt.datetime | None = None
    # None: not stated (an export writes it only when another item shares kind, title, time).
    body: str | None = None

    @classmethod
    def of(cls, item: ItemData) -> ArticleRef:
        if item.source_url:
            return cls(item.source_url.strip())
        return cls(None, item.kind, item.title.strip(), item.published_at, item.body)

    def to_json(self) -> dict[str, Any]:
        if self.source_url:
            return {"source_url": self.source_url}
        assert self.published_at is not None
        out = {
            "kind": self.kind,
            "title": self.title,
            "published_at": self.published_at.isoformat(),
        }
        if self.body is not None:
            out["body"] = self.body
        return out


@dataclass(frozen=True)
class Provenance:
    """Where a stored report came from and the articles that published it."""

    source: str
    articles: tuple[ArticleRef, ...] = field(default=())
