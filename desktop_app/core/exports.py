"""The program's own export formats for reports and items (JSON and CSV).

The JSON carries a `frontline_archive` marker with the format version so that an import can
recognise it; CSV has one row per report (or item) and a column pair per category.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from desktop_app.core.categories import KEYS
from desktop_app.core.item import ItemData
from desktop_app.core.report import LossReport

EXPORT_VERSION = 1


def item_to_json(item: ItemData) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": item.kind,
        "title": item.title,
        "lead": item.lead,
        "body": item.body,
        "author": item.author,
        "published_at": item.published_at.isoformat(),
        "source_name": item.source_name,
        "source_url": item.source_url,
        "tags": list(item.tags),
    }
    if item.body_html:
        out["body_html"] = item.body_html
    return out


def reports_to_json(reports: Sequence[LossReport]) -> str:
    doc = {"frontline_archive": EXPORT_VERSION, "reports": [r.to_json() for r in reports]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def items_to_json(items: Sequence[ItemData]) -> str:
    doc = {"frontline_archive": EXPORT_VERSION, "items": [item_to_json(i) for i in items]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def reports_to_csv(reports: Sequence[LossReport]) -> str:
    """One row per report; `<key>` is the total, `<key>_change` the change (empty = none)."""
    used = [k for k in KEYS if any(k in r.figures for r in reports)]
    header = ["date", "day", "qualifier", "note"]
    for key in used:
        header += [key, f"{key}_change"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for rep in reports:
        row: list[Any] = [
            rep.date.isoformat() if rep.date else "",
            rep.day or "",
            rep.qualifier or "",
            rep.note or "",
        ]
        for key in used:
            fig = rep.figures.get(key)
            if fig is None:
                row += ["", ""]
            else:
                row += [fig.total, "" if fig.change is None else fig.change]
        writer.writerow(row)
    return out.getvalue()


def items_to_csv(items: Sequence[ItemData]) -> str:
    fields = [
        "kind",
        "published_at",
        "title",
        "author",
        "source_name",
        "source_url",
        "tags",
        "lead",
        "body",
        "body_html",
    ]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for item in items:
        row = item_to_json(item)
        row["tags"] = ", ".join(item.tags)
        row["source_url"] = item.source_url or ""
        row["body_html"] = item.body_html
        writer.writerow({k: row[k] for k in fields})
    return out.getvalue()
