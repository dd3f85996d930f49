"""feedparser's own test corpus through our feed reader, compared with `feedparser.parse`.

The corpus (2,106 feed files: wellformed/, encoding/, entities/, illformed/) is read from
../shared/data/feedparser_corpus (never copied into the project); the test skips without it.
Every file is read in this process, as `import` would read it. Required:
- no file crashes the reader (only ImportFormatError may come out);
- every well-formed file is imported;
- every entry is accounted for: stored, or skipped because it has nothing to show (and then
  feedparser finds no text in it either);
- each stored entry's title, link and time equal feedparser's for the same file, except for
  the documented better answers below;
- an ill-formed file is recovered and says so, or is refused naming the file and the line
  (an empty document, with no element at all, is refused as "unrecognised": it has no line).

Documented differences (each is counted; any other difference fails the test):
- ESTIMATED: feedparser gives no time; we give the feed's own date (or the time the file was
  read) and mark the item estimated.
- DERIVED_TITLE: feedparser gives no title; we make one from the entry's text (or from its
  image's alt text).
- DECODED: feedparser reads an undeclared encoding as windows-1252 (mojibake); we detect it
  (the illformed/chardet files: EUC-JP, EUC-KR, GB2312, KOI8-R, Shift_JIS).
- IMAGE_ONLY: an untitled entry whose only content is an image with alt text: feedparser
  has no text for it, we keep it under the alt text.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats.feed_entries import PLAIN, plain, struct_time_utc
from desktop_app.core.formats.load import read_import_file
from tests.conftest import SHARED_DATA

CORPUS = SHARED_DATA / "feedparser_corpus" / "tests"
GROUPS = ("wellformed", "encoding", "entities", "illformed")
ESTIMATED, DERIVED_TITLE, DECODED, IMAGE_ONLY = (
    "estimated",
    "derived title",
    "decoded",
    "image only",
)
# The files whose undeclared encoding feedparser reads as windows-1252 and we detect.
DECODED_FILES = frozenset(
    f"illformed/chardet/{n}.xml" for n in ("eucjp", "euckr", "gb2312", "koi8r", "shiftjis")
)


@dataclass
class Figures:
    files: Counter[str] = field(default_factory=Counter)
    entries: int = 0
    stored: int = 0
    skipped: int = 0
    differences: Counter[str] = field(default_factory=Counter)
    recovered: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _text(entry: Any, key: str) -> str:
    value = str(entry.get(key) or "")
    kind = (entry.get(f"{key}_detail") or {}).get("type", "text/html")
    return " ".join(value.split()) if kind == PLAIN else plain(value)


def _has_text(entry: Any) -> bool:
    contents = entry.get("content") or []
    return bool(
        _text(entry, "title")
        or _text(entry, "summary")
        or any(plain(str(c.get("value") or "")) for c in contents)
    )


def _compare(name: str, entry: Any, item: Any, figures: Figures) -> None:
    title = _text(entry, "title")
    if title != item.title:
        if not title and not _has_text(entry):
            figures.differences[IMAGE_ONLY] += 1
        elif not title:
            figures.differences[DERIVED_TITLE] += 1
        elif name in DECODED_FILES:
            figures.differences[DECODED] += 1
        else:
            figures.problems.append(f"{name}: title {title!r}, we {item.title!r}")
    link = str(entry.get("link") or "").strip() or None
    if link != item.source_url:
        figures.problems.append(f"{name}: link {link!r}, we {item.source_url!r}")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    when = struct_time_utc(parsed) if parsed is not None else None
    if when != item.published_at:
        if when is None and item.date_estimated:
            figures.differences[ESTIMATED] += 1
        else:
            figures.problems.append(f"{name}: time {when}, we {item.published_at}")
    elif item.date_estimated:
        figures.problems.append(f"{name}: a stated time marked estimated")


def _one_file(path: Path, figures: Figures) -> None:
    import feedparser

    name = path.relative_to(CORPUS).as_posix()
    group = name.split("/")[0]
    data = path.read_bytes()
    try:
        result = read_import_file(name, data)
    except ImportFormatError as exc:
        figures.files[f"{group} refused"] += 1
        figures.refused.append(name)
        if group == "wellformed":
            figures.problems.append(f"{name}: a well-formed file refused: {exc}")
        else:
            named = (exc.record or "").startswith("line ") or "unrecognised" in str(exc)
            if exc.file != name or not named:
                figures.problems.append(f"{name}: refused without naming file and line: {exc}")
        return
    except Exception as exc:  # the point of the test: nothing else may come out
        figures.problems.append(f"{name}: crashed: {type(exc).__name__}: {exc}")
        return
    figures.files[f"{group} imported"] += 1
    if any(r.startswith("not well-formed XML") for r in result.remarks):
        figures.recovered.append(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = list(reference.entries)
    figures.entries += len(entries)
    figures.stored += len(result.items)
    skipped = {int(s.split(":")[0].split()[1]) - 1 for s in result.skipped if "nothing" in s}
    figures.skipped += len(skipped)
    if len(entries) != len(result.items) + len(skipped):
        figures.problems.append(
            f"{name}: feedparser has {len(entries)} entries, we {len(result.items)} stored"
            f" and {len(skipped)} skipped"
        )
        return
    kept = [e for n, e in enumerate(entries) if n not in skipped]
    for n in skipped:
        if _has_text(entries[n]):
            figures.problems.append(f"{name}: entry {n + 1} has text but was skipped")
    for entry, item in zip(kept, result.items, strict=True):
        _compare(name, entry, item, figures)


def corpus_figures() -> Figures:
    figures = Figures()
    for group in GROUPS:
        for path in sorted((CORPUS / group).rglob("*")):
            if path.is_file():
                _one_file(path, figures)
    return figures


def test_feedparsers_corpus_is_read_whole_and_as_feedparser_reads_it() -> None:
    pytest.importorskip("feedparser")
    if not CORPUS.is_dir():
        pytest.skip(f"feedparser's corpus not present at {CORPUS}")
    figures = corpus_figures()
    assert figures.problems == []
    # Every file of the four folders was read (2,106 in the corpus as shared).
    assert sum(figures.files.values()) >= 2000
    assert figures.files["wellformed refused"] == 0
    # The refused ones are ill-formed: an empty document and a file cut off in a CDATA.
    assert all(name.startswith("illformed/") for name in figures.refused)
    assert set(figures.differences) <= {ESTIMATED, DERIVED_TITLE, DECODED, IMAGE_ONLY}
    assert figures.differences[DECODED] == len(DECODED_FILES)


if __name__ == "__main__":  # the figures docs/RELIABILITY.md quotes
    found = corpus_figures()
    print(dict(found.files), "entries", found.entries, "stored", found.stored)
    print("skipped", found.skipped, "recovered", len(found.recovered), "refused", found.refused)
    print(dict(found.differences), "problems", len(found.problems))
    print(dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
