from __future__ import annotations

import csv
import datetime as dt
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.categories import KEYS
from desktop_app.core.exports import items_to_csv, items_to_json, reports_to_csv, reports_to_json
from desktop_app.core.formats.frontline import read_frontline, read_frontline_json
from desktop_app.core.formats.frontline_csv import read_frontline_csv
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.provenance import ArticleRef, Provenance
from desktop_app.core.report import Figure, LossReport

figures = st.dictionaries(
    st.sampled_from(KEYS),
    st.builds(Figure, st.integers(0, 2_000_000), st.none() | st.integers(-50, 5000)),
    min_size=1,
)
reports = st.builds(
    LossReport,
    st.dates(dt.date(2022, 2, 24), dt.date(2026, 12, 31)),
    figures,
    st.sampled_from([None, "about", "more than"]),
    st.none() | st.text(min_size=1, max_size=40),
)


@given(st.lists(reports, max_size=8, unique_by=lambda r: r.date))
def test_reports_json_export_reads_back_identically(reps: list[LossReport]) -> None:
    back, items = read_frontline_json(reports_to_json(reps))
    assert back == reps and items == []


def test_reports_csv_has_a_total_and_change_column_per_used_category() -> None:
    rep = LossReport(
        dt.date(2023, 11, 25), {"personnel": Figure(323760, 860), "tanks": Figure(5502)}, "about"
    )
    rows = list(csv.DictReader(io.StringIO(reports_to_csv([rep]))))
    assert rows == [
        {
            "date": "2023-11-25",
            "day": "640",
            "qualifier": "about",
            "note": "",
            "personnel": "323760",
            "personnel_change": "860",
            "tanks": "5502",
            "tanks_change": "",
        }
    ]


def test_items_export_round_trip_and_csv() -> None:
    kyiv = dt.timezone(dt.timedelta(hours=3))
    items = [
        ItemData(
            ARTICLE,
            "Title, with comma",
            dt.datetime(2026, 8, 8, 9, 41, tzinfo=kyiv),
            body='Line "one"\n\nLine two',
            tags=("air defense", "kyiv"),
        ),
        ItemData(
            BRIEF,
            "Brief.",
            dt.datetime(2026, 8, 8, 10, 0, tzinfo=dt.UTC),
            source_url="https://example.org/b",
            date_estimated=True,
        ),
    ]
    _, back = read_frontline_json(items_to_json(items))
    assert back == items
    # An estimated time stays marked as such through the CSV as well.
    back_csv = read_frontline_csv(items_to_csv(items)).items
    assert [i.date_estimated for i in back_csv] == [False, True]
    rows = list(csv.DictReader(io.StringIO(items_to_csv(items))))
    assert rows[0]["title"] == "Title, with comma"
    assert rows[0]["body"] == 'Line "one"\n\nLine two'
    assert rows[0]["tags"] == "air defense, kyiv"


refs = st.one_of(
    st.builds(ArticleRef, st.from_regex(r"https://example\.org/[a-z0-9]{1,12}", fullmatch=True)),
    st.builds(
        ArticleRef,
        st.none(),
        st.sampled_from([ARTICLE, BRIEF]),
        st.text(min_size=1, max_size=30).map(str.strip).filter(bool),
        st.datetimes(
            dt.datetime(2022, 2, 24),
            dt.datetime(2026, 12, 31),
            timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=3))]),
        ),
    ),
)
provenance = st.builds(
    Provenance,
    st.sampled_from(["manual", "petroivaniuk-json", "feed", "report-text"]),
    st.lists(refs, max_size=3, unique=True).map(tuple),
)


@given(st.lists(reports, max_size=6, unique_by=lambda r: r.date), st.data())
def test_provenance_reads_back_identically_from_json_and_csv(
    reps: list[LossReport], data: st.DataObject
) -> None:
    prov = {r.date: data.draw(provenance) for r in reps if r.date is not None}
    expected_links = [(a, d) for d, p in prov.items() for a in p.articles]
    for content in (
        read_frontline(reports_to_json(reps, prov)),
        read_frontline_csv(reports_to_csv(reps, prov)),
    ):
        assert content.sources == {d: p.source for d, p in prov.items()}
        assert sorted(content.article_links, key=repr) == sorted(expected_links, key=repr)


texts = st.text(st.characters(codec="utf-8"), max_size=30)
linked_items = st.tuples(
    st.builds(
        ItemData,
        st.sampled_from([ARTICLE, BRIEF]),
        texts.filter(str.strip),
        st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)),
        body=texts,
        lead=texts,
        author=texts,
        source_name=texts,
        source_url=st.none() | texts,
        tags=st.lists(texts, max_size=3).map(tuple),
        body_html=texts,
        date_estimated=st.booleans(),
        starred=st.booleans(),
        read=st.booleans(),
    ),
    st.lists(st.dates(dt.date(2022, 2, 24), dt.date(2026, 12, 31)), max_size=2),
)


@given(st.lists(linked_items, max_size=4))
def test_the_items_json_is_the_text_json_dumps_writes(pairs: list[tuple[ItemData, list[dt.date]]]):
    """Written an item at a time, with the C encoder for values: the same text, byte for byte,
    as the whole document through `json.dumps(…, indent=1)`."""
    import json

    from desktop_app.core.exports import EXPORT_VERSION, item_to_json

    items = [item for item, _dates in pairs]
    dates = [tuple(d) for _item, d in pairs]
    whole = {
        "frontline_archive": EXPORT_VERSION,
        "items": [item_to_json(i, d) for i, d in zip(items, dates, strict=True)],
    }
    assert items_to_json(items, dates) == json.dumps(whole, ensure_ascii=False, indent=1) + "\n"


def test_the_marks_are_written_for_every_item_and_the_csv_columns_before_them_stay_put() -> None:
    at = dt.datetime(2024, 5, 14, 8, tzinfo=dt.UTC)
    items = [ItemData(BRIEF, "Starred, unread.", at, starred=True), ItemData(BRIEF, "Plain.", at)]
    written = json.loads(items_to_json(items))["items"]
    assert [(i["starred"], i["read"]) for i in written] == [(True, False), (False, False)]
    header, *rows = items_to_csv(items).splitlines()
    # The columns an earlier release wrote keep their places; the marks come after them.
    earlier = "kind,published_at,title,author,source_name,source_url,tags,lead,body,body_html,"
    earlier += "date_estimated,reports"
    assert header == earlier + ",starred,read"
    assert [row.split(",")[-2:] for row in rows] == [["yes", ""], ["", ""]]
