"""Tell which of the importable formats a file is in, from its content (not its name).

People rename files and save them with the wrong extension, so the name only serves to
name the file in errors. A file that is not UTF-8, is empty, or matches no format raises an
ImportFormatError saying so.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from typing import Any

from desktop_app.core.categories import BY_PETROIVANIUK
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats._common import decode_text, load_json, require_content
from desktop_app.core.formats.petroivaniuk import NOTE_FIELD, QUALIFIER_FIELD

PETROIVANIUK_JSON = "petroivaniuk-json"
PETROIVANIUK_CSV = "petroivaniuk-csv"
RUSSIANWARSHIP_JSON = "russianwarship-json"
FRONTLINE_JSON = "frontline-json"
REPORT_TEXT = "report-text"
FORMATS = (PETROIVANIUK_JSON, PETROIVANIUK_CSV, RUSSIANWARSHIP_JSON, FRONTLINE_JSON, REPORT_TEXT)

# The top-level key of the program's own export.
FRONTLINE_KEY = "frontline_archive"

_PETRO_FIELDS = frozenset(BY_PETROIVANIUK) | {QUALIFIER_FIELD, NOTE_FIELD}
# Phrases every style of loss report carries (official posts in both languages, and the
# Kyiv Independent's "Russia has lost ..."); a number must appear too.
_REPORT_PHRASES = re.compile(
    r"combat losses|has lost|losses of the enemy|бойові втрати|втрати противника",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9]")
# Only the first records decide a JSON array's kind: the dataset's records all look alike.
_SAMPLE = 5


def _json_kind(doc: Any) -> str | None:
    if isinstance(doc, Mapping):
        if FRONTLINE_KEY in doc:
            return FRONTLINE_JSON
        # An API response, or the API's error response (its reader quotes the message).
        if "message" in doc and ("data" in doc or "errors" in doc):
            return RUSSIANWARSHIP_JSON
        data = doc.get("data")
        if isinstance(data, Mapping) and ("stats" in data or "records" in data):
            return RUSSIANWARSHIP_JSON
        return None
    if isinstance(doc, list):
        sample = [rec for rec in doc[:_SAMPLE] if isinstance(rec, Mapping)]
        if (
            sample
            and all("date" in rec for rec in sample)
            and any(_PETRO_FIELDS & rec.keys() for rec in sample)
        ):
            return PETROIVANIUK_JSON
    return None


def _is_petroivaniuk_csv(text: str) -> bool:
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            header = {cell.strip() for cell in next(csv.reader([line]))}
        except (csv.Error, StopIteration):
            return False
        return "date" in header and bool(_PETRO_FIELDS & header)
    return False


def _is_report_text(text: str) -> bool:
    return bool(_REPORT_PHRASES.search(text)) and bool(_DIGIT.search(text))


def detect_format(name: str, data: bytes) -> str:
    """One of FORMATS for the file's content; ImportFormatError naming the file otherwise."""
    text = decode_text(data, file=name)
    require_content(text, file=name)
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            doc = load_json(text, file=name)
        except ImportFormatError:
            # A pasted report may start with a bracket ("[Update] ..."); anything else
            # that starts like JSON is broken JSON, and saying so helps more.
            if _is_report_text(text):
                return REPORT_TEXT
            raise
        kind = _json_kind(doc)
        if kind is not None:
            return kind
    elif _is_petroivaniuk_csv(text):
        return PETROIVANIUK_CSV
    if _is_report_text(text):
        return REPORT_TEXT
    raise ImportFormatError(
        "unrecognised file format: expected a PetroIvaniuk dataset file (JSON or CSV), a saved"
        " russianwarship.rip API response, a Frontline Archive export, or a loss report text",
        file=name,
    )
