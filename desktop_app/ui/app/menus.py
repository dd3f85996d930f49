"""The main window's menus (File, Edit, View, Help) and the named actions the window keeps.

`build_menus(window)` runs once while the window is built. Texts keep the window's translation
context ("MainWindow"). The window is passed untyped: this module must not import the main
window (that would tie the two in an import cycle).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from desktop_app.core.item import ARTICLE, BRIEF
from desktop_app.ui.app.tabs import ARCHIVE_TAB, LOSSES_TAB
from desktop_app.ui.archive.archive_actions import install_archive_actions, list_shortcut
from desktop_app.ui.common.i18n import add_language_menu
from desktop_app.ui.common.theme import add_theme_menu
from desktop_app.ui.common.undo import add_undo_actions


def _paste_page(window: Any) -> None:
    from desktop_app.ui.transfer.page_dialog import open_page_dialog  # loaded when first used

    open_page_dialog(window)


def _open_archive(window: Any) -> None:
    from desktop_app.ui.app.open_archive import open_archive_dialog  # loaded when first used

    window.open_archive_dialog = open_archive_dialog(window)


def _update_sources(window: Any) -> None:
    window.ensure_built()  # the Sources dock is built after the first paint
    window._sources_dock.update_all()


def build_menus(window: Any) -> None:
    """Fill the menu bar and set the window's named actions (import_action, find_action, …)."""

    def action(
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        made = QAction(text, window)
        if shortcut is not None:
            made.setShortcut(QKeySequence(shortcut))
        made.triggered.connect(slot)
        return made

    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    # A local file or a team's server archive; the window starts again on it.
    window.open_archive_action = action(
        QCoreApplication.translate("MainWindow", "&Open archive…"),
        lambda: _open_archive(window),
        QKeySequence.StandardKey.Open,
    )
    file_menu.addAction(window.open_archive_action)
    file_menu.addSeparator()
    window.import_action = action(
        QCoreApplication.translate("MainWindow", "&Import…"),
        lambda: window.choose_import(),
        "Ctrl+I",
    )
    file_menu.addAction(window.import_action)
    # A copied news page: its article, briefs and report are shown before anything is saved.
    window.paste_page_action = action(
        QCoreApplication.translate("MainWindow", "&Paste page…"),
        lambda: _paste_page(window),
        "Ctrl+Shift+V",
    )
    file_menu.addAction(window.paste_page_action)
    # Feeds mix long pieces and short items; the detected kind can be overridden.
    as_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Import feed entries &as"))
    window._import_as_actions = [
        action(
            QCoreApplication.translate("MainWindow", "&Articles…"),
            lambda: window.choose_import(as_kind=ARTICLE),
        ),
        action(
            QCoreApplication.translate("MainWindow", "&Briefs…"),
            lambda: window.choose_import(as_kind=BRIEF),
        ),
    ]
    as_menu.addActions(window._import_as_actions)
    export_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "&Export"))
    export_menu.addAction(
        action(
            QCoreApplication.translate("MainWindow", "Reports as JSON…"),
            lambda: window.export("reports", "json"),
        )
    )
    export_menu.addAction(
        action(
            QCoreApplication.translate("MainWindow", "Reports as CSV…"),
            lambda: window.export("reports", "csv"),
        )
    )
    export_menu.addAction(
        action(
            QCoreApplication.translate("MainWindow", "Articles and briefs as JSON…"),
            lambda: window.export("articles", "json"),
        )
    )
    export_menu.addAction(
        action(
            QCoreApplication.translate("MainWindow", "Articles and briefs as CSV…"),
            lambda: window.export("articles", "csv"),
        )
    )
    export_menu.addSeparator()
    export_menu.addAction(
        action(
            QCoreApplication.translate(
                "MainWindow", "Articles and briefs shown (this search) as JSON…"
            ),
            lambda: window.export("shown", "json"),
        )
    )
    export_menu.addAction(
        action(
            QCoreApplication.translate(
                "MainWindow", "Articles and briefs shown (this search) as CSV…"
            ),
            lambda: window.export("shown", "csv"),
        )
    )
    export_menu.addAction(
        action(
            QCoreApplication.translate(
                "MainWindow", "Articles and briefs chosen in the list as JSON…"
            ),
            lambda: window.export("chosen", "json"),
        )
    )
    export_menu.addAction(
        action(
            QCoreApplication.translate(
                "MainWindow", "Articles and briefs chosen in the list as CSV…"
            ),
            lambda: window.export("chosen", "csv"),
        )
    )
    file_menu.addAction(window.backups.action)
    file_menu.addMenu(window.backups.daily_menu)
    file_menu.addAction(window.backups.restore_action)
    file_menu.addAction(window.backups.check_action)
    file_menu.addSeparator()
    file_menu.addAction(
        action(
            QCoreApplication.translate("MainWindow", "Open &data folder"), window.open_data_folder
        )
    )
    file_menu.addSeparator()
    # StandardKey.Quit is empty on some platforms (Windows, offscreen); Ctrl+Q everywhere.
    file_menu.addAction(
        action(QCoreApplication.translate("MainWindow", "&Quit"), window.close, "Ctrl+Q")
    )

    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    window.undo_action, window.redo_action = add_undo_actions(edit_menu, window.undo_stack, window)
    edit_menu.addSeparator()
    window.new_article_action = action(
        QCoreApplication.translate("MainWindow", "New &article…"),
        lambda: window.new_item(ARTICLE),
        QKeySequence.StandardKey.New,
    )
    window.new_brief_action = action(
        QCoreApplication.translate("MainWindow", "New &brief…"),
        lambda: window.new_item(BRIEF),
        "Ctrl+Shift+N",
    )
    window.new_report_action = action(
        QCoreApplication.translate("MainWindow", "New re&port…"), window.new_report, "Ctrl+R"
    )
    edit_menu.addActions(
        [window.new_article_action, window.new_brief_action, window.new_report_action]
    )
    edit_menu.addSeparator()
    window.edit_item_action = action(
        QCoreApplication.translate("MainWindow", "&Edit selected item…"), window.edit_item, "Ctrl+E"
    )
    window.delete_item_action = action(
        QCoreApplication.translate("MainWindow", "&Delete selected items"),
        window.delete_item,
        QKeySequence.StandardKey.Delete,
    )
    edit_menu.addActions([window.edit_item_action, window.delete_item_action])
    edit_menu.addSeparator()
    edit_menu.addAction(window.backups.trash_action)

    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view_menu.addAction(
        action(
            QCoreApplication.translate("MainWindow", "&Archive"),
            lambda: window.tabs.setCurrentIndex(ARCHIVE_TAB),
            "Ctrl+1",
        )
    )
    view_menu.addAction(
        action(
            QCoreApplication.translate("MainWindow", "&Losses"),
            lambda: window.tabs.setCurrentIndex(LOSSES_TAB),
            "Ctrl+2",
        )
    )
    view_menu.addAction(window.charts_tab.action)
    window.find_action = action(
        QCoreApplication.translate("MainWindow", "&Find"),
        window.focus_search,
        QKeySequence.StandardKey.Find,
    )
    view_menu.addAction(window.find_action)
    # The subscriptions: fetched in the background; the Sources panel (Ctrl+5) shows them.
    window.update_sources_action = action(
        QCoreApplication.translate("MainWindow", "&Update all sources"),
        lambda: _update_sources(window),
        "F5",
    )
    view_menu.addAction(window.update_sources_action)
    window._before_language = view_menu.addSeparator()
    window.language_group = add_language_menu(
        view_menu, window.settings, window, lambda text: window.statusBar().showMessage(text)
    )
    window.theme_group = add_theme_menu(view_menu, window.settings, window)
    window._view_menu = view_menu  # Data problems (Ctrl+4) is added by ensure_built()
    for widget in (window.archive_view.table, window.archive_view.timeline):
        list_shortcut(widget, "/", window.focus_search)
    list_shortcut(window.archive_view.search_edit, "Esc", window.archive_view.search_edit.clear)

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    window.shortcuts_action = action(
        QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
        window.show_shortcuts,
        QKeySequence.StandardKey.HelpContents,
    )
    help_menu.addAction(window.shortcuts_action)
    help_menu.addAction(
        action(QCoreApplication.translate("MainWindow", "&About Frontline Archive"), window.about)
    )
    window.archive_actions = install_archive_actions(window, window.archive_view, bar)
    view_menu.insertAction(window._before_language, window.archive_actions.serif_action)
    window.archive_actions.row_menu.add(window.edit_item_action, window.delete_item_action)
