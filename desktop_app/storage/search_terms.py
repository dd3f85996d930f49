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

from desktop_app.core.search_query import Alternative, Expansions, Query, Term

# The tokenizer when the index's own definition cannot be read (schema 6's).
_DEFAULT_TOKENIZE = "unicode61 remove_diacritics 2"
_TOKENIZE = re.compile(r"tokenize\s*=\s*'((?:[^']|'')*)'", re.IGNORECASE)


def _connection(db: Any) -> sqlite3.Connection | None:
    """The sqlite3 connection behind `db` (a peewee database or the connection itself); None
    for a server, which keeps no word list."""
    conn = db if isinstance(db, sqlite3.Connection) else db.connection()
    return conn if isinstance(conn, sqlite3.Connection) else None


def tokenize_option(conn: sqlite3.Connection) -> str:
    """The `tokenize` option the archive's full-text index was made with."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'item_fts'").fetchone()
    found = _TOKENIZE.search(row[0] if row else "")
    return found.group(1).replace("''", "'") if found else _DEFAULT_TOKENIZE


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def refill(db: Any) -> None:
    """The word list made again from the full-text index (a pass over it): after the index
    itself was rebuilt from the items, or rows were copied in with the triggers off."""
    conn = _connection(db)
    if conn is None:
        return
    conn.execute("DELETE FROM search_term")
    conn.execute("DELETE FROM search_term_todo")
    conn.execute("DROP TABLE IF EXISTS temp.search_term_fill")
    conn.execute("CREATE VIRTUAL TABLE temp.search_term_fill USING fts5vocab(main, item_fts, row)")
    conn.execute("INSERT INTO search_term (term, docs) SELECT term, doc FROM temp.search_term_fill")
    conn.execute("DROP TABLE temp.search_term_fill")


def pending(db: Any) -> bool:
    """Whether items were written whose words are not in `search_term` yet."""
    conn = _connection(db)
    if conn is None:
        return True
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
    if conn is None:
        return 0
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
    conn.execute(
        "INSERT INTO search_term (term, docs) SELECT term, doc FROM temp.search_term_words "
        "WHERE true ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs"
    )
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


# What reading one more word lazily costs FTS5 (finding its list in every segment of the
# index), in postings merged: a prefix's words are merged up front, one posting at a time.
# Measured on a 1,000,000-item index with a long tail of rare words (docs/BENCHMARKS.md).
TERM_COST = 300
# More words than this under one prefix are not planned: reading and planning them took
# 20-45 ms for 11,000 words, about what the plan saved (a one-letter prefix of a long-tail
# vocabulary); the prefix is searched as it is.
MAX_WORDS = 2_000


def _plan(
    rows: Sequence[tuple[str, int]], sums: Sequence[int], lo: int, hi: int, prefix: str
) -> tuple[int, list[tuple[str, bool]]]:
    """The cheapest way to find the words `rows[lo:hi]` (all those starting with `prefix`):
    the prefix merged whole, or each next letter's words planned alike (and the prefix
    itself as a word). Returns (cost, [(text, is_prefix)])."""
    docs = sums[hi] - sums[lo]
    whole = TERM_COST + docs
    if hi - lo == 1:
        return TERM_COST, [(rows[lo][0], False)]
    if docs <= TERM_COST:
        return whole, [(prefix, True)]
    cost, parts = 0, []
    i = lo
    if rows[i][0] == prefix:
        cost, parts, i = TERM_COST, [(prefix, False)], i + 1
    n = len(prefix)
    while i < hi and cost < whole:
        sub = rows[i][0][: n + 1]
        j = i + 1
        while j < hi and rows[j][0].startswith(sub):
            j += 1
        sub_cost, sub_parts = _plan(rows, sums, i, j, sub)
        cost += sub_cost
        parts += sub_parts
        i = j
    return (cost, parts) if cost < whole else (whole, [(prefix, True)])


def plan_prefix(db: Any, prefix: str) -> list[tuple[str, bool]] | None:
    """Words and shorter prefixes (text, is_prefix) whose OR finds exactly what `prefix*`
    finds, at less cost: the frequent words read lazily, the rare ones merged. None when the
    prefix as it is costs least (or has more than MAX_WORDS words, or none)."""
    conn = _connection(db)
    if conn is None:
        return None
    rows: list[tuple[str, int]] = []
    # Words sort by their UTF-8 bytes (BINARY), as code points: those starting with the
    # prefix follow it without a gap.
    for term, docs in conn.execute(
        "SELECT term, docs FROM search_term WHERE term >= ? ORDER BY term LIMIT ?",
        (prefix, MAX_WORDS + 1),
    ):
        if not term.startswith(prefix):
            break
        rows.append((term, max(0, docs)))
    if not rows or len(rows) > MAX_WORDS:
        return None
    sums = [0]
    for _term, docs in rows:
        sums.append(sums[-1] + docs)
    _cost, parts = _plan(rows, sums, 0, len(rows), prefix)
    return None if parts == [(prefix, True)] else parts


def expansions(conn: sqlite3.Connection, query: Query, *, limit: int) -> Expansions | None:
    """The query's prefix terms as the cheaper OR each can be, where it has at most `limit`
    parts; None when nothing is expanded. Only while the word list is complete (`pending`):
    a word missing from it would lose rows."""
    if pending(conn):
        return None
    tokenize = tokenize_option(conn)
    out: dict[Term, list[Alternative]] = {}
    for term in query.prefix_terms():
        words = fold(" ".join(term.tokens), tokenize)
        if not words:
            continue
        parts = plan_prefix(conn, words[-1])
        if parts is not None and len(parts) <= limit:
            out[term] = [((*words[:-1], text), is_prefix) for text, is_prefix in parts]
    return out or None
