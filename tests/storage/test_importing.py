"""Importing files into a real archive: dry run, conflicts, editions, notes, Oryx, links."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ArchiveError
from desktop_app.core.formats.load import read_import_file
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.models import Item, OryxLoss, Report
from desktop_app.storage.importing import FileImportSummary, import_result
from desktop_app.storage.items import all_items
from desktop_app.storage.oryx import stored_oryx
from desktop_app.storage.reports import (
    load_all_reports,
    load_report,
    report_article_ids,
    save_report,
)
from tests.archive_state import snapshot
from tests.core.formats.samples import RSS

D1, D2, D3 = dt.date(2023, 11, 24), dt.date(2023, 11, 25), dt.date(2023, 11, 26)


def dataset(*days: tuple[str, int]) -> bytes:
    return json.dumps([{"date": d, "tank": t, "APC": 100} for d, t in days]).encode()


def run(name: str, data: bytes, **kw: Any) -> FileImportSummary:
    return import_result(read_import_file(name, data), **kw)


def test_dry_run_counts_exactly_and_writes_nothing(archive_db: Any, tmp_path: Path) -> None:
    run("a.json", dataset(("2023-11-24", 5496)))
    before = snapshot(archive_db, tmp_path / "archive.sqlite")
    summary = run("b.json", dataset(("2023-11-24", 5497), ("2023-11-25", 5502)), dry_run=True)
    assert (summary.reports.added, summary.reports.updated) == ([D2], [D1])
    assert snapshot(archive_db, tmp_path / "archive.sqlite") == before


def test_newer_edition_updates_only_the_days_that_changed(archive_db: Any) -> None:
    run("v1.json", dataset(("2023-11-24", 5496), ("2023-11-25", 5502)))
    summary = run(
        "v2.json", dataset(("2023-11-24", 5496), ("2023-11-25", 5503), ("2023-11-26", 5510))
    )
    assert (summary.reports.added, summary.reports.updated, summary.reports.unchanged) == (
        [D3],
        [D2],
        [D1],
    )
    assert "updated: 2023-11-25" in summary.lines()[0]


def test_reports_entered_by_hand_are_listed_not_overwritten(archive_db: Any) -> None:
    mine = LossReport(D2, {"tanks": Figure(5500)})
    save_report(mine, source="manual")
    summary = run("d.json", dataset(("2023-11-25", 5502), ("2023-11-26", 5510)))
    assert [c.date for c in summary.conflicts] == [D2]
    assert summary.conflicts[0].stored.figures["tanks"] == Figure(5500)
    assert load_report(D2) == mine
    assert summary.reports.added == [D3]


def test_overwrite_manual_replaces_and_marks_the_source(archive_db: Any) -> None:
    save_report(LossReport(D2, {"tanks": Figure(5500)}), source="manual")
    summary = run("d.json", dataset(("2023-11-25", 5502)), overwrite_manual=True)
    assert summary.overwritten == [D2] and summary.conflicts == []
    stored = load_report(D2)
    assert stored is not None and stored.figures["tanks"] == Figure(5502)
    assert Report.get(Report.date == D2).source == "petroivaniuk-json"


def test_a_manual_report_with_the_same_figures_is_no_conflict(archive_db: Any) -> None:
    save_report(
        LossReport(D2, {"tanks": Figure(5502), "armored_vehicles": Figure(100)}), source="manual"
    )
    summary = run("d.json", dataset(("2023-11-25", 5502)))
    assert summary.conflicts == [] and summary.reports.unchanged == [D2]


def test_corrections_are_notes_added_once_and_totals_untouched(archive_db: Any) -> None:
    run("d.json", dataset(("2023-05-27", 3800)))
    corr = json.dumps([{"date": "2023-05-27", "tank": -5}, {"date": "2022-10-13", "APC": -25}])
    first = run("russia_losses_equipment_correction.json", corr.encode())
    again = run("russia_losses_equipment_correction.json", corr.encode())
    stored = load_report(dt.date(2023, 5, 27))
    assert stored is not None
    assert stored.note == "dataset correction: Tanks \u22125"
    assert stored.figures["tanks"] == Figure(3800)
    assert first.reports.updated == [dt.date(2023, 5, 27)] and len(first.skipped) == 1
    assert again.reports.updated == [] and again.reports.unchanged == [dt.date(2023, 5, 27)]


def oryx_file(*rows: tuple[str, str, int]) -> bytes:
    return json.dumps(
        [
            {"equipment_oryx": k, "model": m, "manufacturer": "USSR", "losses_total": n}
            for k, m, n in rows
        ]
    ).encode()


def test_oryx_reimport_replaces_the_rows_and_the_same_file_changes_nothing(
    archive_db: Any, tmp_path: Path
) -> None:
    run("oryx.json", oryx_file(("Tanks", "T-72B", 500), ("Radars", "1L22", 3)))
    before = snapshot(archive_db, tmp_path / "archive.sqlite")
    again = run("oryx.json", oryx_file(("Tanks", "T-72B", 500), ("Radars", "1L22", 3)))
    assert again.oryx is not None and again.oryx.unchanged
    assert snapshot(archive_db, tmp_path / "archive.sqlite") == before
    newer = run("oryx.json", oryx_file(("Tanks", "T-72B", 510)))
    assert newer.oryx is not None and newer.oryx.removed == 2
    assert [(r.category, r.losses_total) for r in stored_oryx()] == [("tanks", 510)]
    assert OryxLoss.select().count() == 1


def test_feed_entries_are_stored_once_and_the_report_is_linked(archive_db: Any) -> None:
    first = run("wire.xml", RSS.encode())
    again = run("wire.xml", RSS.encode())
    assert (first.items.added, again.items.added, again.items.unchanged) == (2, 0, 2)
    assert first.reports.added == [D2] and first.links == 1 and again.links == 0
    article = Item.get(Item.kind == "article")
    assert report_article_ids(D2) == [article.id]
    assert article.body_html.startswith("<p>Russia has lost")


def test_a_raise_in_progress_rolls_everything_back(archive_db: Any, tmp_path: Path) -> None:
    before = snapshot(archive_db, tmp_path / "archive.sqlite")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 2:
            raise ArchiveError("cancelled")

    with pytest.raises(ArchiveError):
        run("wire.xml", RSS.encode(), progress=progress)
    assert seen[-1] == (2, 3)
    assert snapshot(archive_db, tmp_path / "archive.sqlite") == before
    assert all_items() == [] and load_all_reports() == []


def test_saving_many_reports_reports_progress_and_a_cancel_midway_rolls_back(
    archive_db: Any, tmp_path: Path
) -> None:
    from desktop_app.storage.reports import PROGRESS_EVERY

    days = [((D1 + dt.timedelta(days=n)).isoformat(), 100 + n) for n in range(350)]
    before = snapshot(archive_db, tmp_path / "archive.sqlite")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 2 * PROGRESS_EVERY:
            raise ArchiveError("cancelled")

    with pytest.raises(ArchiveError):
        run("many.json", dataset(*days), progress=progress)
    # Called while the reports were written, not only once they all were.
    assert (PROGRESS_EVERY, 350) in seen and seen[-1] == (2 * PROGRESS_EVERY, 350)
    assert snapshot(archive_db, tmp_path / "archive.sqlite") == before

    seen.clear()
    summary = run("many.json", dataset(*days), progress=lambda d, t: seen.append((d, t)))
    assert len(summary.reports.added) == 350
    assert [d for d, _t in seen] == sorted(d for d, _t in seen) and seen[-1][0] == 350


def test_read_ahead_gives_every_batch_in_order_and_raises_what_the_reader_raised() -> None:
    from desktop_app.storage.importing import read_ahead

    def batches() -> Iterator[list[int]]:
        yield from ([n, n + 1] for n in range(0, 40, 2))
        raise ValueError("entry 41: bad")

    got: list[int] = []
    with pytest.raises(ValueError, match="entry 41"):
        for batch in read_ahead(batches()):
            got += batch
    assert got == list(range(40))


def test_read_ahead_stops_reading_when_the_caller_stops() -> None:
    from desktop_app.storage.importing import read_ahead

    read: list[int] = []
    closed: list[bool] = []

    def batches() -> Iterator[int]:
        try:
            for n in range(1000):
                read.append(n)
                yield n
        finally:
            closed.append(True)

    with pytest.raises(KeyboardInterrupt):
        for n in read_ahead(batches(), depth=2):
            if n == 3:
                raise KeyboardInterrupt  # a Cancel
    # The reader ran a few batches ahead at most, then stopped and closed the source.
    assert closed == [True] and len(read) <= 8
