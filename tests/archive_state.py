"""What "the archive is exactly as it was" means on each backend: an SQLite file's bytes
(after a checkpoint), or a server archive's every row. (Not its id sequences: PostgreSQL
never gives a sequence's numbers back, even when the transaction that took them rolls back;
the next id is then one more than it would have been, and no row is different.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def snapshot(db: Any, path: Path) -> object:
    if not getattr(db, "server", False):
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return path.read_bytes()
    return server_rows(db)


def server_rows(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    tables = db.execute_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_type = 'BASE TABLE' ORDER BY table_name"
    ).fetchall()
    for (table,) in tables:
        out[table] = sorted(
            (tuple(r) for r in db.execute_sql(f'SELECT * FROM "{table}"').fetchall()), key=repr
        )
    return out
