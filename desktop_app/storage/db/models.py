"""peewee models; bound at run time to whatever database `connection.open_database` opens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from desktop_app.storage.db.errors import StoredValueError

database_proxy = DatabaseProxy()


# How every time is stored: UTC, to the second ("2023-11-25T09:03:00Z").
TIME_FORM = "%Y-%m-%dT%H:%M:%SZ"


def not_a_time(value: object) -> str:
    """What is said of a stored time in another form than `TIME_FORM`."""
    return f"{value!r} is not a time as the archive stores them (2023-11-25T09:03:00Z)"


def not_a_whole_number(value: object) -> str:
    return f"{value!r} is not a whole number"


def not_a_day(value: object) -> str:
    return f"{value!r} is not a day as the archive stores them (2023-11-25)"


def _where(field: Any) -> str:
    """ "table.column: " for a field of a table (always, but in unit tests)."""
    return f"{field.model._meta.table_name}.{field.name}: " if hasattr(field, "model") else ""


class UtcDateTimeField(TextField):
    """An aware UTC timestamp stored as sortable ISO text ("2023-11-25T09:03:00Z").

    Naive values are refused: the caller must say which zone a time is in.
    """

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise TypeError(f"{self.name}: expected datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError(f"{self.name}: naive datetime; give a time zone")
        return value.astimezone(dt.UTC).strftime(TIME_FORM)

    def python_value(self, value: Any) -> dt.datetime | None:
        if value is None:
            return None
        try:
            if len(value) == 20 and value[10] == "T" and value[13] == ":" and value[19] == "Z":
                # The form db_value writes: read 40 times faster than strptime (0.2 against
                # 7 µs, a sixth of a million-item export's time), to the same aware UTC time.
                return dt.datetime.fromisoformat(value)
            return dt.datetime.strptime(value, TIME_FORM).replace(tzinfo=dt.UTC)
        except (TypeError, ValueError):
            # Another program wrote it ('' or a local time): said, not a crash.
            raise StoredValueError(_where(self) + not_a_time(value)) from None


class WholeNumberField(IntegerField):
    """A figure: read as stored, or refused with what it holds ('many', 2.5: another program
    wrote it into SQLite, whose columns take any type), never passed on as text."""

    def python_value(self, value: Any) -> int | None:
        if value is None or type(value) is int:
            return value
        raise StoredValueError(_where(self) + not_a_whole_number(value))


class DayField(DateField):
    """A report's date: a day, or refused with what it holds ('2026-02-30', '')."""

    def python_value(self, value: Any) -> dt.date | None:
        day = super().python_value(value)
        if day is None or isinstance(day, dt.date):
            return day
        raise StoredValueError(_where(self) + not_a_day(value))


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Item(BaseModel):
    """An article or a brief."""

    id = AutoField()
    kind = CharField(index=True)
    title = TextField()
    lead = TextField(default="")
    body = TextField(default="")
    # Sanitised HTML from a feed or page ('' for typed items); `body` holds its plain text.
    body_html = TextField(default="")
    # The time was not stated by the source: taken from the feed, the page or the reading.
    date_estimated = BooleanField(default=False)
    author = TextField(default="")
    published_at = UtcDateTimeField(index=True)
    source_name = TextField(default="")
    source_url = TextField(null=True, unique=True)
    # Comma-separated, as typed; full-text search indexes it.
    tags = TextField(default="")
    is_read = BooleanField(default=False)
    starred = BooleanField(default=False)
    created_at = UtcDateTimeField(default=utc_now)
    updated_at = UtcDateTimeField(default=utc_now)
    # Who changed the content last (the server's role; '' in a file) and its version: schema 8.
    changed_by = TextField(default="")
    changed_at = UtcDateTimeField(null=True)
    row_version = IntegerField(default=1)
    # `core.sort_key` of the title and author (schema 15), made at the commit that writes
    # them (`storage.sort_keys`); NULL until then.
    title_key = TextField(null=True)
    author_key = TextField(null=True)


class Report(BaseModel):
    """One daily loss report; the figures hang off it."""

    id = AutoField()
    date = DayField(unique=True)
    day = IntegerField()
    qualifier = TextField(null=True)
    note = TextField(null=True)
    source = TextField(default="")
    created_at = UtcDateTimeField(default=utc_now)
    updated_at = UtcDateTimeField(default=utc_now)
    changed_by = TextField(default="")
    changed_at = UtcDateTimeField(null=True)
    # Moves with every change of the report or one of its figures (schema 8).
    row_version = IntegerField(default=1)


