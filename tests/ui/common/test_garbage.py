"""Garbage is collected on the GUI thread while a window is open, never by a worker that
happens to allocate (a full pass there held the interpreter lock for 221 ms and froze the
window during an update)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from desktop_app.ui.common.garbage import GuiThreadCollector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> _Node:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return a


@pytest.fixture
def passes() -> Iterator[list[str]]:
    """The name of the thread each collector pass ran on."""
    seen: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)


def test_a_cycle_is_freed_by_the_gui_thread_while_the_window_is_open(
    qtbot, window, passes: list[str]
) -> None:
    assert not gc.isenabled()  # the automatic collector is off while the window is open
    probe = weakref.ref(_cycle())
    for _ in range(5000):  # enough garbage for a collection to be due
        _cycle()
    assert probe() is not None  # nothing collected it on the spot
    qtbot.waitUntil(lambda: probe() is None, timeout=5000)
    assert passes and set(passes) == {threading.main_thread().name}


def test_a_worker_making_garbage_never_runs_a_pass(qtbot, window, passes: list[str]) -> None:
    def churn() -> None:
        for _ in range(50_000):
            _cycle()

    worker = threading.Thread(target=churn, name="churn")
    worker.start()
    worker.join()
    assert "churn" not in passes
    qtbot.waitUntil(lambda: bool(passes), timeout=5000)  # the GUI thread collects it
    assert "churn" not in passes


def test_the_window_freezes_what_start_up_made_and_closing_hands_it_back(
    qtbot, make_window
) -> None:
    win = make_window()
    win.ensure_built()
    qtbot.waitUntil(lambda: win.built, timeout=10000)
    assert gc.get_freeze_count() > 0
    win.close()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_two_windows_keep_it_off_until_the_last_one_closes(qtbot) -> None:
    first, second = GuiThreadCollector(), GuiThreadCollector()
    first.stop()
    assert not gc.isenabled()
    second.stop()
    second.stop()  # a second stop changes nothing
    assert gc.isenabled()
