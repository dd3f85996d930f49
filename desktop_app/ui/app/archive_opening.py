"""Opening an archive that a newer release must upgrade first, without freezing the window.

An upgrade copies the archive first (a backup an older release can still open), then runs
each new step of the schema: 11 s for a million items (1.9 GB) going from schema 12 to 13,
most of it the copy. Opened on the GUI thread, the frame stopped painting and the desktop
called the program "not responding" for that long. Here such an archive is opened on a
thread of its own while the window says what is happening (in the middle of the empty frame
at start-up, in the status bar of a window open on another archive) and goes on painting;
an archive that needs no upgrade is opened at once, as before (a millisecond or two).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from desktop_app.services import session

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.services.session import Archive


class _Done(QObject):
    """Lives in the GUI thread: the opening thread's signal reaches it queued."""

    finished = Signal()


def open_archive(target: str | None, window: QMainWindow) -> Archive:
    """`session.open_archive(target)`; one to upgrade is opened on another thread while
    `window` says so (the empty frame in its middle, else its status bar) and the event
    loop runs. Raises what opening raised."""
    if not session.needs_upgrade(target):
        return session.open_archive(target)
    said = QCoreApplication.translate(
        "Startup",
        "Upgrading the archive for this release: a backup of it first, then the new "
        "indexes (about 11 s for a million items)…",
    )
    placeholder = None
    if window.centralWidget() is None:  # the empty frame at start-up: said in its middle
        placeholder = QLabel(said, window)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setWordWrap(True)
        window.setCentralWidget(placeholder)
    else:  # a window open on another archive (File ▸ Open archive…)
        window.statusBar().showMessage(said)
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit)
    outcome: list[Archive | BaseException] = []

    def work() -> None:
        from desktop_app.services.archive_state import close_connection

        try:
            outcome.append(session.open_archive(target))
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome.append(exc)
        finally:
            close_connection()  # this thread's; the window's lanes open their own
            done.finished.emit()

    thread = threading.Thread(target=work, name="archive upgrade")
    thread.start()
    loop.exec()  # until `finished`, or the program quits (then the upgrade is waited for)
    thread.join()
    if placeholder is not None:
        window.takeCentralWidget()
        placeholder.deleteLater()
    else:
        window.statusBar().clearMessage()
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result
