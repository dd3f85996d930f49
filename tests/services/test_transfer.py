"""Import and export through the services layer, on real archives in tmp_path."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ArchiveError, ImportFormatError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.services import transfer
from desktop_app.services.transfer import ExportError, export_to_file, import_files
from desktop_app.storage.db.connection import DiskFullError
from desktop_app.storage.import_undo import undo_import
from desktop_app.storage.items import all_items, save_item
from desktop_app.storage.reports import load_all_reports, report_dates

D1, D2, D3 = dt.date(2023, 11, 24), dt.date(2023, 11, 25), dt.date(2023, 11, 26)


class CancelPressedError(Exception):
    """What a Cancel button raises from the progress callback."""


def dataset(path: Path, *days: tuple[str, int]) -> Path:
    path.write_text(json.dumps([{"date": d, "tank": t, "APC": 100} for d, t in days]))
    return path


def test_all_files_are_written_in_one_transaction(archive_db: Any, tmp_path: Path) -> None:
    a = dataset(tmp_path / "a.json", ("2023-11-24", 5496))
    b = dataset(tmp_path / "b.json", ("2023-11-25", 5502), ("2023-11-26", 5510))
    outcome = import_files([a, b])
    assert [f.path for f in outcome.files] == [a, b]
    assert [f.summary.reports.added for f in outcome.files] == [[D1], [D2, D3]]
    assert outcome.total is not None and outcome.total.reports.added == [D1, D2, D3]
    assert outcome.changes.reports and outcome.changes.report_dates == {D1, D2, D3}
    assert not outcome.changes.items
    # The undo record covers both files: one step takes the whole import back.
    assert outcome.undo is not None and outcome.total.undo is outcome.undo
    undo_import(outcome.undo)
    assert report_dates() == []


def test_a_bad_second_file_stops_the_whole_import(archive_db: Any, tmp_path: Path) -> None:
    good = dataset(tmp_path / "good.json", ("2023-11-24", 5496))
    bad = tmp_path / "bad.json"
    bad.write_text('[{"date": "2023-11-25", "tank": "many"}]')
    with pytest.raises(ImportFormatError, match=r"bad\.json"):
        import_files([good, bad])
    assert report_dates() == []


@pytest.mark.parametrize("stop_at", ["reading", "writing", "before commit"])
def test_a_cancel_from_progress_rolls_everything_back(
    archive_db: Any, tmp_path: Path, stop_at: str
) -> None:
    a = dataset(tmp_path / "a.json", ("2023-11-24", 5496))
    b = dataset(tmp_path / "b.json", ("2023-11-25", 5502))
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append((done, total, text))
        if stop_at == "reading" and text == "b.json":
            raise CancelPressedError
        if stop_at == "writing" and not text and done == 1:
            raise CancelPressedError
        if stop_at == "before commit" and not text and done == total == 2:
            raise CancelPressedError

    with pytest.raises(CancelPressedError):
        import_files([a, b], progress=progress)
    assert report_dates() == []
    assert seen[0] == (0, 2, "a.json")


def test_a_dry_run_counts_all_files_together_and_writes_nothing(
    archive_db: Any, tmp_path: Path
) -> None:
    a = dataset(tmp_path / "a.json", ("2023-11-24", 5496))
    b = dataset(tmp_path / "b.json", ("2023-11-24", 5497), ("2023-11-25", 5502))
    outcome = import_files([a, b], dry_run=True)
    # The second file sees the first one's report, as a real import would.
    assert outcome.files[1].summary.reports.updated == [D1]
    assert outcome.dry_run and all(f.summary.dry_run for f in outcome.files)
    assert outcome.undo is None and not outcome.changes.any
    assert report_dates() == []


@pytest.mark.sqlite_only
def test_the_archive_itself_is_refused_before_it_is_opened(
    archive_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self) or real(self))
    for name in ("archive.sqlite", "archive.sqlite-wal"):
        with pytest.raises(ArchiveError, match="archive's own file"):
            import_files([tmp_path / name])
    assert opened == []


@pytest.mark.sqlite_only
def test_a_full_disk_during_an_import_changes_nothing(archive_db: Any, tmp_path: Path) -> None:
    save_item(ItemData(ARTICLE, "Kept", dt.datetime(2023, 1, 1, tzinfo=dt.UTC)))
    days = [((D1 + dt.timedelta(days=n)).isoformat(), 5000 + n) for n in range(1000)]
    big = dataset(tmp_path / "big.json", *days)
    pages = archive_db.execute_sql("PRAGMA page_count").fetchone()[0]
    archive_db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFullError, match="disk is full"):
        import_files([big])
    assert report_dates() == [] and [i.title for i in all_items()] == ["Kept"]


# --- export -------------------------------------------------------------------------------


@pytest.fixture
def filled(archive_db: Any, tmp_path: Path) -> list[int]:
    import_files([dataset(tmp_path / "a.json", ("2023-11-24", 5496), ("2023-11-25", 5502))])
    when = dt.datetime(2023, 11, 25, 9, tzinfo=dt.UTC)
    return [
        save_item(ItemData(ARTICLE, "Ferry resumes", when)),
        save_item(ItemData(BRIEF, "Power restored", when)),
    ]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_export_writes_a_complete_file_and_leaves_no_temporary(
    filled: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = export_to_file("reports", "json", out / "reports.json")
    assert done.records == 2
    assert len(json.loads((out / "reports.json").read_text())["reports"]) == len(load_all_reports())
    only = export_to_file("articles", "csv", out / "one.csv", ids=[filled[1]])
    assert only.records == 1 and "Power restored" in (out / "one.csv").read_text()
    assert "Ferry resumes" not in (out / "one.csv").read_text()
    assert export_to_file("articles", "json", out / "all.json").records == 2
    assert leftovers(out) == []


@pytest.mark.skipif(transfer._open_unnamed(Path.cwd()) is None, reason="no unnamed files here")
def test_a_new_export_never_has_a_name_but_its_own(
    filled: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kill between a `.part` name and the rename would leave the `.part` where no later
    # start looks; a new export's only name is its final one.
    named: list[str] = []
    real = transfer._name

    def name(fd: int, path: Path) -> None:
        named.append(path.name)
        real(fd, path)

    monkeypatch.setattr(transfer, "_name", name)
    target = tmp_path / "reports.json"
    export_to_file("reports", "json", target)
    assert named == ["reports.json"]
    assert len(json.loads(target.read_text())["reports"]) == 2
    export_to_file("articles", "json", target)  # replacing it goes through a `.part`
    assert named[1] == "reports.json" and named[2].endswith(".part") and len(named) == 3
    assert "Ferry resumes" in target.read_text()
    assert leftovers(tmp_path) == []


def test_a_cancelled_export_leaves_the_old_file_as_it_was(
    filled: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "reports.json"
    target.write_text("yesterday's export")

    def progress(done: int, _total: int, _text: str) -> None:
        if done == 2:
            raise CancelPressedError

    with pytest.raises(CancelPressedError):
        export_to_file("reports", "json", target, progress=progress)
    assert target.read_text() == "yesterday's export"
    assert leftovers(tmp_path) == []


def test_a_full_disk_during_an_export_says_so_and_keeps_the_old_file(
    filled: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reports.json"
    target.write_text("yesterday's export")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(transfer.os, "fsync", full)
    with pytest.raises(ExportError, match=r"reports\.json: the disk is full; nothing was written"):
        export_to_file("reports", "json", target)
    assert target.read_text() == "yesterday's export"
    assert leftovers(tmp_path) == []


@pytest.mark.sqlite_only
def test_export_refuses_the_archive_and_a_missing_folder(filled: list[int], tmp_path: Path) -> None:
    archive = tmp_path / "archive.sqlite"
    size = archive.stat().st_size
    with pytest.raises(ArchiveError, match="archive's own file"):
        export_to_file("reports", "json", archive)
    assert archive.stat().st_size == size
    with pytest.raises(ExportError, match="there is no folder"):
        export_to_file("reports", "json", tmp_path / "missing" / "r.json")
    assert not (tmp_path / "missing").exists()


def test_without_an_undo_record_the_changes_still_say_what_changed(
    archive_db: Any, tmp_path: Path
) -> None:
    a = dataset(tmp_path / "a.json", ("2023-11-24", 5496))
    outcome = import_files([a], undo=False)
    assert outcome.undo is None and outcome.changes.reports and not outcome.changes.items
    assert report_dates() == [D1]
    again = import_files([a], undo=False)
    assert not again.changes.any  # nothing new: nothing for the views to redo


def test_replacing_a_hand_entered_report_from_an_own_export_keeps_the_source_it_states(
    archive_db: Any, tmp_path: Path
) -> None:
    from desktop_app.core.report import Figure, LossReport
    from desktop_app.storage.db.models import Report
    from desktop_app.storage.reports import save_report

    save_report(LossReport(D2, {"tanks": Figure(5503, None)}), source="manual")
    own = tmp_path / "own.json"
    own.write_text(
        json.dumps(
            {
                "frontline_archive": 2,
                "reports": [
                    {
                        "date": D2.isoformat(),
                        "source": "petroivaniuk-json",
                        "figures": {"tanks": {"total": 5502, "change": None}},
                    }
                ],
            }
        )
    )
    outcome = import_files([own])
    assert outcome.total is not None
    [conflict] = outcome.total.conflicts
    assert conflict.stated_source == "petroivaniuk-json"
    transfer.overwrite_conflicts([conflict])
    row = Report.get(Report.date == D2)
    assert row.source == "petroivaniuk-json"  # as the file stated, not "frontline-json"
