"""The search field's query language: parsed into a small tree, compiled to safe FTS5 text.

    drones kharkiv          all words (the last one also as a prefix while typing)
    "air defense"           an exact phrase
    energ*                  a prefix
    sumy OR kharkiv         either word
    -shelling               without the word
    kind:brief author:name tag:energy source:name from:2023-11-01 to:2023-11-30
    is:starred is:unread is:read

Typed text never reaches FTS5 as syntax: each word is reduced to its letters and digits and
quoted, and the only operators in the compiled text are the ones written here. A filter that
cannot be read (a bad date, an unknown kind) is dropped and named in `Query.ignored`, so the
window can say why instead of failing.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# unicode61 splits on anything that is not a letter or digit; do the same so a word like
# "T-90" becomes the two-token phrase it was indexed as.
_TOKEN = re.compile(r"\w+", re.UNICODE)
_FIELD = re.compile(r"^(\w+):(.*)$", re.UNICODE | re.DOTALL)
# Ukrainian writes the apostrophe three ways: ' and ’ split a word in the index (п'ять is
# "п" + "ять"), ʼ (U+02BC, a letter to the tokenizer) keeps it whole (пʼять). A word typed
# with any of them is searched in both spellings.
_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ](?=\w)", re.UNICODE)
JOINED_APOSTROPHE = "ʼ"
TEXT_FILTERS = ("author", "tag", "source")
FIELDS = (*TEXT_FILTERS, "kind", "from", "to", "is")
KINDS = {"article": "article", "articles": "article", "brief": "brief", "briefs": "brief"}
FLAGS = ("starred", "unread", "read")
# Date filters outside these years are named and ignored: nothing in the archive is older
# (items are refused before 1900), and a bound near year 1 or 9999 cannot be turned into a
# local day's UTC start without leaving the calendar.
MIN_FILTER_YEAR = 1900
MAX_FILTER_YEAR = 2100


# A phrase's words, and whether its last word is a prefix.
Alternative = tuple[tuple[str, ...], bool]


@dataclass(frozen=True)
class Term:
    """Words that must appear together, in order (one word is a one-word phrase)."""

    tokens: tuple[str, ...]
    prefix: bool = False

    def fts(self, alternatives: Sequence[Alternative] | None = None) -> str:
        """FTS5 text for this term; a prefix term with `alternatives` (phrases of words as the
        index spells them, each ending in a whole word or a longer prefix, that together
        find what the prefix finds) becomes their OR: the same rows, the frequent words read
        lazily instead of merged up front."""
        if self.prefix and alternatives:
            phrases = [
                '"' + " ".join(w.replace('"', '""') for w in words) + '"' + ("*" if last else "")
                for words, last in alternatives
            ]
            return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"
        # Tokens hold only word characters, so no quote can close the string early.
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")

    def pattern(self) -> str:
        """A regular expression finding this term in displayed text (for highlighting)."""
        parts = [re.escape(t) for t in self.tokens]
        tail = r"\w*" if self.prefix else r"\b"
        return r"\b" + r"\W+".join(parts) + tail


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# FTS5 text that matches nothing, at once (an empty phrase): a query that `finds_nothing`.
NOTHING = '""'


def _same(word: str, other: str, *, prefix: bool) -> bool:
    """Whether the index holds `word` as the query spells it (or, `prefix`, a word starting
    with it) wherever it holds `other`. Only claimed for a word of ASCII letters and digits,
    which the tokenizer keeps whole and only folds to lower case; for anything else it
    might read differently, no."""
    if not (word.isascii() and word.isalnum()):
        return False
    word, other = word.lower(), other.translate(_ASCII_LOWER)
    return other.startswith(word) if prefix else other == word


def _covers(out: Term, term: Term) -> bool:
    """Whether every text `term` finds also has `out` in it: `out`'s words inside `term`'s
    phrase, in a row (`out`'s last word may be a prefix; `term`'s last one, if a prefix,
    only stands for itself when `out` takes it as a prefix too)."""
    size, words = len(out.tokens), term.tokens
    for start in range(len(words) - size + 1):
        window = words[start : start + size]
        inner = zip(out.tokens[:-1], window[:-1], strict=True)
        if not all(_same(a, b, prefix=False) for a, b in inner):
            continue
        open_end = term.prefix and start + size == len(words)
        if (out.prefix or not open_end) and _same(out.tokens[-1], window[-1], prefix=out.prefix):
            return True
    return False


# Prefix terms and the phrases each stands for (`Query.fts_match`).
Expansions = Mapping[Term, Sequence[Alternative]]


@dataclass(frozen=True)
class TextFilter:
    field: str  # one of TEXT_FILTERS
    value: str
    negated: bool = False


@dataclass(frozen=True)
class Query:
    """What the user asked for: each clause is alternatives joined by OR; clauses all apply."""

    clauses: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: tuple[TextFilter, ...] = ()
    kind: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    flags: frozenset[str] = field(default_factory=frozenset)
    ignored: tuple[str, ...] = ()  # filters that could not be read, as typed

    def fts_match(self, expanded: Expansions | None = None) -> str | None:
        """The MATCH text for the words, or None when only exclusions (or nothing) remain.

        `expanded`: prefix terms written as the OR of the whole words they stand for
        (`Term.fts`); the rows matched are the same.
        """
        if not self.clauses:
            return None
        if self.finds_nothing():
            return NOTHING
        known = expanded or {}
        positive = " AND ".join(
            alts[0].fts(known.get(alts[0]))
            if len(alts) == 1
            else "(" + " OR ".join(t.fts(known.get(t)) for t in alts) + ")"
            for alts in self.clauses
        )
        if self.excluded:
            return f"({positive}) NOT ({self.fts_excluded(expanded)})"
        return positive

    def finds_nothing(self) -> bool:
        """Whether the search asks only for what it also leaves out: a clause whose every
        text has an excluded word (`power -power`, `"power lines" -pow*`), or a filter and
        its negation (`tag:energy -tag:energy`). Known without reading anything, where
        SQLite would read every match or item to find it out."""
        return self.words_left_out() or self.filter_left_out() is not None

    def words_left_out(self) -> bool:
        """Whether a clause asks only for what is also excluded (`finds_nothing`)."""
        return any(
            all(any(_covers(out, term) for out in self.excluded) for term in alts)
            for alts in self.clauses
        )

    def filter_left_out(self) -> TextFilter | None:
        """A filter the query also negates, as typed (`tag:energy -tag:energy`), if any."""
        asked = {(f.field, f.value) for f in self.filters if not f.negated}
        return next((f for f in self.filters if f.negated and (f.field, f.value) in asked), None)

    def fts_excluded(self, expanded: Expansions | None = None) -> str | None:
        """MATCH text for the excluded words (used alone when nothing positive is asked)."""
        known = expanded or {}
        return " OR ".join(t.fts(known.get(t)) for t in self.excluded) or None

    def prefix_terms(self) -> list[Term]:
        """The terms searched as prefixes, each once."""
        terms = [t for alts in self.clauses for t in alts] + list(self.excluded)
        return list(dict.fromkeys(t for t in terms if t.prefix))

    def highlight_patterns(self) -> list[str]:
        return [t.pattern() for alts in self.clauses for t in alts]


_OR = object()


def _chunks(text: str) -> list[tuple[str, bool, bool]]:
    """Split into (text, negated, quoted) pieces; an unclosed quote runs to the end."""
    out: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-"
        if negated:
            i += 1
            if i >= n or text[i].isspace():
                continue  # a lone '-' means nothing
        if text[i] == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            phrase = text[i + 1 : end]
            i = end + 1
            if i < n and text[i] == "*":
                phrase += "*"
                i += 1
            out.append((phrase, negated, True))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        chunk = text[start:i]
        # field:"quoted value"
        if chunk.endswith(":") and i < n and text[i] == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            chunk += text[i + 1 : end]
            i = end + 1
        out.append((chunk, negated, False))
    return out


def _date(value: str, *, end: bool) -> dt.date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY; a month or year means its first (or last) day.

    None for an impossible day and for a year outside MIN_FILTER_YEAR..MAX_FILTER_YEAR.
    """
    year = re.match(r"\d{4}(?![0-9])", value)
    if year is None or not MIN_FILTER_YEAR <= int(year.group(0)) <= MAX_FILTER_YEAR:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
            y, m, d = (int(p) for p in value.split("-"))
            return dt.date(y, m, d)
        if re.fullmatch(r"\d{4}-\d{1,2}", value):
            y, m = (int(p) for p in value.split("-"))
            first = dt.date(y, m, 1)
            if not end:
                return first
            following = dt.date(y + (m == 12), m % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def parse_query(text: str, *, typing: bool = True) -> Query:
    """Parse what was typed. Never raises: anything unreadable is searched as words or ignored.

    With `typing`, a last word with nothing after it also matches as a prefix (search as you
    type finds "drones" while the field still says "dro").
    """
    items: list[object] = []
    negatives: list[Term] = []
    filters: list[TextFilter] = []
    ignored: list[str] = []
    kind: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    flags: set[str] = set()
    last_plain: Term | None = None
    for chunk, negated, quoted in _chunks(text):
        last_plain = None
        if not quoted and chunk == "OR" and not negated:
            items.append(_OR)
            continue
        match = None if quoted else _FIELD.match(chunk)
        if match and match.group(1).lower() in FIELDS:
            name, value = match.group(1).lower(), match.group(2).strip()
            if not value:
                continue  # still being typed
            if name in TEXT_FILTERS:
                filters.append(TextFilter(name, value, negated))
            elif name == "kind" and value.lower() in KINDS:
                kind = KINDS[value.lower()]
            elif name == "is" and value.lower() in FLAGS:
                flags.add(value.lower())
            elif name in ("from", "to") and _date(value, end=name == "to") is not None:
                if name == "from":
                    date_from = _date(value, end=False)
                else:
                    date_to = _date(value, end=True)
            else:
                ignored.append(chunk)
            continue
        prefix = chunk.endswith("*")
        tokens = tuple(_TOKEN.findall(chunk))
        if not tokens:
            continue
        terms = _spellings(chunk, prefix)
        if negated:
            negatives.extend(terms)
        else:
            for n, term in enumerate(terms):
                items.extend([_OR, term] if n else [term])
            if not quoted and len(tokens) == 1 and not prefix and len(terms) == 1:
                last_plain = terms[0]
    clauses: list[list[Term]] = []
    joining = False
    for it in items:
        if it is _OR:
            joining = bool(clauses)
        elif isinstance(it, Term):
            if joining:
                clauses[-1].append(it)
            else:
                clauses.append([it])
            joining = False
    if typing and last_plain is not None and _TOKEN.fullmatch(text[-1:]):
        typed = Term(last_plain.tokens, prefix=True)
        clauses = [[typed if t is last_plain else t for t in alts] for alts in clauses]
    return Query(
        clauses=tuple(tuple(alts) for alts in clauses),
        excluded=tuple(negatives),
        filters=tuple(filters),
        kind=kind,
        date_from=date_from,
        date_to=date_to,
        flags=frozenset(flags),
        ignored=tuple(ignored),
    )


def _spellings(chunk: str, prefix: bool) -> list[Term]:
    """The term typed, and for a word with an apostrophe also its other spelling in the
    index (`_APOSTROPHE`): split where the apostrophe is, and whole with ʼ."""
    if not _APOSTROPHE.search(chunk):
        return [Term(tuple(_TOKEN.findall(chunk)), prefix)]
    split = tuple(_TOKEN.findall(_APOSTROPHE.sub(" ", chunk)))
    whole = tuple(_TOKEN.findall(_APOSTROPHE.sub(JOINED_APOSTROPHE, chunk)))
    return [Term(split, prefix), Term(whole, prefix)]


def fts5_query(text: str) -> str | None:
    """The FTS5 MATCH text for the words of `text` (None when there are none to match)."""
    return parse_query(text).fts_match()


def make_snippet(
    text: str,
    patterns: list[str],
    *,
    words: int = 16,
    start_mark: str = "\x02",
    end_mark: str = "\x03",
) -> str:
    """A few words of `text` around the first match, matches wrapped in the marks.

    Done here from the stored text rather than with FTS5's snippet(): that function re-runs
    the whole match for every row, which costs milliseconds per row on a large archive.
    """
    flat = " ".join(text.split())
    if not patterns or not flat:
        return ""
    regex = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    first = regex.search(flat)
    if first is None:
        return ""
    # Start a few words before the first match.
    prefix = flat[: first.start()].rstrip()
    before = prefix.split()
    start = 0 if len(before) <= 4 else len(prefix) - len(" ".join(before[-4:]))
    window = flat[max(0, start) :]
    parts = window.split(" ")
    cut = " ".join(parts[:words])
    marked = regex.sub(lambda m: f"{start_mark}{m.group(0)}{end_mark}", cut)
    return ("…" if start > 0 else "") + marked.strip() + ("…" if len(parts) > words else "")


def make_preview(text: str, *, words: int = 24, cut: bool = False) -> str:
    """The first words of `text` on one line, with "…" where they stop short of it (`cut`:
    the text given is already the beginning of a longer one)."""
    parts = text.split()
    shown = " ".join(parts[:words])
    return shown + "…" if shown and (cut or len(parts) > words) else shown
