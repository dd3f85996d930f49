"""File ▸ Open archive…: a local file or a team's server (the recent archives: `recent_archives`).

The dialog looks at the chosen archive first, on the window's read lane (a file that is not
an archive, a server that does not answer, a refused password, a database of another
program: said in plain words, nothing changes). Then the window asks to be started again
on it (`MainWindow.archiveChosen`; `ui.app.application` closes the window's connections,
opens the archive and builds a new window in its place).

A password is never written to settings.ini: it goes into the address for this session
only, or, when asked, into the system keyring (the optional `keyring` package); libpq's own
ways (~/.pgpass, a service file, PGPASSWORD) work without either. The recent archives are
remembered without passwords.

`ServerWatcher` belongs to a window showing a server archive's offline copy: it asks the
server now and then, on a thread of its own (never the GUI thread), and says when it
answers again.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.services import team
from desktop_app.ui.app.recent_archives import recent_archives, remember_archive
from desktop_app.ui.common.accessibility import fit_to_screen
from desktop_app.ui.common.error_label import ErrorLabel

WATCH_MS = 15_000


class OpenArchiveDialog(QDialog):
    """Signals:
    chosen(str): the archive was looked at and can be opened (its address, for this session
        with the password typed, if any).
    """

    chosen = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Open archive"))
        self.file_choice = QRadioButton(self.tr("An archive &file on this computer"))
        self.server_choice = QRadioButton(self.tr("A team's archive on a &server (PostgreSQL)"))
        self.file_choice.setChecked(True)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText("~/archive.sqlite")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)

        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("db.newsroom.example")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(0, 65535)
        self.port_spin.setSpecialValueText(self.tr("default (5432)"))
        self.database_edit = QLineEdit()
        self.user_edit = QLineEdit()
        self.sslmode_combo = QComboBox()
        for mode in team.SSL_MODES:
            self.sslmode_combo.addItem(mode, mode)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("empty: ~/.pgpass, a service file or PGPASSWORD")
        )
        self.keyring_check = QCheckBox(self.tr("Remember the password in the system &keyring"))
        if not team.keyring_available():
            self.keyring_check.setEnabled(False)
            self.keyring_check.setToolTip(
                self.tr("No system keyring here (the keyring package is not installed).")
            )
        server = QFormLayout()
        server.addRow(self.tr("&Host"), self.host_edit)
        server.addRow(self.tr("&Port"), self.port_spin)
        server.addRow(self.tr("&Database"), self.database_edit)
        server.addRow(self.tr("&User"), self.user_edit)
        server.addRow(self.tr("&TLS (sslmode)"), self.sslmode_combo)
        server.addRow(self.tr("Pass&word"), self.password_edit)
        server.addRow("", self.keyring_check)
        self.server_box = QWidget()
        self.server_box.setLayout(server)

        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName(self.tr("Recent archives"))
        for target in recent_archives(window.settings):
            self.recent_list.addItem(QListWidgetItem(target))
        self.recent_list.itemActivated.connect(self._recent_chosen)
        self.recent_list.currentItemChanged.connect(
            lambda item, _old: self._fill_from(item.text()) if item is not None else None
        )
        self.error_label = ErrorLabel()
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.buttons.accepted.connect(self.open_chosen)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        recent_label = QLabel(self.tr("&Recent archives"))
        recent_label.setBuddy(self.recent_list)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent_list)
        layout.addWidget(self.file_choice)
        layout.addLayout(file_row)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.file_choice.toggled.connect(self._update_enabled)
        self._update_enabled()
        fit_to_screen(self, QSize(560, 560))

    def _update_enabled(self) -> None:
        on_file = self.file_choice.isChecked()
        self.file_edit.setEnabled(on_file)
        self.server_box.setEnabled(not on_file)

    def _browse(self) -> None:
        """An existing archive file (a new one: type its path in the field). Qt's own dialog,
        as every other: a desktop's may open the open archive's files to type them, and a
        close by anyone in this process drops SQLite's locks (`file_dialogs`)."""
        from desktop_app.ui.common.file_dialogs import open_file_names

        start = self.file_edit.text().strip()
        chosen = open_file_names(
            self,
            self.tr("Open archive"),
            str(Path(start).expanduser().parent) if start else "",
            self.tr("Archives (*.sqlite *.db);;All files (*)"),
            many=False,
        )
        if chosen:
            self.file_edit.setText(str(chosen[0]))

    def _fill_from(self, target: str) -> None:
        """Put a recent archive's parts in the fields (a server's password: the keyring's)."""
        if team.is_server_address(target):
            fields = team.fields_of(target)
            self.server_choice.setChecked(True)
            self.host_edit.setText(fields.host)
            self.port_spin.setValue(fields.port or 0)
            self.database_edit.setText(fields.database)
            self.user_edit.setText(fields.user)
            self.sslmode_combo.setCurrentIndex(max(0, self.sslmode_combo.findData(fields.sslmode)))
            self.password_edit.setText(team.stored_password(fields))
        else:
            self.file_choice.setChecked(True)
            self.file_edit.setText(target)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        self._fill_from(item.text())
        self.open_chosen()

    def server_fields(self) -> team.ServerFields:
        return team.ServerFields(
            host=self.host_edit.text().strip(),
            database=self.database_edit.text().strip(),
            user=self.user_edit.text().strip(),
            port=self.port_spin.value() or None,
            sslmode=str(self.sslmode_combo.currentData()),
        )

    def target(self) -> tuple[str, str]:
        """The archive to open: (the address to remember, the one to open this session)."""
        if self.file_choice.isChecked():
            text = self.file_edit.text().strip()
            return text, text
        address = self.server_fields().address()
        return address, team.with_password(address, self.password_edit.text())

    def open_chosen(self) -> None:
        """Look at the chosen archive on the read lane; open it when it can be opened."""
        shown, target = self.target()
        if self.file_choice.isChecked() and not shown:
            self.error_label.setText(self.tr("Choose an archive file."))
            return
        if self.server_choice.isChecked() and not self.server_fields().database:
            self.error_label.setText(self.tr("Give the database's name."))
            return
        self.error_label.setText(self.tr("Looking at %1…").replace("%1", shown))
        self.open_button.setEnabled(False)
        self.window_.runner.read(
            "look at an archive",
            lambda: team.check_archive(target),
            success=lambda _name: self._checked(shown, target),
            failure=self._failed,
        )

    def _failed(self, text: str) -> None:
        if isValid(self):
            self.open_button.setEnabled(True)
            self.error_label.setText(
                self.tr("This archive cannot be opened: %1").replace("%1", text)
            )

    def _checked(self, shown: str, target: str) -> None:
        if not isValid(self):
            return
        if self.server_choice.isChecked() and self.keyring_check.isChecked():
            team.store_password(self.server_fields(), self.password_edit.text())
        remember_archive(self.window_.settings, shown)
        self.accept()
        self.chosen.emit(target)


