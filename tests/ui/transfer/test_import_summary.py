"""The import in the window: record progress, Cancel mid-write, the summary and its choice."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_all_reports, load_report, save_report
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.transfer.import_summary_dialog import ImportSummaryDialog

D2 = dt.date(2023, 11, 25)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """The English catalogue the program always loads: its plural forms ("2 articles")."""
    from PySide6.QtCore import QLocale

    from desktop_app.ui.common import i18n

    locale = QLocale()
    translators = i18n.install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


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
    qtbot, english: None, window: MainWindow, tmp_path: Path
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
    table = dialog.file_table
    assert table is not None
    row = [table.item(0, col).text() for col in range(table.columnCount())]
    assert row == ["wire.xml", "2 articles and briefs", "2", "0", "0", "0"]
    assert dialog.estimated_list is not None
    assert dialog.estimated_list.item(0).text().startswith("wire.xml: entry 1 (Undated alert)")
    assert dialog.remark_list is not None
    assert "&nbsp;" in dialog.remark_list.item(0).text()


def test_an_undated_reports_date_is_explained_in_the_windows_language(
    qtbot, ukrainian: None, window: MainWindow, tmp_path: Path
) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Russia has lost 323,760 troops and 5,502 tanks so far.\n", encoding="utf-8")
    window.import_files([post])
    qtbot.waitUntil(
        lambda: getattr(window, "import_summary_dialog", None) is not None, timeout=20000
    )
    dialog: ImportSummaryDialog = window.import_summary_dialog
    # Found by a rule, not repaired or guessed: under a heading of its own.
    assert dialog.remark_list is None
    assert dialog.dated_list is not None
    shown = dialog.dated_list.item(0).text()
    assert load_report(D2) is not None
    assert "2023-11-25: дату визначено за цифрами Генштабу, які має програма" in shown, shown


def test_the_summary_names_each_file_groups_conflicts_by_day_and_always_has_close(
    qtbot, english: None, archive_db: object, tmp_path: Path
) -> None:
    """Two files over the same days: each named with what it held; a day both contradict
    is one line; zero totals are left out; a long list of dates is folded, with its count."""
    from desktop_app.services import transfer

    save_report(LossReport(D2, {"tanks": Figure(5500)}), source="manual")
    start = dt.date(2023, 11, 1)
    days = [(start + dt.timedelta(days=n)).isoformat() for n in range(30)]
    tanks = tmp_path / "tanks.json"
    tanks.write_text(json.dumps([{"date": d, "tank": 5000 + n} for n, d in enumerate(days)]))
    people = tmp_path / "people.json"
    people.write_text(
        json.dumps([{"date": d, "personnel": 300000 + n} for n, d in enumerate(days)])
    )
    outcome = transfer.import_files([tanks, people])
    assert outcome.total is not None
    dialog = ImportSummaryDialog(outcome.total, files=outcome.files)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.file_table
    assert table is not None
    assert [table.item(r, 0).text() for r in range(2)] == ["tanks.json", "people.json"]
    assert table.item(0, 1).text() == "30 loss reports (2023-11-01 – 2023-11-30)"
    assert dialog.counts["conflicting"] == 1
    assert dialog.conflict_list is not None and dialog.conflict_list.count() == 1
    assert dialog.conflict_list.item(0).text().startswith("2023-11-25: Tanks 5,500 → 5,024")
    assert dialog.conflict_list.item(0).text().endswith("Personnel — → 300,024")
    # The second file updated 29 days: folded, its count on the button.
    assert dialog.updated_list is not None and not dialog.updated_list.isVisible()
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    labels = {w.text() for w in dialog.findChildren(QLabel)}
    assert "Skipped" not in labels and "Unchanged" not in labels
    box = dialog.findChild(QDialogButtonBox)
    assert box.button(QDialogButtonBox.StandardButton.Close) is not None
    assert dialog.overwrite_button is not None


def test_items_the_archive_holds_otherwise_are_listed_as_kept(
    qtbot, english: None, window: MainWindow, tmp_path: Path
) -> None:
    """A feed imported again after the source retitled a story: nothing is overwritten, and
    the summary names the story instead of counting it as unchanged only."""

    def feed(title: str) -> Path:
        path = tmp_path / "wire.xml"
        path.write_text(
            '<rss version="2.0"><channel><title>W</title>'
            f"<item><title>{title}</title><link>https://example.org/a</link>"
            "<description>Sumy.</description>"
            "<pubDate>Sun, 12 May 2024 08:00:00 +0300</pubDate></item>"
            "<item><title>Same</title><link>https://example.org/b</link>"
            "<description>Kharkiv.</description>"
            "<pubDate>Sun, 12 May 2024 09:00:00 +0300</pubDate></item></channel></rss>",
            encoding="utf-8",
        )
        return path

    def imported(path: Path) -> ImportSummaryDialog:
        window.import_summary_dialog = None
        window.import_files([path])
        qtbot.waitUntil(
            lambda: getattr(window, "import_summary_dialog", None) is not None, timeout=20000
        )
        dialog: ImportSummaryDialog = window.import_summary_dialog
        dialog.close()
        return dialog

    assert imported(feed("Shelling in Sumy")).differing_list is None
    dialog = imported(feed("Shelling in Sumy oblast"))
    assert dialog.counts["unchanged"] == 2
    shown = dialog.differing_list
    assert shown is not None
    assert [shown.item(i).text() for i in range(shown.count())] == ["Shelling in Sumy oblast"]
