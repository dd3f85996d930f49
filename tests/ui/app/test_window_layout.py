"""What the window keeps and says: the status bar's counts stay while menus show their tips,
the list's columns, order and view survive a restart, every column fits a first start, the
reader is emptied (saying why) when the search no longer holds its item, the serif face and
the theme are remembered, and Open data folder says the path when no file manager opens it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QStatusTipEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.ui.app.main_window import MainWindow
from desktop_app.ui.archive.archive_model import AUTHOR_COL, MATCH_COL, TITLE_COL
from desktop_app.ui.archive.archive_view import TIMELINE_MODE
from desktop_app.ui.archive.list_layout import column_menu
from desktop_app.ui.common.theme import THEME_KEY, apply_theme, palette_is_dark
from tests.ui.conftest import reload_list, settle_window


def test_the_counts_stay_in_the_status_bar_while_a_menu_shows_its_tips(
    qtbot, sample_items: dict[str, int], window: MainWindow
) -> None:
    window.ensure_built()
    settle_window(qtbot, window)
    counts = window.counts_label.text()
    assert counts.startswith("3 articles and briefs")
    # What a menu does while the pointer moves over its entries: a status tip per entry,
    # and an empty one when it closes.
    for tip in ("Open the folder with the archive", ""):
        QApplication.sendEvent(window, QStatusTipEvent(tip))
        assert window.counts_label.isVisible()
        assert window.counts_label.text() == counts
    window.statusBar().showMessage("A long message " * 20)
    assert window.counts_label.isVisible()


def test_columns_order_and_view_survive_a_restart(
    qtbot, make_window, settings: QSettings, sample_items: dict[str, int]
) -> None:
    first = make_window()
    first.ensure_built()
    settle_window(qtbot, first)
    header = first.archive_view.table.horizontalHeader()
    menu = column_menu(first.archive_view.table)
    author = next(a for a in menu.actions() if a.text() == "Author")
    title = next(a for a in menu.actions() if a.text() == "Title")
    assert not title.isEnabled()  # the title cannot be hidden
    author.setChecked(False)
    assert header.isSectionHidden(AUTHOR_COL)
    header.moveSection(header.visualIndex(MATCH_COL), 0)
    header.resizeSection(TITLE_COL, 333)
    filters = first.archive_view.filters
    filters.order_combo.setCurrentIndex(filters.order_combo.findData("date asc"))
    filters.mode_combo.setCurrentIndex(filters.mode_combo.findData(TIMELINE_MODE))
    settle_window(qtbot, first)
    first.close()

    second = make_window()
    header = second.archive_view.table.horizontalHeader()
    assert header.isSectionHidden(AUTHOR_COL)
    assert header.visualIndex(MATCH_COL) == 0
    assert header.sectionSize(TITLE_COL) == 333
    second.ensure_built()
    settle_window(qtbot, second)
    assert second.archive_view.filters.order() == ("date", False)
    assert second.archive_view.timeline_mode
    assert second.archive_actions.timeline_action.isChecked()
    # The list was searched again in the kept order: oldest first.
    assert second.archive_view.timeline_model.rowCount() > 0
    assert header.sortIndicatorSection() != TITLE_COL


def test_a_first_start_puts_every_column_on_screen(
    qtbot, make_window, sample_items: dict[str, int]
) -> None:
    win = make_window()
    win.resize(1280, 800)
    win.ensure_built()
    settle_window(qtbot, win)
    table = win.archive_view.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(TITLE_COL) != 28 * table.fontMetrics().height())
    right_edge = header.sectionViewportPosition(MATCH_COL) + header.sectionSize(MATCH_COL)
    assert header.sectionViewportPosition(MATCH_COL) < table.viewport().width() - 50
    assert right_edge <= table.viewport().width() + 1
    assert not table.horizontalScrollBar().isVisible()
    # A narrower list (a moved splitter, a smaller window) is shared out again …
    title = header.sectionSize(TITLE_COL)
    total = sum(win.archive_view.splitter.sizes())
    win.archive_view.splitter.setSizes([total // 2, total - total // 2])
    qtbot.waitUntil(lambda: header.sectionSize(TITLE_COL) < title)
    # … until the user sizes a column: their widths stay.
    header.resizeSection(TITLE_COL, 400)
    win.archive_view.splitter.setSizes([total * 3 // 4, total - total * 3 // 4])
    qtbot.wait(50)
    assert header.sectionSize(TITLE_COL) == 400


def test_the_reader_is_emptied_with_the_reason_when_the_search_drops_its_item(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    view = window.archive_view
    window.ensure_built()
    reload_list(qtbot, window)
    view.select_item(sample_items["kyiv"])
    settle_window(qtbot, window)
    assert view.reader.current_id == sample_items["kyiv"]

    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.search_edit.setText("harbour")  # only Odesa's item
    assert view.reader.current_id is None
    assert view.reader.toPlainText() == ""

    with qtbot.waitSignal(view.searchFinished, timeout=5000):
        view.search_edit.setText("zzzz")
    assert view.count_label.text() == "No matches for “zzzz”."
    assert view.reader.current_id is None
    assert view.reader.toPlainText().startswith("No matches for “zzzz”.")


def test_the_serif_face_and_the_theme_are_remembered(
    qtbot, make_window, settings: QSettings
) -> None:
    first = make_window()
    first.ensure_built()
    sans = first.archive_view.reader.font().family()
    first.archive_actions.serif_action.trigger()
    assert first.archive_view.reader.serif
    dark = next(a for a in first.theme_group.actions() if a.data() == "dark")
    try:
        dark.trigger()
        QApplication.processEvents()
        assert palette_is_dark()
        assert settings.value(THEME_KEY) == "dark"
        first.close()

        second = make_window()
        second.ensure_built()
        assert second.archive_actions.serif_action.isChecked()
        assert second.archive_view.reader.serif
        assert second.archive_view.reader.font().family() != sans
        assert next(a for a in second.theme_group.actions() if a.isChecked()).data() == "dark"
    finally:
        apply_theme("system")


def test_open_data_folder_names_the_path_when_no_file_manager_opens_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from desktop_app.ui.app import data_folder

    monkeypatch.setattr(data_folder.session, "data_dir", lambda: tmp_path)
    opened: list[QUrl] = []

    def file_manager(url: QUrl) -> bool:
        opened.append(url)
        return True

    assert data_folder.open_data_folder(window, window.database_path, file_manager) is None
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]

    box = data_folder.open_data_folder(window, window.database_path, lambda _url: False)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert str(tmp_path) in box.informativeText()
    copy = next(b for b in box.buttons() if "Copy" in b.text())
    copy.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None and clipboard.text() == str(tmp_path)


def test_the_sources_dock_arrives_after_the_first_paint_and_keeps_its_place(
    qtbot, make_window, sample_items: dict[str, int]
) -> None:
    # Its modules load on the read lane after the first paint; nobody calls ensure_built.
    first = make_window()
    qtbot.waitUntil(lambda: first._sources_dock is not None, timeout=20000)
    dock = first._sources_dock
    assert first.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert dock.toggleViewAction() in first._view_menu.actions()
    dock.show()
    settle_window(qtbot, first)
    first.close()  # saves the layout, which names the dock as shown

    second = make_window()
    qtbot.waitUntil(lambda: second._sources_dock is not None, timeout=20000)
    # Added after the layout was restored, it still takes the place it had.
    assert second._sources_dock.isVisibleTo(second)
