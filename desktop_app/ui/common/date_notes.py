"""How a report's date was established (`LossReport.date_note`), in the window's language.

Shared by the report dialog (the message under *Fill from text*) and the import summary (its
"repaired or guessed" lines, "2023-11-25: date found from …"). The texts keep the report
dialog's translation context, where they were first translated.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop_app.core.reference_series import FOUND_IN_REFERENCE, ONE_DIFFERS
from desktop_app.ui.common.i18n import category_name

# An import's remark on a report's date, after the file's name if several files were read:
# "post.txt: 2023-11-25: date found from …".
_DATED_REMARK = re.compile(r"(.*?\d{4}-\d{2}-\d{2}: )(.+)", re.DOTALL)


def _notes() -> dict[str, str]:
    return {
        "year found from the figures": QCoreApplication.translate(
            "ReportDialog", "year found from the figures"
        ),
        "year from the page's date": QCoreApplication.translate(
            "ReportDialog", "year from the page's date"
        ),
        "year from the day of the war the text names": QCoreApplication.translate(
            "ReportDialog", "year from the day of the war the text names"
        ),
        "from the day of the war the text names": QCoreApplication.translate(
            "ReportDialog", "from the day of the war the text names"
        ),
        "year from “last year” in the text": QCoreApplication.translate(
            "ReportDialog", "year from “last year” in the text"
        ),
        "date found from the figures in the archive": QCoreApplication.translate(
            "ReportDialog", "date found from the figures in the archive"
        ),
        "date found from the General Staff's figures the program carries": (
            QCoreApplication.translate(
                "ReportDialog", "date found from the General Staff's figures the program carries"
            )
        ),
    }


def is_date_note(note: str) -> bool:
    """Whether `note` says how a report's date was established (a rule the reader applied,
    not a guess): what the import summary lists under its own heading."""
    return note in _notes() or note.startswith(FOUND_IN_REFERENCE + ONE_DIFFERS)


def date_note_text(note: str) -> str:
    """How the parser established a report's date (`LossReport.date_note`), translated."""
    if note.startswith(FOUND_IN_REFERENCE + ONE_DIFFERS):
        # "drones 165": the category's name in the window's language, the series' figure.
        key, _, figure = note[len(FOUND_IN_REFERENCE + ONE_DIFFERS) :].partition(" ")
        return (
            QCoreApplication.translate(
                "ReportDialog",
                "date found from the General Staff's figures the program carries; one figure differs from them: %1 %2",  # noqa: E501
            )
            .replace("%1", category_name(key))
            .replace("%2", figure)
        )
    return _notes().get(note, note)


def is_date_remark(remark: str) -> bool:
    """Whether an import's remark says how a report's date was found ("2023-11-25: …")."""
    dated = _DATED_REMARK.fullmatch(remark)
    return dated is not None and is_date_note(dated.group(2))


def remark_text(remark: str) -> str:
    """An import's remark, its date note translated when it is one ("2023-11-25: …")."""
    dated = _DATED_REMARK.fullmatch(remark)
    return remark if dated is None else dated.group(1) + date_note_text(dated.group(2))
