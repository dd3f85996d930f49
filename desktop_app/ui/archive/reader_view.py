"""The reader: one article or brief, offline. Nothing remote is ever loaded.

Plain bodies are escaped here; HTML bodies pass the nh3 allow-list again before Qt's rich-text
engine sees them. Links open in the system browser only when clicked; searched words are
highlighted over the rendered text.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRegularExpression, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from desktop_app.core.item import ARTICLE
from desktop_app.core.sanitize import sanitize_html, text_to_html

if TYPE_CHECKING:
    from desktop_app.services.queries import StoredItem

ZOOM_LIMIT = 12
MIN_POINTS = 5


def render_item_html(item: StoredItem) -> str:
    data = item.data
    local = data.published_at.astimezone()
    # In the interface's language: "Saturday, 8 August 2026" or "субота, 8 серпня 2026 р.".
    day = QDate(local.year, local.month, local.day)
    when = QLocale().toString(day, QLocale.FormatType.LongFormat) + ", " + local.strftime("%H:%M")
    if data.date_estimated:
        # The source stated no time: say so wherever the time is shown (issue #18).
        when = QCoreApplication.translate(
            "ReaderView", "about %1 (estimated: the source gave no time)"
        ).replace("%1", when)
    byline = " · ".join(html.escape(p) for p in (data.author, data.source_name) if p)
    kind = (
        QCoreApplication.translate("ReaderView", "Article")
        if data.kind == ARTICLE
        else QCoreApplication.translate("ReaderView", "Brief")
    )
    parts = [
        f"<p style='font-size: small;'>{kind} · {html.escape(when)}</p>",
        f"<h2>{html.escape(data.title)}</h2>",
    ]
    if byline:
        parts.append(f"<p><i>{byline}</i></p>")
    if data.lead:
        parts.append(f"<p><b>{html.escape(data.lead)}</b></p>")
    # Stored HTML was sanitised on import; clean it again so an old or edited row can't slip.
    parts.append(sanitize_html(data.body_html) if data.body_html else text_to_html(data.body))
    if data.tags:
        parts.append(
            "<p style='font-size: small;'>"
            + " ".join(f"#{html.escape(t)}" for t in data.tags)
            + "</p>"
        )
    if data.source_url:
        url = html.escape(data.source_url, quote=True)
        parts.append(f"<p style='font-size: small;'><a href=\"{url}\">{url}</a></p>")
    return "".join(parts)


class ReaderView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setPlaceholderText(self.tr("Select an article or brief to read it here."))
        self.current_id: int | None = None
        self.patterns: list[str] = []  # the current search's words, marked in every item
        self.document().setDocumentMargin(18)
        self.zoom_steps = 0  # points above (or below) the normal text size
        self._normal_size = self.font().pointSizeF()

    def set_zoom(self, steps: int) -> int:
        """Text `steps` points larger (negative: smaller) than normal, within ±ZOOM_LIMIT and
        never below MIN_POINTS; returns the steps taken."""
        lowest = -int(self._normal_size - MIN_POINTS)
        steps = max(-ZOOM_LIMIT, lowest, min(ZOOM_LIMIT, steps))
        font = self.font()
        font.setPointSizeF(self._normal_size + steps)
        self.setFont(font)
        self.zoom_steps = steps
        return steps

    def show_item(self, item: StoredItem | None) -> None:
        self.current_id = item.id if item else None
        self.setHtml(render_item_html(item) if item else "")
        self.highlight(self.patterns)

    def highlight(self, patterns: list[str]) -> int:
        """Mark the searched words in the shown text; returns how many places were marked.

        Marks are extra selections over the rendered document, so the item's HTML is never
        rebuilt around the user's words (nothing typed can turn into markup).
        """
        self.patterns = list(patterns)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(255, 230, 120))
        fmt.setForeground(QColor(0, 0, 0))
        marks: list[QTextEdit.ExtraSelection] = []
        doc = self.document()
        for pattern in self.patterns:
            regex = QRegularExpression(
                pattern,
                QRegularExpression.PatternOption.CaseInsensitiveOption
                | QRegularExpression.PatternOption.UseUnicodePropertiesOption,
            )
            if not regex.isValid():
                continue
            cursor = doc.find(regex, 0)
            while not cursor.isNull() and len(marks) < 2000:
                if not cursor.hasSelection():  # an empty match would never advance
                    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
                    cursor = doc.find(regex, cursor)
                    continue
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor
                mark.format = fmt
                marks.append(mark)
                cursor = doc.find(regex, cursor)
        self.setExtraSelections(marks)
        return len(marks)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Never fetch: a saved page must not call home or load tracking pixels.
        return None

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
