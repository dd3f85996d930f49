"""An export the disk refuses says so, names the file, and claims nothing was written."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.ui.common import file_dialogs

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)",
    r"QSvgPaintEngine::begin\(\), could not open output device",
    r"QPainter::begin\(\): Returned false",
)


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """An earlier export the user may not overwrite (read-only; immutable when run as root,
    who may write a read-only file)."""
    path = tmp_path / "chart.svg"
    path.write_text("an earlier chart", encoding="utf-8")
    path.chmod(0o444)
    locked = False
    if os.access(path, os.W_OK):
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        locked = done.returncode == 0
        if not locked:
            pytest.skip("no way to make a file unwritable here")
    yield path
    if locked:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    with contextlib.suppress(OSError):
        path.chmod(0o644)


@pytest.mark.parametrize("kind", ["svg", "png", "csv"])
def test_a_refused_export_says_nothing_was_written(view, unwritable, monkeypatch, kind) -> None:
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: unwritable)
    view._ask_export(kind)
    shown = view.hover_label.toolTip()
    assert shown.startswith(f"Nothing was exported: {unwritable} could not be written ("), shown
    assert "Exported to" not in shown
    assert unwritable.read_text(encoding="utf-8") == "an earlier chart"
