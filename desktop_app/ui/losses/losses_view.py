"""The Losses tab: a category's chart above the table of stored reports, and report entry.

The chart (pyqtgraph + numpy, most of the start-up cost) is built the first time the view is
shown or its `chart` is asked for, so importing this module stays cheap.

Every read runs on the window's read lane and every write (through `report_steps`) on its
write lane; the view follows the runner's `changed` signal by itself, keeping the category,
the selected report and the scroll position.

Signals:
    reportSaved(date): the user saved a report from this view's dialog.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.ui.common.accessibility import list_keys, name
from desktop_app.ui.losses import questions, report_steps
from desktop_app.ui.losses.report_dialog import ReportDialog, read_dialog_data
from desktop_app.ui.losses.report_table_model import ReportTableModel, category_label
from desktop_app.ui.losses.table_tools import TableTools

if TYPE_CHECKING:
    from desktop_app.core.report import LossReport
    from desktop_app.services.changes import Changes
    from desktop_app.services.queries import LinkedArticle
    from desktop_app.ui.common.context import WindowContext
    from desktop_app.ui.losses.loss_chart import LossChart

# Rows measured when sizing columns to their contents: the newest reports carry the largest
# (widest) totals, and measuring all 2,000 rows would make every reload visibly slow.
_RESIZE_SAMPLE_ROWS = 200


class LossesView(QWidget):
    """Category combo, LossChart and the report table in a vertical splitter."""

    # The date of a report the user saved from this view's dialog.
    reportSaved = Signal(object)

    def __init__(
        self,
        ctx: WindowContext,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self._chart: LossChart | None = None
        self.dialog: ReportDialog | None = None
        self.context_menu: QMenu | None = None
        self.delete_box: QMessageBox | None = None
        self._opening = False  # a report's dialog is being read
        # Asked for while the rows were being read: selected when they arrive.
        self._pending_date: dt.date | None = None
        self._pending_row: int | None = None
        self._stale = False
        # Every write (ours, an undo, another program's) ends here: read what it touched.
        ctx.runner.changed.connect(self._on_changed)

        self.model = ReportTableModel(ctx, self)
        self.model.loaded.connect(self._on_loaded)
        self.model.modelAboutToBeReset.connect(self._remember_place)
        self._kept_date: dt.date | None = None
        self._kept_scroll = 0
        self._sized_for: tuple[tuple[str, ...], dt.date | None] | None = None
        self.category_combo = QComboBox(self)
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category_combo.setPlaceholderText(self.tr("No reports yet"))
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        category_caption = QLabel(self.tr("Ca&tegory:"), self)
        category_caption.setBuddy(self.category_combo)
        self.new_button = QPushButton(self.tr("New report…"), self)
        self.new_button.setToolTip(self.tr("Type or paste a daily loss report"))
        self.new_button.clicked.connect(lambda: self.open_report_dialog())
        self.new_button.setEnabled(not ctx.read_only)
        self.article_button = QPushButton(self.tr("&Open article"), self)
        self.article_button.setToolTip(
            self.tr("Open the article that published the selected report (Archive tab)")
        )
        self.article_button.clicked.connect(self.open_selected_article)
        self.article_button.setEnabled(False)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        # Compact rows: this is a ledger of 2,000 days, not a form.
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(_RESIZE_SAMPLE_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Sort (a header's click), the Year box, Ctrl+C and Ctrl+A.
        self.tools = TableTools(self.table, self.model, self, ctx.settings)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.setToolTip(self.tr("Double-click a report to edit it; Delete removes it"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.table.installEventFilter(self)
        # Tab leaves the table; Enter or F2 edits the selected report; the Menu key (or
        # Shift+F10) opens the menu of the selected row, not of a point in the view.
        list_keys(
            self.table,
            activate=self._edit_selected,
            keys=("Return", "Enter", "F2"),
            menu=self._show_context_menu,
        )
        name(
            self.table,
            self.tr("Loss reports"),
            self.tr("One row a day. Enter or F2 edits the report; Delete deletes it"),
        )
        name(self.category_combo, self.tr("Category"), self.tr("The category the chart shows"))

        # The chart goes into this holder when built; the splitter keeps the same two panes
        # either way, so the main window can restore its state before the chart exists.
        self._chart_holder = QWidget(self)
        QVBoxLayout(self._chart_holder).setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("lossesSplitter")
        self.splitter.addWidget(self._chart_holder)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # Initial proportions (the chart gets the larger share); the main window may restore
        # the user's own split over this.
        self.splitter.setSizes([600, 400])

        bar = QHBoxLayout()
        bar.addWidget(category_caption)
        bar.addWidget(self.category_combo)
        bar.addSpacing(12)
        bar.addWidget(self.tools.year_caption)
        bar.addWidget(self.tools.year_combo)
        bar.addStretch(1)
        bar.addWidget(self.article_button)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    # -- chart, built on first use -----------------------------------------------------------

    @property
    def chart(self) -> LossChart:
        """The chart; asking for it builds it (and imports pyqtgraph) the first time."""
        if self._chart is None:
            from desktop_app.ui.losses.loss_chart import LossChart

            self._chart = LossChart(self._chart_holder)
            name(
                self._chart.plot_widget,
                self.tr("Chart of the category"),
                self.tr("The same figures are in the table below"),
            )
            layout = self._chart_holder.layout()
            assert layout is not None
            layout.addWidget(self._chart)
            self._update_chart()
        return self._chart

    def showEvent(self, event: QShowEvent) -> None:
        # The chart (35 ms of pyqtgraph's items) is built just after the first show, in a
        # turn of its own: the tab and its table are painted first, and neither step holds
        # the GUI thread for more than two frames.
        if self._chart is None:
            QTimer.singleShot(0, self, self._build_chart)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _build_chart(self) -> None:
        self.chart  # noqa: B018 (the property builds it)

    # -- public ------------------------------------------------------------------------------

    def current_key(self) -> str | None:
        key = self.category_combo.currentData()
        return key if isinstance(key, str) else None

    def selected_date(self) -> dt.date | None:
        index = self.table.currentIndex()
        return self.model.date_at(index.row()) if index.isValid() else None

    def select_date(self, date: dt.date) -> bool:
        """Select `date`'s row (keeping the current column); False when it is not stored.

        While the rows are being read, the date is remembered and selected when they arrive
        (True: it is not known yet whether it is stored).
        """
        row = self.model.row_of(date)
        if row is None and not self.model.loading and self.tools.reveal(date):
            row = self.model.row_of(date)  # stored, in a year the Year box hid
        if self.model.loading:
            self._pending_date, self._pending_row = date, None
            if row is None:
                return True
        if row is None:
            return False
        column = max(self.table.currentIndex().column(), 0)
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def refresh(self) -> None:
        """Read the table and the chart again (on the read lane), keeping what is selected."""
        self._stale = False
        self.model.reload()

    def open_report_dialog(self, date: dt.date | None = None) -> ReportDialog | None:
        """Open the report dialog (window-modal, not blocking): a new report, or `date`'s.

        A new report opens at once; `date`'s opens once its stored figures and articles were
        read (`self.dialog` is set then).
        """
        if date is None:
            return self._show_dialog(None, None, [])
        if self._opening:
            return None  # a double-click's second click, or a key repeat: one dialog

        def read(data: tuple[LossReport | None, list[LinkedArticle]]) -> None:
            if isValid(self):
                self._opening = False
                self._show_dialog(date, *data)

        def failed(text: str) -> None:
            if isValid(self):
                self._opening = False
            self.ctx.show_message("error", text)

        self._opening = True
        self.ctx.runner.read(
            "open report", lambda: read_dialog_data(date), success=read, failure=failed
        )
        return None

    def _show_dialog(
        self, date: dt.date | None, stored: LossReport | None, articles: list[LinkedArticle]
    ) -> ReportDialog:
        dialog = ReportDialog(
            self.ctx, self, date=date, stored=stored, articles=articles, today=self._today
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reportSaved.connect(self._on_report_saved)
        # The dialog deletes itself on close; forget it then, not keep a dead wrapper.
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_selected_report(self) -> dt.date | None:
        """Ask, then delete the chosen reports (one undo step); the row after them is next."""
        date = self.selected_date()
        if date is None or (self.delete_box is not None and self.delete_box.isVisible()):
            return None
        if self.ctx.read_only:
            self.ctx.status(self.tr("The archive is open read-only: nothing can be deleted."))
            return None
        rows = self.tools.selected_rows()
        dates = [d for r in rows if (d := self.model.date_at(r)) is not None]
        self.delete_box = questions.confirm_delete_reports(
            self,
            dates,
            lambda: self._delete(dates, rows[0]),
            lambda: setattr(self, "delete_box", None),
        )
        return date

    def _delete(self, dates: list[dt.date], row: int) -> None:
        def deleted(_result: object) -> None:
            if isValid(self):
                self._pending_row, self._pending_date = row, None

        report_steps.delete_reports(self.ctx, dates, success=deleted, failure=self._write_failed)

    def _write_failed(self, text: str) -> None:
        """A write (or its undo) failed: say so, and show what is stored."""
        self.ctx.show_message("error", text)
        if isValid(self):
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window's Delete shortcut (delete an article) must not fire while the report
        # table has the focus: claim the key here, then delete the selected report.
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.delete_selected_report()
                return True
        return super().eventFilter(watched, event)

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        date = self.model.date_at(index.row()) if index.isValid() else None
        if date is None:
            return
        self.tools.point_at(index)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        edit = QAction(self.tr("&Edit report {date}…").format(date=date.isoformat()), menu)
        edit.triggered.connect(lambda: self.open_report_dialog(date))
        count = len(self.tools.selected_rows())
        delete = QAction(questions.delete_action_text(date, count), menu)
        delete.setShortcut(Qt.Key.Key_Delete)
        delete.triggered.connect(self.delete_selected_report)
        history = QAction(self.tr("Figure &history…"), menu)
        history.triggered.connect(lambda: self.show_figure_history(date))
        menu.addActions([edit, delete, history])
        self.tools.add_to_menu(menu, index.column())
        self.context_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def show_figure_history(self, date: dt.date) -> QWidget:
        """Who changed which figure of `date`'s report from what to what, when."""
        from desktop_app.ui.losses.figure_history import open_figure_history

        return open_figure_history(self.ctx, date, self)

    # -- reactions ---------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        # An item change touches the table only through a linked article (its figures tint
        # cells), and then services mark it `reports` too: a re-tag or a new article does not
        # cost a re-read of 18 series.
        if not (changes.reports or changes.external):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # read when next shown

    def _on_loaded(self) -> None:
        """New rows arrived: rebuild the categories and the chart, keep selection and scroll."""
        key = self.current_key()
        # Sized when the columns or the newest report (the widest figures) changed, not after
        # every edit: that keeps the widths the user dragged.
        shape = (tuple(self.model.category_keys()), self.model.newest_date())
        if shape != self._sized_for:
            self._sized_for = shape
            self.size_columns()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        for k in self.model.category_keys():
            self.category_combo.addItem(category_label(k), k)
        index = self.category_combo.findData(key) if key else -1
        self.category_combo.setCurrentIndex(max(index, 0) if self.category_combo.count() else -1)
        self.category_combo.blockSignals(False)
        self.tools.loaded()
        self._update_chart()
        self._update_article_button()

        date, row = self._pending_date, self._pending_row
        self._pending_date = self._pending_row = None
        # The scroll range follows the new rows only after a layout pass: make it now.
        self.table.doItemsLayout()
        self.table.verticalScrollBar().setValue(self._kept_scroll)
        if row is not None:
            if self.model.rowCount():
                self.table.selectRow(min(row, self.model.rowCount() - 1))
            return
        target = date if date is not None else self._kept_date
        if target is not None:
            self.select_date(target)
            if date is None:
                self.tools.restore_selection()

    def size_columns(self) -> None:
        """Fit each column to its header and the newest reports' texts.

        Measured from the display strings (in bold, as warnings are drawn): Qt's own
        resizeColumnsToContents asks the model for every role of each sampled cell, 0.7-0.9 s
        for 200 rows × 20 columns on the test machine.
        """
        font = QFont(self.table.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        header = self.table.horizontalHeader()
        rows = min(self.model.rowCount(), _RESIZE_SAMPLE_ROWS)
        padding = 2 * metrics.averageCharWidth() + 6
        for column in range(self.model.columnCount()):
            texts = self.model.column_texts(column, rows)
            longest = max((len(t) for t in texts), default=0)
            # Digits share one width in table fonts: only the longest texts can be widest.
            candidates = {t for t in texts if len(t) >= longest - 1}
            widest = max((metrics.horizontalAdvance(t) for t in candidates), default=0)
            if column == self.model.article_column:
                widest = min(widest, 40 * metrics.averageCharWidth())  # a title is elided
            self.table.setColumnWidth(column, max(widest + padding, header.sectionSizeHint(column)))

    def _remember_place(self) -> None:
        self._kept_date = self.selected_date()
        self.tools.remember_selection()
        self._kept_scroll = self.table.verticalScrollBar().value()

    def _update_chart(self) -> None:
        if self._chart is None:
            return
        key = self.current_key()
        if key is None:
            self._chart.clear(no_reports=not self.model.loading)
            return
        self._chart.set_series(key, self.model.series(key), category_label(key))
        date = self.selected_date()
        if date is not None:
            self._chart.mark_date(date)

    def _on_category_changed(self, _index: int) -> None:
        self._update_chart()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_article_button()
        if not current.isValid():
            return
        # A click in a category's column charts that category; any click marks the date.
        key = self.model.key_at(current.column())
        if key is not None and key != self.current_key():
            self.category_combo.setCurrentIndex(self.category_combo.findData(key))
        date = self.model.date_at(current.row())
        if self._chart is not None and date is not None:
            self._chart.mark_date(date)

    def _edit_selected(self) -> None:
        index = self.table.currentIndex()
        if index.column() == self.model.article_column and self.open_selected_article():
            return
        date = self.selected_date()
        if date is not None:
            self.open_report_dialog(date)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.column() == self.model.article_column and self.open_selected_article():
            return  # the "Published in" cell opens its article
        date = self.model.date_at(index.row())
        if date is not None:
            self.open_report_dialog(date)

    def open_selected_article(self) -> bool:
        """Show the (first) article that published the selected report in the Archive tab."""
        index = self.table.currentIndex()
        articles = self.model.articles_at(index.row()) if index.isValid() else []
        if not articles:
            return False
        self.ctx.open_item(articles[0][0])
        return True

    def _update_article_button(self) -> None:
        index = self.table.currentIndex()
        articles = self.model.articles_at(index.row()) if index.isValid() else []
        self.article_button.setEnabled(bool(articles))
        self.article_button.setToolTip(
            self.tr("Open “%1” (Archive tab)").replace("%1", articles[0][1])
            if articles
            else self.tr("No article in the archive published the selected report")
        )

    def _forget_dialog(self, _result: int) -> None:
        self.dialog = None

    def _on_report_saved(self, date: dt.date) -> None:
        # The runner's `changed` has started reading the table again: select it when it is in.
        self.select_date(date)
        self.reportSaved.emit(date)
