"""Starting the GUI: the QApplication, settings, demo content on a new archive, the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop_app import APP_NAME, APP_TITLE, __version__
from desktop_app.core.errors import ArchiveError
from desktop_app.services import session
from desktop_app.services.session import Archive
from desktop_app.ui.app.errors import install_error_hooks
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.app.recent_archives import remember_archive
from desktop_app.ui.app.welcome import install_welcome
from desktop_app.ui.common.i18n import LANGUAGE_KEY, choose_language, install_translators
from desktop_app.ui.common.theme import apply_theme, chosen_theme

if TYPE_CHECKING:
    from desktop_app.ui.app.open_archive import ServerWatcher


def app_icon() -> QIcon:
    icon = resources.files("desktop_app") / "resources" / "icons" / "frontline-archive.svg"
    return QIcon(str(icon))


def default_settings() -> QSettings:
    # An INI file beside the archive: easy to find, back up or delete.
    return QSettings(str(session.settings_path()), QSettings.Format.IniFormat)


def run_application(
    archive: Archive, log_path: Path | None = None, *, files: Sequence[Path] = ()
) -> int:
    """Run the window on `archive`; unexpected errors go to `log_path` and a dialog; `files`
    (named on the command line) are imported as if dropped on the window."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    # First: an error while the window is being built is shown too, not only printed.
    install_error_hooks(log_path, app)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    settings = default_settings()
    # Referenced until exec() returns: a collected translator stops translating.
    translators = install_translators(app, choose_language(str(settings.value(LANGUAGE_KEY, ""))))
    if (theme := chosen_theme(settings)) != "system":
        apply_theme(theme)  # before the window: it is built in the chosen colours
    window = WindowSession(settings)
    window.start(archive, files)
    code = app.exec()
    del translators, window
    return code


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

    def start(self, archive: Archive, files: Sequence[Path] = ()) -> MainWindow:
        window = start_window(archive, self.settings, files)
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
            archive = session.open_archive(target)
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


def start_window(archive: Archive, settings: QSettings, files: Sequence[Path] = ()) -> MainWindow:
    """The window on `archive`, shown; a new archive's demo content, then the `files` named
    on the command line, are queued on its write lane (which runs them in that order)."""
    read_only = archive.read_only
    window = MainWindow(
        settings,
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
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setWindowIcon(app_icon())
    translators = install_translators(
        app, choose_language(str(default_settings().value(LANGUAGE_KEY, "")))
    )
    startup_error_box(text).exec()
    del translators
