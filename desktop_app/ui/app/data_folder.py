"""File ▸ Open data folder: the folder with the settings and the log (and, by default, the
archive) in the file manager; when no file manager opens it, a box that says where it is and
copies the path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.services import session


def data_folder_box(parent: QWidget, folder: Path, archive: Path | None) -> QMessageBox:
    """The box naming the data folder (and the archive, when it lives elsewhere)."""
    lines = [
        QCoreApplication.translate("DataFolder", "Settings and log: %1").replace("%1", str(folder))
    ]
    if archive is not None:
        lines.insert(
            0, QCoreApplication.translate("DataFolder", "Archive: %1").replace("%1", str(archive))
        )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("DataFolder", "Data folder"),
        QCoreApplication.translate(
            "DataFolder", "No file manager could open the data folder. It is here:"
        ),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setInformativeText("\n".join(lines))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = box.addButton(
        QCoreApplication.translate("DataFolder", "&Copy path"), QMessageBox.ButtonRole.ActionRole
    )
    copy.clicked.connect(lambda: copy_path(folder))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def copy_path(folder: Path) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(str(folder))


def open_data_folder(
    parent: QWidget,
    database_path: Path | None,
    opener: Callable[[QUrl], bool] = QDesktopServices.openUrl,
) -> QMessageBox | None:
    """Open the data folder; when `opener` (the desktop's file manager) cannot, show where it
    is and return that box."""
    folder = session.data_dir()
    if database_path is not None and database_path.parent.resolve() == folder.resolve():
        archive = None  # in the same folder: one path says it all
    else:
        archive = database_path
    target = folder if folder.is_dir() else (database_path.parent if database_path else folder)
    if opener(QUrl.fromLocalFile(str(target))):
        return None
    box = data_folder_box(parent, target, archive)
    box.open()
    return box
