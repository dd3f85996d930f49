"""Undoing an import on a real archive: what the import changed goes back, nothing else moves."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.formats.load import ReadResult
from desktop_app.core.formats.oryx import OryxRow
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.storage import import_undo
from desktop_app.storage.db.models import (
    Item,
    ItemTag,
    OryxLoss,
    Report,
    ReportWarning,
    database_proxy,
)
from desktop_app.storage.import_undo import changes_since, mark, redo_import, undo_import
from desktop_app.storage.importing import import_result
from desktop_app.storage.items import save_item
from desktop_app.storage.oryx import replace_oryx, stored_oryx
from desktop_app.storage.report_history import snapshot_all_reports
from desktop_app.storage.reports import link_article, save_report
from desktop_app.storage.search import search_item_ids

D = [dt.date(2024, 3, 1) + dt.timedelta(days=n) for n in range(6)]
AT = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)


def state() -> dict[str, Any]:
    """Everything an import can change, without row ids and timestamps that legitimately move."""
    # Plain rows in one query each (hypothesis runs this a thousand times).
    warning_rows = ReportWarning.select(
        Report.date, ReportWarning.category, ReportWarning.kind, ReportWarning.message
    ).join(Report)
    warnings = sorted(((str(d), c, k, m) for d, c, k, m in warning_rows.tuples()), key=repr)
    item_rows = Item.select(
        Item.id,
        Item.kind,
        Item.title,
        Item.source_url,
        Item.body,
        Item.published_at,
        Item.is_read,
        Item.created_at,
    )
    items = sorted(item_rows.tuples())
    tags = sorted(ItemTag.select(ItemTag.item, ItemTag.tag).tuples())
    return {
        "reports": snapshot_all_reports(),
        "warnings": warnings,
        "items": items,
        "tags": tags,
        "oryx": stored_oryx(),
    }


def imported(result: ReadResult, **kw: Any) -> Any:
    with database_proxy.atomic():
        before = mark()
        summary = import_result(result, **kw)
        return summary, changes_since(before)


def test_undo_puts_back_reports_items_links_notes_and_oryx(archive_db: Any) -> None:
    save_report(LossReport(D[0], {"tanks": Figure(100, 2)}), source="manual")
    save_report(
        LossReport(
            D[1], {"tanks": Figure(104, None), "personnel": Figure(900, 5)}, note="first note"
        ),
        source="petroivaniuk-json",
    )
    kept = save_item(ItemData(ARTICLE, "Existing article about Avdiivka", AT, body="Old text."))
    link_article(D[1], kept)
    replace_oryx([OryxRow("tanks", "Tanks", "T-72B", "USSR", 500)])
    before = state()

    result = ReadResult(
        "petroivaniuk-json",
        reports=[
            LossReport(D[1], {"tanks": Figure(105, 1)}),  # changes a stored day
            LossReport(D[2], {"tanks": Figure(103, None)}),
        ],  # adds one (a decrease)
        items=[
            ItemData(BRIEF, "Pokrovsk shelled overnight", AT, body="Glide bombs."),
            ItemData(ARTICLE, "Kharkiv rebuilds a school", AT, tags=("rebuilding",)),
        ],
        links=[(0, D[2])],
        notes={D[1]: "a correction"},
        oryx=[OryxRow("tanks", "Tanks", "T-80BV", "USSR", 300)],
    )
    summary, undo = imported(result)
    assert summary.items.added == 2 and undo is not None
    assert set(undo.reports) == {D[1], D[2]} and undo.reports[D[2]] is None
    assert undo.item_count == 2 and undo.oryx == before["oryx"]
    assert undo.describe() == "2 reports, 2 articles and briefs, Oryx figures"
    assert state() != before and search_item_ids("pokrovsk")

    after = state()
    redo = undo_import(undo)

    assert state() == before
    assert search_item_ids("pokrovsk") == [] and search_item_ids("rebuilds") == []
    assert search_item_ids("avdiivka") == [kept]
    assert Report.get(Report.date == D[0]).source == "manual"

    redo_import(redo)
    assert state() == after
    assert len(search_item_ids("pokrovsk")) == 1  # found again: the full-text index followed


def test_an_undone_import_changes_a_report_it_changed_in_place(archive_db: Any) -> None:
    # Undo is written as an edit: the row (its id) stays, its version moves on, and the
    # figures' history names only the figure the undo put back.
    from tests.user_data import history_rows, versions

    def version() -> int:  # by date, as SQLite (text) and PostgreSQL (a date) return it
        return {str(d): v for d, v in versions()["report"].items()}[D[1].isoformat()]

    def history_since(written: int) -> list[tuple[Any, ...]]:
        return [(str(row[0]), *row[1:]) for row in history_rows()[written:]]

    save_report(
        LossReport(D[1], {"tanks": Figure(104, None), "personnel": Figure(900, 5)}),
        source="petroivaniuk-json",
    )
    row_id = Report.get(Report.date == D[1]).id
    result = ReadResult("petroivaniuk-json", reports=[LossReport(D[1], {"tanks": Figure(105, 1)})])
    _summary, undo = imported(result)
    assert undo is not None
    changed = version()
    written = len(history_rows())

    redo = undo_import(undo)
    assert Report.get(Report.date == D[1]).id == row_id
    assert version() > changed
    assert history_since(written) == [(D[1].isoformat(), "tanks", 105, 1, 104, None)]
    redo_import(redo)
    assert Report.get(Report.date == D[1]).id == row_id


def test_an_import_that_changes_nothing_leaves_nothing_to_undo(archive_db: Any) -> None:
    result = ReadResult(
        "russianwarship-json", reports=[LossReport(D[0], {"tanks": Figure(100, None)})]
    )
    imported(result)
    _summary, undo = imported(result)
    assert undo is None


def test_items_added_after_the_import_survive_its_undo(archive_db: Any) -> None:
    _summary, undo = imported(ReadResult("rss", items=[ItemData(BRIEF, "Sumy border shelled", AT)]))
    assert undo is not None
    later = save_item(ItemData(BRIEF, "Written after the import", AT))
    undo_import(undo)
    assert [i.id for i in Item.select()] == [later]


def _many_briefs(count: int, body: str = "") -> list[ItemData]:
    return [
        ItemData(BRIEF, f"Brief {n} from Vovchansk", AT, body=body, tags=(f"tag{n % 3}",))
        for n in range(count)
    ]


class StopHereError(Exception):
    pass


def test_undo_and_redo_go_in_parts_and_say_how_far_they_are(
    archive_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An import of a million items takes minutes to take back: the window shows how far it
    # is, part by part, and the round trip is exact across the parts' edges.
    monkeypatch.setattr(import_undo, "UNDO_STEP", 3)
    before = state()
    _summary, undo = imported(ReadResult("rss", items=_many_briefs(7)))
    assert undo is not None
    after = state()
    said: list[tuple[int, int]] = []
    redo = undo_import(undo, lambda done, total: said.append((done, total)))
    assert said == [(0, 7), (3, 7), (6, 7), (7, 7)]
    assert state() == before and search_item_ids("vovchansk") == []
    said.clear()
    redo_import(redo, lambda done, total: said.append((done, total)))
    assert said == [(0, 7), (3, 7), (6, 7), (7, 7)]
    assert state() == after and len(search_item_ids("vovchansk")) == 7


@pytest.mark.parametrize("stop_at", [0, 3, 7])
def test_an_undo_or_redo_stopped_part_way_changes_nothing(
    archive_db: Any, monkeypatch: pytest.MonkeyPatch, stop_at: int
) -> None:
    # Cancel (the progress raises) at the first part, between parts, or after the last:
    # the transaction is rolled back whole, and the same step can be taken again later.
    monkeypatch.setattr(import_undo, "UNDO_STEP", 3)
    before = state()
    _summary, undo = imported(ReadResult("rss", items=_many_briefs(7)))
    assert undo is not None
    after = state()

    def stop(done: int, _total: int) -> None:
        if done == stop_at:
            raise StopHereError

    with pytest.raises(StopHereError):
        undo_import(undo, stop)
    assert state() == after
    redo = undo_import(undo)
    assert state() == before
    with pytest.raises(StopHereError):
        redo_import(redo, stop)
    assert state() == before
    redo_import(redo)
    assert state() == after


@pytest.mark.sqlite_only  # the same code on a server, where the driver's work takes 11 s here
def test_the_undone_items_wait_for_a_redo_outside_memory(
    archive_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Undoing an import of a million items held every row in memory (about 2 GB) for as long
    # as the step stayed on the undo stack. Here 120 items of 30 KB (3.6 MB of text): the
    # undo and the redo hold a part of them at a time, and the step none.
    monkeypatch.setattr(import_undo, "UNDO_STEP", 5)
    _summary, undo = imported(ReadResult("rss", items=_many_briefs(120, "Shelling. " * 3000)))
    assert undo is not None
    tracemalloc.start()
    try:
        redo = undo_import(undo)
        held = tracemalloc.get_traced_memory()[0]
        _now, undo_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        redo_import(redo)
        _now, redo_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    whole = 120 * 30_000
    assert held < whole / 20, held
    assert undo_peak < whole / 4 and redo_peak < whole / 4, (undo_peak, redo_peak)
    assert len(search_item_ids("vovchansk")) == 120


totals = st.integers(min_value=0, max_value=50)
figures = st.dictionaries(
    st.sampled_from(["tanks", "personnel", "drones"]),
    st.tuples(totals, st.one_of(st.none(), st.integers(-3, 9))),
    min_size=1,
    max_size=3,
)
day_reports = st.dictionaries(st.sampled_from(D), figures, max_size=5)


def to_reports(days: dict[dt.date, dict[str, tuple[int, int | None]]]) -> list[LossReport]:
    return [LossReport(d, {k: Figure(t, c) for k, (t, c) in f.items()}) for d, f in days.items()]


# Each example is a few real transactions (~12 ms); 400 cover six days × three categories well
# and keep `make test` within budget (the ci profile's 2,000 would add 20 s).
@settings(
    max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    stored=day_reports,
    manual=st.sets(st.sampled_from(D)),
    incoming=day_reports,
    notes=st.dictionaries(st.sampled_from(D), st.sampled_from(["fix A", "fix B"]), max_size=2),
    titles=st.lists(st.sampled_from(["Kyiv", "Odesa", "Dnipro"]), max_size=3),
    overwrite=st.booleans(),
)
def test_any_import_undone_and_redone_goes_exactly_back_and_forth(
    archive_db: Any,
    stored: dict,
    manual: set,
    incoming: dict,
    notes: dict,
    titles: list[str],
    overwrite: bool,
) -> None:
    with database_proxy.atomic():
        Report.delete().execute()
        Item.delete().execute()
        OryxLoss.delete().execute()
    for report in to_reports(stored):
        save_report(report, source="manual" if report.date in manual else "petroivaniuk-json")
    save_item(ItemData(ARTICLE, "Kyiv", AT))
    before = state()
    result = ReadResult(
        "petroivaniuk-json",
        reports=to_reports(incoming),
        items=[ItemData(BRIEF, t, AT) for t in titles],
        links=[(0, d) for d in list(incoming)[:1]] if titles else [],
        notes=notes,
    )
    _summary, undo = imported(result, overwrite_manual=overwrite)
    if undo is None:
        assert state() == before
        return
    after = state()
    redo = undo_import(undo)
    assert state() == before
    redo_import(redo)
    assert state() == after
    undo_import(undo)
    assert state() == before
