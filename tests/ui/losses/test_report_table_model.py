"""ReportTableModel on a real temporary archive: structure, figures, changes, warnings."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.reports import load_all_reports, save_report
from desktop_app.ui.losses.report_table_model import (
    DATE_COLUMN,
    DAY_COLUMN,
    FIRST_CATEGORY_COLUMN,
    ReportTableModel,
)

D1, D2, D3, D5 = (dt.date(2023, 5, d) for d in (25, 26, 27, 29))


@pytest.fixture
def seeded(archive_db):
    """Four reports: stated change, derived one, stated≠derived, a decrease after a gap."""
    for report in (
        LossReport(
            D1, {"personnel": Figure(206_000, 500), "tanks": Figure(3_790, 2)}, qualifier="about"
        ),
        LossReport(D2, {"personnel": Figure(206_400), "tanks": Figure(3_795, 5)}),
        LossReport(D3, {"personnel": Figure(206_800, 400), "tanks": Figure(3_799, 9)}),
        LossReport(D5, {"tanks": Figure(3_797)}),
    ):
        save_report(report, source="test")
    return archive_db


def loaded(qtbot, ctx) -> ReportTableModel:
    m = ReportTableModel(ctx)
    reload(qtbot, m)
    return m


def reload(qtbot, m: ReportTableModel) -> None:
    with qtbot.waitSignal(m.loaded):
        m.reload()


@pytest.fixture
def model(seeded, qtbot, ctx):
    return loaded(qtbot, ctx)


def column(model: ReportTableModel, key: str) -> int:
    col = model.column_of(key)
    assert col is not None
    return col


def test_model_passes_qt_model_tester(model, qtmodeltester):
    qtmodeltester.check(model)


def test_empty_archive_gives_date_day_and_article_columns_only(qtbot, ctx, qtmodeltester):
    m = loaded(qtbot, ctx)
    qtmodeltester.check(m)
    assert (m.rowCount(), m.columnCount()) == (0, FIRST_CATEGORY_COLUMN + 1)


def test_rows_are_newest_first_with_day_of_war(model):
    dates = [
        model.index(r, DATE_COLUMN).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())
    ]
    assert dates == [D5, D3, D2, D1]
    assert model.index(0, DATE_COLUMN).data() == "2023-05-29"
    assert model.index(0, DAY_COLUMN).data() == 460


def test_columns_are_only_categories_with_data(model):
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Date", "Day", "Personnel", "Tanks", "Published in"]


def test_cells_hold_the_stored_totals(model):
    for report in load_all_reports():
        row = model.row_of(report.date)
        for key in ("personnel", "tanks"):
            value = model.index(row, column(model, key)).data(Qt.ItemDataRole.UserRole)
            expected = report.figures[key].total if key in report.figures else None
            assert value == expected


def test_display_shows_stated_change_else_derived(model):
    personnel, tanks = column(model, "personnel"), column(model, "tanks")
    assert model.index(model.row_of(D2), personnel).data() == "206,400 (+400)"  # derived
    assert model.index(model.row_of(D3), tanks).data() == "3,799 (+9)"  # stated wins
    assert model.index(model.row_of(D1), personnel).data() == "206,000 (+500)"
    # After a gap there is no one-day difference to derive, and none was stated.
    assert model.index(model.row_of(D5), tanks).data() == "3,797"
    assert model.index(model.row_of(D5), personnel).data() is None


def test_tooltip_shows_stated_derived_and_stored_warning(model):
    tip = model.index(model.row_of(D3), column(model, "tanks")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Stated change: +9" in tip
    assert "Derived change: +4 (since 2023-05-26)" in tip
    assert "Warning: Tanks: stated change +9 but totals differ by +4" in tip


def test_decrease_is_flagged_in_tooltip(model):
    tip = model.index(model.row_of(D5), column(model, "tanks")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Tanks: total fell from 3,799 on 2023-05-27 to 3,797" in tip
    assert "Derived change: none" in tip


def test_only_warning_cells_get_a_background(model):
    tanks = column(model, "tanks")
    background = Qt.ItemDataRole.BackgroundRole
    assert isinstance(model.index(model.row_of(D5), tanks).data(background), QColor)
    assert isinstance(model.index(model.row_of(D3), tanks).data(background), QColor)
    assert model.index(model.row_of(D2), tanks).data(background) is None


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(("base", "text"), [("#ffffff", "#000000"), ("#1e1e1e", "#e6e6e6")])
def test_warning_hint_stays_readable_in_light_and_dark_palettes(model, base, text):
    original = QGuiApplication.palette()
    palette = QPalette(original)
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    QGuiApplication.setPalette(palette)
    try:
        index = model.index(model.row_of(D5), column(model, "tanks"))
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        assert foreground == QColor(text)
        assert background != QColor(base)
        # WCAG AA for normal text.
        assert _contrast(background, foreground) >= 4.5
    finally:
        QGuiApplication.setPalette(original)


def test_reload_shows_a_new_report(qtbot, model):
    save_report(LossReport(dt.date(2023, 5, 30), {"aircraft": Figure(315, 1)}))
    reload(qtbot, model)
    assert model.date_at(0) == dt.date(2023, 5, 30)
    assert model.index(0, column(model, "aircraft")).data() == "315 (+1)"


def test_painting_cells_never_queries_the_database(qtbot, model, caplog):
    # peewee logs every statement it runs on the "peewee" logger at DEBUG.
    caplog.set_level(logging.DEBUG, logger="peewee")
    reload(qtbot, model)
    assert [r for r in caplog.records if r.name == "peewee"], "peewee stopped logging queries"
    caplog.clear()
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.UserRole,
    )
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            for role in roles:
                model.index(row, col).data(role)
    assert not [r for r in caplog.records if r.name == "peewee"]


def test_a_figure_a_linked_article_disagrees_with_is_tinted_with_the_reason(seeded, qtbot, ctx):
    from desktop_app.core.item import ARTICLE, ItemData
    from desktop_app.storage.items import save_item
    from desktop_app.storage.reports import link_article

    article = save_item(
        ItemData(
            ARTICLE,
            "Daily losses",
            dt.datetime(2023, 5, 26, 9, tzinfo=dt.UTC),
            body="Russia has lost 206,400 troops in Ukraine since Feb. 24, 2022, the General Staff "
            "reported on May 26. Russia has also lost 3,801 tanks.",
        )
    )
    link_article(D2, article)
    m = loaded(qtbot, ctx)
    tanks, personnel = column(m, "tanks"), column(m, "personnel")
    row = m.row_of(D2)
    assert isinstance(m.index(row, tanks).data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert "“Daily losses” states 3,801, the report 3,795" in m.index(row, tanks).data(
        Qt.ItemDataRole.ToolTipRole
    )
    # The personnel figure agrees with the article: no tint there.
    assert m.index(row, personnel).data(Qt.ItemDataRole.BackgroundRole) is None


def test_the_window_reads_linked_articles_in_the_background_after_start(
    make_window, seeded, qtbot, tmp_path, monkeypatch
):

    from desktop_app.core.item import ARTICLE, ItemData
    from desktop_app.storage import report_checks
    from desktop_app.storage.items import save_item
    from desktop_app.storage.reports import link_article
    from desktop_app.ui.app import main_window

    article = save_item(
        ItemData(
            ARTICLE,
            "Daily losses",
            dt.datetime(2023, 5, 26, 9, tzinfo=dt.UTC),
            body="Russia has lost 206,400 troops in Ukraine since Feb. 24, 2022, the General Staff "
            "reported on May 26. Russia has also lost 3,801 tanks.",
        )
    )
    link_article(D2, article)
    report_checks._READINGS.clear()
    monkeypatch.setattr(main_window, "WARM_UP_DELAY_MS", 10)
    window = make_window(show=False, warm_up=True)
    qtbot.waitUntil(lambda: article in report_checks._READINGS, timeout=10000)
    window.runner.wait()


def test_the_rows_shown_stay_until_the_new_ones_arrive(qtbot, model):
    save_report(LossReport(dt.date(2023, 5, 30), {"aircraft": Figure(315, 1)}))
    model.reload()
    # Read on the read lane: until it is in, the table shows what it showed (no blank rows).
    assert model.loading and model.rowCount() == 4
    assert model.date_at(0) == D5
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 5 and model.date_at(0) == dt.date(2023, 5, 30)


def test_reloads_asked_for_while_one_runs_are_made_once_more(qtbot, model, ctx, monkeypatch):
    reads: list[str] = []
    original = ctx.runner.read

    def counting(name, fn, **kwargs):
        reads.append(name)
        return original(name, fn, **kwargs)

    monkeypatch.setattr(ctx.runner, "read", counting)
    save_report(LossReport(dt.date(2023, 5, 30), {"aircraft": Figure(315, 1)}))
    for _ in range(5):
        model.reload()
    ctx.settle(qtbot)
    assert reads == ["report table", "report table"]
    assert model.date_at(0) == dt.date(2023, 5, 30)


def test_column_texts_hold_the_widest_figure_and_one_text_of_each_shape(archive_db, qtbot, ctx):
    # 60 days of tanks: totals of four and five digits, changes of one to three digits of
    # either sign. Every text of the column is measured against the few the sizing gets.
    start = dt.date(2023, 1, 1)
    total = 9_940
    for day in range(60):
        change = (-1) ** day * (day * 7 % 400)
        total += abs(change)
        save_report(LossReport(start + dt.timedelta(days=day), {"tanks": Figure(total, change)}))
    m = loaded(qtbot, ctx)
    col = column(m, "tanks")
    every = [m.index(r, col).data() for r in range(m.rowCount())]
    texts = m.column_texts(col, m.rowCount())
    assert set(texts) <= set(every)
    assert max(map(len, every)) == max(map(len, texts))
    # Formatting all 60 in the locale's way is what made the Losses tab's first show slow:
    # one text a shape (digits of the total and the change, the change's sign) is enough.
    assert len(texts) <= 4


def test_a_reload_asked_for_during_a_failed_one_is_made(qtbot, model, ctx, archive_db) -> None:
    """A read that fails (a figure stored in a form this program never writes) while a change
    arrives is followed by the read that change asked for: it may be what mends it."""
    from pathlib import Path

    from tests.ui.failed_reads import fail_then_mend

    path = Path(str(archive_db.database))
    fail_then_mend(ctx.runner, path, D5, 3_801, model.reload, model.reload)
    qtbot.waitUntil(lambda: bool(ctx.messages), timeout=10_000)
    index = model.index(model.row_of(D5), column(model, "tanks"))
    qtbot.waitUntil(lambda: "3,801" in str(model.data(index)), timeout=10_000)
