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
from desktop_app.core.formats.corrections import looks_like_corrections
from desktop_app.core.formats.frontline_csv import csv_kind
from desktop_app.core.formats.oryx import looks_like_oryx
from desktop_app.core.formats.petroivaniuk import NOTE_FIELD, QUALIFIER_FIELD
from desktop_app.core.page.text_page import looks_like_page

PETROIVANIUK_JSON = "petroivaniuk-json"
PETROIVANIUK_CSV = "petroivaniuk-csv"
RUSSIANWARSHIP_JSON = "russianwarship-json"
FRONTLINE_JSON = "frontline-json"
REPORT_TEXT = "report-text"
PETROIVANIUK_CORRECTION = "petroivaniuk-correction"
ORYX_JSON = "oryx-json"
FRONTLINE_CSV = "frontline-csv"
FEED = "feed"
HTML_PAGE = "html-page"
# A news page copied as text: an article with its dated byline, and/or a column of briefs.
PAGE_TEXT = "page-text"
FORMATS = (
    PETROIVANIUK_JSON,
    PETROIVANIUK_CSV,
    PETROIVANIUK_CORRECTION,
    ORYX_JSON,
    RUSSIANWARSHIP_JSON,
    FRONTLINE_JSON,
    FRONTLINE_CSV,
    REPORT_TEXT,
    FEED,
    HTML_PAGE,
    PAGE_TEXT,
)
# Markup is recognised from the bytes: a feed or page may declare an encoding other than UTF-8.
_SNIFF_BYTES = 4096
# A copied page is recognised from its first part (its article and first briefs).
_PAGE_SNIFF_CHARS = 200_000
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
# The first element, after comments, processing instructions and a DOCTYPE; any prefix
# (`<a:feed xmlns:a="http://www.w3.org/2005/Atom">`). CHANNEL is Microsoft's old CDF.
_ROOT = re.compile(
    rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*<([\w.:-]+)", re.S | re.I
)
_FEED_ROOT_NAMES = frozenset({b"rss", b"feed", b"rdf", b"channel"})
_HTML_MARKS = (b"<!doctype html", b"<html")

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
_REPORT_SNIFF_CHARS = 100_000
# Only the first records decide a JSON array's kind: the dataset's records all look alike.
_SAMPLE = 5


def _json_kind(doc: Any, name: str) -> str | None:
    if looks_like_oryx(doc):
        return ORYX_JSON
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
            return (
                PETROIVANIUK_CORRECTION if looks_like_corrections(doc, name) else PETROIVANIUK_JSON
            )
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
    if not _DIGIT.search(text):
        return False
    if _REPORT_PHRASES.search(text):
        return True
    # Lists and news that name no "combat losses" ("Танки — 644", "lost 1,280 troops"): a
    # report text when the parser reads figures from it.
    from desktop_app.core.errors import NoReportError
    from desktop_app.core.report_parser import parse_report

    try:
        return bool(parse_report(text[:_REPORT_SNIFF_CHARS]).figures)
    except NoReportError:
        return False


def _markup_kind(data: bytes) -> str | None:
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<"):
        return None
    root = _ROOT.match(head)
    if root is not None and root.group(1).rsplit(b":", 1)[-1] in _FEED_ROOT_NAMES:
        return FEED
    if any(root in head for root in _FEED_ROOTS):
        return FEED
    if any(mark in head for mark in _HTML_MARKS):
        return HTML_PAGE
    return None


def markup_format(head: bytes) -> str | None:
    """FEED or HTML_PAGE when the file's first bytes say so (what detect_format decides from
    them alone), else None."""
    return _markup_kind(head)


def detect_format(name: str, data: bytes) -> str:
    """One of FORMATS for the file's content; ImportFormatError naming the file otherwise."""
    markup = _markup_kind(data)
    if markup is not None:
        return markup
    text = decode_text(data, file=name)
    require_content(text, file=name)
    stripped = text.lstrip()
    if stripped[:1] == "<":
        # A feed or page in UTF-16 or UTF-32: its bytes did not show the markup, its text does.
        markup = _markup_kind(stripped[:_SNIFF_BYTES].encode("utf-8"))
        if markup is not None:
            return markup
    if stripped[:1] in ("{", "["):
        try:
            doc = load_json(text, file=name)
        except ImportFormatError:
            # A pasted report may start with a bracket ("[Update] ..."); anything else
            # that starts like JSON is broken JSON, and saying so helps more.
            if _is_report_text(text):
                return REPORT_TEXT
            raise
        kind = _json_kind(doc, name)
        if kind is not None:
            return kind
    elif csv_kind(text) is not None:
        return FRONTLINE_CSV
    elif _is_petroivaniuk_csv(text):
        return PETROIVANIUK_CSV
    # A page holds an article with a dated byline or briefs; a bare report text holds neither.
    if looks_like_page(text[:_PAGE_SNIFF_CHARS]):
        return PAGE_TEXT
    if _is_report_text(text):
        return REPORT_TEXT
    raise ImportFormatError(
        "unrecognised file format: expected a PetroIvaniuk dataset file (JSON or CSV, or its"
        " correction or Oryx file), a saved russianwarship.rip API response, a Frontline"
        " Archive export, an RSS or Atom feed, a saved HTML page, a copied news page, or a"
        " loss report text",
        file=name,
    )
