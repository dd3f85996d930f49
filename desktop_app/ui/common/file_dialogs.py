"""File dialogs that never open the archive's files, and the check that refuses them.

SQLite's locks on the archive are POSIX advisory locks: they belong to the process and the
file, and *any* `close()` of *any* descriptor this process has on the file drops all of them.
Qt's file dialog opens every file it lists to guess its type (`QMimeDatabase` reads the first
bytes when the name does not decide it: `archive.sqlite-wal`, `archive.sqlite-shm`), and
closes it again; afterwards the window holds no lock, and a command run beside it believes it
is the last user, checkpoints and deletes the WAL under the window ("database disk image is
malformed" later). The same happens when the archive itself is dropped, imported or chosen as
a backup's destination.

So every dialog of the window comes from here:

- Qt's own widget dialog (`DontUseNativeDialog`): a platform dialog loaded into the process
  (GTK's) sniffs files the same way, and we cannot change what it does;
- an icon provider that decides icons and type names from the name alone (`TypeOnlyIcons`);
- the archive's own files (the archive, `-wal`, `-shm`, `-journal`) hidden from the listing;
- choosing one of them anyway (typed into the name field) is refused in the dialog, and
  `archive_files_among` lets a drop refuse them before anything opens them. Both compare
  `os.stat` results (device and inode), and `stat` opens nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QFileInfo,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QMessageBox,
    QStyle,
    QWidget,
)

# The files SQLite keeps beside an archive (WAL mode, or a rollback journal).
# The archive and what SQLite keeps beside it (storage.backup.ARCHIVE_SUFFIXES; a test keeps
# the two equal). Named here so that importing the dialogs loads no storage module.
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")

# Icons from the theme by name only (no file is read to choose them).
_THEME_ICONS = {
    "json": "application-json",
    "csv": "text-csv",
    "txt": "text-plain",
    "xml": "text-xml",
    "rss": "application-rss+xml",
    "atom": "application-atom+xml",
    "html": "text-html",
    "htm": "text-html",
    "pdf": "application-pdf",
    "png": "image-png",
    "svg": "image-svg+xml",
    "sqlite": "application-vnd.sqlite3",
}


def is_archive_file(path: Path | str, database: Path | None) -> bool:
    """Whether `path` is the open archive or one of its companions (by name or by inode);
    `os.stat` only, so nothing is opened (services.archive_state, the check the CLI uses)."""
    from desktop_app.services import archive_state  # storage loads when a check runs

    return database is not None and archive_state.is_archive_file(Path(path), database)


def protected_archives(extra: Path | None = None) -> list[Path]:
    """The archive the process has open (the one the models are bound to), and `extra`."""
    from desktop_app.services.archive_state import archive_path

    found = [p for p in (archive_path(), extra) if p is not None]
    return list(dict.fromkeys(found))


def archive_files_among(paths: Sequence[Path | str], database: Path | None = None) -> list[Path]:
    """The paths that are the open archive's own files (or `database`'s); opens none of them."""
    archives = protected_archives(database)
    return [Path(p) for p in paths if any(is_archive_file(p, a) for a in archives)]


def refusal_text(paths: Sequence[Path]) -> str:
    """The one line the user reads when one of the archive's own files was chosen."""
    return QCoreApplication.translate(
        "FileDialogs",
        "%1 is a file of the archive this window has open; it was not opened. "
        "Choose another file (File ▸ Back up archive… makes a copy of the archive).",
    ).replace("%1", ", ".join(str(p) for p in paths))


class TypeOnlyIcons(QAbstractFileIconProvider):
    """Icons and type names from the file's name and kind only: no file is ever opened.

    Qt may ask from its file-information thread, so everything is built here, in the GUI
    thread, and only looked up later.
    """

    def __init__(self) -> None:
        super().__init__()
        style = QApplication.style()
        self._folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        self._file = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self._drive = style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        self._computer = style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
        self._desktop = style.standardIcon(QStyle.StandardPixmap.SP_DesktopIcon)
        self._trash = style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon)
        self._network = style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon)
        self._by_suffix = {
            suffix: QIcon.fromTheme(name, self._file) for suffix, name in _THEME_ICONS.items()
        }
        self._folder_type = QCoreApplication.translate("FileDialogs", "Folder")
        self._file_type = QCoreApplication.translate("FileDialogs", "File")
        self._suffix_type = QCoreApplication.translate("FileDialogs", "%1 file")

    def icon(self, which: object) -> QIcon:
        if isinstance(which, QFileInfo):
            if which.isRoot():
                return self._drive
            if which.isDir():
                return self._folder
            return self._by_suffix.get(which.suffix().lower(), self._file)
        by_type: dict[object, QIcon] = {
            QAbstractFileIconProvider.IconType.Computer: self._computer,
            QAbstractFileIconProvider.IconType.Desktop: self._desktop,
            QAbstractFileIconProvider.IconType.Trashcan: self._trash,
            QAbstractFileIconProvider.IconType.Network: self._network,
            QAbstractFileIconProvider.IconType.Drive: self._drive,
            QAbstractFileIconProvider.IconType.Folder: self._folder,
        }
        return by_type.get(which, self._file)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return self._folder_type
        suffix = info.suffix()
        return self._suffix_type.replace("%1", suffix.upper()) if suffix else self._file_type


