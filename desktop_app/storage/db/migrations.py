"""Schema versions, kept in SQLite's `PRAGMA user_version` (a server: `pg_schema`), and the
steps between them.

Each step is frozen DDL for the schema as it was at that version: steps never import the
models, so an archive made by any release upgrades through the same path. Add a step at the
end; never edit an old one.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database

from desktop_app.core.errors import ArchiveError
from desktop_app.storage.db import later_steps, pg_schema


def _step_1(db: Database) -> None:
    """The first schema: items with full-text search, reports and their figures."""
    for sql in (
        """CREATE TABLE item (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind VARCHAR(255) NOT NULL,
            title TEXT NOT NULL,
            lead TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published_at TEXT NOT NULL,
            source_name TEXT NOT NULL DEFAULT '',
            source_url TEXT UNIQUE,
            tags TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX item_kind ON item (kind)",
        "CREATE INDEX item_published_at ON item (published_at)",
        # External-content FTS5: the text lives once, in `item`; triggers keep the index in
        # step with every insert, edit and delete, whatever code path makes them.
        """CREATE VIRTUAL TABLE item_fts USING fts5(
            title, lead, body, author, tags,
            content='item', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER item_fts_ai AFTER INSERT ON item BEGIN
            INSERT INTO item_fts(rowid, title, lead, body, author, tags)
            VALUES (new.id, new.title, new.lead, new.body, new.author, new.tags);
        END""",
        """CREATE TRIGGER item_fts_ad AFTER DELETE ON item BEGIN
            INSERT INTO item_fts(item_fts, rowid, title, lead, body, author, tags)
            VALUES ('delete', old.id, old.title, old.lead, old.body, old.author, old.tags);
        END""",
        """CREATE TRIGGER item_fts_au AFTER UPDATE OF title, lead, body, author, tags ON item
        BEGIN
            INSERT INTO item_fts(item_fts, rowid, title, lead, body, author, tags)
            VALUES ('delete', old.id, old.title, old.lead, old.body, old.author, old.tags);
            INSERT INTO item_fts(rowid, title, lead, body, author, tags)
            VALUES (new.id, new.title, new.lead, new.body, new.author, new.tags);
        END""",
        """CREATE TABLE report (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            date DATE NOT NULL UNIQUE,
            day INTEGER NOT NULL,
            qualifier TEXT,
            note TEXT,
            source TEXT NOT NULL DEFAULT '',
            article_id INTEGER REFERENCES item (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX report_article_id ON report (article_id)",
        """CREATE TABLE report_figure (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
            category VARCHAR(255) NOT NULL,
            total INTEGER NOT NULL,
            change INTEGER)""",
        "CREATE UNIQUE INDEX report_figure_report_id_category"
        " ON report_figure (report_id, category)",
    ):
        db.execute_sql(sql)


def _step_2(db: Database) -> None:
    """Read/starred flags on items, and stored validation warnings on reports."""
    for sql in (
        "ALTER TABLE item ADD COLUMN is_read INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE item ADD COLUMN starred INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE report_warning (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
            category VARCHAR(255),
            kind VARCHAR(255) NOT NULL,
            message TEXT NOT NULL)""",
        "CREATE INDEX report_warning_report_id ON report_warning (report_id)",
    ):
        db.execute_sql(sql)


