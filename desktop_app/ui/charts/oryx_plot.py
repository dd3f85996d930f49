"""Bar pairs per category: the General Staff's latest total beside Oryx's confirmed sum.

Categories differ by three orders of magnitude (drones against submarines), so heights are
drawn on a log scale; the exact figures are in the hover text and the CSV.
"""

from __future__ import annotations

import csv
import io
import os
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.ui.charts.analysis_data import ChartData, category_label, short_label
from desktop_app.ui.common.i18n import number
from desktop_app.ui.plotting.palette import is_dark, series_color, text_size
from desktop_app.ui.plotting.tick_grid import TickGrid


class _LogCountAxis(pg.AxisItem):
    """Left axis for log10 heights: ticks at powers of ten, written as whole counts."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:  # noqa: N803
        return [(1.0, [float(v) for v in range(max(0, int(minVal)), int(maxVal) + 1)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [number(round(10**v)) for v in values]


class OryxPlot(QWidget):
    """The comparison chart; `rows` holds exactly what is drawn."""

    hovered = Signal(str)

    def __init__(self, data: ChartData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        # (category key, General Staff's latest total, its date, Oryx's sum)
        self.rows: list[tuple[str, int, str, int]] = []
        self.graphics = pg.GraphicsLayoutWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.plot: pg.PlotItem = self.graphics.addPlot(
            axisItems={"left": _LogCountAxis("left")}, enableMenu=False
        )
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.grid = TickGrid(self.plot, x=False)
        self.staff_bars = pg.BarGraphItem(x=np.empty(0), height=np.empty(0), width=0.38)
        self.oryx_bars = pg.BarGraphItem(x=np.empty(0), height=np.empty(0), width=0.38)
        self.plot.addItem(self.staff_bars)
        self.plot.addItem(self.oryx_bars)
        self.legend = self.plot.addLegend(offset=(-10, 5), labelTextSize=text_size())
        self.note = pg.TextItem(anchor=(0.5, 0.5))
        self.plot.addItem(self.note, ignoreBounds=True)
        self._proxy = pg.SignalProxy(
            self.graphics.scene().sigMouseMoved, rateLimit=30, slot=self._mouse_moved
        )

    def set_totals(self, oryx: dict[str, int]) -> None:
        """Draw the pairs for every category both sources count."""
        self.rows = [
            (key, pts[-1].total, pts[-1].date.isoformat(), oryx[key])
            for key, pts in self.data.points.items()
            if key in oryx
        ]
        x = np.arange(len(self.rows), dtype=np.float64)
        staff = np.log10(np.maximum([r[1] for r in self.rows], 1)).astype(np.float64)
        confirmed = np.log10(np.maximum([r[3] for r in self.rows], 1)).astype(np.float64)
        dark = is_dark(self.palette())
        colours = [series_color(r[0], dark) for r in self.rows]
        # Oryx's bar: the same hue, pale, with a solid outline; the legend samples are neutral.
        faded = [QColor(c.red(), c.green(), c.blue(), 90) for c in colours]
        neutral = QColor(128, 128, 128)
        self.staff_bars.setOpts(
            x=x - 0.2,
            height=staff,
            brushes=colours or None,
            pens=[pg.mkPen(c) for c in colours] or None,
            brush=neutral,
            pen=pg.mkPen(neutral),
        )
        self.oryx_bars.setOpts(
            x=x + 0.2,
            height=confirmed,
            brushes=faded or None,
            pens=[pg.mkPen(c, width=2) for c in colours] or None,
            brush=QColor(128, 128, 128, 90),
            pen=pg.mkPen(neutral, width=2),
        )
        self.legend.clear()
        if self.rows:
            self.legend.addItem(
                self.staff_bars,
                QCoreApplication.translate("AnalysisView", "General Staff (claimed)"),
            )
            self.legend.addItem(
                self.oryx_bars,
                QCoreApplication.translate("AnalysisView", "Oryx (visually confirmed)"),
            )
            self.note.setText("")
            top = float(max(staff.max(), confirmed.max()))
            self.plot.setXRange(-0.6, len(self.rows) - 0.4, padding=0)
            self.plot.setYRange(0, np.ceil(top + 0.05), padding=0)
        else:
            self.note.setText(
                QCoreApplication.translate(
                    "AnalysisView",
                    "No Oryx figures yet: import russia_losses_equipment_oryx.json to compare.",
                )
            )
            self.note.setPos(0.5, 0.5)
            self.plot.setXRange(0, 1, padding=0)
            self.plot.setYRange(0, 1, padding=0)
        labels = [(float(i), short_label(r[0])) for i, r in enumerate(self.rows)]
        self.plot.getAxis("bottom").setTicks([labels, []])
        self.apply_palette()

    def hover_text(self, index: int) -> str:
        key, staff, date, oryx = self.rows[index]
        share = f"{oryx / staff:.0%}" if staff else "–"
        return QCoreApplication.translate(
            "AnalysisView",
            "{category}: General Staff {staff} (on {date}) · Oryx {oryx} ({share} of it)",
        ).format(
            category=category_label(key),
            staff=number(staff),
            date=date,
            oryx=number(oryx),
            share=share,
        )

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["category", "general_staff_total", "general_staff_date", "oryx_total"])
        writer.writerows(self.rows)
        return out.getvalue()

    def _mouse_moved(self, args: tuple[Any, ...]) -> None:
        pos: QPointF = args[0]
        if not self.rows or not self.plot.vb.sceneBoundingRect().contains(pos):
            return
        index = round(self.plot.vb.mapSceneToView(pos).x())
        if 0 <= index < len(self.rows):
            self.hovered.emit(self.hover_text(index))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.set_totals({r[0]: r[3] for r in self.rows})
        super().changeEvent(event)

    def apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.graphics.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(text)
            axis.setTextPen(text)
        self.grid.set_colour(text)
        self.note.setColor(text)
        self.legend.setLabelTextColor(text)
