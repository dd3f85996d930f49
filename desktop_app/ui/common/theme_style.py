"""The Fusion style of the Light and Dark themes, with check boxes that keep their edge.

Its own module: a `QProxyStyle` subclass makes PySide6 build `QStyle` and its enums
(about 16 ms), which a window on the system's colours never needs; `theme.apply_theme`
imports it only when Light or Dark is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from desktop_app.ui.common.palettes import palette_is_dark

# The edge of a check box or radio button on a dark background: Fusion draws it a shade
# darker than the window, which all but vanishes on a dark list (3:1 is WCAG's floor for
# the parts of a control).
DARK_EDGE = "#8C8C8C"
_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)


class ThemeStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons that keep a visible edge when dark."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not palette_is_dark(option.palette):
            return
        rect = option.rect.adjusted(1, 1, -1, -1)
        side = min(rect.width(), rect.height())
        rect.setSize(QSize(side, side))
        painter.save()
        painter.setPen(QColor(DARK_EDGE))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawEllipse(rect)
        else:  # crisp, one pixel wide
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()
