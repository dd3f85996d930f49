"""The Sources panel's Lists menu: import a list of sources from an OPML file (RSS Guard,
QuiteRSS, Thunderbird, another Frontline Archive) and export ours, as the command line's
`subscriptions import|export` do, through the same services (`services.source_lists`).

The import is one write on the write lane (every feed of the list, or none); the export
reads the sources and writes the file on the read lane (the archive is not written).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from desktop_app.services.changes import Changes
from desktop_app.ui.common import file_dialogs

if TYPE_CHECKING:
    from desktop_app.ui.common.context import WindowContext

_FOLDER_KEY = "folders/source_lists"


@dataclass(frozen=True)
class _Imported:
    lines: list[str]
    changes: Changes = field(default_factory=lambda: Changes(sources=True))


def lists_button(ctx: WindowContext, parent: QWidget) -> QToolButton:
    """A button whose menu imports and exports the list of sources."""
    button = QToolButton(parent)
    button.setText(QCoreApplication.translate("Sources", "Lists"))
    button.setToolTip(
        QCoreApplication.translate("Sources", "Import or export the list of sources as OPML")
    )
    button.setAccessibleName(QCoreApplication.translate("Sources", "Lists of sources"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.addAction(
        QCoreApplication.translate("Sources", "Import a list (OPML)…"),
        lambda: import_list(ctx, parent),
    )
    menu.addAction(
        QCoreApplication.translate("Sources", "Export the list (OPML)…"),
        lambda: export_list(ctx, parent),
    )
    button.setMenu(menu)
    return button


def _folder(ctx: WindowContext) -> str:
    return str(ctx.settings.value(_FOLDER_KEY, "") or "")


def import_list(ctx: WindowContext, parent: QWidget) -> None:
    """Ask for an OPML file and subscribe to every feed it lists, in one write."""
    if ctx.read_only:
        return
    chosen = file_dialogs.open_file_names(
        parent,
        QCoreApplication.translate("Sources", "Import a list of sources"),
        _folder(ctx),
        QCoreApplication.translate("Sources", "Lists of sources (*.opml *.xml);;All files (*)"),
        protect=ctx.database_path,
        many=False,
    )
    if not chosen:
        return
    path = chosen[0]
    ctx.settings.setValue(_FOLDER_KEY, str(path.parent))

    def run() -> _Imported:
        from desktop_app.services.source_lists import import_opml

        return _Imported(import_opml(path))

    ctx.runner.write(
        "import a list of sources",
        run,
        success=lambda done: ctx.show_message("info", "\n".join(done.lines)),
        failure=lambda text: ctx.show_message("error", text),
    )


def export_list(ctx: WindowContext, parent: QWidget) -> None:
    """Ask for a file and write every source to it as OPML."""
    folder = _folder(ctx)
    target = file_dialogs.save_file_name(
        parent,
        QCoreApplication.translate("Sources", "Export the list of sources"),
        str(Path(folder) / "sources.opml") if folder else "sources.opml",
        QCoreApplication.translate("Sources", "OPML (*.opml)"),
        protect=ctx.database_path,
    )
    if target is None:
        return
    ctx.settings.setValue(_FOLDER_KEY, str(target.parent))

    def run() -> tuple[int, list[str]]:
        from desktop_app.services.source_lists import export_opml

        return export_opml(target)

    def done(result: tuple[int, list[str]]) -> None:
        count, left_out = result
        said = QCoreApplication.translate("Sources", "%1 sources exported to %2").replace(
            "%1", str(count)
        )
        said = said.replace("%2", str(target))
        if left_out:
            ctx.show_message("info", "\n".join([said, *left_out]))
        else:
            ctx.status(said)

    ctx.runner.read(
        "export the list of sources",
        run,
        success=done,
        failure=lambda text: ctx.show_message("error", text),
    )
