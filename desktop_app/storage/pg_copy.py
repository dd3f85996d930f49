"""Copying a whole archive between backends: an SQLite file to a PostgreSQL server and back.

`copy_archive(source, destination)` reads every table of the source in one snapshot and
writes it into a new (or empty) archive at the destination in one transaction: every row
with its id, the id counters (so an id a deleted item had is never given again), and the
search index, which each backend builds for itself from the rows. Both ends are brought to
the current schema first. A destination that already holds anything is refused, unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from peewee import Database, chunked, sort_models

from desktop_app.core.errors import ArchiveError
from desktop_app.storage import search_terms
from desktop_app.storage.db import models, pg_schema

# Tables a backend keeps for itself: its schema version, its search index.
# A file's search word list (schema 9) is made from its own index, not copied.
_OWN_TABLES = {pg_schema.VERSION_TABLE, "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}
_OWN_TABLES |= {"search_term", "search_term_todo"}
_BATCH = 1000


@dataclass
class CopySummary:
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _tables(db: Database) -> list[str]:
    if pg_schema.is_server(db):
        return sorted(pg_schema.table_names(db) - {"item_search"})
    rows = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE 'item_fts%'"
    ).fetchall()
    return sorted(str(r[0]) for r in rows)


def _columns(db: Database, table: str) -> dict[str, str]:
    """Column name → lower-case type, in the table's order."""
    if pg_schema.is_server(db):
        rows = db.execute_sql(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
            (table,),
        ).fetchall()
    else:
        rows = [(r[1], r[2]) for r in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]
    return {str(name): str(kind).lower() for name, kind in rows}


def _ordered(tables: list[str]) -> list[str]:
    """Parents before children (the models' foreign keys); tables without a model last."""
    by_name = {m._meta.table_name: m for m in models.BaseModel.__subclasses__()}
    known = [m._meta.table_name for m in sort_models(list(by_name.values()))]
    return [t for t in known if t in tables] + [t for t in tables if t not in by_name]


def _counter(db: Database, table: str) -> int:
    """The largest id the table's counter has given (deleted rows' ids included)."""
    if pg_schema.is_server(db):
        row = db.execute_sql(
            f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {table}_id_seq"
        ).fetchone()
    else:
        row = db.execute_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _set_counter(db: Database, table: str, value: int) -> None:
    if pg_schema.is_server(db):
        if value > 0:
            db.execute_sql(f"SELECT setval('{table}_id_seq', %s)", (value,))
        return
    db.execute_sql("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (value, table))
    if db.execute_sql("SELECT changes()").fetchone()[0] == 0 and value > 0:
        db.execute_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, value))


def _converter(kind: str, to_server: bool) -> Callable[[Any], Any]:
    if to_server and kind == "boolean":
        return lambda v: None if v is None else bool(v)
    if not to_server and kind in ("boolean", "bool"):
        return lambda v: None if v is None else int(v)
    if isinstance(kind, str) and kind == "date":
        return lambda v: v.isoformat() if isinstance(v, dt.date) else v
    return lambda v: v


def _rows(db: Database, table: str, columns: list[str]) -> Iterator[tuple[Any, ...]]:
    """The table's rows, `_BATCH` at a time. On a server through a cursor of its own (a
    plain psycopg2 cursor receives the whole result at once: a million items' rows would
    sit in memory together); SQLite steps its statement as rows are fetched."""
    names = ", ".join(f'"{c}"' for c in columns)
    order = ' ORDER BY "id"' if "id" in columns else ""
    sql = f'SELECT {names} FROM "{table}"{order}'
    if pg_schema.is_server(db):
        # WITH HOLD: psycopg2 sees an autocommit connection; the snapshot's transaction is
        # ours (`read_snapshot`), and its ROLLBACK closes the cursor.
        cursor = db.connection().cursor(name=f"frontline_copy_{table}", withhold=True)
        cursor.itersize = _BATCH
        cursor.execute(sql)
    else:
        cursor = db.execute_sql(sql)
    try:
        while batch := cursor.fetchmany(_BATCH):
            yield from batch
    finally:
        cursor.close()


def _is_empty(db: Database, tables: list[str]) -> bool:
    return all(db.execute_sql(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() is None for t in tables)


def copy_archive(
    source: Database,
    destination: Database,
    *,
    source_name: str,
    destination_name: str,
    progress: Callable[[str, int], None] | None = None,
) -> CopySummary:
    """Copy every row of `source` into the empty archive `destination` (both at the current
    schema, both open); one transaction on the destination, one snapshot of the source."""
    to_server = pg_schema.is_server(destination)
    summary = CopySummary()
    tables = [t for t in _tables(source) if t not in _OWN_TABLES]
    target_tables = set(_tables(destination))
    missing = [t for t in tables if t not in target_tables]
    if missing:
        raise ArchiveError(
            f"{destination_name}: has no table {', '.join(missing)}; both archives must be "
            "opened by this release first"
        )
    with pg_schema.read_snapshot(source), destination.atomic():
        if not _is_empty(destination, [t for t in tables if t in target_tables]):
            raise ArchiveError(
                f"{destination_name}: already holds an archive; copy only into a new, empty "
                "one (nothing was changed)"
            )
        triggers = _quiet_triggers(destination)
        for table in _ordered(tables):
            wanted = _columns(source, table)
            kinds = _columns(destination, table)
            columns = [c for c in wanted if c in kinds]
            convert = [_converter(kinds[c], to_server) for c in columns]
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
            count = 0
            cursor = destination.cursor()
            for batch in chunked(_rows(source, table, columns), _BATCH):
                values = [tuple(f(v) for f, v in zip(convert, row, strict=True)) for row in batch]
                cursor.executemany(_placeholders(destination, sql), values)
                count += len(values)
                if progress is not None:
                    progress(table, count)
            summary.rows[table] = count
            if "id" in columns:
                largest = destination.execute_sql(
                    f'SELECT coalesce(max("id"), 0) FROM "{table}"'
                ).fetchone()[0]
                _set_counter(destination, table, max(int(largest), _counter(source, table)))
        _restore_triggers(destination, triggers)
    return summary


def _quiet_triggers(db: Database) -> list[str]:
    """Rows arrive with their own versions, authors and history: the destination's triggers
    must not stamp them again. A server's triggers step aside for this transaction; a file's
    are dropped and created again at its end (the search index is then rebuilt whole)."""
    if pg_schema.is_server(db):
        db.execute_sql("SET LOCAL frontline_archive.copying = 'on'")
        return []
    rows = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()
    for name, _sql in rows:
        db.execute_sql(f'DROP TRIGGER "{name}"')
    return [str(sql) for _name, sql in rows]


def _restore_triggers(db: Database, triggers: list[str]) -> None:
    if pg_schema.is_server(db):
        return
    for sql in triggers:
        db.execute_sql(sql)
    db.execute_sql("INSERT INTO item_fts(item_fts) VALUES ('rebuild')")
    search_terms.refill(db)


def _placeholders(db: Database, sql: str) -> str:
    return sql.replace("?", "%s") if pg_schema.is_server(db) else sql
