"""When something unexpected happens: the traceback goes to the log, and the window says so.

A program started from a menu has no terminal, so an exception that reaches the event loop
(a bug in a slot), one that ends a Python thread, or a critical message from Qt would
otherwise vanish. `install_error_hooks` routes all three here:

- `sys.excepthook` and `threading.excepthook`: the traceback is written to the local log and
  to stderr (when there is one), and `ErrorDialog` shows it;
- Qt's message handler: debug, info and warnings go to the log only (Qt warns about harmless
  things); critical and fatal messages go to the log and the dialog. After a fatal message
  Qt aborts the process, so the log line is all that remains of it.

The dialog is not modal (the window stays usable) and there is at most one: errors that come
while it is open are added to it and counted, not stacked as new windows. Its buttons copy
the details to the clipboard and open the folder with the log.

Hooks may run in any thread and inside any Qt handler, so they only log and emit a queued
signal; the dialog is built and updated later, in the GUI thread.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_TITLE, __version__

log = logging.getLogger("desktop_app.errors")
qt_log = logging.getLogger("desktop_app.errors.qt")

# Distinct errors kept in one dialog; later ones are still counted and logged.
MAX_SHOWN = 20

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def environment_line() -> str:
    """Program, Python, Qt and system versions: the first line of every copied report."""
    return (
        f"{APP_TITLE} {__version__} · Python {platform.python_version()} · "
        f"PySide6 {pyside_version} · {platform.system()} {platform.release()}"
    )


class ErrorDialog(QDialog):
    """One non-modal window listing the unexpected errors since it was last closed."""

    def __init__(self, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.setWindowTitle(APP_TITLE + " — " + self.tr("Unexpected error"))
        self.setModal(False)
        self.total = 0
        self._entries: dict[str, list[Any]] = {}  # details -> [summary, count]
        intro = self.tr(
            "Something went wrong inside the program (a bug, not something you did). "
            "What was saved before is kept; the action that failed may not have been completed."
        )
        if log_path is not None:
            where = self.tr("The details are also written to the log: %1").replace(
                "%1", str(log_path)
            )
        else:
            where = self.tr("The log could not be written; copy the details to report the error.")
        self.message = QLabel(intro + "\n\n" + where)
        self.message.setWordWrap(True)
        from PySide6.QtCore import Qt  # its ~45 ms are not spent at start-up (see below)

        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bold = self.summary.font()
        bold.setBold(True)
        self.summary.setFont(bold)
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumSize(560, 220)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton(self.tr("Open &log folder"))
        self.folder_button.clicked.connect(self.open_log_folder)
        self.folder_button.setEnabled(log_path is not None)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def add(self, summary: str, details: str) -> None:
        """Count one more error; a new one is listed, a repeated one counted."""
        self.total += 1
        entry = self._entries.get(details)
        if entry is not None:
            entry[1] += 1
        elif len(self._entries) < MAX_SHOWN:
            self._entries[details] = [summary, 1]
        self._update()

    def clear(self) -> None:
        self.total = 0
        self._entries.clear()
        self._update()

    def details_text(self) -> str:
        """What Copy details puts on the clipboard: versions, then each error's traceback."""
        parts = [environment_line()]
        for details, (_summary, count) in self._entries.items():
            repeated = f"(×{count})\n" if count > 1 else ""
            parts.append(repeated + details.rstrip())
        return "\n\n".join(parts) + "\n"

    def _update(self) -> None:
        first = next(iter(self._entries.values()), None)
        text = str(first[0]) if first is not None else ""
        if self.total > 1:
            text += "\n" + self.tr("Errors since this message appeared: %1").replace(
                "%1", str(self.total)
            )
        self.summary.setText(text)
        self.details.setPlainText(self.details_text())

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details_text())

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            folder = self.log_path.parent
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
                from desktop_app.ui.app.data_folder import data_folder_box

                data_folder_box(self, folder, None).open()  # says where it is instead


