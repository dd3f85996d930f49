"""Subscriptions in the archive: the sources, what their last answer said, their counts.

A source is a feed (RSS, Atom, JSON Feed) or the loss figures' API. Its row keeps the
settings the user chose and the state of fetching it: the validators for the next
conditional request, when it was checked and last succeeded, the last error, how many
failures in a row, a server's Retry-After, and whether it is gone (410). Which item each
entry became lives in `source_entry` (storage.source_entries).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from peewee import JOIN, fn

from desktop_app.core import messages as m
from desktop_app.core.errors import ValidationError
from desktop_app.core.fetch_rules import MIN_EVERY_MINUTES, feed_address, feed_key
from desktop_app.core.item import KINDS, split_tags
from desktop_app.storage.db.errors import StoredValueError
from desktop_app.storage.db.models import (
    Item,
    Report,
    Source,
    SourceEntry,
    database_proxy,
    not_a_day,
    utc_now,
)
from desktop_app.storage.db.pg_schema import is_server

FEED, LOSSES_API = "feed", "losses-api"
SOURCE_KINDS = (FEED, LOSSES_API)


@dataclass(frozen=True)
class SourceSettings:
    """What the user chooses for a source."""

    name: str
    url: str
    kind: str = FEED
    site_url: str = ""
    # None: each entry is an article or a brief by its form; else every entry is this kind.
    as_kind: str | None = None
    full_text: bool = False
    every_minutes: int = 60
    tags: tuple[str, ...] = ()

    def validate(self) -> None:
        if not self.name.strip():
            raise ValidationError(m.SOURCE_NEEDS_NAME)
        if not self.url.lower().startswith(("http://", "https://")):
            raise ValidationError(m.render(m.NOT_WEB_ADDRESS, value=repr(self.url)))
        if self.kind not in SOURCE_KINDS:
            raise ValidationError(f"kind: {self.kind!r} is not one of {', '.join(SOURCE_KINDS)}")
        if self.as_kind not in (None, "article", "brief"):
            raise ValidationError(f"as: {self.as_kind!r} is not article or brief")
        if not MIN_EVERY_MINUTES <= self.every_minutes <= 100_000:
            # Below it the schedule would wait the minimum anyway: refused, not pretended.
            raise ValidationError(
                f"every: the interval is {MIN_EVERY_MINUTES} to 100,000 minutes (a source is"
                f" not asked more often than every {MIN_EVERY_MINUTES} minutes)"
            )


@dataclass(frozen=True)
class SourceInfo:
    """A stored source: its settings, its fetching state and its counts."""

    id: int
    settings: SourceSettings
    etag: str | None = None
    last_modified: str | None = None
    checked_at: dt.datetime | None = None
    succeeded_at: dt.datetime | None = None
    last_error: str = ""
    failures: int = 0
    retry_after: dt.datetime | None = None
    gone: bool = False
    items: int = 0
    unread: int = 0
    # What another program wrote into this source's row in a form this program never writes
    # ("source.every_minutes: 'zzz' is not a whole number"), and those fields' names: such a
    # source is listed, its problem shown as its error, and never fetched (`_row_info`).
    problem: str = ""
    foreign: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.settings.name

    @property
    def url(self) -> str:
        return self.settings.url


def _settings(row: Source) -> SourceSettings:
    for column, value, allowed in (
        ("kind", row.kind, SOURCE_KINDS),
        ("as_kind", row.as_kind, (None, *KINDS)),
    ):
        if value not in allowed:  # another program's: never fetched as something else
            raise StoredValueError(
                f"Source “{row.name}”: {column} {value!r} is not one of"
                f" {', '.join(map(str, allowed))}"
            )
    return SourceSettings(
        name=row.name,
        url=row.url,
        kind=row.kind,
        site_url=row.site_url,
        as_kind=row.as_kind,
        full_text=bool(row.full_text),
        every_minutes=int(row.every_minutes),
        tags=split_tags(row.tags),
    )


def _info(row: Source, items: int = 0, unread: int = 0) -> SourceInfo:
    return SourceInfo(
        id=row.id,
        settings=_settings(row),
        etag=row.etag,
        last_modified=row.last_modified,
        checked_at=row.checked_at,
        succeeded_at=row.succeeded_at,
        last_error=row.last_error,
        failures=int(row.failures),
        retry_after=row.retry_after,
        gone=bool(row.gone),
        items=items,
        unread=unread,
    )


def _row_info(source_id: int, items: int = 0, unread: int = 0) -> SourceInfo:
    """`_info` of the row `source_id`; a row holding a value another program wrote is read
    field by field: what can be read is kept, the rest named in `problem` (and shown as its
    last error), so that one such source does not stop the listing or the others' update."""
    try:
        return _info(Source.get_by_id(source_id), items, unread)
    except StoredValueError:
        pass
    cursor = database_proxy.execute_sql(f"SELECT * FROM source WHERE id = {int(source_id)}")
    stored = dict(zip((d[0] for d in cursor.description), cursor.fetchone(), strict=True))
    values: dict[str, Any] = {}
    said: list[str] = []
    for column in Source._meta.sorted_fields:
        try:
            values[column.name] = column.python_value(stored.get(column.column_name))
        except (StoredValueError, ValueError, TypeError) as exc:
            said.append(str(exc))
    for name, allowed in (("kind", SOURCE_KINDS), ("as_kind", (None, *KINDS))):
        if name in values and values[name] not in allowed:
            value = values.pop(name)
            said.append(f"source.{name}: {value!r} is not one of {', '.join(map(str, allowed))}")
    foreign = tuple(c.name for c in Source._meta.sorted_fields if c.name not in values)
    settings = SourceSettings(
        **{"name": f"source {source_id}", "url": "", "tags": ()}
        | {k: values[k] for k in _SETTINGS if values.get(k) is not None}
        | {"tags": split_tags(values.get("tags") or "")}
    )
    state = {k: values[k] for k in _STATE if values.get(k) is not None}
    problem = "; ".join(said)
    return SourceInfo(
        source_id,
        settings,
        **state,
        last_error=problem,
        items=items,
        unread=unread,
        problem=problem,
        foreign=foreign,
    )


