"""The benchmarks are not run by `make test` (minutes at 100,000 items), and most of their
imports sit inside their functions: a name moved in the program broke `make bench` without
any test noticing. Every name they import from the program must exist."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "benchmarks"
SCRIPTS = sorted(HERE.glob("*.py"))


def _submodule(package: object, name: str) -> bool:
    """Whether `name` is a module inside `package` (imported by `from package import name`)."""
    if not hasattr(package, "__path__"):
        return False
    return importlib.util.find_spec(f"{package.__name__}.{name}") is not None  # type: ignore[attr-defined]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_name_a_benchmark_imports_exists(script: Path) -> None:
    missing = []
    for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop_app"):
            module = importlib.import_module(node.module or "")
            missing += [
                f"{node.module}.{alias.name}"
                for alias in node.names
                if not hasattr(module, alias.name) and not _submodule(module, alias.name)
            ]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("desktop_app"):
                    importlib.import_module(alias.name)
    assert not missing, missing
