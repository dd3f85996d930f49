"""Saved searches: written down and read back whole, damaged entries skipped, names kept
unique, the recent history short and newest first, and counts from the real archive."""

from __future__ import annotations

import datetime as dt

from desktop_app.services import saved_searches as ss
from desktop_app.services.queries import SearchRequest


def test_a_search_with_every_filter_survives_the_settings_file() -> None:
    request = SearchRequest(
        '"air defense" -kyiv',
        kind="article",
        tags=("energy", "demo"),
        source="Kyiv Independent",
        date_from=dt.date(2023, 11, 1),
        date_to=dt.date(2023, 11, 30),
        starred_only=True,
        unread_only=True,
        order="title",
        descending=False,
        limit=200,
    )
    kept = ss.loads(ss.dumps(ss.save([], "  Air   defence\n", request)))
    assert [s.name for s in kept] == ["Air defence"]
    assert kept[0].request == SearchRequest(**{**request.__dict__, "limit": None})


def test_damaged_entries_are_skipped_not_fatal() -> None:
    good = ss.dumps(ss.save([], "ok", SearchRequest("drones")))
    broken = good[:-1] + ', {"name": "x"}, 5, {"name": "", "search": {}},'
    broken += ' {"name": "bad date", "search": {"date_from": "2023-02-31"}}]'
    assert [s.name for s in ss.loads(broken)] == ["ok"]
    for text in (None, "", "not json", "{}", 42):
        assert ss.loads(text) == []


def test_saving_under_a_taken_name_replaces_it_in_place() -> None:
    searches = ss.save([], "A", SearchRequest("a"))
    searches = ss.save(searches, "B", SearchRequest("b"))
    searches = ss.save(searches, "a", SearchRequest("new"))
    assert [(s.name, s.request.text) for s in searches] == [("a", "new"), ("B", "b")]
    assert [s.name for s in ss.remove(searches, "B")] == ["a"]


def test_the_history_keeps_the_last_ten_newest_first_once_each() -> None:
    history: list[str] = []
    for i in range(15):
        history = ss.remember(history, f"q{i}")
    history = ss.remember(history, "  q12 ")
    history = ss.remember(history, "   ")
    assert history == ["q12", "q14", "q13", "q11", "q10", "q9", "q8", "q7", "q6", "q5"]


def test_counts_come_from_the_archive(archive_db: object) -> None:
    from desktop_app.core.item import ARTICLE, BRIEF, ItemData
    from desktop_app.storage.items import save_item

    when = dt.datetime(2024, 5, 1, 9, tzinfo=dt.UTC)
    save_item(ItemData(ARTICLE, "Drones over Kharkiv", when, body="x", tags=("drones",)))
    save_item(ItemData(BRIEF, "Drones downed", when, body="y"))
    counts = ss.count_matches(
        [
            SearchRequest("drones"),
            SearchRequest("drones", kind=BRIEF),
            SearchRequest("zzz"),
            SearchRequest("-kharkiv", order="title"),  # counted without sorting or ids
            SearchRequest(date_from=dt.date(2024, 5, 2)),
            SearchRequest(limit=1),  # a saved search counts all it finds
        ]
    )
    assert counts == [2, 1, 0, 1, 0, 2]


def test_only_changes_that_can_move_a_saved_searchs_count_ask_for_a_recount() -> None:
    from desktop_app.services.changes import Changes
    from desktop_app.services.queries import SearchRequest
    from desktop_app.services.saved_searches import affected_by

    words = [SearchRequest(text="drones kharkiv", kind="brief")]
    flagged = [SearchRequest(text="drones is:unread")]
    starred = [SearchRequest(starred_only=True)]
    tagged = [SearchRequest(text="tag:energy")]
    chosen_tag = [SearchRequest(tags=("energy",))]
    # Marking items read or starred: only a search by flag can count otherwise.
    assert not affected_by(words, Changes(flags=True))
    assert affected_by(flagged, Changes(flags=True)) and affected_by(starred, Changes(flags=True))
    # A change of tags: only a search by tag, typed or chosen.
    assert not affected_by(words + flagged, Changes(tags=True))
    assert affected_by(tagged, Changes(tags=True)) and affected_by(chosen_tag, Changes(tags=True))
    # Items added, edited or deleted, or another program's write: every search.
    assert affected_by(words, Changes(items=True)) and affected_by(words, Changes(external=True))
    # Reports are not items.
    assert not affected_by(words + flagged + tagged, Changes(reports=True))
