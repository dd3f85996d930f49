"""Random forms of a search against the plain reference: every first page, whichever of its
plans answers it (newest or oldest ranges, excluded words checked range by range or one by
one, a filter of few items first, the plain statement), is the reference's page.

The fixed cases in `test_search_order` pick one of each; the forms here mix them the way a
person types: words, a prefix, an excluded word, filters and their negations, marks,
dates, in either direction. Seeded, so a failure names its form and repeats.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop_app.core.search_query import parse_query
from desktop_app.storage import facet_index, search_excluded, search_oldest, search_terms
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.search import SearchRequest, first_rows
from tests.storage.test_search_order import (  # _unbound: the same autouse fixture
    _archive_with_reference,
    _reference,
    _reference_order,
    _unbound,  # noqa: F401
)

WORDS = ["drones", "kharkiv", "power", "night", "grain", "bridge", "sumy", "evac*", "dro*"]
FILTERS = [
    "kind:brief",
    "kind:article",
    "tag:energy",
    "-tag:energy",
    "tag:rail",
    "is:unread",
    "is:read",
    "is:starred",
    "from:2023-01",
    "to:2022-06-30",
    "from:2023-06-01 to:2024-03-31",
    'source:"kyiv wire"',
    "-source:wire",
    '-source:"field notes"',
    'author:"writer 2"',
    "-author:writer",
    "author:nobody",
]


def _forms(seed: int, count: int) -> list[SearchRequest]:
    rng = random.Random(seed)
    forms = []
    for _ in range(count):
        parts = rng.sample(WORDS, rng.randint(0, 2))
        parts += ["-" + rng.choice(WORDS)] * (rng.random() < 0.5)
        parts += rng.sample(FILTERS, rng.randint(0, 2))
        rng.shuffle(parts)
        forms.append(
            SearchRequest(
                " ".join(parts),
                kind=rng.choice([None, None, "brief"]),
                descending=rng.random() < 0.5,
                order=rng.choice(["date", "date", "date", "relevance"]),
            )
        )
    return forms


@pytest.mark.parametrize(
    ("ranges", "few_share"), [(1_000, 0.02), (3, 0.02), (1_000, 1.0), (7, 1.0)]
)
def test_random_forms_give_the_references_first_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ranges: int, few_share: float
) -> None:
    """`ranges`: the first range of oldest-first and excluded-word pages (small: they grow
    and give up); `few_share`: which marks, tags and names count as few (1.0: all)."""
    for module in (search_oldest, search_excluded):
        monkeypatch.setattr(module, "FIRST_RANGE", ranges)
    monkeypatch.setattr(search_excluded, "MOST_BESIDE", 40)
    monkeypatch.setattr(facet_index, "FEW_MARKED_SHARE", few_share)
    with _archive_with_reference(tmp_path / "a.sqlite", 800, seed=21) as con:
        search_terms.catch_up(database_proxy.connection())  # prefixes as their words
        for req in _forms(seed=ranges, count=120):
            query = parse_query(req.text)
            has_match = query.fts_match() is not None
            sql, params = _reference(req, "item.id")
            order = _reference_order(req, has_match)
            for limit in (1, 30):
                page = con.execute(f"{sql} ORDER BY {order} LIMIT ?", [*params, limit])
                found = [row.id for row in first_rows(req, query, limit)]
                assert found == [r[0] for r in page], (req, limit)
