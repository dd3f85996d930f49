"""File dialogs next to the open archive must leave SQLite's locks alone (issue #11 §1).

The locks are read from /proc/locks (POSIX advisory locks of this process on the archive's
inodes). In WAL mode every connection holds a read lock on the `-shm` file and a shared lock
on the archive; Qt's own dialog, left to itself, opens the files to guess their type, and the
close that follows drops every one of those locks.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.services import history
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.common import file_dialogs
from desktop_app.ui.common.file_dialogs import SafeFileDialog, archive_files_among
from tests.ui.conftest import KYIV, last_message, settle

pytestmark = [
    pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads locks from /proc/locks"),
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]

REPORT_FILE = '[{"date": "2023-11-25", "day": 640, "tank": 5502, "APC": 10400}]'


def held_locks(folder: Path) -> set[tuple[str, str, str, str]]:
    """(file name, lock kind, first byte, last byte) of this process's locks in `folder`."""
    # By inode number: on some file systems (overlayfs) stat's device is not the one
    # /proc/locks shows, and one folder's inodes are distinct anyway.
    inodes = {os.stat(path).st_ino: path.name for path in folder.iterdir()}
    held = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if fields[1] == "->":  # a waiting lock, not a held one
            continue
        pid, device, start, end = fields[4], fields[5], fields[6], fields[7]
        inode = int(device.split(":")[2])
        if int(pid) == os.getpid() and inode in inodes:
            held.add((inodes[inode], fields[3], start, end))
    return held


@pytest.fixture(autouse=True)
def own_qt_dialog_settings(tmp_path: Path) -> Iterator[None]:
    """Qt's dialog remembers its last folders in QtProject.conf; keep that file in tmp_path,
    so that no test lists (and opens files in) a folder another run left behind."""
    user_scope = QSettings.Scope.UserScope
    default = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, user_scope, str(tmp_path / "qt-config"))
    yield
    # A dialog writes that file when it is deleted: delete the ones still waiting first.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, user_scope, default)


def window_holding_locks(qtbot, window: MainWindow, folder: Path) -> set[tuple[str, ...]]:
    """Let the window's lanes open their connections; return the locks they hold."""
    window.warm_up()
    settle(qtbot, window.runner)
    held = held_locks(folder)
    names = {name for name, *_ in held}
    assert {"archive.sqlite", "archive.sqlite-shm"} <= names, held
    return held


def list_folder(qtbot, dialog: QFileDialog, folder: Path, names: list[str]) -> None:
    """Show `dialog` on `folder` and wait until its model has read every file's information
    (the type column is filled by the icon provider once a file has been examined)."""
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    dialog.setDirectory(str(folder))
    dialog.open()

    def examined() -> bool:
        return all(model.type(model.index(str(folder / name))) for name in names)

    qtbot.waitUntil(examined, timeout=10000)


