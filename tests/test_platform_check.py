from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import platform_check
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


def test_missing_libraries_are_named_with_the_packages_that_bring_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A machine that runs the suite has the libraries, so what ldd and the loader say on a
    # bare one is given here: two libraries not found, one found, xcb-cursor not loadable.
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    ldd = (
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0000000000)\n"
    )
    monkeypatch.setattr(platform_check, "_xcb_plugin", lambda: plugin)
    monkeypatch.setattr(
        platform_check.subprocess,
        "run",
        lambda args, **_kw: subprocess.CompletedProcess(args, 0, stdout=ldd, stderr=""),
    )
    monkeypatch.setattr(platform_check.ctypes.util, "find_library", lambda _name: None)
    missing = missing_xcb_libraries()
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert all(lib in DEBIAN_PACKAGES for lib in missing)

    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    problem = display_problem()
    assert problem is not None and "\n" not in problem
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in problem


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
