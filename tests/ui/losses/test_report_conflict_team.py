"""Two people edit one report on the server: Anna in the report dialog, Bob through his own
connection. Anna's save is refused and the dialog offers their version beside hers: merge,
overwrite, take theirs, or keep editing. Real PostgreSQL roles, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest

from desktop_app.core.report import Figure, LossReport
from desktop_app.services import reports as report_service
from desktop_app.services.changes import Changes
from desktop_app.services.conflicts import THEIRS
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.reports import load_report
from desktop_app.storage.versions import figure_history, report_stamp
from desktop_app.ui.common.conflict_dialog import ConflictDialog
from tests.services.test_team import Team
from tests.ui.losses.test_report_dialog import DAY, make_dialog, save

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def team(pg_server: Any) -> Team:
    return Team(pg_server)


@pytest.fixture
def archive_db(team: Team) -> Iterator[object]:
    """Anna's program: the archive on the server, opened as her role."""
    archive = open_archive(team.member("anna", team.editors))
    yield archive.db
    archive.db.close()


def bob_writes(team: Team, *statements: str) -> None:
    """Bob's program, at the same time: his own login and connection."""
    con = psycopg2.connect(team.member("bob", team.editors))
    con.autocommit = True
    with con.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
    con.close()


def stored(tanks: int = 12_250) -> None:
    report_service.save_report(
        LossReport(DAY, {"tanks": Figure(tanks, 3), "aircraft": Figure(300, 0)})
    )


def bob_changes_tanks_and_note(team: Team) -> None:
    bob_writes(
        team,
        "UPDATE report_figure SET total = 12260, change = 13 WHERE category = 'tanks'",
        f"UPDATE report SET note = 'Bob checked the tanks' WHERE date = '{DAY.isoformat()}'",
    )


def conflict_box(qtbot: Any, ctx: Any, dialog: Any) -> ConflictDialog:
    ctx.settle(qtbot)
    qtbot.waitUntil(lambda: dialog.conflict_box is not None and dialog.conflict_box.isVisible())
    box = dialog.conflict_box
    assert isinstance(box, ConflictDialog)
    return box


def test_merge_takes_theirs_where_i_did_not_change_and_asks_where_both_did(
    qtbot, ctx, archive_db, team: Team
) -> None:
    stored()
    dialog = make_dialog(qtbot, ctx, date=DAY)
    bob_changes_tanks_and_note(team)
    dialog.total_edit("tanks").setText("12,251")  # both changed the tanks
    dialog.total_edit("aircraft").setText("301")  # only Anna the aircraft
    assert save(qtbot, ctx, dialog) is False
    box = conflict_box(qtbot, ctx, dialog)
    bob = team.members["bob"]
    assert f"was changed by {bob}" in box.message_label.text()
    assert load_report(DAY).figures["tanks"] == Figure(12_260, 13)  # nothing overwritten
    # Side by side: the three fields that differ; only the tanks are a conflict.
    fields = [box.table.item(r, 0).text() for r in range(box.table.rowCount())]
    assert sorted(fields) == ["Aircraft", "Note", "Tanks"]
    assert [f.key for f in box.merge.conflicts] == ["tanks"]
    assert box.table.horizontalHeaderItem(2).text() == f"Theirs ({bob})"
    box.choose("tanks", THEIRS)
    box.merge_button.click()
    ctx.settle(qtbot)
    assert dialog.result() == dialog.DialogCode.Accepted
    merged = load_report(DAY)
    assert merged is not None
    assert merged.figures["tanks"] == Figure(12_260, 13)  # theirs, as chosen
    assert merged.figures["aircraft"].total == 301  # mine: only I changed it
    assert merged.note == "Bob checked the tanks"  # theirs: only they changed it
    stamp = report_stamp(DAY)
    assert stamp is not None and stamp.changed_by == team.members["anna"]
    history = [(c.category, c.total, c.changed_by) for c in figure_history(DAY)]
    assert ("tanks", 12_260, bob) in history and ("aircraft", 301, team.members["anna"]) in history


