"""The first start's welcome: what the demo content is, and the next steps.

A pane above the archive's list, shown until it is dismissed (remembered in the settings).
Its buttons are the window's own commands: import files, paste a page, type a report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common.accessibility import name

WELCOME_KEY = "ui/welcome_dismissed"


def welcome_wanted(settings: QSettings) -> bool:
    return str(settings.value(WELCOME_KEY, "false")) != "true"


class WelcomePane(QFrame):
    """Signals:
    dismissed(): the user closed the pane (it does not come back).
    """

    dismissed = Signal()

    def __init__(
        self,
        settings: QSettings,
        steps: list[tuple[str, Callable[[], object]]],
        *,
        demo: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        title = QLabel("<b>" + self.tr("Welcome to Frontline Archive") + "</b>")
        if demo:
            text = self.tr(
                "What you see is demo content: 8 articles and 16 briefs written for this "
                "program (tagged “demo”; search -tag:demo to leave them out) and the General "
                "Staff's official loss figures from 1 August 2025 to 8 August 2026. Everything "
                "stays on this computer."
            )
        else:
            text = self.tr("Search, read and chart the archive; everything stays on this computer.")
        text += " " + self.tr(
            "Next: import the datasets and feeds you have on disk (loss datasets as JSON or "
            "CSV, RSS and Atom feeds, saved pages), paste a news page or a report you copied, "
            "or type a day's report."
        )
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.step_buttons: list[QPushButton] = []
        for label, slot in steps:
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
            self.step_buttons.append(button)
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Don't show again"))
        name(self.close_button, self.tr("Close the welcome"), self.tr("It does not come back"))
        self.close_button.clicked.connect(self.dismiss)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        name(self, self.tr("Welcome"))

    def dismiss(self) -> None:
        self.settings.setValue(WELCOME_KEY, "true")
        self.hide()
        self.dismissed.emit()
        self.deleteLater()


def install_welcome(window: Any, *, demo: bool) -> WelcomePane | None:
    """Put the welcome above the archive's list unless it was dismissed. The window is
    passed untyped (this module must not import the main window: an import cycle)."""
    if not welcome_wanted(window.settings):
        return None
    steps: list[tuple[str, Callable[[], object]]] = [
        (QCoreApplication.translate("WelcomePane", "Import files…"), window.choose_import),
        (
            QCoreApplication.translate("WelcomePane", "Paste a page or report…"),
            window.paste_page_action.trigger,
        ),
        (QCoreApplication.translate("WelcomePane", "Type a loss report…"), window.new_report),
    ]
    if window.read_only:
        steps = []  # nothing can be added to a read-only archive
    pane = WelcomePane(window.settings, steps, demo=demo, parent=window.archive_view)
    layout = window.archive_view.layout()
    layout.insertWidget(0, pane, 0)
    layout.setStretch(1, 1)  # the list and the reader take the height; the pane its own
    pane.show()  # a child added to a window already shown stays hidden until told
    window.welcome = pane
    return pane
