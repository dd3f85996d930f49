"""Links in the reader open in the browser when clicked; a link written relative to its page
("/news/…", as pages and feeds often write them) opens at the item's own site; "#…" stays in
the reader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextDocument

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.items import save_item
from desktop_app.ui.app.main_window import MainWindow
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


class Browser(QObject):
    """Stands for the system's browser: Qt hands it the links it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    made = Browser()
    for scheme in ("http", "https", "mailto"):
        QDesktopServices.setUrlHandler(scheme, made, "open")
    yield made
    for scheme in ("http", "https", "mailto"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def stored_before(archive_db: object) -> int:
    return save_item(
        ItemData(
            ARTICLE,
            "Укриття у школах",
            dt.datetime(2024, 4, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))),
            body="Список укриттів та мапа. Примітки. Редакція.",
            body_html=(
                '<p>Список <a href="/news/shelters-list">укриттів</a> та '
                '<a href="https://maps.example.org/x">мапа</a>. <a href="#notes">Примітки</a>. '
                '<a href="mailto:desk@example.org">Редакція</a>.</p>'
            ),
            source_url="https://news.example.org/uk/2024/04/shelters",
        )
    )


def click_text(qtbot, window: MainWindow, text: str) -> None:
    reader = window.archive_view.reader
    cursor = reader.document().find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 1)
    spot = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def test_a_relative_link_opens_at_the_items_site(
    qtbot, window: MainWindow, stored_before: int, browser: Browser
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(stored_before)
    settle_window(qtbot, window)
    click_text(qtbot, window, "мапа")
    click_text(qtbot, window, "укриттів")
    click_text(qtbot, window, "Примітки")  # a place in the text itself: nothing goes online
    click_text(qtbot, window, "Редакція")  # before: a mail address did nothing
    # Before: the relative link did nothing at all.
    assert browser.opened == [
        "https://maps.example.org/x",
        "https://news.example.org/news/shelters-list",
        "mailto:desk@example.org",
    ]
