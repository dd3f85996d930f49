from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.platform_check import DEBIAN_PACKAGES, display_problem, missing_xcb_libraries


def test_no_display_is_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    problem = display_problem()
    assert problem is not None and "DISPLAY is not set" in problem
    assert "\n" not in problem


def test_offscreen_platform_needs_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_problem() is None


def test_every_reported_missing_library_has_a_package_name() -> None:
    for lib in missing_xcb_libraries():
        assert lib in DEBIAN_PACKAGES


def test_the_program_without_a_display_exits_2_with_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--database", str(tmp_path / "a.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no display" in result.stderr
    assert "Traceback" not in result.stderr
