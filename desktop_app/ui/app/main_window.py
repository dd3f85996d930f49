"""The main window: archive and losses tabs, menus, import/export, remembered layout.

It is built in three steps, so that a window is on screen as soon as Qt can paint one:

1. `MainWindow(settings, frame_only=True)`: the frame alone (title, remembered size and
   place), from a module that imports nothing but Qt; `app.py` shows it before the archive
   is opened or the database and window modules are imported (`ui.app.startup`).
2. `open(...)`: on the bound archive, a shell the first rows need: the tabs, the search field
   and the list, the menus. `MainWindow(settings, database_path=…)` does 1 and 2 at once.
3. `ensure_built()`: what the list's first rows do not need (the filter panel, the reader,
   the Data problems dock and its View-menu entry, the status bar's counts, and the modules
   behind them), in the event-loop turn after the shell's first paint, or at once when
   something asks for it first (`problems_dock`, `archive_view.filters` / `.reader`).
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QPaintEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_TITLE, __version__
from desktop_app.ui.app import window_state, window_transfer
from desktop_app.ui.app.tabs import ARCHIVE_TAB, LOSSES_TAB

if TYPE_CHECKING:
    from desktop_app.services.changes import Changes
    from desktop_app.ui.archive.archive_actions import ArchiveActions
    from desktop_app.ui.archive.archive_view import ArchiveView
    from desktop_app.ui.charts.charts_tab import ChartsTab
    from desktop_app.ui.common.garbage import GuiThreadCollector
    from desktop_app.ui.common.operations import Operation, OperationRunner
    from desktop_app.ui.common.undo import LongUndoController
    from desktop_app.ui.losses.losses_view import LossesView
    from desktop_app.ui.losses.problems_view import ProblemsDock
    from desktop_app.ui.transfer.backup_actions import BackupActions
    from desktop_app.ui.transfer.export_flow import ExportController
    from desktop_app.ui.transfer.import_flow import ImportController

WARM_UP_DELAY_MS = 1500
# After the first frame, how long the rest of the window waits for the first rows' frame.
ROWS_WAIT_MS = 300


class MainWindow(QMainWindow):
    archiveChosen = Signal(str)  # File ▸ Open archive…: start again on this archive
    framePainted = Signal()  # the first paint of a frame not yet opened (step 1)
    # The named actions, made by ui.app.menus.build_menus.
    import_action: QAction
    _import_as_actions: list[QAction]
    paste_page_action: QAction
    undo_action: QAction
    redo_action: QAction
    new_article_action: QAction
    new_brief_action: QAction
    new_report_action: QAction
    edit_item_action: QAction
    delete_item_action: QAction
    find_action: QAction
    update_sources_action: QAction
    shortcuts_action: QAction
    language_group: QActionGroup
    theme_group: QActionGroup
    archive_actions: ArchiveActions
    _before_language: QAction
    _view_menu: QMenu
    # Made by open().
    runner: OperationRunner
    collector: GuiThreadCollector
    importer: ImportController
    long_undo: LongUndoController
    backups: BackupActions
    exporter: ExportController
    archive_view: ArchiveView
    losses_view: LossesView | None
    charts_tab: ChartsTab
    tabs: QTabWidget
    undo_stack: QUndoStack
    counts_label: QLabel

    def __init__(
        self,
        settings: QSettings,
        *,
        database_path: Path | None = None,
        daily_backups: bool = False,
        warm_up: bool = False,
        read_only: bool = False,
        parent: QWidget | None = None,
        frame_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.opened = False  # open() has run: the window shows an archive
        self._shut_down = False  # shutdown() has run
        self._frame_painted = False
        self._build_scheduled = False
        self._rows_shown = False  # the first search's first rows (or whole answer) are in
        self.setWindowTitle(APP_TITLE)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if not frame_only:
            self.open(
                database_path=database_path,
                daily_backups=daily_backups,
                warm_up=warm_up,
                read_only=read_only,
            )

    def open(
        self,
        *,
        database_path: Path | None = None,
        daily_backups: bool = False,
        warm_up: bool = False,
        read_only: bool = False,
    ) -> None:
        """The window on the archive the models are bound to: its tabs, list and menus."""
        from PySide6.QtCore import Qt  # Qt's namespace: ~45 ms, not before the first paint

        from desktop_app.ui.app.menus import build_menus
        from desktop_app.ui.archive.archive_view import ArchiveView
        from desktop_app.ui.charts.charts_tab import ChartsTab
        from desktop_app.ui.common.garbage import GuiThreadCollector
        from desktop_app.ui.common.operations import OperationRunner
        from desktop_app.ui.transfer.backup_actions import BackupActions

        assert not self.opened, "a window opens one archive"
        self.database_path = database_path
        self.read_only = read_only
        if read_only:
            self.setWindowTitle(APP_TITLE + " " + self.tr("(read-only)"))
        self.setAcceptDrops(True)
        # The one lane to the archive: every write and slow read of the window runs there,
        # and its `changed` signal is how every view learns what changed (ours or another
        # program's writes).
        self.runner = OperationRunner(self)
        # Garbage is collected between events on this thread, not by a worker mid-query.
        self.collector = GuiThreadCollector(self)
        self.runner.changed.connect(self._on_changed)
        self.runner.failed.connect(lambda text: self.show_message("error", text))
        # Every undoable change is a command on this stack (Edit → Undo / Redo); the views
        # follow the runner's `changed`, which comes when an undo or redo has been written.
        self.undo_stack = QUndoStack(self)
        window_transfer.install_transfer(self)  # self.importer, self.exporter, …
        self.backups = BackupActions(self, daily=daily_backups)
        if warm_up:
            # Reading every linked article's figures takes about a second at 1,600 links; done
            # in the background after start-up, the Losses tab and the problems panel find it
            # ready instead of doing it on the GUI thread.
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self.warm_up)
        self._problems_dock: ProblemsDock | None = None
        self._sources_dock: QWidget | None = None  # View ▸ Sources, built with the rest
        self._auto_update = warm_up  # due sources on a timer (the real program, not tests)

        self.archive_view = ArchiveView(self, defer_panels=True)
        self.losses_view = None
        self._losses_page = QWidget()
        QVBoxLayout(self._losses_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.archive_view, self.tr("&Archive"))
        self.tabs.addTab(self._losses_page, self.tr("&Losses"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.charts_tab = ChartsTab(self, self.tabs)  # the Charts tab, built on first show
        self.setCentralWidget(self.tabs)

        build_menus(self)
        # The counts stay on the right of the status bar; messages come and go on the left.
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName(self.tr("Archive size"))
        self.statusBar().addPermanentWidget(self.counts_label)
        # The list fills from the search worker (first page, then the rest), so the window
        # paints at once instead of after loading 100,000 ids.
        queued = Qt.ConnectionType.QueuedConnection  # once the view has taken them in
        self.archive_view.firstRowsShown.connect(self._rows_arrived, queued)
        self.archive_view.searchFinished.connect(self._rows_arrived, queued)
        self.archive_view.run_search()
        window_state.restore_layout(self)
        self.opened = True
        if read_only:
            self._disable_writes()

    def _disable_writes(self) -> None:
        """A read-only archive: browse, search, read and export; nothing that writes."""
        for action in (
            self.import_action,
            self.paste_page_action,
            *self._import_as_actions,
            self.new_article_action,
            self.new_brief_action,
            self.new_report_action,
            self.edit_item_action,
            self.delete_item_action,
            self.backups.restore_action,
            self.update_sources_action,
        ):
            action.setEnabled(False)
            action.setToolTip(self.tr("The archive is open read-only."))
        self.setAcceptDrops(False)

    # -- the window context (ui.common.context.WindowContext) ------------------------------
    def widget(self) -> QWidget:
        return self

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def open_report(self, date: dt.date) -> bool:
        from PySide6.QtCore import Qt

        self.tabs.setCurrentIndex(LOSSES_TAB)
        losses = self.ensure_losses_view()
        found = losses.select_date(date)
        losses.table.setFocus(Qt.FocusReason.OtherFocusReason)  # Delete, Enter act on it
        return found

    def open_item(self, item_id: int) -> None:
        self.tabs.setCurrentIndex(ARCHIVE_TAB)
        self.archive_view.select_item(item_id)

    def _on_changed(self, changes: Changes) -> None:
        """Every view follows `runner.changed` by itself (the archive list, the Losses tab, the
        Data problems panel, the Charts tab, the Trash); the window keeps only its counts."""
        self._update_status()

    def warm_up(self) -> Operation:
        from desktop_app.ui.app.warm_up import warm_up

        return warm_up(self.runner)

    # -- what is built after the first paint ----------------------------------------------
    @property
    def built(self) -> bool:
        """Whether both docks exist (the saved layout names them)."""
        return self._problems_dock is not None and self._sources_dock is not None

    def ensure_built(self) -> None:
        """Build what the first paint does without; at once if something needs it earlier."""
        self._build_rest()
        self._ensure_sources_dock()

    def _build_rest(self) -> None:
        if self._problems_dock is not None:
            return
        from desktop_app.ui.losses.problems_view import install_problems_dock

        self.archive_view.ensure_panels()
        from desktop_app.ui.archive.archive_actions import ZOOM_KEY

        zoom = str(self.settings.value(ZOOM_KEY, "0"))
        self.archive_view.reader.set_zoom(int(zoom) if zoom.lstrip("-").isdigit() else 0)
        self.archive_view.reader.zoomRequested.connect(self.archive_actions.zoom)
        if self.archive_actions.serif_action.isChecked():
            self.archive_view.reader.set_serif(True)
        self._problems_dock = install_problems_dock(self)
        self._view_menu.insertAction(  # after Find
            self._before_language, self._problems_dock.toggleViewAction()
        )
        # The saved layout names the docks; one built later is restored when it is added.
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self._update_status()

    def _ensure_sources_dock(self) -> None:
        if self._sources_dock is not None:
            return
        from desktop_app.ui.sources.sources_panel import install_sources_dock

        dock = install_sources_dock(self, self._view_menu, self._auto_update)
        self._sources_dock = dock
        self.collector.freeze()  # the whole window is built: later passes skip it
        # Built after the saved layout was restored: restored again, so that it takes its
        # saved place and visibility (restoreDockWidget places it but leaves it hidden).
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _rows_arrived(self) -> None:
        self._rows_shown = True
        if self._build_scheduled and self._problems_dock is None:
            self.repaint()  # the rows' frame now (a posted one would come after the build)
            self._build_after_first_paint()

    def _build_after_first_paint(self) -> None:
        """The rest of the window; the Sources dock's modules (fetching and storing, 0.2 s
        of imports) load on the read lane, and the dock is added when they are in."""
        if self._problems_dock is not None:
            return  # built already (the rows came, or something needed it sooner)
        self._build_rest()
        if self._sources_dock is None:
            self.runner.read(
                "load the Sources panel",
                _load_sources_panel,
                success=lambda _none: self._ensure_sources_dock(),
            )

    @property
    def problems_dock(self) -> ProblemsDock:
        self.ensure_built()
        assert self._problems_dock is not None
        return self._problems_dock

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.opened:
            if not self._frame_painted:
                self._frame_painted = True
                self.framePainted.emit()
        elif not self._build_scheduled:
            # After the first frame, the rest of the window is built; but not between the
            # first rows' arrival and their frame (it took 46–71 ms of the GUI thread there).
            self._build_scheduled = True
            wait = 0 if self._rows_shown else ROWS_WAIT_MS
            QTimer.singleShot(wait, self._build_after_first_paint)

    # -- tabs -----------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if index == LOSSES_TAB:
            self.ensure_losses_view()

    def ensure_losses_view(self) -> LossesView:
        """Build the losses view on first use: it is what pulls in pyqtgraph and numpy."""
        if self.losses_view is None:
            from desktop_app.ui.losses.losses_view import LossesView

            self.losses_view = LossesView(self)
            layout = self._losses_page.layout()
            assert layout is not None
            layout.addWidget(self.losses_view)
            self.losses_view.show()
            state = self.settings.value("losses/splitter")
            if isinstance(state, QByteArray):
                self.losses_view.splitter.restoreState(state)
            self.losses_view.refresh()
        return self.losses_view

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.tabs.setCurrentIndex(ARCHIVE_TAB)
        self.archive_view.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.archive_view.search_edit.selectAll()

    # -- editing --------------------------------------------------------------------------
    def new_item(self, kind: str) -> int | None:
        from desktop_app.ui.archive import item_editing

        return item_editing.new_item(self, kind)

    def edit_item(self) -> None:
        from desktop_app.ui.archive import item_editing

        item_editing.edit_item(self, self.archive_view.selected_id())

    def delete_item(self) -> None:
        from desktop_app.ui.archive import item_editing

        item_editing.delete_chosen(self, self.archive_view)

    def new_report(self) -> None:
        self.tabs.setCurrentIndex(LOSSES_TAB)
        self.ensure_losses_view().open_report_dialog()

    # -- import / export ------------------------------------------------------------------
    def choose_import(self, as_kind: str | None = None) -> None:
        """File ▸ Import…; with `as_kind`, every feed entry or page is stored as that kind."""
        window_transfer.choose_import(self, as_kind)

    def import_files(self, paths: list[Path], *, as_kind: str | None = None) -> None:
        if self.importer.start(paths, as_kind=as_kind) is None and self.importer.busy:
            self.statusBar().showMessage(self.tr("An import is already running."))

    def show_message(self, kind: str, text: str) -> None:
        """A non-blocking message box: the event loop keeps running."""
        from PySide6.QtCore import Qt

        box = QMessageBox(
            QMessageBox.Icon.Warning if kind == "error" else QMessageBox.Icon.Information,
            APP_TITLE,
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def export(self, what: str, fmt: str) -> None:
        """File ▸ Export: all reports, all items, or the items the list shows ("shown")."""
        window_transfer.export(self, what, fmt)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from desktop_app.ui.app.open_files import take_files  # files named on the command line too

        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if take_files(self, paths, self.import_files):
            event.acceptProposedAction()  # a page opens the page dialog; the rest is imported

    # -- misc -----------------------------------------------------------------------------
    def open_data_folder(self) -> QMessageBox | None:
        """The folder with the archive, settings and log; its path in a box if no file
        manager opens it."""
        from desktop_app.ui.app.data_folder import open_data_folder

        return open_data_folder(self, self.database_path)

    def show_shortcuts(self) -> None:
        from desktop_app.ui.app.shortcuts_dialog import ShortcutsDialog

        self.ensure_built()  # the Data problems key is on a menu only once the dock exists
        self.shortcuts_dialog = ShortcutsDialog(self.menuBar(), self)
        self.shortcuts_dialog.open()

    def about(self) -> None:
        about = self.tr(
            "An offline archive of war coverage and the General Staff's daily loss reports."
        )
        where = self.tr("Archive file:") + f" {self.database_path or '-'}"
        text = f"<b>{APP_TITLE}</b> {__version__}<br>{about}<br><br>{where}"
        QMessageBox.about(self, self.tr("About Frontline Archive"), text)

    def _update_status(self) -> None:
        if self._problems_dock is None:
            return  # ensure_built() shows the counts once the window has painted
        from desktop_app.services import queries

        self.runner.read("count", queries.archive_counts, success=self._show_counts)

    def _show_counts(self, counts: tuple[int, int]) -> None:
        from desktop_app.ui.common.i18n import number

        items, reports = counts
        self.counts_label.setText(
            self.tr("%1 articles and briefs · %2 loss reports")
            .replace("%1", number(items))
            .replace("%2", number(reports))
        )

    def save_state(self) -> None:
        window_state.save_state(self)

    def shutdown(self) -> None:
        """Cancel what runs, let the lanes and search threads end, and keep the window's
        state; once, whether the window is closed or the event loop ends without a close
        (`QApplication.exit()`, which closes no window): no worker thread may still be
        running when Python tears the Qt objects down at exit."""
        if not self.opened or self._shut_down:
            return
        self._shut_down = True
        if self.importer.busy:
            self.importer.cancel()
        if self.exporter.operation is not None:
            self.exporter.operation.token.cancel()
        self.runner.close(10000)
        self.collector.stop()
        self.archive_view.shutdown()
        self.save_state()
        # Deleting the stack clears it, which emits indexChanged into the half-deleted window
        # and losses view (seen as "Internal C++ object already deleted" in a later test).
        self.undo_stack.blockSignals(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)


def _load_sources_panel() -> None:
    importlib.import_module("desktop_app.ui.sources.sources_panel")
