"""The program's own export formats for reports and items (JSON and CSV).

The JSON carries a `frontline_archive` marker with the format version so that an import can
recognise it; CSV has one row per report (or item) and a column pair per category.

Version 2 adds provenance: each report says where it came from (`source`: "manual" for a
report entered by hand, else the format it was imported from) and which articles published
it (`articles`, each named by its link, or by kind, title and time when it has none); each
item lists the dates of the reports it is linked to (`reports`). Version 1 files, without
these fields, still import.

Each item also carries the reader's marks, `starred` and `read` (CSV: `yes` or empty, in the
last two columns). They came later within version 2, without a new version number, since
a reader that does not know them passes over them; a file without them imports its items
unstarred and unread.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any

from desktop_app.core.categories import KEYS
from desktop_app.core.item import ItemData
from desktop_app.core.provenance import EXPORT_VERSION, ArticleRef, Provenance
from desktop_app.core.report import LossReport

__all__ = [
    "EXPORT_VERSION",
    "ArticleRef",
    "Provenance",
    "items_csv_parts",
    "items_json_parts",
    "items_to_csv",
    "items_to_json",
]

# An item and the dates of the reports it is linked to.
LinkedItem = tuple[ItemData, Sequence[dt.date]]


def _report_json(report: LossReport, prov: Provenance | None) -> dict[str, Any]:
    out = report.to_json()
    if prov is not None:
        out["source"] = prov.source
        if prov.articles:
            out["articles"] = [a.to_json() for a in prov.articles]
    return out


def item_to_json(item: ItemData, report_dates: Sequence[dt.date] = ()) -> dict[str, Any]:
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
    if item.date_estimated:
        out["date_estimated"] = True
    out["starred"] = item.starred
    out["read"] = item.read
    if report_dates:
        out["reports"] = [d.isoformat() for d in report_dates]
    return out


def reports_to_json(
    reports: Sequence[LossReport], provenance: Mapping[dt.date, Provenance] | None = None
) -> str:
    prov = provenance or {}
    doc = {
        "frontline_archive": EXPORT_VERSION,
        "reports": [_report_json(r, prov.get(r.date) if r.date else None) for r in reports],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def items_to_json(
    items: Sequence[ItemData], report_dates: Sequence[Sequence[dt.date]] | None = None
) -> str:
    """`report_dates[i]`: the dates of the reports item i is linked to (none when omitted)."""
    links = report_dates or [()] * len(items)
    return "".join(items_json_parts(zip(items, links, strict=True)))


def items_json_parts(items: Iterable[LinkedItem]) -> Iterator[str]:
    """`items_to_json`'s text in pieces, an item at a time, for a file written as it is
    made: the same text as `json.dumps` of the whole document with `indent=1`."""
    yield f'{{\n "frontline_archive": {json.dumps(EXPORT_VERSION)},\n "items": ['
    before = "\n"
    for item, dates in items:
        yield before + item_json_text(item_to_json(item, dates))
        before = ",\n"
    yield "]\n}\n" if before == "\n" else "\n ]\n}\n"


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _json_value(value: object) -> str:
    # Text (nearly every value) straight to the C function JSONEncoder.encode ends in.
    return encode_basestring(value) if type(value) is str else _ENCODE(value)


def item_json_text(fields: dict[str, Any]) -> str:
    """An item's object as `json.dumps(…, indent=1)` writes it inside the export's `items`
    list (two levels deep), its values encoded by the C encoder: with an indent, json uses
    its Python encoder, which took half of a million-item export's time."""
    lines = []
    for key, value in fields.items():
        if isinstance(value, list):
            inner = ",\n    ".join(_json_value(v) for v in value)
            text = f"[\n    {inner}\n   ]" if value else "[]"
        else:
            text = _json_value(value)
        lines.append(f"   {_json_value(key)}: {text}")
    return "  {\n" + ",\n".join(lines) + "\n  }"


def article_refs_cell(refs: Sequence[ArticleRef]) -> str:
    """The `articles` cell of a reports CSV: a JSON list, empty when there are none."""
    return json.dumps([r.to_json() for r in refs], ensure_ascii=False) if refs else ""


def _cell(value: Any) -> str:
    """One CSV cell, quoted when it holds a comma, a quote or any line break.

    Python's csv writer (3.11) leaves a lone carriage return unquoted when lines end in
    "\n", and the file then reads back with a row split in two: hence this writer.
    """
    text = "" if value is None else str(value)
    if _QUOTED.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


_QUOTED = re.compile('[,"\r\n]')


def _row(cells: Sequence[Any]) -> str:
    return ",".join(_cell(c) for c in cells) + "\n"


def _write_row(out: io.StringIO, cells: Sequence[Any]) -> None:
    out.write(_row(cells))


def reports_to_csv(
    reports: Sequence[LossReport], provenance: Mapping[dt.date, Provenance] | None = None
) -> str:
    """One row per report; `<key>` is the total, `<key>_change` the change (empty = none);
    with provenance, `source` and `articles` (a JSON list) close each row."""
    used = [k for k in KEYS if any(k in r.figures for r in reports)]
    header = ["date", "day", "qualifier", "note"]
    for key in used:
        header += [key, f"{key}_change"]
    if provenance is not None:
        header += ["source", "articles"]
    out = io.StringIO()
    _write_row(out, header)
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
        if provenance is not None:
            prov = provenance.get(rep.date) if rep.date else None
            row += [prov.source, article_refs_cell(prov.articles)] if prov else ["", ""]
        _write_row(out, row)
    return out.getvalue()


ITEM_CSV_FIELDS = (
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
    "date_estimated",
    "reports",
    # Added after `reports`, so a reader that goes by position finds the others where they were.
    "starred",
    "read",
)


def items_to_csv(
    items: Sequence[ItemData], report_dates: Sequence[Sequence[dt.date]] | None = None
) -> str:
    """One row per item; `reports` lists the dates of the reports it is linked to."""
    links = report_dates or [()] * len(items)
    return "".join(items_csv_parts(zip(items, links, strict=True)))


def items_csv_parts(items: Iterable[LinkedItem]) -> Iterator[str]:
    """`items_to_csv`'s text in pieces: the header, then a line per item."""
    yield _row(ITEM_CSV_FIELDS)
    for item, dates in items:
        row = item_to_json(item)
        row["tags"] = ", ".join(item.tags)
        row["source_url"] = item.source_url or ""
        row["body_html"] = item.body_html
        row["date_estimated"] = "yes" if item.date_estimated else ""
        row["reports"] = ", ".join(d.isoformat() for d in dates)
        row["starred"] = "yes" if item.starred else ""
        row["read"] = "yes" if item.read else ""
        yield _row([row[k] for k in ITEM_CSV_FIELDS])
