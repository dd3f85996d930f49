"""No key of the window is claimed twice where both could fire.

Qt fires neither of two shortcuts that match the same key in the same place (it only warns
"Ambiguous shortcut overload"), so a key bound by a list and by a menu command does nothing
while that list has the focus. Every QAction and QShortcut of the real window (every tab and
panel built) and of each dialog is collected with where it acts: the whole window, or a
widget with the focus. A widget that takes a key itself (it accepts the ShortcutOverride,
as a text field does for its editing keys) is not a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop_app.ui.app.main_window import MainWindow
from tests.ui.app.a11y_support import dialogs, open_everything

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@dataclass(frozen=True)
class Binding:
    key: str  # QKeySequence's portable text
    what: str  # the action's text, or the shortcut's owner
    widgets: tuple[QWidget, ...]  # where it acts; () for the whole window


def _where(context: Qt.ShortcutContext, owners: list[QWidget]) -> tuple[QWidget, ...]:
    if context in WINDOW_WIDE:
        return ()
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return tuple(w for o in owners for w in (o, *o.findChildren(QWidget)))
    return tuple(owners)


def bindings(root: QWidget) -> list[Binding]:
    """Every enabled key binding living in `root`'s window."""
    found = []
    for action in root.findChildren(QAction):
        if not action.isEnabled():
            continue
        owners = [
            o
            for o in action.associatedObjects()
            if isinstance(o, QWidget) and not isinstance(o, QMenu)
        ]
        where = _where(action.shortcutContext(), owners)
        if action.shortcutContext() not in WINDOW_WIDE and not where:
            continue  # a menu's own action: it acts only while its menu is open
        for key in action.shortcuts():
            found.append(Binding(key.toString(), action.text(), where))
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(parent, QWidget):
            continue
        if parent.window() is not root.window():
            continue
        where = _where(shortcut.context(), [parent])
        for key in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
            found.append(Binding(key.toString(), type(parent).__name__, where))
    return found


def takes_key_itself(widget: QWidget, key: str) -> bool:
    """Whether `widget` (or a parent on its way) claims `key` before any shortcut sees it."""
    combo = QKeySequence(key)[0]
    text = key if len(key) == 1 else ""
    event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers(), text)
    event.ignore()
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def conflicts(root: QWidget) -> list[str]:
    by_key: dict[str, list[Binding]] = {}
    for binding in bindings(root):
        by_key.setdefault(binding.key, []).append(binding)
    found = []
    for key, group in by_key.items():
        everywhere = [b.what for b in group if not b.widgets]
        if len(everywhere) > 1:
            found.append(f"{key}: {everywhere} in the whole window")
        places = {w for b in group for w in b.widgets}
        for widget in places:
            here = everywhere + [b.what for b in group if widget in b.widgets]
            if len(here) > 1 and not takes_key_itself(widget, key):
                name = widget.accessibleName() or type(widget).__name__
                found.append(f"{key}: {here} while {name} has the focus")
    return found


@pytest.fixture
def everything(qtbot, window: MainWindow) -> MainWindow:
    from desktop_app.services.queries import SearchRequest

    open_everything(window)
    saved = window.archive_view.saved
    assert saved is not None
    saved.save("Starred", SearchRequest(starred_only=True))  # its list is shown
    return window


def test_no_key_of_the_window_fires_two_things_in_one_place(everything: MainWindow) -> None:
    assert conflicts(everything) == []


def test_no_key_of_a_dialog_fires_two_things_in_one_place(everything: MainWindow) -> None:
    found = {}
    for dialog in dialogs(everything):
        if clash := conflicts(dialog):
            found[type(dialog).__name__] = clash
    assert found == {}


def test_the_check_sees_a_list_key_that_is_also_a_window_command(qtbot) -> None:
    from PySide6.QtWidgets import QListWidget, QMainWindow

    from desktop_app.ui.common.accessibility import widget_shortcut

    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&Edit").addAction("&Delete", "Del", lambda: None)
    listing = QListWidget()
    window.setCentralWidget(listing)
    widget_shortcut(listing, ["Del"], lambda: None)
    assert conflicts(window) == ["Del: ['&Delete', 'QListWidget'] while QListWidget has the focus"]
