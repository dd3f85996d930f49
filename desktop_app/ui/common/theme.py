"""View ▸ Theme: Light, Dark or the system's colours, applied at once and remembered.

Light and Dark are Fusion palettes of our own, set with `QApplication.setPalette`, so every
widget gets a palette-change event and redraws (the reader rebuilds its style sheet, the
charts their colours); "System" puts back the style and palette the program started with.
Every text colour of both palettes reads on its background at WCAG AA (4.5:1), which
`tests/ui/common/test_theme.py` measures.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop_app.ui.common.palettes import (
    contrast_ratio,
    dark_palette,
    light_palette,
    palette_is_dark,
    relative_luminance,
)

__all__ = [
    "THEMES",
    "THEME_KEY",
    "add_theme_menu",
    "apply_theme",
    "chosen_theme",
    "contrast_ratio",
    "dark_palette",
    "light_palette",
    "palette_is_dark",
    "relative_luminance",
]

THEME_KEY = "ui/theme"  # in the settings: "system" (or absent), "light" or "dark"
THEMES = ("system", "light", "dark")

# What the program started with, for "System" (captured at the first apply_theme).
_system: tuple[str, QPalette] | None = None


def chosen_theme(settings: QSettings) -> str:
    value = str(settings.value(THEME_KEY, "system") or "system")
    return value if value in THEMES else "system"


def apply_theme(theme: str) -> None:
    """Give the whole application the theme's palette (every widget is told at once)."""
    global _system
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    style = app.style()
    if _system is None:
        _system = (style.name() if style is not None else "fusion", app.palette())
    from desktop_app.ui.common.theme_style import ThemeStyle

    hints = QGuiApplication.styleHints()
    if theme in ("light", "dark"):
        if not isinstance(style, ThemeStyle):
            app.setStyle(ThemeStyle())  # native styles (Windows, macOS) ignore a palette
        app.setPalette(dark_palette() if theme == "dark" else light_palette())
        if hints is not None:
            from PySide6.QtCore import Qt  # not before the first paint of a "system" theme

            scheme = Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light
            hints.setColorScheme(scheme)
        return
    name, palette = _system
    if isinstance(style, ThemeStyle) or style is None or style.name().lower() != name.lower():
        app.setStyle(name)
    if hints is not None:
        hints.unsetColorScheme()
    app.setPalette(palette)


def add_theme_menu(menu: QMenu, settings: QSettings, parent: QWidget) -> QActionGroup:
    """View ▸ Theme: System / Light / Dark, applied at once and remembered."""
    sub = menu.addMenu(QCoreApplication.translate("Theme", "&Theme"))
    group = QActionGroup(parent)
    current = chosen_theme(settings)
    for code, text in (
        ("system", QCoreApplication.translate("Theme", "&System")),
        ("light", QCoreApplication.translate("Theme", "&Light")),
        ("dark", QCoreApplication.translate("Theme", "&Dark")),
    ):
        action = sub.addAction(text)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)

    def chosen(action: QAction) -> None:
        settings.setValue(THEME_KEY, action.data())
        apply_theme(str(action.data()))

    group.triggered.connect(chosen)
    return group
