"""Start-up: PySide6's import hook answers "does this module use PySide6?" by reading the
file, not through `inspect` (0.3 ms a module), and gives the same answers."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop_app.ui.app.qt_import import FEATURE_MODULE, quicken_pyside_imports


def test_the_hook_reads_the_file_and_answers_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import PySide6.QtCore  # noqa: F401

    feature = sys.modules[FEATURE_MODULE]
    # Put PySide6's own check back after the test, whatever the test does to it.
    monkeypatch.setitem(vars(feature), "_mod_uses_pyside", vars(feature)["_mod_uses_pyside"])
    assert quicken_pyside_imports()
    assert quicken_pyside_imports()  # twice: not wrapped again

    (tmp_path / "fa_uses_qt.py").write_text("from PySide6 import QtCore\n")
    (tmp_path / "fa_plain.py").write_text("VALUE = 1\n")

    read: list[str] = []
    through_inspect = inspect.getsource

    def counting(obj: object) -> str:
        read.append(getattr(obj, "__name__", ""))
        return through_inspect(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", counting)
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("fa_uses_qt", "fa_plain"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # an import statement: what the hook watches
    assert read == []
    table = vars(feature)["pyside_feature_dict"]
    assert table["fa_uses_qt"] == 0  # uses PySide6: features may be switched for it
    assert table["fa_plain"] == -1  # ignored by feature switching


def test_a_module_without_a_source_file_still_gets_pysides_own_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import PySide6.QtCore  # noqa: F401

    feature = sys.modules[FEATURE_MODULE]
    monkeypatch.setitem(vars(feature), "_mod_uses_pyside", vars(feature)["_mod_uses_pyside"])
    asked: list[str] = []
    monkeypatch.setitem(vars(feature), "_mod_uses_pyside", lambda m: asked.append(m.__name__))
    assert quicken_pyside_imports()
    check = vars(feature)["_mod_uses_pyside"]
    check(ModuleType("built_in_like"))
    check(sys)
    assert asked == ["built_in_like", "sys"]


def test_the_window_on_the_system_colours_does_not_build_qstyle() -> None:
    """The Light/Dark style is a QProxyStyle, and PySide6 builds QStyle and its enums (~16 ms)
    for it; the window's modules do not, until a theme asks for it."""
    code = (
        "import sys; import desktop_app.ui.app.application; import PySide6.QtWidgets as w;"
        "print('QStyle' in vars(w));"
        "from desktop_app.ui.common.theme_style import ThemeStyle;"
        "print('QStyle' in vars(w))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split() == ["False", "True"]
