"""The Losses feature reaches the archive only through services, on the runner's lanes."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT_ROOT

FEATURE = PROJECT_ROOT / "desktop_app" / "ui" / "losses"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module an `import` or `from … import` names, anywhere in the file (line, name)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # `from desktop_app import storage` names the package in its aliases.
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_no_module_of_the_feature_imports_storage():
    modules = sorted(FEATURE.glob("*.py"))
    assert len(modules) >= 7
    offenders = [
        f"{path.name}:{line} imports {name}"
        for path in modules
        for line, name in imported_modules(path)
        if name == "desktop_app.storage" or name.startswith("desktop_app.storage.")
    ]
    assert offenders == []


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from desktop_app.storage.reports import load_report\n")
    assert (2, "desktop_app.storage.reports") in imported_modules(sample)


def test_importing_the_feature_loads_neither_storage_nor_peewee():
    names = ", ".join(f"desktop_app.ui.losses.{p.stem}" for p in sorted(FEATURE.glob("[!_]*.py")))
    code = (
        f"import sys, {names}; "
        "print(sorted({m.split('.')[0] if m == 'peewee' else m for m in sys.modules "
        "if m == 'peewee' or m.startswith('desktop_app.storage')}))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == "[]"
