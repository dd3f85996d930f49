"""Demo content for a new archive, so the first window shows what the program does.

The articles and briefs are written for this project; the reports are the official
figures of the days they cover.
"""

from __future__ import annotations

import json
from importlib import resources

from desktop_app.core.formats.frontline import read_frontline_json
from desktop_app.storage.importing import FileImportSummary, import_content

DEMO_SOURCE = "demo"


def _demo_text(name: str) -> str:
    return (resources.files("desktop_app") / "resources" / "demo" / name).read_text("utf-8")


def seed_demo_content() -> FileImportSummary:
    """Import the bundled demo items and reports in one transaction."""
    reports, _ = read_frontline_json(_demo_text("reports.json"), source="reports.json")
    items_doc = json.dumps({"frontline_archive": 1, "items": json.loads(_demo_text("items.json"))})
    _, items = read_frontline_json(items_doc, source="items.json")
    return import_content(reports, items, source=DEMO_SOURCE)
