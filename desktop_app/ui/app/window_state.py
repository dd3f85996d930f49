"""The main window's remembered layout, in its settings: size and place, docks, the tab, the
splitters, the list's columns and filters, the charts' choices.

The frame takes its size and place when it is made (`MainWindow.__init__`); the rest is
restored by `restore_layout` once the window is open on an archive, and the docks' part of
"window/state" when the docks exist (`MainWindow.ensure_built`). The window is passed
untyped, as to `ui.app.menus`: this module must not import the main window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray

from desktop_app.ui.app.tabs import ARCHIVE_TAB


def restore_layout(window: Any) -> None:
    settings = window.settings
    splitter = settings.value("archive/splitter")
    if isinstance(splitter, QByteArray):
        window.archive_view.splitter.restoreState(splitter)
    window.archive_view.list_layout.restore(settings)  # columns, order, view mode
    tab = str(settings.value("window/tab", ARCHIVE_TAB))
    window.tabs.setCurrentIndex(int(tab) if tab.isdigit() else ARCHIVE_TAB)


def save_state(window: Any) -> None:
    settings = window.settings
    settings.setValue("window/geometry", window.saveGeometry())
    if window.built:  # else the saved state (the dock's) is still the one to keep
        settings.setValue("window/state", window.saveState())
    settings.setValue("window/tab", window.tabs.currentIndex())
    view = window.archive_view
    settings.setValue("archive/splitter", view.splitter.saveState())
    view.list_layout.save(view.filters if view.panels_built else None, settings)
    if window.losses_view is not None:
        settings.setValue("losses/splitter", window.losses_view.splitter.saveState())
    window.charts_tab.save_state(settings)
    settings.sync()
