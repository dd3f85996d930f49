"""Axis items shared by every chart: whole-count and calendar-date axes."""

from __future__ import annotations

import math
import os
import re
from collections import OrderedDict

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import HOUR_SPACING, ZoomLevel
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetrics

from desktop_app.ui.common.i18n import decimal, number

_Ticks = list[tuple[float, list[float]]]
_DAY = 86_400.0


class _LastTicks:
    """Remembers an axis's last tick values: the axis and its grid (`TickGrid`) ask for the
    same range one after the other, and a date axis's ticks cost a millisecond or two."""

    _last: tuple[tuple[float, float, float, bool], _Ticks] | None = None

    def remembered(self, key: tuple[float, float, float, bool]) -> _Ticks | None:
        return self._last[1] if self._last is not None and self._last[0] == key else None

    def remember(self, key: tuple[float, float, float, bool], ticks: _Ticks) -> _Ticks:
        self._last = (key, ticks)
        return ticks


class CountAxis(_LastTicks, pg.AxisItem):
    """Left axis writing whole counts with thousands separators instead of '1.4e+06'.

    While `whole` is set (counts: totals, changes, sums) ticks fall on whole numbers only, so a
    plot of a few submarines never reads "0.5"; averages and indexes clear it.
    """

    whole = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The labels write whole counts themselves; pyqtgraph's SI prefix would also re-lay
        # out the axis label's HTML at each change of range (a zoom sets the range twice).
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> _Ticks:  # noqa: N803
        key = (minVal, maxVal, size, self.whole)
        found = self.remembered(key)
        if found is not None:
            return found
        return self.remember(key, super().tickValues(minVal, maxVal, size))

    def tickSpacing(self, low: float, high: float, size: float) -> list[tuple[float, float]]:
        levels: list[tuple[float, float]] = super().tickSpacing(low, high, size)
        if not self.whole:
            return levels
        whole = [(spacing, offset) for spacing, offset in levels if spacing >= 1]
        # A range of a count or two: one tick per whole number.
        return whole or [(1.0, 0.0)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing * scale < 1:
            # As many decimals as the spacing needs, written the interface's way ("0,5").
            places = max(0, math.ceil(-math.log10(spacing * scale)))
            return [decimal(v * scale, places) for v in values]
        return [number(round(v * scale)) for v in values]


def align_widths(axes: list[CountAxis], ranges: list[tuple[float, float, float]]) -> None:
    """One width for `axes` (the left axes of plots stacked in a column), each fitted to the
    labels of its range (low, high, pixel size): their plots then start at the same x, so a
    day sits above the same day. A single axis keeps sizing itself."""
    if len(axes) < 2:
        for axis in axes:
            if axis.fixedWidth is not None:
                axis.setWidth(None)
        return
    widest = 0
    for axis, (low, high, size) in zip(axes, ranges, strict=True):
        metrics = QFontMetrics(axis.style["tickFont"] or axis.font())
        for spacing, values in axis.tickValues(low, high, max(size, 1.0)):
            for text in axis.tickStrings(list(values), axis.scale, spacing):
                widest = max(widest, metrics.horizontalAdvance(text))
    width = widest + axis.style["tickTextOffset"][0] + max(0, axis.style["tickLength"]) + 4
    for axis in axes:
        if axis.fixedWidth != width:
            axis.setWidth(width)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\b")


class _FixedOffsetZoom(ZoomLevel):
    """A date axis's zoom level. With a fixed UTC offset (every chart here gives 0),
    pyqtgraph turns each tick of an hour's spacing or more into a QDateTime and back, then
    drops the result and adds the offset: ~1,500 conversions per zoom of a chart. This adds
    the offset alone, which is the same sum."""

    def moveTicksToLocalTimeCoords(
        self,
        ticks: np.ndarray,
        spacing: int,
        skipFactor: int,  # noqa: N803
    ) -> np.ndarray:
        coarse = (spacing == HOUR_SPACING and skipFactor > 1) or spacing > HOUR_SPACING
        if self.utcOffset is None or not coarse or len(ticks) == 0:
            moved: np.ndarray = super().moveTicksToLocalTimeCoords(ticks, spacing, skipFactor)
            return moved
        ticks += self.utcOffset
        return ticks


class DateAxis(_LastTicks, pg.DateAxisItem):
    """DateAxisItem whose finer labels make way for coarser ones they would overlap.

    pyqtgraph steps days from the epoch, not from month starts, so "31" can land next to
    "Sep"; a day label closer to a month label than one label's width is dropped.
    """

    zoomLevels: OrderedDict[float, ZoomLevel]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # DateAxisItem only learns its font metrics in its first paint; the grid asks for
        # tick values before that.
        self.fontMetrics = QFontMetrics(self.font())
        # pyqtgraph's zoom levels are shared by every date axis; ours are copies that skip
        # a no-op (see _FixedOffsetZoom).
        self.zoomLevels = OrderedDict(
            (spacing, _FixedOffsetZoom(level.tickSpecs, level.exampleText))
            for spacing, level in self.zoomLevels.items()
        )

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """pyqtgraph writes months the C locale's way ("Aug"); the interface's language
        names them its own way ("серп.")."""
        found: list[str] = super().tickStrings(values, scale, spacing)
        locale = QLocale()
        if locale.language() in (QLocale.Language.English, QLocale.Language.C):
            return found
        short = QLocale.FormatType.ShortFormat
        names = {en: locale.standaloneMonthName(i, short) for i, en in enumerate(_MONTHS, 1)}
        return [_MONTH.sub(lambda m: names[m.group(0)], text) for text in found]

    def tickValues(
        self, min_val: float, max_val: float, size: float
    ) -> list[tuple[float, list[float]]]:
        key = (min_val, max_val, size, False)
        found = self.remembered(key)
        if found is not None:
            return found
        levels = super().tickValues(min_val, max_val, size)
        kept: list[tuple[float, list[float]]] = []
        taken = np.empty(0)
        for spacing, ticks in levels:
            if spacing < _DAY:
                # Every chart here has a point a day: an hour or a second between ticks
                # labels nothing ("00.050" across an empty chart's 0-1 s range).
                continue
            values = np.asarray(ticks, dtype=np.float64)
            if taken.size and values.size:
                gaps = np.abs(values[:, np.newaxis] - taken[np.newaxis, :]).min(axis=1)
                values = values[gaps >= self.minSpacing]
            kept.append((spacing, values.tolist()))
            taken = np.concatenate([taken, values])
        return self.remember(key, kept)
