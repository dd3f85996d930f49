"""Item model of the stored loss reports: one row a report (newest first), one column a category.

`reload()` reads everything on the runner's read lane (`read_report_table`, off the GUI
thread) into plain Python lists and swaps them in when they arrive, so painting and scrolling
2,000 reports × 18 categories never touches the database, and the table keeps showing the
previous data until the new is there. The figures arrive as columns (`FigureColumns`: one
plain query, a list per category); a cell's point, with its derived change, is made when
the cell is first painted, and a category's series when it is charted.

Signals:
    loaded(): new data were swapped in (after a `reload()`).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from desktop_app.core.categories import BY_KEY, KEYS
from desktop_app.core.report import day_of_war
from desktop_app.core.series import SeriesPoint
from desktop_app.ui.common.i18n import localized, number, signed
from desktop_app.ui.losses.report_order import BY_ARTICLE, BY_DATE, Arrangement, arrange, years

if TYPE_CHECKING:
    from desktop_app.services.charts import FigureColumns, SeriesRow
    from desktop_app.ui.common.context import WindowContext

DATE_COLUMN = 0
DAY_COLUMN = 1
FIRST_CATEGORY_COLUMN = 2

# Amber mixed into the palette's base colour: a hue everyone reads as "check this", kept close
# to the base's lightness so the palette's text colour stays readable in light and dark themes.
_WARNING_HUE = QColor(255, 176, 0)
_WARNING_MIX = 0.35

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_Index = QModelIndex | QPersistentModelIndex


def category_label(key: str) -> str:
    """A category's display name, translatable under the "categories" context."""
    return QCoreApplication.translate("categories", BY_KEY[key].label_en)


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """`base` moved `amount` (0–1) of the way towards `tint`."""
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )


# A cell is a plain row (services.charts.SeriesRow): its fields by position.
_TOTAL, _STATED, _DERIVED, _PREVIOUS = 1, 2, 3, 4


def _shape(cell: SeriesRow) -> tuple[int, int, bool]:
    """What the width of `figure_text(cell)` depends on, digits sharing one width: the
    total's digits, the change's (-1 without one) and its sign."""
    _day, total, stated, derived, _previous = cell
    change = stated if stated is not None else derived
    if change is None:
        return len(str(total)), -1, False
    return len(str(total)), len(str(abs(change))), change < 0


def _length(shape: tuple[int, int, bool]) -> int:
    """The length of a text of `shape`, with a separator between groups of three digits."""
    of_total, of_change, _negative = shape
    length = of_total + (of_total - 1) // 3
    return length if of_change < 0 else length + 4 + of_change + (of_change - 1) // 3


def figure_text(cell: SeriesRow) -> str:
    """A figure as the table shows it: "12,251 (+4)", or the total alone without a change."""
    _day, total, stated, derived, _previous = cell
    change = stated if stated is not None else derived
    return number(total) if change is None else f"{number(total)} ({signed(change)})"


@dataclass(frozen=True)
class ReportTable:
    """What the table shows, read in one go on the read lane."""

    # Every report's figures (oldest first); the table shows them newest first.
    columns: FigureColumns | None = None
    warnings: dict[tuple[dt.date, str | None], list[str]] = field(default_factory=dict)
    # The articles and briefs that published each report: (item id, title).
    articles: dict[dt.date, list[tuple[int, str]]] = field(default_factory=dict)

    @property
    def dates(self) -> list[dt.date]:
        """Every report's date, newest first."""
        return self.columns.dates[::-1] if self.columns is not None else []

    @property
    def keys(self) -> list[str]:
        """The categories with any figure, in registry order."""
        totals = self.columns.totals if self.columns is not None else {}
        return [k for k in KEYS if k in totals]


def read_report_table() -> ReportTable:
    """Every report's figures, the warnings and the articles (run on the read lane)."""
    from desktop_app.services import charts, queries

    warnings: dict[tuple[dt.date, str | None], list[str]] = defaultdict(list)
    # Stored warnings, and where a linked article states another figure than the report.
    for problem in [*queries.all_stored_warnings(), *queries.article_mismatches()]:
        if problem.date is not None:
            warnings[(problem.date, problem.category)].append(localized(problem.message))
    return ReportTable(charts.all_figure_columns(), dict(warnings), charts.report_articles())


