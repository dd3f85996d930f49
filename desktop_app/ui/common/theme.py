"""View ▸ Theme: Light, Dark or the system's colours, applied at once and remembered.

Light and Dark are Fusion palettes of our own, set with `QApplication.setPalette`, so every
widget gets a palette-change event and redraws (the reader rebuilds its style sheet, the
charts their colours); "System" puts back the style and palette the program started with.
Every text colour of both palettes reads on its background at WCAG AA (4.5:1), which
`tests/ui/common/test_theme.py` measures.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QProxyStyle, QStyle, QStyleOption, QWidget

THEME_KEY = "ui/theme"  # in the settings: "system" (or absent), "light" or "dark"
THEMES = ("system", "light", "dark")

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Colour per role: (active and inactive, disabled). Chosen for WCAG AA text contrast.
_LIGHT: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#EFEFEF", "#EFEFEF"),
    Role.WindowText: ("#1A1A1A", "#767676"),
    Role.Base: ("#FFFFFF", "#F4F4F4"),
    Role.AlternateBase: ("#F4F6F8", "#F4F4F4"),
    Role.ToolTipBase: ("#FFFFDC", "#FFFFDC"),
    Role.ToolTipText: ("#1A1A1A", "#1A1A1A"),
    Role.PlaceholderText: ("#6B6B6B", "#8A8A8A"),
    Role.Text: ("#1A1A1A", "#767676"),
    Role.Button: ("#E6E6E6", "#EAEAEA"),
    Role.ButtonText: ("#1A1A1A", "#767676"),
    Role.BrightText: ("#B00020", "#B00020"),
    Role.Light: ("#FFFFFF", "#FFFFFF"),
    Role.Midlight: ("#F2F2F2", "#F2F2F2"),
    Role.Mid: ("#B8B8B8", "#B8B8B8"),
    Role.Dark: ("#9F9F9F", "#9F9F9F"),
    Role.Shadow: ("#767676", "#767676"),
    Role.Highlight: ("#1F5FAF", "#C8C8C8"),
    Role.HighlightedText: ("#FFFFFF", "#1A1A1A"),
    Role.Link: ("#0B57B0", "#5A7AA0"),
    Role.LinkVisited: ("#6A2FA0", "#8A70A0"),
}
_DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#2B2B2B", "#2B2B2B"),
    Role.WindowText: ("#E8E8E8", "#9A9A9A"),
    Role.Base: ("#1E1E1E", "#262626"),
    Role.AlternateBase: ("#262A2E", "#262626"),
    Role.ToolTipBase: ("#3A3A3A", "#3A3A3A"),
    Role.ToolTipText: ("#F0F0F0", "#F0F0F0"),
    Role.PlaceholderText: ("#A0A0A0", "#8A8A8A"),
    Role.Text: ("#E8E8E8", "#9A9A9A"),
    Role.Button: ("#3A3A3A", "#333333"),
    Role.ButtonText: ("#E8E8E8", "#9A9A9A"),
    Role.BrightText: ("#FF8A80", "#FF8A80"),
    Role.Light: ("#505050", "#505050"),
    Role.Midlight: ("#444444", "#444444"),
    Role.Mid: ("#5A5A5A", "#5A5A5A"),
    Role.Dark: ("#191919", "#191919"),
    Role.Shadow: ("#0A0A0A", "#0A0A0A"),
    Role.Highlight: ("#2A5C9A", "#4A4A4A"),
    Role.HighlightedText: ("#FFFFFF", "#E8E8E8"),
    Role.Link: ("#8AB4F8", "#7A8CA8"),
    Role.LinkVisited: ("#C9A7F5", "#9A8AB0"),
}

# What the program started with, for "System" (captured at the first apply_theme).
_system: tuple[str, QPalette] | None = None
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


def _palette(table: dict[QPalette.ColorRole, tuple[str, str]]) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in table.items():
        for group in (Group.Active, Group.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    return _palette(_LIGHT)


def dark_palette() -> QPalette:
    return _palette(_DARK)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour (0 black … 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2's contrast ratio (1 … 21); AA asks 4.5 for text."""
    darker, lighter = sorted((relative_luminance(a), relative_luminance(b)))
    return (lighter + 0.05) / (darker + 0.05)


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is light on a dark background in `palette` (default: the application's)."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return pal.color(Role.Window).lightness() < 128


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
    hints = QGuiApplication.styleHints()
    if theme in ("light", "dark"):
        if not isinstance(style, ThemeStyle):
            app.setStyle(ThemeStyle())  # native styles (Windows, macOS) ignore a palette
        app.setPalette(dark_palette() if theme == "dark" else light_palette())
        if hints is not None:
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
