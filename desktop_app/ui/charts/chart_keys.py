"""The analysis chart's keys: a day cursor moved like a text cursor, and keys kept from the window.

With the chart focused (click it, or Tab to it): Left/Right move the cursor a report back or on,
PageUp/PageDown a month, Home/End to the first and last report; the crosshair and the text above
the chart follow (the same text a hover shows, also the chart's accessible description), and the
range scrolls along when the cursor leaves it. Enter opens the day's report; the Menu key or
Shift+F10 opens the day's menu (its report, the articles that published it).

Delete does nothing here: the window's Delete (the archive's selected item, hidden behind this
tab) must not fire from the chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsView


class CursorChart(Protocol):
    """What the keys need of the chart (AnalysisPlot; named here, not imported: no cycle)."""

    graphics: QGraphicsView
    plots: list[Any]
    pointClicked: Any
    menuRequested: Any

    def cursor_dates(self) -> list[dt.date]: ...

    def cursor_date(self) -> dt.date | None: ...

    def put_cursor(self, date: dt.date) -> None: ...

    def range_dates(self) -> tuple[dt.date, dt.date] | None: ...


_MOVES = {
    Qt.Key.Key_Left: ("day", -1),
    Qt.Key.Key_Right: ("day", 1),
    Qt.Key.Key_PageUp: ("month", -1),
    Qt.Key.Key_PageDown: ("month", 1),
    Qt.Key.Key_Home: ("end", -1),
    Qt.Key.Key_End: ("end", 1),
}
_OPEN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keys the chart takes for itself while it has the focus, before any window shortcut.
_CLAIMED = (*_MOVES, *_OPEN, Qt.Key.Key_Delete, Qt.Key.Key_Menu)


def month_step(date: dt.date, months: int) -> dt.date:
    """The same day `months` months on (the month's last day when it is shorter)."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for day in (date.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


class ChartKeys(QObject):
    """Event filter on the chart's view: moves `plot`'s cursor and opens its day."""

    def __init__(self, plot: CursorChart, deleted: Callable[[], None] | None = None) -> None:
        super().__init__(plot.graphics)
        self.plot = plot
        self.deleted = deleted
        plot.graphics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        plot.graphics.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = Qt.Key(event.key())
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        menu = key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )
        if event.type() == QEvent.Type.ShortcutOverride:
            if (plain and key in _CLAIMED) or menu:
                event.accept()
                return True
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if menu:
            self.open_menu_at_cursor()
            return True
        if not plain:
            return False
        if key in _MOVES:
            self.move(*_MOVES[key])
            return True
        if key in _OPEN:
            date = self.plot.cursor_date()
            if date is not None:
                self.plot.pointClicked.emit(date)
            return True
        if key == Qt.Key.Key_Delete:
            if self.deleted is not None:
                self.deleted()
            return True
        return False

    def move(self, unit: str, steps: int) -> None:
        dates = self.plot.cursor_dates()
        if not dates:
            return
        current = self.plot.cursor_date()
        if current is None or current not in dates:
            # The first key press picks a day inside the range shown.
            span = self.plot.range_dates()
            shown = [d for d in dates if span is None or span[0] <= d <= span[1]] or dates
            target = shown[0] if steps > 0 else shown[-1]
            if unit == "end":
                target = dates[0] if steps < 0 else dates[-1]
        elif unit == "end":
            target = dates[0] if steps < 0 else dates[-1]
        elif unit == "day":
            i = dates.index(current) + steps
            target = dates[min(max(i, 0), len(dates) - 1)]
        else:
            wanted = month_step(current, steps)
            # The report nearest to the same day a month away, never past either end.
            target = min(dates, key=lambda d: (abs((d - wanted).days), d))
        self.plot.put_cursor(target)

    def open_menu_at_cursor(self) -> None:
        """The cursor day's menu, under the top of the chart at that day."""
        date = self.plot.cursor_date()
        if date is None or not self.plot.plots:
            return
        plot = self.plot.plots[0]
        x = (date - dt.date(1970, 1, 1)).days * 86_400.0
        scene = plot.vb.mapViewToScene(QPointF(x, plot.vb.viewRange()[1][1]))
        local = self.plot.graphics.mapFromScene(scene)
        self.plot.menuRequested.emit(date, self.plot.graphics.viewport().mapToGlobal(local))
