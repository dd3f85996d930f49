"""The reader: one article or brief, offline. Nothing remote is ever loaded.

Plain bodies are escaped here; HTML bodies pass the nh3 allow-list again before Qt's rich-text
engine sees them. Links open in the system browser only when clicked; searched words are
highlighted over the rendered text.

The text keeps a comfortable measure: lines of at most about MEASURE_CHARS characters, centred
in a wider pane. Its colours come from the palette (and are rebuilt when the theme changes);
View ▸ Serif text sets a serif face, remembered by the window.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QRegularExpression, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from desktop_app.core.item import ARTICLE
from desktop_app.core.sanitize import sanitize_html, text_to_html
from desktop_app.ui.common.attribution import last_changed
from desktop_app.ui.common.i18n import long_date

if TYPE_CHECKING:
    from desktop_app.services.queries import StoredItem

ZOOM_LIMIT = 12
MIN_POINTS = 5
MEASURE_CHARS = 70  # the longest line, in average characters of the reader's font
MARGIN = 18


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def lin(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())

    darker, lighter = sorted((lum(a), lum(b)))
    return (lighter + 0.05) / (darker + 0.05)


def reader_style_sheet(palette: QPalette) -> str:
    """The reader's CSS from `palette`: links, the small print (kind, date, tags) and the rules
    of tables in a muted colour that still reads at WCAG AA on the background, or the text
    colour if none does."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    if _contrast(muted, base) < 4.5:
        muted = text
    link = palette.color(QPalette.ColorRole.Link)
    if _contrast(link, base) < 4.5:
        link = text
    return (
        f"body {{ color: {text.name()}; }}"
        f" a {{ color: {link.name()}; }}"
        f" .meta {{ color: {muted.name()}; font-size: small; }}"
        # A table of a feed or page: ruled cells with room between them (Qt's own cells have
        # neither, and a row of figures read as one number).
        " table { border-collapse: collapse; margin-top: 6px; margin-bottom: 6px; }"
        " th, td { padding: 3px 10px 3px 10px;"
        f" border-width: 1px; border-style: solid; border-color: {muted.name()}; }}"
    )


def render_item_html(item: StoredItem) -> str:
    data = item.data
    local = data.published_at.astimezone()
    when = long_date(local.date()) + ", " + local.strftime("%H:%M")
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
        f"<p class='meta'>{kind} · {html.escape(when)}</p>",
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
            "<p class='meta'>" + " ".join(f"#{html.escape(t)}" for t in data.tags) + "</p>"
        )
    if data.source_url:
        url = html.escape(data.source_url, quote=True)
        parts.append(f"<p class='meta'><a href=\"{url}\">{url}</a></p>")
    changed = last_changed(item.changed_by, item.changed_at)
    if changed:
        parts.append(
            f"<p class='meta' id='lastChanged'>{html.escape(changed[:1].upper() + changed[1:])}</p>"
        )
    return "".join(parts)


