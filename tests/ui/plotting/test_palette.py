"""The series colours: 18 distinct hues that read as text (WCAG AA, 4.5:1) and as lines (3:1)
on the backgrounds of common light and dark themes."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop_app.core.categories import KEYS
from desktop_app.ui.common.palettes import contrast_ratio, relative_luminance
from desktop_app.ui.plotting.palette import DARK, LIGHT, is_dark, series_color

# Base and window colours: Qt's Fusion, GNOME (Adwaita), KDE (Breeze), Windows, JetBrains.
LIGHT_BACKGROUNDS = ("#FFFFFF", "#EFEFEF", "#F7F7F7", "#FAFAFA", "#F6F5F4", "#EFF0F1", "#FCFCFC")
DARK_BACKGROUNDS = ("#1E1E1E", "#2D2D2D", "#353535", "#3C3F41", "#191919", "#202326", "#141618")


def palette_on(background: str) -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        palette.setColor(role, QColor(background))
    return palette


def test_the_contrast_formula_is_wcags() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21)
    assert contrast_ratio(QColor("#767676"), QColor("#FFFFFF")) == pytest.approx(4.54, abs=0.01)
    assert relative_luminance(QColor("#FFFFFF")) == pytest.approx(1)


@pytest.mark.parametrize("background", LIGHT_BACKGROUNDS + DARK_BACKGROUNDS)
def test_every_category_reads_as_text_on_the_themes_background(background: str) -> None:
    palette = palette_on(background)
    dark = is_dark(palette)
    assert dark == (background in DARK_BACKGROUNDS)
    ratios = {key: contrast_ratio(series_color(key, dark), QColor(background)) for key in KEYS}
    assert min(ratios.values()) >= 4.5, sorted(ratios.items(), key=lambda kv: kv[1])[:3]


def lab(colour: QColor) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_eighteen_categories_get_eighteen_distinct_colours(colours: tuple[str, ...]) -> None:
    assert len(KEYS) <= len(colours) == 18
    shown = [series_color(key, colours is DARK).name() for key in KEYS]
    assert len(set(shown)) == len(KEYS)
    closest = min(
        math.dist(lab(QColor(a)), lab(QColor(b))) for a, b in itertools.combinations(colours, 2)
    )
    assert closest >= 14  # CIE76 ΔE: clearly different side by side
