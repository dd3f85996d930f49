"""The Losses tab opens the article that published a report: a "Published in" column and a
button, both handing the article's id to the window (which shows it in the Archive tab)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage.items import save_item
from desktop_app.storage.reports import link_article, save_report
from desktop_app.ui.losses.losses_view import LossesView

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

START = dt.date(2023, 5, 1)


@pytest.fixture
def linked(archive_db):
    for i in range(5):
        save_report(LossReport(START + dt.timedelta(days=i), {"tanks": Figure(3_700 + i)}))
    published = dt.datetime(2023, 5, 3, 9, tzinfo=dt.UTC)
    first = save_item(ItemData(ARTICLE, "Losses on 3 May", published))
    second = save_item(ItemData(ARTICLE, "Another account", published))
    link_article(START + dt.timedelta(days=2), first)
    link_article(START + dt.timedelta(days=2), second)
    return first, second


@pytest.fixture
def view(qtbot, linked, ctx):
    widget = LossesView(ctx, today=dt.date(2023, 6, 1))
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    with qtbot.waitSignal(widget.model.loaded):
        widget.refresh()
    return widget


def test_the_published_in_column_names_the_articles(view, linked, qtmodeltester):
    model = view.model
    column = model.article_column
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Published in"
    row = model.row_of(START + dt.timedelta(days=2))
    index = model.index(row, column)
    assert model.data(index) == "“Losses on 3 May” +1"
    assert model.data(index, Qt.ItemDataRole.UserRole) == list(linked)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "“Losses on 3 May”\n“Another account”"
    assert model.data(model.index(model.row_of(START), column)) is None
    qtmodeltester.check(model)


def test_double_clicking_the_article_cell_opens_the_article(view, linked, ctx, qtbot):
    row = view.model.row_of(START + dt.timedelta(days=2))
    index = view.model.index(row, view.model.article_column)
    view.table.setCurrentIndex(index)
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    # Item views want the press on the same cell before the double-click.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ctx.opened_items == [linked[0]]
    qtbot.wait(50)
    assert view.dialog is None  # the report's dialog did not open


def test_the_button_opens_the_selected_reports_article(view, linked, ctx, qtbot):
    view.select_date(START)
    assert not view.article_button.isEnabled()
    view.select_date(START + dt.timedelta(days=2))
    assert view.article_button.isEnabled()
    assert "Losses on 3 May" in view.article_button.toolTip()
    view.article_button.click()
    assert ctx.opened_items == [linked[0]]


def test_a_sources_update_that_retitles_the_published_article_shows_the_new_title(
    qtbot, window, httpserver
):
    from desktop_app.services import subscriptions as subs
    from tests.core.formats.samples import RSS
    from tests.ui.conftest import settle, settle_window

    # The wire's report article, with an id of its own so that a changed entry updates it.
    feed = RSS.replace(
        "<title>General Staff:", "<guid isPermaLink='false'>gs-1</guid><title>General Staff:"
    )
    day = dt.date(2023, 11, 25)

    def update(text: str) -> None:
        httpserver.clear()
        httpserver.expect_request("/wire").respond_with_data(text.encode(), content_type="text/xml")
        window.update_sources_action.trigger()
        updater = window._sources_dock.updater
        qtbot.waitUntil(lambda: not updater.running, timeout=90000)  # helper processes start
        settle_window(qtbot, window)

    subs.subscribe(httpserver.url_for("/wire"), name="Wire", check=False)
    window.ensure_built()
    update(feed)
    window.tabs.setCurrentIndex(1)
    view = window.ensure_losses_view()
    settle(qtbot, window.runner)
    cell = view.model.index(view.model.row_of(day), view.model.article_column)
    assert cell.data() == "“General Staff: Russia has lost 323,760 troops in Ukraine”"

    update(feed.replace("troops in Ukraine</title>", "troops in Ukraine (updated)</title>"))
    cell = view.model.index(view.model.row_of(day), view.model.article_column)
    assert cell.data() == "“General Staff: Russia has lost 323,760 troops in Ukraine (updated)”"
