"""A lane's thread lowers its own priority, never the others' and never back up."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from desktop_app.ui.common.thread_priority import lower_this_thread

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a thread's own nice value")


def _nice_after(**how: int) -> tuple[int, int, int]:
    """(nice before, after a first call with `how`, after asking for 0) in a new thread."""
    seen: list[int] = []

    def run() -> None:
        seen.append(os.getpriority(os.PRIO_PROCESS, 0))
        lower_this_thread(**how)
        seen.append(os.getpriority(os.PRIO_PROCESS, 0))
        lower_this_thread(to=0)  # not raised back: that would need privileges anyway
        seen.append(os.getpriority(os.PRIO_PROCESS, 0))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    before, after, again = seen
    return before, after, again


def test_by_adds_to_the_threads_nice_value() -> None:
    before, after, again = _nice_after(by=5)
    assert after == min(before + 5, 19) and again == after


def test_to_sets_it_and_the_caller_keeps_its_own() -> None:
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    _before, after, again = _nice_after(to=19)
    assert after == 19 and again == 19
    assert os.getpriority(os.PRIO_PROCESS, 0) == mine  # only the calling thread