def when_listed(qtbot, folder: Path, names: list[str], then) -> None:
    """Once the modal file dialog is up and has examined `names` in `folder`, call
    `then(dialog, model)`; a failure rejects the dialog (so the modal call returns)."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(20, lambda: when_listed(qtbot, folder, names, then))
        return
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    dialog.setDirectory(str(folder))
    try:
        qtbot.waitUntil(
            lambda: all(model.type(model.index(str(folder / n))) for n in names), timeout=10000
        )
        then(dialog, model)
    except BaseException:
        dialog.reject()
        raise


def test_qt_own_dialog_drops_the_window_locks(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """The reproduction: the plain dialog of Qt opens the archive's files and the locks go.

    If this fails after a Qt upgrade, Qt stopped reading files to type them; the protection
    below is then harmless but no longer needed."""
    (tmp_path / "notes.txt").write_text("a file beside the archive")
    window_holding_locks(qtbot, window, tmp_path)
    dialog = QFileDialog(window, "Import")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    list_folder(qtbot, dialog, tmp_path, ["archive.sqlite", "archive.sqlite-shm", "notes.txt"])
    qtbot.waitUntil(lambda: not {n for n, *_ in held_locks(tmp_path)} & {"archive.sqlite-shm"})
    dialog.reject()


def test_our_dialog_keeps_the_locks_and_a_command_beside_the_window_loses_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    report_file = tmp_path / "losses.json"
    report_file.write_text(REPORT_FILE)
    before = window_holding_locks(qtbot, window, tmp_path)
    archive = tmp_path / "archive.sqlite"
    present = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("archive.sqlite"))
    assert "archive.sqlite-wal" in present

    for save in (False, True):
        dialog = SafeFileDialog(window, "Import", "", "", protect=archive)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        list_folder(qtbot, dialog, tmp_path, [*present, "losses.json"])
        # The archive's files are not listed; the other file is.
        proxy = dialog.proxyModel()
        source = dialog.findChild(QFileSystemModel)
        assert proxy is not None and source is not None
        root = proxy.mapFromSource(source.index(str(tmp_path)))
        listed = {proxy.index(row, 0, root).data() for row in range(proxy.rowCount(root))}
        assert "losses.json" in listed and not listed & set(present), listed
        dialog.reject()
        assert held_locks(tmp_path) == before

    # A command beside the window: it must see the window as a user of the archive, and
    # neither its write nor the window's later one may be lost.
    command = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--database", str(archive), "import", report_file],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert command.returncode == 0, command.stderr
    assert (tmp_path / "archive.sqlite-wal").exists()  # the window's WAL is still there

    data = ItemData(ARTICLE, "Written by the window", dt.datetime(2023, 11, 26, 9, tzinfo=KYIV))
    saved: list[object] = []
    window.runner.write("save", lambda: history.save_item(data), success=saved.append)
    settle(qtbot, window.runner)
    assert saved
    assert held_locks(tmp_path) == before

    check = sqlite3.connect(archive)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = [r[0] for r in check.execute("SELECT title FROM item")]
        tanks = check.execute(
            "SELECT f.total FROM report_figure f JOIN report r ON r.id = f.report_id "
            "WHERE r.date = '2023-11-25' AND f.category = 'tanks'"
        ).fetchall()
    finally:
        check.close()
    assert "Written by the window" in titles
    assert tanks == [(5502,)]


def test_choosing_an_archive_file_is_refused_in_the_dialog(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    archive = tmp_path / "archive.sqlite"
    before = window_holding_locks(qtbot, window, tmp_path)
    dialog = SafeFileDialog(window, "Back up archive", str(tmp_path), "", protect=archive)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile("archive.sqlite-wal")
    dialog.open()
    dialog.accept()
    assert dialog.isVisible()  # still open for another choice
    assert dialog.refusal is not None and "archive.sqlite-wal" in dialog.refusal.text()
    dialog.refusal.close()
    dialog.selectFile("copy.sqlite")
    dialog.accept()
    assert not dialog.isVisible()
    assert held_locks(tmp_path) == before


def test_the_archive_is_recognised_under_another_name_without_opening_it(tmp_path: Path) -> None:
    archive = tmp_path / "archive.sqlite"
    archive.write_bytes(b"")
    (tmp_path / "other.json").write_text("[]")
    os.link(archive, tmp_path / "linked.sqlite")
    (tmp_path / "via-link.sqlite").symlink_to(archive)
    chosen = [
        tmp_path / "other.json",
        tmp_path / "linked.sqlite",
        tmp_path / "sub" / ".." / "archive.sqlite",
        tmp_path / "via-link.sqlite",
        tmp_path / "archive.sqlite-journal",  # not there now: refused by its name
    ]
    assert archive_files_among(chosen, archive) == chosen[1:]
    assert archive_files_among(chosen, None) == []


def test_dropping_the_archive_on_the_window_is_refused_before_it_is_opened(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    before = window_holding_locks(qtbot, window, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "archive.sqlite-shm"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert last_message(window) is not None
    kind, text = last_message(window)
    assert kind == "error" and "archive.sqlite-shm" in text
    assert not window.importer.busy
    settle(qtbot, window.runner)
    assert held_locks(tmp_path) == before


def test_the_window_menus_use_the_safe_dialog(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    asked: list[tuple[str, Path | None]] = []

    def fake_save(_parent, caption, _default="", _filters="", *, protect=None):
        asked.append((caption, protect))
        return None

    def fake_open(_parent, caption, _folder, _filters="", *, protect=None):
        asked.append((caption, protect))
        return []

    monkeypatch.setattr(file_dialogs, "save_file_name", fake_save)
    monkeypatch.setattr(file_dialogs, "open_file_names", fake_open)
    window.choose_import()
    window.export("reports", "json")
    window.backups.choose_destination()
    archive = tmp_path / "archive.sqlite"
    assert [protect for _c, protect in asked] == [archive, archive, archive]


def test_the_dialogs_of_import_back_up_and_export_keep_the_locks(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """The real menu commands, each running its real (modal) dialog on the archive's folder."""
    before = window_holding_locks(qtbot, window, tmp_path)
    names = ["archive.sqlite", "archive.sqlite-wal", "archive.sqlite-shm"]
    seen: list[tuple[str, bool]] = []

    def look(dialog: QFileDialog, _model: QFileSystemModel) -> None:
        seen.append((dialog.windowTitle(), held_locks(tmp_path) == before))
        dialog.reject()

    def inspect() -> None:
        when_listed(qtbot, tmp_path, names, look)

    for command in (
        window.import_action.trigger,
        window.backups.action.trigger,
        lambda: window.export("reports", "json"),
    ):
        QTimer.singleShot(0, inspect)
        command()  # returns when inspect() has closed the dialog
    assert seen == [("Import files", True), ("Back up archive", True), ("Export", True)]


