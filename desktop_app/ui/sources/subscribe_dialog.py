"""Add a source: its address, and what to do with its entries."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)


class SubscribeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Sources", "Add source"))
        self.url = QLineEdit(self)
        self.url.setPlaceholderText(
            QCoreApplication.translate("Sources", "a feed's or a site's address")
        )
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(QCoreApplication.translate("Sources", "the feed's own title"))
        self.kind = QComboBox(self)
        self.kind.addItem(QCoreApplication.translate("Sources", "Each by its form"), None)
        self.kind.addItem(QCoreApplication.translate("Sources", "Articles"), "article")
        self.kind.addItem(QCoreApplication.translate("Sources", "Briefs"), "brief")
        self.full_text = QCheckBox(
            QCoreApplication.translate("Sources", "Fetch each article's page for its full text"),
            self,
        )
        self.every = QSpinBox(self)
        self.every.setRange(5, 10_080)
        self.every.setValue(60)
        self.every.setSuffix(QCoreApplication.translate("Sources", " min"))
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Sources", "&Address:"), self.url)
        form.addRow(QCoreApplication.translate("Sources", "&Name:"), self.name)
        form.addRow(QCoreApplication.translate("Sources", "&Entries are:"), self.kind)
        form.addRow("", self.full_text)
        form.addRow(QCoreApplication.translate("Sources", "Update &every:"), self.every)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _accept(self) -> None:
        if self.url.text().strip():
            self.accept()
        else:
            self.url.setFocus()

    def choice(self) -> dict[str, object]:
        return {
            "url": self.url.text().strip(),
            "name": self.name.text().strip(),
            "as_kind": self.kind.currentData(),
            "full_text": self.full_text.isChecked(),
            "every": self.every.value(),
        }
