"""The archive list's table view, and the search field's help: built once, by the view.

Kept apart from the view so that what the table looks like (fixed row height, widths from the
font, sort indicator) reads in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView

from desktop_app.core.item import ARTICLE, BRIEF
from desktop_app.core.search_query import parse_query
from desktop_app.ui.archive.archive_model import (
    AUTHOR_COL,
    DATE_COL,
    KIND_COL,
    STARRED_ROLE,
    TITLE_COL,
    ArchiveTableModel,
)
from desktop_app.ui.common.accessibility import name
from desktop_app.ui.common.i18n import number

if TYPE_CHECKING:
    from desktop_app.services.queries import Facets, SearchRequest

_SPOKEN = frozenset(
    int(role)
    for role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole)
)
_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole)


class SpokenArchiveModel(ArchiveTableModel):
    """The list's model, saying in words what the table shows by type: bold (unread) and ★
    (starred) become "unread" and "starred" for a screen reader."""

    def marks(self, index: QModelIndex | QPersistentModelIndex) -> list[str]:
        """ "unread", "starred" for the item of `index`'s row, as a screen reader says them."""
        marks = []
        font = super().data(index, Qt.ItemDataRole.FontRole)
        if font is not None and font.bold():
            marks.append(self.tr("unread"))
        if super().data(index, STARRED_ROLE):
            marks.append(self.tr("starred"))
        return marks

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role not in _SPOKEN:
            return super().data(index, role)
        text = super().data(index, Qt.ItemDataRole.DisplayRole)
        if text is None:
            return None
        marks = self.marks(index)
        if role == _DESCRIPTION:
            return ", ".join(marks) or None
        text = str(text).removeprefix("★ ")
        if index.column() in (KIND_COL, TITLE_COL) and marks:
            return f"{text}, {', '.join(marks)}"
        return text


def count_text(text: str, n: int, *, everything: bool = False) -> str:
    """What the list holds, under it: "24 items"; when nothing matched, what did not (and
    when the search asked for `everything`, that the archive holds nothing)."""
    if n:
        return QCoreApplication.translate("ArchiveView", "%Ln item(s)", "", n)
    if everything:
        return QCoreApplication.translate("ArchiveView", "The archive is empty.")
    if text.strip():
        return QCoreApplication.translate("ArchiveView", "No matches for “%1”.").replace(
            "%1", text.strip()
        )
    return QCoreApplication.translate("ArchiveView", "No items match the chosen filters.")


def counts_said(facets: Facets, *, sorting: bool) -> str | None:
    """The number under the list from `facets`: exact when they bring it, "about" for an
    estimate; None when they say nothing of it. `sorting`: the search's rows have not come
    yet (ranked at a million items, they take seconds), which the number then says."""
    if facets.total is not None:  # exact, from the index
        said = count_text("", facets.total)
        if sorting:
            said = QCoreApplication.translate("ArchiveView", "%1, sorting…").replace("%1", said)
        return said
    if not facets.estimated:
        return None
    about = (
        QCoreApplication.translate("ArchiveView", "About %1 items, sorting…")
        if sorting
        else QCoreApplication.translate("ArchiveView", "About %1 items, counting…")
    )
    return about.replace("%1", number(sum(facets.kinds.values())))


def nothing_found(text: str, everything: bool) -> str:
    """What the reader says when the list is empty: why, and what to try."""
    said = count_text(text, 0, everything=everything)
    if everything:
        return said
    query = parse_query(text)
    if (both := query.filter_left_out()) is not None:  # `tag:energy -tag:energy`
        why = QCoreApplication.translate(
            "ArchiveView", "The search both asks for “%1” and leaves it out (after “-”)."
        ).replace("%1", f"{both.field}:{both.value}")
    elif query.words_left_out():  # `power -power`: no filter is to blame
        why = QCoreApplication.translate(
            "ArchiveView",
            "Whatever the words find also has a word the search leaves out (after “-”).",
        )
    else:
        why = QCoreApplication.translate(
            "ArchiveView", "Try fewer words, or clear the filters beside the list."
        )
    return f"{said} {why}"


def ignored_text(ignored: Sequence[str]) -> str:
    """The hint under the search field naming the filters the search ignored."""
    return (
        QCoreApplication.translate(
            "ArchiveView", "Ignored (not a filter value this search understands): %1"
        ).replace("%1", ", ".join(ignored))
        + "  "
        + QCoreApplication.translate(
            "ArchiveView", "Dates are written 2023-11-25, 2023-11 or 2023."
        )
    )


def asks_everything(request: SearchRequest) -> bool:
    """Whether `request` has no words and no filter (whatever its order)."""
    return request == replace(
        request, text="", kind=None, tags=(), source=None, date_from=None, date_to=None
    ) and not (request.starred_only or request.unread_only)


