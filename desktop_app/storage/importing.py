"""Writing what an importer read, in one transaction: reports, items, notes, Oryx rows, links.

Reports entered by hand (source 'manual') are never overwritten silently: an incoming report
that would change one is left out and listed as a conflict, unless the caller says to
overwrite. A dry run does all the work and rolls it back, so its summary is exact.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, cast

from desktop_app.core.formats.result import ReadResult
from desktop_app.core.item import ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.models import (
    Item,
    Report,
    ReportArticle,
    ReportFigure,
    database_proxy,
    utc_now,
)
from desktop_app.storage.import_undo import ImportUndo
from desktop_app.storage.item_import import (
    ItemImportSummary,
    import_item_batches,
    import_items,
)
from desktop_app.storage.oryx import OryxSummary, replace_oryx
from desktop_app.storage.provenance import link_article_refs
from desktop_app.storage.report_checks import refuse_implausible_drops
from desktop_app.storage.reports import (
    ImportSummary,
    import_changes,
    import_reports,
    link_article,
    merge_by_date,
)

MANUAL = "manual"
# Dates listed in a summary line before "…": enough to act on, short enough to read.
SHOWN_DATES = 8

Progress = Callable[[int, int], None]
_T = TypeVar("_T")


@dataclass(frozen=True)
class Conflict:
    """An incoming report that would change one entered by hand; it was not written."""

    source: str
    report: LossReport
    stored: LossReport
    # The source the file states for this report (the program's own exports), if any.
    stated_source: str | None = None

    @property
    def date(self) -> dt.date:
        assert self.report.date is not None
        return self.report.date


def _first(entries: Sequence[str], shown: int = 3) -> str:
    more = f" (and {len(entries) - shown} more)" if len(entries) > shown else ""
    return "; ".join(entries[:shown]) + more


def _dates(dates: Sequence[dt.date]) -> str:
    shown = ", ".join(d.isoformat() for d in sorted(dates)[:SHOWN_DATES])
    return shown + (", …" if len(dates) > SHOWN_DATES else "")


@dataclass
class FileImportSummary:
    reports: ImportSummary = field(default_factory=ImportSummary)
    items: ItemImportSummary = field(default_factory=ItemImportSummary)
    conflicts: list[Conflict] = field(default_factory=list)
    # Reports entered by hand that this import replaced (the user chose to).
    overwritten: list[dt.date] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # What the reader repaired or guessed in the file (its encoding, XML errors), and how it
    # found a date the text did not write out in full ("2023-11-25: year found from …").
    remarks: list[str] = field(default_factory=list)
    # Articles and briefs whose time the file did not state, and what was used instead.
    estimated: list[str] = field(default_factory=list)
    # The file's name (empty for content that came from no file); a total has none.
    source: str = ""
    oryx: OryxSummary | None = None
    links: int = 0
    dry_run: bool = False
    # Set by whoever ran the whole import (all its files) in one transaction; not merged.
    undo: ImportUndo | None = None
    # What a page held (`ReadResult.found`); said first, not merged.
    found: str = ""

    def merge(self, other: FileImportSummary) -> None:
        self.reports.merge(other.reports)
        self.items.merge(other.items)
        self.conflicts += other.conflicts
        self.overwritten += other.overwritten
        # A total names the file each remark comes from.
        name = Path(other.source).name if other.source else ""
        prefix = f"{name}: " if name else ""
        self.skipped += [prefix + s for s in other.skipped]
        self.remarks += [prefix + r for r in other.remarks]
        self.estimated += [prefix + e for e in other.estimated]
        self.oryx = other.oryx or self.oryx
        self.links += other.links
        self.dry_run = self.dry_run or other.dry_run

    def lines(self) -> list[str]:
        out = [f"found: {self.found}"] if self.found else []
        rep = self.reports
        if rep.added or rep.updated or rep.unchanged:
            line = f"reports: {rep.line()}"
            if rep.updated:
                line += f" (updated: {_dates(rep.updated)})"
            out.append(line)
        if self.conflicts:
            out.append(
                f"reports entered by hand that the file would change ({len(self.conflicts)},"
                f" not imported): {_dates([c.date for c in self.conflicts])}"
            )
        if self.overwritten:
            out.append(f"reports entered by hand replaced: {_dates(self.overwritten)}")
        if self.items.added or self.items.unchanged:
            out.append(f"articles and briefs: {self.items.line()}")
        if self.links:
            out.append(f"articles linked to reports: {self.links}")
        if self.oryx is not None:
            out.append(f"Oryx: {self.oryx.line()}")
        if self.skipped:
            out.append(f"skipped {len(self.skipped)}: {_first(self.skipped)}")
        if self.estimated:
            out.append(f"dates estimated ({len(self.estimated)}): {_first(self.estimated)}")
        out += self.remarks
        return out or ["nothing to import"]


def _would_change(stored: LossReport, incoming: LossReport) -> bool:
    """The same test import_reports applies."""
    return import_changes(stored, incoming) is not None


def _manual_reports(dates: Sequence[dt.date]) -> dict[dt.date, LossReport]:
    rows = list(Report.select().where((Report.source == MANUAL) & Report.date.in_(list(dates))))
    figures: dict[int, dict[str, Figure]] = {r.id: {} for r in rows}
    if rows:
        query = ReportFigure.select().where(ReportFigure.report.in_([r.id for r in rows]))
        for f in query:
            figures[f.report_id][f.category] = Figure(f.total, f.change)
    return {r.date: LossReport(r.date, figures[r.id], r.qualifier, r.note) for r in rows}


def split_conflicts(
    reports: Sequence[LossReport], source: str, stated: Mapping[dt.date, str] | None = None
) -> tuple[list[LossReport], list[Conflict]]:
    """(reports safe to write, conflicts with reports entered by hand)."""
    incoming = merge_by_date(reports)
    manual = _manual_reports(list(incoming))
    safe, conflicts = [], []
    for date in sorted(incoming):
        rep = incoming[date]
        stored = manual.get(date)
        if stored is not None and _would_change(stored, rep):
            conflicts.append(Conflict(source, rep, stored, (stated or {}).get(date)))
        else:
            safe.append(rep)
    return safe, conflicts


def _append_notes(notes: dict[dt.date, str], summary: FileImportSummary) -> None:
    """Add each note to its report once; a report that is not stored is skipped, and said so."""
    rows = {r.date: r for r in Report.select().where(Report.date.in_(list(notes)))}
    now = utc_now()
    for date in sorted(notes):
        row, text = rows.get(date), notes[date]
        if row is None:
            summary.skipped.append(f"{date.isoformat()}: no report stored for the note")
        elif text in (row.note or ""):
            summary.reports.unchanged.append(date)
        else:
            note = f"{row.note}\n{text}" if row.note else text
            Report.update(note=note, updated_at=now).where(Report.id == row.id).execute()
            summary.reports.updated.append(date)


def _item_id(item: ItemData) -> int | None:
    if item.source_url:
        query = Item.select(Item.id).where(Item.source_url == item.source_url.strip())
    else:
        query = Item.select(Item.id).where(
            (Item.kind == item.kind)
            & (Item.title == item.title.strip())
            & (Item.published_at == item.published_at)
        )
    row = query.first()
    return int(row.id) if row is not None else None


def _link(result: ReadResult) -> int:
    linked = 0
    pairs = [(result.items[index], date) for index, date in result.links] + result.linked_items
    for item, date in pairs:
        item_id = _item_id(item)
        report = Report.get_or_none(Report.date == date)
        if item_id is None or report is None:
            continue
        # Counted by looking first: SQLite's last row id survives an ignored insert.
        exists = (
            ReportArticle.select()
            .where((ReportArticle.report == report.id) & (ReportArticle.item == item_id))
            .exists()
        )
        if not exists:
            link_article(date, item_id)
            linked += 1
    return linked


_DONE = object()


def read_ahead(batches: Iterator[_T], depth: int = 2) -> Iterator[_T]:
    """The batches, read on a thread of their own up to `depth` ahead of the caller.

    A feed's entries are parsed and built while the previous batch is stored: SQLite writes
    a batch in one statement without holding Python's GIL, so the two overlap on two cores.
    An exception in the reading thread is raised here; when the caller stops early (an error,
    a cancel) the reading thread stops after its current batch.
    """
    handoff: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(value: object) -> bool:
        while not stop.is_set():
            try:
                handoff.put(value, timeout=0.1)
            except queue.Full:
                continue
            return True
        return False

    def read() -> None:
        try:
            for batch in batches:
                if not put(batch):
                    break
        except BaseException as exc:  # handed to the caller, raised there
            put(_Raised(exc))
        else:
            put(_DONE)
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()

    reader = threading.Thread(target=read, name="import-read-ahead", daemon=True)
    reader.start()
    try:
        while True:
            value = handoff.get()
            if value is _DONE:
                return
            if isinstance(value, _Raised):
                raise value.exc
            yield cast(_T, value)
    finally:
        stop.set()
        reader.join()


@dataclass(frozen=True)
class _Raised:
    exc: BaseException


def _stream_items(result: ReadResult, report: Callable[[int], None]) -> ItemImportSummary:
    """Store a streamed file's items batch by batch, then copy what the stream gathered beside
    them (reports, links, entries left out, estimates) into `result`.

    A file that turns out not to be streamable is stored again from a whole read: the batches
    stored so far are rolled back first (a savepoint), so the outcome is the whole read's.
    """
    from desktop_app.core.formats.load import read_stream_whole
    from desktop_app.core.formats.result import NotStreamableError

    stream = result.stream
    assert stream is not None
    total = stream.expected
    try:
        with database_proxy.atomic():
            items = import_item_batches(
                read_ahead(stream.batches()), total=total, progress=lambda d, _n: report(d)
            )
    except NotStreamableError:
        whole = read_stream_whole(stream)
        for name in ("items", "links", "reports", "skipped", "remarks", "estimated"):
            setattr(result, name, getattr(whole, name))
        result.report_sources, result.article_links = whole.report_sources, whole.article_links
        result.stream = None
        return import_items(whole.items, progress=lambda d, _n: report(d))
    stream.finish(result)
    report(total)
    return items


def import_result(
    result: ReadResult,
    *,
    overwrite_manual: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    before_commit: Callable[[], None] | None = None,
) -> FileImportSummary:
    """All or nothing: any error (or a raise in `progress`/`before_commit`) rolls back.

    A streamed feed (`result.stream`) is read while it is stored, in batches inside the same
    transaction; its reports and links are written after its items, as a file's are.
    """
    source = result.format
    total = result.expected_records

    def report(done: int) -> None:
        if progress is not None:
            # A stream's total is an estimate made before its entries were read.
            progress(min(done, total), total)

    with database_proxy.atomic() as txn:
        if result.stream is not None:
            report(0)
            items = _stream_items(result, report)
            done = total
            # Run once the stream's reports are known; a refusal still rolls everything back.
            refuse_implausible_drops(result)
        else:
            refuse_implausible_drops(result)  # a text report that lost digits (issue #11 §4)
            report(0)
            items = import_items(result.items, progress=lambda d, _n: report(d))
            done = len(result.items)
        summary = FileImportSummary(
            dry_run=dry_run,
            skipped=list(result.skipped),
            found=result.found,
            remarks=list(result.remarks),
            estimated=list(result.estimated),
            source=result.source,
            items=items,
        )
        safe, conflicts = split_conflicts(result.reports, source, result.report_sources)
        if overwrite_manual:
            safe += [c.report for c in conflicts]
            summary.overwritten = sorted(c.date for c in conflicts)
        else:
            summary.conflicts = conflicts
        before_reports = done
        summary.reports = import_reports(
            safe,
            source=source,
            sources=result.report_sources,
            progress=lambda d: report(before_reports + d),
        )
        if summary.overwritten:
            plain = [d for d in summary.overwritten if d not in result.report_sources]
            Report.update(source=source).where(Report.date.in_(plain)).execute()
        done += len(result.reports)
        report(done)
        if result.notes:
            _append_notes(result.notes, summary)
            done += len(result.notes)
            report(done)
        if result.oryx is not None:
            summary.oryx = replace_oryx(result.oryx)
            report(total)
        summary.links = _link(result) + link_article_refs(result.article_links)
        if before_commit is not None:
            before_commit()
        if dry_run:
            txn.rollback()
    return summary


def import_content(
    reports: list[LossReport],
    items: list[ItemData],
    *,
    source: str,
    before_commit: Callable[[], None] | None = None,
    overwrite_manual: bool = False,
    dry_run: bool = False,
) -> FileImportSummary:
    """Reports and items as one import (what `import_result` does for a file's content)."""
    return import_result(
        ReadResult(source, reports, items),
        before_commit=before_commit,
        overwrite_manual=overwrite_manual,
        dry_run=dry_run,
    )
