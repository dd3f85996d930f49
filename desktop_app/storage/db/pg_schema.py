"""The schema's first six versions as PostgreSQL writes them, and where a server keeps its
schema version.

`migrations.STEPS` are frozen SQLite DDL (FTS5, `INTEGER PRIMARY KEY AUTOINCREMENT`, flags as
integers); a server runs these twins of steps 1-6 instead, leaving the same tables, columns
and indexes (booleans as BOOLEAN, ids from sequences, the search index as a GIN index over a
`tsvector`). Later steps are written once and run on both backends. A server keeps its
version in a one-row table, `archive_schema`, where SQLite has `PRAGMA user_version`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

from peewee import Database, PostgresqlDatabase

VERSION_TABLE = "archive_schema"
SERVER_PREFIXES = ("postgresql://", "postgres://")


def is_server_address(text: object) -> bool:
    """Whether a `--database` value names an archive on a PostgreSQL server."""
    return isinstance(text, str) and text.lower().startswith(SERVER_PREFIXES)


def is_server(db: object) -> bool:
    """Whether `db` (or the database a proxy stands for) is a PostgreSQL server."""
    return isinstance(getattr(db, "obj", db), PostgresqlDatabase)


@contextmanager
def one_statement(db: object) -> Iterator[None]:
    """A statement that may fail on a value another program wrote, the rest going on. On a
    server inside a transaction, a savepoint around it (else its failure would abort the
    transaction); elsewhere a failed statement aborts nothing, and nothing is added."""
    server = getattr(db, "obj", db)
    status = getattr(server, "_in_transaction", None)
    if not is_server(server) or status is None or not status():
        yield
        return
    assert isinstance(server, Database)
    server.execute_sql("SAVEPOINT one_statement")
    try:
        yield
    except BaseException:
        server.execute_sql("ROLLBACK TO SAVEPOINT one_statement")
        raise
    server.execute_sql("RELEASE SAVEPOINT one_statement")


@contextmanager
def read_snapshot(db: Database) -> Iterator[None]:
    """One consistent read of the whole archive, however long it takes: a transaction that
    writes nothing (on a server, REPEATABLE READ READ ONLY), rolled back at the end."""
    if is_server(db):
        db.execute_sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    else:
        db.execute_sql("BEGIN")
    try:
        yield
    finally:
        db.execute_sql("ROLLBACK")


def schema_version(db: Database) -> int:
    (table,) = db.execute_sql(f"SELECT to_regclass('{VERSION_TABLE}')").fetchone()
    if table is None:
        return 0
    row = db.execute_sql(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
    return int(row[0] or 0)


def set_schema_version(db: Database, version: int) -> None:
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
    db.execute_sql(f"DELETE FROM {VERSION_TABLE}")
    db.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES ({int(version)})")


def table_names(db: Database) -> set[str]:
    """The tables and views in the schema the archive lives in (`current_schema()`)."""
    rows = db.execute_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    ).fetchall()
    return {str(r[0]) for r in rows}


def _run(db: Database, statements: tuple[str, ...]) -> None:
    for sql in statements:
        db.execute_sql(sql)


def _step_1(db: Database) -> None:
    _run(
        db,
        (
            """CREATE TABLE item (
            id SERIAL PRIMARY KEY,
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
            """CREATE TABLE report (
            id SERIAL PRIMARY KEY,
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
            id SERIAL PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
            category VARCHAR(255) NOT NULL,
            total INTEGER NOT NULL,
            change INTEGER)""",
            "CREATE UNIQUE INDEX report_figure_report_id_category"
            " ON report_figure (report_id, category)",
        ),
    )


def _step_2(db: Database) -> None:
    _run(
        db,
        (
            "ALTER TABLE item ADD COLUMN is_read BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE item ADD COLUMN starred BOOLEAN NOT NULL DEFAULT FALSE",
            """CREATE TABLE report_warning (
            id SERIAL PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
            category VARCHAR(255),
            kind VARCHAR(255) NOT NULL,
            message TEXT NOT NULL)""",
            "CREATE INDEX report_warning_report_id ON report_warning (report_id)",
        ),
    )


