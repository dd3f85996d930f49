"""Guards against a PySide6 release that would abort the program (see STYLE.md, 'The stack')."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_do_not_release_references_to_none() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(10_000):
        obj.setObjectName("x")  # returns None: the affected binding drops one reference each
    # Other threads may hold or drop a few references meanwhile; a broken binding loses 10,000.
    assert sys.getrefcount(None) - before > -1000
