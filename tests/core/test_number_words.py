"""Counts as people write them, and what is refused rather than misread."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.number_words import parse_count, parse_digits, parse_typed_count


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("323760", 323_760),
        ("323,760", 323_760),
        ("323 760", 323_760),
        ("1.456.610", 1_456_610),
        ("12'251", 12_251),
        ("12’251", 12_251),
        ("1\u00a0456\u202f610", 1_456_610),
        (" 7 ", 7),
        ("one", 1),
        ("twenty-two", 22),
    ],
)
def test_written_counts(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["12.5", "1.45", "1,45,6", "1.4560", "12a", "", "-3", "1..000"])
def test_what_is_not_a_whole_count_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_digits(text)


@given(st.integers(0, 10**12), st.sampled_from(["", ",", " ", ".", "'", "’", "\u00a0"]))
def test_any_grouping_reads_back(n: int, sep: str) -> None:
    written = f"{n:,}".replace(",", sep) if sep else str(n)
    assert parse_digits(written) == n


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("", None),
        ("  ", None),
        ("12251", 12251),
        ("1,456 610", 1456610),
        ("1\u00a0456\u2009610", 1456610),
        ("1'456'610", 1456610),
        ("+4", 4),
        ("−3", -3),
        ("-3", -3),
        ("0", 0),
    ],
)
def test_typed_figures_that_are_read(typed: str, value: int | None) -> None:
    assert parse_typed_count(typed) == value


@pytest.mark.parametrize(
    "typed", ["12251.5", "2o10", "3O3", "2l7", "12,25", "1.456", "12 34", "4+", "--3", "١٢"]
)
def test_typed_figures_are_never_read_through_a_letter_or_a_decimal_point(typed: str) -> None:
    with pytest.raises(ValueError, match="not a whole number"):
        parse_typed_count(typed)
