"""Counts as report texts write them: ``323760``, ``323,760``, ``323 760`` or ``one``.

The patterns are regex *sources* (strings) so the report parser can embed them in larger
patterns; the functions turn a matched piece of text back into an ``int``.
"""

from __future__ import annotations

import re

# Thousands are grouped by a comma or a space, or (as Ukrainian and German sites write them) by
# a dot or an apostrophe: "1.456.610", "1'456'610". A dot counts only before groups of exactly
# three digits, and only when no further ".d" or ",d" follows, so "24.02.22" and "10.5" are not
# read as grouped numbers. The text is expected to have its no-break and thin spaces turned
# into plain spaces already (the parser normalises whitespace first), and newlines are
# deliberately not separators: in one-category-a-line posts a line may end with a number
# while the next line starts with one.
# At most 15 digits: longer runs are not counts, and int() refuses very long digit strings.
# A number is never read through a letter: "2l7" and "3O3" are not 2 and 3 (nor 7 and 3).
DIGITS = (
    r"(?<![^\W_])(?:[0-9]{1,3}(?:[, ][0-9]{3})+"
    r"|[0-9]{1,3}(?:\.[0-9]{3})+(?![.,][0-9])"
    r"|[0-9]{1,3}(?:['’ʼ][0-9]{3})+"
    r"|[0-9]{1,15})(?![0-9])"
)
_GROUPING = str.maketrans("", "", ", .'’ʼ")
_DIGITS_RE = re.compile(DIGITS)

_UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS: dict[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def _alternation(words: dict[str, int]) -> str:
    # Longest first, so "seventeen" is not read as "seven" followed by junk.
    return "|".join(sorted(words, key=len, reverse=True))


# English number words from zero to ninety-nine. News prose spells out small counts
# ("one submarine", "two helicopters"); anything larger is written in digits.
WORDS = (
    rf"\b(?:(?:{_alternation(_TENS)})(?:[- ](?:{_alternation(_UNITS)}))?"
    rf"|{_alternation(_TEENS)}|{_alternation(_UNITS)})\b"
)

# Either form; digits first because they are far more common.
COUNT = rf"(?:{DIGITS}|{WORDS})"

_WORDS_RE = re.compile(WORDS, re.IGNORECASE)
_ALL_WORDS: dict[str, int] = {**_UNITS, **_TEENS, **_TENS}


def parse_digits(text: str) -> int:
    """The value of a number written in digits with optional grouping (see DIGITS).

    Anything else is refused, so a typed "12.5" is an error, never 125.
    """
    spaced = text.strip().replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    if _DIGITS_RE.fullmatch(spaced) is None:
        raise ValueError(f"not a whole number: {text!r}")
    digits = spaced.translate(_GROUPING)
    if not digits.isascii() or not digits.isdigit():
        raise ValueError(f"not a whole number: {text!r}")
    return int(digits)


def parse_words(text: str) -> int:
    """The value of an English number word from zero to ninety-nine."""
    if _WORDS_RE.fullmatch(text.strip()) is None:
        raise ValueError(f"not a number word: {text!r}")
    total = 0
    for part in re.split(r"[- ]", text.strip().lower()):
        total += _ALL_WORDS[part]
    return total


def parse_count(text: str) -> int:
    """The value of a count in either form (digits or English words)."""
    stripped = text.strip()
    if stripped[:1].isdigit():
        return parse_digits(stripped)
    return parse_words(stripped)


# A figure typed into a field: an optional sign, then digits, grouped by threes with a comma,
# a space (also no-break or thin) or an apostrophe, or not grouped at all. No dot: "12251.5"
# is a typo, not 122,515, and a dot between groups reads as a decimal point to half the world.
_TYPED_SEPARATOR = r"[, \u00a0\u2009\u202f'’]"
_TYPED_COUNT = re.compile(
    rf"(?P<sign>[+\-−–])?\s*(?P<digits>[0-9]{{1,3}}(?:{_TYPED_SEPARATOR}[0-9]{{3}})+|[0-9]{{1,15}})"
)
_TYPED_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f'’")


def parse_typed_count(text: str) -> int | None:
    """A figure typed into a field ("1,456 610", "+4", "−3") as an int; None when empty.

    Strict: a letter ("2o10", "3O3"), a decimal point ("12251.5") or a misplaced separator
    ("12,25") raises ValueError naming the text; nothing is read through it.
    """
    stripped = text.strip()
    if not stripped:
        return None
    match = _TYPED_COUNT.fullmatch(stripped)
    if match is None:
        raise ValueError(f"not a whole number: {text!r}")
    value = int(match.group("digits").translate(_TYPED_GROUPING))
    return -value if match.group("sign") not in (None, "+") else value


# --------------------------------------------------------------------------------------------
# Counts as news prose writes them: scaled ("646 тис. 400", "29,2 тис.", "1 мільйон 209 880",
# "1.25 million"), and small counts in Ukrainian words ("шість танків", "два БпЛА").
# --------------------------------------------------------------------------------------------

_UK_WORDS: dict[str, int] = {
    "один": 1, "одна": 1, "одне": 1, "одного": 1, "одну": 1, "одній": 1,
    "два": 2, "дві": 2, "двох": 2, "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4,
    "п'ять": 5, "пʼять": 5, "п’ять": 5, "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9,
    "девʼять": 9, "дев’ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12,
    "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15, "пʼятнадцять": 15,
    "шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19,
    "двадцять": 20, "тридцять": 30, "сорок": 40,
}  # fmt: skip
UK_WORDS = rf"(?<![^\W_])(?:{_alternation(_UK_WORDS)})(?![^\W_])"
_THOUSAND = r"(?:тис(?:яч[аі]?|\.)?|thousand)"
_MILLION = r"(?:мільйон(?:а|ів)?|млн\.?|million)"
# "646 тис. 400", "1 тис. 250", "29,2 тис.", "24,7 тисяч", "9 тис", "1 мільйон 209 880",
# "1.25 million". The fraction is read only with a scale word after it.
SCALED = (
    rf"(?<![0-9.,])(?P<lead>[0-9]{{1,3}})(?:[.,](?P<frac>[0-9]{{1,3}}))?\s*"
    rf"(?P<scale>{_MILLION}|{_THOUSAND})(?![^\W_.])"
    rf"(?:\s*(?P<rest>{DIGITS}))?"
)
_SCALED_RE = re.compile(SCALED, re.IGNORECASE)
# Without group names, so that one pattern can embed it more than once.
NEWS_COUNT = "(?:" + re.sub(r"\(\?P<\w+>", "(?:", SCALED) + rf"|{DIGITS}|{WORDS}|{UK_WORDS})"


def parse_news_count(text: str) -> int:
    """The value of a NEWS_COUNT match: scaled numbers, digits, English or Ukrainian words."""
    stripped = " ".join(text.split())
    scaled = _SCALED_RE.fullmatch(stripped)
    if scaled is not None:
        unit = 1_000_000 if re.match(_MILLION, scaled.group("scale"), re.IGNORECASE) else 1000
        frac = scaled.group("frac") or ""
        value = int(scaled.group("lead")) * unit + int(frac.ljust(3, "0")) * unit // 1000
        rest = scaled.group("rest")
        if rest is not None:
            if frac:
                raise ValueError(f"not a count: {text!r}")
            value += parse_digits(rest)
        return value
    uk = _UK_WORDS.get(stripped.lower().replace("’", "'"))
    if uk is not None:
        return uk
    if stripped.lower().replace("'", "ʼ") in _UK_WORDS:
        return _UK_WORDS[stripped.lower().replace("'", "ʼ")]
    return parse_count(stripped)
