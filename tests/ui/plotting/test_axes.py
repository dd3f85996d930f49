"""The date axis's ticks: the same values pyqtgraph's own DateAxisItem gives (its per-tick
time-zone round trip left out where a fixed offset makes it a no-op)."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
import pytest

from desktop_app.ui.plotting.axes import DateAxis

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

DAY = 86_400.0


def utc(year: int, month: int, day: int) -> float:
    return dt.datetime(year, month, day, tzinfo=dt.UTC).timestamp()


@pytest.mark.parametrize("offset", [0, 3 * 3600, -5 * 3600])
@pytest.mark.parametrize(
    "span",
    [
        (utc(2022, 2, 25), utc(2026, 11, 1)),  # years and months
        (utc(2025, 11, 1), utc(2026, 11, 1)),  # months
        (utc(2026, 10, 1), utc(2026, 11, 1)),  # days
        (utc(2026, 10, 30), utc(2026, 11, 1)),  # hours
        (utc(2026, 10, 31) + 7_200, utc(2026, 10, 31) + 9_000),  # minutes
    ],
)
@pytest.mark.parametrize("width", [300.0, 1200.0])
def test_ticks_move_as_pyqtgraph_moves_them(
    qapp: object, offset: int, span: tuple[float, float], width: float
) -> None:
    ours, theirs = DateAxis(utcOffset=offset), pg.DateAxisItem(utcOffset=offset)
    spacing = (span[1] - span[0]) / width * 10
    for mine, level in zip(ours.zoomLevels.values(), theirs.zoomLevels.values(), strict=True):
        assert type(mine) is not type(level) and mine.tickSpecs is level.tickSpecs
        if (span[1] - span[0]) / level.tickSpecs[-1].spacing > 5_000:
            continue  # a level far too fine for the span (the axis never picks it)
        mine.utcOffset = level.utcOffset = offset
        assert _same(mine.tickValues(*span, spacing), level.tickValues(*span, spacing))
    # And through the axis, which picks the zoom level for the width.
    theirs.fontMetrics = ours.fontMetrics
    mine_levels = pg.DateAxisItem.tickValues(ours, span[0], span[1], width)
    assert _same(mine_levels, theirs.tickValues(span[0], span[1], width))


def _same(a: list[tuple[float, object]], b: list[tuple[float, object]]) -> bool:
    return [(s, list(v)) for s, v in a] == [(s, list(v)) for s, v in b]  # type: ignore[call-overload]


def test_an_empty_chart_gets_no_ticks_and_a_month_gets_its_days(qapp: object) -> None:
    axis = DateAxis(utcOffset=0)
    # No data: pyqtgraph's default range of 0 to 1 s was labelled "00.050 … 00.950".
    assert all(not ticks for _spacing, ticks in axis.tickValues(0.0, 1.0, 1200.0))
    month = axis.tickValues(utc(2026, 10, 1), utc(2026, 11, 1), 1200.0)
    assert all(spacing >= DAY for spacing, _ticks in month)
    days = [t for spacing, ticks in month if spacing == DAY for t in ticks]
    assert utc(2026, 10, 14) in days  # daily points keep their day labels


def test_fractional_counts_are_written_in_the_interface_format(qapp: object, ukrainian) -> None:
    from desktop_app.ui.plotting.axes import CountAxis

    axis = CountAxis("left")
    axis.whole = False  # an average: ticks between whole numbers
    assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0,5", "1,0", "1,5"]
    assert axis.tickStrings([1_000.0, 2_000.0], 1.0, 1_000.0) == ["1\xa0000", "2\xa0000"]
