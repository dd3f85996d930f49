"""Series colours for the charts: 18 hues, one per category, in a light and a dark set.

Every colour reads as text on its theme's backgrounds (WCAG AA, at least 4.5:1; lines need
3:1): the light set is dark enough for white and the light greys of common themes, the dark
set light enough for the dark greys. The hues are 20° apart around CIELAB's hue circle at two
lightness levels (L* 34/45 light, 73/85 dark), taken in steps of 140° so that neighbouring
categories differ most; any two colours are at least 14 apart (CIE76 ΔE). Eighteen hues
cannot all stay apart for every colour vision, so a series is also named in the legend, the
hover text and the category list. A category keeps its colour whatever else is selected, so
a colour can be learnt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop_app.core.categories import KEYS

LIGHT: tuple[str, ...] = (
    "#A00643",
    "#007B3E",
    "#064BAC",
    "#995D06",
    "#0F5860",
    "#C12B7F",
    "#275C04",
    "#0C6EB2",
    "#8F3102",
    "#097772",
    "#8B1C85",
    "#647103",
    "#115675",
    "#C43538",
    "#055B47",
    "#8152BE",
    "#604E04",
    "#12748C",
)
DARK: tuple[str, ...] = (
    "#FF94A7",
    "#67EE94",
    "#A3AEFD",
    "#FFCB97",
    "#19C5D6",
    "#FFC4DD",
    "#80C552",
    "#BED6FC",
    "#FD9A6D",
    "#03EDE3",
    "#FB8BF0",
    "#CFDE5A",
    "#3EBFFC",
    "#FDC8C1",
    "#1FCAA1",
    "#E4CAFE",
    "#D3B032",
    "#8AE0FD",
)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the system (or the given palette) is dark.

    Qt ≥ 6.5 reports the system's scheme; when it says "unknown" (offscreen, some desktops)
    the window colour's lightness decides.
    """
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if palette is None and scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    pal = palette if palette is not None else QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def series_color(key: str, dark: bool) -> QColor:
    """The colour of a category's series; fixed by the category's place in the registry."""
    colours = DARK if dark else LIGHT
    index = KEYS.index(key) if key in KEYS else abs(hash(key))
    return QColor(colours[index % len(colours)])


def negative_color(dark: bool) -> QColor:
    """Decreases (official corrections): the text colour, which is none of the series hues."""
    return QColor("#F2F2F2") if dark else QColor("#111111")


def text_size() -> str:
    """The application font's size, as pyqtgraph takes it ("10.5pt"): legends and titles
    follow the font the user chose instead of a fixed 9 pt."""
    size = QGuiApplication.font().pointSizeF()
    return f"{size if size > 0 else 9:g}pt"