class HideArchiveFiles(QSortFilterProxyModel):
    """Leaves the archive's own files out of the dialog's listing."""

    def __init__(self, archives: Sequence[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archives = list(archives)
        self._names = {a.name + suffix for a in archives for suffix in COMPANION_SUFFIXES}

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not self._names or not isinstance(model, QFileSystemModel):
            return True
        index = model.index(source_row, 0, source_parent)
        if model.fileName(index) not in self._names or model.isDir(index):
            return True
        path = model.filePath(index)
        return not any(is_archive_file(path, archive) for archive in self.archives)


class SafeFileDialog(QFileDialog):
    """Qt's widget file dialog that never opens, lists or returns the archive's own files."""

    def __init__(
        self,
        parent: QWidget | None,
        caption: str,
        directory: str,
        filters: str,
        *,
        protect: Path | None = None,
    ) -> None:
        super().__init__(parent, caption)
        # Before anything is listed: the model reads file information as soon as it has a
        # folder, and it must ask our icon provider, never Qt's.
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.icons = TypeOnlyIcons()  # not a QObject: kept alive by this reference
        self.setIconProvider(self.icons)
        self.protect = protect
        self.setProxyModel(HideArchiveFiles(protected_archives(protect), self))
        # Qt's Ukrainian catalogue leaves these two in English ("Look in:", "Files of type:").
        for label, text in (
            (QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("FileDialog", "Look in:")),
            (
                QFileDialog.DialogLabel.FileType,
                QCoreApplication.translate("FileDialog", "Files of type:"),
            ),
        ):
            self.setLabelText(label, text)
        if filters:
            self.setNameFilter(filters)
        if directory:
            self.setDirectory(directory)
        self.refusal: QMessageBox | None = None

    def accept(self) -> None:
        chosen = archive_files_among(self.selectedFiles(), self.protect)
        if chosen:
            # The dialog stays open for another choice; the box does not block.
            self.refusal = QMessageBox(
                QMessageBox.Icon.Warning,
                self.windowTitle(),
                refusal_text(chosen),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.refusal.open()
            return
        super().accept()


def _split_default(default: str) -> tuple[str, str]:
    """(folder, file name) of a suggested path; a bare name keeps the dialog's own folder."""
    if not default:
        return "", ""
    path = Path(default)
    if path.is_dir():
        return str(path), ""
    if path.parent != Path(".") or path.is_absolute():
        return str(path.parent), path.name
    return "", path.name


def open_file_names(
    parent: QWidget | None,
    caption: str,
    directory: str,
    filters: str = "",
    *,
    protect: Path | None = None,
    many: bool = True,
) -> list[Path]:
    """Existing files to read (File ▸ Import; with `many` False, one: File ▸ Open archive);
    never one of the archive's files.

    The archive the process has open is always protected; `protect` names one more.
    """
    dialog = SafeFileDialog(parent, caption, directory, filters, protect=protect)
    dialog.setFileMode(
        QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    try:
        if not dialog.exec():
            return []
        chosen = [Path(p) for p in dialog.selectedFiles()]
    finally:
        dialog.deleteLater()
    refused = set(archive_files_among(chosen, protect))
    return [p for p in chosen if p not in refused]


def save_file_name(
    parent: QWidget | None,
    caption: str,
    default: str = "",
    filters: str = "",
    *,
    protect: Path | None = None,
) -> Path | None:
    """A file to write (export, backup, PDF); never one of the archive's files."""
    folder, name = _split_default(default)
    dialog = SafeFileDialog(parent, caption, folder, filters, protect=protect)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if name:
        dialog.selectFile(name)
    try:
        if not dialog.exec():
            return None
        chosen = dialog.selectedFiles()
    finally:
        dialog.deleteLater()
    if not chosen or archive_files_among(chosen[:1], protect):
        return None
    return Path(chosen[0])
