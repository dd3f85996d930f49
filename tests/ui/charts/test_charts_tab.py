"""The Charts tab's reads: a change that arrives while a read fails is read again."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from tests.ui.charts.conftest import START, TANKS
from tests.ui.conftest import settle


def test_a_change_during_a_failed_read_is_read_again(qtbot, archive, window) -> None:
    tab = window.charts_tab
    tab.action.trigger()
    settle(qtbot, window.runner)
    assert tab.view is not None
    path = Path(str(archive.database))

    def set_first_tanks(value: object) -> None:
        with sqlite3.connect(path) as raw:
            raw.execute(
                "UPDATE report_figure SET total = ? WHERE category = 'tanks' AND report_id ="
                " (SELECT id FROM report WHERE date = ?)",
                (value, START.isoformat()),
            )

    # The change below is told by `mark_stale`, as the window's own saves are, not found by
    # the watch for other programs' writes (which would start a read of its own).
    window.runner._poll.stop()
    # A figure stored in a form this program never writes: the next read fails.
    set_first_tanks("many")
    held = threading.Event()
    errors: list[str] = []
    window.show_message = lambda kind, text: errors.append(text)  # type: ignore[method-assign]
    tab.ctx.show_message = window.show_message
    window.runner.read("held", lambda: held.wait(10), success=lambda _r: None)
    tab.reload()  # waits on the read lane behind "held"
    # The figure is corrected, and the tab hears of the change while its read is out.
    window.runner.read("corrected", lambda: set_first_tanks(4_000), success=lambda _r: None)
    tab.mark_stale()
    held.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(
        lambda: tab.view.data.points["tanks"][0].total == 4_000,  # type: ignore[union-attr]
        timeout=10_000,
    )
    assert tab.view.data.points["tanks"][1].total == TANKS[1]
