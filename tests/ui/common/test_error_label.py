"""What a dialog refuses is written in a red that reads on the theme's background (WCAG AA),
in Light and Dark, and after a theme change while the dialog is open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.core.item import ARTICLE
from desktop_app.ui.app.open_archive import OpenArchiveDialog
from desktop_app.ui.archive.item_dialog import ItemDialog
from desktop_app.ui.common.theme import apply_theme, contrast_ratio


@pytest.fixture
def system_theme_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme("system")


def painted_contrast(label: QLabel) -> float:
    """The contrast of the label's strongest painted pixel with the background behind it."""
    window = label.window()
    background = window.palette().color(QPalette.ColorRole.Window)
    image = window.grab(QRect(label.mapTo(window, QPoint(0, 0)), label.size())).toImage()
    return max(
        contrast_ratio(QColor(image.pixel(x, y)), background)
        for x in range(image.width())
        for y in range(image.height())
    )


def test_a_refusal_reads_in_both_themes(qtbot, window, system_theme_after) -> None:
    item = ItemDialog(window, kind=ARTICLE)
    opener = OpenArchiveDialog(window)
    for dialog in (item, opener):
        qtbot.addWidget(dialog)
        dialog.show()
    item.save()  # no title
    opener.error_label.setText("Choose an archive file.")
    for theme in ("dark", "light", "dark"):  # switched while the dialogs are open
        apply_theme(theme)
        QApplication.processEvents()
        for label in (item.error_label, opener.error_label):
            assert label.text()
            assert painted_contrast(label) >= 4.5, (theme, type(label.window()).__name__)
