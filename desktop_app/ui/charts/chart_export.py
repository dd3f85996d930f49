"""Chart exports through pyqtgraph's exporters: PNG at the size shown or a chosen width, SVG.

The whole scene is exported (main plots and the overview), on the palette's background so a
dark-theme export does not come out transparent.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtCore import QSize
from PySide6.QtGui import QPalette


def export_png(graphics: pg.GraphicsLayoutWidget, path: str | Path,
               width: int | None = None) -> QSize:
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
    """Write the chart as SVG (vector: any size later)."""
    exporter = SVGExporter(graphics.scene())
    exporter.parameters()["background"] = graphics.palette().color(QPalette.ColorRole.Base)
    exporter.export(str(path))
