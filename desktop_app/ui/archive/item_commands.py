"""The undo-step labels of changes to articles and briefs: new, edited, re-tagged, deleted.

The changes themselves are `services.history` edits run by `ui.common.undo.push_undoable`;
this module only names them, in the window's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.common.i18n import QT_TRANSLATE_NOOP

# Marked for lupdate; translated when shown, by label().
NEW_ITEM = QT_TRANSLATE_NOOP("ItemCommands", "new item {title}")
EDIT_ITEM = QT_TRANSLATE_NOOP("ItemCommands", "edit {title}")
TAG_ITEM = QT_TRANSLATE_NOOP("ItemCommands", "tags of {title}")
DELETE_ITEM = QT_TRANSLATE_NOOP("ItemCommands", "delete {title}")
NEW_ITEM_WITH_REPORT = QT_TRANSLATE_NOOP("ItemCommands", "new item {title} with report {date}")
EDIT_ITEM_WITH_REPORT = QT_TRANSLATE_NOOP("ItemCommands", "edit {title} with report {date}")


def label(kind: str) -> str:
    """The translated text of one of the labels above."""
    return QCoreApplication.translate("ItemCommands", kind)