class ReportTableModel(QAbstractTableModel):
    """Stored reports, newest first (or as `sort` and `set_year` arranged them): Date, Day,
    then one column per category with any data, then the article that published each.

    DisplayRole of a figure reads "12,251 (+4)"; UserRole is the raw total (an int), the date
    column's UserRole is the `datetime.date`, the day column's the day of the war.
    """

    loaded = Signal()

    def __init__(self, ctx: WindowContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self._again = False
        self._loaded_once = False
        self._columns: FigureColumns | None = None
        self._points: dict[str, list[SeriesPoint]] = {}
        self._dates: list[dt.date] = []
        # The report (its index in the columns, oldest first) of each row.
        self._order: list[int] = []
        self.arrangement = Arrangement()
        self._keys: list[str] = []
        # The points shown so far, by (report, column - FIRST_CATEGORY_COLUMN): each is made
        # from the columns when first painted, not for every report at each load.
        self._cells: dict[tuple[int, int], SeriesRow | None] = {}
        self._warnings: dict[tuple[dt.date, str | None], list[str]] = {}
        self._rows_by_date: dict[dt.date, int] = {}
        self._articles: dict[dt.date, list[tuple[int, str]]] = {}

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the reports again on the read lane; the data shown stay until the new arrive.

        A reload asked for while one runs is made once more after it, not queued again.
        """
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.ctx.runner.read(
            "report table", read_report_table, success=self._arrived, failure=self._failed
        )

    @property
    def loading(self) -> bool:
        """Whether a reload runs (or none has delivered yet): the rows may be about to change."""
        return self._loading or not self._loaded_once

    def _arrived(self, table: ReportTable) -> None:
        self._loading = False
        self.apply(table)
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, text: str) -> None:
        again, self._loading, self._again = self._again, False, False
        self.ctx.show_message("error", text)
        if again:  # a change came while the read was out: it may be what mends it
            self.reload()

    def apply(self, table: ReportTable) -> None:
        """Show `table` (in the GUI thread); emits `loaded`."""
        self.beginResetModel()
        self._columns = table.columns
        self._keys = table.keys
        self._points = {}
        self._cells = {}
        self._warnings = dict(table.warnings)
        self._articles = dict(table.articles)
        if self.arrangement.key not in (BY_DATE, BY_ARTICLE, *self._keys):
            # The sorted category is gone: newest first again.
            self.arrangement = replace(self.arrangement, key=BY_DATE, descending=True)
        self._arrange()
        self.endResetModel()
        self._loaded_once = True
        self.loaded.emit()

    def _arrange(self) -> None:
        self._order = arrange(self._columns, self._articles, self.arrangement)
        dates = self._columns.dates if self._columns is not None else []
        self._dates = [dates[i] for i in self._order]
        self._rows_by_date = {d: i for i, d in enumerate(self._dates)}

    # -- sort and filter ---------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` (the header's click): a date, a category's total (or its change,
        see `set_by_change`), the article's title; rows without a value come last."""
        if column in (DATE_COLUMN, DAY_COLUMN):
            key: str | None = BY_DATE
        elif column == self.article_column:
            key = BY_ARTICLE
        else:
            key = self.key_at(column)
        if key is not None:
            descending = order == Qt.SortOrder.DescendingOrder
            self.rearrange(replace(self.arrangement, key=key, descending=descending))

    def set_year(self, year: int | None) -> None:
        """Show only the reports of `year` (None: every report)."""
        self.rearrange(replace(self.arrangement, year=year))

    def set_by_change(self, by_change: bool) -> None:
        """Sort a category's column by its daily change (True) or its total."""
        self.rearrange(replace(self.arrangement, by_change=by_change))

    def rearrange(self, how: Arrangement) -> None:
        """Show the rows as `how` says; the selection and the current cell follow their
        reports (a report filtered out is no longer selected)."""
        if how == self.arrangement:
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        dates = [self.date_at(index.row()) for index in kept]
        self.arrangement = how
        self._arrange()
        moved = []
        for index, date in zip(kept, dates, strict=True):
            row = self._rows_by_date.get(date) if date is not None else None
            moved.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def years(self) -> list[int]:
        """The years with any report, newest first (whatever the filter shows)."""
        return years(self._columns)

    def stored(self, date: dt.date) -> bool:
        """Whether a report of `date` was read, shown or not (the Year box may hide it)."""
        dates = self._columns.dates if self._columns is not None else []
        i = bisect.bisect_left(dates, date)
        return i < len(dates) and dates[i] == date

    def newest_date(self) -> dt.date | None:
        """The newest report's date, whatever the order shown."""
        return self._columns.dates[-1] if self._columns and self._columns.dates else None

    # -- lookups for views -------------------------------------------------------------------

    def category_keys(self) -> list[str]:
        """The categories shown as columns, in registry order."""
        return list(self._keys)

    def series(self, key: str) -> list[SeriesPoint]:
        """The category's points, oldest first, as last read (empty when it has none)."""
        if key not in self._points:
            rows = self._columns.rows(key) if self._columns is not None else []
            self._points[key] = [SeriesPoint(*row) for row in rows]
        return list(self._points[key])

    def _cell(self, row: int, i: int) -> SeriesRow | None:
        """The point of the `i`-th shown category in `row` (None where it has none)."""
        at = (ordinal := self._order[row], i)
        if at not in self._cells:
            columns = self._columns
            found = columns.point(self._keys[i], ordinal) if columns is not None else None
            self._cells[at] = found
        return self._cells[at]

    def cell_at(self, row: int, column: int) -> SeriesRow | None:
        """The point a category's cell shows (None elsewhere or where it has none)."""
        i = column - FIRST_CATEGORY_COLUMN
        return (
            self._cell(row, i) if 0 <= row < len(self._dates) and 0 <= i < len(self._keys) else None
        )

    def column_texts(self, column: int, rows: int) -> list[str]:
        """The display texts of `column` in the first `rows` rows that may be its widest (for
        sizing the column): a figure's text is made only when its digits could make it so."""
        dates = self._dates[:rows]
        if column == DATE_COLUMN:
            return [d.isoformat() for d in dates]
        if column == DAY_COLUMN:
            return [str(day_of_war(d)) for d in dates]
        if column == self.article_column:
            return [
                self._article_data(a, Qt.ItemDataRole.DisplayRole)
                for d in dates
                if (a := self._articles.get(d))
            ]
        i = column - FIRST_CATEGORY_COLUMN
        if not 0 <= i < len(self._keys):
            return []
        shown = min(rows, len(self._dates))
        # Formatting every figure in the locale's way took 26-37 ms of the Losses tab's first
        # show (16 columns × 200 rows): one text of each shape is enough to measure.
        shapes: dict[tuple[int, int, bool], SeriesRow] = {}
        for row in range(shown):
            cell = self._cell(row, i)
            if cell is not None:
                shapes.setdefault(_shape(cell), cell)
        longest = max(map(_length, shapes), default=0)
        return [figure_text(c) for shape, c in shapes.items() if _length(shape) >= longest - 1]

    @property
    def article_column(self) -> int:
        """The last column: the article(s) that published the report."""
        return FIRST_CATEGORY_COLUMN + len(self._keys)

    def articles_at(self, row: int) -> list[tuple[int, str]]:
        """The (item id, title) of the articles that published the report of `row`."""
        date = self.date_at(row)
        return list(self._articles.get(date, [])) if date is not None else []

    def date_at(self, row: int) -> dt.date | None:
        return self._dates[row] if 0 <= row < len(self._dates) else None

    def row_of(self, date: dt.date) -> int | None:
        return self._rows_by_date.get(date)

    def key_at(self, column: int) -> str | None:
        i = column - FIRST_CATEGORY_COLUMN
        return self._keys[i] if 0 <= i < len(self._keys) else None

    def column_of(self, key: str) -> int | None:
        return self._keys.index(key) + FIRST_CATEGORY_COLUMN if key in self._keys else None

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._dates)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_CATEGORY_COLUMN + len(self._keys) + 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == DATE_COLUMN:
                return self.tr("Date")
            if section == DAY_COLUMN:
                return self.tr("Day")
            if section == self.article_column:
                return self.tr("Published in")
            key = self.key_at(section)
            return category_label(key) if key else None
        if role == Qt.ItemDataRole.ToolTipRole and section == DAY_COLUMN:
            return self.tr("Day of the war (24 Feb 2022 is day 1)")
        if role == Qt.ItemDataRole.ToolTipRole and section == self.article_column:
            return self.tr("The article that published the report; double-click to open it")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        # Plain bounds, not checkIndex(): this runs ~30,000 times when columns are sized.
        if not (
            0 <= row < len(self._dates) and 0 <= column <= FIRST_CATEGORY_COLUMN + len(self._keys)
        ):
            return None
        date = self._dates[row]
        if column == DATE_COLUMN:
            return self._date_data(date, role)
        if column == DAY_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                return day_of_war(date)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT
            return None
        if column == self.article_column:
            return self._article_data(self._articles.get(date, []), role)
        key = self._keys[column - FIRST_CATEGORY_COLUMN]
        return self._figure_data(date, key, self._cell(row, column - FIRST_CATEGORY_COLUMN), role)

    def _date_data(self, date: dt.date, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return date.isoformat()
        if role == Qt.ItemDataRole.UserRole:
            return date
        # Report-wide warnings (no category) belong to the row, shown on its date.
        messages = self._warnings.get((date, None))
        if messages and role == Qt.ItemDataRole.AccessibleTextRole:
            return date.isoformat() + ", " + self.tr("warning")
        if messages:
            return self._warning_hint(messages, role)
        return None

    def _article_data(self, articles: list[tuple[int, str]], role: int) -> Any:
        if not articles:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            more = len(articles) - 1
            return f"“{articles[0][1]}”" + (f" +{more}" if more else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"“{title}”" for _id, title in articles)
        if role == Qt.ItemDataRole.UserRole:
            return [item_id for item_id, _title in articles]
        return None

    def _figure_data(self, date: dt.date, key: str, cell: SeriesRow | None, role: int) -> Any:
        if cell is None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{category}: not reported").format(category=category_label(key))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return figure_text(cell)
        if role == Qt.ItemDataRole.UserRole:
            return cell[_TOTAL]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        messages = self._warnings.get((date, key))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._figure_tooltip(key, cell, messages or [])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # What a screen reader says: the figure and, for a tinted cell, that it warns.
            text = f"{category_label(key)}: {figure_text(cell)}"
            return text + (", " + self.tr("warning") if messages else "")
        if messages:
            return self._warning_hint(messages, role)
        return None

    def _figure_tooltip(self, key: str, cell: SeriesRow, messages: list[str]) -> str:
        total, stated_change, derived_change, previous_date = cell[1:]
        lines = [f"{category_label(key)}: {number(total)}"]
        if stated_change is None:
            lines.append(self.tr("Stated change: not stated"))
        else:
            stated = signed(stated_change)
            lines.append(self.tr("Stated change: {change}").format(change=stated))
        if derived_change is None:
            # derive_series derives only across consecutive days.
            lines.append(self.tr("Derived change: none (no report the day before)"))
        else:
            lines.append(
                self.tr("Derived change: {change} (since {date})").format(
                    change=signed(derived_change),
                    date=previous_date.isoformat() if previous_date else "",
                )
            )
        lines += [self.tr("Warning: {message}").format(message=m) for m in messages]
        return "\n".join(lines)

    def _warning_hint(self, messages: list[str], role: int) -> Any:
        palette = QGuiApplication.palette()
        if role == Qt.ItemDataRole.BackgroundRole:
            return blend(palette.color(QPalette.ColorRole.Base), _WARNING_HUE, _WARNING_MIX)
        if role == Qt.ItemDataRole.ForegroundRole:
            # Said explicitly: an alternate-row or selection colour must not take it away.
            return palette.color(QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            # The description is the tooltip: a screen reader cannot point at the cell.
            return "\n".join(self.tr("Warning: {message}").format(message=m) for m in messages)
        return None
