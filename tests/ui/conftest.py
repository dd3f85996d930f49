from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.storage.items import save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.common.operations import OperationRunner

KYIV = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture(scope="session", autouse=True)
def english_catalogue(qapp) -> Iterator[None]:
    """The English catalogue, as the program loads it: plural forms read "1 figure", "3 figures"."""
    from desktop_app.ui.common import i18n

    translators = i18n.install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def ukrainian(qapp) -> Iterator[None]:
    """The window's language Ukrainian for one test (our catalogue, Qt's, the locale's number
    format), then English again."""
    from PySide6.QtCore import QLocale

    from desktop_app.ui.common import i18n

    locale = QLocale()
    translators = i18n.install_translators(qapp, "uk")
    QLocale.setDefault(QLocale("uk_UA"))
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def no_key_left_held(qapp) -> Iterator[None]:
    """Begin every test with no modifier key down, as a user's next action would.

    QTest leaves Shift "held" after a click with Ctrl+Shift (Qt keeps the modifiers of the
    last key event it saw), and what Qt does on a later selection or click reads them: the
    Trash test failed intermittently after the undo test's Ctrl+Shift+Z until its dialog
    stopped depending on them. Released after each test so no test inherits another's keys.
    """
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        target = QWidget()
        for key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            QTest.keyRelease(target, key)
        target.deleteLater()


def settle(qtbot, runner: OperationRunner, timeout: int = 10000) -> None:
    """Wait until every operation the window started has run and delivered its result."""
    qtbot.waitUntil(lambda: runner.idle, timeout=timeout)


def last_message(window: MainWindow) -> tuple[str, str] | None:
    """What the window last told the user and is still on screen, as (kind, text): the newest
    open message box ("error" for a warning icon, else "info"), or the import summary."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    from desktop_app.ui.transfer.import_summary_dialog import ImportSummaryDialog

    shown: list[tuple[str, str]] = []
    for dialog in window.findChildren(QDialog):  # in the order they were made
        if not dialog.isVisible():
            continue
        if isinstance(dialog, QMessageBox):
            warning = dialog.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical)
            shown.append(("error" if warning else "info", dialog.text()))
        elif isinstance(dialog, ImportSummaryDialog):
            shown.append(("info", dialog.windowTitle()))
    return shown[-1] if shown else None


def dismiss_messages(window: MainWindow) -> None:
    """Close what the window shows, as a user would, before the next step of a test."""
    from PySide6.QtWidgets import QDialog

    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            dialog.close()


def settle_window(qtbot, window: MainWindow, timeout: int = 10000) -> None:
    """Wait until the window's operations, and the archive list's searches and pages of rows,
    have all been delivered (the reader shows its item, the list what is stored)."""
    view = window.archive_view
    qtbot.waitUntil(lambda: window.runner.idle and view.idle, timeout=timeout)


def reload_list(qtbot, window: MainWindow) -> None:
    """Search the archive list again (as after a change) and wait until it is shown."""
    window.archive_view.reload()
    settle_window(qtbot, window)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def sample_items(archive_db: object) -> dict[str, int]:
    """Three items with known words, saved in a real archive."""

    def at(hour: int) -> dt.datetime:
        return dt.datetime(2023, 11, 25, hour, 0, tzinfo=KYIV)

    return {
        "sumy": save_item(
            ItemData(
                BRIEF,
                "Russia shells 7 communities in Sumy Oblast.",
                at(9),
                body="Regional authorities counted 20 attacks.",
            )
        ),
        "kyiv": save_item(
            ItemData(
                ARTICLE,
                "Air defense over Kyiv",
                at(8),
                body="Drones were shot down overnight.\n\nDebris fell.",
                author="Test Author",
                tags=("air defense",),
            )
        ),
        "odesa": save_item(
            ItemData(ARTICLE, "Port of Odesa keeps working", at(7), body="Ships left the harbour.")
        ),
    }


@pytest.fixture
def make_window(
    qtbot, archive_db: object, settings: QSettings, tmp_path: Path
) -> Callable[..., MainWindow]:
    """The one way tests build the window: on the test's archive and settings, shown, closed
    by pytest-qt at the end. Options are MainWindow's (read_only, daily_backups, …); a second
    call makes a second window on the same files (a restart)."""

    def make(
        *, show: bool = True, settings_: QSettings | None = None, **options: Any
    ) -> MainWindow:
        options.setdefault("database_path", tmp_path / "archive.sqlite")
        win = MainWindow(settings_ or settings, **options)
        qtbot.addWidget(win)
        if show:
            win.show()
        return win

    return make


# Fixtures that write an archive's rows on the test's thread. A test asking for one beside
# `window` gets them before the window opens: written after, they would be another
# program's writes to the window, which searches again when its poll notices them (in the
# middle of the test's own search).
WRITTEN_BEFORE_THE_WINDOW = ("sample_items", "reports", "stored_before")


@pytest.fixture
def window(
    qtbot, make_window: Callable[..., MainWindow], request: pytest.FixtureRequest
) -> Iterator[MainWindow]:
    for name in WRITTEN_BEFORE_THE_WINDOW:
        if name in request.fixturenames:
            request.getfixturevalue(name)
    win = make_window()
    # The window fills its list from the search worker: wait for it, so that the first
    # search's answer cannot be taken for a test's own.
    settle_window(qtbot, win)
    yield win
    win.runner.wait()
