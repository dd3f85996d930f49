"""Subscriptions on a team's server: one member adding, changing or removing a source, or an
update recording its attempt, reaches the others' windows as their other changes do (the
window polls `data_version`, which counts the other connections' NOTIFYs)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from desktop_app.services import archive_state
from desktop_app.storage import sources
from desktop_app.storage.db.connection import open_archive
from tests.services.test_team import Team

FEED = sources.SourceSettings("Newsroom feed", "https://news.example.org/feed.xml")


@pytest.fixture
def team(pg_server: Any) -> Team:
    return Team(pg_server)


def in_bobs_program(write: Callable[[], object]) -> None:
    """`write` on a connection of its own (another thread: peewee's connection is per
    thread), as Bob's program beside Anna's would."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            write()
        except BaseException as exc:  # handed to the test's thread
            failed.append(exc)
        finally:
            archive_state.close_connection()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert not failed, failed


def seen_after(before: int) -> int:
    """Anna's window's poll, until it moves (delivered at Bob's commit) or 10 s passed."""
    deadline = time.monotonic() + 10
    while archive_state.data_version() == before and time.monotonic() < deadline:
        time.sleep(0.05)
    return archive_state.data_version()


def test_another_members_subscription_changes_reach_the_window(team: Team) -> None:
    archive = open_archive(team.member("anna", team.editors))
    try:
        seen = archive_state.data_version()
        in_bobs_program(lambda: sources.add_source(FEED))
        seen, before = seen_after(seen), seen
        assert seen != before, "adding a source"
        source_id = sources.list_sources()[0].id
        renamed = sources.SourceSettings("Newsroom wire", FEED.url, every_minutes=30)
        in_bobs_program(lambda: sources.set_source(source_id, renamed))
        seen, before = seen_after(seen), seen
        assert seen != before, "changing a source"
        attempt = sources.Attempt(checked_at=dt.datetime.now(dt.UTC), ok=False, error="HTTP 503")
        in_bobs_program(lambda: sources.record_attempt(source_id, attempt))
        seen, before = seen_after(seen), seen
        assert seen != before, "an update's attempt (its error shown beside the source)"
        in_bobs_program(lambda: sources.remove_source("Newsroom wire"))
        seen, before = seen_after(seen), seen
        assert seen != before, "removing a source"
        assert sources.list_sources() == []
    finally:
        archive.db.close()
