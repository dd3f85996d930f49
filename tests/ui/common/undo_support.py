"""Driving the window's undoable commands for the undo-exactness tests, and checking them.

An action is a function `(qtbot, window, ids, start)` that drives one command through the
window as a user would (menus, dialogs, keys) and calls `start()` just before the command
writes anything: what comes before (choosing rows, opening a dialog) may read but not write,
and `start` takes the "before" picture of the archive there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.db.models import Source, SourceEntry
from desktop_app.storage.items import save_item, set_read, set_starred
from desktop_app.storage.reports import link_article, save_report
from desktop_app.storage.trash import delete_item as delete_into_trash
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.item_dialog import NO_REPORT, ItemDialog
from tests.ui.conftest import dismiss_messages, reload_list, settle_window
from tests.user_data import Dump, differences, user_data, versions

KYIV = dt.timezone(dt.timedelta(hours=2))
DAY, BEFORE = dt.date(2023, 11, 25), dt.date(2023, 11, 24)
Start = Callable[[], None]
Action = Callable[..., None]


def stored_archive() -> dict[str, int]:
    """Items of both kinds with tags, marks, sources and links; two linked reports; a
    subscription whose entry is one of the items; something in the Trash."""

    def at(hour: int) -> dt.datetime:
        return dt.datetime(2023, 11, 25, hour, 0, tzinfo=KYIV)

    ids = {
        "kyiv": save_item(
            ItemData(
                ARTICLE,
                "Air defense over Kyiv",
                at(8),
                body="Drones were shot down overnight.\n\nDebris fell.",
                lead="Overnight attack",
                author="Test Author",
                source_name="Newsroom",
                source_url="https://example.org/kyiv",
                tags=("air defense", "kyiv"),
            )
        ),
        "sumy": save_item(
            ItemData(BRIEF, "Russia shells 7 communities in Sumy Oblast.", at(9), body="20.")
        ),
        "odesa": save_item(
            ItemData(ARTICLE, "Port of Odesa keeps working", at(7), body="Ships left.")
        ),
        "feed": save_item(
            ItemData(
                BRIEF,
                "Power restored in Kharkiv",
                at(10),
                body="Crews worked all night.",
                source_name="Feed",
                source_url="https://feed.example.org/kharkiv",
                tags=("energy",),
            )
        ),
    }
    gone = save_item(ItemData(ARTICLE, "An article in the Trash", at(6), body="Old."))
    delete_into_trash(gone)
    set_read(ids["kyiv"])
    set_starred(ids["kyiv"])
    set_read(ids["feed"])
    save_report(LossReport(BEFORE, {"personnel": Figure(322_900, 900), "tanks": Figure(5_496)}))
    save_report(
        LossReport(
            DAY,
            {"personnel": Figure(323_760, 860), "tanks": Figure(5_502, 6)},
            qualifier="about",
            note="Avdiivka",
        )
    )
    link_article(DAY, ids["kyiv"])
    link_article(DAY, ids["sumy"])
    source = Source.create(name="Kharkiv feed", url="https://feed.example.org/rss", tags="feed")
    SourceEntry.create(
        source=source,
        item=ids["feed"],
        guid="kharkiv-1",
        url_key="https://feed.example.org/kharkiv",
        title_key="power restored in kharkiv",
        content_hash="h1",
    )
    return ids


@dataclass
class Pictures:
    """The archive before a command, after it, and the undo stack's size before it."""

    before: Dump | None = None
    versions: dict = field(default_factory=dict)
    steps: int = 0


def starter(qtbot, window: MainWindow, pictures: Pictures) -> Start:
    def start() -> None:
        settle_window(qtbot, window)
        pictures.before = user_data()
        pictures.versions = versions()
        pictures.steps = window.undo_stack.index()

    return start


@dataclass
class Undone:
    """One command done and undone: the archive before it, as it made it (and its versions),
    and how the archive after the undo differs from before."""

    before: Dump
    made: Dump
    made_versions: dict
    undone: dict


def do_then_undo(qtbot, window: MainWindow, act: Callable[[Start], None]) -> Undone:
    """Run `act(start)` as one step on the undo stack, then undo it."""
    pictures = Pictures()
    act(starter(qtbot, window, pictures))
    settle_window(qtbot, window)
    before = pictures.before
    assert before is not None
    assert window.undo_stack.index() == pictures.steps + 1, "one step on the undo stack"
    made, made_versions = user_data(), versions()
    assert made != before, "the command changed nothing: the test would prove nothing"
    undo(qtbot, window)
    return Undone(before, made, made_versions, differences(before, user_data()))


def undo(qtbot, window: MainWindow) -> None:
    window.undo_action.trigger()
    settle_window(qtbot, window)


def redo(qtbot, window: MainWindow) -> None:
    window.redo_action.trigger()
    settle_window(qtbot, window)


# -- archive items -----------------------------------------------------------------------
def choose(qtbot, window: MainWindow, item_ids: list[int]) -> None:
    """Choose these items in the list (the first opened without marking it read, the others
    with Ctrl+click as a user would); the reader shows one of several, unmarked."""
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(item_ids[0], mark=False)
    settle_window(qtbot, window)
    for item_id in item_ids[1:]:
        row = view.model.row_of(item_id)
        rect = view.table.visualRect(view.model.index(row, 0))
        qtbot.mouseClick(
            view.table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            rect.center(),
        )
    settle_window(qtbot, window)
    assert sorted(view.selected_ids()) == sorted(item_ids)
    view.table.setFocus()


def answer_yes(monkeypatch) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )


def type_tags(monkeypatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: (text, True)))


def shown_item_dialog() -> ItemDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ItemDialog)]
    return found[-1] if found and found[-1].isVisible() else None


def open_edit(qtbot, window: MainWindow, item_id: int) -> ItemDialog:
    """Edit ▸ Edit on the item (read on the read lane first), its dialog once open."""
    choose(qtbot, window, [item_id])
    window.edit_item_action.trigger()
    qtbot.waitUntil(lambda: shown_item_dialog() is not None)
    dialog = shown_item_dialog()
    assert dialog is not None
    settle_window(qtbot, window)  # its version is read too
    dialog._ask_report_choice = lambda *_a: NO_REPORT  # type: ignore[method-assign]
    return dialog


def save_dialog(qtbot, window: MainWindow, dialog: ItemDialog, start: Start) -> None:
    start()
    dialog.save()
    settle_window(qtbot, window)
    assert dialog.saved_id is not None, dialog.error_label.text()


def new_item_dialog(qtbot, window: MainWindow, kind: str) -> ItemDialog:
    dialog = ItemDialog(window, kind=kind)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Ferry crossing reopens in Kherson")
    dialog.lead_edit.setText("Boats again")
    dialog.body_edit.setPlainText("Boats crossed at dawn.")
    dialog.author_edit.setText("Desk")
    dialog.time_edit.setDateTime(QDateTime(2024, 3, 1, 9, 0, 0))
    dialog.source_edit.setText("Wire")
    dialog.url_edit.setText("https://example.org/ferry")
    dialog.tags_edit.setText("kherson, transport")
    dialog._ask_report_choice = lambda *_a: NO_REPORT  # type: ignore[method-assign]
    return dialog


def finish_import(qtbot, window: MainWindow, path, start: Start) -> None:
    dismiss_messages(window)
    start()
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.import_files([path])
    settle_window(qtbot, window)
    dismiss_messages(window)
