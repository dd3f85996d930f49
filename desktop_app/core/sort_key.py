"""Sort keys for titles and authors: text whose plain code-point order (SQLite's BINARY,
PostgreSQL's "C" collation) is the order a Ukrainian reader expects.

A database's own case folding knows only Latin letters (SQLite's NOCASE), or sorts by code
point after lower-casing (є, і, ї and ґ come after я). The key is made here, once per write,
and stored beside the text (schema 15), so both backends sort the same way and can index it.

The key: case folded; punctuation, quotes and spaces at the start left out (« "Title"
sorts under T) and any other run of them one space; digits before Latin letters (accents
left out), Latin before Cyrillic; Cyrillic in the Ukrainian alphabet's order, with the
Russian and Belarusian letters slotted in where those alphabets have them (ё after е,
ъ ы before ь, э before ю, ў after у); other letters after, by code point.
"""

from __future__ import annotations

import re
import unicodedata

# Ukrainian, with ё ъ ы э (Russian) and ў (Belarusian) where their alphabets put them.
CYRILLIC_ORDER = "абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя"
# Private-use code points above every other letter: the alphabet's place, then any other
# Cyrillic letter by its code point.
_CYRILLIC_BASE = 0xE000
_OTHER_CYRILLIC_BASE = 0xE100
_CYRILLIC = {letter: chr(_CYRILLIC_BASE + i) for i, letter in enumerate(CYRILLIC_ORDER)}


# Runs of anything but letters and digits (underscore included): one space between words.
_GAPS = re.compile(r"[\W_]+")
_MARKS = re.compile("[\u0300-\u036f]")
_PLAIN = re.compile(f"[\x00-\x7f{chr(_CYRILLIC_BASE)}-{chr(_OTHER_CYRILLIC_BASE - 1)}]*")
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)


def _is_cyrillic(char: str) -> bool:
    return 0x0400 <= ord(char) <= 0x052F


def _letter_key(char: str) -> str:
    """The key of one case-folded letter, digit or space (a Ukrainian letter is keyed
    already)."""
    if _is_cyrillic(char):
        return chr(_OTHER_CYRILLIC_BASE + ord(char) - 0x0400)
    if char.isdigit():
        return str(unicodedata.digit(char, 0)) if unicodedata.digit(char, -1) >= 0 else char
    # Latin and other scripts: without accents (é sorts with e).
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return bare or char


def sort_key(text: str) -> str:
    """The key `text` sorts by: compare keys by code point (see the module's docstring)."""
    # NFC first: a й typed as и + breve is the letter й; a stress mark left over is dropped.
    folded = _MARKS.sub("", unicodedata.normalize("NFC", text).casefold())
    key = " ".join(word for word in _GAPS.split(folded) if word).translate(_CYRILLIC_TABLE)
    if _PLAIN.fullmatch(key):
        return key  # ASCII and the Ukrainian alphabet: most titles, 3 µs
    return "".join(_letter_key(char) for char in key)
