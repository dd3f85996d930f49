"""At 150 % (QT_SCALE_FACTOR=1.5 on a 1920×1200 screen: 1280×800 logical pixels), also with
a 1.5× larger font, the window's minimum fits the screen and every dialog opens within it.

Measured in a child process: a screen's size and scale are fixed when Qt starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

SCREEN = {"name": "big", "x": 0, "y": 0, "width": 1920, "height": 1200, "logicalDpi": 96}


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize("font_scale", ["1", "1.5"])
def test_everything_fits_1280_by_800_at_150_percent(
    tmp_path: Path, language: str, font_scale: str
) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "1.5",
        "PROBE_LANG": language,
        "PROBE_FONT_SCALE": font_scale,
        "FRONTLINE_ARCHIVE_LANG": language,
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.app.a11y_support", str(tmp_path)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    sizes = json.loads(done.stdout.strip().splitlines()[-1])
    assert sizes.pop("screen") == [1280, 800]
    sizes.pop("font")
    too_big = {what: size for what, size in sizes.items() if size[0] > 1280 or size[1] > 800}
    assert too_big == {}
