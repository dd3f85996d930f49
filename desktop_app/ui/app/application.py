"""The window on an archive: opening it in the frame, demo content on a new archive, and
starting again on another archive (File ▸ Open archive…)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop_app import APP_NAME, APP_TITLE
from desktop_app.core.errors import BAD_INPUT, ArchiveError
from desktop_app.services import session
from desktop_app.services.session import Archive
from desktop_app.ui.app import archive_opening
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.app.recent_archives import remember_archive
from desktop_app.ui.app.startup import application, default_settings
from desktop_app.ui.app.welcome import install_welcome
from desktop_app.ui.common.i18n import LANGUAGE_KEY, choose_language, install_translators

if TYPE_CHECKING:
    from desktop_app.ui.app.open_archive import ServerWatcher


def open_in_frame(
    frame: MainWindow, settings: QSettings, database: str | None, files: Sequence[Path] = ()
) -> WindowSession | None:
    """Open the archive `database` names (the default one if None) and build the window in
    `frame`; an archive that cannot be opened is named in a box and the program ends with
    exit code 2, as a command on it would."""
    try:
        archive = archive_opening.open_archive(database, frame)
    except ArchiveError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        frame.hide()
        # The box is the last window: its closing must not end the program with 0 first.
        application().setQuitOnLastWindowClosed(False)
        show_startup_error(str(exc))
        QCoreApplication.exit(BAD_INPUT)
        return None
    if not frame.isVisible():
        return None  # closed while the archive was being upgraded: the program is ending
    started = WindowSession(settings)
    started.start(archive, files, frame=frame)
    return started


class WindowSession:
    """The window on the open archive, started again on another one when asked: File ▸
    Open archive… (`MainWindow.archiveChosen`), or a server archive's offline copy whose
    server answers again (`ServerWatcher`). The old window's lanes close their connections
    first; then the archive is opened and bound, and a new window takes the old one's place
    (a failure to open reopens the archive it was on and says why)."""

    def __init__(self, settings: QSettings, *, watch_ms: int | None = None) -> None:
        self.settings = settings
        self.watch_ms = watch_ms
        self.window: MainWindow | None = None
        self.target = ""
        self.watcher: ServerWatcher | None = None  # an offline copy's: asks the server

    def start(
        self, archive: Archive, files: Sequence[Path] = (), *, frame: MainWindow | None = None
    ) -> MainWindow:
        """The window on `archive`: built in `frame` if given, else a new one."""
        window = start_window(archive, self.settings, files, frame=frame)
        self.window = window
        self.target = archive.url or str(archive.path)
        remember_archive(self.settings, self.target)
        window.archiveChosen.connect(self.reopen)
        self.watcher = None
        if archive.offline_since is not None and archive.url:
            # The dialog's module (and the team services) only for an offline copy's window.
            from desktop_app.ui.app.open_archive import WATCH_MS, ServerWatcher

            url = archive.url
            every = WATCH_MS if self.watch_ms is None else self.watch_ms
            self.watcher = ServerWatcher(window, url, interval_ms=every)
            self.watcher.returned.connect(lambda: self.reopen(url))
        return window

    def reopen(self, target: str) -> MainWindow | None:
        """The window on `target` (a file or a server address) in place of the current one."""
        from desktop_app.services.archive_state import close_connection

        old, previous = self.window, self.target
        if old is None:
            return None
        if self.watcher is not None:
            self.watcher.stop()
        old.save_state()
        old.runner.close(10000)
        old.archive_view.shutdown()
        close_connection()  # this thread's, to the archive being left
        problem = ""
        try:
            archive = archive_opening.open_archive(target, old)
        except ArchiveError as exc:
            problem = str(exc)
            archive = session.open_archive(previous)
        window = self.start(archive)
        old.hide()
        old.close()
        old.deleteLater()
        if problem:
            window.show_message(
                "error",
                QCoreApplication.translate("Startup", "The archive could not be opened.")
                + "\n\n"
                + problem,
            )
        return window


def start_window(
    archive: Archive,
    settings: QSettings,
    files: Sequence[Path] = (),
    *,
    frame: MainWindow | None = None,
) -> MainWindow:
    """The window on `archive` (built in `frame` if given), shown; a new archive's demo
    content, then the `files` named on the command line, are queued on its write lane
    (which runs them in that order)."""
    read_only = archive.read_only
    window = frame or MainWindow(settings, frame_only=True)
    window.open(
        database_path=archive.path,
        # A read-only archive's folder takes no daily copy either; a server archive's
        # "daily copy" is its offline copy, refreshed whenever the window opens it.
        daily_backups=not read_only or (archive.server is not None and not archive.offline_since),
        warm_up=True,
        read_only=read_only,
    )
    if archive.created:
        # Written on the window's write lane like any other change; the views fill in when
        # `changed` says so.
        window.runner.write("demo content", session.seed_demo)
    install_welcome(window, demo=archive.created)  # until dismissed
    if archive.offline_since is not None:
        window.statusBar().addPermanentWidget(offline_banner(archive))
    window.show()
    if files:
        from desktop_app.ui.app.open_files import take_files

        take_files(window, files, window.import_files)
    return window


def offline_banner(archive: Archive) -> QLabel:
    """Says, for as long as the window is open, that this is a server archive's offline copy."""
    since = archive.offline_since.strftime("%H:%M") if archive.offline_since else ""
    label = QLabel(
        QCoreApplication.translate(
            "Startup", "Offline copy from %1 — read-only (%2 cannot be reached)"
        )
        .replace("%1", since)
        .replace("%2", archive.server or "")
    )
    label.setObjectName("offlineBanner")
    label.setStyleSheet("QLabel { font-weight: bold; padding: 0 6px; }")
    return label


def startup_error_box(text: str) -> QMessageBox:
    """The box that says why the archive could not be opened (built, not shown)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        APP_TITLE,
        QCoreApplication.translate("Startup", "The archive could not be opened."),
    )
    box.setInformativeText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_startup_error(text: str) -> None:
    """The box that says why the archive could not be opened, shown until closed."""
    app = application()
    translators = install_translators(
        app, choose_language(str(default_settings().value(LANGUAGE_KEY, "")))
    )
    startup_error_box(text).exec()
    del translators
