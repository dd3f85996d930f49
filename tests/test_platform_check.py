from __future__ import annotations

import ctypes.util
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
    monkeypatch.setattr(platform_check, "_loads", lambda _library: False)
    monkeypatch.setattr(
        subprocess,
        "run",
        lambda args, **_kw: subprocess.CompletedProcess(args, 0, stdout=ldd, stderr=""),
    )
    monkeypatch.setattr(ctypes.util, "find_library", lambda _name: None)
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


def test_when_the_plugin_loads_no_program_is_run_to_look_for_libraries(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The usual start under X: the plugin and xcb-cursor load, so `ldd` (and `ldconfig`,
    # behind find_library) would cost ~80 ms of the start for nothing.
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    loaded: list[str] = []
    monkeypatch.setattr(platform_check, "_xcb_plugin", lambda: plugin)
    monkeypatch.setattr(platform_check, "_loads", lambda library: loaded.append(library) or True)

    def no_program(*_args: object, **_kw: object) -> object:
        raise AssertionError("a program was run")

    monkeypatch.setattr(subprocess, "run", no_program)
    monkeypatch.setattr(ctypes.util, "find_library", no_program)
    assert missing_xcb_libraries() == []
    assert loaded == [str(plugin), "libxcb-cursor.so.0"]


def test_a_library_that_cannot_be_loaded_is_told_apart(tmp_path: Path) -> None:
    (tmp_path / "libnothing.so").write_bytes(b"not a library")
    assert platform_check._loads(str(tmp_path / "libnothing.so")) is False
    assert platform_check._loads("libc.so.6") is True
