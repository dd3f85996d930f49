"""Ctrl with the mouse wheel over the reader makes its text larger or smaller in the same
steps as Ctrl++ and Ctrl+-, kept for the next start; without Ctrl the wheel scrolls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_actions import ZOOM_KEY
from desktop_app.ui.archive.reader_view import ReaderView

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
CTRL = Qt.KeyboardModifier.ControlModifier


def turn(reader: ReaderView, notch: int, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    spot = QPointF(20, 20)
    event = QWheelEvent(
        spot, reader.viewport().mapToGlobal(spot), QPoint(0, 0), QPoint(0, notch),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(reader.viewport(), event)


def test_ctrl_wheel_steps_the_text_size_as_ctrl_plus_does(qtbot, window: MainWindow) -> None:
    reader = window.archive_view.reader
    normal = reader.font().pointSizeF()
    turn(reader, 120)
    assert reader.zoom_steps == 1 and reader.font().pointSizeF() == normal + 1
    assert str(window.settings.value(ZOOM_KEY)) == "1"  # before: not kept
    window.archive_actions.zoom_in_action.trigger()
    assert reader.font().pointSizeF() == normal + 2  # before: Ctrl++ did nothing once
    for _ in range(4):  # a touchpad's small steps: one notch in all
        turn(reader, -60)
    assert reader.zoom_steps == 0 and reader.font().pointSizeF() == normal
    turn(reader, 120, Qt.KeyboardModifier.NoModifier)  # scrolls, no zoom
    assert reader.zoom_steps == 0
