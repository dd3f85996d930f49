"""A read that fails while a change is told: shared by the views that re-read after it.

The figure is stored in a form this program never writes (text where a number belongs), so
the view's next read fails; the figure is then mended on the same read lane while that read
is still out, and the change is told. The view must read again and show the mended value."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from desktop_app.ui.common.operations import OperationRunner


def store_total(path: Path, day: dt.date, value: object, category: str | None = "tanks") -> None:
    """Write a report's total behind the program's back (all categories when `category` is
    None)."""
    which = "" if category is None else " AND category = ?"
    with sqlite3.connect(path) as raw:
        raw.execute(
            "UPDATE report_figure SET total = ? WHERE report_id ="
            f" (SELECT id FROM report WHERE date = ?){which}",
            (value, day.isoformat(), *([] if category is None else [category])),
        )


def fail_then_mend(
    runner: OperationRunner,
    path: Path,
    day: dt.date,
    mended: int,
    read: Callable[[], None],
    tell: Callable[[], None],
    category: str | None = "tanks",
) -> None:
    """Make `read` fail, and mend the figure and `tell` of it while that read is out."""
    store_total(path, day, "many", category)
    held = threading.Event()
    runner.read("held", lambda: held.wait(10), success=lambda _r: None)
    read()  # waits on the read lane behind "held": it will fail
    runner.read("mended", lambda: store_total(path, day, mended, category), success=lambda _r: None)
    tell()  # the change is told while the read is out
    held.set()
