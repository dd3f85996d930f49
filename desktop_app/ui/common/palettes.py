"""The Light and Dark palettes and how well their colours read (WCAG 2 contrast).

Kept apart from the theme's menu and style so that the window's first paint, on the
system's colours, imports neither (see `theme.py`).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

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
    """WCAG 2's contrast ratio (1 … 21); AA asks 4.5 for text, 3 for lines and large text."""
    darker, lighter = sorted((relative_luminance(a), relative_luminance(b)))
    return (lighter + 0.05) / (darker + 0.05)


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is light on a dark background in `palette` (default: the application's)."""
    pal = palette if palette is not None else QGuiApplication.palette()
    return pal.color(Role.Window).lightness() < 128
