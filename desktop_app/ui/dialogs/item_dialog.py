"""New / edit article or brief: the fields of an item, saved in one transaction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import ValidationError
from desktop_app.core.item import ARTICLE, BRIEF, ItemData, split_tags
from desktop_app.storage.items import get_item, save_item


class ItemDialog(QDialog):
    def __init__(
        self, parent: QWidget | None = None, *, kind: str = ARTICLE, item_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.saved_id: int | None = None
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Article"), ARTICLE)
        self.kind_combo.addItem(self.tr("Brief"), BRIEF)
        self.title_edit = QLineEdit()
        self.lead_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Paragraphs separated by a blank line"))
        self.author_edit = QLineEdit()
        self.time_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.source_edit = QLineEdit()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. air defense, kyiv oblast"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")

        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind_combo)
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Lead"), self.lead_edit)
        form.addRow(self.tr("&Body"), self.body_edit)
        form.addRow(self.tr("&Author"), self.author_edit)
        form.addRow(self.tr("&Published (local time)"), self.time_edit)
        form.addRow(self.tr("&Source"), self.source_edit)
        form.addRow(self.tr("Link"), self.url_edit)
        form.addRow(self.tr("Ta&gs"), self.tags_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        if item_id is not None:
            self._load(item_id)
        self._update_title()
        self.kind_combo.currentIndexChanged.connect(self._update_title)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_title(self) -> None:
        brief = self.kind_combo.currentData() == BRIEF
        if self.item_id is None:
            self.setWindowTitle(self.tr("New brief") if brief else self.tr("New article"))
        else:
            self.setWindowTitle(self.tr("Edit brief") if brief else self.tr("Edit article"))

    def _load(self, item_id: int) -> None:
        stored = get_item(item_id)
        if stored is None:
            return
        d = stored.data
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(d.kind))
        self.title_edit.setText(d.title)
        self.lead_edit.setText(d.lead)
        self.body_edit.setPlainText(d.body)
        self.author_edit.setText(d.author)
        self.time_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(d.published_at.timestamp())))
        self.source_edit.setText(d.source_name)
        self.url_edit.setText(d.source_url or "")
        self.tags_edit.setText(", ".join(d.tags))

    def item_data(self) -> ItemData:
        local = self.time_edit.dateTime().toPython()
        assert isinstance(local, dt.datetime)
        return ItemData(
            kind=str(self.kind_combo.currentData()),
            title=self.title_edit.text(),
            published_at=local.astimezone(),  # the system's zone, as the user typed it
            body=self.body_edit.toPlainText(),
            lead=self.lead_edit.text().strip(),
            author=self.author_edit.text(),
            source_name=self.source_edit.text(),
            source_url=self.url_edit.text().strip() or None,
            tags=split_tags(self.tags_edit.text()),
        )

    def save(self) -> None:
        try:
            self.saved_id = save_item(self.item_data(), self.item_id)
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()

