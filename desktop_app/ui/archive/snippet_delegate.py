"""Paints a search snippet with the matched words in bold on a highlight, in one line; a
preview (the first words of an item, when nothing is searched for) in the palette's muted
text colour.

The snippet is drawn as plain text runs, never parsed as markup, so an item's text cannot
inject formatting into the list.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.ui.archive.archive_model import SNIPPET_ROLE

HIGHLIGHT = QColor(255, 230, 120)


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """'a \\x02b\\x03 c' → [('a ', False), ('b', True), (' c', False)]."""
    from desktop_app.services.queries import MARK_END, MARK_START

    runs: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MARK_START)):
        if i == 0:
            runs.append((part, False))
            continue
        marked, _, rest = part.partition(MARK_END)
        runs.extend([(marked, True), (rest, False)])
    return [(text, marked) for text, marked in runs if text]


class SnippetDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        snippet = index.data(SNIPPET_ROLE) or ""
        if not snippet:
            super().paint(painter, option, index)
            return
        # Let the style draw the background and selection, then the text ourselves.
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        # A preview (no search words, nothing marked) is quieter than the titles beside it:
        # the muted colour, and never bold (an unread row's title says it is unread).
        preview = "\x02" not in snippet
        roles = option.palette.ColorRole
        if option.state & QStyle.StateFlag.State_Selected:
            text_pen = option.palette.color(roles.HighlightedText)
        else:
            text_pen = option.palette.color(roles.PlaceholderText if preview else roles.Text)
        if preview:
            base.setBold(False)
        painter.save()
        painter.setClipRect(rect)
        x = rect.left()
        for text, marked in snippet_runs(snippet):
            font = bold if marked else base
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(text)
            if marked:
                painter.fillRect(QRect(x, rect.top() + 2, width, rect.height() - 4), HIGHLIGHT)
                painter.setPen(QColor(0, 0, 0))
            else:
                painter.setPen(text_pen)
            painter.setFont(font)
            painter.drawText(
                QRect(x, rect.top(), width + 1, rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                text,
            )
            x += width
            if x > rect.right():
                break
        painter.restore()
