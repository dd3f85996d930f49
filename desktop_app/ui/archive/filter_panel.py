"""The filters beside the archive list: order, view mode, source, tags, dates and flags.

Each value shows how many items of the current search it would keep; the counts arrive with
every search result, so the panel never queries the database itself.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.archive.archive_model import TABLE_MODE, TIMELINE_MODE
from desktop_app.ui.common.accessibility import name
from desktop_app.ui.common.i18n import number

if TYPE_CHECKING:
    from desktop_app.services.queries import Facets, SearchRequest

# QDateEdit has no empty state: its minimum date stands for "any" (shown as special text).
_NO_DATE = QDate(1990, 1, 1)
__all__ = ["TABLE_MODE", "TIMELINE_MODE", "FilterPanel"]


class _DateEdit(QDateEdit):
    """A date field that Tab always leaves: showing "any", Qt's section-by-section Tab
    never reached the last section, and the focus stayed in the field for good."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class FilterPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order_combo = QComboBox()
        for text, data in (
            (self.tr("Newest first"), "date desc"),
            (self.tr("Oldest first"), "date asc"),
            (self.tr("Relevance"), "relevance desc"),
            (self.tr("Title A–Z"), "title asc"),
            (self.tr("Author A–Z"), "author asc"),
        ):
            # Plain strings: Qt would not hand a tuple back intact from item data.
            self.order_combo.addItem(text, data)
        self.order_combo.setToolTip(
            self.tr(
                "Relevance ranks by how well the words match (words in the headline count most)."
            )
        )
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("Table"), TABLE_MODE)
        self.mode_combo.addItem(self.tr("Timeline by day"), TIMELINE_MODE)
        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("All sources"), None)
        self.from_edit = self._date_edit()
        self.to_edit = self._date_edit()
        self.starred_check = QCheckBox(self.tr("Starred only"))
        self.unread_check = QCheckBox(self.tr("Unread only"))
        self.tag_list = QListWidget()
        self.tag_list.setTabKeyNavigation(False)
        # Long tags wrap instead of needing a horizontal scroll bar.
        self.tag_list.setWordWrap(True)
        self.tag_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tag_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.tag_list.setToolTip(self.tr("Items must carry every ticked tag."))

        name(self.tag_list, self.tr("Tags"), self.tr("Items must carry every ticked tag."))
        name(self.from_edit, self.tr("Published from"), self.tr("“any”: no earliest date"))
        name(self.to_edit, self.tr("Published to"), self.tr("“any”: no latest date"))
        form = QFormLayout()
        for text, field in (
            (self.tr("Order"), self.order_combo),
            (self.tr("View"), self.mode_combo),
            (self.tr("Source"), self.source_combo),
            (self.tr("From"), self.from_edit),
            (self.tr("To"), self.to_edit),
        ):
            form.addRow(text, field)  # the label is the field's buddy: its name when read
            if not field.accessibleName():
                name(field, text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.starred_check)
        layout.addWidget(self.unread_check)
        # Named on screen too: under the saved searches, a list without its own caption was
        # read as more of them.
        self.tag_caption = QLabel(self.tr("Ta&gs"))
        self.tag_caption.setBuddy(self.tag_list)
        self.tag_caption.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tag_caption)
        layout.addWidget(self.tag_list, 1)

        for combo in (self.order_combo, self.mode_combo, self.source_combo):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.changed)
        self.starred_check.toggled.connect(self.changed)
        self.unread_check.toggled.connect(self.changed)
        self.tag_list.itemChanged.connect(lambda _item: self.changed.emit())

    def _date_edit(self) -> QDateEdit:
        edit = _DateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_NO_DATE)
        return edit

    # -- what is chosen -------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def order(self) -> tuple[str, bool]:
        order, _, direction = str(self.order_combo.currentData() or "date desc").partition(" ")
        return order, direction == "desc"

    def set_order(self, order: str, descending: bool) -> None:
        key = f"{order} {'desc' if descending else 'asc'}"
        index = self.order_combo.findData(key)
        if index >= 0:
            self.order_combo.setCurrentIndex(index)
            return
        # A header click asked for an order the combo does not list (e.g. title Z–A).
        self.order_combo.addItem(self.tr("Other (column header)"), key)
        self.order_combo.setCurrentIndex(self.order_combo.count() - 1)

    @staticmethod
    def _date(edit: QDateEdit) -> dt.date | None:
        date = edit.date()
        return None if date == _NO_DATE else dt.date(date.year(), date.month(), date.day())

    def request_fields(self) -> dict[str, Any]:
        """Keyword arguments for SearchRequest."""
        order, descending = self.order()
        return {
            "tags": tuple(
                self.tag_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.tag_list.count())
                if self.tag_list.item(i).checkState() == Qt.CheckState.Checked
            ),
            "source": self.source_combo.currentData(),
            "date_from": self._date(self.from_edit),
            "date_to": self._date(self.to_edit),
            "starred_only": self.starred_check.isChecked(),
            "unread_only": self.unread_check.isChecked(),
            "order": order,
            "descending": descending,
        }

    def apply_request(self, request: SearchRequest) -> None:
        """Choose what `request` asks for (a saved search); says `changed` once."""
        self.blockSignals(True)
        try:
            self.set_order(request.order, request.descending)
            index = self.source_combo.findData(request.source) if request.source else 0
            if index < 0:
                self.source_combo.addItem(str(request.source), request.source)
                index = self.source_combo.count() - 1
            self.source_combo.setCurrentIndex(index)
            for edit, day in ((self.from_edit, request.date_from), (self.to_edit, request.date_to)):
                edit.setDate(QDate(day.year, day.month, day.day) if day else _NO_DATE)
            self.starred_check.setChecked(request.starred_only)
            self.unread_check.setChecked(request.unread_only)
            wanted = set(request.tags)
            for i in range(self.tag_list.count()):
                item = self.tag_list.item(i)
                tag = item.data(Qt.ItemDataRole.UserRole)
                on = tag in wanted
                wanted.discard(tag)
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            for tag in sorted(wanted):  # counted when the search's facets arrive
                item = QListWidgetItem(tag)
                item.setData(Qt.ItemDataRole.UserRole, tag)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.tag_list.addItem(item)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def add_above_tags(self, widget: QWidget) -> None:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.tag_caption), widget)

    # -- counts ---------------------------------------------------------------------------
    def show_counting(self) -> None:
        """ "…" for every count, while a slow search's own are being made: the numbers shown
        were the search before's (`search_progress`)."""
        for row in range(1, self.source_combo.count()):
            name = self.source_combo.itemData(row)
            self.source_combo.setItemText(row, f"{name} (…)")
        for row in range(self.tag_list.count()):
            item = self.tag_list.item(row)
            item.setText(f"{item.data(Qt.ItemDataRole.UserRole)} (…)")

    def apply_facets(self, facets: Facets) -> None:
        """Show the new counts without losing (or re-announcing) what is chosen."""
        self.blockSignals(True)
        mark = "≈ " if facets.estimated else ""  # scaled from the newest matches
        try:
            chosen = self.source_combo.currentData()
            self.source_combo.clear()
            self.source_combo.addItem(self.tr("All sources"), None)
            sources = list(facets.sources)
            if chosen is not None and chosen not in dict(sources):
                sources.append((chosen, 0))
            for name, n in sources:
                self.source_combo.addItem(f"{name} ({mark}{number(n)})", name)
                if name == chosen:
                    self.source_combo.setCurrentIndex(self.source_combo.count() - 1)

            ticked = set(self.request_fields()["tags"])
            self.tag_list.clear()
            tags = list(facets.tags)
            tags += [(t, 0) for t in sorted(ticked - {t for t, _ in tags})]
            for tag, n in tags:
                item = QListWidgetItem(f"{tag} ({mark}{number(n)})")
                item.setData(Qt.ItemDataRole.UserRole, tag)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if tag in ticked else Qt.CheckState.Unchecked
                )
                self.tag_list.addItem(item)
        finally:
            self.blockSignals(False)
