"""Checking and tidying the archive file: SQLite's own integrity check, the full-text index's,
and the optional repairs (rebuild the index from the items, compact the file).

Checks only read. A rebuild or a compaction rewrites data, so the caller takes a backup first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from peewee import DatabaseError

from desktop_app.storage import pg_maintenance, search_terms
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.db.pg_schema import is_server
from desktop_app.storage.stored_times import foreign_times
from desktop_app.storage.stored_values import foreign_values


@dataclass
class Health:
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# What `check_archive` tells its `step` before each part (at 1,000,000 items: 40 s, 0.6 s,
# 3.3-4.1 s with the stored values, and 23 s). A server is checked in one part.
CHECK_STAGES = ("database", "references", "stored values", "search index")


def check_archive(
    *, read_only: bool = False, step: Callable[[int, int, str], None] | None = None
) -> Health:
    """SQLite's integrity check, foreign keys, and the full-text index against the items.

    FTS5's own check is issued as an INSERT, which a read-only archive refuses; there the
    index is compared with the items by count only. `step(done, total, stage)` is called
    before each of `CHECK_STAGES` (it may raise to stop the check; each stage is one
    statement, which another thread can interrupt).
    """

    def stage(done: int) -> None:
        if step is not None:
            step(done, len(CHECK_STAGES), CHECK_STAGES[done])

    health = Health()
    if is_server(database_proxy):
        stage(0)
        health.problems = pg_maintenance.check_server()
        return health
    stage(0)
    rows = [r[0] for r in database_proxy.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        health.problems += [f"database: {r}" for r in rows[:20]]
    stage(1)
    for table, rowid, parent, _fk in database_proxy.execute_sql(
        "PRAGMA foreign_key_check"
    ).fetchall()[:20]:
        health.problems.append(f"{table} row {rowid}: refers to a missing {parent} row")
    stage(2)
    health.problems += foreign_times() + foreign_values()
    stage(3)
    if read_only:
        indexed = database_proxy.execute_sql("SELECT count(*) FROM item_fts_docsize").fetchone()
        items = database_proxy.execute_sql("SELECT count(*) FROM item").fetchone()
        if indexed[0] != items[0]:
            health.problems.append(
                f"search index: {indexed[0]} entries for {items[0]} items (rebuild it with "
                "--rebuild-index on a writable copy)"
            )
        return health
    try:
        # FTS5 compares its index with the items table it indexes (external content).
        database_proxy.execute_sql(
            "INSERT INTO item_fts(item_fts, rank) VALUES ('integrity-check', 1)"
        )
    except DatabaseError as exc:
        health.problems.append(f"search index: {exc} (rebuild it with --rebuild-index)")
    return health


def rebuild_search_index() -> None:
    """Build the full-text index again from the items, in one transaction."""
    if is_server(database_proxy):
        pg_maintenance.rebuild_server_index()
        return
    with database_proxy.atomic():
        database_proxy.execute_sql("INSERT INTO item_fts(item_fts) VALUES ('rebuild')")
        search_terms.refill(database_proxy)  # the search's word list, from the new index


def compact() -> tuple[int, int]:
    """VACUUM the file (outside any transaction, as SQLite requires); bytes before and after."""

    if is_server(database_proxy):
        return pg_maintenance.compact_server()

    def size() -> int:
        pages = database_proxy.execute_sql("PRAGMA page_count").fetchone()[0]
        page = database_proxy.execute_sql("PRAGMA page_size").fetchone()[0]
        return int(pages) * int(page)

    before = size()
    database_proxy.execute_sql("VACUUM")
    return before, size()
