"""Grid lines at an axis's labelled ticks, drawn as two plain path items.

pyqtgraph's own grid (`PlotItem.showGrid`) stretches each axis's tick picture over the whole
plot, and Qt then fills that picture's area as a polygon on every paint: ~12 ms per axis at
1280×800 here, most of a frame. Two `QGraphicsPathItem`s holding the same lines paint in well
under a millisecond. They are rebuilt once before the next paint after the range or the size
changed: a zoom moves x and then y, and lines built between the two are never shown.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem
from shiboken6 import isValid

# Major lines (the coarsest labelled level: years, round hundred-thousands) and minor lines
# (the next level: months, the halves between) at the alpha pyqtgraph's grid used.
MAJOR_ALPHA, MINOR_ALPHA = 0.22, 0.11


def paint_length(axis: pg.AxisItem) -> float:
    """The length in device pixels that `axis` passes to its `tickValues` when it paints
    (`AxisItem.generateDrawSpecs`: its line runs one pixel past each end). Asked with any
    other length, a date axis can pick other ticks than the ones it labels, and its
    remembered ticks (`axes._LastTicks`) are computed twice."""
    bounds = axis.mapRectFromParent(axis.geometry())
    if axis.orientation in ("left", "right"):
        edge = bounds.right() if axis.orientation == "left" else bounds.left()
        dx = -1.0 if axis.orientation == "left" else 1.0
        ends = (QPointF(edge + dx, bounds.top() - 1), QPointF(edge + dx, bounds.bottom() + 1))
    else:
        edge = bounds.top() if axis.orientation == "bottom" else bounds.bottom()
        dy = 1.0 if axis.orientation == "bottom" else -1.0
        ends = (QPointF(bounds.left() - 1, edge + dy), QPointF(bounds.right() + 1, edge + dy))
    points = [axis.mapToDevice(end) for end in ends]
    if points[0] is None or points[1] is None:  # not in a view yet
        length = bounds.height() if axis.orientation in ("left", "right") else bounds.width()
        return float(length + 2)
    return float(pg.Point(points[1] - points[0]).length())


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
        self._dirty = False
        self._scene: object | None = None
        plot.vb.sigRangeChanged.connect(self.changed)
        plot.vb.sigResized.connect(self.changed)
        for name in ("bottom", "left"):
            plot.getAxis(name).geometryChanged.connect(self.changed)
        self.update()

    def changed(self, *_args: object) -> None:
        """The range or a size changed: the lines are rebuilt before the next paint (at
        once while the plot is in no scene, which never paints it). A plot being deleted
        with its window moves its axes one last time: nothing is left to draw then."""
        if not isValid(self.plot):
            return
        scene = self.plot.scene()
        if scene is None:
            self.update()
            return
        if scene is not self._scene:
            # pyqtgraph's scene says when it is about to be painted (`prepareForPaint`).
            scene.sigPrepareForPaint.connect(self._before_paint)
            self._scene = scene
        self._dirty = True

    def _before_paint(self) -> None:
        if self._dirty:
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
        low, high = (x0, x1) if name == "bottom" else (y0, y1)
        length = paint_length(axis)
        if length <= 2 or not high > low:
            return [], []
        levels = axis.tickValues(low, high, length)
        major = [v for v in levels[0][1] if low <= v <= high] if levels else []
        minor = [v for v in levels[1][1] if low <= v <= high] if len(levels) > 1 else []
        return major, minor

    def update(self, *_args: object) -> None:
        """Rebuild the lines for the range shown now."""
        self._dirty = False
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
