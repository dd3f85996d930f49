"""The archive list's table view, and the search field's help: built once, by the view.

Kept apart from the view so that what the table looks like (fixed row height, widths from the
font, sort indicator) reads in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop_app.ui.archive.archive_model import (
    AUTHOR_COL,
    DATE_COL,
    KIND_COL,
    TITLE_COL,
    ArchiveTableModel,
)


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


def list_table(model: ArchiveTableModel, metrics: QFontMetrics) -> QTableView:
    """The table over `model`, sized without asking the lazy model for any row."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    # Fixed row height: the view then never asks for every row's size (lazy model).
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
    header = table.horizontalHeader()
    # Widths from the font, never ResizeToContents: that would load every row to measure.
    header.resizeSection(KIND_COL, metrics.horizontalAdvance("★ Article") + 24)
    header.resizeSection(DATE_COL, metrics.horizontalAdvance("2026-08-08 14:35") + 24)
    header.resizeSection(TITLE_COL, metrics.horizontalAdvance("M") * 28)
    header.resizeSection(AUTHOR_COL, metrics.horizontalAdvance("M") * 8)
    header.setStretchLastSection(True)
    header.setSortIndicator(DATE_COL, Qt.SortOrder.DescendingOrder)
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    return table