def test_overwrite_is_explicit_and_saves_mine_as_typed(qtbot, ctx, archive_db, team) -> None:
    stored()
    dialog = make_dialog(qtbot, ctx, date=DAY)
    bob_changes_tanks_and_note(team)
    dialog.total_edit("tanks").setText("12,251")
    save(qtbot, ctx, dialog)
    box = conflict_box(qtbot, ctx, dialog)
    assert box.overwrite_button.text() == "&Overwrite theirs"
    box.overwrite_button.click()
    ctx.settle(qtbot)
    report = load_report(DAY)
    assert report is not None and report.figures["tanks"].total == 12_251
    assert report.note is None  # Bob's note went with his version: overwritten knowingly


def test_take_theirs_fills_the_form_and_keep_editing_changes_nothing(
    qtbot, ctx, archive_db, team
) -> None:
    stored()
    dialog = make_dialog(qtbot, ctx, date=DAY)
    bob_changes_tanks_and_note(team)
    dialog.total_edit("tanks").setText("12,251")
    save(qtbot, ctx, dialog)
    box = conflict_box(qtbot, ctx, dialog)
    box.keep_button.click()  # keep editing: nothing saved, and saving again asks again
    ctx.settle(qtbot)
    assert (
        dialog.result() != dialog.DialogCode.Accepted
        and load_report(DAY).figures["tanks"].total == 12_260
    )
    dialog.conflict_box = None
    save(qtbot, ctx, dialog)
    box = conflict_box(qtbot, ctx, dialog)
    box.theirs_button.click()
    ctx.settle(qtbot)
    assert dialog.total_edit("tanks").text() == "12,260"
    assert dialog.note_edit.text() == "Bob checked the tanks"
    assert dialog.result() != dialog.DialogCode.Accepted  # seen, not saved
    dialog.total_edit("tanks").setText("12,262")
    assert save(qtbot, ctx, dialog) is True  # from their version now: no conflict
    assert load_report(DAY).figures["tanks"].total == 12_262


def test_another_users_change_seen_by_the_poll_is_not_taken_as_my_base(
    qtbot, ctx, archive_db, team
) -> None:
    stored()
    dialog = make_dialog(qtbot, ctx, date=DAY)
    opened = report_stamp(DAY)
    bob_changes_tanks_and_note(team)
    ctx.runner.changed.emit(Changes(external=True))  # the window's poll noticed Bob's write
    ctx.settle(qtbot)
    assert f"last changed by {team.members['bob']}" in dialog.day_label.text()
    dialog.total_edit("aircraft").setText("301")
    assert save(qtbot, ctx, dialog) is False  # still a conflict: Bob's edit is not lost
    conflict_box(qtbot, ctx, dialog)
    assert opened is not None and load_report(DAY).figures["tanks"].total == 12_260


def test_the_figure_history_says_who_changed_which_figure_from_what_to_what(
    qtbot, ctx, archive_db, team
) -> None:
    from desktop_app.ui.losses.figure_history import FigureHistoryDialog

    stored()
    bob_changes_tanks_and_note(team)
    dialog = make_dialog(qtbot, ctx, date=DAY)
    assert dialog.history_button.isVisibleTo(dialog)
    dialog.history_button.click()
    history = dialog.findChild(FigureHistoryDialog)
    assert isinstance(history, FigureHistoryDialog)
    ctx.settle(qtbot)
    rows = [
        [history.table.item(r, c).text() for c in range(1, 5)]
        for r in range(history.table.rowCount())
    ]
    anna, bob = team.members["anna"], team.members["bob"]
    assert rows == [  # newest first
        [bob, "Tanks", "12,250 (+3)", "12,260 (+13)"],
        [anna, "Aircraft", "(none)", "300 (+0)"],
        [anna, "Tanks", "(none)", "12,250 (+3)"],
    ]
    assert history.summary.text() == "3 changes of this report's figures, newest first."
    bob_writes(team, "UPDATE report_figure SET total = 301, change = 1 WHERE category = 'aircraft'")
    ctx.runner.changed.emit(Changes(external=True))  # the window's poll saw Bob's write
    ctx.settle(qtbot)
    assert history.table.rowCount() == 4 and history.table.item(0, 2).text() == "Aircraft"
