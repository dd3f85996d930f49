"""A fault of the program itself (a bug), kept for whoever reads the log: a command says it
in one line, and its traceback goes here (the window has its own handler, ui/app/errors.py)."""

from __future__ import annotations

import datetime as dt
import traceback

from desktop_app.core.paths import data_dir


def record_fault(where: str) -> str | None:
    """Append the exception being handled, with its traceback, to `frontline-archive.log` in
    the data folder; the log's path, or None when it cannot be written."""
    try:
        path = data_dir() / "frontline-archive.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{stamp} ERROR {where}:\n{traceback.format_exc()}")
    except OSError:
        return None
    return str(path)
