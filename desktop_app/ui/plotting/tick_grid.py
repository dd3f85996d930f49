"""Grid lines at an axis's labelled ticks, drawn as two plain path items.

pyqtgraph's own grid (`PlotItem.showGrid`) stretches each axis's tick picture over the whole
plot, and Qt then fills that picture's area as a polygon on every paint: ~12 ms per axis at
1280×800 here, most of a frame. Two `QGraphicsPathItem`s holding the same lines paint in well
under a millisecond, and are rebuilt only when the range or the size changes.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

# Major lines (the coarsest labelled level: years, round hundred-thousands) and minor lines
# (the next level: months, the halves between) at the alpha pyqtgraph's grid used.
MAJOR_ALPHA, MINOR_ALPHA = 0.22, 0.11


class TickGrid:
    """Vertical lines at the bottom axis's ticks, horizontal ones at the left axis's."""

    def __init__(self, plot: pg.PlotItem, x: bool = True, y: bool = True) -> None:
        self.plot = plot
        self.x, self.y = x, y
        self.major = QGraphicsPathItem()
        self.minor = QGraphicsPathItem()
        for item in (self.major, self.minor):
            # Behind every series; ignored when the view fits its range to the data.
            item.setZValue(-1000)
            plot.vb.addItem(item, ignoreBounds=True)
        self.set_colour(QColor(128, 128, 128))
        plot.vb.sigRangeChanged.connect(self.update)
        plot.vb.sigResized.connect(self.update)
        for name in ("bottom", "left"):
            plot.getAxis(name).geometryChanged.connect(self.update)
        self.update()

    def set_colour(self, colour: QColor) -> None:
        for item, alpha in ((self.major, MAJOR_ALPHA), (self.minor, MINOR_ALPHA)):
            c = QColor(colour)
            c.setAlphaF(alpha)
            pen = QPen(c)
            pen.setCosmetic(True)  # one device pixel whatever the data scale
            pen.setWidth(1)
            item.setPen(pen)

    def values(self, name: str) -> tuple[list[float], list[float]]:
        """(major, minor) tick values of the axis `name` for the range now shown."""
        axis = self.plot.getAxis(name)
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        if name == "bottom":
            low, high, length = x0, x1, axis.geometry().width()
        else:
            low, high, length = y0, y1, axis.geometry().height()
        if length <= 0 or not high > low:
            return [], []
        levels = axis.tickValues(low, high, length)
        major = [v for v in levels[0][1] if low <= v <= high] if levels else []
        minor = [v for v in levels[1][1] if low <= v <= high] if len(levels) > 1 else []
        return major, minor

    def update(self, *_args: object) -> None:
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        paths = [QPainterPath(), QPainterPath()]
        if self.x:
            for path, values in zip(paths, self.values("bottom"), strict=True):
                for v in values:
                    path.moveTo(v, y0)
                    path.lineTo(v, y1)
        if self.y:
            for path, values in zip(paths, self.values("left"), strict=True):
                for v in values:
                    path.moveTo(x0, v)
                    path.lineTo(x1, v)
        self.major.setPath(paths[0])
        self.minor.setPath(paths[1])
