"""Chart exports: PNG at the size shown or a chosen width, SVG, and the clipboard's image.

An exported chart stands on its own: a title (what is drawn), a line with the date range, the
plots themselves (not the range strip under them, which is a control) and a source line, on the
palette's background so a dark-theme export does not come out transparent.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QPainter,
    QPalette,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Frame:
    """The texts around an exported chart."""

    title: str
    subtitle: str = ""
    source: str = ""


def _fonts(scale: float) -> tuple[QFont, QFont, QFont]:
    base = QFont(QApplication.font())
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    title = QFont(base)
    title.setPointSizeF(size * 1.3 * scale)
    title.setBold(True)
    plain = QFont(base)
    plain.setPointSizeF(size * scale)
    small = QFont(base)
    small.setPointSizeF(size * 0.9 * scale)
    return title, plain, small


def framed_size(rect: QRectF, frame: Frame, width: float | None = None) -> tuple[QSize, float]:
    """The exported image's size for the scene area `rect`, and the plots' scale in it."""
    scale = (width / rect.width()) if width else 1.0
    title, plain, small = _fonts(scale)
    pad = 8 * scale
    head = QFontMetricsF(title).lineSpacing() + QFontMetricsF(plain).lineSpacing() + 2 * pad
    foot = QFontMetricsF(small).lineSpacing() + 2 * pad
    return QSize(round(rect.width() * scale), round(head + rect.height() * scale + foot)), scale


def paint_framed(
    painter: QPainter,
    graphics: pg.GraphicsView,
    rect: QRectF,
    frame: Frame,
    size: QSize,
    scale: float,
) -> None:
    """Paint the title, the range line, the scene's `rect` and the source line."""
    palette = graphics.palette()
    text = QColor(palette.color(QPalette.ColorRole.Text))
    painter.fillRect(
        QRectF(0, 0, size.width(), size.height()), palette.color(QPalette.ColorRole.Base)
    )
    title, plain, small = _fonts(scale)
    pad = 8 * scale
    painter.setPen(text)
    y = pad
    for font, line in ((title, frame.title), (plain, frame.subtitle)):
        painter.setFont(font)
        height = QFontMetricsF(font).lineSpacing()
        painter.drawText(
            QRectF(pad, y, size.width() - 2 * pad, height), Qt.AlignmentFlag.AlignLeft, line
        )
        y += height
    y += pad
    target = QRectF(0, y, rect.width() * scale, rect.height() * scale)
    graphics.scene().render(painter, target, rect)
    painter.setFont(small)
    height = QFontMetricsF(small).lineSpacing()
    painter.drawText(
        QRectF(pad, target.bottom() + pad, size.width() - 2 * pad, height),
        Qt.AlignmentFlag.AlignLeft,
        frame.source,
    )


def framed_image(
    graphics: pg.GraphicsView, rect: QRectF, frame: Frame, width: int | None = None
) -> QImage:
    """The chart with its texts as an image `width` pixels wide (default: as shown)."""
    size, scale = framed_size(rect, frame, width)
    image = QImage(size, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        paint_framed(painter, graphics, rect, frame, size, scale)
    finally:
        painter.end()
    return image


def export_png(
    graphics: pg.GraphicsView,
    path: str | Path,
    width: int | None = None,
    *,
    rect: QRectF | None = None,
    frame: Frame | None = None,
) -> QSize:
    """Write a PNG `width` pixels wide (default: as shown), height in proportion."""
    image = framed_image(graphics, rect or graphics.sceneRect(), frame or Frame(""), width)
    writer = QImageWriter(str(path), b"PNG")
    if not writer.write(image):
        raise OSError(0, writer.errorString(), str(path))
    return image.size()


def export_svg(
    graphics: pg.GraphicsView,
    path: str | Path,
    *,
    rect: QRectF | None = None,
    frame: Frame | None = None,
) -> None:
    """Write the chart as SVG (vector: any size later).

    pyqtgraph 0.14's SVGExporter fails on Qt 6 (it cannot parse the closing "Z" Qt now writes
    for the view boxes' rectangles), so Qt's own SVG generator renders the scene instead.
    """
    area = rect or graphics.sceneRect()
    shown = frame or Frame("")
    size, scale = framed_size(area, shown)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(shown.title or "Frontline Archive chart")
    generator.setDescription(" · ".join(t for t in (shown.subtitle, shown.source) if t))
    painter = QPainter()
    # A file that cannot be opened for writing (a read-only one already there, a folder)
    # fails here; the file left in its place is not this chart.
    if not painter.begin(generator):
        device = generator.outputDevice()
        raise OSError(0, device.errorString() if device is not None else "", str(path))
    try:
        paint_framed(painter, graphics, area, shown, size, scale)
    finally:
        painter.end()
