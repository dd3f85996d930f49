"""Chart exports: PNG (pyqtgraph's exporter) at the size shown or a chosen width, and SVG.

The whole scene is exported (main plots and the overview), on the palette's background so a
dark-theme export does not come out transparent.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator


def export_png(
    graphics: pg.GraphicsLayoutWidget, path: str | Path, width: int | None = None
) -> QSize:
    """Write a PNG `width` pixels wide (default: as shown), height in proportion."""
    exporter = ImageExporter(graphics.scene())
    params = exporter.parameters()
    if width is not None:
        params["width"] = int(width)  # the exporter keeps the aspect ratio
    params["background"] = graphics.palette().color(QPalette.ColorRole.Base)
    if not exporter.export(str(path)):
        raise OSError(0, "the image could not be written", str(path))
    return QSize(int(params["width"]), int(params["height"]))


def export_svg(graphics: pg.GraphicsLayoutWidget, path: str | Path) -> None:
    """Write the chart as SVG (vector: any size later).

    pyqtgraph 0.14's SVGExporter fails on Qt 6 (it cannot parse the closing "Z" Qt now writes
    for the view boxes' rectangles), so Qt's own SVG generator renders the scene instead.
    """
    rect = graphics.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle("Frontline Archive chart")
    painter = QPainter(generator)
    try:
        painter.fillRect(
            QRectF(0, 0, rect.width(), rect.height()),
            graphics.palette().color(QPalette.ColorRole.Base),
        )
        graphics.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    finally:
        painter.end()
    if not Path(path).is_file():
        raise OSError(0, "the SVG could not be written", str(path))
