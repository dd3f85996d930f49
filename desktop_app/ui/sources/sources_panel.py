"""The Sources dock: each subscription with its unread count, last update and last error.

Add… asks for an address (a feed, a site or the loss figures' API) and what to do with its
entries; the address is looked up on a worker thread, then stored on the write lane. Edit…
(a double click, the context menu) changes a source's settings in one write. Update
all (F5, in the View menu) and the timer run through the SourceUpdater; the list is read on
the read lane and again whenever the runner says sources, items or marks changed. While the
panel shows, a clock says the "Last update" times again, so "just now" becomes "5 min ago"
without the list being read again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.services import subscriptions as subs
from desktop_app.services.changes import Changes
from desktop_app.services.fetching import Fetcher
from desktop_app.ui.common.accessibility import claim_key
from desktop_app.ui.sources.source_list_files import lists_button
from desktop_app.ui.sources.source_texts import details_text, status_text, status_word, utc_now
from desktop_app.ui.sources.updater import SourceUpdater, ago_text

if TYPE_CHECKING:
    from desktop_app.services.source_settings import Edited
    from desktop_app.services.subscriptions import SourceInfo
    from desktop_app.ui.common.context import WindowContext
    from desktop_app.ui.sources.subscribe_dialog import SubscribeDialog

NAME, UNREAD, UPDATED, STATUS = range(4)
REFRESH_MS = 300
# How often the "Last update" times are said again while the panel shows: the coarsest
# step they take is a minute, so every 30 s none is more than half a minute behind.
CLOCK_MS = 30_000
TOGGLE_SHORTCUT = "Ctrl+5"


_FITTED = (UNREAD, UPDATED, STATUS)  # the columns as wide as their texts


def _fill_row(row: QTreeWidgetItem, info: SourceInfo, now: dt.datetime) -> None:
    """A source's row; a text set to what it shows already costs no repaint."""
    texts = {
        UNREAD: str(info.unread),
        UPDATED: ago_text(info.succeeded_at, now),
        STATUS: status_word(info),
    }
    for column, text in texts.items():
        if row.text(column) != text:
            row.setText(column, text)
    if row.toolTip(NAME) != info.url:
        row.setToolTip(NAME, info.url)
    tip = status_text(info)
    if row.toolTip(STATUS) != tip:
        row.setToolTip(STATUS, tip)


