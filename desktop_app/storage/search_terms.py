"""The search index's words, kept beside it, so that a word still being typed can be searched
as the few whole words it can become.

While the user types, the last word is searched as a prefix (`kharki*`). FTS5 without a prefix
index answers a prefix by merging the full lists of every word that starts so before it returns
its first row: seconds at a million items for `in*`. The same rows, in the same order, come
from `("kharkiv" OR "kharkivska")`, which FTS5 reads lazily, a page at a time. For that the
words must be known without a pass over the index (`fts5vocab` reads every list).

`search_term` (schema 9) holds every word the index holds: filled from the index at the
upgrade, then kept in step from the items' own text, cut into words by FTS5's own tokenizer (a
small temporary FTS5 table with the index's tokenizer and an `fts5vocab` over it), so a word is
spelt exactly as the index spells it. Triggers note each item written or whose text changed in
`search_term_todo`; `catch_up` turns those notes into words, in the transaction that wrote the
items (the archive's commit calls it). A word no longer in the index may stay (an OR with it
finds nothing more); a missing one would lose rows, so a search expands prefixes only while
`search_term_todo` is empty, and otherwise asks FTS5 for the prefix as before.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Sequence
from typing import Any

# The tokenizer when the index's own definition cannot be read (schema 6's).
_DEFAULT_TOKENIZE = "unicode61 remove_diacritics 2"
_TOKENIZE = re.compile(r"tokenize\s*=\s*'((?:[^']|'')*)'", re.IGNORECASE)


def _connection(db: Any) -> sqlite3.Connection:
    """The sqlite3 connection behind `db` (a peewee database or the connection itself)."""
    if isinstance(db, sqlite3.Connection):
        return db
    conn = db.connection()
    assert isinstance(conn, sqlite3.Connection)
    return conn


def tokenize_option(conn: sqlite3.Connection) -> str:
    """The `tokenize` option the archive's full-text index was made with."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'item_fts'").fetchone()
    found = _TOKENIZE.search(row[0] if row else "")
    return found.group(1).replace("''", "'") if found else _DEFAULT_TOKENIZE


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def fill_from_index(conn: sqlite3.Connection) -> None:
    """Every word of the full-text index into `search_term` (once, at the upgrade: a pass
    over the whole index)."""
    conn.execute("DROP TABLE IF EXISTS temp.search_term_fill")
    conn.execute("CREATE VIRTUAL TABLE temp.search_term_fill USING fts5vocab(main, item_fts, row)")
    conn.execute("INSERT OR IGNORE INTO search_term (term) SELECT term FROM temp.search_term_fill")
    conn.execute("DROP TABLE temp.search_term_fill")


def pending(db: Any) -> bool:
    """Whether items were written whose words are not in `search_term` yet."""
    conn = _connection(db)
    try:
        row = conn.execute("SELECT EXISTS (SELECT 1 FROM search_term_todo)").fetchone()
    except sqlite3.OperationalError:
        return True  # no word list (an archive not yet upgraded): never expand
    return bool(row[0])


def catch_up(db: Any) -> int:
    """Add the words of the items noted in `search_term_todo` and clear the notes; returns
    how many items were read. Call it inside the transaction that wrote them (the archive's
    commit does); cheap when nothing is noted."""
    conn = _connection(db)
    try:
        noted = conn.execute("SELECT count(*) FROM search_term_todo").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # no word list in this file
    if not noted:
        return 0
    tokenize = tokenize_option(conn)
    # Contentless and without positions: only the words are wanted. Per connection (temp),
    # made once; an index with another tokenizer gets a scratch table of its own.
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_term_text USING fts5("
        "title, lead, body, author, tags, content='', detail=none, "
        f"tokenize={_quoted(tokenize)})"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_term_words "
        "USING fts5vocab(temp, search_term_text, row)"
    )
    conn.execute(
        "INSERT INTO temp.search_term_text (title, lead, body, author, tags) "
        "SELECT title, lead, body, author, tags FROM item "
        "WHERE id IN (SELECT item_id FROM search_term_todo)"
    )
    conn.execute("INSERT OR IGNORE INTO search_term (term) SELECT term FROM temp.search_term_words")
    conn.execute("INSERT INTO temp.search_term_text (search_term_text) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_term_todo")
    return int(noted)


# Per thread: an in-memory SQLite connection that only cuts typed text into words.
_local = threading.local()


def fold(text: str, tokenize: str) -> list[str]:
    """`text` as the index's tokenizer cuts and spells it (case and accents folded), in order.

    Done by FTS5 itself (the same SQLite library as the archive's), not imitated in Python,
    so a word typed here is spelt exactly as the index spells it.
    """
    memo: dict[tuple[str, str], list[str]] | None = getattr(_local, "memo", None)
    if memo is None:
        memo = _local.memo = {}
        _local.conn = sqlite3.connect(":memory:", check_same_thread=False)
        _local.tables = {}
    key = (text, tokenize)
    if key in memo:
        return memo[key]
    conn: sqlite3.Connection = _local.conn
    tables: dict[str, str] = _local.tables
    name = tables.get(tokenize)
    if name is None:
        name = tables[tokenize] = f"fold{len(tables)}"
        conn.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5(t, content='', tokenize={_quoted(tokenize)})"
        )
        conn.execute(f"CREATE VIRTUAL TABLE {name}_v USING fts5vocab({name}, instance)")
    conn.execute(f"INSERT INTO {name} (rowid, t) VALUES (1, ?)", (text,))
    words = [r[0] for r in conn.execute(f"SELECT term FROM {name}_v ORDER BY offset")]
    conn.execute(f"INSERT INTO {name} ({name}) VALUES ('delete-all')")
    if len(memo) > 512:
        memo.clear()
    memo[key] = words
    return words


def words_starting(db: Any, prefix: str, limit: int) -> Sequence[str] | None:
    """The index's words that start with `prefix` (folded), or None when there are more
    than `limit` of them."""
    conn = _connection(db)
    found: list[str] = []
    # Words sort by their UTF-8 bytes (BINARY), as code points: those starting with the
    # prefix follow it without a gap.
    for (term,) in conn.execute(
        "SELECT term FROM search_term WHERE term >= ? ORDER BY term LIMIT ?", (prefix, limit + 1)
    ):
        if not term.startswith(prefix):
            break
        found.append(term)
    return None if len(found) > limit else found
