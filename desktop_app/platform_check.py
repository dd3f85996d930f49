"""Before Qt starts: can a window be opened here? One clear line instead of a Qt abort.

Qt's xcb plugin aborts the process when a system library is missing or no display is set;
this module finds those cases without importing Qt's GUI.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

# Shared library → the Debian/Ubuntu package that provides it.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.exists() else None


def _loads(library: str) -> bool:
    """Whether the dynamic loader can load `library` with everything it needs."""
    import ctypes

    try:
        ctypes.CDLL(library, mode=os.RTLD_LAZY)
    except OSError:
        return False
    return True


def missing_xcb_libraries() -> list[str]:
    """Shared libraries Qt's X11 plugin needs that the system lacks (Linux only)."""
    plugin = _xcb_plugin()
    if plugin is None:
        return []
    # The usual case, at the cost of loading what Qt is about to load anyway: the plugin and
    # xcb-cursor load, so nothing is missing. Only when one does not is `ldd` asked which
    # libraries are missing (two programs run: ~80 ms of every start under X otherwise).
    if _loads(str(plugin)) and _loads("libxcb-cursor.so.0"):
        return []
    import ctypes.util
    import subprocess

    try:
        out = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
    # Qt ≥ 6.5 loads xcb-cursor at run time, so ldd cannot see it.
    if ctypes.util.find_library("xcb-cursor") is None:
        missing.append("libxcb-cursor.so.0")
    return sorted(set(missing))


def display_problem() -> str | None:
    """A one-line reason why no window can be opened, or None when it can (as far as we know)."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: Qt reports its own errors there
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return (
            "no display: DISPLAY is not set (run on a desktop session, under xvfb-run, or set "
            "QT_QPA_PLATFORM=offscreen)"
        )
    missing = missing_xcb_libraries()
    if missing:
        packages = " ".join(DEBIAN_PACKAGES.get(lib, lib) for lib in missing)
        return (
            f"Qt cannot open a window: missing system libraries {', '.join(missing)} "
            f"(Debian/Ubuntu: sudo apt-get install {packages})"
        )
    return None


def qt_import_problem() -> str | None:
    """Can Qt's GUI libraries load at all? Names the missing system library if not."""
    try:
        import PySide6.QtGui
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        lib = str(exc).split(":")[0].strip()
        package = DEBIAN_PACKAGES.get(lib)
        hint = f" (Debian/Ubuntu: sudo apt-get install {package})" if package else ""
        return f"Qt cannot load: {exc}{hint}"
    return None


def main(argv: list[str] | None = None) -> int:
    """`python -m desktop_app.platform_check [--offscreen]`: run by `make` before Qt starts."""
    args = sys.argv[1:] if argv is None else argv
    problem = qt_import_problem()
    if problem is None and "--offscreen" not in args:
        problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
