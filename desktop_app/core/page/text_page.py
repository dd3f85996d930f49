"""Split a news page copied as text into its article, its briefs and the furniture around them.

A copied page holds one article (headline, byline with date and time, photo caption, body),
then furniture (teasers, author boxes, "1 min read", share buttons, newsletter prompts) and a
column of briefs, each a time line ("3:53 PM"), a one-line headline and a short paragraph,
sometimes under day headings. Only the article and the briefs are kept; captions, teasers and
author boxes are not items.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop_app.core.page.dates import DATE, TIME, date_of, time_line, time_of

_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_MIN_READ = r"\d+\s*min(?:ute)?s?\s+read"
# "by Newsroom January 1, 2024 9:15 AM 1 min read" (the name, date and time on one line).
_BYLINE = re.compile(
    rf"^(?:by|By|BY)\s+(?P<author>.+?)\s*[,·•|—-]?\s*{_WEEKDAY}{DATE}"
    rf"(?:\s*[,·•|]?\s*(?:at\s+)?{TIME})?(?:\W*{_MIN_READ})?\W*$"
)
_AUTHOR_LINE = re.compile(r"^(?:by|By|BY)\s+(?P<author>[^.!?:]{2,80})$")
# A line that is a date, with or without its time ("January 1, 2024 9:15 AM · 1 min read").
_DATE_LINE = re.compile(
    rf"^{_WEEKDAY}{DATE}(?:\s*[,·•|]?\s*(?:at\s+)?{TIME})?(?:\W*{_MIN_READ})?\W*$",
    re.IGNORECASE,
)
_MIN_READ_LINE = re.compile(rf"^{_MIN_READ}$", re.IGNORECASE)
# Lines that end what came before them: author boxes, feeds' headings, footers, prompts.
_END = re.compile(
    r"^(?:avatar|read more|show more|load more|see more|latest(?: news)?|news ?feed"
    r"|most (?:popular|read)|related(?: articles| stories| news)?|more (?:from|on) [^.]*"
    r"|recommended(?: for you)?|trending(?: now)?|top stories|subscribe(?: to [^.]*)?"
    r"|sign up(?: for [^.]*)?|(?:our |the |daily |weekly )?newsletters?"
    r"|support (?:us|our [^.]*|independent [^.]*)|become a (?:member|patron)[^.]*"
    r"|share(?: this(?: article| story)?| on \w+| article)?|copy link|comments?(?: \(\d+\))?"
    r"|leave a (?:comment|reply)|tags?:.*|topics?:.*|©.*|copyright\b.*|all rights reserved.*"
    r"|advertisement|privacy policy|terms (?:of|and) [^.]*|about us|contact us"
    r"|останні новини|стрічка новин|читайте також|підписуйтеся[^.]*|поділитися)[.!]?$",
    re.IGNORECASE,
)
# An ending line is short: a long one is a paragraph that happens to start like one.
_END_MAX_CHARS = 80
# Lines inside an article that are not its text: teasers, notes, reading times, credits.
_SKIP = re.compile(
    rf"^(?:{_MIN_READ}|(?:read also|also read|see also|read more|related|more on this"
    r"|читайте також|дивіться також)\s*[:—–-].*|editor'?s note\b.*|editors' note\b.*"
    r"|this audio is created with ai assistance.*|listen to (?:this )?article.*"
    r"|(?:photo|photos|фото|credit|image|illustrative photo|ілюстративне фото)\s*[:.—–-].*"
    r"|(?:updated|оновлено):?\s+(?:on\s+|at\s+)?(?:\d|[A-ZА-ЯІЇЄ][a-zа-яіїє]{2}).{0,40})$",
    re.IGNORECASE,
)
# A photo caption ends with its credit: "(Photo: Name)", "(Name/Agency via Getty Images)".
_CAPTION = re.compile(
    r"\((?:[^()]*(?:/|photo|getty|\bvia\b|credit|фото|reuters|\bafp\b|\bap\b|shutterstock)"
    r"[^()]*)\)\.?$",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "!", "?", "…", ".\u201d", ".\u2019", '."')


@dataclass(frozen=True)
class ArticleText:
    title: str
    author: str
    date: dt.date | None
    time: dt.time | None
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class BriefText:
    time: dt.time
    title: str
    text: str
    # The day heading the brief was listed under, when the page has them.
    heading: dt.date | None = None


@dataclass(frozen=True)
class PageText:
    article: ArticleText | None
    briefs: tuple[BriefText, ...]

    @property
    def found(self) -> bool:
        return self.article is not None or bool(self.briefs)


def _clean(line: str) -> str:
    return " ".join(line.replace("\u00a0", " ").replace("\u200b", "").split())


def _ends(line: str) -> bool:
    return len(line) <= _END_MAX_CHARS and bool(_END.match(line))


def is_furniture(line: str) -> bool:
    return _ends(line) or bool(_SKIP.match(line) or _CAPTION.search(line))


def _next_content(lines: list[str], start: int) -> int | None:
    for k in range(start, len(lines)):
        if lines[k]:
            return k
    return None


@dataclass(frozen=True)
class _Byline:
    author: str
    date: dt.date
    time: dt.time | None
    first: int  # index of its first line
    last: int  # index of its last line


def _date_and_time(match: re.Match[str]) -> tuple[dt.date | None, dt.time | None]:
    day = date_of(match)
    time = time_of(match) if match.group("hour") else None
    return day, time


def _byline_at(lines: list[str], i: int) -> _Byline | None:
    line = lines[i]
    match = _BYLINE.match(line)
    if match:
        day, time = _date_and_time(match)
        author = match.group("author").strip(" ,·•|—-")
        return _Byline(author, day, time, i, i) if day else None
    author = ""
    first = i
    author_match = _AUTHOR_LINE.match(line)
    if author_match:
        nxt = _next_content(lines, i + 1)
        if nxt is None or nxt - i > 2:
            return None
        author, i = author_match.group("author").strip(), nxt
        line = lines[i]
    match = _DATE_LINE.match(line)
    if not match:
        return None
    day, time = _date_and_time(match)
    if day is None:
        return None
    last = i
    if time is None:
        # "January 1, 2024" / "9:15 AM" / "1 min read": the time on a line of its own. Without
        # a name above or a reading time below, a lone date is a day heading of the briefs.
        nxt = _next_content(lines, i + 1)
        after = _next_content(lines, nxt + 1) if nxt is not None else None
        found = time_line(lines[nxt]) if nxt is not None else None
        reading = after is not None and bool(_MIN_READ_LINE.match(lines[after]))
        if found is not None and (author or reading):
            time, last = found, nxt if nxt is not None else i
        elif not author and not reading:
            return None
    return _Byline(author, day, time, first, last)


def _title_before(lines: list[str], first: int) -> int | None:
    for k in range(first - 1, -1, -1):
        line = lines[k]
        if not line or _MIN_READ_LINE.match(line) or is_furniture(line):
            continue
        return k
    return None


def _article(lines: list[str]) -> tuple[ArticleText, int, int] | None:
    """The article and the range of lines it covers (headline to the end of its body)."""
    for i, line in enumerate(lines):
        if not line:
            continue
        byline = _byline_at(lines, i)
        if byline is None:
            continue
        title_at = _title_before(lines, byline.first)
        if title_at is None:
            continue
        title = lines[title_at]
        paragraphs: list[str] = []
        end = len(lines)
        for k in range(byline.last + 1, len(lines)):
            text = lines[k]
            if not text or text == title or _SKIP.match(text) or _CAPTION.search(text):
                continue
            if (
                _ends(text)
                or time_line(text) is not None
                or _DATE_LINE.match(text)
                or (byline.author and text.lower() == byline.author.lower())
            ):
                end = k
                break
            paragraphs.append(text)
        if paragraphs:
            article = ArticleText(title, byline.author, byline.date, byline.time, tuple(paragraphs))
            return article, title_at, end
    return None


def _ends_brief(line: str) -> bool:
    return _ends(line) or time_line(line) is not None or bool(_DATE_LINE.match(line))


def _briefs(lines: list[str], skip: range) -> list[BriefText]:
    briefs: list[BriefText] = []
    heading: dt.date | None = None
    k = 0
    while k < len(lines):
        if k in skip:
            k = skip.stop
            continue
        line = lines[k]
        k += 1
        heading_match = _DATE_LINE.match(line) if line else None
        if heading_match and not heading_match.group("hour"):
            heading = date_of(heading_match) or heading
            continue
        time = time_line(line) if line else None
        if time is None:
            continue
        at = _next_content(lines, k)
        if at is None or at in skip:
            continue
        title = lines[at]
        if is_furniture(title) or _ends_brief(title):
            continue
        text: list[str] = []
        n = at + 1
        while n < len(lines) and n not in skip:
            current = lines[n]
            if not current:
                if text:
                    break
            elif _ends_brief(current) or _SKIP.match(current) or _CAPTION.search(current):
                break
            else:
                text.append(current)
            n += 1
        if not text and not title.endswith(_SENTENCE_END):
            continue  # a time beside a lone label is not a brief
        briefs.append(BriefText(time, title, " ".join(text), heading))
        k = n
    return briefs


def split_page(text: str) -> PageText:
    """The article (if the page has a headline with a dated byline) and the briefs."""
    lines = [_clean(line) for line in text.splitlines()]
    found = _article(lines)
    if found is None:
        return PageText(None, tuple(_briefs(lines, range(0))))
    article, first, end = found
    return PageText(article, tuple(_briefs(lines, range(first, end))))


def looks_like_page(text: str) -> bool:
    """A page with a dated article or with briefs (not a bare report text)."""
    return split_page(text).found
