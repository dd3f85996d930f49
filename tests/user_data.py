"""Every table that holds user data, as plain Python values: "exactly as before" for undo.

`tests.archive_dump` is the raw form (every column of every table, read from the file); this
one keeps what a user could tell apart. `user_data()` reads the archive the models are bound
to and returns, per table, a sorted list of row tuples. Rows are keyed by what the user can
see and name: an item by its id (undo and the Trash promise to put an item back under its
own id), a report by its date, a figure by (date, category), a link by (date, item id), a
Trash entry by what it holds. Surrogate ids of dependent rows (tags, figures, warnings,
links), which a restore may write anew, are left out, and so are the bookkeeping columns the
README names: who changed a row last and when (`changed_by`, `changed_at`, `updated_at`),
and the row's version, which only ever moves on (`version_moved_on` checks that apart).

The history of a report's figures only grows: `user_data()` leaves it out, and
`history_rows()` gives it alone, to check what a step added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from desktop_app.storage.db.models import database_proxy

Dump = dict[str, list[tuple[Any, ...]]]

# Per table: the SQL that reads its user data, every column named, sorted in SQL and again
# in Python (so that a NULL sorts the same way on every backend).
QUERIES: Mapping[str, str] = {
    "item": """
        SELECT id, kind, title, lead, body, body_html, date_estimated, author, published_at,
               source_name, source_url, tags, is_read, starred, created_at
        FROM item""",
    "item_tag": "SELECT item_id, tag FROM item_tag",
    "report": "SELECT date, day, qualifier, note, source FROM report",
    "report_figure": """
        SELECT r.date, f.category, f.total, f.change
        FROM report_figure f JOIN report r ON r.id = f.report_id""",
    "report_warning": """
        SELECT r.date, w.category, w.kind, w.message
        FROM report_warning w JOIN report r ON r.id = w.report_id""",
    "report_article": """
        SELECT r.date, a.item_id
        FROM report_article a JOIN report r ON r.id = a.report_id""",
    "trash": "SELECT kind, original_id, date, label, snapshot FROM trash",
    "source": """
        SELECT id, name, url, site_url, kind, as_kind, full_text, every_minutes, tags, etag,
               last_modified, checked_at, succeeded_at, last_error, failures, retry_after,
               gone, created_at
        FROM source""",
    "source_entry": """
        SELECT source_id, item_id, guid, url_key, title_key, content_hash, full_text_url,
               full_text_at, seen_at
        FROM source_entry""",
    "oryx_loss": """
        SELECT category, equipment_oryx, model, manufacturer, losses_total, imported_at
        FROM oryx_loss""",
}

HISTORY = """
    SELECT date, category, old_total, old_change, total, change
    FROM report_figure_history ORDER BY id"""


def _key(row: tuple[Any, ...]) -> tuple[tuple[bool, str], ...]:
    return tuple((value is None, repr(value)) for value in row)


def _rows(sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in database_proxy.execute_sql(sql).fetchall()]


def _trash_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A Trash entry without a report's row id (a report is named by its date, and an undone
    delete stores it again under a new id: nothing shows a report's id) nor an item's
    version (an item put back takes the next version, so deleted again its entry notes a
    later one: versions only move on, `version_moved_on` checks them)."""
    kind, _id, date, label, snapshot = row
    doc = json.loads(snapshot)
    if kind == "report":
        doc.pop("id", None)
        return (kind, None, date, label, json.dumps(doc, sort_keys=True))
    doc.pop("version", None)
    return (kind, _id, date, label, json.dumps(doc, sort_keys=True))


def user_data(*, history: bool = False) -> Dump:
    """The user data of every table, as sorted lists of tuples (see the module's text)."""
    dump = {name: _rows(sql) for name, sql in QUERIES.items()}
    dump["trash"] = [_trash_row(row) for row in dump["trash"]]
    dump = {name: sorted(rows, key=_key) for name, rows in dump.items()}
    if history:
        dump["report_figure_history"] = history_rows()
    return dump


def history_rows() -> list[tuple[Any, ...]]:
    """The history of every report's figures, oldest first: (date, category, before, after)."""
    return _rows(HISTORY)


def versions() -> dict[str, dict[Any, int]]:
    """Each item's version by id and each report's by date."""
    return {
        "item": dict(_rows("SELECT id, row_version FROM item")),
        "report": dict(_rows("SELECT date, row_version FROM report")),
    }


def version_moved_on(before: dict[str, dict[Any, int]], after: dict[str, dict[Any, int]]) -> list:
    """The rows whose version went back or stayed while their content changed: none, when
    every change moves a version on as the README promises (ConflictError relies on it).
    Only rows present in both are compared."""
    stuck = []
    for table in ("item", "report"):
        for key, version in before[table].items():
            if key in after[table] and after[table][key] < version:
                stuck.append((table, key, version, after[table][key]))
    return stuck


def differences(left: Dump, right: Dump) -> dict[str, tuple[list, list]]:
    """Per table that differs: (rows only in `left`, rows only in `right`); {} when equal.
    Made for assertion messages that say what an undo lost."""
    found = {}
    for name in sorted(set(left) | set(right)):
        a, b = left.get(name, []), right.get(name, [])
        if a != b:
            found[name] = ([r for r in a if r not in b], [r for r in b if r not in a])
    return found
