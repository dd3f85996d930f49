"""Messages written below the window, in English, in a form the window can translate.

Checks and parsers speak English (the command line prints it, the archive stores it with each
warning). Each such message comes from one template here; `render` fills it the English way
("1,234", "+12", a category's English name). `read` finds which template a finished message
came from and takes its values back out, so the window can say it in its own language and
number format, also for messages stored by an older version of the program.

`noop` marks each template for the translation catalogue (context "messages").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from desktop_app.core.categories import BY_KEY, CATEGORIES

CONTEXT = "messages"


def noop(context: str, text: str) -> str:
    """Mark `text` for the catalogue under `context`; the window translates it when shown."""
    del context
    return text


# Checks of one report and of the series (core/validation.py).
NO_DATE = noop("messages", "the report has no date")
FUTURE = noop("messages", "{date} is in the future")
BEFORE_WAR = noop("messages", "reports start on 24 Feb 2022 (day 1 of the war)")
DATE_BEFORE_WAR = noop("messages", "{date} is before the war: reports start on 24 Feb 2022 (day 1)")
NEGATIVE = noop("messages", "{category}: total {total} is negative")
IMPLAUSIBLE_DROP = noop(
    "messages", "{category}: total {total} is below {share} of {before} on {date} (digits lost?)"
)
DECREASE = noop("messages", "{category}: total fell from {before} on {date} to {total}")
CHANGE_MISMATCH = noop(
    "messages", "{category}: stated change {change} but totals differ by {difference}"
)
GAP_DAY = noop("messages", "no report for {date}")
GAP_DAYS = noop("messages", "no report for {date} to {last} ({days} days)")
# An article compared with the stored report it is linked to; {source} is the outlet's name.
ARTICLE_DATE = noop("messages", "{source} is dated {other}, the report {date}")
ARTICLE_NO_FIGURE = noop(
    "messages", "{category}: {source} states {total}, the report has no figure"
)
ARTICLE_TOTAL = noop("messages", "{category}: {source} states {total}, the report {before}")
ARTICLE_CHANGE = noop(
    "messages", "{category}: {source} states a change of {change}, the report {difference}"
)
THE_ARTICLE = noop("messages", "the article")
# Why a text gave no report (core/report_parser.py).
EMPTY_TEXT = noop("messages", "the text is empty")
NO_FIGURES = noop("messages", "no loss figures found in the text")
NO_CATEGORY = noop("messages", "no known loss category in the text (could not read: {text})")
# Why an importer refused a file, a record or a field (core/formats; `localized_line` shows
# them after the file, record and field they name).
FILE_EMPTY = noop("messages", "file is empty")
NOT_UTF8 = noop(
    "messages",
    "not UTF-8 text: undecodable byte {byte} at byte offset {offset} (save the file as UTF-8)",
)
NOT_UTF8_LIKE = noop(
    "messages",
    "not UTF-8 text: undecodable byte {byte} at byte offset {offset} "
    "(it looks like {encoding}; save the file as UTF-8)",
)
CUT_OFF = noop("messages", "the file ends inside <{element}>: it looks cut off (truncated)")
MALFORMED_JSON = noop("messages", "malformed JSON at line {line}, column {column}: {detail}")
NOT_A_FEED = noop("messages", "not an RSS or Atom feed")
TOO_LONG = noop("messages", "{length} characters is too long (at most {limit})")
TEXT_TOO_LONG = noop("messages", "text of {length} characters is too long")
WHOLE_NUMBER = noop("messages", "expected a whole number, got {value}")
WHOLE_NUMBER_TEXT = noop("messages", "expected a whole number, got text {value}")
FEWER_CELLS = noop("messages", "fewer cells than columns")
NO_ARTICLE_TEXT = noop("messages", "no article text found in the page")
NO_REPORT_DATE = noop("messages", "the report's date could not be read")
CHANGES_ONLY = noop("messages", "the text states only the day's changes, no totals to store")
DATE_TOO_LATE = noop("messages", "date {value} is more than a day in the future")
DATE_TOO_EARLY = noop("messages", "date {value} is before 1900")
TIME_TOO_LATE = noop("messages", "time {value} is more than a day in the future")
TIME_TOO_EARLY = noop("messages", "time {value} is before 1900")

# Why a feed could not be fetched or read (services/fetching.py, services/subscriptions.py):
# stored with the source and shown in the Sources panel.
WAIT_UNTIL = noop("messages", "the server asked us to wait until {clock}Z")
TOO_BIG = noop("messages", "the answer is larger than {megabytes} MB ({how}); not read")
TOO_BIG_SAID = noop("messages", "it says {bytes} bytes")
TOO_BIG_READ = noop("messages", "read so far")
NOT_FOUND_404 = noop("messages", "not found (404)")
GONE_410 = noop("messages", "gone (410): the server says this address is retired")
SLOW_DOWN_429 = noop("messages", "too many requests (429): the server asked us to slow down")
FAILED_500 = noop("messages", "the server failed (500)")
UNAVAILABLE_503 = noop("messages", "the server is unavailable (503)")
TIMED_OUT = noop("messages", "no answer in time (timed out)")
TOO_MANY_REDIRECTS = noop("messages", "more than {count} redirects")
CANNOT_CONNECT = noop("messages", "cannot connect: {reason}")
REFUSED_CONNECTION = noop("messages", "the server refused the connection")
NO_SUCH_HOST = noop("messages", "no host of that name")
NAME_NOT_LOOKED_UP = noop("messages", "the host name could not be looked up")
NETWORK_UNREACHABLE = noop("messages", "the network is unreachable")
NO_ROUTE = noop("messages", "no route to the host")
CONNECTION_RESET = noop("messages", "the server reset the connection")
CLOSED_PARTWAY = noop("messages", "the server closed the connection before the whole answer came")
CLOSED_SILENT = noop("messages", "the server closed the connection without answering")
DAMAGED_HOW = noop("messages", "the answer's compressed ({encoding}) data are damaged; not read")
DAMAGED = noop("messages", "the answer's compressed data are damaged; not read")
NOT_AN_ADDRESS = noop("messages", "not a usable address: {detail}")
PAGE_NOT_FEED = noop("messages", "the address gives a web page, not a feed")
PAGE_NAMES_FEED = noop(
    "messages", "the address gives a web page, not a feed; the page names the feed {url}"
)
UNREADABLE_FEED = noop("messages", "not a feed that can be read: {reason}")
NOT_FETCHED = noop("messages", "not fetched: {reason}")
NOT_SUBSCRIBED = noop("messages", "{url}: {reason}; nothing was subscribed")
NAMES_NO_FEED = noop(
    "messages", "{url}: not a feed, and the page names no feed; nothing was subscribed"
)
NAMES_BAD_FEEDS = noop(
    "messages",
    "{url}: not a feed, and the page names feeds that could not be read; nothing was subscribed",
)
# A pasted page without anything to save (services/pages.py, core/page/build.py).
NO_PAGE = noop(
    "messages",
    "no article with a dated byline and no briefs (a time, then a headline) were found",
)
PAGE_REPORT = noop("messages", "report of {date}: {reason}")
# Someone else changed what an editor or an undo was about (storage/versions.py,
# services/history.py). {what} is QUOTED (a title), ITEM_NUMBER or REPORT_OF; {who} a name,
# ANOTHER_PROGRAM or SOMEONE_ELSE, with WHO_AT when the time is known.
ITEM_NUMBER = noop("messages", "item {id}")
QUOTED = noop("messages", "“{title}”")
REPORT_OF = noop("messages", "the report of {date}")
ANOTHER_PROGRAM = noop("messages", "another program")
SOMEONE_ELSE = noop("messages", "someone else")
WHO_AT = noop("messages", "{name} at {time}")
DELETED_MEANWHILE = noop(
    "messages", "{what} was deleted by someone else since you opened it; nothing was saved"
)
REENTERED_MEANWHILE = noop(
    "messages",
    "{what} was deleted and entered again by {who} since you opened it; nothing was saved",
)
ENTERED_MEANWHILE = noop(
    "messages", "{what} was entered by {who} since you opened it; nothing was saved"
)
CHANGED_MEANWHILE = noop(
    "messages", "{what} was changed by {who} since you opened it; nothing was saved"
)
CHANGED_AFTER = noop(
    "messages",
    "{what} was changed by {who} after this change; undoing it would overwrite theirs. "
    "Nothing was changed",
)

# Why a write was refused (storage/db, services/transfer.py, storage/backup.py,
# services/archive_file.py, storage/sources.py). A file's or folder's name before the reason
# ("PATH: reason") is kept as it is by `localized_line`.
BUSY = noop("messages", "another program is writing to the archive; try again")
DISK_FULL = noop("messages", "the disk is full; nothing was changed")
DISK_IS_FULL = noop("messages", "the disk is full")
CONNECTION_LOST = noop("messages", "the connection to {address} was lost; nothing was changed")
READ_ONLY_FILE = noop(
    "messages",
    "the archive is read-only ({path} or its folder cannot be written); nothing was changed",
)
READ_ONLY_ROLE = noop(
    "messages", "the role {role} may only read the archive at {address}; nothing was changed"
)
NO_FOLDER_WRITTEN = noop("messages", "there is no folder {folder}; nothing was written")
NOT_WRITTEN = noop("messages", "{reason}; nothing was written")
IS_A_FOLDER = noop("messages", "is a folder; give a file name")
OWN_FILE = noop("messages", "this is the archive's own file; it cannot be {what}")
IMPORTED_INTO_ITSELF = noop("messages", "imported into itself")
OVERWRITTEN_BY_EXPORT = noop("messages", "overwritten by an export")
IMPORTED_AS_SOURCES = noop("messages", "imported as a list of sources")
NOTHING_TO_BACK_UP = noop("messages", "no archive file to back up")
BACKUP_OVER_ARCHIVE = noop("messages", "a backup cannot replace the archive itself")
NO_FOLDER = noop("messages", "there is no folder {folder}")
BACKUP_NOT_WRITTEN = noop("messages", "cannot write the backup ({reason})")
RESTORE_ITSELF = noop("messages", "this is the archive itself; choose a backup file")
NO_SUCH_FILE = noop("messages", "no such file")
CANNOT_RESTORE = noop("messages", "cannot restore ({reason}); the archive was not changed")
SOURCE_NEEDS_NAME = noop("messages", "name: a source needs a name")
NOT_WEB = noop("messages", "not a web address")
NOT_WEB_ONLY_HTTP = noop(
    "messages", "not a web address; only http:// and https:// addresses can be followed"
)
NOT_WEB_ADDRESS = noop("messages", "url: not a web address: {value}")
SOURCE_EXISTS = noop("messages", "name: a source called {name} exists already")
ALREADY_SUBSCRIBED = noop("messages", "url: already subscribed as {name}")

TEMPLATES: tuple[str, ...] = (
    NO_DATE,
    FUTURE,
    BEFORE_WAR,
    DATE_BEFORE_WAR,
    NEGATIVE,
    IMPLAUSIBLE_DROP,
    DECREASE,
    CHANGE_MISMATCH,
    GAP_DAY,
    GAP_DAYS,
    ARTICLE_DATE,
    ARTICLE_NO_FIGURE,
    ARTICLE_TOTAL,
    ARTICLE_CHANGE,
    EMPTY_TEXT,
    NO_FIGURES,
    NO_CATEGORY,
    FILE_EMPTY,
    NOT_UTF8_LIKE,  # before NOT_UTF8: the more specific first
    NOT_UTF8,
    CUT_OFF,
    MALFORMED_JSON,
    NOT_A_FEED,
    TOO_LONG,
    TEXT_TOO_LONG,
    WHOLE_NUMBER_TEXT,  # before WHOLE_NUMBER: the more specific first
    WHOLE_NUMBER,
    FEWER_CELLS,
    NO_ARTICLE_TEXT,
    NO_REPORT_DATE,
    CHANGES_ONLY,
    DATE_TOO_LATE,
    DATE_TOO_EARLY,
    TIME_TOO_LATE,
    TIME_TOO_EARLY,
    WAIT_UNTIL,
    TOO_BIG,
    TOO_BIG_SAID,
    TOO_BIG_READ,
    NOT_FOUND_404,
    GONE_410,
    SLOW_DOWN_429,
    FAILED_500,
    UNAVAILABLE_503,
    TIMED_OUT,
    TOO_MANY_REDIRECTS,
    CANNOT_CONNECT,
    REFUSED_CONNECTION,
    NO_SUCH_HOST,
    NAME_NOT_LOOKED_UP,
    NETWORK_UNREACHABLE,
    NO_ROUTE,
    CONNECTION_RESET,
    CLOSED_PARTWAY,
    CLOSED_SILENT,
    DAMAGED_HOW,
    DAMAGED,
    NOT_AN_ADDRESS,
    PAGE_NAMES_FEED,  # before PAGE_NOT_FEED: the more specific first
    PAGE_NOT_FEED,
    UNREADABLE_FEED,
    NOT_FETCHED,
    NAMES_NO_FEED,  # before NOT_SUBSCRIBED: the more specific first
    NAMES_BAD_FEEDS,
    NOT_SUBSCRIBED,
    NO_PAGE,
    PAGE_REPORT,
    DELETED_MEANWHILE,
    REENTERED_MEANWHILE,
    ENTERED_MEANWHILE,
    CHANGED_MEANWHILE,
    CHANGED_AFTER,
    ITEM_NUMBER,
    QUOTED,
    REPORT_OF,
    ANOTHER_PROGRAM,
    SOMEONE_ELSE,
    WHO_AT,
    BUSY,
    DISK_FULL,
    DISK_IS_FULL,
    CONNECTION_LOST,
    READ_ONLY_FILE,
    READ_ONLY_ROLE,
    NO_FOLDER_WRITTEN,  # before NOT_WRITTEN: the more specific first
    NOT_WRITTEN,
    IS_A_FOLDER,
    OWN_FILE,
    IMPORTED_INTO_ITSELF,
    OVERWRITTEN_BY_EXPORT,
    IMPORTED_AS_SOURCES,
    NOTHING_TO_BACK_UP,
    BACKUP_OVER_ARCHIVE,
    NO_FOLDER,
    BACKUP_NOT_WRITTEN,
    RESTORE_ITSELF,
    NO_SUCH_FILE,
    CANNOT_RESTORE,
    SOURCE_NEEDS_NAME,
    NOT_WEB_ADDRESS,
    NOT_WEB_ONLY_HTTP,  # before NOT_WEB: the more specific first
    NOT_WEB,
    SOURCE_EXISTS,
    ALREADY_SUBSCRIBED,
)
# Placeholders holding a message of their own (a reason, who, what): translated in turn.
NESTED = frozenset({"reason", "what", "who", "name", "how"})

# What each placeholder holds, by its name.
COUNTS = frozenset({"total", "before", "days", "length", "limit", "offset", "bytes"})
SIGNED = frozenset({"change", "difference"})
DATES = frozenset({"date", "last", "other"})
CATEGORY = "category"

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Read:
    """A message taken apart: its template and the values, as written in English."""

    template: str
    values: Mapping[str, str]


def render(template: str, **values: object) -> str:
    """The English message: counts with thousands separators, changes signed, categories named."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values[name]
        if name == CATEGORY:
            return BY_KEY[str(value)].label_en
        if name in SIGNED and isinstance(value, int):
            return f"{value:+,}"
        if name in COUNTS and isinstance(value, int):
            return f"{value:,}"
        return str(value)

    return _PLACEHOLDER.sub(one, template)


