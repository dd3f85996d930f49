"""Once the real program is up, the chart modules are imported and the official series read
off the GUI thread, and the Losses tab opened afterwards builds its chart from them."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop_app.ui.app.warm_up import warm_up
from desktop_app.ui.common.operations import OperationRunner
from tests.ui.app.test_startup import run_child
from tests.ui.conftest import settle

# The real entry point. An import hook notes the thread each watched module is imported on;
# once pyqtgraph is there (the warm-up runs 1.5 s after start-up), the Losses tab is opened
# and the program ends by its window's close button.
_CHILD = r"""
import sys, threading
from importlib.abc import MetaPathFinder
from desktop_app.app import main
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

WATCHED = (
    "pyqtgraph",
    "desktop_app.ui.losses.losses_view",
    "desktop_app.ui.charts.analysis_view",
    "desktop_app.core.formats.frontline_csv",  # imported by the official series' first read
)

class Note(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED:
            print("imported", name, "on", threading.current_thread().name, flush=True)
        return None

sys.meta_path.insert(0, Note())
_exec = QApplication.exec

def exec_then_watch(*_self):
    def when_warm(window, tries=[0]):
        tries[0] += 1
        if "pyqtgraph" not in sys.modules and tries[0] < 300:
            QTimer.singleShot(50, lambda: when_warm(window))
            return
        window.runner.wait(20000)
        QApplication.processEvents()
        window.tabs.setCurrentIndex(1)
        QApplication.processEvents()
        from desktop_app.core.reference_series import official_days
        print("official series read", official_days.cache_info().currsize, flush=True)
        import pyqtgraph as pg
        print("plots", len(window.findChildren(pg.GraphicsView)), flush=True)
        QTimer.singleShot(300, window.close)

    def when_open():
        opened = [w for w in QApplication.topLevelWidgets() if getattr(w, "opened", False)]
        if opened:
            when_warm(opened[0])
        else:
            QTimer.singleShot(20, when_open)

    QTimer.singleShot(0, when_open)
    return _exec()

QApplication.exec = exec_then_watch
sys.exit(main(["--database", sys.argv[1]]))
"""


def test_the_chart_modules_are_imported_off_the_gui_thread_after_start_up(tmp_path: Path) -> None:
    done = run_child(_CHILD, tmp_path, str(tmp_path / "new.sqlite"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    imported = [
        line.removeprefix("imported ").split(" on ", 1)
        for line in lines
        if line.startswith("imported ")
    ]
    # Each watched module once, on a thread other than the GUI thread (MainThread).
    assert sorted(name for name, _ in imported) == sorted(
        [
            "pyqtgraph",
            "desktop_app.ui.losses.losses_view",
            "desktop_app.ui.charts.analysis_view",
            "desktop_app.core.formats.frontline_csv",
        ]
    ), done.stdout
    # The series a pasted text is dated by is read before the report dialog is first opened.
    assert "official series read 1" in lines, done.stdout
    assert all(thread != "MainThread" for _, thread in imported), done.stdout
    # The Losses tab, opened afterwards, built its chart from what the lane imported.
    assert lines[-1] == "plots 1", done.stdout


def test_a_failed_read_of_the_official_series_is_logged_not_shown_at_start_up(
    qtbot, archive_db: object, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Nobody asked for the series yet: a failure goes to the log, and the report dialog's own
    read (which tries again) is where the user hears of it."""
    from desktop_app.core import reference_series

    def unreadable() -> tuple[object, ...]:
        raise OSError("general_staff_daily.csv.gz: Input/output error")

    monkeypatch.setattr(reference_series, "official_days", unreadable)
    runner = OperationRunner(poll_ms=0)
    told: list[str] = []
    runner.failed.connect(told.append)
    try:
        with caplog.at_level(logging.WARNING, logger="desktop_app.ui.app.warm_up"):
            warm_up(runner)
            settle(qtbot, runner)
    finally:
        runner.close()
    assert told == []
    assert "the official series was not read" in caplog.text
    assert "Input/output error" in caplog.text
