"""`author:` and `source:` in Ukrainian, in any case, find the same items on a file as on a
server: the name is matched without regard to case for Cyrillic letters as for Latin ones."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.search_query import parse_query
from desktop_app.storage.items import save_item
from desktop_app.storage.search import SearchRequest, facet_counts, search_count, search_ids

KYIV = dt.timezone(dt.timedelta(hours=3))


def at(day: int) -> dt.datetime:
    return dt.datetime(2024, 5, day, 9, tzinfo=KYIV)


def seed() -> dict[str, int]:
    return {
        "kharkiv": save_item(
            ItemData(
                ARTICLE,
                "Обстріл Харкова",
                at(3),
                body="Дрони вдарили вночі.",
                author="Олена Коваль",
                source_name="Укрінформ",
            )
        ),
        "sumy": save_item(
            ItemData(
                BRIEF,
                "Зв’язок у Сумах відновлено",
                at(2),
                body="Дрони збито над громадою.",
                source_name="Суспільне Суми",
            )
        ),
        "kyiv": save_item(
            ItemData(
                ARTICLE,
                "Drones over Kyiv",
                at(1),
                body="Air defense worked all night.",
                author="Anna Kovalchuk",
                source_name="Kyiv Independent",
            )
        ),
    }


def ids(text: str) -> list[int]:
    return search_ids(SearchRequest(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("source:укрінформ", ["kharkiv"]),
        ("source:УКРІНФОРМ", ["kharkiv"]),
        ("source:Укрінформ", ["kharkiv"]),
        ('source:"суспільне суми"', ["sumy"]),
        ("author:коваль", ["kharkiv"]),
        ("author:ОЛЕНА", ["kharkiv"]),
        ("-source:укрінформ", ["sumy", "kyiv"]),
        ("-author:коваль", ["sumy", "kyiv"]),
        ("source:суспільне дрони", ["sumy"]),  # with words: matched item by item
        ("-source:суспільне дрони", ["kharkiv"]),
        ("source:kyiv", ["kyiv"]),
        ("author:KOVAL", ["kyiv"]),
    ],
)
def test_author_and_source_ignore_the_case_of_cyrillic_letters(
    archive_db: object, text: str, found: list[str]
) -> None:
    s = seed()
    expected = [s[name] for name in found]
    assert ids(text) == expected
    query = parse_query(text)
    assert search_count(SearchRequest(text), query) == len(expected)
    assert sum(facet_counts(SearchRequest(text), query).kinds.values()) == len(expected)


def apostrophes() -> dict[str, int]:
    """One word written with each of the three apostrophes Ukrainian texts use."""
    return {
        mark: save_item(ItemData(BRIEF, f"П{mark}ять дронів збито", at(day), body="Над Сумами."))
        for day, mark in ((4, "'"), (5, "’"), (6, "ʼ"))
    }


@pytest.mark.parametrize("typed", ["п'ять", "п’ять", "пʼять", '"п’ять дронів"', "об'єкт OR п'ять"])
def test_a_word_with_an_apostrophe_finds_it_written_with_any_of_them(
    archive_db: object, typed: str
) -> None:
    spelled = apostrophes()
    save_item(ItemData(BRIEF, "Шість дронів збито", at(7), body="Над Харковом."))
    expected = [spelled[m] for m in ("ʼ", "’", "'")]  # newest first
    assert ids(typed) == expected
    query = parse_query(typed)
    assert search_count(SearchRequest(typed), query) == 3
    assert ids("п'я*") == expected  # typed as a prefix, too
    (six,) = ids("шість")
    for left_out in ("п'ять", "п’ять", "пʼять"):
        assert ids(f"дронів -{left_out}") == [six]
