"""Values another program stored in a form this program never writes (a kind of its own, a
figure as text, a category we do not know, 30 February): reading the record says which
record, field and value, and the archive's check lists them all; nothing is passed on as if
it were ours."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport, day_of_war
from desktop_app.core.search_query import parse_query
from desktop_app.storage.db.errors import StoredValueError
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.item_export import reading
from desktop_app.storage.items import get_item, save_item
from desktop_app.storage.maintenance import check_archive
from desktop_app.storage.report_columns import figure_columns
from desktop_app.storage.reports import (
    import_reports,
    load_all_reports,
    load_report,
    previous_report,
)
from desktop_app.storage.search import (
    SearchRequest,
    first_rows,
    search_days,
    search_ids,
    search_item_ids,
)
from desktop_app.storage.sources import (
    SourceSettings,
    add_source,
    find_source,
    get_source,
    list_sources,
    newest_report_date,
    remove_source,
)
from desktop_app.storage.stored_values import check_figure_rows, foreign_values

WHEN = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 1)


def _reports() -> None:
    import_reports(
        [
            LossReport(DAY, {"personnel": Figure(1_250_000, 1_100), "tanks": Figure(11_500, 4)}),
            LossReport(DAY + dt.timedelta(days=1), {"personnel": Figure(1_251_000, 1_000)}),
        ],
        source="test",
    )


def _write(sql: str) -> None:
    database_proxy.execute_sql(sql)


def test_a_sound_archive_has_no_foreign_values(archive_db: object) -> None:
    _reports()
    save_item(ItemData(ARTICLE, "Grain corridor reopens", WHEN))
    save_item(ItemData(BRIEF, "Air raid alert in Kharkiv.", WHEN))
    assert foreign_values() == []
    assert [r.date for r in load_all_reports()] == [DAY, DAY + dt.timedelta(days=1)]


def test_a_kind_of_another_program_is_named_where_the_item_is_read(archive_db: object) -> None:
    sound = save_item(ItemData(BRIEF, "Power restored in Odesa.", WHEN))
    damaged = save_item(ItemData(BRIEF, "Bridge repaired near Sumy.", WHEN))
    _write(f"UPDATE item SET kind = 'video' WHERE id = {damaged}")
    message = f"Item {damaged}: kind 'video' is neither 'article' nor 'brief'"
    with pytest.raises(StoredValueError, match="^" + message):
        get_item(damaged)  # the reader and the editor: never opened as a brief
    with pytest.raises(StoredValueError, match="^" + message), reading() as export:
        list(export.batches)  # an export stops, naming it, rather than write it on
    stored = get_item(sound)
    assert stored is not None and stored.data.kind == BRIEF
    assert foreign_values() == [f"item row {damaged}: {message[len(f'Item {damaged}: ') :]}"]


def test_a_category_of_another_program_is_named_with_its_report(archive_db: object) -> None:
    _reports()
    _write("UPDATE report_figure SET category = 'trains' WHERE category = 'tanks'")
    with pytest.raises(StoredValueError, match=r"^Report 2026-11-01: category 'trains' is not"):
        load_all_reports()
    with pytest.raises(StoredValueError, match=r"^Report 2026-11-01: unknown loss categories"):
        load_report(DAY)
    assert foreign_values() == [
        "Report 2026-11-01: category 'trains' is not one of the loss categories this program knows"
    ]


@pytest.mark.sqlite_only  # a server's columns are typed: it holds no text where a number goes
def test_a_figure_that_is_no_whole_number_is_named_everywhere_it_is_read(
    archive_db: object,
) -> None:
    _reports()
    _write("UPDATE report_figure SET total = 'many' WHERE category = 'tanks'")
    told = r"^Report 2026-11-01, tanks: total 'many' is not a whole number$"
    with pytest.raises(StoredValueError, match=told):
        load_all_reports()  # the export, the checks, an import's undo mark
    with pytest.raises(StoredValueError, match=told):
        figure_columns()  # the Losses tab and its charts
    with pytest.raises(StoredValueError, match=told):
        load_report(DAY)
    with pytest.raises(StoredValueError, match=told):
        previous_report(DAY + dt.timedelta(days=1))
    _write("UPDATE report_figure SET total = 11500, change = 2.5 WHERE category = 'tanks'")
    with pytest.raises(StoredValueError, match=r"tanks: change 2\.5 is not a whole number"):
        load_all_reports()
    assert foreign_values() == ["Report 2026-11-01, tanks: change 2.5 is not a whole number"]
    _write("UPDATE report_figure SET change = NULL WHERE category = 'tanks'")
    assert load_all_reports()[0].figures["tanks"] == Figure(11_500, None)


@pytest.mark.sqlite_only
def test_a_date_that_is_no_day_and_marks_that_are_no_marks_are_listed(
    archive_db: object,
) -> None:
    _reports()
    item = save_item(ItemData(ARTICLE, "Grain corridor reopens", WHEN))
    _write("UPDATE report SET date = '2026-02-30' WHERE date = '2026-11-02'")
    _write(f"UPDATE item SET is_read = 'yes', starred = 2 WHERE id = {item}")
    with pytest.raises(StoredValueError, match=r"date '2026-02-30' is not a day"):
        load_all_reports()
    with pytest.raises(StoredValueError, match=r"date '2026-02-30' is not a day"):
        figure_columns()
    assert foreign_values() == [
        f"item row {item}: is_read 'yes' is neither 0 nor 1",
        f"item row {item}: starred 2 is neither 0 nor 1",
        "report row 2: date '2026-02-30' is not a day as the archive stores them (2023-11-25)",
    ]
    assert newest_report_date() == DAY
    _write("UPDATE report SET date = 'zzz' WHERE date = '2026-02-30'")
    with pytest.raises(StoredValueError, match=r"^report.date: 'zzz' is not a day"):
        newest_report_date()  # the losses API's update: text sorts after every date
    health = check_archive()  # File ▸ Check archive file and `maintain` list them
    assert f"item row {item}: is_read 'yes' is neither 0 nor 1" in health.problems


def test_a_sources_settings_of_another_program_are_named_not_fetched_as_something_else(
    archive_db: object,
) -> None:
    add_source(SourceSettings("Kyiv feed", "https://example.org/feed.xml", every_minutes=30))
    add_source(SourceSettings("Odesa feed", "https://example.org/odesa.xml"))
    _write("UPDATE source SET as_kind = 'video' WHERE name = 'Kyiv feed'")
    # The panel, `subscriptions` and every update read them: the others stay usable.
    kyiv, odesa = list_sources()
    told = "source.as_kind: 'video' is not one of None, article, brief"
    assert (kyiv.problem, kyiv.last_error, kyiv.foreign) == (told, told, ("as_kind",))
    assert kyiv.settings.every_minutes == 30 and kyiv.settings.as_kind is None  # the rest read
    assert find_source("kyiv feed") == kyiv and get_source(kyiv.id) == kyiv
    assert not odesa.problem
    assert foreign_values() == ["source row 1 (“Kyiv feed”): kind 'feed', as_kind 'video'"]
    assert remove_source("Kyiv feed")  # `unsubscribe` still takes it away


@pytest.mark.sqlite_only
def test_a_sources_interval_that_is_no_number_is_named(archive_db: object) -> None:
    add_source(SourceSettings("Kyiv feed", "https://example.org/feed.xml"))
    _write("UPDATE source SET every_minutes = 'hourly'")
    (listed,) = list_sources()
    assert listed.problem == "source.every_minutes: 'hourly' is not a whole number"
    assert listed.foreign == ("every_minutes",)
    assert foreign_values() == [
        "source row 1 (“Kyiv feed”): every_minutes 'hourly', failures 0: each should be a whole"
        " number"
    ]


@pytest.mark.sqlite_only  # a server's times are typed
def test_a_list_with_foreign_times_is_read_and_its_days_follow_its_order(
    archive_db: object,
) -> None:
    ids = [
        save_item(ItemData(BRIEF, f"Brief {n}", WHEN + dt.timedelta(hours=9 * n))) for n in range(6)
    ]
    _write("DROP TRIGGER item_time_bu")  # as written before schema 14 refused them
    _write(f"UPDATE item SET published_at = 'zzz' WHERE id = {ids[2]}")
    _write(f"UPDATE item SET published_at = '' WHERE id = {ids[4]}")
    request = SearchRequest("")
    listed = search_ids(request)
    rows = {row.id: row for row in first_rows(request, parse_query(""), 100)}
    # Listed, never dropped nor dated: the time as stored, quoted.
    assert rows[ids[2]].stored_time == "zzz" and rows[ids[2]].local_time("%H:%M") == "'zzz'?"
    assert rows[ids[0]].stored_time is None
    # The timeline's headings, laid over the list's order, give each item its own day.
    days = search_days(request)
    heads = [day for day, count in days for _ in range(count)]
    assert len(heads) == len(listed)
    for item_id, day in zip(listed, heads, strict=True):
        row = rows[item_id]
        local = f"{row.published_at.astimezone():%Y-%m-%d}"
        assert day == (row.stored_time if row.stored_time is not None else local)


@pytest.mark.sqlite_only
def test_the_losses_columns_take_the_day_from_the_date_and_leave_figures_of_no_report(
    archive_db: object,
) -> None:
    _reports()
    _write("UPDATE report SET day = 'zzz'")  # another program's day of the war
    _write("PRAGMA foreign_keys = OFF")  # as another program's connection may have it
    _write(
        "INSERT INTO report_figure (report_id, category, total, change) VALUES ('x', 'ships', 3, 0)"
    )
    _write("PRAGMA foreign_keys = ON")
    columns = figure_columns()  # the Losses tab's read: it stopped on either
    assert columns.dates == [DAY, DAY + dt.timedelta(days=1)]
    assert columns.days == [day_of_war(DAY), day_of_war(DAY) + 1]
    assert "ships" not in columns.totals  # a figure of no report is not shown as one
    assert columns.rows("personnel")[1][3] == 1_000  # the change derived across the two days


@pytest.mark.sqlite_only  # a server's times are typed
def test_another_program_cannot_give_an_item_a_time_the_search_index_cannot_key(
    archive_db: object,
) -> None:
    kept = save_item(ItemData(BRIEF, "Warehouse fire put out in Kyiv Oblast.", WHEN))
    other = save_item(ItemData(BRIEF, "Guided bombs hit Kharkiv outskirts.", WHEN))
    path = database_proxy.database
    with sqlite3.connect(path) as con:  # another program, with no code of ours
        for value in ("zzz", ""):
            with pytest.raises(sqlite3.IntegrityError, match="published_at: not a time"):
                con.execute("UPDATE item SET published_at = ? WHERE id = ?", (value, kept))
        with pytest.raises(sqlite3.IntegrityError, match="published_at: not a time"):
            con.execute(
                "INSERT INTO item (kind, title, published_at, created_at, updated_at)"
                " VALUES ('brief', 'Undated', 'soon', '', '')"
            )
        # A time SQLite reads (if not in our form) still keys the index: named by the check.
        con.execute("UPDATE item SET published_at = '2026-11-01 09:00' WHERE id = ?", (kept,))
    con.close()
    # Before schema 14 the first write left the index answering with the other item.
    assert search_item_ids("warehouse") == [kept]
    assert search_item_ids("kharkiv") == [other]
    assert check_archive().problems == [
        f"item row {kept}: published_at '2026-11-01 09:00' is not a time as the archive"
        " stores them (2023-11-25T09:03:00Z)"
    ]


def test_a_foreign_figure_of_a_foreign_report_reference_is_named_too(archive_db: object) -> None:
    with pytest.raises(StoredValueError, match=r"^report row 'x', tanks: total 'many' is not"):
        check_figure_rows([("x", "tanks", "many", None)])