def test_the_dialogs_hide_exactly_the_files_the_archive_check_knows() -> None:
    from desktop_app.services.archive_state import ARCHIVE_SUFFIXES
    from desktop_app.ui.common.file_dialogs import COMPANION_SUFFIXES

    assert COMPANION_SUFFIXES == ARCHIVE_SUFFIXES


def test_open_archives_browse_is_the_safe_dialog_and_keeps_the_locks(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """File ▸ Open archive… ▸ Browse…: it lists the folder of the open archive, where Qt's
    static dialog (or a desktop's) would open its files to type them."""
    from desktop_app.ui.app.open_archive import OpenArchiveDialog

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).close()
    before = window_holding_locks(qtbot, window, tmp_path)
    opener = OpenArchiveDialog(window)
    qtbot.addWidget(opener)
    opener.file_edit.setText(str(tmp_path / "archive.sqlite"))
    seen: list[tuple[bool, bool, bool]] = []

    names = ["archive.sqlite", "archive.sqlite-wal", "archive.sqlite-shm", "other.sqlite"]

    def choose(dialog: QFileDialog, model: QFileSystemModel) -> None:
        listed = dialog.proxyModel().mapFromSource(model.index(str(other))).isValid()
        kept = held_locks(tmp_path) == before
        seen.append((isinstance(dialog, SafeFileDialog), kept, listed))
        dialog.selectFile(str(other))
        dialog.accept()

    def inspect() -> None:
        when_listed(qtbot, tmp_path, names, choose)

    QTimer.singleShot(0, inspect)
    opener._browse()  # returns when inspect() has chosen the other archive
    assert seen == [(True, True, True)]
    assert opener.file_edit.text() == str(other)


def test_the_dialogs_labels_are_all_in_the_windows_language(qtbot, ukrainian) -> None:
    dialog = SafeFileDialog(None, "Імпорт", "", "")
    qtbot.addWidget(dialog)
    # Qt's own catalogue translates the file name and the buttons, not these two.
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "Шукати в:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "Тип файлів:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileName) != "File name:"
