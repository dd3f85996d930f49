"""What the reader says when the list is empty."""

from __future__ import annotations

from desktop_app.ui.archive.list_table import nothing_found


def test_a_search_that_excludes_what_it_asks_for_says_so(qtbot) -> None:
    said = nothing_found("power -power", everything=False)
    assert "leaves out" in said and "filters" not in said
    # `"power lines" -power`: the phrase always has the word.
    assert "leaves out" in nothing_found('"power lines" -power', everything=False)


def test_a_search_that_only_found_nothing_suggests_fewer_words(qtbot) -> None:
    for text in ("power -powerless", "power", ""):
        said = nothing_found(text, everything=False)
        assert "fewer words" in said and "leaves out" not in said, text


def test_a_filter_asked_for_and_left_out_is_named(qtbot) -> None:
    said = nothing_found("drones tag:energy -tag:energy", everything=False)
    assert "tag:energy" in said and "leaves it out" in said and "fewer words" not in said
