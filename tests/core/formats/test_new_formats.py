"""The readers added for issue 6: posts, feeds, pages, corrections, Oryx and our CSV export."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.exports import items_to_csv, reports_to_csv
from desktop_app.core.formats.load import read_import_file
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.report import Figure, LossReport
from tests.conftest import shared_file
from tests.core.formats.samples import ATOM, EN_POST_0810, HTML_PAGE, RSS, UA_POST_0808


def test_a_text_file_with_many_posts_gives_one_report_each() -> None:
    text = "Saved from the channel\n\n" + EN_POST_0810 + "\n" + UA_POST_0808
    result = read_import_file("posts.txt", text.encode())
    assert result.format == "report-text"
    assert [r.date for r in result.reports] == [dt.date(2022, 8, 10), dt.date(2026, 8, 8)]
    assert result.reports[1].figures["tanks"] == Figure(12251, 4)


def test_an_undated_post_is_dated_by_its_figures_and_the_summary_says_how() -> None:
    text = "Russia has lost 323,760 troops and 5,502 tanks so far, the General Staff said.\n"
    result = read_import_file("undated.txt", text.encode())
    assert [r.date for r in result.reports] == [dt.date(2023, 11, 25)]
    assert result.remarks == [
        "2023-11-25: date found from the General Staff's figures the program carries"
    ]
    # Totals no day holds: the date stays unknown and the file is refused, naming the field.
    with pytest.raises(ImportFormatError) as info:
        read_import_file("undated.txt", text.replace("5,502", "5,501").encode())
    assert info.value.field == "date"


def test_a_bad_post_is_named_by_number_and_line() -> None:
    text = EN_POST_0810 + "\n---\nThe total combat losses of the enemy were big.\n"
    with pytest.raises(ImportFormatError) as info:
        read_import_file("posts.txt", text.encode())
    assert info.value.file == "posts.txt"
    assert info.value.record == "post 2 (line 6)"


def test_real_posts_in_one_file() -> None:
    names = ["en_2022-04-16_mil.gov.ua.txt", "uk_2022-07-08_mil.gov.ua.txt"]
    text = "\n".join(shared_file("official_posts", n).read_text(encoding="utf-8") for n in names)
    result = read_import_file("two.txt", text.encode())
    assert [r.date for r in result.reports] == [dt.date(2022, 4, 16), dt.date(2022, 7, 8)]


def test_rss_entries_become_briefs_and_articles_with_a_linked_report() -> None:
    result = read_import_file("wire.xml", RSS.encode())
    assert result.format == "feed"
    brief, article = result.items
    assert brief.kind == BRIEF and article.kind == ARTICLE
    assert brief.published_at == dt.datetime(2023, 11, 25, 7, 41, tzinfo=dt.UTC)
    assert brief.tags == ("air defense", "kyiv oblast")
    assert brief.author == "Newsroom" and brief.source_name == "Test Wire"
    assert brief.source_url == "https://example.org/briefs/1"
    assert "<script" not in article.body_html and "<img" not in article.body_html
    assert "alert" not in article.body and article.body.startswith("Russia has lost 323,760")
    assert article.lead == "The daily figures."
    assert [r.date for r in result.reports] == [dt.date(2023, 11, 25)]
    assert result.reports[0].figures["personnel"].total == 323760
    assert result.links == [(1, dt.date(2023, 11, 25))]


def test_as_kind_forces_every_entry() -> None:
    result = read_import_file("wire.xml", RSS.encode(), as_kind=ARTICLE)
    assert {i.kind for i in result.items} == {ARTICLE}


def test_atom_entry_with_html_content() -> None:
    (item,) = read_import_file("odesa.atom", ATOM.encode()).items
    assert item.kind == ARTICLE and item.author == "Jane Doe"
    assert item.published_at == dt.datetime(2024, 1, 1, 7, 15, tzinfo=dt.UTC)
    assert item.body == "Ships left.\n\nGrain went out."
    assert item.body_html == "<p>Ships left.</p><p>Grain went out.</p>"


def test_saved_page_keeps_the_article_and_drops_the_furniture() -> None:
    result = read_import_file("page.html", HTML_PAGE.encode())
    (item,) = result.items
    assert result.format == "html-page"
    assert item.title == "Air defense downs 14 drones"
    assert item.author == "Jane Doe"
    assert item.published_at == dt.datetime(2023, 11, 25, 7, 41, tzinfo=dt.UTC)
    assert item.source_url == "https://example.org/articles/air-defense"
    assert "14 of the 20 drones" in item.body and "Debris damaged" in item.body
    assert "Subscribe" not in item.body and "Home" not in item.body
    assert "track()" not in item.body and "onclick" not in item.body_html
    assert "<script" not in item.body_html


def test_a_latin1_page_is_decoded_not_refused() -> None:
    page = HTML_PAGE.replace("Jane Doe", "Renée Doe")
    page = page.replace("<head>", '<head><meta charset="latin-1">')
    (item,) = read_import_file("page.html", page.encode("latin-1")).items
    assert item.author == "Renée Doe"


def test_corrections_become_notes_not_figures() -> None:
    data = json.dumps([{"date": "2023-05-27", "day": 458, "tank": -5, "drone": 49, "MRL": 0}])
    result = read_import_file("russia_losses_equipment_correction.json", data.encode())
    assert result.format == "petroivaniuk-correction" and result.reports == []
    assert result.notes == {dt.date(2023, 5, 27): "dataset correction: Tanks \u22125, Drones +49"}


def test_real_correction_file() -> None:
    path = shared_file("petroivaniuk", "russia_losses_equipment_correction.json")
    result = read_import_file(path.name, path.read_bytes())
    assert "Armored fighting vehicles \u221225" in result.notes[dt.date(2022, 10, 13)]


def test_oryx_classes_map_to_categories() -> None:
    data = json.dumps(
        [
            {
                "equipment_oryx": "Infantry Fighting Vehicles",
                "model": "BMP-2",
                "manufacturer": "USSR",
                "losses_total": 1500,
                "equipment_ua": "x",
            },
            {
                "equipment_oryx": "Self-Propelled Anti-Tank Missile Systems",
                "model": "9P149",
                "manufacturer": "USSR",
                "losses_total": 10,
            },
        ]
    )
    rows = read_import_file("oryx.json", data.encode()).oryx
    assert rows is not None
    assert [(r.category, r.model, r.losses_total) for r in rows] == [
        ("armored_vehicles", "BMP-2", 1500),
        (None, "9P149", 10),
    ]


def test_real_oryx_file_maps_every_class() -> None:
    path = shared_file("petroivaniuk", "russia_losses_equipment_oryx.json")
    rows = read_import_file(path.name, path.read_bytes()).oryx
    assert rows is not None and len(rows) > 300
    unmapped = {r.equipment_oryx for r in rows if r.category is None}
    assert unmapped == {"Self-Propelled Anti-Tank Missile Systems"}


def test_our_csv_exports_read_back_exactly() -> None:
    reports = [
        LossReport(
            dt.date(2023, 11, 25),
            {"personnel": Figure(323760, 860), "tanks": Figure(5502)},
            "about",
            'Donetsk,\n"x"',
        ),
        LossReport(dt.date(2023, 11, 26), {"tanks": Figure(5510, 8)}),
    ]
    assert read_import_file("r.csv", reports_to_csv(reports).encode()).reports == reports
    items = [
        ItemData(
            BRIEF,
            "A brief.",
            dt.datetime(2023, 11, 25, 13, 53, tzinfo=dt.UTC),
            body="Line one,\nline two.",
            tags=("sumy", "shelling"),
            source_url="https://example.org/1",
            body_html="<p>Line one,</p>",
        )
    ]
    assert read_import_file("i.csv", items_to_csv(items).encode()).items == items


@pytest.mark.parametrize(
    ("data", "record", "field"),
    [
        (
            b"date,day,qualifier,note,tanks,tanks_change\n2023-11-25,640,,,many,\n",
            "line 2 (2023-11-25)",
            "tanks",
        ),
        (b"date,day,qualifier,note,tanks,tanks_change\n2023-13-25,640,,,1,\n", "line 2", "date"),
        (b"date,day,qualifier,note,tanks,tanks_change\n2023-11-25,640,,,1\n", "line 2", None),
        (b"kind,published_at,title\nbrief,2023-11-25T13:53:00,A.\n", "line 2", "published_at"),
        (b"kind,published_at,title\nnews,2023-11-25T13:53:00Z,A.\n", "line 2", None),
    ],
)
def test_bad_csv_rows_name_line_and_column(data: bytes, record: str, field: str | None) -> None:
    with pytest.raises(ImportFormatError) as info:
        read_import_file("x.csv", data)
    assert (info.value.file, info.value.record, info.value.field) == ("x.csv", record, field)
