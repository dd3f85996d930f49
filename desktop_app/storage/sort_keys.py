"""Title and author sort keys kept in step with the items (schema 15).

Triggers note in `sort_key_todo` each item inserted or whose title or author changed, whoever
wrote it; `catch_up`, called by the archive's commit (both backends), makes their keys with
`core.sort_key` in the same transaction. An item another program wrote is noted too, and keyed
at the next commit of ours or the next open; until then its key is NULL and it still shows,
at one end of the Title or Author order.
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.sort_key import sort_key
from desktop_app.storage.db import pg_schema

_BATCH = 1000


def _has_table(db: Any) -> bool:
    """Whether the archive holds `sort_key_todo` (schema 15). A server's answer is kept once
    it does (a server archive is never taken back to an older schema); a file's is read each
    time, one lookup in its schema (restoring an older backup replaces the file)."""
    if not pg_schema.is_server(db):
        row = db.execute_sql(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sort_key_todo')"
        ).fetchone()
        return bool(row[0])
    if getattr(db, "_sort_keys_known", False):
        return True
    row = db.execute_sql("SELECT to_regclass('sort_key_todo') IS NOT NULL").fetchone()
    found = bool(row[0])
    if found:
        db._sort_keys_known = True
    return found


def pending(db: Any) -> bool:
    """Whether items were written whose keys are not made yet."""
    if not _has_table(db):
        return False
    return db.execute_sql("SELECT 1 FROM sort_key_todo LIMIT 1").fetchone() is not None


def catch_up(db: Any) -> int:
    """Key the items noted in `sort_key_todo` and clear the notes; returns how many. Call it
    inside the transaction that wrote them (the archive's commit does); one small read when
    nothing is noted."""
    if not pending(db):
        return 0
    mark = "%s" if pg_schema.is_server(db) else "?"
    # A page of notes at a time, by id: an import of a million items notes each of them, and
    # their titles read at once would double the import's peak memory. A note of an item
    # deleted since has no item: it is passed over, not taken for the end of the notes.
    read = (
        "SELECT sort_key_todo.item_id, item.id, item.title, item.author FROM sort_key_todo"
        " LEFT JOIN item ON item.id = sort_key_todo.item_id"
        f" WHERE sort_key_todo.item_id > {mark}"
        f" ORDER BY sort_key_todo.item_id LIMIT {_BATCH}"
    )
    update = f"UPDATE item SET title_key = {mark}, author_key = {mark} WHERE id = {mark}"
    cursor = db.cursor()
    done, after = 0, -1
    while batch := db.execute_sql(read, (after,)).fetchall():
        cursor.executemany(
            update,
            [
                (sort_key(title or ""), sort_key(author or ""), id_)
                for _note, id_, title, author in batch
                if id_ is not None
            ],
        )
        done += sum(row[1] is not None for row in batch)
        after = batch[-1][0]
    db.execute_sql("DELETE FROM sort_key_todo")
    return done
