"""Add a source (its address, and what to do with its entries), or change a source's settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.core.fetch_rules import MIN_EVERY_MINUTES
from desktop_app.ui.common.error_label import ErrorLabel
from desktop_app.ui.common.i18n import localized_line

if TYPE_CHECKING:
    from desktop_app.services.subscriptions import SourceInfo


class SubscribeDialog(QDialog):
    """Add… (empty) or Edit… (`source` given: its settings, the address shown, not editable)."""

    def __init__(self, parent: QWidget | None = None, source: SourceInfo | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(
            QCoreApplication.translate("Sources", "Add source")
            if source is None
            else QCoreApplication.translate("Sources", "Source settings")
        )
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
        self.every.setRange(MIN_EVERY_MINUTES, 100_000)  # the schedule's least interval
        self.every.setValue(60)
        self.every.setSuffix(QCoreApplication.translate("Sources", " min"))
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(
            QCoreApplication.translate("Sources", "added to its items, separated by commas")
        )
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Sources", "&Address:"), self.url)
        form.addRow(QCoreApplication.translate("Sources", "&Name:"), self.name)
        form.addRow(QCoreApplication.translate("Sources", "&Entries are:"), self.kind)
        form.addRow("", self.full_text)
        form.addRow(QCoreApplication.translate("Sources", "Update &every:"), self.every)
        form.addRow(QCoreApplication.translate("Sources", "&Tags:"), self.tags)
        # Why the last OK was refused (a name another source has, an address without a feed):
        # the dialog stays open with what was typed, to mend it.
        self.error = ErrorLabel(self)
        self.error.setVisible(False)
        form.addRow(self.error)
        # Given, OK hands the choice to it and the dialog stays open until `saved` or
        # `refused` is called; else OK closes it at once.
        self.submit: Callable[[dict[str, object]], None] | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if source is not None:
            self._show_settings(source)

    def _show_settings(self, source: SourceInfo) -> None:
        settings = source.settings
        if source.problem:  # another program's value: shown as a default below, so said
            warning = QLabel(
                QCoreApplication.translate(
                    "Sources",
                    "Another program wrote a value this program does not read: %1."
                    " The settings you save here replace it.",
                ).replace("%1", source.problem),
                self,
            )
            warning.setWordWrap(True)
            layout = self.layout()
            assert isinstance(layout, QFormLayout)
            layout.insertRow(0, warning)
        self.url.setText(source.url)
        self.url.setReadOnly(True)  # another address is another source
        self.name.setText(settings.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(settings.as_kind)))
        self.full_text.setChecked(settings.full_text)
        self.every.setValue(settings.every_minutes)
        self.tags.setText(", ".join(settings.tags))
        self.name.setFocus()

    def _accept(self) -> None:
        if not self.url.text().strip():
            self.url.setFocus()
        elif self.source is not None and not self.name.text().strip():
            self.name.setFocus()  # a source keeps a name
        elif self.submit is not None:
            self.ok.setEnabled(False)  # until the write has answered
            self.error.setVisible(False)
            self.submit(self.choice())
        else:
            self.accept()

    def saved(self) -> None:
        self.accept()

    def refused(self, reason: str) -> None:
        """The write was refused: say why and keep everything typed."""
        self.ok.setEnabled(True)
        self.error.setText(localized_line(reason))
        self.error.setVisible(True)
        (self.name if "name" in reason or "exists" in reason else self.url).setFocus()

    def choice(self) -> dict[str, object]:
        return {
            "url": self.url.text().strip(),
            "name": self.name.text().strip(),
            "as_kind": self.kind.currentData(),
            "full_text": self.full_text.isChecked(),
            "every": self.every.value(),
            "tags": [t.strip() for t in self.tags.text().split(",") if t.strip()],
        }
