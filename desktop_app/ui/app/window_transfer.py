"""The main window's import and export: the two controllers on its write lane, the file
dialogs, and what a finished import leaves (a step on the undo stack, its summary).

Texts keep the window's translation context ("MainWindow"). The window is passed untyped,
as to `ui.app.menus`: this module must not import the main window (an import cycle).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desktop_app.services.transfer import ImportOutcome


def install_transfer(window: Any) -> None:
    """`window.importer`, `window.long_undo` (a long undo or redo, with progress) and
    `window.exporter`, saying in the window how each one ended."""
    from desktop_app.ui.common.undo import LongUndoController
    from desktop_app.ui.transfer.export_flow import ExportController
    from desktop_app.ui.transfer.import_flow import ImportController

    status = window.statusBar()
    window.importer = importer = ImportController(window.runner, window)
    window.long_undo = LongUndoController(window.runner, window, window.undo_stack)
    importer.finished.connect(lambda outcome: import_finished(window, outcome))
    importer.failed.connect(
        lambda text: window.show_message(
            "error",
            QCoreApplication.translate("MainWindow", "Nothing was imported.") + "\n\n" + text,
        )
    )
    importer.cancelled.connect(
        lambda: status.showMessage(
            QCoreApplication.translate("MainWindow", "Import cancelled; nothing changed.")
        )
    )
    window.exporter = exporter = ExportController(window.runner, window)
    exporter.finished.connect(
        lambda path: status.showMessage(
            QCoreApplication.translate("MainWindow", "Exported to %1").replace("%1", str(path))
        )
    )
    exporter.failed.connect(lambda text: window.show_message("error", text))
    exporter.cancelled.connect(
        lambda: status.showMessage(
            QCoreApplication.translate("MainWindow", "Export cancelled; no file was written.")
        )
    )


def choose_import(window: Any, as_kind: str | None = None) -> None:
    """File ▸ Import…; with `as_kind`, every feed entry or page is stored as that kind."""
    from desktop_app.ui.common import file_dialogs  # loaded when a dialog opens

    files = file_dialogs.open_file_names(
        window,
        QCoreApplication.translate("MainWindow", "Import files"),
        str(window.settings.value("import/folder", "")),
        QCoreApplication.translate(
            "MainWindow",
            "Importable files (*.json *.csv *.txt *.xml *.rss *.atom *.html *.htm);;All files (*)",
        ),
        protect=window.database_path,
    )
    if files:
        window.settings.setValue("import/folder", str(files[0].parent))
        window.import_files(files, as_kind=as_kind)


def import_finished(window: Any, outcome: ImportOutcome) -> None:
    """The import is written and the views follow `changed`; put it on the undo stack and
    show what it did."""
    from PySide6.QtCore import Qt

    from desktop_app.services import history
    from desktop_app.ui.common.undo import ChangeCommand
    from desktop_app.ui.transfer.import_flow import import_undo_label
    from desktop_app.ui.transfer.import_summary_dialog import ImportSummaryDialog

    summary = outcome.total
    assert summary is not None
    step = history.import_change(outcome.undo, outcome.changes)
    if step is not None and outcome.undo is not None:
        text = import_undo_label(
            len(outcome.undo.reports), outcome.undo.item_count, outcome.undo.oryx is not None
        )
        window.undo_stack.push(
            ChangeCommand(
                window.runner,
                text,
                step,
                lambda t: window.show_message("error", t),
                window.long_undo,
            )
        )
    # Non-blocking: the window stays usable; conflicts wait for the user's choice.
    dialog = ImportSummaryDialog(summary, window, files=outcome.files)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.overwriteRequested.connect(window.importer.overwrite)
    window.import_summary_dialog = dialog
    dialog.open()


def export(window: Any, what: str, fmt: str) -> None:
    """File ▸ Export: all reports, all items, the items the list shows ("shown") or those
    chosen in it ("chosen", at most `SELECTION_LIMIT`)."""
    from desktop_app.ui.archive.list_selection import SELECTION_LIMIT, too_many
    from desktop_app.ui.common import file_dialogs  # loaded when a dialog opens
    from desktop_app.ui.transfer.export_flow import CHOSEN, SHOWN

    chosen = window.archive_view.selected_ids() if what == CHOSEN else []
    if what == CHOSEN and not 0 < len(chosen) <= SELECTION_LIMIT:
        window.statusBar().showMessage(
            too_many(SELECTION_LIMIT)
            if chosen
            else QCoreApplication.translate(
                "MainWindow", "Choose articles or briefs in the list first."
            )
        )
        return

    default = f"frontline-{what}-{dt.date.today().isoformat()}.{fmt}"
    path = file_dialogs.save_file_name(
        window,
        QCoreApplication.translate("MainWindow", "Export"),
        default,
        protect=window.database_path,
    )
    if path is None:
        return
    shown = window.archive_view.request() if what == SHOWN else (chosen or None)
    if window.exporter.start(what, fmt, path, shown) is None:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "An export is already running.")
        )
