"""`maintain` and File ▸ Check archive on a server archive: what a PostgreSQL database can be
asked about itself. Its pages are the server's business (checksums, its own backups); here:
the archive's tables, the search index's validity, and the rows' references."""

from __future__ import annotations

from desktop_app.storage.db import pg_schema
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.stored_times import foreign_times
from desktop_app.storage.stored_values import foreign_values

# (table, column, parent table) that must point at an existing row.
_REFERENCES = (
    ("report_figure", "report_id", "report"),
    ("report_warning", "report_id", "report"),
    ("item_tag", "item_id", "item"),
    ("report_article", "report_id", "report"),
    ("report_article", "item_id", "item"),
)


def check_server() -> list[str]:
    """Problems found (an empty list: all is well)."""
    problems: list[str] = []
    names = pg_schema.table_names(database_proxy)
    for table in ("item", "report", "report_figure", "item_tag", "report_article", "trash"):
        if table not in names:
            problems.append(f"database: the table {table} is missing")
    if problems:
        return problems
    invalid = database_proxy.execute_sql(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        " JOIN pg_class t ON t.oid = i.indrelid"
        " WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisvalid"
    ).fetchall()
    problems += [f"index {r[0]}: not valid (rebuild it with --rebuild-index)" for r in invalid]
    for table, column, parent in _REFERENCES:
        (orphans,) = database_proxy.execute_sql(
            f"SELECT count(*) FROM {table} WHERE NOT EXISTS"
            f" (SELECT 1 FROM {parent} WHERE {parent}.id = {table}.{column})"
        ).fetchone()
        if orphans:
            problems.append(f"{table}: {orphans} rows refer to a missing {parent} row")
    return problems + foreign_times() + foreign_values()


def rebuild_server_index() -> None:
    database_proxy.execute_sql("REINDEX INDEX item_search")


def compact_server() -> tuple[int, int]:
    """VACUUM (outside any transaction); the database's size before and after, in bytes."""

    def size() -> int:
        row = database_proxy.execute_sql("SELECT pg_database_size(current_database())")
        return int(row.fetchone()[0])

    before = size()
    database_proxy.execute_sql("VACUUM ANALYZE")
    return before, size()
