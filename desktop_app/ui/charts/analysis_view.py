"""The Charts tab: a view selector and category checklist beside the analysis chart.

Views: cumulative totals, daily change, 7/30-day averages, weekly/monthly/yearly sums and the
Oryx comparison; several categories on one axis, as small multiples or as an index. Records
and milestones in tables, exports (PNG, SVG, CSV, clipboard). Built on first show (it imports
pyqtgraph through its chart modules).
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QByteArray, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QKeyEvent,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.charts import ChartSource
from desktop_app.ui.charts.analysis_data import (
    CUMULATIVE,
    ORYX,
    PERIOD_VIEWS,
    TIME_VIEWS,
    ChartData,
    category_label,
    view_title,
)
from desktop_app.ui.charts.analysis_plot import (
    NORMALISED,
    ONE_AXIS,
    SMALL_MULTIPLES,
    AnalysisPlot,
)
from desktop_app.ui.charts.chart_output import ChartOutput
from desktop_app.ui.charts.day_tables import day_table, fill_day_tables
from desktop_app.ui.charts.oryx_plot import OryxPlot
from desktop_app.ui.common.accessibility import name
from desktop_app.ui.common.i18n import QT_TRANSLATE_NOOP

# What a first look shows: three equipment series of similar scale.
DEFAULT_KEYS = ("tanks", "armored_vehicles", "artillery")
QUICK_RANGES: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("AnalysisView", "30 d"), 30),
    (QT_TRANSLATE_NOOP("AnalysisView", "90 d"), 90),
    (QT_TRANSLATE_NOOP("AnalysisView", "1 y"), 365),
    (QT_TRANSLATE_NOOP("AnalysisView", "All"), None),
)
# Lines of the text above the chart (its height never changes).
HOVER_LINES = 4


class AnalysisView(ChartOutput, QWidget):
    """Controls on the left, chart (with its overview) on the right."""

    # The date of the report under a click on the chart or a double-click in a table.
    reportRequested = Signal(object)
    # The id of an article (or brief) that published a report, chosen from the chart's menu.
    articleRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData()
        self.owner = self
        self._remembered_keys: list[str] = []
        # Ticked categories a read no longer held (their only report deleted): ticked again
        # when they come back (an undo).
        self._vanished: list[str] = []
        self.plot = AnalysisPlot(self.data, self)
        # The Oryx comparison is built when first shown (13 ms of the tab's first show).
        self._oryx: OryxPlot | None = None
        self._oryx_totals: dict[str, int] = {}
        self.plot.hovered.connect(self._show_hover)
        self.plot.pointClicked.connect(self.reportRequested)
        self.plot.menuRequested.connect(self._point_menu)
        self.plot.keys_filter.deleted = self._nothing_to_delete
        self.point_menu: QMenu | None = None

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
        # Alt+E and Alt+V belong to the menu bar (Edit, View): the tab's own keys are others.
        view_caption = QLabel(self.tr("&Show:"), self)
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
        self.export_button = self.export_button_for(self)
        bar.addWidget(self.export_button)

        self._read_once = False  # whether `refresh` brought the archive's figures yet
        self.category_list = QListWidget(self)
        self.category_list.setToolTip(self.tr("Tick the categories to chart"))
        self.category_list.itemChanged.connect(self._update)
        opened = self.reportRequested.emit
        self.records_table = day_table(
            self, [self.tr("Category"), self.tr("Date"), self.tr("Change")], 1, opened
        )
        self.milestones_table = day_table(
            self, [self.tr("Category"), self.tr("Reached"), self.tr("Date")], 2, opened
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
        # A fixed height: a hover must not make the chart jump. Lines never wrap: many
        # categories are set in columns (`hover_text`); the whole text is also the tooltip.
        self.hover_label.setFixedHeight(self.fontMetrics().lineSpacing() * HOVER_LINES + 4)
        self.hover_label.setWordWrap(False)
        self.hover_label.setMinimumWidth(1)
        self.hover_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot)
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

    def _name_controls(self) -> None:
        """Names and descriptions a screen reader says for the controls."""
        name(self.mode_combo, self.tr("Layout"), self.tr("How several categories are drawn"))
        name(self.view_combo, self.tr("View"), self.tr("What the chart shows of each category"))
        name(self.category_list, self.tr("Categories"), self.tr("Tick the categories to chart"))
        name(self.export_button, self.tr("Export chart"), self.tr("PNG, SVG, CSV or clipboard"))
        name(self.records_table, self.tr("Largest days"), self.tr("Enter opens that day"))
        name(self.milestones_table, self.tr("Milestones"), self.tr("Enter opens that day"))
        name(self.hover_label, self.tr("Figures of the day pointed at"))
        self._name_chart(self.plot.graphics)

    def _name_chart(self, graphics: QWidget) -> None:
        name(graphics, self.tr("Chart"), self.tr("The figures are also in the tables beside"))

    @property
    def oryx(self) -> OryxPlot:
        """The comparison with Oryx's counts; asking for it builds it the first time."""
        if self._oryx is None:
            self._oryx = OryxPlot(self.data, self)
            self._oryx.hovered.connect(self._show_hover)
            self._name_chart(self._oryx.graphics)
            self._oryx.set_totals(self._oryx_totals)
            self.stack.addWidget(self._oryx)
        return self._oryx

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
        shown, old_span = self.plot.range_dates(), self.data.span(self.plot.keys)
        self._read_once = True
        self.data.set_source(source)
        self.category_list.blockSignals(True)
        self.category_list.clear()
        ticked = before + [k for k in self._vanished if k not in before]
        self._vanished = [k for k in ticked if k not in self.data.points]
        wanted = (
            [k for k in ticked if k in self.data.points]
            or [k for k in self._remembered_keys if k in self.data.points]
            or [k for k in DEFAULT_KEYS if k in self.data.points]
            or self.data.keys[:1]
        )
        for key in self.data.keys:
            item = QListWidgetItem(category_label(key), self.category_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in wanted else Qt.CheckState.Unchecked)
        self._colour_categories()
        self.category_list.blockSignals(False)
        self._oryx_totals = source.oryx_totals
        if self._oryx is not None:
            self._oryx.set_totals(source.oryx_totals)
        self._update()
        self._range_after_read(shown, old_span)

    def _range_after_read(
        self, shown: tuple[dt.date, dt.date] | None, old: tuple[dt.date, dt.date] | None
    ) -> None:
        """Keep the user's range across a fresh read (another program may write every few
        seconds): the whole war stays whole, a range ending at the newest day moves on with
        it (the same number of days), any other range keeps its dates."""
        if shown is None or old is None or (shown[0] <= old[0] and shown[1] >= old[1]):
            self.plot.set_last_days(None)
        elif shown[1] >= old[1]:
            self.plot.set_last_days((shown[1] - shown[0]).days)
        else:
            self.plot.set_range(*shown)

    def reset(self) -> None:
        """All dates, y fitted, every series visible again."""
        for key in self.plot.series:
            self.plot.set_series_visible(key, True)
        self.plot.set_last_days(None)

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
        # An index compares totals that grow; a day's change near zero makes it meaningless
        # ("3,700" for a change of 37 against 1): offered for cumulative totals only.
        model = self.mode_combo.model()
        assert isinstance(model, QStandardItemModel)
        index_item = model.item(self.mode_combo.findData(NORMALISED))
        index_item.setEnabled(self.view == CUMULATIVE)
        if self.view != CUMULATIVE and self.mode == NORMALISED:
            self.mode_combo.blockSignals(True)
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(ONE_AXIS))
            self.mode_combo.blockSignals(False)
        keys = self.checked_keys()
        if not oryx:
            self.plot.show_view(self.view, keys, self.mode)
        fill_day_tables(self.records_table, self.milestones_table, self.data, keys)
        if oryx and not self.oryx.rows:
            self._show_hover(
                self.tr("No Oryx figures yet: import russia_losses_equipment_oryx.json to compare.")
            )
        elif not keys and self._read_once and not self.category_list.count():
            self._show_hover(
                self.tr(
                    "No loss reports yet.\nImport a dataset or a report you copied (File ▸ Import…,"
                    " Ctrl+Shift+V to paste one),\nor type one in the Losses tab (New report…)."
                )
            )
        elif not keys:
            self._show_hover(self.tr("Tick one or more categories to chart them."))
        else:
            lines = [
                self.tr(
                    "Point at the chart, or click it and use the arrow keys, for a day's figures;"
                    " click or press Enter to open that day's report, right-click for its articles."
                ),
                self.tr("Drag the shaded range below, or drag and wheel on the chart, to zoom."),
            ]
            if self.view in PERIOD_VIEWS:
                lines.append(self.tr("Pale bars: periods the reports cover only in part."))
            # The instructions again, no crosshair left over, and the cursor on the plots now
            # drawn (not on a category unticked since).
            self.plot.hover_date, self.plot.hover_keys = None, []
            for line in (line for p in self.plot.plots for line in (p.crosshair, p.crosshair_y)):
                line.setVisible(False)
            self._show_hover("\n".join(lines))

    def _toggle_milestones(self, on: bool) -> None:
        self.plot.show_milestones = on
        self.plot.draw_milestones()

    def _point_menu(self, date: dt.date, pos: QPoint) -> None:
        """A day's menu: its report in the Losses tab, and each article that published it."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(
            self.tr("Open the report of %1").replace("%1", date.isoformat()),
            lambda: self.reportRequested.emit(date),
        )
        articles = self.data.articles.get(date, [])
        for item_id, title in articles:
            action = menu.addAction(self.tr("Open the article “%1”").replace("%1", title))
            action.setData(item_id)
            action.triggered.connect(lambda _c=False, i=item_id: self.articleRequested.emit(i))
        if not articles:
            menu.addAction(self.tr("No article in the archive published it")).setEnabled(False)
        self.point_menu = menu
        menu.popup(pos)

    def _nothing_to_delete(self) -> None:
        self._show_hover(
            self.tr(
                "Nothing is deleted from the Charts tab: reports are deleted in the Losses tab."
            )
        )

    def event(self, event: QEvent) -> bool:
        # Delete in this tab never reaches the window's "delete the selected item", whose
        # item (in the Archive tab) is not in view: the key is claimed here and explained.
        if (
            isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._nothing_to_delete()
                return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        # The category names are written in their series' colours: follow a theme switch.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colour_categories()
        super().changeEvent(event)

    def _colour_categories(self) -> None:
        from desktop_app.ui.plotting.palette import is_dark, series_color

        dark = is_dark(self.palette())
        for i in range(self.category_list.count()):
            item = self.category_list.item(i)
            item.setForeground(series_color(str(item.data(Qt.ItemDataRole.UserRole)), dark))

    def _show_hover(self, text: str) -> None:
        lines = text.split("\n")
        date = self.plot.hover_date
        if len(lines) <= HOVER_LINES or date is None or self.view == ORYX:
            shown = html.escape(text).replace("\n", "<br>")
        else:
            # Many categories: short entries in columns, so that no line wraps or hides.
            entries = self.data.compact_lines(
                self.view, self.plot.hover_keys, date, self.plot.index_from()
            )
            rows = HOVER_LINES - 1
            columns = -(-len(entries) // rows)
            cells = "".join(
                "<tr>"
                + "".join(
                    f"<td style='padding-right:14px'>{html.escape(entries[c * rows + r])}</td>"
                    for c in range(columns)
                    if c * rows + r < len(entries)
                )
                + "</tr>"
                for r in range(rows)
            )
            shown = f"{html.escape(lines[0])}<table cellspacing='0'>{cells}</table>"
        self.hover_label.setText(shown)
        self.hover_label.setToolTip(text)
        # What the chart's cursor points at is its description, for a screen reader too.
        graphics = self.plot.graphics
        if graphics.accessibleDescription() != text:
            graphics.setAccessibleDescription(text)
            QAccessible.updateAccessibility(
                QAccessibleEvent(graphics, QAccessible.Event.DescriptionChanged)
            )
