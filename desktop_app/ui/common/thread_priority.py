"""Lowering the priority of the calling thread only, so that the window's other threads (the
GUI thread among them) get the CPU first when they want it.

Linux gives each thread its own nice value; elsewhere this does nothing. A thread can only
lower its own priority (raising it back needs privileges), so a lane that lowers it keeps it
low for its whole life.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading


def lower_this_thread(*, by: int | None = None, to: int | None = None) -> None:
    """Add `by` to this thread's nice value, or set it `to` a value (19: it runs only on a
    core the others leave idle)."""
    if not sys.platform.startswith("linux"):
        return
    tid = threading.get_native_id()
    with contextlib.suppress(OSError):
        now = os.getpriority(os.PRIO_PROCESS, tid)
        wanted = to if to is not None else now + (by or 0)
        os.setpriority(os.PRIO_PROCESS, tid, max(now, min(wanted, 19)))