class ReportFigure(BaseModel):
    id = AutoField()
    report = ForeignKeyField(Report, on_delete="CASCADE", backref="figures")
    category = CharField()
    total = WholeNumberField()
    change = WholeNumberField(null=True)

    class Meta:
        indexes = ((("report", "category"), True),)


class ReportWarning(BaseModel):
    """A doubt about a stored report (decrease, stated ≠ derived change); shown, never fixed."""

    id = AutoField()
    report = ForeignKeyField(Report, on_delete="CASCADE", backref="warnings")
    category = CharField(null=True)
    kind = CharField()
    message = TextField()


class ItemTag(BaseModel):
    """One tag of one item (the item's `tags` text mirrors these for full-text search)."""

    id = AutoField()
    item = ForeignKeyField(Item, on_delete="CASCADE", backref="tag_rows")
    tag = TextField(index=True)
    changed_by = TextField(default="")
    changed_at = UtcDateTimeField(null=True)

    class Meta:
        indexes = ((("item", "tag"), True),)


class ReportArticle(BaseModel):
    """An article or brief that published (or discussed) a report."""

    id = AutoField()
    report = ForeignKeyField(Report, on_delete="CASCADE", backref="article_links")
    item = ForeignKeyField(Item, on_delete="CASCADE", backref="report_links")

    class Meta:
        indexes = ((("report", "item"), True),)


class OryxLoss(BaseModel):
    """Oryx's visually confirmed losses per equipment model: a second, independent source."""

    id = AutoField()
    category = CharField(null=True, index=True)
    equipment_oryx = TextField()
    model = TextField()
    manufacturer = TextField(default="")
    losses_total = IntegerField()
    imported_at = UtcDateTimeField(default=utc_now)


class TrashEntry(BaseModel):
    """A deleted article, brief or report, kept whole (a JSON snapshot) until restored or
    emptied; never purged by age."""

    id = AutoField()
    kind = CharField()  # 'item' or 'report'
    original_id = IntegerField()  # the id it had when deleted
    date = DateField(null=True)  # a report's date
    label = TextField()  # what a list shows: a title, or a report's date
    snapshot = TextField()
    deleted_at = UtcDateTimeField(default=utc_now)

    class Meta:
        table_name = "trash"


class Source(BaseModel):
    """A subscription: a feed (RSS, Atom, JSON Feed) or the loss figures' API, fetched by
    the program itself; with what the last answer said (validators, errors, back-off)."""

    id = AutoField()
    name = TextField(unique=True)
    url = TextField(unique=True)
    site_url = TextField(default="")
    kind = CharField(default="feed")  # 'feed' or 'losses-api'
    as_kind = CharField(null=True)  # None: each entry's own kind; else 'article' / 'brief'
    full_text = BooleanField(default=False)
    every_minutes = WholeNumberField(default=60)
    tags = TextField(default="")
    etag = TextField(null=True)
    last_modified = TextField(null=True)
    checked_at = UtcDateTimeField(null=True)
    succeeded_at = UtcDateTimeField(null=True)
    last_error = TextField(default="")
    failures = WholeNumberField(default=0)
    retry_after = UtcDateTimeField(null=True)
    gone = BooleanField(default=False)
    created_at = UtcDateTimeField(default=utc_now)


class SourceEntry(BaseModel):
    """One entry a source gave, and the item it is (None once the user deleted the item)."""

    id = AutoField()
    source = ForeignKeyField(Source, on_delete="CASCADE", backref="entries")
    item = ForeignKeyField(Item, null=True, on_delete="SET NULL", backref="source_entries")
    guid = TextField(default="", index=True)
    url_key = TextField(null=True, index=True)
    title_key = TextField(default="", index=True)
    # A digest of the entry as the feed gave it: a change means the feed updated the entry.
    content_hash = TextField(default="")
    full_text_url = TextField(null=True)
    full_text_at = UtcDateTimeField(null=True)
    seen_at = UtcDateTimeField(default=utc_now)


class ReportFigureHistory(BaseModel):
    """Every change of a report's figures: before and after, who and when (schema 8)."""

    id = AutoField()
    report_id = IntegerField()
    date = DateField(null=True)
    category = CharField()
    old_total = IntegerField(null=True)
    old_change = IntegerField(null=True)
    total = IntegerField(null=True)
    change = IntegerField(null=True)
    changed_by = TextField(default="")
    changed_at = UtcDateTimeField()
