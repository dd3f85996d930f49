from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.search_query import fts5_query


def test_words_are_quoted_and_the_last_one_is_a_prefix_while_typing() -> None:
    assert fts5_query("sumy shel") == '"sumy" "shel"*'
    assert fts5_query("sumy shelling ") == '"sumy" "shelling"'
    assert fts5_query('") OR * NEAR(') == '"OR" "NEAR"'
    assert fts5_query(":: -- ()") is None


@given(st.text())
def test_any_text_becomes_a_query_fts5_accepts(text: str) -> None:
    query = fts5_query(text)
    if query is None:
        return
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    con.execute("INSERT INTO t VALUES ('drone debris fell on a warehouse')")
    con.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()
