"""The Charts tab's reads: a change that arrives while a read fails is read again."""

from __future__ import annotations

from pathlib import Path

from tests.ui.charts.conftest import START, TANKS
from tests.ui.conftest import settle
from tests.ui.failed_reads import fail_then_mend


def test_a_change_during_a_failed_read_is_read_again(qtbot, archive, window) -> None:
    tab = window.charts_tab
    tab.action.trigger()
    settle(qtbot, window.runner)
    assert tab.view is not None
    # The change below is told by `mark_stale`, as the window's own saves are, not found by
    # the watch for other programs' writes (which would start a read of its own).
    window.runner._poll.stop()
    errors: list[str] = []
    window.show_message = lambda kind, text: errors.append(text)  # type: ignore[method-assign]
    tab.ctx.show_message = window.show_message
    path = Path(str(archive.database))
    fail_then_mend(window.runner, path, START, 4_000, tab.reload, tab.mark_stale)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(
        lambda: tab.view.data.points["tanks"][0].total == 4_000,  # type: ignore[union-attr]
        timeout=10_000,
    )
    assert tab.view.data.points["tanks"][1].total == TANKS[1]