def _pattern(name: str) -> str:
    if name == CATEGORY:
        labels = sorted((c.label_en for c in CATEGORIES), key=len, reverse=True)
        return "|".join(re.escape(label) for label in labels)
    if name in COUNTS:
        return r"-?[\d,]+"
    if name in SIGNED:
        return r"[+\-−]?[\d,]+"
    if name in DATES:
        return r"\d{4}-\d{2}-\d{2}"
    if name == "share":
        return r"\d+%"
    if name == "time":
        return r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"
    return r".+?"


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    compiled = []
    for template in TEMPLATES:
        parts: list[str] = []
        last = 0
        for match in _PLACEHOLDER.finditer(template):
            parts.append(re.escape(template[last : match.start()]))
            name = match.group(1)
            parts.append(f"(?P<{name}>{_pattern(name)})")
            last = match.end()
        parts.append(re.escape(template[last:]))
        compiled.append((template, re.compile("".join(parts))))
    return tuple(compiled)


def read(message: str) -> Read | None:
    """Which template wrote `message`, and its values; None for a message of no template."""
    for template, pattern in _compiled():
        found = pattern.fullmatch(message)
        if found is not None:
            return Read(template, found.groupdict())
    return None


def number(text: str) -> int | None:
    """A count or change as written by `render` ("1,234", "+12", "−3"), else None."""
    cleaned = text.replace(",", "").replace("−", "-")
    try:
        return int(cleaned)
    except ValueError:
        return None


def category_key(label: str) -> str | None:
    return next((c.key for c in CATEGORIES if c.label_en == label), None)
