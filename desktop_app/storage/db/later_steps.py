"""The schema's later steps (7: subscriptions, 8: who changed what, 9: the search's word list,
10: items by source, …, 14: times the search index can key, 15: title and author sort keys),
kept apart from `migrations`, which runs them in order with steps 1–6.
Each step is frozen as it was released: a later release adds a step, it never edits one.
"""

from __future__ import annotations

from peewee import Database

from desktop_app.storage.db import pg_schema


def step_7(db: Database) -> None:
    """Subscriptions: the sources the archive fetches by itself, and which item each entry
    became (its guid, link and title keys, and when its full text was fetched).

    Written with peewee's portable schema operations (frozen models of this version), so the
    same step runs on any database peewee supports. An entry whose item was deleted keeps its
    row with no item: the next update does not bring the deleted story back.
    """
    from peewee import (
        AutoField,
        BooleanField,
        CharField,
        ForeignKeyField,
        IntegerField,
        Model,
        TextField,
    )

    class _Frozen(Model):  # type: ignore[misc]
        class Meta:
            database = db
            legacy_table_names = False

    class Item(_Frozen):
        id = AutoField()

    class Source(_Frozen):
        id = AutoField()
        name = TextField(unique=True)
        url = TextField(unique=True)
        site_url = TextField(default="")
        kind = CharField(default="feed")
        as_kind = CharField(null=True)
        full_text = BooleanField(default=False)
        every_minutes = IntegerField(default=60)
        tags = TextField(default="")
        etag = TextField(null=True)
        last_modified = TextField(null=True)
        checked_at = TextField(null=True)
        succeeded_at = TextField(null=True)
        last_error = TextField(default="")
        failures = IntegerField(default=0)
        retry_after = TextField(null=True)
        gone = BooleanField(default=False)
        created_at = TextField()

    class SourceEntry(_Frozen):
        id = AutoField()
        source = ForeignKeyField(Source, on_delete="CASCADE")
        item = ForeignKeyField(Item, null=True, on_delete="SET NULL")
        guid = TextField(default="", index=True)
        url_key = TextField(null=True, index=True)
        title_key = TextField(default="", index=True)
        content_hash = TextField(default="")
        full_text_url = TextField(null=True)
        full_text_at = TextField(null=True)
        seen_at = TextField()

    db.create_tables([Source, SourceEntry], safe=False)


