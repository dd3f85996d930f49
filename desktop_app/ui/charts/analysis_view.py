"""The Charts tab: a view selector and category checklist beside the analysis chart.

Views: cumulative totals, daily change, 7/30-day averages, weekly/monthly/yearly sums and the
Oryx comparison; several categories on one axis, as small multiples or as an index. Records
and milestones in tables, exports (PNG, SVG, CSV, clipboard). Built on first show (it imports
pyqtgraph through its chart modules).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import aggregates
from desktop_app.services.charts import ChartSource
from desktop_app.ui.charts.analysis_data import (
    ORYX,
    TIME_VIEWS,
    ChartData,
    category_label,
    to_csv,
    view_title,
)
from desktop_app.ui.charts.analysis_plot import (
    NORMALISED,
    ONE_AXIS,
    SMALL_MULTIPLES,
    AnalysisPlot,
)
from desktop_app.ui.charts.oryx_plot import OryxPlot
from desktop_app.ui.common import file_dialogs
from desktop_app.ui.common.accessibility import list_keys, name
from desktop_app.ui.common.i18n import noop, number, signed
from desktop_app.ui.plotting import chart_export

if TYPE_CHECKING:
    from pyqtgraph import GraphicsLayoutWidget

# What a first look shows: three equipment series of similar scale.
DEFAULT_KEYS = ("tanks", "armored_vehicles", "artillery")
QUICK_RANGES: tuple[tuple[str, int | None], ...] = (
    (noop("AnalysisView", "30 d"), 30),
    (noop("AnalysisView", "90 d"), 90),
    (noop("AnalysisView", "1 y"), 365),
    (noop("AnalysisView", "All"), None),
)
RECORDS_PER_CATEGORY = 5


class AnalysisView(QWidget):
    """Controls on the left, chart (with its overview) on the right."""

    # The date of the report under a click on the chart or a double-click in a table.
    reportRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData()
        self._remembered_keys: list[str] = []
        self.plot = AnalysisPlot(self.data, self)
        self.oryx = OryxPlot(self.data, self)
        self.plot.hovered.connect(self._show_hover)
        self.oryx.hovered.connect(self._show_hover)
        self.plot.pointClicked.connect(self.reportRequested)

        self.view_combo = QComboBox(self)
        for view in (*TIME_VIEWS, ORYX):
            self.view_combo.addItem(view_title(view), view)
        self.mode_combo = QComboBox(self)
        for mode, text in (
            (ONE_AXIS, self.tr("On one axis")),
            (SMALL_MULTIPLES, self.tr("Small multiples")),
            (NORMALISED, self.tr("Index (100 at range start)")),
        ):
            self.mode_combo.addItem(text, mode)
        self.view_combo.currentIndexChanged.connect(self._update)
        self.mode_combo.currentIndexChanged.connect(self._update)
        self.milestones_box = QCheckBox(self.tr("&Milestones"), self)
        self.milestones_box.setToolTip(
            self.tr("Mark the dates each category crossed round numbers")
        )
        self.milestones_box.toggled.connect(self._toggle_milestones)

        bar = QHBoxLayout()
        view_caption = QLabel(self.tr("Vie&w:"), self)
        view_caption.setBuddy(self.view_combo)
        bar.addWidget(view_caption)
        bar.addWidget(self.view_combo)
        bar.addWidget(self.mode_combo)
        # The date range on a row of its own: one row needed 1,390 px at a 13.5 pt font.
        ranges = QHBoxLayout()
        self.range_buttons: dict[str, QPushButton] = {}
        for text, days in QUICK_RANGES:
            button = QPushButton(self.tr(text), self)
            button.setToolTip(
                self.tr("Show the last %1").replace("%1", self.tr(text))
                if days
                else self.tr("Show every report")
            )
            button.clicked.connect(lambda _c=False, d=days: self.plot.set_last_days(d))
            name(button, button.toolTip())  # "30 d" said as "Show the last 30 d"
            self.range_buttons[text] = button
            ranges.addWidget(button)
        self.reset_button = QPushButton(self.tr("Rese&t"), self)
        self.reset_button.setToolTip(self.tr("All dates, fitted, every series shown"))
        self.reset_button.clicked.connect(self.reset)
        ranges.addWidget(self.reset_button)
        ranges.addWidget(self.milestones_box)
        ranges.addStretch(1)
        bar.addStretch(1)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("E&xport"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("PNG at the size shown…"), lambda: self._ask_export("png"))
        menu.addAction(self.tr("PNG at a chosen width…"), lambda: self._ask_export("png-sized"))
        menu.addAction(self.tr("SVG…"), lambda: self._ask_export("svg"))
        menu.addAction(self.tr("Data shown as CSV…"), lambda: self._ask_export("csv"))
        menu.addSeparator()
        menu.addAction(self.tr("Copy chart to clipboard"), self.copy_to_clipboard)
        self.export_button.setMenu(menu)
        bar.addWidget(self.export_button)

        self.category_list = QListWidget(self)
        self.category_list.setToolTip(self.tr("Tick the categories to chart"))
        self.category_list.itemChanged.connect(self._update)
        self.records_table = self._table([self.tr("Category"), self.tr("Date"), self.tr("Change")])
        self.milestones_table = self._table(
            [self.tr("Category"), self.tr("Reached"), self.tr("Date")]
        )
        side_tabs = QTabWidget(self)
        side_tabs.addTab(self.records_table, self.tr("Largest days"))
        side_tabs.addTab(self.milestones_table, self.tr("Milestones"))
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.category_list)
        side.addWidget(side_tabs)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)

        self.hover_label = QLabel(self)
        self.hover_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A fixed height: a hover must not make the chart jump. Long texts (many categories)
        # wrap; the whole text is also the label's tooltip.
        self.hover_label.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 4)
        self.hover_label.setWordWrap(True)
        self.hover_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.oryx)
        chart_side = QWidget(self)
        chart_layout = QVBoxLayout(chart_side)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.hover_label)
        chart_layout.addWidget(self.stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(side)
        self.splitter.addWidget(chart_side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 980])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(ranges)
        layout.addWidget(self.splitter, 1)
        self._name_controls()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        # Dates and figures always whole; the category name gives way (elided) when narrow.
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setToolTip(self.tr("Double-click a row to open that day's report"))
        table.cellDoubleClicked.connect(lambda row, _col, t=table: self._table_clicked(t, row))
        # Tab leaves the table; Enter opens the selected row's day, as a double-click does.
        list_keys(table, activate=lambda: self._table_clicked(table, table.currentRow()))
        return table

    def _name_controls(self) -> None:
        """Names and descriptions a screen reader says for the controls."""
        name(self.mode_combo, self.tr("Layout"), self.tr("How several categories are drawn"))
        name(self.view_combo, self.tr("View"), self.tr("What the chart shows of each category"))
        name(self.category_list, self.tr("Categories"), self.tr("Tick the categories to chart"))
        name(self.export_button, self.tr("Export chart"), self.tr("PNG, SVG, CSV or clipboard"))
        name(self.records_table, self.tr("Largest days"), self.tr("Enter opens that day"))
        name(self.milestones_table, self.tr("Milestones"), self.tr("Enter opens that day"))
        name(self.hover_label, self.tr("Figures of the day pointed at"))
        for graphics in (self.plot.graphics, self.oryx.graphics):
            name(graphics, self.tr("Chart"), self.tr("The figures are also in the tables beside"))

    # -- public ----------------------------------------------------------------------------

    @property
    def view(self) -> str:
        return str(self.view_combo.currentData())

    @property
    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def set_view(self, view: str, mode: str | None = None) -> None:
        self.view_combo.setCurrentIndex(self.view_combo.findData(view))
        if mode is not None:
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    def checked_keys(self) -> list[str]:
        items = (self.category_list.item(i) for i in range(self.category_list.count()))
        return [
            str(it.data(Qt.ItemDataRole.UserRole))
            for it in items
            if it.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, keys: list[str]) -> None:
        self.category_list.blockSignals(True)
        for i in range(self.category_list.count()):
            item = self.category_list.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in keys
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.category_list.blockSignals(False)
        self._update()

    def restore(
        self,
        view: str,
        mode: str,
        keys: list[str],
        milestones: bool,
        splitter: QByteArray | None = None,
    ) -> None:
        """Choices remembered from the last session, applied before the first refresh.

        Values this version does not know (a view renamed since) are ignored, not guessed.
        """
        self._remembered_keys = list(keys)
        for combo, value in ((self.view_combo, view), (self.mode_combo, mode)):
            index = combo.findData(value)
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        self.milestones_box.setChecked(milestones)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def remembered(self) -> tuple[str, str, list[str], bool, QByteArray]:
        """What `restore` takes back: view, layout, ticked categories, milestones, splitter."""
        return (
            self.view,
            self.mode,
            self.checked_keys(),
            self.milestones_box.isChecked(),
            self.splitter.saveState(),
        )

    def refresh(self, source: ChartSource) -> None:
        """Show a fresh read of the archive (after an import or an edit), keeping the ticked
        categories. The read itself runs on the window's read lane (`services.charts`)."""
        before = self.checked_keys()
        self.data.set_source(source)
        self.category_list.blockSignals(True)
        self.category_list.clear()
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        from desktop_app.ui.plotting.palette import series_color

        wanted = (
            before
            or [k for k in self._remembered_keys if k in self.data.points]
            or [k for k in DEFAULT_KEYS if k in self.data.points]
            or self.data.keys[:1]
        )
        for key in self.data.keys:
            item = QListWidgetItem(category_label(key), self.category_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setForeground(series_color(key, dark))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in wanted else Qt.CheckState.Unchecked)
        self.category_list.blockSignals(False)
        self.oryx.set_totals(source.oryx_totals)
        self._update()
        self.plot.set_last_days(None)

    def reset(self) -> None:
        """All dates, y fitted, every series visible again."""
        for key in self.plot.series:
            self.plot.set_series_visible(key, True)
        self.plot.set_last_days(None)

    # -- export ----------------------------------------------------------------------------

    def current_graphics(self) -> GraphicsLayoutWidget:
        return self.oryx.graphics if self.view == ORYX else self.plot.graphics

    def csv_text(self) -> str:
        """Exactly the values drawn, within the selected date range."""
        if self.view == ORYX:
            return self.oryx.to_csv()
        span = self.plot.range_dates()
        if span is None:
            return to_csv(self.view, [], dt.date.min, dt.date.max)
        series = [self.plot.plotted(k) for k in self.plot.keys]
        return to_csv(self.view, series, *span)

    def export_png(self, path: str | Path, width: int | None = None) -> QSize:
        return chart_export.export_png(self.current_graphics(), path, width)

    def export_svg(self, path: str | Path) -> None:
        chart_export.export_svg(self.current_graphics(), path)

    def export_csv(self, path: str | Path) -> None:
        Path(path).write_text(self.csv_text(), encoding="utf-8")

    def chart_image(self) -> QImage:
        image: QImage = self.current_graphics().grab().toImage()
        return image

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setImage(self.chart_image())
        self._show_hover(self.tr("Chart copied to the clipboard."))

    def _ask_export(self, kind: str) -> None:
        width: int | None = None
        if kind == "png-sized":
            width, ok = QInputDialog.getInt(
                self, self.tr("Export PNG"), self.tr("Width (pixels):"), 1920, 200, 10000, 10
            )
            if not ok:
                return
        suffix = {"png": "png", "png-sized": "png", "svg": "svg", "csv": "csv"}[kind]
        default = f"frontline-{self.view}-{dt.date.today().isoformat()}.{suffix}"
        chosen = file_dialogs.save_file_name(self, self.tr("Export chart"), default)
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
            self._show_hover(f"{path}: {exc.strerror}")
            return
        self._show_hover(self.tr("Exported to %1").replace("%1", path))

    # -- reactions -------------------------------------------------------------------------

    def _update(self, *_args: object) -> None:
        oryx = self.view == ORYX
        self.stack.setCurrentWidget(self.oryx if oryx else self.plot)
        for widget in (
            self.mode_combo,
            self.milestones_box,
            self.reset_button,
            *self.range_buttons.values(),
        ):
            widget.setEnabled(not oryx)
        keys = self.checked_keys()
        if not oryx:
            self.plot.show_view(self.view, keys, self.mode)
        self._fill_tables(keys)
        if oryx and not self.oryx.rows:
            self._show_hover(
                self.tr("No Oryx figures yet: import russia_losses_equipment_oryx.json to compare.")
            )
        elif not keys:
            self._show_hover(self.tr("Tick one or more categories to chart them."))
        else:
            self._show_hover(
                self.tr(
                    "Point at the chart for a day's figures; click to open that report. Drag the "
                    "shaded range below, or drag and wheel on the chart, to zoom."
                )
            )

    def _toggle_milestones(self, on: bool) -> None:
        self.plot.show_milestones = on
        self.plot.draw_milestones()

    def _fill_tables(self, keys: list[str]) -> None:
        records: list[tuple[str, dt.date, str]] = []
        reached: list[tuple[str, str, dt.date]] = []
        for key in keys:
            points = self.data.points.get(key, [])
            if not points:
                continue
            for p in aggregates.records(points, RECORDS_PER_CATEGORY):
                records.append((key, p.date, signed(p.derived_change)))
            step = aggregates.milestone_step(points[-1].total)
            for m in aggregates.milestones(points, step):
                reached.append((key, number(m.threshold), m.date))
        self._fill(self.records_table, [(k, d.isoformat(), c) for k, d, c in records])
        self._fill(self.milestones_table, [(k, t, d.isoformat()) for k, t, d in reached])

    def _fill(self, table: QTableWidget, rows: list[tuple[str, str, str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = QTableWidgetItem(category_label(value) if c == 0 else value)
                if c == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, value)
                if c > 0 and value[:1] in "+-0123456789":
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, cell)

    def _table_clicked(self, table: QTableWidget, row: int) -> None:
        date_column = 1 if table is self.records_table else 2
        cell = table.item(row, date_column)
        if cell is not None:
            self.reportRequested.emit(dt.date.fromisoformat(cell.text()))

    def _show_hover(self, text: str) -> None:
        lines = text.split("\n")
        # Beyond four lines, categories share a line so the date and warnings stay in view.
        shown = text if len(lines) <= 4 else lines[0] + "\n" + "  ·  ".join(lines[1:])
        self.hover_label.setText(shown)
        self.hover_label.setToolTip(text)
