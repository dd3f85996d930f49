"""The three-way merge behind the conflict dialog: theirs where I did not change a field,
mine where I did, a choice where both did."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.core.report import Figure, LossReport
from desktop_app.services.conflicts import (
    MINE,
    THEIRS,
    merge_item,
    merge_report,
    merged_item,
    merged_report,
)

DAY = dt.date(2024, 5, 12)
AT = dt.datetime(2024, 5, 12, 9, 30, 15, 123456, tzinfo=dt.UTC)


def report(note: str | None = None, **figures: Figure) -> LossReport:
    return LossReport(DAY, figures, None, note)


def test_a_report_merges_figure_by_figure() -> None:
    base = report(tanks=Figure(100, 1), aircraft=Figure(300, 0), artillery=Figure(50, 0))
    mine = report(tanks=Figure(101, 2), aircraft=Figure(301, 1), artillery=Figure(50, 0))
    theirs = report("checked", tanks=Figure(102, 3), aircraft=Figure(300, 0))  # apv removed
    merge = merge_report(base, mine, theirs)
    assert [f.key for f in merge.conflicts] == ["tanks"]
    assert {f.key for f in merge.differences} == {"tanks", "aircraft", "artillery", "note"}
    assert merged_report(DAY, merge) == report(
        "checked", tanks=Figure(101, 2), aircraft=Figure(301, 1)
    )  # a conflict keeps mine unless told; their removal of artillery stands
    chosen = merged_report(DAY, merge.resolve({"tanks": THEIRS}))
    assert chosen.figures["tanks"] == Figure(102, 3)
    assert merged_report(DAY, merge.resolve({"tanks": MINE})).figures["tanks"] == Figure(101, 2)


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base = report(tanks=Figure(100, 1))
    both = report(tanks=Figure(105, 6))
    merge = merge_report(base, both, both)
    assert merge.conflicts == [] and merge.differences == []


def test_an_item_merges_field_by_field_and_keeps_what_the_dialog_does_not_show() -> None:
    base = ItemData(ARTICLE, "Drones", AT, body="First.", tags=("air",), body_html="<p>First.</p>")
    # The dialog edits to the minute/second: its time is the same moment, not a change.
    mine = ItemData(ARTICLE, "Drones", AT.replace(microsecond=0), body="Second.", tags=("air",))
    theirs = ItemData(
        ARTICLE, "Drones at night", AT, body="First.", tags=("air", "kharkiv"),
        body_html="<p>First.</p>", date_estimated=True,
    )  # fmt: skip
    merge = merge_item(base, mine, theirs)
    assert merge.conflicts == []
    result = merged_item(theirs, merge)
    assert result.title == "Drones at night" and result.tags == ("air", "kharkiv")  # theirs
    assert result.body == "Second." and result.body_html == ""  # mine, typed as plain text
    assert result.date_estimated is True  # not in the dialog: theirs as stored
    both = ItemData(ARTICLE, "Drones (Anna)", AT, body="First.", tags=("air",))
    conflict = merge_item(base, both, theirs)
    assert [f.key for f in conflict.conflicts] == ["title"]
    assert merged_item(theirs, conflict.resolve({"title": THEIRS})).title == "Drones at night"


def test_a_time_typed_in_the_dialog_is_stated_after_a_merge() -> None:
    base = ItemData(ARTICLE, "Drones", AT, body="First.", date_estimated=True)
    typed = AT + dt.timedelta(hours=2)
    mine = ItemData(ARTICLE, "Drones", typed, body="First.")
    theirs = ItemData(ARTICLE, "Drones at night", AT, body="First.", date_estimated=True)
    result = merged_item(theirs, merge_item(base, mine, theirs))
    assert result.title == "Drones at night" and result.published_at == typed
    assert result.date_estimated is False  # before: still "estimated" at the time typed
    kept = merged_item(theirs, merge_item(base, base, theirs))
    assert kept.date_estimated is True  # the time left alone stays estimated
