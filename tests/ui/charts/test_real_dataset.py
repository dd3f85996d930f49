"""The Charts tab on the public dataset (skipped when absent): every view's figures against
sums and averages computed here straight from the dataset's files."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from desktop_app.core.formats.load import read_import_file
from desktop_app.services.charts import chart_source
from desktop_app.storage.importing import import_result
from desktop_app.ui.charts.analysis_data import (
    CUMULATIVE,
    DAILY,
    MA7,
    MA30,
    MONTHLY,
    WEEKLY,
    YEARLY,
)
from desktop_app.ui.charts.analysis_view import AnalysisView
from tests.conftest import shared_file

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

FILES = ("russia_losses_equipment.json", "russia_losses_personnel.json")
# The dataset's own field for each category checked.
FIELD = {"tanks": "tank", "drones": "drone", "artillery": "field artillery"}


@pytest.fixture
def dataset() -> dict[str, dict[str, Any]]:
    """Each day's row, the personnel figure merged in."""
    rows = {r["date"]: r for r in json.loads(shared_file("petroivaniuk", FILES[0]).read_text())}
    for r in json.loads(shared_file("petroivaniuk", FILES[1]).read_text()):
        rows[r["date"]]["personnel"] = r["personnel"]
    return rows


@pytest.fixture
def view(qtbot, archive_db, dataset):
    for name in FILES:
        import_result(read_import_file(name, shared_file("petroivaniuk", name).read_bytes()))
    widget = AnalysisView()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh(chart_source())
    widget.set_checked(["personnel", *FIELD])
    return widget


def total(rows: dict[str, dict[str, Any]], key: str, day: dt.date) -> int:
    return int(rows[day.isoformat()][FIELD.get(key, key)])


def csv_values(view: AnalysisView) -> dict[tuple[str, str], str]:
    lines = view.csv_text().splitlines()
    assert lines[0] == "date,category,view,value"
    return {(d, k): v for d, k, _v, v in (line.split(",") for line in lines[1:])}


DAY = dt.timedelta(days=1)
CHECKED = [dt.date(2022, 4, 10), dt.date(2023, 6, 15), dt.date(2024, 12, 31), dt.date(2026, 8, 8)]


@pytest.mark.parametrize("key", ["personnel", *FIELD])
def test_every_view_equals_the_dataset(view, dataset, key) -> None:
    rows = dataset
    for day in CHECKED:
        assert view.data.plotted(CUMULATIVE, key).values[
            view.data.plotted(CUMULATIVE, key).dates.index(day)
        ] == total(rows, key, day)
        daily = view.data.plotted(DAILY, key)
        assert daily.values[daily.dates.index(day)] == total(rows, key, day) - total(
            rows, key, day - DAY
        )
        for window, shown in ((7, MA7), (30, MA30)):
            plotted = view.data.plotted(shown, key)
            expected = (total(rows, key, day) - total(rows, key, day - window * DAY)) / window
            assert plotted.values[plotted.dates.index(day)] == pytest.approx(expected)
    weekly = view.data.plotted(WEEKLY, key)
    monday = dt.date(2024, 1, 1)
    assert weekly.values[weekly.dates.index(monday)] == total(rows, key, monday + 6 * DAY) - total(
        rows, key, monday - DAY
    )
    monthly = view.data.plotted(MONTHLY, key)
    i = monthly.dates.index(dt.date(2024, 2, 1))  # a leap February, every day reported
    assert monthly.values[i] == total(rows, key, dt.date(2024, 2, 29)) - total(
        rows, key, dt.date(2024, 1, 31)
    )
    assert (monthly.covered_days[i], monthly.period_days[i]) == (29, 29)
    yearly = view.data.plotted(YEARLY, key)
    i = yearly.dates.index(dt.date(2022, 1, 1))
    # The first report (25 Feb) has no change of its own: 309 days of 2022 have one.
    assert yearly.values[i] == total(rows, key, dt.date(2022, 12, 31)) - total(
        rows, key, dt.date(2022, 2, 25)
    )
    assert (yearly.covered_days[i], yearly.period_days[i]) == (309, 365)


def test_the_csv_of_a_range_holds_the_periods_drawn(view, dataset) -> None:
    view.set_view(MONTHLY)
    view.plot.set_range(dt.date(2024, 3, 15), dt.date(2024, 6, 15))
    values = csv_values(view)
    # March is drawn whole (the range starts inside it), so the CSV holds it too.
    assert sorted({d for d, _k in values}) == [
        "2024-03-01",
        "2024-04-01",
        "2024-05-01",
        "2024-06-01",
    ]
    for key in ("personnel", *FIELD):
        expected = total(dataset, key, dt.date(2024, 3, 31)) - total(
            dataset, key, dt.date(2024, 2, 29)
        )
        assert values[("2024-03-01", key)] == str(expected)
    # The exported picture names the dates its bars cover.
    assert view.export_frame().subtitle == "2024-03-01 – 2024-06-30"
    view.set_view(WEEKLY)
    assert min(d for d, _k in csv_values(view)) == "2024-03-11"  # the Monday before the 15th
    assert view.export_frame().subtitle == "2024-03-11 – 2024-06-16"
    view.set_view(CUMULATIVE)
    values = csv_values(view)
    assert min(d for d, _k in values) == "2024-03-15"
    assert view.export_frame().subtitle == "2024-03-15 – 2024-06-15"
    assert values[("2024-06-15", "tanks")] == str(total(dataset, "tanks", dt.date(2024, 6, 15)))


def test_the_oryx_pairs_names_fit_under_their_bars_in_ukrainian(qtbot, archive_db, ukrainian):
    from PySide6.QtGui import QFontMetrics

    from desktop_app.ui.charts.analysis_data import ORYX

    for name in (*FILES, "russia_losses_equipment_oryx.json"):
        import_result(read_import_file(name, shared_file("petroivaniuk", name).read_bytes()))
    widget = AnalysisView()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh(chart_source())
    widget.set_view(ORYX)
    oryx = widget.oryx
    assert len(oryx.rows) == 11
    axis = oryx.plot.getAxis("bottom")
    slot = oryx.plot.vb.width() / len(oryx.rows)  # each pair of bars has this much width
    metrics = QFontMetrics(axis.style["tickFont"] or axis.font())
    names = [text for _x, text in axis._tickLevels[0]]
    assert "БпЛА" in names
    assert max(metrics.horizontalAdvance(n) for n in names) < slot, names
