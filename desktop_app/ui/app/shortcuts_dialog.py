"""Help ▸ Keyboard shortcuts: every menu command with its keys, read from the menus themselves
(so the list cannot drift from what the keys do), plus the keys of the article list."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common.accessibility import fit_to_screen, name


def _plain(text: str) -> str:
    # "&Import…" → "Import…"; a doubled "&&" is a real ampersand.
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(command, keys)]) for every menu command that has keys."""
    out = []
    for top in bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        rows: list[tuple[str, str]] = []
        stack: list[tuple[str, QAction]] = [("", a) for a in menu.actions()]
        while stack:
            prefix, action = stack.pop(0)
            sub = action.menu()
            if isinstance(sub, QMenu):
                stack[:0] = [(f"{prefix}{_plain(action.text())} ▸ ", a) for a in sub.actions()]
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and not action.isSeparator():
                rows.append((prefix + _plain(action.text()), keys))
        if rows:
            out.append((_plain(top.text()), rows))
    return out


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(True)
        list_keys = [
            (self.tr("Next / previous item"), "J / K, ↓ / ↑"),
            (self.tr("Open the selected item"), "Enter"),
            (self.tr("First / last item"), "Home / End"),
            (self.tr("Choose several items"), "Shift+↓ / ↑, Ctrl+click, Ctrl+A"),
            (self.tr("Search from the list"), "/"),
            (self.tr("Clear the search field"), "Esc"),
            (self.tr("From the search field to its results"), "↓"),
            (self.tr("j, k, s, t, / on a Ukrainian layout"), "о, л, і, е, ."),
            (self.tr("Edit the selected loss report"), "Enter / F2"),
            (self.tr("Menu of the selected row"), "Menu / Shift+F10"),
        ]
        sections = [*menu_shortcuts(bar), (self.tr("In the article list"), list_keys)]
        for title, rows in sections:
            head = QTreeWidgetItem([title])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for command, keys in rows:
                QTreeWidgetItem(head, [command, keys])
            head.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        name(self.tree, self.tr("Keyboard shortcuts"))
        fit_to_screen(self, QSize(560, 620))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    def rows(self) -> list[tuple[str, str]]:
        """Every (command, keys) shown, menus first."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            assert head is not None
            for j in range(head.childCount()):
                child = head.child(j)
                assert child is not None
                out.append((child.text(0), child.text(1)))
        return out
