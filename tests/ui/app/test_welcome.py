"""The first start's welcome: it says what the demo is and offers the next steps, and once
dismissed it does not come back."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.ui.app.welcome import WelcomePane, install_welcome


def test_the_welcome_explains_the_demo_offers_next_steps_and_stays_dismissed(
    qtbot, make_window, settings: QSettings
) -> None:
    first = make_window()
    pane = install_welcome(first, demo=True)
    assert isinstance(pane, WelcomePane) and pane.isVisible()
    assert "demo content" in pane.text.text() and "8 August 2026" in pane.text.text()
    assert [b.text() for b in pane.step_buttons] == [
        "Import files…",
        "Paste a page or report…",
        "Type a loss report…",
    ]
    # The pane takes only its own height: the list keeps the rest.
    assert pane.height() < first.archive_view.splitter.height()
    pane.close_button.click()
    assert not pane.isVisible()
    first.close()

    second = make_window()
    assert install_welcome(second, demo=True) is None


def test_an_archive_that_is_not_new_is_not_called_demo_and_read_only_offers_no_steps(
    qtbot, make_window
) -> None:
    window = make_window(read_only=True)
    pane = install_welcome(window, demo=False)
    assert pane is not None
    assert "demo" not in pane.text.text()
    assert pane.step_buttons == []
