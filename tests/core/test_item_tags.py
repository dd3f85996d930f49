"""Tags typed for several items at once: which to add, which (after a minus) to take away."""

from __future__ import annotations

import pytest

from desktop_app.core.item import edited_tags, tag_edits


@pytest.mark.parametrize(
    ("typed", "added", "removed"),
    [
        ("drones, -Kyiv", ("drones",), ("kyiv",)),
        ("  Air   Defense ,, -  kyiv oblast", ("air defense",), ("kyiv oblast",)),
        ("-a, -a, b, b", ("b",), ("a",)),
        ("-", (), ()),  # a minus alone names nothing
        ("", (), ()),
    ],
)
def test_typed_tags_split_into_added_and_removed(
    typed: str, added: tuple[str, ...], removed: tuple[str, ...]
) -> None:
    assert tag_edits(typed) == (added, removed)


def test_an_items_tags_keep_their_order_lose_the_removed_and_gain_the_new_at_the_end() -> None:
    tags = ("air defense", "kyiv", "drones")
    assert edited_tags(tags, ("energy", "drones"), ("kyiv",)) == ("air defense", "drones", "energy")
    assert edited_tags(tags, (), ()) == tags
    # A tag both added and taken away is taken away: the minus is the more deliberate.
    assert edited_tags(tags, ("kyiv",), ("kyiv",)) == ("air defense", "drones")
