"""Clipped or cut text on a 1280×800 screen: every tab of the window and every dialog.

Run as a child process (`python -m tests.ui.app.clip_probe FOLDER`; a screen's size is fixed
when Qt starts) with the language in PROBE_LANG; prints one JSON line: {where: [what]} for
every label, button or combo box whose text does not fit the room it was given.

- a label narrower than its minimum (one line), or shorter than its text needs (wrapped);
- a button narrower than its size hint (its text is cut);
- a combo box whose shown text is wider than its text field.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from tests.ui.app.a11y_support import dialogs, end_like_the_program, open_everything


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisible() and widget.window() is root.window() and widget.width() > 0


def clipped(root: QWidget) -> list[str]:
    """What in `root`'s window does not fit, as "Class 'text': has × needs"."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        if not _shown(label, root) or not label.text().strip():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                found.append(f"QLabel {label.text()[:60]!r}: {label.height()}px high, needs {need}")
        elif label.width() + 1 < label.minimumSizeHint().width():
            need = label.minimumSizeHint().width()
            found.append(f"QLabel {label.text()[:60]!r}: {label.width()}px, needs {need}")
    for button in root.findChildren(QAbstractButton):
        if not _shown(button, root) or not button.text().strip():
            continue
        if button.width() + 1 < button.sizeHint().width():
            kind, need = type(button).__name__, button.sizeHint().width()
            found.append(f"{kind} {button.text()!r}: {button.width()}px, needs {need}")
    for combo in root.findChildren(QComboBox):
        if not _shown(combo, root) or combo.isEditable():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        style = combo.style()
        field = style.subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if need > field.width() + 1:
            found.append(f"QComboBox {combo.currentText()!r}: {field.width()}px, needs {need}")
    return found


def run_probe(folder: Path) -> dict[str, list[str]]:
    from PySide6.QtCore import QSettings

    from desktop_app.storage.db.connection import open_database
    from desktop_app.storage.demo import seed_demo_content
    from desktop_app.ui.app.main_window import MainWindow
    from desktop_app.ui.app.welcome import install_welcome
    from desktop_app.ui.archive.list_table import show_kind_counts
    from desktop_app.ui.common import i18n

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    translators = i18n.install_translators(app, os.environ.get("PROBE_LANG", "en"))
    open_database(folder / "archive.sqlite")
    seed_demo_content()  # real titles, counts and tags: their widths count
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, database_path=folder / "archive.sqlite")
    install_welcome(window, demo=True)
    window.resize(1280, 800)
    window.show()
    open_everything(window)
    found: dict[str, list[str]] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        window.runner.wait()
        for _ in range(30):
            app.processEvents()
        if index == 0:
            # Counts as long as a million-item archive's: "All (1,234,567)" must still fit.
            kinds = {"article": 456_789, "brief": 777_778}
            show_kind_counts(window.archive_view.kind_combo, kinds)
            window.archive_view.table.selectRow(0)
            window.runner.wait()
            for _ in range(10):
                app.processEvents()
        if problems := clipped(window):
            found[f"tab {index} ({window.tabs.tabText(index)})"] = problems
    for dialog in dialogs(window):
        dialog.show()
        for _ in range(5):
            app.processEvents()
        if problems := clipped(dialog):
            found[type(dialog).__name__] = problems
        dialog.hide()
    end_like_the_program(app, window)
    del translators
    return found


if __name__ == "__main__":
    print(json.dumps(run_probe(Path(sys.argv[1])), ensure_ascii=False))
