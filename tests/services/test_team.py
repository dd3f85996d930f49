"""Several people on one server archive: roles and grants, who changed what, no lost
updates, undo that never takes back someone else's later change, other users' changes seen.

Each user is a real PostgreSQL role logging in to the test server; one program opens the
archive as one user at a time, as each member's program would."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services import archive_state, history
from desktop_app.services import items as item_service
from desktop_app.services import reports as report_service
from desktop_app.storage.db.connection import Archive, open_archive
from desktop_app.storage.db.errors import ReadOnlyArchiveError
from desktop_app.storage.db.postgres import grant_statements
from desktop_app.storage.items import get_item
from desktop_app.storage.reports import load_report
from desktop_app.storage.versions import (
    ConflictError,
    figure_history,
    item_stamp,
    report_stamp,
)

AT = dt.datetime(2024, 5, 12, 9, 30, tzinfo=dt.UTC)
DAY = dt.date(2024, 5, 12)


class Team:
    def __init__(self, server: Any) -> None:
        self.server = server
        self.admin_url = server.new_database()
        self.database = self.admin_url.partition("?")[0].rpartition("/")[2]
        self.readers = server.new_role("readers")
        self.editors = server.new_role("editors")
        self.server.execute(
            f"ALTER ROLE {self.readers} NOLOGIN", f"ALTER ROLE {self.editors} NOLOGIN"
        )
        archive = open_archive(self.admin_url)  # the administrator creates the archive
        archive.db.close()
        self.server.execute(
            *grant_statements(
                self.database, "postgres", readers=self.readers, editors=self.editors
            ),
            database=self.database,
        )
        self.members: dict[str, str] = {}

    def member(self, name: str, group: str) -> str:
        role = self.server.new_role(name)
        self.server.execute(f"GRANT {group} TO {role}")
        self.members[name] = role
        return self.server.url(self.database, user=role)


@pytest.fixture
def team(pg_server: Any) -> Iterator[Team]:
    yield Team(pg_server)


def as_user(url: str) -> Archive:
    return open_archive(url)


def test_a_reader_browses_and_a_write_is_refused_with_a_clear_message(team: Team) -> None:
    anna = team.member("anna", team.editors)
    archive = as_user(anna)
    item_id = item_service.saved_id(item_service.save_item(ItemData(ARTICLE, "Drones", AT)))
    archive.db.close()

    archive = as_user(team.member("rita", team.readers))
    assert archive.read_only
    assert get_item(item_id) is not None
    with pytest.raises(ReadOnlyArchiveError, match=r"may only read the archive"):
        item_service.save_item(ItemData(ARTICLE, "Mine now", AT), item_id)
    assert get_item(item_id).data.title == "Drones"  # type: ignore[union-attr]
    archive.db.close()


def test_an_editor_cannot_upgrade_the_archive_only_the_administrator(team: Team) -> None:
    team.server.execute("UPDATE archive_schema SET version = version - 1", database=team.database)
    from desktop_app.storage.db.errors import DatabaseOpenError

    with pytest.raises(DatabaseOpenError, match="ask the archive's administrator"):
        as_user(team.member("bob", team.editors))


def test_every_change_says_who_and_a_stale_edit_is_refused_naming_them(team: Team) -> None:
    anna, bob = team.member("anna", team.editors), team.member("bob", team.editors)
    archive = as_user(anna)
    item_id = item_service.saved_id(item_service.save_item(ItemData(ARTICLE, "Drones", AT)))
    opened = item_stamp(item_id)
    assert opened is not None and opened.changed_by == team.members["anna"]
    archive.db.close()

    archive = as_user(bob)  # Bob edits it meanwhile
    item_service.save_item(ItemData(ARTICLE, "Drones over Kharkiv", AT), item_id)
    theirs = item_stamp(item_id)
    assert theirs is not None and theirs.changed_by == team.members["bob"]
    assert theirs.version > opened.version
    archive.db.close()

    archive = as_user(anna)  # Anna saves from what she opened: refused, Bob's edit stays
    with pytest.raises(ConflictError, match=f"changed by {team.members['bob']}") as info:
        item_service.save_item(
            ItemData(ARTICLE, "Drones (Anna)", AT), item_id, expected_version=opened.version
        )
    assert info.value.theirs == theirs
    assert get_item(item_id).data.title == "Drones over Kharkiv"  # type: ignore[union-attr]
    # Seeing their version, she may overwrite it on purpose (with the version she now saw).
    item_service.save_item(
        ItemData(ARTICLE, "Drones (Anna)", AT), item_id, expected_version=theirs.version
    )
    assert get_item(item_id).data.title == "Drones (Anna)"  # type: ignore[union-attr]
    archive.db.close()


def test_figures_keep_their_history_and_a_report_its_last_author(team: Team) -> None:
    anna, bob = team.member("anna", team.editors), team.member("bob", team.editors)
    archive = as_user(anna)
    report_service.save_report(LossReport(DAY, {"tanks": Figure(7500, 12)}), expected_version=0)
    first = report_stamp(DAY)
    archive.db.close()
    archive = as_user(bob)
    report_service.save_report(
        LossReport(DAY, {"tanks": Figure(7501, 13)}),
        expected_version=first.version,  # type: ignore[union-attr]
    )
    with pytest.raises(ConflictError, match="changed by"):
        report_service.save_report(
            LossReport(DAY, {"tanks": Figure(9999, 1)}),
            expected_version=first.version,  # type: ignore[union-attr]
        )
    changes = figure_history(DAY)
    archive.db.close()
    assert [(c.old_total, c.total, c.changed_by) for c in changes] == [
        (None, 7500, team.members["anna"]),
        (7500, 7501, team.members["bob"]),
    ]


def test_undo_never_takes_back_another_users_later_change(team: Team) -> None:
    anna, bob = team.member("anna", team.editors), team.member("bob", team.editors)
    archive = as_user(anna)
    item_id = item_service.saved_id(item_service.save_item(ItemData(ARTICLE, "Drones", AT)))
    step = history.save_item(ItemData(ARTICLE, "Drones (Anna)", AT), item_id)
    archive.db.close()
    archive = as_user(bob)
    item_service.save_item(ItemData(ARTICLE, "Drones (Bob)", AT), item_id)
    archive.db.close()
    archive = as_user(anna)
    with pytest.raises(ConflictError, match="undoing it would overwrite theirs"):
        step.undo()
    assert get_item(item_id).data.title == "Drones (Bob)"  # type: ignore[union-attr]
    archive.db.close()


def test_other_users_writes_move_the_version_the_window_polls_and_own_do_not(
    team: Team,
) -> None:
    import psycopg2

    anna, bob = team.member("anna", team.editors), team.member("bob", team.editors)
    archive = as_user(anna)
    seen = archive_state.data_version()
    report_service.save_report(LossReport(DAY, {"tanks": Figure(7500, 12)}))
    assert archive_state.data_version() == seen  # her own write: the window knows already
    other = psycopg2.connect(bob)  # Bob's program, at the same time
    other.autocommit = True
    with other.cursor() as cursor:
        cursor.execute("UPDATE report_figure SET total = 7501")
    other.close()
    deadline = time.monotonic() + 10
    while archive_state.data_version() == seen and time.monotonic() < deadline:
        time.sleep(0.05)
    assert archive_state.data_version() == seen + 1
    assert load_report(DAY).figures["tanks"].total == 7501  # type: ignore[union-attr]
    archive.db.close()