def open_archive_dialog(window: Any) -> OpenArchiveDialog:
    """File ▸ Open archive…: shown without blocking; a chosen archive restarts the window."""
    dialog = OpenArchiveDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.chosen.connect(window.archiveChosen)
    dialog.open()
    return dialog


class _Relay(QObject):
    answered = Signal(bool)


class ServerWatcher(QObject):
    """Asks the server of an offline copy every `interval_ms` whether it answers again, on a
    thread of its own; `returned` once when it does (the window then reopens on it).

    Signals:
        returned(): the server answers again.
    """

    returned = Signal()

    def __init__(self, parent: QObject, url: str, *, interval_ms: int = WATCH_MS) -> None:
        super().__init__(parent)
        self.url = url
        self.asked = 0
        self._busy = False
        self._done = False
        self._relay = _Relay()
        self._relay.answered.connect(self._answered)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.ask)
        self.timer.start()

    def ask(self) -> None:
        if self._busy or self._done:
            return
        self._busy = True
        self.asked += 1
        relay, url = self._relay, self.url

        def run() -> None:
            answers = team.server_answers(url)
            with contextlib.suppress(RuntimeError):  # the window is gone
                relay.answered.emit(answers)

        threading.Thread(target=run, name="server watcher", daemon=True).start()

    def _answered(self, answers: bool) -> None:
        self._busy = False
        if answers and not self._done:
            self._done = True
            self.timer.stop()
            self.returned.emit()

    def stop(self) -> None:
        self._done = True
        self.timer.stop()
