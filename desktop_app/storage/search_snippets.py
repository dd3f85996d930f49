"""Matched words in context for the rows the list shows (read a screen at a time)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.search_query import Query, make_snippet
from desktop_app.storage.db.models import database_proxy

# Markers around matched words in snippets; control characters never typed or stored, so the
# window can escape the text and then turn them into highlighting.
MARK_START, MARK_END = "\x02", "\x03"


def snippets(ids: Sequence[int], query: Query) -> dict[int, str]:
    """Matched words in context for the given rows, wrapped in MARK_START/MARK_END."""
    patterns = query.highlight_patterns()
    if not patterns or not ids:
        return {}
    out: dict[int, str] = {}
    marks = ",".join("?" * len(ids))
    rows = database_proxy.execute_sql(
        f"SELECT id, title, lead, body, tags FROM item WHERE id IN ({marks})", list(ids)
    )
    for item_id, *fields in rows.fetchall():
        # The first field with a match: a headline hit says more than a body hit.
        for text in fields:
            found = make_snippet(text or "", patterns, start_mark=MARK_START, end_mark=MARK_END)
            if found:
                out[item_id] = found
                break
    return out
