"""The banner a window on a server archive's offline copy shows for as long as it is open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.services.session import Archive
from desktop_app.ui.app.application import offline_banner


def test_the_banner_names_the_copy_time_and_the_server(qtbot: object) -> None:
    archive = Archive(
        db=None,  # type: ignore[arg-type]
        path=Path("/tmp/copy.sqlite"),
        created=False,
        read_only=True,
        server="postgresql://anna@db.example.org/newsroom",
        offline_since=dt.datetime(2026, 5, 12, 14, 32),
    )
    label = offline_banner(archive)
    assert label.text() == (
        "Offline copy from 14:32 — read-only (postgresql://anna@db.example.org/newsroom "
        "cannot be reached)"
    )
