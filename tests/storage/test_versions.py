"""Row versions and figure history (schema 8), the same on a file and on a server."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services import history
from desktop_app.services import items as item_service
from desktop_app.services import reports as report_service
from desktop_app.storage.items import get_item, set_read, set_starred
from desktop_app.storage.reports import load_report
from desktop_app.storage.versions import ConflictError, figure_history, item_stamp, report_stamp

AT = dt.datetime(2024, 5, 12, 9, 30, tzinfo=dt.UTC)
DAY = dt.date(2024, 5, 12)


def test_content_edits_move_the_version_and_marks_do_not(archive_db: Any) -> None:
    item_id = item_service.saved_id(item_service.save_item(ItemData(ARTICLE, "Drones", AT)))
    first = item_stamp(item_id)
    assert first is not None and first.changed_at is not None
    set_read(item_id)
    set_starred(item_id)
    assert item_stamp(item_id).version == first.version  # type: ignore[union-attr]
    item_service.save_item(ItemData(ARTICLE, "Drones over Kharkiv", AT), item_id)
    assert item_stamp(item_id).version > first.version  # type: ignore[union-attr]


def test_a_save_from_an_outdated_copy_is_refused_and_changes_nothing(archive_db: Any) -> None:
    item_id = item_service.saved_id(item_service.save_item(ItemData(ARTICLE, "Drones", AT)))
    opened = item_stamp(item_id).version  # type: ignore[union-attr]
    item_service.save_item(ItemData(ARTICLE, "Another program's edit", AT), item_id)
    with pytest.raises(ConflictError, match="since you opened it; nothing was saved"):
        item_service.save_item(ItemData(ARTICLE, "Mine", AT), item_id, expected_version=opened)
    assert get_item(item_id).data.title == "Another program's edit"  # type: ignore[union-attr]

    report_service.save_report(LossReport(DAY, {"tanks": Figure(10, 1)}), expected_version=0)
    with pytest.raises(ConflictError, match="was entered by"):
        report_service.save_report(LossReport(DAY, {"tanks": Figure(99, 1)}), expected_version=0)
    assert load_report(DAY).figures["tanks"].total == 10  # type: ignore[union-attr]


def test_each_figure_change_is_kept_with_before_and_after(archive_db: Any) -> None:
    report_service.save_report(LossReport(DAY, {"tanks": Figure(10, 1), "personnel": Figure(5, 0)}))
    version = report_stamp(DAY).version  # type: ignore[union-attr]
    report_service.save_report(LossReport(DAY, {"tanks": Figure(11, 2)}))  # apv dropped
    report_service.save_report(LossReport(DAY, {"tanks": Figure(11, 2)}))  # the same again
    assert report_stamp(DAY).version > version  # type: ignore[union-attr]
    changes = {(c.category, c.old_total, c.total) for c in figure_history(DAY)}
    assert changes == {
        ("tanks", None, 10),
        ("personnel", None, 5),
        ("tanks", 10, 11),
        ("personnel", 5, None),
    }


def test_a_deleted_report_s_figures_are_kept_in_its_history(archive_db: Any) -> None:
    # Deleted with the report (for good, or into the Trash and back by an undo), each figure
    # leaves a dated row: Figure history of that day shows the deletion.
    from desktop_app.storage.report_history import restore_reports
    from desktop_app.storage.reports import delete_report

    report_service.save_report(LossReport(DAY, {"tanks": Figure(10, 1), "personnel": Figure(5, 0)}))
    assert delete_report(DAY)
    gone = {(c.category, c.old_total, c.total) for c in figure_history(DAY)[2:]}
    assert gone == {("tanks", 10, None), ("personnel", 5, None)}
    report_service.save_report(LossReport(DAY, {"tanks": Figure(12, 2)}))
    restore_reports({DAY: None})  # an undo of that new report
    assert [(c.category, c.old_total, c.total) for c in figure_history(DAY)[-1:]] == [
        ("tanks", 12, None)
    ]


def test_undo_refuses_when_another_program_changed_the_item_after(archive_db: Any) -> None:
    item_id = item_service.saved_id(item_service.save_item(ItemData(ARTICLE, "Drones", AT)))
    mine = history.save_item(ItemData(ARTICLE, "Mine", AT), item_id)
    later = history.save_item(ItemData(ARTICLE, "Mine, later", AT), item_id)
    later.undo()  # one's own steps undo in order
    item_service.save_item(ItemData(ARTICLE, "Theirs", AT), item_id)  # not through the stack
    with pytest.raises(ConflictError, match="undoing it would overwrite theirs"):
        mine.undo()
    assert get_item(item_id).data.title == "Theirs"  # type: ignore[union-attr]


def test_a_report_deleted_and_entered_again_is_not_the_one_an_editor_opened(
    archive_db: Any,
) -> None:
    """Its version starts at 1 again, like the one opened: the row tells them apart. Put back
    from the Trash, it is a new row too (it may hold a later edit than the one opened)."""
    report_service.save_report(LossReport(DAY, {"tanks": Figure(10, 1)}), expected_version=0)
    opened = report_stamp(DAY)
    assert opened is not None and opened.row_id
    report_service.delete_report(DAY)
    report_service.save_report(LossReport(DAY, {"tanks": Figure(20, 2)}), expected_version=0)
    again = report_stamp(DAY)
    assert again is not None and again.version == opened.version
    with pytest.raises(ConflictError, match="deleted and entered again by"):
        report_service.save_report(
            LossReport(DAY, {"tanks": Figure(15, 1)}),
            expected_version=opened.version,
            expected_row=opened.row_id,
        )
    assert load_report(DAY).figures["tanks"].total == 20  # type: ignore[union-attr]
    # Their report, noted at its row, is saved over knowingly.
    report_service.save_report(
        LossReport(DAY, {"tanks": Figure(15, 1)}),
        expected_version=again.version,
        expected_row=again.row_id,
    )

    from desktop_app.services import trash

    edited = report_stamp(DAY)
    assert edited is not None
    report_service.delete_report(DAY)
    newest = max((e for e in trash.list_trash() if e.date == DAY), key=lambda e: e.id)
    trash.restore([newest.id])
    restored = report_stamp(DAY)
    assert restored is not None and restored.row_id != edited.row_id
    with pytest.raises(ConflictError, match="deleted and entered again"):
        report_service.save_report(
            LossReport(DAY, {"tanks": Figure(16, 1)}),
            expected_version=edited.version,
            expected_row=edited.row_id,
        )
    assert load_report(DAY).figures["tanks"].total == 15  # type: ignore[union-attr]


def test_an_item_put_back_after_a_delete_takes_the_next_version_not_its_first(
    archive_db: Any,
) -> None:
    """An item comes back under its own id (from the Trash, or by undo): were its version
    to start at 1 again, an edit opened before the delete could match it after a few edits
    and write over them unasked."""
    from desktop_app.services import trash

    item_id = item_service.saved_id(item_service.save_item(ItemData(ARTICLE, "Drones", AT)))
    for title in ("Drones over Sumy", "Drones over Sumy oblast"):
        item_service.save_item(ItemData(ARTICLE, title, AT), item_id)
    opened = item_stamp(item_id)
    assert opened is not None and opened.version >= 3
    item_service.delete_item(item_id)
    (entry,) = trash.list_trash()
    trash.restore([entry.id])
    back = item_stamp(item_id)
    assert back is not None and back.version > opened.version
    # The undo of a delete, too.
    step = history.delete_item(item_id)
    step.undo()
    undone = item_stamp(item_id)
    assert undone is not None and undone.version > back.version
    with pytest.raises(ConflictError):
        item_service.save_item(
            ItemData(ARTICLE, "Mine", AT), item_id, expected_version=opened.version
        )
    # Several deleted at once and put back by undo (their multi-row restore).
    several = history.delete_items([item_id])
    several.undo()
    again = item_stamp(item_id)
    assert again is not None and again.version > undone.version
