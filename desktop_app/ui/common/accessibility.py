"""Keyboard and screen-reader helpers shared by every part of the window.

- `name()` gives a widget the name and description a screen reader announces.
- `list_keys()` makes an item view leave on Tab (arrows move inside it), binds keys that act
  on its current row (Enter, F2) and opens its context menu for the current row from the
  Menu key or Shift+F10, where Qt would otherwise use a point of the view itself.
- `layout_keys()` gives a single-letter key with its twin on a Ukrainian (ЙЦУКЕН) layout,
  so that j, k, s, t and / keep working whichever layout is active.
- `claim_key()` gives a widget a key that a window-wide command also has (Delete): Qt fires
  neither of two shortcuts on one key, so the widget takes the key before any shortcut.
- `fit_to_screen()` keeps a window within the screen it opens on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QWidget

# The letter each Latin key types on the Ukrainian layout (and the Russian one, where they
# differ: ы for s), by physical key. "/" sits where the Ukrainian layout types ".".
_CYRILLIC_TWINS: dict[str, tuple[str, ...]] = {
    "J": ("О",),
    "K": ("Л",),
    "S": ("І", "Ы"),
    "T": ("Е",),
    "/": (".",),
}


def name(widget: QWidget, text: str, description: str = "") -> QWidget:
    """Set what a screen reader says for `widget`: its name, and what it does when the name
    alone does not say it."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def layout_keys(key: str) -> list[QKeySequence]:
    """`key` and the key at the same place on a Ukrainian layout ("J" → J and О)."""
    return [QKeySequence(k) for k in (key, *_CYRILLIC_TWINS.get(key.upper(), ()))]


def widget_shortcut(widget: QWidget, keys: Iterable[str], slot: Callable[[], object]) -> QShortcut:
    """Keys that act only while `widget` has the focus (each also in its Ukrainian twin).

    PySide6 ignores a `context=` keyword in QShortcut's constructor (the shortcut silently
    becomes window-wide), so the context is set afterwards.
    """
    shortcut = QShortcut(widget)
    shortcut.setKeys([seq for key in keys for seq in layout_keys(key)])
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut


class _ClaimedKey(QObject):
    def __init__(self, widget: QWidget, key: QKeySequence, slot: Callable[[], object]) -> None:
        super().__init__(widget)
        self.combo = key[0]  # type: ignore[index]  # (the stubs miss operator[])
        self.slot = slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.keyCombination() != self.combo:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut sees the key: it comes as a key press
            return True
        if event.type() == QEvent.Type.KeyPress:
            self.slot()
            return True
        return False


def claim_key(widget: QWidget, key: QKeySequence, slot: Callable[[], object]) -> None:
    """`key` runs `slot` while `widget` has the focus, also where a command of the window has
    the same key (the window's Delete deletes articles; a list's Delete removes its row)."""
    widget.installEventFilter(_ClaimedKey(widget, key, slot))


class _KeyboardMenu(QObject):
    """Opens a view's context menu at its current row when asked from the keyboard."""

    def __init__(self, view: QAbstractItemView, show: Callable[[QPoint], object]) -> None:
        super().__init__(view)
        self.view = view
        self.show = show

    def _open(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.scrollTo(index)
            self.show(self.view.visualRect(index).center())  # viewport coordinates

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            self._open()
            return True
        if (
            isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F10
            and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._open()
                return True
        return False


def list_keys(
    view: QAbstractItemView,
    *,
    activate: Callable[[], object] | None = None,
    keys: Iterable[str] = ("Return", "Enter"),
    menu: Callable[[QPoint], object] | None = None,
) -> None:
    """Tab leaves `view`; `keys` run `activate`; the Menu key and Shift+F10 call `menu` with
    the current row's centre in viewport coordinates (what a right-click passes)."""
    view.setTabKeyNavigation(False)
    if activate is not None:
        widget_shortcut(view, keys, activate)
    if menu is not None:
        view.installEventFilter(_KeyboardMenu(view, menu))


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> QSize:
    """Resize `window` to `wanted` (else its current size), within the available area of the
    screen it opens on (its parent's), and never below what its layout needs."""
    size = wanted or window.size()
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry().size()
        size = QSize(min(size.width(), room.width()), min(size.height(), room.height()))
    window.resize(size.expandedTo(window.minimumSizeHint()))
    return window.size()
