"""The last column's text as painted: a preview (no search words) in the palette's muted
colour, words in context in the text colour, in the light and the dark palette."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from desktop_app.ui.archive.archive_model import SNIPPET_ROLE
from desktop_app.ui.archive.snippet_delegate import SnippetDelegate

WIDTH, HEIGHT = 420, 24


def painted(view: QTableView, text: str) -> QImage:
    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData(text, SNIPPET_ROLE)
    model.setItem(0, 0, item)
    view.setModel(model)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(view.palette().color(QPalette.ColorRole.Base))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, WIDTH, HEIGHT)
    painter = QPainter(image)
    SnippetDelegate(view).paint(painter, option, model.index(0, 0))
    painter.end()
    return image


def strongest(image: QImage, base: QColor) -> int:
    """How far the text's most distinct pixel is from the background (0–255)."""
    return max(
        abs(QColor(image.pixel(x, y)).lightness() - base.lightness())
        for x in range(image.width())
        for y in range(image.height())
    )


def distance(color: QColor, base: QColor) -> int:
    """How far `color`, drawn over `base` (with its transparency), is from it."""
    alpha = color.alphaF()
    return round(abs(color.lightness() - base.lightness()) * alpha)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_a_preview_is_quieter_than_words_in_context(qtbot, dark: bool) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    palette = view.palette()
    if dark:
        palette.setColor(QPalette.ColorRole.Base, QColor("#262626"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#E6E6E6"))
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9A9A9A"))
        view.setPalette(palette)
    base = view.palette().color(QPalette.ColorRole.Base)
    words = "Ships left the harbour of Odesa at dawn"
    preview = strongest(painted(view, words), base)
    # The same words with a match in them: its unmarked words in the text colour.
    in_context = strongest(painted(view, "Ships left the \x02harbour\x03 of Odesa at dawn"), base)
    text, muted = (
        distance(view.palette().color(role), base)
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.PlaceholderText)
    )
    assert muted < text  # the palette has a quieter colour to show
    assert preview <= muted + 10 < in_context
