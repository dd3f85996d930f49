"""No Alt+letter means two things: within a menu, in the window (menu bar, tabs and what the
current tab shows), or within a dialog; in English and in Ukrainian."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QMenu

from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.common import i18n
from tests.ui.app.a11y_support import (
    dialogs,
    duplicates,
    menu_mnemonics,
    mnemonic,
    open_everything,
    visible_mnemonics,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(params=["en", "uk"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    locale = QLocale()
    translators = i18n.install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture
def translated_window(qtbot, make_window, language: str, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{language}.ini"), QSettings.Format.IniFormat)
    window: MainWindow = make_window(settings_=settings)
    open_everything(window)
    return window


def test_no_menu_has_two_commands_on_one_key(translated_window: MainWindow) -> None:
    found: dict[str, dict[str, list[str]]] = {}
    for action in translated_window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            for title, pairs in menu_mnemonics(menu).items():
                if dups := duplicates(pairs):
                    found[title] = dups
    assert found == {}


def test_no_key_of_the_window_means_two_things_in_any_tab(
    translated_window: MainWindow,
) -> None:
    window = translated_window
    bar = [(k, a.text()) for a in window.menuBar().actions() if (k := mnemonic(a.text()))]
    tabs = [
        (k, t) for i in range(window.tabs.count()) if (k := mnemonic(t := window.tabs.tabText(i)))
    ]
    found = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        shown = visible_mnemonics(window.tabs.currentWidget())
        shown += visible_mnemonics(window.problems_dock) if window.problems_dock.isVisible() else []
        if dups := duplicates(bar + tabs + shown):
            found[window.tabs.tabText(index)] = dups
    assert found == {}


def test_no_dialog_has_two_fields_on_one_key(translated_window: MainWindow) -> None:
    found = {}
    for dialog in dialogs(translated_window):
        dialog.show()
        if dups := duplicates(visible_mnemonics(dialog)):
            found[type(dialog).__name__] = dups
        dialog.hide()
    assert found == {}
