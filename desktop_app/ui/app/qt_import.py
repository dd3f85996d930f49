"""PySide6 reads the source of every module imported after it; start-up makes that cheap.

Once PySide6 is imported, each later import of any module goes through its `__feature__`
hook (`shibokensupport.feature.feature_imported`), which asks whether the new module's
source mentions "PySide6" (a module that does may switch on features such as snake_case).
It asks through `inspect.getsource`, and `inspect` looks the module up among all loaded
modules to find its file: about 0.3 ms a module, 40-55 ms for the ~170 modules the window
imports before its first paint (`tests/benchmarks/bench_start.py`).

`quicken_pyside_imports` gives the hook the same answer the cheap way: for a module loaded
from a `.py` file, whether the file's bytes contain b"PySide6"; for anything else
(built-in, extension, no file) PySide6's own check, unchanged. Without the hook's module
(another PySide6 version), nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def quicken_pyside_imports() -> bool:
    """Import PySide6 and make its import hook's source check cheap; True when it was."""
    import PySide6.QtCore  # noqa: F401  (installs the hook and its module)

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "reads_file", False):
        return True
    vars(feature)["_mod_uses_pyside"] = source_mentions_pyside(original)
    return True


def source_mentions_pyside(
    fallback: Callable[[ModuleType], bool],
) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return fallback(module)

    uses_pyside.reads_file = True  # type: ignore[attr-defined]
    return uses_pyside
