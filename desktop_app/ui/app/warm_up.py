"""What the real program reads and imports off the GUI thread once it is up (1.5 s after
start-up), so that what the user opens next does not wait for it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.ui.common.operations import Operation, OperationRunner

log = logging.getLogger(__name__)


def import_chart_modules() -> None:
    """The Losses and Charts tabs' modules, pyqtgraph among them: 0.25 s of imports. Imported
    on the GUI thread when the Losses tab was first opened, they held it 0.21-0.25 s; on a
    background lane the GUI thread's longest wait meanwhile is 16-22 ms. Modules only: no Qt
    object is made here (pyqtgraph makes none when imported), so none belongs to this thread."""
    import desktop_app.ui.charts.analysis_view
    import desktop_app.ui.losses.loss_chart
    import desktop_app.ui.losses.losses_view  # noqa: F401


def read_official_series() -> None:
    """The official series a pasted report text may be dated by (60-70 ms of Python, about
    3 MB). Read when the report dialog first opened, it ran beside the dialog's first paint
    and took turns with it for the interpreter: that paint held the GUI thread 80-135 ms
    (20-30 ms once read)."""
    from desktop_app.core.reference_series import official_days

    official_days()


def warm_up(runner: OperationRunner) -> Operation:
    """The articles' comparison with their reports read once (its parse is cached), and the
    chart modules imported and the official series read on the background lane; the read's
    operation."""
    from desktop_app.services import queries

    runner.read("import charts", import_chart_modules, success=lambda _n: None, background=True)
    # Nobody asked for it yet: a failure is logged, and said by the report dialog, whose own
    # read of the series tries again when it opens.
    runner.read(
        "official series",
        read_official_series,
        success=lambda _n: None,
        failure=lambda text: log.warning("the official series was not read: %s", text),
        background=True,
    )
    return runner.read(
        "warm up", lambda: len(queries.article_mismatches()), success=lambda _n: None
    )
