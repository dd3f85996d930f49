"""Files handed to the window from outside: dropped on it, or named on its command line.

A file manager's "Open With Frontline Archive", a double click on a file type the desktop
entry lists, or files dropped on the program's icon start `frontline-archive FILE…` (the
entry's %F). Those files take the same way as files dropped on the open window: the archive's
own files are refused before anything opens them, a single saved page opens the page dialog,
and everything else goes to the import (File ▸ Import's), which reads and checks every file
before it writes any, and says which file and record it could not take.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.common.context import WindowContext


def take_files(
    ctx: WindowContext, paths: Sequence[Path], import_files: Callable[[list[Path]], None]
) -> bool:
    """Import `paths` (or show the one page among them); False when they were refused."""
    from desktop_app.ui.common import file_dialogs  # loaded when files come
    from desktop_app.ui.transfer.page_dialog import import_or_show_page

    paths = list(paths)
    if not paths:
        return False
    # Before anything opens them: a close() of the archive's file drops SQLite's locks.
    if refused := file_dialogs.archive_files_among(paths, ctx.database_path):
        ctx.show_message("error", file_dialogs.refusal_text(refused))
        return False
    if ctx.read_only:
        ctx.show_message(
            "error",
            QCoreApplication.translate(
                "OpenFiles", "The archive is open read-only; %1 was not imported."
            ).replace("%1", ", ".join(str(p) for p in paths)),
        )
        return False
    import_or_show_page(ctx, paths, import_files)
    return True
