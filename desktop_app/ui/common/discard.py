""" "Discard this …?" before a dialog closes on something typed and not saved.

Non-blocking (`open()`, window-modal): the answer arrives as a call, and the event loop (and
with it the runner's results) keeps running meanwhile. Enter and Esc keep editing: a second
Esc never throws the text away. The caller gives the words, in its own translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def ask_discard(
    parent: QWidget,
    texts: tuple[str, str, str, str],
    discard: Callable[[], None],
    done: Callable[[], None],
) -> QMessageBox:
    """Ask `texts` = (question, what is lost, discard button, keep button); `discard` runs on
    the first button, `done` after either answer."""
    question, detail, discard_text, keep_text = texts
    box = QMessageBox(
        QMessageBox.Icon.Question, question, question, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(detail)
    discard_button = box.addButton(discard_text, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)

    def answered(button: QAbstractButton) -> None:
        done()
        if button is discard_button:
            discard()

    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.buttonClicked.connect(answered)
    box.open()
    return box