_STAMP_SQLITE = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
_STAMP_PG = """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""
_ITEM_CONTENT = (
    "kind, title, lead, body, body_html, author, published_at, date_estimated, source_name,"
    " source_url, tags"
)
_REPORT_CONTENT = "date, day, qualifier, note, source"


def step_8(db: Database) -> None:
    """Who changed what, when: a team on one server archive.

    Items and reports get `changed_by` (the server's role; '' in a file, which has one user),
    `changed_at`, and `row_version`, which moves with every change of the content (not of
    read and star marks), so an edit made from an outdated copy is noticed instead of
    silently overwriting someone's newer one. A report's version also moves when one of its
    figures changes, and every figure change is kept in `report_figure_history` (the values
    before and after, who and when). Tags say who added them. On a server, every write also
    moves `archive_change_seq` and sends NOTIFY frontline_archive (with the writer's backend
    pid, so a program can tell others' writes from its own): other users' windows refresh.
    The writes of `copy` (which brings rows with their own history) set
    frontline_archive.copying and are left as they come.
    """
    server = pg_schema.is_server(db)
    key = "SERIAL PRIMARY KEY" if server else "INTEGER PRIMARY KEY AUTOINCREMENT"
    for table in ("item", "report"):
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''")
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN changed_at TEXT")
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1")
    db.execute_sql("ALTER TABLE item_tag ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE item_tag ADD COLUMN changed_at TEXT")
    db.execute_sql(
        f"""CREATE TABLE report_figure_history (
            id {key},
            report_id INTEGER NOT NULL,
            date DATE,
            category VARCHAR(255) NOT NULL,
            old_total INTEGER,
            old_change INTEGER,
            total INTEGER,
            change INTEGER,
            changed_by TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL)"""
    )
    db.execute_sql(
        "CREATE INDEX report_figure_history_report_id ON report_figure_history (report_id)"
    )
    if server:
        step_8_server(db)
        return
    history = (
        "INSERT INTO report_figure_history (report_id, date, category, old_total, old_change,"
        " total, change, changed_at) VALUES ({r}.report_id,"
        " (SELECT date FROM report WHERE id = {r}.report_id), {r}.category, {old}, {new},"
        f" {_STAMP_SQLITE});"
        " UPDATE report SET row_version = row_version + 1,"
        f" changed_at = {_STAMP_SQLITE} WHERE id = {{r}}.report_id;"
    )
    for sql in (
        f"""CREATE TRIGGER item_row_version AFTER UPDATE OF {_ITEM_CONTENT} ON item BEGIN
            UPDATE item SET row_version = old.row_version + 1, changed_at = {_STAMP_SQLITE}
            WHERE id = new.id;
        END""",
        f"""CREATE TRIGGER report_row_version AFTER UPDATE OF {_REPORT_CONTENT} ON report
        BEGIN
            UPDATE report SET row_version = old.row_version + 1, changed_at = {_STAMP_SQLITE}
            WHERE id = new.id;
        END""",
        f"""CREATE TRIGGER report_figure_history_ai AFTER INSERT ON report_figure BEGIN
            {history.format(r="new", old="NULL, NULL", new="new.total, new.change")}
        END""",
        f"""CREATE TRIGGER report_figure_history_au AFTER UPDATE OF total, change
        ON report_figure WHEN old.total IS NOT new.total OR old.change IS NOT new.change BEGIN
            {history.format(r="new", old="old.total, old.change", new="new.total, new.change")}
        END""",
        f"""CREATE TRIGGER report_figure_history_ad AFTER DELETE ON report_figure BEGIN
            {history.format(r="old", old="old.total, old.change", new="NULL, NULL")}
        END""",
    ):
        db.execute_sql(sql)


def step_8_server(db: Database) -> None:
    copying = "current_setting('frontline_archive.copying', true) = 'on'"
    for sql in (
        "CREATE SEQUENCE archive_change_seq",
        f"""CREATE FUNCTION archive_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {copying} THEN RETURN NEW; END IF;
            NEW.changed_by := current_user;
            NEW.changed_at := {_STAMP_PG};
            IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'item_tag' THEN
                NEW.row_version := OLD.row_version + 1;
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER item_stamp_i BEFORE INSERT ON item"
        " FOR EACH ROW EXECUTE FUNCTION archive_stamp()",
        f"CREATE TRIGGER item_stamp_u BEFORE UPDATE OF {_ITEM_CONTENT} ON item"
        " FOR EACH ROW EXECUTE FUNCTION archive_stamp()",
        "CREATE TRIGGER report_stamp_i BEFORE INSERT ON report"
        " FOR EACH ROW EXECUTE FUNCTION archive_stamp()",
        f"CREATE TRIGGER report_stamp_u BEFORE UPDATE OF {_REPORT_CONTENT} ON report"
        " FOR EACH ROW EXECUTE FUNCTION archive_stamp()",
        "CREATE TRIGGER item_tag_stamp BEFORE INSERT ON item_tag"
        " FOR EACH ROW EXECUTE FUNCTION archive_stamp()",
        f"""CREATE FUNCTION archive_figure_history() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            rid INTEGER;
            cat VARCHAR(255);
            was_total INTEGER;
            was_change INTEGER;
            now_total INTEGER;
            now_change INTEGER;
        BEGIN
            IF {copying} THEN RETURN NULL; END IF;
            IF TG_OP = 'DELETE' THEN
                rid := OLD.report_id; cat := OLD.category;
                was_total := OLD.total; was_change := OLD.change;
            ELSE
                rid := NEW.report_id; cat := NEW.category;
                now_total := NEW.total; now_change := NEW.change;
            END IF;
            IF TG_OP = 'UPDATE' THEN
                IF OLD.total IS NOT DISTINCT FROM NEW.total
                   AND OLD.change IS NOT DISTINCT FROM NEW.change THEN
                    RETURN NULL;
                END IF;
                was_total := OLD.total; was_change := OLD.change;
            END IF;
            INSERT INTO report_figure_history (report_id, date, category, old_total,
                old_change, total, change, changed_by, changed_at)
            VALUES (rid, (SELECT date FROM report WHERE id = rid), cat, was_total,
                was_change, now_total, now_change, current_user, {_STAMP_PG});
            UPDATE report SET row_version = row_version + 1, changed_by = current_user,
                changed_at = {_STAMP_PG} WHERE id = rid;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER report_figure_history AFTER INSERT OR UPDATE OR DELETE"
        " ON report_figure FOR EACH ROW EXECUTE FUNCTION archive_figure_history()",
        """CREATE FUNCTION archive_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM nextval('archive_change_seq');
            PERFORM pg_notify('frontline_archive', pg_backend_pid()::text);
            RETURN NULL;
        END $$""",
    ):
        db.execute_sql(sql)
    for table in (
        "item",
        "report",
        "report_figure",
        "report_warning",
        "item_tag",
        "report_article",
        "oryx_loss",
        "trash",
    ):
        db.execute_sql(
            f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
            f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION archive_changed()"
        )


def step_9(db: Database) -> None:
    """The search index's words, kept beside it (`storage.search_terms`): a word still being
    typed is searched as the OR of the whole words it can become, which FTS5 reads a page at
    a time, instead of a prefix, which it merges whole first (seconds at a million items).

    `search_term` is filled from the index once (a pass over it); after that, triggers note
    in `search_term_todo` every item inserted or whose text changes, and the writer adds
    their words before it commits. A server searches with PostgreSQL's own prefix matching:
    nothing to do there.
    """
    if pg_schema.is_server(db):
        return
    for sql in (
        # docs: in how many items the word was found when they were written (deletes and
        # edits do not lower it): only for choosing a plan, never for a result.
        """CREATE TABLE search_term (
            term TEXT PRIMARY KEY,
            docs INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID""",
        "CREATE TABLE search_term_todo (item_id INTEGER PRIMARY KEY)",
    ):
        db.execute_sql(sql)
    # Frozen here (a later release may change the module): every word of the index.
    db.execute_sql("DROP TABLE IF EXISTS temp.search_term_fill")
    db.execute_sql(
        "CREATE VIRTUAL TABLE temp.search_term_fill USING fts5vocab(main, item_fts, row)"
    )
    db.execute_sql(
        "INSERT INTO search_term (term, docs) SELECT term, doc FROM temp.search_term_fill"
    )
    db.execute_sql("DROP TABLE temp.search_term_fill")
    for sql in (
        """CREATE TRIGGER search_term_ai AFTER INSERT ON item BEGIN
            INSERT OR IGNORE INTO search_term_todo (item_id) VALUES (new.id);
        END""",
        """CREATE TRIGGER search_term_au AFTER UPDATE OF title, lead, body, author, tags ON item
        BEGIN
            INSERT OR IGNORE INTO search_term_todo (item_id) VALUES (new.id);
        END""",
    ):
        db.execute_sql(sql)


def step_10(db: Database) -> None:
    """Items by source name: the counts beside the list read every item's source from this
    index alone (`storage.facet_index`: 0.3 s at 1,000,000 items, where a pass over the
    items' rows takes 1.4 s and more), and a source chosen in the filter panel finds its
    items without reading the others. The same on a server."""
    db.execute_sql("CREATE INDEX item_source_name ON item (source_name)")


def step_11(db: Database) -> None:
    """Filters that find their newest items first: kind and source with the publication time
    (a first page of briefs at 1,000,000 items read every brief and sorted them: 0.66 s;
    now an index step), and the starred and unread items alone, newest first (a first page
    of starred items read the whole date index: 3.3 s when none is starred). The kind and
    source indexes they replace were their first column. The same on a server."""
    for sql in (
        "CREATE INDEX item_kind_published ON item (kind, published_at)",
        "DROP INDEX item_kind",
        "CREATE INDEX item_source_published ON item (source_name, published_at)",
        "DROP INDEX item_source_name",
        "CREATE INDEX item_starred_published ON item (published_at) WHERE starred",
        "CREATE INDEX item_unread_published ON item (published_at) WHERE NOT is_read",
    ):
        db.execute_sql(sql)


def step_12(db: Database) -> None:
    """The read items alone, newest first, as the unread ones (schema 11): `is:read` read
    the whole date index when few items were read (3.4 s at 1,000,000 items, none read), and
    words among the read items checked every match. The same on a server."""
    db.execute_sql("CREATE INDEX item_read_published ON item (published_at) WHERE is_read")


def step_13(db: Database) -> None:
    """Items by author, newest first within each: an `author:` filter is matched among the
    authors' names (one step of this index per name) and, when few items have them, read
    from here, where every item's author was read (2.8 s at 1,000,000 items for a name
    nobody has). The same on a server."""
    db.execute_sql("CREATE INDEX item_author_published ON item (author, published_at)")


def step_14(db: Database) -> None:
    """An item's time must be one SQLite reads as a time: the search index is kept by it
    (`migrations._step_6`'s key), and another program's `'zzz'` or `''` gave the key NULL,
    after which FTS5 answered searches with other items ("database disk image is
    malformed" at the next check). Such a write is now refused, naming the column; a time
    already stored so is listed by the archive's check. A server's column is a typed
    timestamp: nothing to add there."""
    if pg_schema.is_server(db):
        return
    refusal = (
        "SELECT RAISE(ABORT, 'published_at: not a time as the archive stores them"
        " (2023-11-25T09:03:00Z)')"
    )
    for name, event in (("bi", "INSERT"), ("bu", "UPDATE OF published_at")):
        db.execute_sql(
            f"CREATE TRIGGER item_time_{name} BEFORE {event} ON item"
            f" WHEN strftime('%s', new.published_at) IS NULL BEGIN {refusal}; END"
        )


def step_15(db: Database) -> None:
    """Sort keys for titles and authors (`core.sort_key`): the Title and Author orders read
    `title_key` and `author_key`, whose code-point order is the Ukrainian alphabet's (NOCASE
    folded only Latin letters, `lower()` on a server put є, і, ї, ґ after я). Triggers note
    in `sort_key_todo` every item inserted or whose title or author changes, whoever writes
    it; the archive's commit makes their keys (`storage.sort_keys`), as for the search's
    words. Every item is noted here, so the upgrade's own commit fills the new columns. A
    server's copy (rows with their keys) notes only rows that come without one."""
    for sql in (
        "ALTER TABLE item ADD COLUMN title_key TEXT",
        "ALTER TABLE item ADD COLUMN author_key TEXT",
        "CREATE TABLE sort_key_todo (item_id INTEGER PRIMARY KEY)",
        "INSERT INTO sort_key_todo (item_id) SELECT id FROM item",
    ):
        db.execute_sql(sql)
    if not pg_schema.is_server(db):
        for sql in (
            """CREATE TRIGGER sort_key_ai AFTER INSERT ON item BEGIN
                INSERT OR IGNORE INTO sort_key_todo (item_id) VALUES (new.id);
            END""",
            """CREATE TRIGGER sort_key_au AFTER UPDATE OF title, author ON item BEGIN
                INSERT OR IGNORE INTO sort_key_todo (item_id) VALUES (new.id);
            END""",
        ):
            db.execute_sql(sql)
        return
    copying = "current_setting('frontline_archive.copying', true) = 'on'"
    for sql in (
        f"""CREATE FUNCTION archive_sort_key_todo() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {copying} AND NEW.title_key IS NOT NULL AND NEW.author_key IS NOT NULL THEN
                RETURN NULL;
            END IF;
            INSERT INTO sort_key_todo (item_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER item_sort_key AFTER INSERT OR UPDATE OF title, author ON item"
        " FOR EACH ROW EXECUTE FUNCTION archive_sort_key_todo()",
    ):
        db.execute_sql(sql)