_SETTINGS = ("name", "url", "kind", "site_url", "as_kind", "full_text", "every_minutes")
_STATE = ("etag", "last_modified", "checked_at", "succeeded_at", "failures", "retry_after", "gone")


def _tell_others() -> None:
    """Other programs on a server hear of this write (on a file, any write moves their
    `data_version`): their Sources panel follows a member's new, changed or removed source."""
    if is_server(database_proxy):
        from desktop_app.storage.db.postgres import tell_others

        tell_others()


def same_feed(url: str, other_than: int | None = None) -> str | None:
    """The name of the source that follows the feed at `url` (its address in another form:
    `…/feed/`, `HTTP://Example.com:80/feed#top`), if any; the oldest when an archive written
    before addresses were compared so holds two."""
    key = feed_key(url)
    host = urlsplit(feed_address(url)).hostname or ""
    query = Source.select(Source.id, Source.name, Source.url).where(Source.url.contains(host))
    if other_than is not None:
        query = query.where(Source.id != other_than)
    for _id, name, stored in query.order_by(Source.id).tuples():
        if feed_key(stored) == key:
            return str(name)
    return None


def add_source(settings: SourceSettings) -> int:
    """Store a new source; a name or address already subscribed is refused, naming it."""
    settings.validate()
    with database_proxy.atomic():
        name = settings.name.strip()
        if Source.select().where(fn.lower(Source.name) == name.lower()).exists():
            raise ValidationError(m.render(m.SOURCE_EXISTS, name=repr(name)))
        same = same_feed(settings.url)
        if same is not None:
            raise ValidationError(m.render(m.ALREADY_SUBSCRIBED, name=repr(same)))
        _tell_others()
        return int(
            Source.insert(
                name=name,
                url=feed_address(settings.url),
                kind=settings.kind,
                site_url=settings.site_url,
                as_kind=settings.as_kind,
                full_text=settings.full_text,
                every_minutes=settings.every_minutes,
                tags=", ".join(settings.tags),
                created_at=utc_now(),
            ).execute()
        )


def remove_source(name: str) -> bool:
    """Forget a source (its items stay in the archive)."""
    with database_proxy.atomic():
        _tell_others()
        return bool(Source.delete().where(Source.name == name).execute())


def find_source(name: str) -> SourceInfo | None:
    found = Source.select(Source.id).where(Source.name == name).scalar()
    if found is None:
        found = Source.select(Source.id).where(fn.lower(Source.name) == name.lower()).scalar()
    return None if found is None else _row_info(int(found))


