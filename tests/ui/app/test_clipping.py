"""On a 1280×800 screen, in English and Ukrainian, no label, button or combo box of any tab
or dialog has its text cut (the probe says which does, and how much room it would need).

Measured in a child process: a screen's size is fixed when Qt starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96}


@pytest.mark.parametrize("language", ["en", "uk"])
def test_no_text_is_cut_at_1280_by_800(tmp_path: Path, language: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PROBE_LANG": language,
        "FRONTLINE_ARCHIVE_LANG": language,
    }
    env.pop("QT_SCALE_FACTOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.app.clip_probe", str(tmp_path)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    clipped = json.loads(done.stdout.strip().splitlines()[-1])
    assert clipped == {}


def test_the_probe_sees_cut_text(qtbot) -> None:
    """The probe itself: a squeezed label, button and combo box are each reported."""
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

    from tests.ui.app.clip_probe import clipped

    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    label, button, combo = QLabel("A long label text"), QPushButton("A long button"), QComboBox()
    combo.addItem("All (1,234,567)")
    for widget in (label, button, combo):
        widget.setMaximumWidth(30)
        row.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    found = clipped(root)
    assert [line.split(" ", 1)[0] for line in found] == ["QLabel", "QPushButton", "QComboBox"]
    for widget in (label, button, combo):
        widget.setMaximumWidth(1000)
    root.resize(900, 60)
    qtbot.waitUntil(lambda: clipped(root) == [])
