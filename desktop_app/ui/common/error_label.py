"""A label for what a dialog refuses ("Title is required"), in a red that reads on the
theme's background (WCAG AA, 4.5:1) in Light, Dark and the system's colours, and follows a
theme change while the dialog is open."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.ui.common.palettes import palette_is_dark

_ON_LIGHT = "#B00020"  # 6.4:1 on the Light theme's window colour
_ON_DARK = "#FF8A80"  # 6.5:1 on the Dark theme's


def error_colour(palette: QPalette) -> QColor:
    return QColor(_ON_DARK if palette_is_dark(palette) else _ON_LIGHT)


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        colour = error_colour(palette)
        if palette.color(QPalette.ColorRole.WindowText) != colour:  # else no change: no loop
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)
