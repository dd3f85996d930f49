"""The report dialog's grid of figures: one row a category, checked against the previous report.

Each row holds the total and the stated change the user types, the previous report's total,
the change derived from the two totals, and a warning icon whose tooltip gives the reason
when the row has a problem (a decrease, a stated change the totals do not bear out, an error).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QWidget,
)

from desktop_app.core.number_words import parse_typed_count
from desktop_app.core.report import Figure, LossReport
from desktop_app.ui.common.accessibility import name
from desktop_app.ui.common.i18n import number, signed
from desktop_app.ui.losses.report_table_model import blend, category_label

MAX_TOTAL = 10_000_000
# Group separators people type or paste: comma, spaces (also no-break and thin), apostrophe.
_ICON_SIZE = 16
(_LABEL, _TOTAL, _CHANGE, _PREVIOUS, _DERIVED, _WARNING) = range(6)


class BadNumberError(ValueError):
    pass


def parse_count(text: str) -> int | None:
    """A typed count ("1,456 610", "+4", "−3") as an int; None when empty.

    Strict (core.number_words.parse_typed_count): "2o10" or "12251.5" is an error, never
    210 or 122,515."""
    try:
        return parse_typed_count(text)
    except ValueError:
        raise BadNumberError(text) from None


@dataclass
class _Row:
    label: QLabel
    total: QLineEdit
    change: QLineEdit
    previous: QLabel
    derived: QLabel
    warning: QLabel


class FigureGrid(QScrollArea):
    """Scrolls vertically only: a clipped figure column would hide the point of the dialog."""

    # A category's total or stated change was edited (typed or filled).
    figureChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, _Row] = {}
        self._previous: LossReport | None = None
        self._highlighted: set[QLineEdit] = set()
        # The category of each message the last `figures()` gave (the checks tie it to a row).
        self.error_rows: dict[str, str] = {}
        self._inner = QWidget(self)
        self._grid = QGridLayout(self._inner)
        self._grid.setHorizontalSpacing(12)
        bottom = Qt.AlignmentFlag.AlignBottom
        right = bottom | Qt.AlignmentFlag.AlignRight
        headers = (
            (self.tr("Category"), bottom),
            (self.tr("Total"), bottom),
            (self.tr("Stated\nchange"), bottom),
        )
        for column, (text, align) in enumerate(headers):
            self._grid.addWidget(self._header(text), 0, column, align)
        self.previous_header = self._header(self.tr("Previous\n0000-00-00"))
        self._grid.addWidget(self.previous_header, 0, _PREVIOUS, right)
        self._grid.addWidget(self._header(self.tr("Derived\nchange")), 0, _DERIVED, right)
        # Spare room goes right of the figures and below them, not between the columns.
        self._grid.setColumnStretch(_WARNING + 1, 1)
        self._grid.setRowStretch(100, 1)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(self._inner)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame

    def _header(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    # -- rows ----------------------------------------------------------------------------------

    def add_row(self, key: str) -> None:
        if key in self._rows:
            return
        r = len(self._rows) + 1
        row = _Row(
            QLabel(category_label(key), self),
            QLineEdit(self),
            QLineEdit(self),
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        row.label.setBuddy(row.total)
        row.label.setWordWrap(True)  # a long name takes two lines, not the dialog's width
        category = category_label(key)
        name(row.total, self.tr("{category}: total").format(category=category))
        name(row.change, self.tr("{category}: stated change").format(category=category))
        for edit, hint in (
            (row.total, self.tr("not reported")),
            (row.change, self.tr("not stated")),
        ):
            # No input mask: a mask silently drops the keys it refuses, so "2o10" became 210.
            # What is typed stays visible, and a field that is not a whole number is an error.
            edit.setMaxLength(20)
            edit.setPlaceholderText(hint)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            widest = max(edit.fontMetrics().horizontalAdvance(t) for t in ("-00,000,000", hint))
            edit.setMinimumWidth(widest + 16)
            edit.textChanged.connect(lambda _t, k=key: self._on_changed(k))
            edit.textEdited.connect(lambda _t, e=edit: self.set_highlight(e, False))
        for label in (row.previous, row.derived):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("+0,000,000"))
        row.warning.setFixedWidth(_ICON_SIZE + 4)
        for column, widget in enumerate(
            (row.label, row.total, row.change, row.previous, row.derived, row.warning)
        ):
            self._grid.addWidget(widget, r, column)
        self._rows[key] = row
        self._update_previous(key)
        self.setMinimumWidth(
            self._inner.sizeHint().width() + self.verticalScrollBar().sizeHint().width()
        )

    def keys(self) -> list[str]:
        return list(self._rows)

    def edits(self) -> list[QLineEdit]:
        """Every row's total and stated change, in the order they are shown."""
        return [edit for row in self._rows.values() for edit in (row.total, row.change)]

    def total_edit(self, key: str) -> QLineEdit:
        return self._rows[key].total

    def change_edit(self, key: str) -> QLineEdit:
        return self._rows[key].change

    def previous_label(self, key: str) -> QLabel:
        return self._rows[key].previous

    def derived_label(self, key: str) -> QLabel:
        return self._rows[key].derived

    def warning_label(self, key: str) -> QLabel:
        return self._rows[key].warning

    # -- filling and highlighting --------------------------------------------------------------

    def fill(
        self,
        figures: dict[str, Figure],
        *,
        highlight: bool,
        changes_only: dict[str, int] | None = None,
        sources: dict[str, str] | None = None,
    ) -> None:
        """Set the given figures only: a partial text must not wipe what was typed.

        `changes_only` sets a change and leaves the total as it is (the text did not state it);
        `sources` are the words each figure was read from, shown when pointing at its fields.
        """
        sources = sources or {}
        for key, fig in figures.items():
            self.add_row(key)
            row = self._rows[key]
            row.total.setText(number(fig.total))
            row.change.setText("" if fig.change is None else signed(fig.change))
            self.set_highlight(row.total, highlight)
            self.set_highlight(row.change, highlight and fig.change is not None)
            self._explain(row.total, row.change, sources.get(key))
        for key, change in (changes_only or {}).items():
            self.add_row(key)
            row = self._rows[key]
            row.change.setText(signed(change))
            self.set_highlight(row.change, highlight)
            self._explain(row.change, None, sources.get(key))

    def clear_filled(self) -> None:
        """Empty every field still holding what a text filled (typed ones stay): before
        filling from another day's text, whose figures these are not."""
        for edit in list(self._highlighted):
            edit.clear()
            edit.setToolTip("")
            self.set_highlight(edit, False)

    def _explain(self, edit: QLineEdit, other: QLineEdit | None, words: str | None) -> None:
        tip = self.tr("Read from: “{words}”").format(words=words) if words else ""
        for field in (edit, other):
            if field is not None:
                field.setToolTip(tip)

    def is_highlighted(self, edit: QLineEdit) -> bool:
        return edit in self._highlighted

    def set_highlight(self, edit: QLineEdit, on: bool) -> None:
        if on:
            palette = self.palette()
            base = palette.color(QPalette.ColorRole.Base)
            tint = palette.color(QPalette.ColorRole.Highlight)
            palette.setColor(QPalette.ColorRole.Base, blend(base, tint, 0.3))
            edit.setPalette(palette)
            self._highlighted.add(edit)
        else:
            # An empty palette resolves nothing, so the field inherits the theme again.
            edit.setPalette(QPalette())
            self._highlighted.discard(edit)

    # -- reading -------------------------------------------------------------------------------

    def has_text(self) -> bool:
        """Whether any total or change field holds something (typed, pasted or filled)."""
        return any(
            edit.text().strip() for row in self._rows.values() for edit in (row.total, row.change)
        )

    def figures(self) -> tuple[dict[str, Figure], list[str]]:
        """The figures as typed, and the problems in fields that could not be read."""
        figures: dict[str, Figure] = {}
        errors: list[str] = []
        self.error_rows = {}
        for key, row in self._rows.items():
            label = category_label(key)
            before = len(errors)
            try:
                total = parse_count(row.total.text())
                change = parse_count(row.change.text())
            except BadNumberError as exc:
                errors.append(
                    self.tr("{category}: “{text}” is not a number").format(
                        category=label, text=str(exc)
                    )
                )
                self._tie(errors, before, key)
                continue
            if total is None:
                if change is not None:
                    errors.append(
                        self.tr("{category}: a change without a total").format(category=label)
                    )
                self._tie(errors, before, key)
                continue
            if abs(total) > MAX_TOTAL:
                errors.append(
                    self.tr("{category}: {total} is more than {limit}").format(
                        category=label, total=number(total), limit=number(MAX_TOTAL)
                    )
                )
            self._tie(errors, before, key)
            figures[key] = Figure(total, change)
        return figures, errors

    def _tie(self, errors: list[str], start: int, key: str) -> None:
        for message in errors[start:]:
            self.error_rows[message] = key

    # -- comparison with the previous report ---------------------------------------------------

    def set_previous(self, previous: LossReport | None) -> None:
        self._previous = previous
        before = previous.date if previous else None
        self.previous_header.setText(
            self.tr("Previous\n{date}").format(
                date=before.isoformat() if before else self.tr("(none)")
            )
        )
        for key in self._rows:
            self._update_previous(key)

    def set_row_problems(
        self, errors: dict[str, list[str]], warnings: dict[str, list[str]]
    ) -> None:
        """Show an icon beside each row with a problem; its tooltip gives the reasons."""
        style = self.style()
        for key, row in self._rows.items():
            messages = errors.get(key, []) + warnings.get(key, [])
            # A screen reader cannot point at the icon: the field's description says it.
            row.total.setAccessibleDescription("\n".join(messages))
            if not messages:
                row.warning.clear()
                row.warning.setToolTip("")
                continue
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if key in errors
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            row.warning.setPixmap(style.standardIcon(icon).pixmap(_ICON_SIZE, _ICON_SIZE))
            row.warning.setToolTip("\n".join(messages))

    def _on_changed(self, key: str) -> None:
        self._update_derived(key)
        self.figureChanged.emit(key)

    def _update_previous(self, key: str) -> None:
        fig = self._previous.figures.get(key) if self._previous else None
        self._rows[key].previous.setText("—" if fig is None else number(fig.total))
        self._update_derived(key)

    def _update_derived(self, key: str) -> None:
        row = self._rows[key]
        before = self._previous.figures.get(key) if self._previous else None
        try:
            total = parse_count(row.total.text())
            stated = parse_count(row.change.text())
        except BadNumberError:
            total = stated = None
        if total is None or before is None:
            row.derived.setText("—")
            row.derived.setToolTip("")
            return
        derived = total - before.total
        row.derived.setText(signed(derived))
        font = row.derived.font()
        # Bold marks a stated change that the totals do not bear out.
        font.setBold(stated is not None and stated != derived)
        row.derived.setFont(font)
        row.derived.setToolTip(self.tr("Total minus the previous report's total"))
