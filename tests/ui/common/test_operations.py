from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.storage.reports import report_dates
from desktop_app.ui.common.operations import OperationRunner


def open_archive_files(name: str) -> int:
    return sum(
        1 for fd in os.listdir("/proc/self/fd") if name in os.path.realpath(f"/proc/self/fd/{fd}")
    )


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="counts open files via /proc")
def test_operations_do_not_leave_connections_open(qtbot, archive_db: object) -> None:
    runner = OperationRunner()
    counts = []
    for _ in range(12):
        op = runner.start("read", lambda _op: report_dates())
        with qtbot.waitSignal(op.succeeded, timeout=10000):
            pass
        runner.wait()
        counts.append(open_archive_files("archive.sqlite"))
    # SQLite may keep one closed descriptor for reuse; what matters is that it stops there.
    assert counts[-1] == counts[0], counts
