"""Articles and briefs as values: what an editor, an importer or the demo content produces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core import messages as msg
from desktop_app.core.errors import ValidationError

# Publication times the archive accepts. Articles from before the full-scale invasion are
# legitimate (2014 Crimea coverage); a year before 1900 or a time more than a day ahead of the
# clock is a broken feed or a typo, and such a time near year 1 or 9999 also breaks every
# conversion to local time. A day of leeway covers clocks and zones set wrong.
EARLIEST_PUBLISHED = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
FUTURE_LEEWAY = dt.timedelta(days=1)

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


def tag_edits(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """'drones, -kyiv' → (('drones',), ('kyiv',)): tags to add, and (after a minus) to take away."""
    parts = split_tags(text)
    removed = split_tags(",".join(t[1:] for t in parts if t.startswith("-")))
    return tuple(t for t in parts if not t.startswith("-")), removed


def edited_tags(
    tags: tuple[str, ...], added: tuple[str, ...], removed: tuple[str, ...]
) -> tuple[str, ...]:
    """An item's tags with `removed` taken away and `added` put after them, order kept."""
    kept = [t for t in tags if t not in removed]
    return tuple(kept + [t for t in added if t not in kept and t not in removed])


def published_at_problem(when: dt.datetime, *, now: dt.datetime | None = None) -> str | None:
    """Why a publication time cannot be stored (None when it can). Never raises."""
    if when.tzinfo is None:
        return "the time needs a time zone"
    now = now or dt.datetime.now(dt.UTC)
    try:
        utc = when.astimezone(dt.UTC)
    except (OverflowError, ValueError):  # within a day of year 1 or 9999
        template = msg.TIME_TOO_EARLY if when.year < 1900 else msg.TIME_TOO_LATE
        return msg.render(template, value=f"{when:%Y-%m-%d %H:%M}")
    if utc < EARLIEST_PUBLISHED:
        return msg.render(msg.TIME_TOO_EARLY, value=f"{utc:%Y-%m-%d %H:%M}Z")
    if utc > now + FUTURE_LEEWAY:
        return msg.render(msg.TIME_TOO_LATE, value=f"{utc:%Y-%m-%d %H:%M}Z")
    return None


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
    # True when the source stated no time for this item and `published_at` was inferred
    # (the feed's own date, the time it was read, a brief's place on its page's timeline).
    date_estimated: bool = False
    # The reader's marks, as the program's own export writes and reads them (a stored item's
    # own marks come beside its data, in storage's StoredItem). Only an import that adds the
    # item stores these: saving an edit, or importing an item the archive already holds,
    # leaves the archive's marks as they are.
    starred: bool = False
    read: bool = False

    def validate(self) -> None:
        """Raise ValidationError naming the first field that is wrong."""
        if self.kind not in KINDS:
            raise ValidationError(f"kind must be 'article' or 'brief', not {self.kind!r}")
        if not self.title.strip():
            raise ValidationError("title: a title is required")
        problem = published_at_problem(self.published_at)
        if problem is not None:
            raise ValidationError(f"published_at: {problem}")
        if self.source_url is not None and not self.source_url.strip():
            raise ValidationError("source_url: empty; leave it out instead")
