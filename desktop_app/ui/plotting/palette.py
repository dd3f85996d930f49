"""Series colours for the Charts tab: 14 colour-blind-safe hues, one set per light/dark theme.

Okabe–Ito's eight (black swapped for a grey that reads on both backgrounds) followed by Paul
Tol's muted set; the dark variant lightens the hues that vanish on a dark background. A
category keeps its colour whatever else is selected, so a colour can be learnt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop_app.core.categories import KEYS

LIGHT: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#332288",
    "#117733",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
    "#B8A044",
    "#6E6E6E",
)
DARK: tuple[str, ...] = (
    "#3AA0E8",
    "#E69F00",
    "#19C295",
    "#CC79A7",
    "#F07A2C",
    "#56B4E9",
    "#9D8FE0",
    "#5DBB63",
    "#E0709A",
    "#44AA99",
    "#C8C850",
    "#D378C8",
    "#DDCC77",
    "#BBBBBB",
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
