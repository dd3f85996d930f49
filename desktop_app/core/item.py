"""Articles and briefs as values: what an editor, an importer or the demo content produces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core.errors import ValidationError

ARTICLE = "article"
BRIEF = "brief"
KINDS = (ARTICLE, BRIEF)


def split_tags(text: str) -> tuple[str, ...]:
    """'Air defense, kyiv oblast,,' → ('air defense', 'kyiv oblast'); order kept, no repeats."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        tag = " ".join(part.split()).lower()
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


@dataclass(frozen=True)
class ItemData:
    kind: str
    title: str
    published_at: dt.datetime
    body: str = ""
    lead: str = ""
    author: str = ""
    source_name: str = ""
    source_url: str | None = None
    tags: tuple[str, ...] = field(default=())
    # Sanitised HTML when the source gave markup; `body` is then its plain text.
    body_html: str = ""

    def validate(self) -> None:
        """Raise ValidationError naming the first field that is wrong."""
        if self.kind not in KINDS:
            raise ValidationError(f"kind must be 'article' or 'brief', not {self.kind!r}")
        if not self.title.strip():
            raise ValidationError("title: a title is required")
        if self.published_at.tzinfo is None:
            raise ValidationError("published_at: the time needs a time zone")
        if self.source_url is not None and not self.source_url.strip():
            raise ValidationError("source_url: empty; leave it out instead")
