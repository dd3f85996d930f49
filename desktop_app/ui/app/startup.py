"""Starting the window frame first: on screen before the archive is opened.

What runs before the first paint imports Qt and little else: the QApplication, the error
hooks (an error while the window is built is shown too, not only printed), the translators,
the theme and the main window's frame (`MainWindow(frame_only=True)`: its title, remembered
size and place). The database, search and window modules (about 250 ms of imports on a
2-core machine) load in the event-loop turn after that paint, when `fill` opens the archive
and builds the window in the frame (`application.open_in_frame`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, APP_TITLE, __version__
from desktop_app.core.paths import settings_path
from desktop_app.ui.app.errors import install_error_hooks
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.common.i18n import LANGUAGE_KEY, choose_language, install_translators
from desktop_app.ui.common.theme import apply_theme, chosen_theme

# What fills the frame: opens the archive and builds the window in it (or says why not);
# what it returns (the window's session) is kept until the event loop ends.
Fill = Callable[[MainWindow, QSettings], object]


def app_icon() -> QIcon:
    icon = resources.files("desktop_app") / "resources" / "icons" / "frontline-archive.svg"
    return QIcon(str(icon))


def default_settings() -> QSettings:
    # An INI file beside the archive: easy to find, back up or delete.
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def application() -> QApplication:
    """The QApplication (made if there is none yet), named and with its icon."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


def close_charts(app: QApplication) -> None:
    """Close every pyqtgraph view (`GraphicsView.close`: its scene cleared while each of its
    items is still whole) before the windows are deleted. Deleted with its window, the
    scene of a chart that had been drawn crashed the program in QGraphicsScene's destructor
    (SIGSEGV at the end of every session that had opened the Charts tab)."""
    pg = sys.modules.get("pyqtgraph")  # not imported to close nothing: no chart was built
    if pg is None:
        return
    from shiboken6 import isValid

    for widget in app.topLevelWidgets():
        if isValid(widget):  # a dialog's wrapper may outlive its deleted widget
            for view in widget.findChildren(pg.GraphicsView):
                view.close()


def run_frame_first(log_path: Path | None, fill: Fill) -> int:
    """Show the window's frame, then `fill` it once it has painted; the exit code.

    Unexpected errors go to `log_path` and a dialog from the start. `fill` may end the
    program with an exit code of its own (`QApplication.exit(code)`), as when the archive
    cannot be opened.
    """
    app = application()
    reporter = install_error_hooks(log_path, app)
    settings = default_settings()
    # Referenced until exec() returns: a collected translator stops translating.
    translators = install_translators(app, choose_language(str(settings.value(LANGUAGE_KEY, ""))))
    if (theme := chosen_theme(settings)) != "system":
        apply_theme(theme)  # before the frame: the window is painted in the chosen colours
    frame = MainWindow(settings, frame_only=True)
    kept: list[object] = []

    def fill_once_painted() -> None:
        if frame.isVisible():  # not closed before its first paint came round
            kept.append(fill(frame, settings))

    # In the next turn of the event loop: the frame's paint is on the screen before the
    # archive is opened. (A timer, not a queued connection: Qt's namespace is not loaded
    # before the first paint; see ui.app.errors.)
    frame.framePainted.connect(lambda: QTimer.singleShot(0, frame, fill_once_painted))
    frame.show()
    code = app.exec()
    # The loop may end without a window closing (`QApplication.exit()`, unlike quit()): the
    # windows' worker threads end here, before the objects they report to are torn down.
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.shutdown()
    kept.clear()  # the window session, before the translators it translates with
    # The windows are deleted here (each takes its children with it) while the application
    # and the translators still exist; left to the interpreter's exit, they would go in
    # whatever order its clean-up reaches their wrappers.
    from PySide6.QtCore import QCoreApplication, QEvent  # after the loop: not at start-up

    close_charts(app)
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del translators, reporter
    return code