def get_source(source_id: int) -> SourceInfo | None:
    exists = Source.select().where(Source.id == source_id).exists()
    return _row_info(source_id) if exists else None


def list_sources() -> list[SourceInfo]:
    """Every source by name, with how many items it gave and how many are unread."""
    counts: dict[int, tuple[int, int]] = {}
    query = (
        SourceEntry.select(
            SourceEntry.source,
            fn.COUNT(fn.DISTINCT(Item.id)),
            fn.COUNT(fn.DISTINCT(Item.id)).filter(Item.is_read == False),  # noqa: E712
        )
        .join(Item, JOIN.INNER, on=(SourceEntry.item == Item.id))
        .group_by(SourceEntry.source)
        .tuples()
    )
    for source_id, total, unread in query:
        counts[int(source_id)] = (int(total), int(unread or 0))
    try:
        rows = Source.select().order_by(fn.lower(Source.name))
        return [_info(r, *counts.get(r.id, (0, 0))) for r in rows]
    except StoredValueError:  # a row another program wrote to: each read on its own
        ids = Source.select(Source.id).order_by(fn.lower(Source.name)).tuples()
        return [_row_info(i, *counts.get(i, (0, 0))) for (i,) in ids]


def source_item_ids(source_id: int) -> list[int]:
    """The items a source gave (for the list's filter "from this source")."""
    query = SourceEntry.select(SourceEntry.item).where(
        (SourceEntry.source == source_id) & SourceEntry.item.is_null(False)
    )
    return sorted({int(r.item_id) for r in query})


def newest_report_date() -> dt.date | None:
    value = Report.select(fn.MAX(Report.date)).scalar()
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:  # another program's text sorts after every date
        raise StoredValueError(f"report.date: {not_a_day(value)}") from None


@dataclass
class Attempt:
    """What one fetch of a source said, to be remembered for the next one."""

    checked_at: dt.datetime
    ok: bool
    error: str = ""
    etag: str | None = None
    last_modified: str | None = None
    # A permanent redirect's target: the source's address from now on.
    new_url: str | None = None
    gone: bool = False
    retry_after: dt.datetime | None = None
    keep_validators: bool = False
    # No network at all, or the request was not made (the server's Retry-After): not the
    # source's failure, so no further back-off for it.
    offline: bool = False
    notes: list[str] = field(default_factory=list)


def record_attempt(source_id: int, attempt: Attempt) -> None:
    """Remember an attempt (in the caller's transaction, or its own)."""
    with database_proxy.atomic():
        row = Source.get_or_none(Source.id == source_id)
        if row is None:
            return
        values: dict[object, object] = {
            Source.retry_after: attempt.retry_after,
            Source.gone: attempt.gone,
        }
        if attempt.ok or not attempt.offline:
            # An attempt without a network (or not made) is no check: the source stays due,
            # and updates resume at the next tick once the network is back.
            values[Source.checked_at] = attempt.checked_at
        if attempt.ok:
            values[Source.succeeded_at] = attempt.checked_at
            values[Source.last_error] = ""
            values[Source.failures] = 0
            if not attempt.keep_validators:
                values[Source.etag] = attempt.etag
                values[Source.last_modified] = attempt.last_modified
        else:
            values[Source.last_error] = attempt.error[:500]
            values[Source.failures] = int(row.failures) + (0 if attempt.offline else 1)
        # A permanent redirect moves the address, never onto another source's feed.
        moved = attempt.new_url
        if moved and moved != row.url and same_feed(moved, other_than=source_id) is None:
            values[Source.url] = feed_address(moved)
        _tell_others()
        Source.update(values).where(Source.id == source_id).execute()


def set_source(source_id: int, settings: SourceSettings) -> None:
    """Change a source's settings (its name, kind, interval, tags, full text); a name another
    source has is refused, naming it."""
    settings.validate()
    name = settings.name.strip()
    with database_proxy.atomic():
        taken = Source.select().where(
            (fn.lower(Source.name) == name.lower()) & (Source.id != source_id)
        )
        if taken.exists():
            raise ValidationError(m.render(m.SOURCE_EXISTS, name=repr(name)))
        _tell_others()
        Source.update(
            name=name,
            url=settings.url,
            as_kind=settings.as_kind,
            full_text=settings.full_text,
            every_minutes=settings.every_minutes,
            tags=", ".join(settings.tags),
        ).where(Source.id == source_id).execute()
