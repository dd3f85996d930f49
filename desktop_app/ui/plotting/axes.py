"""Axis items shared by every chart: whole-count and calendar-date axes."""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from desktop_app.ui.common.i18n import number


class CountAxis(pg.AxisItem):
    """Left axis writing whole counts with thousands separators instead of '1.4e+06'."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing * scale < 1:
            found: list[str] = super().tickStrings(values, scale, spacing)
            return found
        return [number(round(v * scale)) for v in values]


class DateAxis(pg.DateAxisItem):
    """DateAxisItem whose finer labels make way for coarser ones they would overlap.

    pyqtgraph steps days from the epoch, not from month starts, so "31" can land next to
    "Sep"; a day label closer to a month label than one label's width is dropped.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # DateAxisItem only learns its font metrics in its first paint; the grid asks for
        # tick values before that.
        self.fontMetrics = QFontMetrics(self.font())

    def tickValues(
        self, min_val: float, max_val: float, size: float
    ) -> list[tuple[float, list[float]]]:
        levels = super().tickValues(min_val, max_val, size)
        kept: list[tuple[float, list[float]]] = []
        taken = np.empty(0)
        for spacing, ticks in levels:
            values = np.asarray(ticks, dtype=np.float64)
            if taken.size and values.size:
                gaps = np.abs(values[:, np.newaxis] - taken[np.newaxis, :]).min(axis=1)
                values = values[gaps >= self.minSpacing]
            kept.append((spacing, values.tolist()))
            taken = np.concatenate([taken, values])
        return kept
