"""Counts as people write them, and what is refused rather than misread."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.number_words import parse_count, parse_digits


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