def _step_3(db: Database) -> None:
    """Sanitised HTML bodies, a tag table for filters, many articles per report, Oryx data."""
    for sql in (
        "ALTER TABLE item ADD COLUMN body_html TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE item_tag (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
            tag TEXT NOT NULL)""",
        "CREATE UNIQUE INDEX item_tag_item_id_tag ON item_tag (item_id, tag)",
        "CREATE INDEX item_tag_tag ON item_tag (tag)",
        """CREATE TABLE report_article (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE)""",
        "CREATE UNIQUE INDEX report_article_report_id_item_id"
        " ON report_article (report_id, item_id)",
        "CREATE INDEX report_article_item_id ON report_article (item_id)",
        """INSERT INTO report_article (report_id, item_id)
            SELECT id, article_id FROM report WHERE article_id IS NOT NULL""",
        "DROP INDEX report_article_id",
        "ALTER TABLE report DROP COLUMN article_id",
        """CREATE TABLE oryx_loss (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            category VARCHAR(255),
            equipment_oryx TEXT NOT NULL,
            model TEXT NOT NULL,
            manufacturer TEXT NOT NULL DEFAULT '',
            losses_total INTEGER NOT NULL,
            imported_at TEXT NOT NULL)""",
        "CREATE INDEX oryx_loss_category ON oryx_loss (category)",
    ):
        db.execute_sql(sql)
    # Tags were kept only as comma-separated text until now.
    rows = db.execute_sql("SELECT id, tags FROM item WHERE tags != ''").fetchall()
    for item_id, tags in rows:
        seen = {" ".join(t.split()).lower() for t in tags.split(",")} - {""}
        for tag in sorted(seen):
            db.execute_sql("INSERT INTO item_tag (item_id, tag) VALUES (?, ?)", (item_id, tag))


def _step_4(db: Database) -> None:
    """The Trash: deleted articles, briefs and reports kept whole until restored or emptied."""
    for sql in (
        """CREATE TABLE trash (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind VARCHAR(255) NOT NULL,
            original_id INTEGER NOT NULL,
            date DATE,
            label TEXT NOT NULL,
            snapshot TEXT NOT NULL,
            deleted_at TEXT NOT NULL)""",
        "CREATE INDEX trash_kind_original_id ON trash (kind, original_id)",
        "CREATE INDEX trash_date ON trash (date)",
    ):
        db.execute_sql(sql)


def _step_5(db: Database) -> None:
    """Estimated publication times: an undated feed entry or a brief dated from its page."""
    db.execute_sql("ALTER TABLE item ADD COLUMN date_estimated INTEGER NOT NULL DEFAULT 0")


def _step_6(db: Database) -> None:
    """Search rows keyed in publication order, newest first, so a date-ordered search reads
    the index in its own order and stops after the first page.

    The full-text index's rowid becomes minus (`published_at` in Unix seconds times 2**30
    plus the item's id): ascending rowids are newest first, ties by the higher id first.
    Items are refused before 1900 and after 2100, so the key stays within 64 bits for ids
    below 2**30. Ascending, because FTS5 (SQLite 3.40, measured at 1,000,000 items) left
    out some matches of multi-word queries when asked for descending rowids. The key is an
    expression (a view names it, a unique index finds an item by it), not a column of
    `item`: rows read or written whole are unchanged.
    """
    key = "(-(CAST(strftime('%s', {t}published_at) AS INTEGER) * 1073741824 + {t}id))"
    for sql in (
        "DROP TRIGGER item_fts_ai",
        "DROP TRIGGER item_fts_ad",
        "DROP TRIGGER item_fts_au",
        "DROP TABLE item_fts",
        f"CREATE UNIQUE INDEX item_search_key ON item ({key.format(t='')})",
        f"""CREATE VIEW item_search AS SELECT {key.format(t="")} AS search_key,
            title, lead, body, author, tags FROM item""",
        """CREATE VIRTUAL TABLE item_fts USING fts5(
            title, lead, body, author, tags,
            content='item_search', content_rowid='search_key',
            tokenize='unicode61 remove_diacritics 2')""",
        "INSERT INTO item_fts(item_fts) VALUES ('rebuild')",
        f"""CREATE TRIGGER item_fts_ai AFTER INSERT ON item BEGIN
            INSERT INTO item_fts(rowid, title, lead, body, author, tags)
            VALUES ({key.format(t="new.")}, new.title, new.lead, new.body, new.author,
                    new.tags);
        END""",
        f"""CREATE TRIGGER item_fts_ad AFTER DELETE ON item BEGIN
            INSERT INTO item_fts(item_fts, rowid, title, lead, body, author, tags)
            VALUES ('delete', {key.format(t="old.")}, old.title, old.lead, old.body,
                    old.author, old.tags);
        END""",
        f"""CREATE TRIGGER item_fts_au
        AFTER UPDATE OF id, published_at, title, lead, body, author, tags ON item BEGIN
            INSERT INTO item_fts(item_fts, rowid, title, lead, body, author, tags)
            VALUES ('delete', {key.format(t="old.")}, old.title, old.lead, old.body,
                    old.author, old.tags);
            INSERT INTO item_fts(rowid, title, lead, body, author, tags)
            VALUES ({key.format(t="new.")}, new.title, new.lead, new.body, new.author,
                    new.tags);
        END""",
    ):
        db.execute_sql(sql)


STEPS: tuple[Callable[[Database], None], ...] = (
    _step_1,
    _step_2,
    _step_3,
    _step_4,
    _step_5,
    _step_6,
    later_steps.step_7,
    later_steps.step_8,
    later_steps.step_9,
    later_steps.step_10,
    later_steps.step_11,
    later_steps.step_12,
    later_steps.step_13,
    later_steps.step_14,
    later_steps.step_15,
)
SCHEMA_VERSION = len(STEPS)


class SchemaTooNewError(ArchiveError):
    """The file was written by a newer release; opening it could lose data."""


def schema_version(db: Database) -> int:
    if pg_schema.is_server(db):
        return pg_schema.schema_version(db)
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, *, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to `target`, one step per transaction. Returns the old version."""
    start = schema_version(db)
    if start > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"this archive has schema version {start}; this release knows up to "
            f"{SCHEMA_VERSION}. Update Frontline Archive to open it."
        )
    for version in range(start, target):
        with db.atomic():
            if pg_schema.is_server(db):
                # A server runs the PostgreSQL twins of the SQLite-only first steps.
                pg_schema.STEPS.get(version + 1, STEPS[version])(db)
                pg_schema.set_schema_version(db, version + 1)
                continue
            STEPS[version](db)
            # PRAGMA takes no parameters; the value is our own integer.
            db.execute_sql(f"PRAGMA user_version = {version + 1}")
    return start
