from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from desktop_app.storage.reports import load_all_reports
from desktop_app.ui.app.main_window import LOSSES_TAB, MainWindow
from tests.ui.conftest import last_message, reload_list, settle_window


def titles(window: MainWindow) -> list[str]:
    model = window.archive_view.model
    return [model.data(model.index(r, 2)) for r in range(model.rowCount())]


def test_window_title_and_newest_first(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    reload_list(qtbot, window)
    assert window.windowTitle() == "Frontline Archive"
    assert titles(window)[0].startswith("Russia shells")
    assert len(titles(window)) == 3


def test_typing_in_search_narrows_the_list(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    reload_list(qtbot, window)
    qtbot.keyClicks(window.archive_view.search_edit, "drones")
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 1)
    assert titles(window) == ["Air defense over Kyiv"]
    window.archive_view.search_edit.clear()
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 3)


def test_kind_filter_shows_only_briefs(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    combo = window.archive_view.kind_combo
    combo.setCurrentIndex(combo.findData("brief"))
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 1)  # searched off-thread
    assert titles(window) == ["Russia shells 7 communities in Sumy Oblast."]


def test_selecting_an_item_shows_it_in_the_reader(
    qtbot, window: MainWindow, sample_items: dict[str, int]
) -> None:
    reload_list(qtbot, window)
    window.archive_view.select_item(sample_items["kyiv"])
    settle_window(qtbot, window)
    reader = window.archive_view.reader
    text = reader.toPlainText()
    assert "Air defense over Kyiv" in text
    assert "Test Author" in text
    assert "Drones were shot down overnight." in text and "Debris fell." in text
    assert reader.current_id == sample_items["kyiv"]


def test_reader_escapes_markup_in_stored_text(
    qtbot, window: MainWindow, archive_db: object
) -> None:
    import datetime as dt

    from desktop_app.core.item import ItemData
    from desktop_app.storage.items import save_item

    item_id = save_item(
        ItemData(
            "article",
            "<b>bold</b> title",
            dt.datetime.now(dt.UTC),
            body='<img src="http://tracker.example/x.png"><script>x</script>',
        )
    )
    reload_list(qtbot, window)
    window.archive_view.select_item(item_id)
    settle_window(qtbot, window)
    text = window.archive_view.reader.toPlainText()
    assert "<b>bold</b> title" in text
    assert '<img src="http://tracker.example/x.png">' in text


