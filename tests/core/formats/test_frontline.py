"""The program's own JSON and CSV read back: provenance, format versions, limits, duplicates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.exports import (
    items_to_csv,
    items_to_json,
    reports_to_csv,
    reports_to_json,
)
from desktop_app.core.formats.frontline import read_frontline
from desktop_app.core.formats.frontline_csv import read_frontline_csv
from desktop_app.core.formats.load import read_import_file
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.provenance import EXPORT_VERSION, ArticleRef, Provenance
from desktop_app.core.report import Figure, LossReport

DAY = dt.date(2023, 11, 25)
KYIV = dt.timezone(dt.timedelta(hours=2))
REPORT = LossReport(DAY, {"tanks": Figure(5503, 7)}, None, "typed from the evening post")
LINKED = ArticleRef("https://example.org/losses-nov-25")
UNLINKED = ArticleRef(None, BRIEF, "Losses update.", dt.datetime(2023, 11, 25, 9, 5, tzinfo=KYIV))
PROV = {DAY: Provenance("manual", (LINKED, UNLINKED))}


def _doc(**extra: object) -> str:
    return json.dumps({"frontline_archive": 1, **extra})


def test_json_export_carries_source_and_articles_and_reads_them_back() -> None:
    text = reports_to_json([REPORT], PROV)
    entry = json.loads(text)["reports"][0]
    assert entry["source"] == "manual"
    assert entry["articles"] == [
        {"source_url": "https://example.org/losses-nov-25"},
        {"kind": "brief", "title": "Losses update.", "published_at": "2023-11-25T09:05:00+02:00"},
    ]
    content = read_frontline(text)
    assert content.reports == [REPORT]
    assert content.sources == {DAY: "manual"}
    assert content.article_links == [(LINKED, DAY), (UNLINKED, DAY)]


def test_csv_export_carries_source_and_articles_and_reads_them_back() -> None:
    text = reports_to_csv([REPORT], PROV)
    assert text.splitlines()[0] == "date,day,qualifier,note,tanks,tanks_change,source,articles"
    content = read_frontline_csv(text)
    assert content.reports == [REPORT]
    assert content.sources == {DAY: "manual"}
    assert content.article_links == [(LINKED, DAY), (UNLINKED, DAY)]


def test_items_name_the_reports_they_are_linked_to_in_json_and_csv() -> None:
    items = [
        ItemData(ARTICLE, "Losses, day 640", dt.datetime(2023, 11, 25, 10, tzinfo=dt.UTC)),
        ItemData(BRIEF, "Unlinked.", dt.datetime(2023, 11, 26, 10, tzinfo=dt.UTC)),
    ]
    links = [(DAY, DAY + dt.timedelta(days=1)), ()]
    for content in (
        read_frontline(items_to_json(items, links)),
        read_frontline_csv(items_to_csv(items, links)),
    ):
        assert content.items == items
        assert content.item_links == [(0, DAY), (0, DAY + dt.timedelta(days=1))]


def test_version_1_files_without_provenance_still_read() -> None:
    text = _doc(
        reports=[{"date": "2023-11-25", "figures": {"tanks": {"total": 5502, "change": 6}}}]
    )
    result = read_import_file("old.json", text.encode())
    assert result.format == "frontline-json"
    assert result.reports[0].figures["tanks"] == Figure(5502, 6)
    assert result.report_sources == {} and result.article_links == []
    old_csv = "date,day,qualifier,note,tanks,tanks_change\n2023-11-25,640,,,5502,6\n"
    result = read_import_file("old.csv", old_csv.encode())
    assert result.reports[0].figures["tanks"] == Figure(5502, 6)
    assert result.report_sources == {}


def test_a_newer_format_version_is_refused_by_name() -> None:
    text = json.dumps({"frontline_archive": 99, "reports": []})
    with pytest.raises(ImportFormatError) as err:
        read_import_file("future.json", text.encode())
    message = str(err.value)
    assert message.startswith("future.json, field 'frontline_archive':")
    assert "format version 99 is newer" in message and f"up to {EXPORT_VERSION}" in message
    assert "\n" not in message


@pytest.mark.parametrize("version", ["2", 0, -1, 1.5, True, None])
def test_a_version_that_is_not_a_positive_whole_number_is_refused(version: object) -> None:
    text = json.dumps({"frontline_archive": version})
    with pytest.raises(ImportFormatError, match="field 'frontline_archive'"):
        read_frontline(text, source="odd.json")


@pytest.mark.parametrize(
    ("field", "size", "limit"),
    [("title", 100_000, "2,000"), ("body", 5_000_001, "5,000,000"), ("lead", 20_001, "20,000")],
)
def test_item_fields_beyond_the_limits_are_refused(field: str, size: int, limit: str) -> None:
    item = {"kind": "article", "title": "T", "published_at": "2023-11-25T09:00:00+00:00"}
    item[field] = "x" * size
    text = _doc(
        items=[{"kind": "brief", "title": "ok", "published_at": "2023-11-25T08:00:00Z"}, item]
    )
    with pytest.raises(ImportFormatError) as err:
        read_import_file("big.json", text.encode())
    assert str(err.value) == (
        f"big.json, record #2, field '{field}': {size:,} characters; at most {limit} are accepted"
    )


def test_a_50_mb_note_is_refused_in_json_and_csv() -> None:
    note = "n" * 50_000_000
    text = _doc(reports=[{"date": "2023-11-25", "note": note, "figures": {}}])
    with pytest.raises(ImportFormatError, match=r"record #1 \(2023-11-25\), field 'note'"):
        read_import_file("note.json", text.encode())
    csv_text = f"date,day,qualifier,note,tanks,tanks_change\n2023-11-25,640,,{note},5502,\n"
    with pytest.raises(ImportFormatError) as err:
        read_import_file("note.csv", csv_text.encode())
    assert str(err.value).startswith(
        "note.csv, record line 2 (2023-11-25), field 'note': 50,000,000"
    )


@pytest.mark.parametrize("total", [2**63, 2**64 + 5, 10**9 + 1, -(2**70)])
def test_figures_beyond_a_billion_are_refused_not_a_traceback(total: int) -> None:
    text = _doc(
        reports=[{"date": "2023-11-25", "figures": {"tanks": {"total": 5, "change": total}}}]
    )
    with pytest.raises(ImportFormatError, match=r"field 'tanks.change': .* beyond 1,000,000,000"):
        read_import_file("huge.json", text.encode())
    csv_text = f"date,day,qualifier,note,tanks,tanks_change\n2023-11-25,640,,,{abs(total)},\n"
    with pytest.raises(ImportFormatError, match=r"line 2 \(2023-11-25\), field 'tanks'"):
        read_import_file("huge.csv", csv_text.encode())


def test_one_date_twice_with_different_figures_is_refused_in_json() -> None:
    rows = [
        {"date": "2023-11-24", "figures": {"tanks": {"total": 5496, "change": None}}},
        {"date": "2023-11-25", "figures": {"tanks": {"total": 5502, "change": None}}},
        {"date": "2023-11-25", "figures": {"tanks": {"total": 5503, "change": None}}},
    ]
    with pytest.raises(ImportFormatError) as err:
        read_import_file("twice.json", _doc(reports=rows).encode())
    assert str(err.value) == (
        "twice.json, record #3 (2023-11-25), field 'tanks': the same date as record"
        " #2 (2023-11-25), with a different figure; keep one"
    )


def test_one_date_twice_with_different_figures_is_refused_in_csv() -> None:
    text = (
        "date,day,qualifier,note,tanks,tanks_change\n"
        "2023-11-25,640,,,5502,\n"
        "2023-11-25,640,,other note,5502,\n"
    )
    with pytest.raises(ImportFormatError) as err:
        read_import_file("twice.csv", text.encode())
    assert str(err.value).startswith("twice.csv, record line 3 (2023-11-25), field 'note':")


def test_an_exact_repeat_of_a_date_is_harmless() -> None:
    row = {"date": "2023-11-25", "figures": {"tanks": {"total": 5502, "change": None}}}
    result = read_import_file("repeat.json", _doc(reports=[row, row]).encode())
    assert len(result.reports) == 2


@pytest.mark.parametrize(
    "articles",
    [
        "not a list",
        [{"title": "no time"}],
        [{"kind": "brief", "title": "naive", "published_at": "2023-11-25T09:00:00"}],
        [5],
    ],
)
def test_unreadable_article_references_name_the_record_and_field(articles: object) -> None:
    row = {"date": "2023-11-25", "figures": {}, "articles": articles}
    with pytest.raises(ImportFormatError, match=r"record #1 \(2023-11-25\), field 'articles"):
        read_frontline(_doc(reports=[row]), source="refs.json")


def test_too_many_or_too_long_tags_are_refused() -> None:
    item = {"kind": "brief", "title": "T", "published_at": "2023-11-25T09:00:00Z"}
    with pytest.raises(ImportFormatError, match="field 'tags': 101 tags"):
        read_frontline(_doc(items=[{**item, "tags": [f"t{i}" for i in range(101)]}]))
    with pytest.raises(ImportFormatError, match="field 'tags': a tag of 201 characters"):
        read_frontline(_doc(items=[{**item, "tags": ["x" * 201]}]))


@pytest.mark.parametrize("value", ["yes", 1, 0, [True]])
def test_a_json_mark_that_is_not_true_or_false_is_refused_by_record_and_field(
    value: object,
) -> None:
    marked = {"kind": "brief", "title": "Shelter open.", "published_at": "2024-05-14T08:00:00Z"}
    text = _doc(items=[{**marked, "starred": True}, {**marked, "read": value}])
    with pytest.raises(ImportFormatError) as err:
        read_import_file("marks.json", text.encode())
    assert str(err.value).startswith("marks.json, record #2, field 'read': expected true or false")


def test_a_csv_mark_other_than_yes_or_nothing_is_refused_by_line_and_column() -> None:
    text = (
        "kind,published_at,title,starred,read\n"
        "brief,2024-05-14T08:00:00Z,Shelter open.,yes,\n"
        "brief,2024-05-14T08:05:00Z,Shelter closed.,perhaps,\n"
    )
    with pytest.raises(ImportFormatError) as err:
        read_import_file("marks.csv", text.encode())
    assert str(err.value) == (
        "marks.csv, record line 3, field 'starred': expected yes or nothing, got 'perhaps'"
    )


def test_marks_read_back_from_json_and_csv_as_the_export_wrote_them() -> None:
    at = dt.datetime(2024, 5, 14, 8, tzinfo=dt.UTC)
    items = [
        ItemData(BRIEF, "Starred and read.", at, starred=True, read=True),
        ItemData(BRIEF, "Starred only.", at, starred=True),
        ItemData(BRIEF, "Read only.", at, read=True),
        ItemData(BRIEF, "Neither.", at),
    ]
    assert read_frontline(items_to_json(items)).items == items
    assert read_frontline_csv(items_to_csv(items)).items == items
    # Spreadsheets may write the cells their own way.
    spelled = "kind,published_at,title,starred,read\nbrief,2024-05-14T08:00:00Z,T,TRUE,No\n"
    [item] = read_frontline_csv(spelled).items
    assert (item.starred, item.read) == (True, False)
