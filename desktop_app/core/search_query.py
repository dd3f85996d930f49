"""Turning what a person types into a safe SQLite FTS5 query.

Typed text never reaches FTS5 as syntax: every word becomes a quoted string, so quotes,
colons, brackets and operators are searched for as text instead of raising an error.
"""

from __future__ import annotations

import re

# unicode61 splits on anything that is not a letter or digit; do the same so a word like
# "T-90" becomes two tokens, as it was indexed.
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts5_query(text: str) -> str | None:
    """All words must match; a last word still being typed also matches as a prefix.

    Returns None when the text holds no searchable word.
    """
    words = _TOKEN.findall(text)
    if not words:
        return None
    parts = [f'"{w}"' for w in words]
    # A word still being typed (no space or punctuation after it) matches as a prefix.
    if _TOKEN.fullmatch(text[-1:]):
        parts[-1] += "*"
    return " ".join(parts)
