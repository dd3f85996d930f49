"""Print and Export to PDF put the reader's item on white paper: every text of it (the date,
the tags and the link too) must read there, whatever the window's theme."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.storage.items import save_item
from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_actions import export_current_pdf
from desktop_app.ui.common.theme import apply_theme, contrast_ratio
from tests.ui.conftest import reload_list, settle_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

WHITE = QColor(255, 255, 255)
COLOUR = re.compile(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|scn|sc)\b")


@pytest.fixture
def stored_before(archive_db: object) -> int:
    return save_item(
        ItemData(
            ARTICLE,
            "Нічна атака на енергосистему",
            dt.datetime(2024, 3, 2, 6, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            body="Уранці ремонтні бригади вже працювали на підстанції.",
            author="Олена Коваль",
            source_name="Укрінформ",
            source_url="https://example.org/night",
            tags=("енергетика",),
        )
    )


@pytest.fixture
def dark() -> Iterator[None]:
    apply_theme("dark")
    yield
    apply_theme("system")


def text_colours(pdf: bytes) -> set[tuple[float, float, float]]:
    """The fill colours (text is filled) the PDF's page streams set."""
    found: set[tuple[float, float, float]] = set()
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            content = zlib.decompress(stream.group(1))
        except zlib.error:
            continue  # a font, not a page
        for r, g, b in COLOUR.findall(content):
            found.add((float(r), float(g), float(b)))
    return found


def test_a_pdf_made_in_the_dark_theme_reads_on_white_paper(
    qtbot, dark: None, window: MainWindow, stored_before: int, tmp_path: Path
) -> None:
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(stored_before)
    settle_window(qtbot, window)
    assert "#енергетика" in view.reader.toPlainText()
    target = tmp_path / "article.pdf"
    assert export_current_pdf(view, target)
    colours = text_colours(target.read_bytes())
    assert colours
    faint = [c for c in colours if contrast_ratio(QColor.fromRgbF(*c), WHITE) < 4.5]
    # Before: the date, the tags and the link were the dark theme's light grey (0.94).
    assert faint == []
    # The screen keeps the theme's colours.
    assert "#енергетика" in view.reader.toPlainText()
    assert view.reader.document().defaultStyleSheet() != ""


def test_export_to_pdf_offers_the_items_title_as_the_file_name(
    qtbot, window: MainWindow, stored_before: int, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(stored_before)
    settle_window(qtbot, window)
    offered: list[str] = []

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
        if not dialogs or not dialogs[0].isVisible():
            QTimer.singleShot(20, answer)
            return
        offered.append(Path(dialogs[0].selectedFiles()[0]).name)
        dialogs[0].reject()

    QTimer.singleShot(0, answer)
    window.archive_actions.pdf_action.trigger()
    # Before: "article.pdf" for every item.
    assert offered == ["Нічна атака на енергосистему.pdf"]


def test_a_table_of_figures_has_ruled_cells_with_room_between_them(
    qtbot, window: MainWindow, archive_db: object
) -> None:
    from PySide6.QtGui import QTextTable

    item_id = save_item(
        ItemData(
            ARTICLE,
            "Втрати за тиждень",
            dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            body="День Танки Дрони",
            body_html=(
                "<table><tr><th>День</th><th>Танки</th><th>Дрони</th></tr>"
                "<tr><td>Понеділок</td><td>12</td><td>140</td></tr></table>"
            ),
        )
    )
    view = window.archive_view
    reload_list(qtbot, window)
    view.select_item(item_id)
    settle_window(qtbot, window)
    for document in (view.reader.document(), view.reader.printable_document()):
        tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
        assert len(tables) == 1
        cell = tables[0].cellAt(1, 1).format().toTableCellFormat()
        # Before: no padding and no rule, "Танки" and "Дрони" ran together.
        assert cell.leftPadding() > 0 and cell.rightPadding() > 0
        assert cell.leftBorder() > 0 and cell.bottomBorder() > 0
