"""The Charts tab's finish: partial periods, stacked bars, the legend's place, whole ticks for
counts, the index for totals only, hover text that never wraps, titled exports without the
range strip, and the articles behind a day."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage

from desktop_app.core.categories import KEYS
from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services.charts import chart_source
from desktop_app.storage.items import save_item
from desktop_app.storage.reports import import_reports, link_article
from desktop_app.ui.charts.analysis_data import CUMULATIVE, DAILY, MONTHLY, WEEKLY
from desktop_app.ui.charts.analysis_plot import NORMALISED, ONE_AXIS, SMALL_MULTIPLES
from desktop_app.ui.charts.analysis_view import HOVER_LINES, AnalysisView
from desktop_app.ui.plotting import chart_export
from tests.ui.charts.conftest import START, utc_midnight

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def test_partial_first_and_last_months_are_drawn_pale_and_whole(view):
    # The reports run from 20 May to 28 June: both months are covered only in part.
    view.set_checked(["tanks"])
    view.set_view(MONTHLY)
    s = view.plot.series["tanks"]
    assert s.bars.getData()[0].size == 0
    pale_x, _ = s.pale.getData()
    assert pale_x.size == 2
    # The range shows both bars whole: from 1 May to the end of June.
    x0, x1 = view.plot.plots[0].vb.viewRange()[0]
    assert x0 <= utc_midnight(dt.date(2023, 5, 1)) and x1 >= utc_midnight(dt.date(2023, 7, 1))
    text = view.plot.hover(dt.date(2023, 6, 10))
    assert "(partial: reported days 28 of 30)" in text


def test_a_whole_week_is_drawn_full(view):
    view.set_checked(["personnel"])
    view.set_view(WEEKLY)
    s = view.plot.series["personnel"]
    full_x, full = s.bars.getData()
    # 22 May 2023 is a Monday; that week and the four after it are wholly reported.
    assert utc_midnight(dt.date(2023, 5, 22)) < full_x[0] < utc_midnight(dt.date(2023, 5, 29))
    assert full.tolist()[0] == 7 * 700


def test_index_is_offered_for_cumulative_totals_only(view):
    view.set_view(CUMULATIVE, NORMALISED)
    assert view.mode == NORMALISED
    view.set_view(DAILY)
    assert view.mode == ONE_AXIS
    index_item = view.mode_combo.model().item(view.mode_combo.findData(NORMALISED))
    assert not index_item.isEnabled()
    view.set_view(CUMULATIVE)
    assert index_item.isEnabled()


def test_daily_bars_of_two_categories_are_stacked_not_overlapping(view):
    view.set_view(DAILY, ONE_AXIS)
    personnel, tanks = view.plot.series["personnel"], view.plot.series["tanks"]
    day = utc_midnight(START + dt.timedelta(12))
    px, ph = personnel.bars.getData()
    tx = tanks.bars.getData()[0]
    p_i, t_i = int(np.flatnonzero(px == day)[0]), int(np.flatnonzero(tx == day)[0])
    # Tanks sit on top of that day's personnel bar.
    assert tanks.bars.opts["y0"][t_i] == ph[p_i] == 700
    # The y range holds the stacked top.
    assert view.plot.plots[0].vb.viewRange()[1][1] >= 700 + 4


def test_hiding_a_stacked_series_closes_the_stack(view):
    view.set_view(DAILY, ONE_AXIS)
    view.plot.set_series_visible("personnel", False)
    assert float(np.max(view.plot.series["tanks"].bars.opts["y0"])) == 0.0
    assert view.plot.plots[0].vb.viewRange()[1][1] < 100


def test_legend_sits_above_the_plot_not_over_it(view):
    view.set_view(CUMULATIVE, ONE_AXIS)
    legend = view.plot.legend
    assert legend is not None and len(legend.items) == 2
    plot_area = view.plot.plots[0].vb.sceneBoundingRect()
    assert not legend.sceneBoundingRect().intersects(plot_area)
    assert legend.sceneBoundingRect().bottom() <= plot_area.top()


@pytest.fixture
def many(qtbot, archive_db):
    """14 categories over 70 days; two submarines lost in all."""
    keys = [*[k for k in KEYS if k != "submarines"][:13], "submarines"]
    reports = []
    for i in range(70):
        figures = {k: Figure(100 * (n + 1) + i * (n + 1), None) for n, k in enumerate(keys)}
        figures["submarines"] = Figure(0 if i < 20 else 1 if i < 50 else 2, None)
        reports.append(LossReport(START + dt.timedelta(days=i), figures))
    import_reports(reports, source="test")
    widget = AnalysisView()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh(chart_source())
    widget.set_checked(keys)
    return widget


def test_a_small_multiple_of_a_few_counts_has_whole_ticks(many, qtbot):
    many.set_view(CUMULATIVE, SMALL_MULTIPLES)
    qtbot.wait(10)
    plot = many.plot.series["submarines"].plot
    axis = plot.getAxis("left")
    low, high = plot.vb.viewRange()[1]
    values = [v for _spacing, ticks in axis.tickValues(low, high, 60) for v in ticks]
    assert values and all(float(v).is_integer() for v in values)
    assert not any("." in text for text in axis.tickStrings(values, 1, 1))


def test_hover_of_many_categories_keeps_its_height_and_never_wraps(many):
    label = many.hover_label
    height = label.height()
    text = many.plot.hover(START + dt.timedelta(30))
    assert len(text.splitlines()) > HOVER_LINES
    assert not label.wordWrap() and label.height() == height
    # Every category is in the label, in short form, and the whole text is the tooltip.
    assert "Submarines 1 (+0)" in label.text() and label.toolTip() == text


def test_legend_of_many_categories_fits_the_chart(many):
    many.set_view(CUMULATIVE, ONE_AXIS)
    legend = many.plot.legend
    assert legend is not None and legend.columnCount > 1
    assert legend.sceneBoundingRect().right() <= many.plot.graphics.sceneRect().right()


def test_exported_png_has_title_range_and_source_but_no_range_strip(view, tmp_path: Path):
    view.set_view(DAILY)
    frame = view.export_frame()
    assert frame.title == "Daily change — Personnel, Tanks"
    assert frame.subtitle == f"{START.isoformat()} – {(START + dt.timedelta(39)).isoformat()}"
    assert "General Staff" in frame.source
    area = view.export_area()
    assert not area.intersects(view.plot.overview.sceneBoundingRect())
    size = view.export_png(tmp_path / "chart.png")
    image = QImage(str(tmp_path / "chart.png"))
    assert image.size() == size == chart_export.framed_size(area, frame)[0]
    # Text is drawn in the title band above the plots (not just the background).
    background = image.pixel(1, 1)
    band = [image.pixel(x, y) for x in range(0, 300, 2) for y in range(4, 30)]
    assert any(p != background for p in band)


def test_exported_svg_is_titled(view, tmp_path: Path):
    view.export_svg(tmp_path / "chart.svg")
    root = ET.parse(tmp_path / "chart.svg").getroot()
    titles = [e.text for e in root.iter() if e.tag.endswith("title")]
    assert "Cumulative totals — Personnel, Tanks" in titles


def test_a_days_menu_offers_its_report_and_the_article_that_published_it(qtbot, archive, view):
    date = START + dt.timedelta(12)
    item = save_item(
        ItemData(ARTICLE, "General Staff: losses", dt.datetime(2023, 6, 1, 9, tzinfo=dt.UTC))
    )
    link_article(date, item)
    view.refresh(chart_source())
    assert "published in “General Staff: losses”" in view.plot.hover(date).splitlines()[0]
    view.plot.menuRequested.emit(date, QPoint(10, 10))
    menu = view.point_menu
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert texts == [
        f"Open the report of {date.isoformat()}",
        "Open the article “General Staff: losses”",
    ]
    with qtbot.waitSignal(view.articleRequested) as opened:
        menu.actions()[1].trigger()
    assert opened.args == [item]
    menu.close()


@pytest.fixture
def published(archive) -> tuple[dt.date, int]:
    """The report of day 13 and the article that published it (stored before the window)."""
    date = START + dt.timedelta(12)
    item = save_item(
        ItemData(ARTICLE, "Losses of 1 June", dt.datetime(2023, 6, 1, 9, tzinfo=dt.UTC))
    )
    link_article(date, item)
    return date, item


def test_the_article_chosen_from_a_days_menu_opens_in_the_archive_tab(qtbot, published, window):
    from tests.ui.conftest import settle

    date, item = published
    window.charts_tab.action.trigger()
    settle(qtbot, window.runner)
    view = window.charts_tab.view
    view.plot.menuRequested.emit(date, QPoint(10, 10))
    view.point_menu.actions()[1].trigger()
    view.point_menu.close()
    qtbot.waitUntil(lambda: window.archive_view.selected_id() == item)
    assert window.tabs.currentIndex() == 0


def test_a_theme_switch_redraws_the_chart_in_the_new_palette(view, qapp, qtbot):
    from PySide6.QtGui import QColor, QPalette

    from desktop_app.ui.plotting.palette import DARK

    view.set_view(CUMULATIVE, ONE_AXIS)
    before = qapp.palette()
    dark = QPalette(before)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202020"),
        (QPalette.ColorRole.Base, "#181818"),
        (QPalette.ColorRole.Text, "#eeeeee"),
    ):
        dark.setColor(role, QColor(colour))
    try:
        qapp.setPalette(dark)  # what View ▸ Theme does
        qtbot.waitUntil(lambda: view.plot.graphics.backgroundBrush().color() == QColor("#181818"))
        pen = view.plot.series["tanks"].curve.opts["pen"]
        assert pen.color() == QColor(DARK[1])  # tanks: the registry's second colour
        assert view.category_list.item(1).foreground().color() == QColor(DARK[1])
    finally:
        qapp.setPalette(before)


def test_small_multiples_start_their_dates_at_the_same_x(view, qtbot):
    # Personnel's changes are written in hundreds, tanks' in ones: with their own axis widths
    # a day in one plot stood a few pixels beside the same day in the other.
    view.set_view(DAILY, SMALL_MULTIPLES)
    qtbot.wait(1)
    lefts = {round(p.vb.sceneBoundingRect().left()) for p in view.plot.plots}
    assert len(view.plot.plots) == 2 and len(lefts) == 1, lefts
    view.set_view(CUMULATIVE, ONE_AXIS)  # one plot sizes its axis itself again
    assert view.plot.plots[0].getAxis("left").fixedWidth is None
