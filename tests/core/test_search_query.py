"""The query language: what each construct compiles to, and that any text is safe for FTS5."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.search_query import TextFilter, fts5_query, parse_query


def test_words_are_quoted_and_the_last_one_is_a_prefix_while_typing() -> None:
    assert fts5_query("sumy shel") == '"sumy" AND "shel"*'
    assert fts5_query("sumy shelling ") == '"sumy" AND "shelling"'
    assert parse_query("sumy shel", typing=False).fts_match() == '"sumy" AND "shel"'
    assert fts5_query(":: -- ()") is None


def test_quotes_make_a_phrase_and_a_star_a_prefix() -> None:
    assert fts5_query('"air defense" energ*') == '"air defense" AND "energ"*'
    assert fts5_query('"unclosed phrase') == '"unclosed phrase"'
    assert fts5_query("T-90 ") == '"T 90"'


def test_or_joins_neighbours_and_a_dangling_or_is_ignored() -> None:
    assert fts5_query("sumy OR kharkiv drones ") == '("sumy" OR "kharkiv") AND "drones"'
    assert fts5_query("OR sumy OR") == '"sumy"'
    assert fts5_query("OR") is None
    assert fts5_query("sumy or ") == '"sumy" AND "or"'  # lower case is a word


def test_minus_excludes_words_and_a_lone_minus_means_nothing() -> None:
    query = parse_query('drones -kherson -"power lines" - ')
    assert query.fts_match() == '("drones") NOT ("kherson" OR "power lines")'
    only_excluded = parse_query("-kherson")
    assert only_excluded.fts_match() is None
    assert only_excluded.fts_excluded() == '"kherson"'


def test_filters_are_read_and_bad_ones_are_named_not_raised() -> None:
    query = parse_query(
        'kind:briefs author:"Test Author" tag:energy -source:bench '
        "from:2023-11 to:2023-11-30 is:starred from:2023-13-45 kind:poem"
    )
    assert query.kind == "brief"
    assert query.filters == (
        TextFilter("author", "Test Author"),
        TextFilter("tag", "energy"),
        TextFilter("source", "bench", negated=True),
    )
    assert query.date_from == dt.date(2023, 11, 1)
    assert query.date_to == dt.date(2023, 11, 30)
    assert query.flags == {"starred"}
    assert query.ignored == ("from:2023-13-45", "kind:poem")
    assert query.fts_match() is None


def test_a_month_or_year_in_to_means_its_last_day() -> None:
    assert parse_query("to:2024-02").date_to == dt.date(2024, 2, 29)
    assert parse_query("to:2023").date_to == dt.date(2023, 12, 31)


def test_an_unknown_field_is_searched_as_words() -> None:
    assert fts5_query("http://example.org ") == '"http example org"'
    assert fts5_query("foo:bar ") == '"foo bar"'


def test_highlight_patterns_follow_the_terms() -> None:
    import re

    patterns = parse_query('"air defense" dro').highlight_patterns()
    text = "The Air  Defense shot down drones."
    found = [m.group(0) for p in patterns for m in re.finditer(p, text, re.IGNORECASE)]
    assert found == ["Air  Defense", "drones"]


_FTS = sqlite3.connect(":memory:")
_FTS.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
_FTS.execute("INSERT INTO t VALUES ('drone debris fell on a warehouse OR NEAR')")

_QUERY_ALPHABET = st.sampled_from(
    [
        *"\"'-*:()[]{}^+~ ,.OR",
        "OR",
        "AND",
        "NOT",
        "NEAR",
        "kind:",
        "tag:",
        "from:",
        "to:",
        "author:",
        "is:",
        "🇺🇦",
        "drone",
        "ї",
        "\x00",
        "\n",
    ]
)


@given(st.one_of(st.text(), st.lists(_QUERY_ALPHABET, max_size=12).map("".join)))
def test_any_text_becomes_a_query_fts5_accepts(text: str) -> None:
    for typing in (True, False):
        query = parse_query(text, typing=typing)
        for match in (query.fts_match(), query.fts_excluded()):
            if match is not None:
                _FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()


def test_snippets_start_a_few_words_before_the_first_match() -> None:
    from desktop_app.core.search_query import make_snippet

    patterns = parse_query("kharkiv").highlight_patterns()
    text = "One two three four five six seven Kharkiv eight nine ten eleven twelve"
    assert make_snippet(text, patterns, words=6) == "…four five six seven \x02Kharkiv\x03 eight…"
    assert make_snippet("Kharkiv  shelled.", patterns) == "\x02Kharkiv\x03 shelled."
    assert make_snippet("nothing here", patterns) == ""


@pytest.mark.parametrize(
    "typed",
    ["to:9999", "to:9999-12-31", "from:0001-01-01", "from:0001", "to:1899-12", "from:2101-01-01"],
)
def test_dates_outside_the_filter_years_are_named_and_ignored(typed: str) -> None:
    query = parse_query(f"drones {typed}")
    assert query.date_from is None and query.date_to is None
    assert query.ignored == (typed,)
    assert query.fts_match() == '"drones"'


def test_the_filter_years_themselves_are_read() -> None:
    assert parse_query("from:1900-01-01").date_from == dt.date(1900, 1, 1)
    assert parse_query("to:2100").date_to == dt.date(2100, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "power -power",
        "Power -POWER",
        '"power lines" -power',
        '"power lines" -lines',
        '"air power lines" -"power lines"',
        "power -pow*",
        "pow* -pow*",
        "power* -pow*",
        "drones power -power",
        "sumy OR kharkiv -sumy -kharkiv",
        "sumy OR kharkiv -khar* -sumy",
    ],
)
def test_asking_only_for_what_is_excluded_finds_nothing(text: str) -> None:
    query = parse_query(text, typing=False)
    assert query.finds_nothing()
    assert query.fts_match() == '""'  # an empty phrase: FTS5 answers without reading


@pytest.mark.parametrize(
    "text",
    [
        "power -powerless",  # a text with "power" need not have "powerless"
        "pow* -power",  # "powder" is found and kept
        "pow* -pow",  # and so is "powder" here, where "pow" is a whole word
        "power -pow",  # "pow" alone is another word
        "sumy OR kharkiv -sumy",  # kharkiv's texts are kept
        '"power lines" -"lines power"',
        '"power lines" -"power grid"',
        "café -café",  # not ASCII: the tokenizer folds it, and it is not claimed
        "t_90 -t_90",  # "_" splits a word in the index: not claimed
        "power",
        "-power",
    ],
)
def test_an_exclusion_that_leaves_something_is_searched(text: str) -> None:
    query = parse_query(text, typing=False)
    assert not query.finds_nothing()
    assert query.fts_match() != '""'


def test_while_typing_the_last_word_is_not_taken_for_the_excluded_one() -> None:
    # "power -powe" excludes the word "powe", which "power" does not contain.
    assert not parse_query("power -powe").finds_nothing()
    # The last word typed becomes a prefix: "pow" then finds "powder" too.
    assert not parse_query("-power pow").finds_nothing()
    assert parse_query("-pow* power").finds_nothing()


def test_a_filter_and_its_negation_find_nothing() -> None:
    both = parse_query("drones tag:energy -tag:energy")
    assert both.finds_nothing() and both.fts_match() == '""'
    assert both.filter_left_out() == TextFilter("tag", "energy", negated=True)
    assert parse_query('-source:"kyiv wire" source:"kyiv wire"').finds_nothing()
    assert parse_query("-author:x author:x").finds_nothing()  # no words: no MATCH at all
    assert parse_query("-author:x author:x").fts_match() is None
    # Another value, or another field with the same value, leaves something.
    for text in ("tag:energy -tag:rail", "tag:energy -source:energy", "tag:energy -energy"):
        assert not parse_query(text).finds_nothing(), text


def test_a_word_with_an_apostrophe_is_searched_in_both_of_its_indexed_spellings() -> None:
    """' and ’ split a word in the index, ʼ keeps it whole: each typed form asks for both."""
    for typed in ("п'ять", "п’ять", "пʼять"):
        query = parse_query(typed, typing=False)
        assert query.fts_match() == '("п ять" OR "пʼять")'
    excluded = parse_query("дрони -об'єкт", typing=False)
    assert excluded.fts_match() == '("дрони") NOT ("об єкт" OR "обʼєкт")'
    # Not between letters: no apostrophe of a word, nothing added.
    assert parse_query("'дрони'", typing=False).fts_match() == '"дрони"'
    # Highlighting finds the word in the reader written either way.
    import re

    patterns = parse_query("п'ять", typing=False).highlight_patterns()
    for text in ("П'ять дронів", "П’ять дронів", "Пʼять дронів"):
        assert any(re.search(p, text, re.IGNORECASE) for p in patterns), text
