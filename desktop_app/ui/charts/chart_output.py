"""The Charts tab's exports: PNG (at the size shown or a chosen width), SVG, the data shown as
CSV, and the clipboard. A picture carries its title, date range and source line, and shows the
plots without the range strip under them (`ui.plotting.chart_export`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton, QWidget

from desktop_app.ui.charts.analysis_data import (
    ORYX,
    category_label,
    to_csv,
    view_title,
    whole_periods,
)
from desktop_app.ui.charts.analysis_plot import NORMALISED
from desktop_app.ui.common import file_dialogs
from desktop_app.ui.plotting import chart_export

if TYPE_CHECKING:
    from pyqtgraph import GraphicsLayoutWidget

    from desktop_app.ui.charts.analysis_plot import AnalysisPlot
    from desktop_app.ui.charts.oryx_plot import OryxPlot


class ChartOutput:
    """The export half of AnalysisView (a mixin: it uses the view's plots and choices)."""

    plot: AnalysisPlot
    # The view itself (a QWidget): the parent of the file and width dialogs.
    owner: QWidget

    if TYPE_CHECKING:

        @property
        def oryx(self) -> OryxPlot: ...

        @property
        def view(self) -> str: ...

        @property
        def mode(self) -> str: ...

        def _show_hover(self, text: str) -> None: ...

    def export_button_for(self, parent: QWidget) -> QToolButton:
        """The Export button with its menu."""
        button = QToolButton(parent)
        button.setText(QCoreApplication.translate("AnalysisView", "E&xport"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.addAction(
            QCoreApplication.translate("AnalysisView", "PNG at the size shown…"),
            lambda: self._ask_export("png"),
        )
        menu.addAction(
            QCoreApplication.translate("AnalysisView", "PNG at a chosen width…"),
            lambda: self._ask_export("png-sized"),
        )
        menu.addAction(
            QCoreApplication.translate("AnalysisView", "SVG…"), lambda: self._ask_export("svg")
        )
        menu.addAction(
            QCoreApplication.translate("AnalysisView", "Data shown as CSV…"),
            lambda: self._ask_export("csv"),
        )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("AnalysisView", "Copy chart to clipboard"),
            self.copy_to_clipboard,
        )
        button.setMenu(menu)
        return button

    def current_graphics(self) -> GraphicsLayoutWidget:
        return self.oryx.graphics if self.view == ORYX else self.plot.graphics

    def shown_keys(self) -> list[str]:
        """The categories drawn: a series hidden from the legend is not in an export."""
        return [k for k in self.plot.keys if self.plot.series[k].visible]

    def csv_text(self) -> str:
        """Exactly the values drawn, within the selected date range."""
        if self.view == ORYX:
            return self.oryx.to_csv()
        span = self.plot.range_dates()
        if span is None:
            return to_csv(self.view, [], dt.date.min, dt.date.max)
        series = [self.plot.plotted(k) for k in self.shown_keys()]
        # An index is not the stored figure: its rows say so, and where it is 100.
        index_from = self.plot.index_from()
        shown = f"{self.view}_index_100_at_{index_from.isoformat()}" if index_from else self.view
        return to_csv(shown, series, *span)

    def export_area(self) -> QRectF:
        """What an export shows of the scene: the plots, not the range strip under them."""
        area: QRectF = (
            self.oryx.graphics.sceneRect()
            if self.view == ORYX
            else self.plot.main_area.sceneBoundingRect()
        )
        return area

    def export_frame(self) -> chart_export.Frame:
        """The title, date range and source line of an exported chart."""
        if self.view == ORYX:
            return chart_export.Frame(
                view_title(ORYX),
                QCoreApplication.translate(
                    "AnalysisView",
                    "Latest General Staff totals beside Oryx's visually confirmed losses",
                ),
                QCoreApplication.translate(
                    "AnalysisView",
                    "Sources: General Staff of Ukraine's Armed Forces; Oryx · Frontline Archive",
                ),
            )
        names = ", ".join(category_label(k) for k in self.shown_keys())
        title = f"{view_title(self.view)} — {names}" if names else view_title(self.view)
        span = self.plot.range_dates()
        if span is not None:  # a period view shows its first and last periods whole
            span = whole_periods(self.view, *span)
        subtitle = f"{span[0].isoformat()} – {span[1].isoformat()}" if span else ""
        if self.mode == NORMALISED and span:
            subtitle += " · " + QCoreApplication.translate(
                "AnalysisView", "index, 100 at %1"
            ).replace("%1", span[0].isoformat())
        source = QCoreApplication.translate(
            "AnalysisView",
            "Source: daily loss reports of the General Staff of the Armed Forces of Ukraine"
            " · Frontline Archive",
        )
        return chart_export.Frame(title, subtitle, source)

    def export_png(self, path: str | Path, width: int | None = None) -> QSize:
        return chart_export.export_png(
            self.current_graphics(),
            path,
            width,
            rect=self.export_area(),
            frame=self.export_frame(),
        )

    def export_svg(self, path: str | Path) -> None:
        chart_export.export_svg(
            self.current_graphics(), path, rect=self.export_area(), frame=self.export_frame()
        )

    def export_csv(self, path: str | Path) -> None:
        Path(path).write_text(self.csv_text(), encoding="utf-8")

    def chart_image(self) -> QImage:
        return chart_export.framed_image(
            self.current_graphics(), self.export_area(), self.export_frame()
        )

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setImage(self.chart_image())
        self._show_hover(
            QCoreApplication.translate("AnalysisView", "Chart copied to the clipboard.")
        )

    def _ask_export(self, kind: str) -> None:
        width: int | None = None
        if kind == "png-sized":
            width, ok = QInputDialog.getInt(
                self.owner,
                QCoreApplication.translate("AnalysisView", "Export PNG"),
                QCoreApplication.translate("AnalysisView", "Width (pixels):"),
                1920,
                200,
                10000,
                10,
            )
            if not ok:
                return
        suffix = {"png": "png", "png-sized": "png", "svg": "svg", "csv": "csv"}[kind]
        default = f"frontline-{self.view}-{dt.date.today().isoformat()}.{suffix}"
        chosen = file_dialogs.save_file_name(
            self.owner, QCoreApplication.translate("AnalysisView", "Export chart"), default
        )
        if chosen is None:
            return
        path = str(chosen)
        try:
            if suffix == "png":
                self.export_png(path, width)
            elif suffix == "svg":
                self.export_svg(path)
            else:
                self.export_csv(path)
        except OSError as exc:
            self._show_hover(
                QCoreApplication.translate(
                    "AnalysisView", "Nothing was exported: %1 could not be written (%2)."
                )
                .replace("%1", path)
                .replace("%2", exc.strerror or str(exc))
            )
            return
        self._show_hover(
            QCoreApplication.translate("AnalysisView", "Exported to %1").replace("%1", path)
        )