def _step_3(db: Database) -> None:
    _run(
        db,
        (
            "ALTER TABLE item ADD COLUMN body_html TEXT NOT NULL DEFAULT ''",
            """CREATE TABLE item_tag (
            id SERIAL PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
            tag TEXT NOT NULL)""",
            "CREATE UNIQUE INDEX item_tag_item_id_tag ON item_tag (item_id, tag)",
            "CREATE INDEX item_tag_tag ON item_tag (tag)",
            """CREATE TABLE report_article (
            id SERIAL PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE)""",
            "CREATE UNIQUE INDEX report_article_report_id_item_id"
            " ON report_article (report_id, item_id)",
            "CREATE INDEX report_article_item_id ON report_article (item_id)",
            """INSERT INTO report_article (report_id, item_id)
            SELECT id, article_id FROM report WHERE article_id IS NOT NULL""",
            "ALTER TABLE report DROP COLUMN article_id",
            """CREATE TABLE oryx_loss (
            id SERIAL PRIMARY KEY,
            category VARCHAR(255),
            equipment_oryx TEXT NOT NULL,
            model TEXT NOT NULL,
            manufacturer TEXT NOT NULL DEFAULT '',
            losses_total INTEGER NOT NULL,
            imported_at TEXT NOT NULL)""",
            "CREATE INDEX oryx_loss_category ON oryx_loss (category)",
        ),
    )
    # No archive of schema < 3 was ever made on a server: there are no comma-separated tags
    # to split into item_tag rows.


def _step_4(db: Database) -> None:
    _run(
        db,
        (
            """CREATE TABLE trash (
            id SERIAL PRIMARY KEY,
            kind VARCHAR(255) NOT NULL,
            original_id INTEGER NOT NULL,
            date DATE,
            label TEXT NOT NULL,
            snapshot TEXT NOT NULL,
            deleted_at TEXT NOT NULL)""",
            "CREATE INDEX trash_kind_original_id ON trash (kind, original_id)",
            "CREATE INDEX trash_date ON trash (date)",
        ),
    )


def _step_5(db: Database) -> None:
    db.execute_sql("ALTER TABLE item ADD COLUMN date_estimated BOOLEAN NOT NULL DEFAULT FALSE")


@cache
def accent_table() -> tuple[str, str]:
    """Lower-case Latin letters with diacritics and their plain letters: what SQLite's
    `remove_diacritics 2` folds (é → e, ş → s; Cyrillic й and ї stay letters of their own)."""
    accented, plain = [], []
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        letter = chr(code)
        base = unicodedata.normalize("NFD", letter)[0]
        if letter.islower() and base != letter and base.isascii() and base.isalpha():
            accented.append(letter)
            plain.append(base)
    return "".join(accented), "".join(plain)


def _step_6(db: Database) -> None:
    """Full-text search: the words of title, lead, tags, author and body as a weighted
    `tsvector` ('simple' configuration: no stemming, no stop words, the same for Ukrainian and
    English), found through a GIN index over that expression.

    Words are split as SQLite's unicode61 splits them (anything but a letter or a digit
    separates), lower-cased, and Latin diacritics removed, so both backends find the same
    items. Needs a database whose LC_CTYPE is a UTF-8 locale (lower() of Cyrillic)."""
    (folds,) = db.execute_sql("SELECT lower('ЇЖАК') = 'їжак'").fetchone()
    if not folds:
        raise RuntimeError(
            "this database's LC_CTYPE does not know Cyrillic letters; create it with a UTF-8 "
            "locale (CREATE DATABASE … LC_CTYPE 'C.UTF-8' TEMPLATE template0)"
        )
    (schema,) = db.execute_sql("SELECT quote_ident(current_schema())").fetchone()
    accented, plain = accent_table()
    words = "to_tsvector('simple'::regconfig, {s}.archive_search_text({c}))"
    vector = " || ".join(
        f"setweight({words.format(s=schema, c=column)}, '{weight}')"
        for column, weight in (("title", "A"), ("lead", "B"), ("tags", "B"), ("author", "C"))
    )
    vector += f" || setweight({words.format(s=schema, c='body')}, 'D')"
    _run(
        db,
        (
            f"""CREATE FUNCTION {schema}.archive_search_text(words TEXT) RETURNS TEXT
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT translate(lower(regexp_replace(coalesce(words, ''), '[^[:alnum:]]+', ' ',
                'g')), '{accented}', '{plain}') $$""",
            f"""CREATE FUNCTION {schema}.item_search_vector(
                title TEXT, lead TEXT, body TEXT, author TEXT, tags TEXT) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT {vector} $$""",
            "CREATE INDEX item_search ON item"
            " USING gin (item_search_vector(title, lead, body, author, tags))",
            # The list's default order (newest first, ties by the higher id).
            "CREATE INDEX item_published_at_id ON item (published_at DESC, id DESC)",
        ),
    )


# Steps 1-6 on a server; steps after 6 in `migrations.STEPS` run on both backends.
STEPS: dict[int, Callable[[Database], None]] = {
    1: _step_1,
    2: _step_2,
    3: _step_3,
    4: _step_4,
    5: _step_5,
    6: _step_6,
}