def kind_texts(kinds: dict[str, int] | None, *, about: bool = False) -> tuple[str, str, str]:
    """The Show box's choices with their counts; "≈" before an estimate (as for a time);
    "…" for each while they are being counted (`kinds` None)."""
    mark = "≈ " if about else ""

    def count(n: int) -> str:
        return "…" if kinds is None else mark + number(n)

    every = sum(kinds.values()) if kinds is not None else 0
    return (
        QCoreApplication.translate("ArchiveView", "All (%1)").replace("%1", count(every)),
        QCoreApplication.translate("ArchiveView", "Articles (%1)").replace(
            "%1", count((kinds or {}).get(ARTICLE, 0))
        ),
        QCoreApplication.translate("ArchiveView", "Briefs (%1)").replace(
            "%1", count((kinds or {}).get(BRIEF, 0))
        ),
    )


def kind_combo() -> QComboBox:
    """The Show box: articles, briefs or both (its counts come with `show_kind_counts`)."""
    combo = QComboBox()
    # Wide enough for its longest text with the counts ("Articles (12,345)").
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.addItem(QCoreApplication.translate("ArchiveView", "All"), None)
    combo.addItem(QCoreApplication.translate("ArchiveView", "Articles"), ARTICLE)
    combo.addItem(QCoreApplication.translate("ArchiveView", "Briefs"), BRIEF)
    name(
        combo,
        QCoreApplication.translate("ArchiveView", "Show"),
        QCoreApplication.translate("ArchiveView", "Articles, briefs or both"),
    )
    return combo


def show_kind_counts(
    combo: QComboBox, kinds: dict[str, int] | None, *, about: bool = False
) -> None:
    """The Show box's choices with `kind_texts`, its choice kept (nothing is announced).
    While they read "…" the box keeps its width, so the search field beside it does not
    widen and narrow again around a slow search."""
    combo.setMinimumWidth(combo.width() if kinds is None and combo.isVisible() else 0)
    combo.blockSignals(True)
    for row, text in enumerate(kind_texts(kinds, about=about)):
        combo.setItemText(row, text)
    combo.blockSignals(False)


def search_help() -> str:
    """The query language in a few lines, for the search field's tooltip."""
    return QCoreApplication.translate(
        "ArchiveView",
        "<b>Search</b><br>"
        "<code>drones kharkiv</code> all words (the last also as a prefix)<br>"
        '<code>"air defense"</code> exact phrase · <code>energ*</code> prefix<br>'
        "<code>sumy OR kharkiv</code> either · <code>-shelling</code> without<br>"
        "<code>kind:brief</code> <code>author:name</code> <code>tag:energy</code> "
        "<code>source:name</code><br>"
        "<code>from:2023-11-01</code> <code>to:2023-11</code> (day, month or year)<br>"
        "<code>is:starred</code> <code>is:unread</code> <code>is:read</code>",
    )


class ListTable(QTableView):
    """A table of the list that does not look for a row by the letters typed into it, and
    whose Home and End go to the first and last row.

    Qt's search for a typed letter asked the model for the text of every row until one
    matched: at a million rows a stray letter (or Space) held the GUI thread 3.7 s and queued
    a read of every row. The list's own keys (j, k, s, t, Space…) are shortcuts; other
    letters do nothing, and Ctrl+F goes to the search field."""

    def keyboardSearch(self, search: str) -> None:
        return

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and last item, as in a mail program's list (a
        table's own Home and End went to the first and last column of the same row: in a
        list chosen by rows they did nothing)."""
        if action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)


def list_table(model: ArchiveTableModel, metrics: QFontMetrics) -> QTableView:
    """The table over `model`, sized without asking the lazy model for any row."""
    table = ListTable()
    table.setModel(model)
    table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside it
    name(
        table,
        QCoreApplication.translate("ArchiveView", "Articles and briefs"),
        QCoreApplication.translate(
            "ArchiveView",
            "Enter opens the item; j and k move; Shift or Ctrl with the arrows chooses several; "
            "Space marks read; s stars",
        ),
    )
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().hide()
    # Fixed row height: the view then never asks for every row's size (lazy model).
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
    header = table.horizontalHeader()
    # The heading gets a choice of its own, always empty. With the list's, each paint after a
    # change of the choice asked whether every row of each column was chosen (through the
    # model, a call a row: 6 s on the GUI thread after Ctrl+A over a million rows), only to
    # draw a column's heading as chosen, which a list that chooses rows never needs.
    header.setSelectionModel(QItemSelectionModel(model, header))
    # Widths from the font, never ResizeToContents: that would load every row to measure.
    kinds = (QCoreApplication.translate("ArchiveTableModel", k) for k in ("Article", "Brief"))
    header.resizeSection(KIND_COL, max(metrics.horizontalAdvance(f"★ {k}") for k in kinds) + 24)
    # Room for the mark of an estimated time and for the bold of an unread row.
    bold = QFont(table.font())
    bold.setBold(True)
    header.resizeSection(DATE_COL, QFontMetrics(bold).horizontalAdvance("≈ 2026-08-08 14:35") + 24)
    header.resizeSection(TITLE_COL, metrics.horizontalAdvance("M") * 28)
    header.resizeSection(AUTHOR_COL, metrics.horizontalAdvance("M") * 8)
    header.setStretchLastSection(True)
    header.setSortIndicator(DATE_COL, Qt.SortOrder.DescendingOrder)
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    return table
