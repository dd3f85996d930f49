"""An archive that cannot be opened is explained in a window when the window was asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import app
from desktop_app.ui.app.application import startup_error_box
from desktop_app.ui.app.main_window import MainWindow


def test_the_box_names_the_problem(qapp) -> None:
    box = startup_error_box("/data/archive.sqlite: not a Frontline Archive database")
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.text() == "The archive could not be opened."
    assert "not a Frontline Archive database" in box.informativeText()


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    told: list[str] = []

    def show(text: str) -> None:
        # The frame is off the screen by the time the box says why.
        if not [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]:
            told.append(text)
        else:
            told.append("shown over a frame")

    monkeypatch.setattr("desktop_app.ui.app.application.show_startup_error", show)
    # The window's error hooks stay out of this test process (they would show later
    # tests' errors in a dialog instead of failing them).
    monkeypatch.setattr("desktop_app.ui.app.startup.install_error_hooks", lambda *_a: None)
    monkeypatch.setattr("desktop_app.platform_check.display_problem", lambda: None)
    return told


def test_opening_the_window_on_a_broken_file_says_so_in_a_box(
    shown, tmp_path: Path, qapp, capsys
) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not SQLite at all" * 100)
    # The frame paints first; the archive is opened after, and the program ends with 2.
    assert app.main(["--database", str(broken)]) == 2
    assert len(shown) == 1 and str(broken) in shown[0]
    assert broken.read_bytes() == b"this is not SQLite at all" * 100
    assert "not a Frontline Archive database" in capsys.readouterr().err  # a terminal too
    # The frame is gone once the program has ended.
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]


def test_a_command_on_a_broken_file_only_prints(shown, tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not SQLite at all" * 100)
    assert app.main(["--database", str(broken), "check"]) == 2
    assert shown == []
    assert "not a Frontline Archive database" in capsys.readouterr().err
