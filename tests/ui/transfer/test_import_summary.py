"""The import in the window: record progress, Cancel mid-write, the summary and its choice."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_all_reports, load_report, save_report
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.transfer.import_summary_dialog import ImportSummaryDialog

D2 = dt.date(2023, 11, 25)


def write_dataset(path: Path, days: int) -> Path:
    start = dt.date(2022, 3, 1)
    path.write_text(
        json.dumps(
            [
                {"date": (start + dt.timedelta(days=n)).isoformat(), "tank": 100 + n}
                for n in range(days)
            ]
        )
    )
    return path


def test_cancel_during_the_write_rolls_back(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = write_dataset(tmp_path / "d.json", 1500)
    op = window.importer.start([path])
    assert op is not None
    # Cancel as soon as the worker reports the first record being written.
    op.progressed.connect(lambda _d, _t, name: op.token.cancel() if not name else None)
    with qtbot.waitSignal(window.importer.cancelled, timeout=20000):
        pass
    assert load_all_reports() == []


def test_summary_lists_conflicts_and_replace_runs_a_second_import(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    save_report(LossReport(D2, {"tanks": Figure(5500)}), source="manual")
    path = tmp_path / "d.json"
    path.write_text(
        json.dumps([{"date": "2023-11-25", "tank": 5502}, {"date": "2023-11-26", "tank": 5510}])
    )
    window.import_files([path])
    qtbot.waitUntil(
        lambda: getattr(window, "import_summary_dialog", None) is not None, timeout=20000
    )
    dialog: ImportSummaryDialog = window.import_summary_dialog
    assert dialog.counts["conflicting"] == 1 and dialog.counts["added"] == 1
    assert dialog.conflict_list is not None
    assert dialog.conflict_list.item(0).text() == "2023-11-25: Tanks 5,500 → 5,502"
    assert load_report(D2) == LossReport(D2, {"tanks": Figure(5500)})  # nothing yet
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        dialog.overwrite_button.click()
    stored = load_report(D2)
    assert stored is not None and stored.figures["tanks"] == Figure(5502)


def test_a_feeds_summary_lists_each_file_its_kinds_estimates_and_repairs(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    wire = tmp_path / "wire.xml"
    wire.write_text(
        '<rss version="2.0"><channel><title>W</title>'
        "<pubDate>Sun, 12 May 2024 09:00:00 +0300</pubDate>"
        "<item><title>Undated&nbsp;alert</title><description>Sumy.</description></item>"
        "<item><title>Dated</title><description>Kharkiv.</description>"
        "<pubDate>Sun, 12 May 2024 08:00:00 +0300</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    window.import_files([wire])
    qtbot.waitUntil(
        lambda: getattr(window, "import_summary_dialog", None) is not None, timeout=20000
    )
    dialog: ImportSummaryDialog = window.import_summary_dialog
    assert dialog.file_list is not None and dialog.file_list.item(0).text() == (
        "wire.xml: added 2 (articles: 0, briefs: 2), updated 0, unchanged 0, skipped 0,"
        " dates estimated 1"
    )
    assert dialog.estimated_list is not None
    assert dialog.estimated_list.item(0).text().startswith("wire.xml: entry 1 (Undated alert)")
    assert dialog.remark_list is not None
    assert "&nbsp;" in dialog.remark_list.item(0).text()