class ReaderView(QTextBrowser):
    """Signals:
    zoomRequested(int): Ctrl with the wheel asks for the text a step larger (1) or smaller
    (-1), as Ctrl++ and Ctrl+- do (the window applies and remembers it).
    """

    zoomRequested = Signal(int)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel: the window's text size steps (Qt's own zoom changed the size behind
        them: not remembered, and the next Ctrl++ then did nothing)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        event.accept()
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= 120:  # one notch; a touchpad's small steps add up
            step = 1 if self._wheel > 0 else -1
            self._wheel -= 120 * step
            self.zoomRequested.emit(step)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt draws the placeholder on one line, cut at the edge of a narrow reader (the
        Sources panel open); here it wraps."""
        if not self.document().isEmpty():
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = round(self.document().documentMargin())
        area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        flags = Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self.placeholderText())

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setPlaceholderText(self.tr("Select an article or brief to read it here."))
        self.current_id: int | None = None
        self.patterns: list[str] = []  # the current search's words, marked in every item
        self.document().setDocumentMargin(MARGIN)
        self.zoom_steps = 0  # points above (or below) the normal text size
        self._wheel = 0  # Ctrl+wheel turned short of a notch
        self._normal_size = self.font().pointSizeF()
        self._sans_family = self.font().family()
        self.serif = False
        self._item: StoredItem | None = None
        self._why = ""  # shown instead of an item: why there is none
        self._style_sheet = ""
        self._apply_style_sheet()

    def _apply_style_sheet(self) -> None:
        style = reader_style_sheet(self.palette())
        if style != self._style_sheet:
            self._style_sheet = style
            self.document().setDefaultStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            old = self._style_sheet
            self._apply_style_sheet()
            if self._style_sheet != old:
                self._render()  # the style sheet applies to HTML set after it
        elif event.type() == QEvent.Type.FontChange:
            self._fit_measure()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    def measure_width(self) -> float:
        """The widest a line of text may be, in pixels (MEASURE_CHARS of the font)."""
        return QFontMetricsF(self.font()).averageCharWidth() * MEASURE_CHARS

    def _fit_measure(self) -> None:
        """Centre the text in a column no wider than the measure (wide panes get margins)."""
        spare = self.viewport().width() - 2 * MARGIN - self.measure_width()
        side = MARGIN + max(0.0, spare / 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) > 0.5 or abs(fmt.rightMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def title(self) -> str:
        """The title of the item shown ("" when none is)."""
        return self._item.data.title if self._item is not None else ""

    def printable_document(self) -> QTextDocument:
        """The shown item for paper (Print, Export to PDF): its text in the reader's face and
        size, with the colours of the light palette whatever the theme. A copy of the screen's
        document kept a dark theme's light grey for the date, tags and link: on white paper
        they could not be read."""
        from desktop_app.ui.common.palettes import light_palette

        paper = QTextDocument()
        paper.setDefaultFont(self.font())
        paper.setDefaultStyleSheet(reader_style_sheet(light_palette()))
        paper.setHtml(render_item_html(self._item) if self._item is not None else "")
        return paper

    def set_serif(self, on: bool) -> None:
        """A serif face for the text (View ▸ Serif text), or the interface's sans face."""
        self.serif = on
        font = self.font()
        if on:
            font.setFamilies(["Noto Serif", "DejaVu Serif", "Georgia", "Times New Roman", "serif"])
            font.setStyleHint(QFont.StyleHint.Serif)
        else:
            font.setFamilies([self._sans_family])
            font.setStyleHint(QFont.StyleHint.AnyStyle)
        self.setFont(font)

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
        self._item = item
        self._why = ""
        self.current_id = item.id if item else None
        self._render()

    def show_nothing(self, why: str) -> None:
        """No item: the reader says why (no matches, …) instead of showing an unrelated one."""
        if self._item is None and self._why == why:
            return  # said already (a list reloaded after each stored batch of an update)
        self.show_item(None)
        self._why = why
        self._render()

    def _render(self) -> None:
        if self._item is not None:
            self.setHtml(render_item_html(self._item))
        elif self._why:
            self.setHtml(f"<p class='meta' align='center'>{html.escape(self._why)}</p>")
        else:
            self.setHtml("")
        self._fit_measure()
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
        """Open a web link in the browser (an address to write to in the mail program). A
        link of the page relative to it ("/news/123", as pages and feeds often write them) is
        taken against the item's address."""
        if url.isRelative() and not url.path() and url.hasFragment():
            self.scrollToAnchor(url.fragment())  # "#notes": a place in this text
            return
        base = QUrl(self._item.data.source_url or "") if self._item is not None else QUrl()
        if url.isRelative() and base.scheme() in ("http", "https"):
            url = base.resolved(url)
        if url.scheme() in ("http", "https", "mailto"):  # what the sanitiser keeps
            QDesktopServices.openUrl(url)