def test_a_bad_import_shows_the_error_and_leaves_the_archive_unchanged(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text(
        '{"frontline_archive": 1, "reports": [{"date": "2023-11-25", "figures": '
        '{"tanks": {"total": -4, "change": null}}}]}'
    )
    window.import_files([bad])
    qtbot.waitUntil(lambda: last_message(window) is not None, timeout=10000)
    kind, text = last_message(window) or ("", "")
    assert kind == "error"
    assert "broken.json" in text and "tanks" in text
    assert load_all_reports() == []


def test_a_good_import_updates_the_list_and_status(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    doc = {
        "frontline_archive": 1,
        "items": [
            {
                "kind": "brief",
                "title": "Air defense downs 14 of 20 drones overnight.",
                "published_at": "2024-01-01T09:41:00+02:00",
                "body": "Debris damaged a warehouse.",
            }
        ],
        "reports": [
            {"date": "2024-01-01", "figures": {"personnel": {"total": 360010, "change": 780}}}
        ],
    }
    path = tmp_path / "good.json"
    path.write_text(json.dumps(doc))
    window.import_files([path])
    qtbot.waitUntil(lambda: last_message(window) is not None, timeout=10000)
    assert last_message(window) is not None and last_message(window)[0] == "info"
    settle_window(qtbot, window)
    assert titles(window) == ["Air defense downs 14 of 20 drones overnight."]
    qtbot.waitUntil(lambda: "1 loss reports" in window.counts_label.text())


def test_cancel_button_stops_the_import_and_nothing_is_written(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "reports.json"
    path.write_text(
        json.dumps(
            {
                "frontline_archive": 1,
                "reports": [
                    {"date": "2024-01-01", "figures": {"tanks": {"total": 5983, "change": None}}}
                ],
            }
        )
    )
    # Hold the single worker thread so the import is still pending when Cancel is pressed.
    release = threading.Event()
    window.runner.start("hold", lambda _op: release.wait(10))
    op = window.importer.start([path])
    assert op is not None and window.importer.progress is not None
    cancel_button = window.importer.progress.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    cancel_button.click()
    release.set()
    with qtbot.waitSignal(window.importer.cancelled, timeout=10000):
        pass
    assert load_all_reports() == []
    assert not window.importer.busy


def test_window_size_splitter_and_tab_are_remembered(
    qtbot, make_window, archive_db: object, settings: QSettings, tmp_path: Path
) -> None:
    first = make_window()
    first.resize(760, 540)  # the offscreen screen is 800×600
    first.archive_view.splitter.setSizes([300, 700])
    first.tabs.setCurrentIndex(LOSSES_TAB)
    sizes = first.archive_view.splitter.sizes()
    first.close()

    second = make_window()
    assert (second.size().width(), second.size().height()) == (760, 540)
    assert second.tabs.currentIndex() == LOSSES_TAB
    restored = second.archive_view.splitter.sizes()
    # The hidden tab is laid out at another width; the proportion is what is kept.
    assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.02
    second.close()


def test_ctrl_f_focuses_the_search_field(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    window.find_action.trigger()
    assert window.archive_view.search_edit.hasFocus() or (
        window.focusWidget() is window.archive_view.search_edit
    )
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_new_article_dialog_saves_an_item(qtbot, window: MainWindow) -> None:
    from desktop_app.ui.archive.item_dialog import ItemDialog

    dialog = ItemDialog(window, kind="article")
    qtbot.addWidget(dialog)
    dialog.save()  # no title yet
    assert "title" in dialog.error_label.text()
    qtbot.keyClicks(dialog.title_edit, "Hand-written piece")
    dialog.body_edit.setPlainText("First paragraph.\n\nSecond.")
    dialog.tags_edit.setText("Analysis, analysis, OSINT")
    dialog.save()
    settle_window(qtbot, window)  # saved on the write lane; the list follows by itself
    assert dialog.result() == dialog.DialogCode.Accepted
    assert titles(window) == ["Hand-written piece"]
    from desktop_app.storage.items import get_item

    assert dialog.saved_id is not None
    stored = get_item(dialog.saved_id)
    assert stored is not None and stored.data.tags == ("analysis", "osint")


def test_the_archive_view_does_not_load_pyqtgraph() -> None:
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "import desktop_app.ui.app.main_window;"
        "print('pyqtgraph' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"


def test_losses_tab_builds_its_view_on_first_show(window: MainWindow) -> None:
    assert window.losses_view is None
    window.tabs.setCurrentIndex(LOSSES_TAB)
    assert window.losses_view is not None
    assert window.losses_view.isVisibleTo(window)


def test_list_keys_act_only_where_they_belong(window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QShortcut

    for widget in (window.archive_view.table, window.archive_view.search_edit):
        shortcuts = widget.findChildren(QShortcut)
        assert shortcuts, "the list and the search field carry their own keys"
        for shortcut in shortcuts:
            assert shortcut.context() == Qt.ShortcutContext.WidgetShortcut, shortcut.key()


def test_no_two_window_actions_share_a_shortcut(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    window.ensure_built()  # the Data problems action (Ctrl+4) is added after the first paint
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            # An ambiguous key fires neither action in Qt: every key must be unique.
            assert text not in seen, f"{text}: {seen.get(text)} and {action.text()}"
            seen[text] = action.text()
    assert seen["Ctrl+3"].replace("&", "") == "Charts"
    assert seen["Ctrl+Q"].replace("&", "") == "Quit"


def test_the_first_paint_shows_a_shell_and_the_rest_follows_in_the_next_turn(
    qtbot, make_window, archive_db: object, settings: QSettings, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    win = make_window(show=False)
    # The shell: tabs, search field, list and menus; not the filters, reader or dock.
    assert not win.built and not win.archive_view.panels_built
    assert win.find_action.shortcut().toString() == "Ctrl+F"
    win.show()
    qtbot.waitUntil(lambda: win.built)  # nothing asked for it: the first paint did
    assert win.archive_view.panels_built
    assert win.archive_view.splitter.widget(1) is win.archive_view.reader
    assert win.archive_view.list_splitter.widget(0) is win.archive_view.filters
    assert win.problems_dock.toggleViewAction() in win.menuBar().actions()[2].menu().actions()
    qtbot.waitUntil(lambda: "0 loss reports" in win.counts_label.text())
    # The keys of what was built late work like the others.
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win.windowHandle(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(win.problems_dock.isVisible)
    win.archive_view.table.setFocus()
    qtbot.keyClick(win.windowHandle(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.archive_view.timeline_mode)
    assert win.archive_actions.timeline_action.isChecked()
    win.close()


def test_asking_for_a_late_part_builds_it_at_once(
    qtbot, make_window, archive_db: object, settings: QSettings, tmp_path: Path
) -> None:
    win = make_window(show=False)
    assert not win.built
    assert win.problems_dock.objectName() == "dataProblemsDock"  # no event-loop turn needed
    assert win.built and win.archive_view.panels_built
    win.close()


def test_a_first_start_gives_the_list_more_room_than_the_reader(
    qtbot, make_window, archive_db: object, settings: QSettings, tmp_path: Path
) -> None:
    win = make_window()
    qtbot.waitExposed(win)
    win.ensure_built()
    qtbot.waitUntil(lambda: sum(win.archive_view.splitter.sizes()) > 0)
    left, right = win.archive_view.splitter.sizes()
    assert left > right > 0


def test_feed_entries_can_be_imported_as_briefs_from_the_file_menu(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from desktop_app.storage.items import all_items
    from desktop_app.ui.common import file_dialogs
    from tests.core.formats.samples import RSS

    feed = tmp_path / "wire.xml"
    feed.write_text(RSS)
    asked: list[str] = []

    def choose(_parent, _title, _folder, filters, *, protect=None):
        asked.append(filters)
        return [feed]

    monkeypatch.setattr(file_dialogs, "open_file_names", choose)
    file_menu = window.menuBar().actions()[0].menu()
    as_menu = next(
        a.menu() for a in file_menu.actions() if a.menu() is not None and "as" in a.text()
    )
    briefs = next(a for a in as_menu.actions() if "Briefs" in a.text())
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        briefs.trigger()
    assert "*.xml" in asked[0]
    kinds = {item.kind for item in all_items()}
    assert kinds == {"brief"}


def test_the_shortcuts_list_is_read_from_the_menus(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    window.shortcuts_action.trigger()
    dialog = window.shortcuts_dialog
    rows = dict(dialog.rows())
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Back up archive…"] == QKeySequence("Ctrl+Shift+B").toString(native)
    assert rows["Import…"] == QKeySequence("Ctrl+I").toString(native)
    assert rows["Data problems"] == QKeySequence("Ctrl+4").toString(native)
    assert rows["Mark read / unread"] == "Space"  # from the Article menu, listed once
    assert [c for c, _k in dialog.rows()].count("Mark read / unread") == 1
    assert rows["Next / previous item"] == "J / K, ↓ / ↑"
    for command, keys in [
        ("Quit", "Ctrl+Q"),
        ("Charts", "Ctrl+3"),
        ("Undo", "Ctrl+Z"),
        ("Timeline by day", "Ctrl+T"),
        ("Normal text size", "Ctrl+0"),
    ]:
        assert rows[command] == QKeySequence(keys).toString(native), command
    assert "Import feed entries as ▸ Articles…" not in rows  # no keys: not listed
    dialog.close()


def test_export_of_what_the_list_shows_follows_the_search(
    qtbot, window: MainWindow, sample_items, tmp_path: Path, monkeypatch
) -> None:
    from desktop_app.core.formats.load import read_import_file
    from desktop_app.ui.common import file_dialogs

    target = tmp_path / "shown.json"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: target)
    window.archive_view.search_edit.setText("drones OR ships")
    reload_list(qtbot, window)
    with qtbot.waitSignal(window.exporter.finished, timeout=10000):
        window.export("shown", "json")
    shown = read_import_file(target.name, target.read_bytes())
    assert sorted(i.title for i in shown.items) == [
        "Air defense over Kyiv",
        "Port of Odesa keeps working",
    ]
    with qtbot.waitSignal(window.exporter.finished, timeout=10000):
        window.export("articles", "json")  # everything, whatever the search
    assert len(read_import_file(target.name, target.read_bytes()).items) == len(sample_items)
    assert str(target) in window.statusBar().currentMessage()
    assert not list(tmp_path.glob("*.part"))


def test_a_cancelled_export_leaves_no_file_and_a_failed_one_says_why(
    qtbot, window: MainWindow, sample_items, tmp_path: Path, monkeypatch
) -> None:
    from desktop_app.ui.common import file_dialogs

    target = tmp_path / "all.csv"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: target)
    # Hold the single worker thread so the export is still pending when Cancel is pressed.
    release = threading.Event()
    window.runner.start("hold", lambda _op: release.wait(10))
    window.export("articles", "csv")
    assert window.exporter.progress is not None
    cancel_button = window.exporter.progress.findChild(QPushButton)
    assert cancel_button is not None
    cancel_button.click()
    release.set()
    with qtbot.waitSignal(window.exporter.cancelled, timeout=10000):
        pass
    assert not target.exists() and not list(tmp_path.glob("*.part"))

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "all.csv"
    with qtbot.waitSignal(window.exporter.failed, timeout=10000):
        window.export("articles", "csv")
    assert last_message(window) is not None and "a-file" in last_message(window)[1]


def test_demo_content_is_written_on_the_write_lane_and_the_list_follows(
    qtbot, window: MainWindow
) -> None:
    from desktop_app.services import session
    from tests.ui.conftest import settle

    assert window.archive_view.model.rowCount() == 0
    window.runner.write("demo content", session.seed_demo)
    settle(qtbot, window.runner)
    # 8 articles and 16 briefs, as the README says; the list learnt it from `changed` alone.
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 24, timeout=10000)
    qtbot.waitUntil(lambda: "24 articles and briefs" in window.counts_label.text())


def test_a_read_only_archive_says_so_and_offers_nothing_that_writes(
    qtbot, make_window, archive_db, settings, tmp_path: Path
) -> None:
    win = make_window(show=False, read_only=True)
    assert win.windowTitle().endswith("(read-only)")
    assert not win.import_action.isEnabled() and not win.new_report_action.isEnabled()
    assert not win.delete_item_action.isEnabled() and not win.backups.restore_action.isEnabled()
    assert win.find_action.isEnabled() and not win.acceptDrops()


def test_a_search_answered_before_the_first_paint_leaves_the_late_panels_for_later(
    qtbot, make_window, sample_items: dict[str, int]
) -> None:
    # The first rows may come before the first paint: showing them must not build the
    # filter panel and the reader (a seventh of a second at start-up), and those panels,
    # once built, show that search's words and counts.
    win = make_window(show=False)
    view = win.archive_view
    view.search_edit.setText("drones")
    view.run_search()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.idle)
    assert not view.panels_built
    view.ensure_panels()
    assert view.reader.patterns
    assert "drones" in view.reader.patterns[0].lower()
    tags = view.filters.tag_list
    assert [tags.item(i).text() for i in range(tags.count())] == ["air defense (1)"]
    win.close()


def test_first_rows_after_the_first_paint_are_painted_before_the_rest_is_built(
    qtbot, make_window, sample_items: dict[str, int], monkeypatch
) -> None:
    # Building the rest of the window takes the GUI thread for 50-70 ms: done between the
    # first rows' arrival and their frame, it kept them off the screen that long.
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from desktop_app.services import queries
    from desktop_app.ui.app import main_window

    painted = threading.Event()
    real_first_rows = queries.first_rows

    def after_the_first_paint(*args: object, **kwargs: object) -> object:
        painted.wait(10)  # the rows come after the first frame, as at a real start
        return real_first_rows(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "first_rows", after_the_first_paint)
    monkeypatch.setattr(main_window, "ROWS_WAIT_MS", 60_000)  # the rows, not the timer
    win = make_window(show=False)
    built_at_rows_frame: list[bool] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.set()
                if win.archive_view.model.rowCount() and not built_at_rows_frame:
                    built_at_rows_frame.append(win.archive_view.panels_built)
            return False

    watch = Watch()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    try:
        win.show()
        qtbot.waitUntil(lambda: win.built, timeout=20000)
    finally:
        app.removeEventFilter(watch)
    assert built_at_rows_frame == [False]


def test_export_of_the_items_chosen_in_the_list(
    qtbot, window: MainWindow, sample_items, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QItemSelectionModel

    from desktop_app.core.formats.load import read_import_file
    from desktop_app.ui.common import file_dialogs

    target = tmp_path / "chosen.csv"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: target)
    view = window.archive_view
    reload_list(qtbot, window)
    window.export("chosen", "csv")  # nothing chosen yet: no dialog, a word why
    assert not target.exists()
    assert "Choose articles or briefs" in window.statusBar().currentMessage()

    view.select_item(sample_items["sumy"])
    flags = QItemSelectionModel.SelectionFlag
    row = view.model.row_of(sample_items["odesa"])
    view.table.selectionModel().select(view.model.index(row, 0), flags.Select | flags.Rows)
    with qtbot.waitSignal(window.exporter.finished, timeout=10000):
        window.export("chosen", "csv")
    chosen = read_import_file(target.name, target.read_bytes())
    assert sorted(i.title for i in chosen.items) == [
        "Port of Odesa keeps working",
        "Russia shells 7 communities in Sumy Oblast.",
    ]
