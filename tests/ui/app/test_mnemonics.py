"""No Alt+letter of the main window is taken twice by what is on screen at once.

Two visible controls with one mnemonic do not both work: Qt moves the focus between them
instead of pressing either, and a menu's letter shared with a button no longer opens the
menu. Each tab is shown in turn with both panels (Sources, Data problems) open, and the
letters of the menu bar, the tabs and every visible button, label with a buddy and group are
gathered.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget

from desktop_app.ui.app.main_window import MainWindow
from tests.ui.app.a11y_support import open_everything

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand)."""
    i = 0
    while (i := text.find("&", i)) != -1 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1].lower()
        i += 2
    return None


def letters(window: MainWindow) -> dict[str, list[str]]:
    taken: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        if (key := mnemonic(action.text())) is not None:
            taken[key].append(f"menu {action.text()}")
    bar = window.tabs.tabBar()
    for i in range(bar.count()):
        if (key := mnemonic(bar.tabText(i))) is not None:
            taken[key].append(f"tab {bar.tabText(i)}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        if (key := mnemonic(text)) is not None:
            taken[key].append(f"{type(widget).__name__} {text}")
    return taken


@pytest.fixture(params=["en", "uk"])
def language(request: pytest.FixtureRequest) -> str:
    if request.param == "uk":
        request.getfixturevalue("ukrainian")
    return str(request.param)


def test_no_two_visible_controls_share_an_alt_letter(
    qtbot, language: str, window: MainWindow
) -> None:
    open_everything(window)
    window.show()
    qtbot.waitUntil(lambda: window._sources_dock is not None, timeout=20_000)
    assert window._sources_dock is not None
    window._sources_dock.show()
    window.problems_dock.show()
    clashes = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        taken = letters(window)
        clashes.update(
            {f"{window.tabs.tabText(index)}: {k}": v for k, v in taken.items() if len(v) > 1}
        )
    assert clashes == {}
