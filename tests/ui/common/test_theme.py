"""View ▸ Theme: Light and Dark palettes that read at WCAG AA, applied to the whole program at
once (the reader's colours follow), remembered, and "System" gives the start-up colours back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.ui.archive.reader_view import ReaderView, reader_style_sheet
from desktop_app.ui.common.theme import (
    THEME_KEY,
    apply_theme,
    chosen_theme,
    contrast_ratio,
    dark_palette,
    light_palette,
    palette_is_dark,
)

Role = QPalette.ColorRole
# (text, background): every pair a user reads text in.
TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
)


@pytest.fixture
def system_theme_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme("system")


@pytest.mark.parametrize("make", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize("pair", TEXT_PAIRS, ids=lambda p: f"{p[0].name}-on-{p[1].name}")
def test_every_text_of_both_themes_reads_at_wcag_aa(make, pair) -> None:
    palette = make()
    text, background = pair
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
        assert ratio >= 4.5, f"{text.name} on {background.name}: {ratio:.2f}"


def test_the_dark_palette_is_dark_and_the_light_one_light() -> None:
    assert palette_is_dark(dark_palette())
    assert not palette_is_dark(light_palette())


@pytest.mark.parametrize("make", [light_palette, dark_palette], ids=["light", "dark"])
def test_the_readers_small_print_and_links_read_at_aa(make) -> None:
    palette = make()
    css = reader_style_sheet(palette)
    base = palette.color(Role.Base)
    for selector in (".meta", "a ", "body"):
        colour = css.split(selector + "{" if selector.endswith(" ") else selector, 1)[1]
        hex_colour = colour.split("color:", 1)[1].split(";", 1)[0].strip()
        assert contrast_ratio(QColor(hex_colour), base) >= 4.5, (selector, hex_colour)


def test_a_theme_reaches_every_widget_at_once_and_system_puts_the_start_back(
    qtbot, system_theme_after
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    started = app.palette().color(Role.Window)
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show()
    reader.setHtml("<a href='https://example.org'>x</a>")
    before = reader.document().defaultStyleSheet()

    apply_theme("dark")
    QApplication.processEvents()
    assert app.palette().color(Role.Window) == dark_palette().color(Role.Window)
    # The reader was told (a palette-change event) and rebuilt its colours from the palette.
    assert reader.palette().color(Role.Base) == dark_palette().color(Role.Base)
    after = reader.document().defaultStyleSheet()
    assert after != before
    assert dark_palette().color(Role.Link).name() in after

    apply_theme("light")
    assert not palette_is_dark(app.palette())
    apply_theme("system")
    assert app.palette().color(Role.Window) == started


def test_the_choice_is_remembered_and_nonsense_means_system(tmp_path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert chosen_theme(settings) == "system"
    settings.setValue(THEME_KEY, "dark")
    assert chosen_theme(settings) == "dark"
    settings.setValue(THEME_KEY, "purple")
    assert chosen_theme(settings) == "system"


def test_check_boxes_keep_a_visible_edge_in_the_dark(qtbot, system_theme_after) -> None:
    """Fusion's own edge is a shade off a dark list; ours reads at 3:1 (WCAG's floor for the
    parts of a control), on the list and on the window."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    from desktop_app.ui.common.theme_style import DARK_EDGE, ThemeStyle

    palette = dark_palette()
    for role in (Role.Base, Role.Window):
        assert contrast_ratio(QColor(DARK_EDGE), palette.color(role)) >= 3
    apply_theme("dark")
    app = QApplication.instance()
    assert isinstance(app, QApplication) and isinstance(app.style(), ThemeStyle)
    box = QCheckBox()
    qtbot.addWidget(box)
    option = QStyleOptionButton()
    option.initFrom(box)
    option.palette = palette
    option.rect.setRect(0, 0, 16, 16)
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(palette.color(Role.Base))
    painter = QPainter(image)
    app.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option, painter, box)
    painter.end()
    edge = max(
        contrast_ratio(image.pixelColor(x, 8), palette.color(Role.Base)) for x in range(0, 4)
    )
    assert edge >= 3
    apply_theme("system")
    assert not isinstance(app.style(), ThemeStyle)
