"""What the accessibility tests walk: every tab of the window and every dialog it opens.

`open_everything(window)` builds what the window builds lazily (filters, reader, Losses and
Charts tabs, Data problems panel); `dialogs(window)` makes one of each dialog, unshown.
`run_probe` is also the body of a child process (`python -m tests.ui.app.a11y_support`) that
measures sizes on a screen of a chosen size and scale, which a running QApplication cannot
change.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QGraphicsView,  # the charts (pyqtgraph's GraphicsLayoutWidget)
)


def open_everything(window) -> None:
    window.ensure_built()
    window.ensure_losses_view()
    window.charts_tab.ensure_view()
    QApplication.processEvents()


def dialogs(window) -> list[QDialog]:
    """One of each dialog of the window (none shown)."""
    from desktop_app.core.item import ARTICLE
    from desktop_app.services.pages import preview_text
    from desktop_app.storage.importing import FileImportSummary
    from desktop_app.ui.app.errors import ErrorDialog
    from desktop_app.ui.app.shortcuts_dialog import ShortcutsDialog
    from desktop_app.ui.archive.item_dialog import ItemDialog
    from desktop_app.ui.losses.report_dialog import ReportDialog
    from desktop_app.ui.transfer.import_summary_dialog import ImportSummaryDialog
    from desktop_app.ui.transfer.page_dialog import PageDialog
    from desktop_app.ui.transfer.restore_dialog import RestoreDialog
    from desktop_app.ui.transfer.trash_dialog import TrashDialog
    from tests.core.page.samples import PAGE

    losses = window.ensure_losses_view()
    error = ErrorDialog(None, window)
    error.add("ValueError: x", "Traceback (most recent call last):\n  …\nValueError: x")
    return [
        ReportDialog(window, losses),
        ItemDialog(window, kind=ARTICLE),
        TrashDialog(window),
        RestoreDialog(window),
        ShortcutsDialog(window.menuBar(), window),
        error,
        PageDialog(window, preview_text(PAGE)),
        ImportSummaryDialog(FileImportSummary(), window),
    ]


def interactive(root: QWidget) -> Iterator[QWidget]:
    """The widgets of `root`'s own window a user can reach: focusable, not a popup's, not
    an inner part of another control (a spin box's line edit, a header)."""
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if widget.window() is not root.window() or widget.focusPolicy().value == 0:
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue
        yield widget


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces as the widget's name (Qt's accessibility tree)."""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def visible_mnemonics(root: QWidget) -> list[tuple[str, str]]:
    """(key, text) of every Alt+key shown in `root` now: buttons, buddied labels, groups."""
    out = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        buddied = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or buddied:
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        key = mnemonic(text)
        if key:
            out.append((key, text))
    return out


def menu_mnemonics(menu: QMenu) -> dict[str, list[tuple[str, str]]]:
    """{menu title: [(key, text)]} for `menu` and each of its submenus."""
    found = {menu.title(): [(k, a.text()) for a in menu.actions() if (k := mnemonic(a.text()))]}
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.update(menu_mnemonics(sub))
    return found


def duplicates(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for key, text in pairs:
        by_key.setdefault(key, []).append(text)
    return {k: texts for k, texts in by_key.items() if len(texts) > 1}


def end_like_the_program(app: QApplication, window: QWidget) -> None:
    """Close the charts' views, then the window, which stops its lanes and search threads.
    Left running, a lane still delivering a result while Python finalized crashed a probe
    after it had printed (SIGSEGV, 2 runs of 16 under load)."""
    from desktop_app.ui.app.startup import close_charts

    close_charts(app)
    window.close()


def run_probe(folder: Path) -> dict[str, object]:
    """Build the window and every dialog; return their sizes and the screen's (logical px)."""
    from PySide6.QtCore import QSettings

    from desktop_app.storage.db.connection import open_database
    from desktop_app.ui.app.main_window import MainWindow
    from desktop_app.ui.common import i18n

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    scale = float(os.environ.get("PROBE_FONT_SCALE", "1"))
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(font)
    translators = i18n.install_translators(app, os.environ.get("PROBE_LANG", "en"))
    from desktop_app.storage.demo import seed_demo_content

    open_database(folder / "archive.sqlite")
    seed_demo_content()  # real figures and titles: their widths count
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, database_path=folder / "archive.sqlite")
    window.show()
    open_everything(window)
    for index in range(window.tabs.count()):  # each tab shows what was read for it
        window.tabs.setCurrentIndex(index)
        window.runner.wait()
        for _ in range(20):
            app.processEvents()
    screen = window.screen().availableGeometry()
    found: dict[str, object] = {
        "screen": [screen.width(), screen.height()],
        "font": app.font().pointSizeF(),
        "window_minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
    }
    for dialog in dialogs(window):
        dialog.show()
        app.processEvents()
        geometry = dialog.frameGeometry()
        found[type(dialog).__name__] = [geometry.width(), geometry.height()]
        dialog.hide()
    end_like_the_program(app, window)
    del translators
    return found


if __name__ == "__main__":
    print(json.dumps(run_probe(Path(sys.argv[1]))))