def _dialog_parent() -> QWidget | None:
    """The main window, so that the dialog stays above it and closes with it."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return None


class ErrorReporter(QObject):
    """Holds the hooks and the one dialog.

    Signals:
        reported(str, str): an unexpected error (summary, details); always delivered queued,
            so the dialog is built in the GUI thread and never inside the failing handler.
    """

    reported = Signal(str, str)

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: ErrorDialog | None = None
        self._file_handler: logging.Handler | None = None
        self._previous: tuple[Any, Any, Any] | None = None
        self.reported.connect(self._show_soon)

    # -- the hooks (any thread) -----------------------------------------------------------
    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._report(exc_type, exc, tb, where="")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return  # how a thread may end on purpose, as the default hook treats it
        name = args.thread.name if args.thread is not None else "?"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, where=name)

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        qt_log.log(level, "Qt: %s", message)
        if level >= logging.ERROR:
            for handler in logging.getLogger().handlers + log.handlers:
                handler.flush()  # a fatal message aborts the process next
            self.reported.emit(f"Qt: {message}", f"Qt {logging.getLevelName(level)}: {message}")
        previous = self._previous[2] if self._previous is not None else None
        if previous is not None:
            previous(kind, context, message)
        elif level >= logging.WARNING and sys.stderr is not None:
            sys.stderr.write(f"Qt: {message}\n")

    def _report(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
        *,
        where: str,
    ) -> None:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if where:
            details = f"Thread {where}:\n{details}"
        log.error("Unexpected error%s\n%s", f" in thread {where}" if where else "", details)
        if sys.stderr is not None:  # started from a terminal: say it there too
            sys.stderr.write(details)
        self.reported.emit(f"{exc_type.__name__}: {exc}", details)

    # -- the dialog (GUI thread) ----------------------------------------------------------
    def _show_soon(self, summary: str, details: str) -> None:
        # In the GUI thread (a report from another thread comes queued), in the next turn of
        # its event loop: never inside the failing handler. A timer rather than a queued
        # connection: naming `Qt.ConnectionType` loads Qt's namespace (~45 ms of enums),
        # which the window's first paint does not otherwise need.
        QTimer.singleShot(0, self, lambda: self._show(summary, details))

    def _show(self, summary: str, details: str) -> None:
        from PySide6.QtCore import Qt

        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = ErrorDialog(self.log_path, _dialog_parent())
            dialog.setWindowFlag(Qt.WindowType.Window, True)
            dialog.destroyed.connect(self._forget_dialog)
        if not dialog.isVisible():
            dialog.clear()  # a new episode: the last one was read and closed
        dialog.add(summary, details)
        dialog.show()
        dialog.raise_()

    def _forget_dialog(self, *_args: object) -> None:
        self.dialog = None

    # -- installing -----------------------------------------------------------------------
    def install(self) -> None:
        if self._previous is not None:
            return
        if self.log_path is not None and not _logged_to(self.log_path):
            handler = logging.FileHandler(self.log_path, encoding="utf-8")
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
            log.addHandler(handler)
            self._file_handler = handler
        previous_qt = qInstallMessageHandler(self.qt_message)
        self._previous = (sys.excepthook, threading.excepthook, previous_qt)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Put back the hooks found at install (tests; the program keeps them to the end)."""
        if self._previous is None:
            return
        sys.excepthook, threading.excepthook, previous_qt = self._previous
        self._previous = None
        qInstallMessageHandler(previous_qt)
        if self._file_handler is not None:
            log.removeHandler(self._file_handler)
            self._file_handler.close()
            self._file_handler = None


def _logged_to(path: Path) -> bool:
    """Whether the root logger already writes to `path` (the program's own log set-up)."""
    target = os.path.abspath(path)
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and handler.baseFilename == target:
            return True
    return False


def install_error_hooks(log_path: Path | None, parent: QObject | None = None) -> ErrorReporter:
    """Route unexpected errors to the log at `log_path` and to the error dialog."""
    reporter = ErrorReporter(log_path, parent)
    reporter.install()
    return reporter
