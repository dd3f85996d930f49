"""The query language and the filter panel against a real archive file."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.storage.items import get_item, save_item, set_read, set_starred, set_tags
from desktop_app.storage.search import SearchRequest, facet_counts, search_days, search_ids
from desktop_app.storage.search_snippets import MARK_END, MARK_START, snippets

KYIV = dt.timezone(dt.timedelta(hours=2))


def at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2023, 11, day, hour, tzinfo=KYIV)


def seed() -> dict[str, int]:
    return {
        "sumy": save_item(
            ItemData(
                BRIEF,
                "Shelling in Sumy Oblast.",
                at(25, 9),
                body="Seven communities hit by drones.",
                tags=("shelling",),
                source_name="Feed A",
            )
        ),
        "kyiv": save_item(
            ItemData(
                ARTICLE,
                "Air defense over Kyiv",
                at(24),
                body="Drones were shot down. Power lines were damaged.",
                author="Olena Test",
                tags=("air defense", "drones"),
                source_name="Paper B",
            )
        ),
        "odesa": save_item(
            ItemData(
                ARTICLE,
                "Port of Odesa keeps working",
                at(1),
                body="Ships left the harbour. Kyiv sent drones.",
                author="Ivan Other",
                source_name="Paper B",
            )
        ),
    }


def ids(text: str, **kw: object) -> list[int]:
    return search_ids(SearchRequest(text, **kw))  # type: ignore[arg-type]


def test_phrases_or_and_exclusion(archive_db: object) -> None:
    s = seed()
    assert ids('"power lines"') == [s["kyiv"]]
    assert ids("sumy OR odesa") == [s["sumy"], s["odesa"]]
    assert ids("drones -kyiv") == [s["sumy"]]
    assert ids("-drones") == []
    assert ids("-sumy") == [s["kyiv"], s["odesa"]]


def test_field_filters(archive_db: object) -> None:
    s = seed()
    assert ids("kind:brief") == [s["sumy"]]
    assert ids("author:olena") == [s["kyiv"]]
    assert ids("-author:olena") == [s["sumy"], s["odesa"]]
    assert ids("tag:Drones") == [s["kyiv"]]
    assert ids('tag:"air defense"') == [s["kyiv"]]
    assert ids("source:paper drones") == [s["kyiv"], s["odesa"]]
    assert ids("from:2023-11-24 to:2023-11-24") == [s["kyiv"]]
    assert ids("from:2023-11-02") == [s["sumy"], s["kyiv"]]
    assert ids("from:not-a-date drones") == [s["sumy"], s["kyiv"], s["odesa"]]


def test_flags_from_query_and_panel(archive_db: object) -> None:
    s = seed()
    set_starred(s["odesa"])
    set_read(s["sumy"])
    assert ids("is:starred") == [s["odesa"]]
    assert ids("", starred_only=True) == [s["odesa"]]
    assert ids("", unread_only=True) == [s["kyiv"], s["odesa"]]
    assert ids("is:read") == [s["sumy"]]


def test_orders_by_relevance_title_author_and_date(archive_db: object) -> None:
    s = seed()
    # "kyiv" in the headline outranks "kyiv" deep in a body, whatever the dates.
    assert ids("kyiv", order="relevance") == [s["kyiv"], s["odesa"]]
    assert ids("", order="title", descending=False) == [s["kyiv"], s["odesa"], s["sumy"]]
    # The brief without an author comes last, whichever the direction.
    assert ids("", order="author", descending=False) == [s["odesa"], s["kyiv"], s["sumy"]]
    assert ids("", order="author") == [s["kyiv"], s["odesa"], s["sumy"]]
    assert ids("", descending=False) == [s["odesa"], s["kyiv"], s["sumy"]]


def test_panel_filters_and_counts_per_value(archive_db: object) -> None:
    s = seed()
    assert ids("", tags=("drones",)) == [s["kyiv"]]
    assert ids("", source="Paper B") == [s["kyiv"], s["odesa"]]
    assert ids("", date_from=dt.date(2023, 11, 24), date_to=dt.date(2023, 11, 24)) == [s["kyiv"]]
    facets = facet_counts(SearchRequest("drones", kind=ARTICLE))
    assert facets.kinds == {ARTICLE: 2, BRIEF: 1}  # the kind facet ignores the kind chosen
    assert dict(facets.tags) == {"air defense": 1, "drones": 1}
    assert facets.sources == [("Paper B", 2)]


def test_snippets_mark_the_matching_words(archive_db: object) -> None:
    s = seed()
    found = snippets([s["kyiv"]], parse_query('"power lines"'))
    assert f"{MARK_START}Power lines{MARK_END}" in found[s["kyiv"]]
    # A word found only in the author's name leaves the row without a snippet.
    assert snippets([s["kyiv"]], parse_query("olena")) == {}


def test_without_words_each_row_shows_its_first_words(archive_db: object) -> None:
    s = seed()
    lead = save_item(
        ItemData(ARTICLE, "Grain", at(2), lead="  Ships  leave\nOdesa again. ", body="Not this.")
    )
    words = [f"convoy{n}" for n in range(200)]  # 1,600 characters: more than is read
    long = save_item(ItemData(BRIEF, "Long", at(3), body=" ".join(words)))
    thirty = save_item(ItemData(BRIEF, "Thirty", at(4), body=" ".join(words[:30])))
    unbroken = save_item(ItemData(BRIEF, "Unbroken", at(5), body="x" * 1000))
    bare = save_item(ItemData(BRIEF, "Only a title", at(6), lead=" \n "))
    found = snippets([s["kyiv"], lead, long, thirty, unbroken, bare], parse_query("-sumy"))
    assert (
        found
        == {
            s["kyiv"]: "Drones were shot down. Power lines were damaged.",
            lead: "Ships leave Odesa again.",  # the lead first, on one line
            long: " ".join(words[:24]) + "…",
            thirty: " ".join(words[:24]) + "…",
            unbroken: "x" * 600 + "…",  # as much as was read, and that it goes on
        }
    )
    assert snippets([], parse_query("")) == {}


def test_set_tags_updates_text_and_table_together(archive_db: object) -> None:
    s = seed()
    assert set_tags(s["odesa"], ["Ports", " grain  exports", "ports"]) == ("ports", "grain exports")
    stored = get_item(s["odesa"])
    assert stored is not None and stored.data.tags == ("ports", "grain exports")
    assert ids("tag:ports") == [s["odesa"]]
    assert ids("grain") == [s["odesa"]]  # the full-text index saw the new tags


_ALPHABET = st.sampled_from(
    [
        *"\"'-*:()[]{}^+~ ,.%_\\",
        "OR",
        "AND",
        "NOT",
        "NEAR",
        "kind:",
        "tag:",
        "from:",
        "to:",
        "author:",
        "source:",
        "is:",
        "2023-11",
        "brief",
        "starred",
        "🇺🇦",
        "drones",
        "kyiv",
        "ї",
        "\n",
    ]
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(st.text(max_size=40), st.lists(_ALPHABET, max_size=10).map("".join)),
    order=st.sampled_from(["date", "relevance", "title", "author"]),
)
def test_any_typed_text_runs_against_the_real_archive(
    archive_db: object, text: str, order: str
) -> None:
    if not search_ids(SearchRequest()):
        seed()
    search_ids(SearchRequest(text, order=order))
    facet_counts(SearchRequest(text))
    snippets(search_ids(SearchRequest(text, limit=3)), parse_query(text))


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "UTC"])
def test_panel_dates_at_the_ends_of_the_calendar_never_raise(
    archive_db: object, zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        seed()
        everything = search_ids(SearchRequest())
        wide = SearchRequest(date_from=dt.date(1, 1, 1), date_to=dt.date(9999, 12, 31))
        assert search_ids(wide) == everything
        assert search_ids(SearchRequest(date_to=dt.date(1, 1, 1))) == []
        assert search_ids(SearchRequest(date_from=dt.date(9999, 12, 31))) == []
        # The typed filters are ignored (and named), so the words alone decide.
        for typed in ("to:9999", "to:9999-12-31", "from:0001-01-01"):
            assert search_ids(SearchRequest(typed)) == everything
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_timeline_days_run_newest_first_with_their_counts(archive_db: object) -> None:
    seed()
    # 09:00 and noon in Kyiv: the same calendar day in the zones the tests run in (UTC to
    # UTC+12; tests/ui/archive/test_timeline.py takes days across a local midnight).
    days = search_days(SearchRequest("drones"), parse_query("drones"))
    assert days == [("2023-11-25", 1), ("2023-11-24", 1), ("2023-11-01", 1)]
    everything = search_days(SearchRequest(), parse_query(""))
    assert sum(n for _day, n in everything) == 3
    articles = search_days(SearchRequest(kind=ARTICLE), parse_query(""))
    assert articles == [("2023-11-24", 1), ("2023-11-01", 1)]
