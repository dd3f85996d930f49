"""Matched words in context for the rows the list shows (read a screen at a time); without
words to match, the beginning of each item's text instead."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.search_query import Query, make_preview, make_snippet
from desktop_app.storage.db.models import database_proxy

# Markers around matched words in snippets; control characters never typed or stored, so the
# window can escape the text and then turn them into highlighting.
MARK_START, MARK_END = "\x02", "\x03"
# How much of a body is read for its preview: more than its first words take.
PREVIEW_CHARS = 600


def snippets(ids: Sequence[int], query: Query) -> dict[int, str]:
    """Matched words in context for the given rows, wrapped in MARK_START/MARK_END; for a
    search without words, each row's preview (`previews`)."""
    patterns = query.highlight_patterns()
    if not ids:
        return {}
    if not patterns:
        return previews(ids)
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


def previews(ids: Sequence[int]) -> dict[int, str]:
    """The first words of each item's lead, or of its body when it has no lead (none when
    it has neither): what the list shows beside the titles when nothing is searched for."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = database_proxy.execute_sql(
        f"SELECT id, lead, substr(body, 1, ?), length(body) > ? FROM item WHERE id IN ({marks})",
        [PREVIEW_CHARS, PREVIEW_CHARS, *ids],
    )
    out: dict[int, str] = {}
    for item_id, lead, body, longer in rows.fetchall():
        text, cut = (lead, False) if (lead or "").strip() else (body or "", bool(longer))
        shown = make_preview(text, cut=cut)
        if shown:
            out[item_id] = shown
    return out
