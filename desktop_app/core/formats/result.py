"""What reading an importable file gives: reports, items, links and what was left out.

Apart from the readers (`load.py`), so that what only stores or passes a result on (the
importer, the sources' update in the window's process) does not load every file format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop_app.core.item import ItemData
from desktop_app.core.provenance import ArticleRef
from desktop_app.core.report import LossReport

if TYPE_CHECKING:
    from desktop_app.core.formats.oryx import OryxRow


class NotStreamableError(Exception):
    """The file needs the whole-file reader after all; the reason says why."""


class ItemStream(Protocol):
    """A file whose articles and briefs are read while they are stored (an RSS or Atom feed,
    the program's own JSON export): `batches()` once, then `finish` gives the rest."""

    path: Path
    source: str
    as_kind: str | None
    format: str

    @property
    def expected(self) -> int:
        """How many items the file seems to hold (a progress total, not a promise)."""
        ...

    def batches(self) -> Iterator[list[ItemData]]:
        """The items a batch at a time; NotStreamableError when the file must be read whole."""
        ...

    def finish(self, result: ReadResult) -> None:
        """What was gathered beside the items (reports, links, …), into `result`."""
        ...


@dataclass
class ReadResult:
    format: str
    reports: list[LossReport] = field(default_factory=list)
    items: list[ItemData] = field(default_factory=list)
    # (index into items, report date): an item that published a report.
    links: list[tuple[int, dt.date]] = field(default_factory=list)
    # Text to add to the note of an existing report (the dataset's corrections).
    notes: dict[dt.date, str] = field(default_factory=dict)
    # Oryx rows; None when the file is not an Oryx file (an empty list would clear the table).
    oryx: list[OryxRow] | None = None
    # Records deliberately left out, with the reason (an entry with no title and no text).
    skipped: list[str] = field(default_factory=list)
    # What the reader repaired or guessed (a feed's encoding, its XML errors).
    remarks: list[str] = field(default_factory=list)
    # Items whose time the file did not state, each with where the estimate came from.
    estimated: list[str] = field(default_factory=list)
    # The file's name, for errors found later against the archive (set by read_import_file).
    source: str = ""
    # The program's own exports: the source each report states (else the format's name) and
    # the articles, already stored or in this file, each report says published it.
    report_sources: dict[dt.date, str] = field(default_factory=dict)
    article_links: list[tuple[ArticleRef, dt.date]] = field(default_factory=list)
    # What a page held, for the summary ("article, 4 briefs, report of 2024-03-14").
    found: str = ""
    # A file read while it is stored (`open_import_file`): its items come from the stream,
    # not `items`, and its reports, links, entries left out and estimates are known only
    # after the last batch (the importer has the stream copy them here then).
    stream: ItemStream | None = None
    # (item, report date) for a streamed feed: `links` by the item rather than its index.
    linked_items: list[tuple[ItemData, dt.date]] = field(default_factory=list)

    @property
    def expected_records(self) -> int:
        """Records to write: what was read, or what a stream's file seems to hold."""
        counted = len(self.items) + len(self.reports) + len(self.notes) + len(self.oryx or ())
        return counted + (self.stream.expected if self.stream is not None else 0)