class SourcesPanel(QWidget):
    # From the worker that looks an address up: (Resolved or None, error text, settings).
    _resolved = Signal(object, str, object)

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sources: list[SourceInfo] = []
        self._adding: SubscribeDialog | None = None  # the Add dialog, while a source is added
        # What the relative times are counted from (a test sets its own).
        self.now: Callable[[], dt.datetime] = utc_now
        self.updater = SourceUpdater(ctx, self)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("Sources", "Source"),
                QCoreApplication.translate("Sources", "Unread"),
                QCoreApplication.translate("Sources", "Last update"),
                QCoreApplication.translate("Sources", "Status"),
            ]
        )
        header = self.tree.header()
        # The name takes what the counts, times and one-word status leave (the details line
        # below the list says the rest).
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in _FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The selected source's address, last attempt and error, in full.
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree.itemSelectionChanged.connect(self._show_details)
        self.tree.setAccessibleName(QCoreApplication.translate("Sources", "Sources"))
        self.add_button = QPushButton(QCoreApplication.translate("Sources", "A&dd…"), self)
        self.edit_button = QPushButton(QCoreApplication.translate("Sources", "Ed&it…"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("Sources", "Remove"), self)
        self.update_button = QPushButton(
            QCoreApplication.translate("Sources", "&Update selected"), self
        )
        self.update_all_button = QPushButton(
            QCoreApplication.translate("Sources", "U&pdate all"), self
        )
        # Ends a running update: what was stored stays, the other sources stay as they were.
        self.stop_button = QPushButton(QCoreApplication.translate("Sources", "Stop"), self)
        self.stop_button.setEnabled(False)
        self.lists = lists_button(ctx, self)  # OPML in and out
        self.stop_button.clicked.connect(self.updater.cancel)
        self.updater.running_changed.connect(self.stop_button.setEnabled)
        self.add_button.clicked.connect(self.ask_subscribe)
        self.edit_button.clicked.connect(self.edit_selected)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.edit_source(self._name(item)))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.remove_button.clicked.connect(self.remove_selected)
        # Remove has no Alt letter free beside the window's: Delete in the list is its key.
        claim_key(self.tree, QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected)
        self.update_button.clicked.connect(self.update_selected)
        self.update_all_button.clicked.connect(lambda: self.updater.update())
        buttons = QHBoxLayout()
        for b in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.update_button,
            self.update_all_button,
            self.stop_button,
            self.lists,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        layout.addWidget(self.details)
        if ctx.read_only:
            for b in (self.add_button, self.edit_button, self.remove_button, self.update_button):
                b.setEnabled(False)
            self.update_all_button.setEnabled(False)
        self._resolved.connect(self._subscribe_resolved)
        # Many changes in a row (an update storing source after source) read the list once.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.runner.changed.connect(self._on_changed)
        self.updater.finished.connect(lambda _s: self.refresh())
        # Runs only while the panel shows (showEvent, hideEvent).
        self._clock = QTimer(self)
        self._clock.setObjectName("sourceTimesClock")
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self.retell_times)
        self._show_details()  # until the list is read: none yet, and how to add one
        self.refresh()

    # -- the list -----------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        wanted = changes.sources or changes.items or changes.flags or changes.external
        if wanted and not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def refresh(self) -> None:
        self.ctx.runner.read("sources", subs.subscriptions, success=self._show)

    def _show(self, sources: list[SourceInfo]) -> None:
        """Show the list as read; rows that stay are changed in place (a running update
        changes a few counts at a time: the list, its selection and scroll stay still)."""
        if sources == self.sources and self.tree.topLevelItemCount() == len(sources):
            return
        names = [s.name for s in sources]
        same_rows = names == [s.name for s in self.sources]
        self.sources = sources
        if not same_rows:
            selected = set(self.selected_names())
            self.tree.clear()
            for info in sources:
                row = QTreeWidgetItem([info.name, "", "", ""])
                row.setData(NAME, Qt.ItemDataRole.UserRole, info.name)
                row.setTextAlignment(UNREAD, Qt.AlignmentFlag.AlignRight)
                self.tree.addTopLevelItem(row)
                row.setSelected(info.name in selected)
        # Sized to their contents, the columns would be measured again over every row at
        # each text set (0.8 ms a text with 50 sources: 18 ms a refresh during an update,
        # all on the GUI thread); measured once, after the rows are filled.
        header = self.tree.header()
        for column in _FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        now = self.now()
        for n, info in enumerate(sources):
            shown = self.tree.topLevelItem(n)
            if shown is not None:
                _fill_row(shown, info, now)
        for column in _FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._show_details()

    def retell_times(self) -> None:
        """Say the "Last update" times again as of now, from the list already read (its
        times stay; only what they are called changes as time passes)."""
        now = self.now()
        told = []
        for n, info in enumerate(self.sources):
            row = self.tree.topLevelItem(n)
            text = ago_text(info.succeeded_at, now)
            if row is not None and row.text(UPDATED) != text:
                told.append((row, text))
        if told:  # the column measured once, after its texts are set (as in `_show`)
            header = self.tree.header()
            header.setSectionResizeMode(UPDATED, QHeaderView.ResizeMode.Interactive)
            for row, text in told:
                row.setText(UPDATED, text)
            header.setSectionResizeMode(UPDATED, QHeaderView.ResizeMode.ResizeToContents)
        self._show_details()  # its "Last asked" too

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.retell_times()  # hidden, the times were not kept true
        self._clock.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._clock.stop()

    def _show_details(self) -> None:
        names = set(self.selected_names())
        chosen = [s for s in self.sources if s.name in names]
        if len(chosen) == 1:
            self.details.setText(details_text(chosen[0], self.now()))
            return
        failing = [s for s in self.sources if s.last_error or s.gone]
        if not self.sources:  # what an empty list is for, and how it fills
            self.details.setText(
                QCoreApplication.translate(
                    "Sources",
                    "No sources yet. Add… takes a feed's or a news site's address (RSS or Atom):"
                    " its new articles and briefs are then collected while the program runs.",
                )
            )
            return
        self.details.setText(
            QCoreApplication.translate(
                "Sources", "%n sources failing; select one to see why.", None, len(failing)
            )
            if failing
            else ""
        )

    def selected_names(self) -> list[str]:
        return [self._name(i) for i in self.tree.selectedItems()]

    @staticmethod
    def _name(item: QTreeWidgetItem) -> str:
        return str(item.data(NAME, Qt.ItemDataRole.UserRole))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        if not item.isSelected():
            self.tree.setCurrentItem(item)
        menu = QMenu(self)
        for button in (self.edit_button, self.update_button, self.remove_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    # -- actions --------------------------------------------------------------------------
    def edit_selected(self) -> None:
        names = self.selected_names()
        if len(names) == 1:
            self.edit_source(names[0])
        elif not names:
            self.ctx.status(QCoreApplication.translate("Sources", "Select a source to edit."))

    def edit_source(self, name: str) -> SubscribeDialog | None:
        """Show the source's settings; what is changed is stored in one write (modeless, so a
        test or a screen reader can reach the dialog; the dialog is returned)."""
        from desktop_app.ui.sources.subscribe_dialog import SubscribeDialog

        info = next((s for s in self.sources if s.name == name), None)
        if info is None or self.ctx.read_only:
            return None
        dialog = SubscribeDialog(self, info)
        dialog.submit = lambda choice: self.save_settings(name, choice, dialog)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def save_settings(
        self, name: str, choice: dict[str, object], dialog: SubscribeDialog | None = None
    ) -> None:
        """Store a source's settings from the dialog's choice, in one write; `dialog` closes
        when it is stored, or says why not and stays open."""
        from desktop_app.services.source_settings import SourceEdit, edit_source

        edit = SourceEdit(
            name=str(choice["name"]),
            as_kind=str(choice.get("as_kind") or "auto"),
            full_text=bool(choice["full_text"]),
            every=int(choice["every"]),  # type: ignore[call-overload]
            tags=list(choice["tags"]),  # type: ignore[call-overload]
        )

        def saved(edited: Edited) -> None:
            self.ctx.status(
                QCoreApplication.translate("Sources", "Settings of %1 saved").replace(
                    "%1", edited.info.name
                )
            )
            if dialog is not None and isValid(dialog):
                dialog.saved()

        self.ctx.runner.write(
            "source settings",
            lambda: edit_source(name, edit),
            success=saved,
            failure=lambda text: self._refused(dialog, text),
        )

    def _refused(self, dialog: SubscribeDialog | None, text: str) -> None:
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.refused(text)
        else:
            self.ctx.show_message("error", text)

    def update_selected(self) -> None:
        names = self.selected_names()
        if names:
            self.updater.update(names)

    def remove_selected(self) -> None:
        names = self.selected_names()
        if not names:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("Sources", "Remove sources"),
            QCoreApplication.translate(
                "Sources", "Stop following %1? Their articles and briefs stay in the archive."
            ).replace("%1", ", ".join(f"“{n}”" for n in names)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        for name in names:
            self.ctx.runner.write(
                "unsubscribe",
                partial(subs.unsubscribe, name),
                failure=lambda text: self.ctx.show_message("error", text),
            )

    def ask_subscribe(self) -> None:
        from desktop_app.ui.sources.subscribe_dialog import SubscribeDialog

        dialog = SubscribeDialog(self)
        self._adding = dialog
        dialog.submit = self.subscribe
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def subscribe(self, choice: dict[str, object]) -> None:
        """Look the address up on a worker thread, then store it on the write lane; the Add
        dialog, if open, closes when it is stored or says why not and stays open."""
        url = str(choice["url"])
        self.ctx.status(QCoreApplication.translate("Sources", "Looking up %1…").replace("%1", url))

        def look_up() -> None:
            try:
                with Fetcher() as fetcher:
                    found = subs.resolve(url, fetcher)
            except subs.SubscribeError as exc:
                self._emit_resolved(None, str(exc), choice)
            except Exception as exc:  # shown, never a traceback in the user's face
                self._emit_resolved(None, f"{type(exc).__name__}: {exc}", choice)
            else:
                self._emit_resolved(found, "", choice)

        threading.Thread(target=look_up, name="source look-up", daemon=True).start()

    def _emit_resolved(self, found: object, error: str, choice: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._resolved.emit(found, error, choice)

    def _subscribe_resolved(self, found: object, error: str, choice: dict[str, object]) -> None:
        if not isinstance(found, subs.Resolved):
            self.ctx.status("")
            self._refused(self._adding, error)
            return

        def store() -> SourceInfo:
            return subs.subscribe(
                found.url,
                name=str(choice.get("name") or "") or None,
                as_kind=choice.get("as_kind") or None,  # type: ignore[arg-type]
                full_text=bool(choice.get("full_text")),
                every=int(choice.get("every") or 60),  # type: ignore[call-overload]
                tags=list(choice.get("tags") or ()),  # type: ignore[call-overload]
                resolved=found,
            )

        def stored(info: SourceInfo) -> None:
            self.ctx.status(
                QCoreApplication.translate("Sources", "Subscribed to %1").replace("%1", info.name)
            )
            self.updater.update([info.name])
            if self._adding is not None and isValid(self._adding):
                self._adding.saved()

        self.ctx.runner.write(
            "subscribe",
            lambda: _with_changes(store()),
            success=lambda result: stored(result.info),
            failure=lambda text: self._refused(self._adding, text),
        )


@dataclass(frozen=True)
class _Subscribed:
    """A new source, and what changed (the runner tells every view)."""

    info: SourceInfo
    changes: Changes = field(default_factory=lambda: Changes(sources=True))


def _with_changes(info: SourceInfo) -> _Subscribed:
    return _Subscribed(info)


class SourcesDock(QDockWidget):
    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Sources", "Sources"), parent)
        self.setObjectName("sourcesDock")
        self.panel = SourcesPanel(ctx, self)
        self.setWidget(self.panel)
        self.toggleViewAction().setShortcut(TOGGLE_SHORTCUT)

    @property
    def updater(self) -> SourceUpdater:
        return self.panel.updater

    def update_all(self) -> None:
        """Update all sources (F5): in the background, progress in the status bar."""
        if not self.updater.update():
            self.panel.ctx.status(
                QCoreApplication.translate(
                    "Sources", "An update of the sources is running already."
                )
            )


def install_sources_dock(ctx: WindowContext, view_menu: QMenu, auto_update: bool) -> SourcesDock:
    """Add the (hidden) Sources dock on the left, its toggle in View (before the language
    entries, after Update all sources), and start the timer when `auto_update`."""
    window = ctx.widget()
    assert isinstance(window, QMainWindow)
    dock = SourcesDock(ctx, window)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.hide()
    actions = view_menu.actions()
    after = next((a for a in actions if a.shortcut().toString() == "F5"), None)
    before = actions[actions.index(after) + 1] if after in actions[:-1] else None
    if before is not None:
        view_menu.insertAction(before, dock.toggleViewAction())
    else:
        view_menu.addAction(dock.toggleViewAction())
    if auto_update:
        dock.updater.start_timer()
    return dock
