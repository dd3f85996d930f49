"""An article page saved from a browser (.html): title, author, time and main text, and the
briefs of its news column.

trafilatura finds the article in the page offline and drops navigation, related links and
footers; what it keeps is sanitised again by our own allow-list before it is stored. The
article's time is its own: the page's meta or JSON-LD, else the `<time>` inside `<article>`,
never a "latest news" column's. The briefs are read from the page's visible text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop_app.core import messages as msg
from desktop_app.core.errors import ImportFormatError
from desktop_app.core.item import ARTICLE, ItemData, published_at_problem, split_tags
from desktop_app.core.sanitize import html_to_text, sanitize_html

if TYPE_CHECKING:
    from desktop_app.core.page.build import Page

MAX_PAGE_CHARS = 20_000_000
# The publication time with its zone, when the page states one (most news sites do).
_TIME_META = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|"""
    r"""datePublished|pubdate|date)["'][^>]*>""",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_JSON_LD = re.compile(
    r"""<script[^>]+type\s*=\s*["']application/ld\+json["'][^>]*>(.*?)</script>""",
    re.IGNORECASE | re.DOTALL,
)
_ARTICLE = re.compile(r"<article\b.*?</article>", re.IGNORECASE | re.DOTALL)
_TIME_TAG = re.compile(r"""<time\b[^>]*datetime\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_CANONICAL = re.compile(
    r"""<link[^>]+rel\s*=\s*["']canonical["'][^>]*href\s*=\s*["']([^"']+)["']""", re.IGNORECASE
)


def _kyiv() -> dt.tzinfo:
    try:
        return ZoneInfo("Europe/Kyiv")
    except ZoneInfoNotFoundError:  # a system without tz data: Kyiv's winter offset
        return dt.timezone(dt.timedelta(hours=2))


def _stamp(text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    # A time without a zone is the site's local time (Kyiv, for the sites we read).
    return _utc(when if when.tzinfo else when.replace(tzinfo=_kyiv()))


def _json_ld_dates(node: Any) -> list[str]:
    """Every datePublished in a JSON-LD document, articles' first."""
    found: list[str] = []
    if isinstance(node, list):
        for child in node:
            found += _json_ld_dates(child)
    elif isinstance(node, dict):
        value = node.get("datePublished")
        if isinstance(value, str):
            kind = str(node.get("@type", ""))
            found.insert(0, value) if "Article" in kind else found.append(value)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            found += _json_ld_dates(node.get(key))
    return found


def _own_times(markup: str) -> list[str]:
    """The article's own stated times: meta tags, JSON-LD, the `<time>` inside `<article>`."""
    found = []
    for tag in _TIME_META.findall(markup):
        match = _CONTENT.search(tag)
        if match:
            found.append(match.group(1))
    for block in _JSON_LD.findall(markup):
        try:
            found += _json_ld_dates(json.loads(unescape(block) if "&quot;" in block else block))
        except ValueError:
            continue
    article = _ARTICLE.search(markup)
    if article is not None:
        found += _TIME_TAG.findall(article.group(0))
    return found


def _dateline(markup: str, title: str) -> tuple[dt.datetime, bool] | None:
    """(the time on the line under the headline, whether only its day is stated): pages
    without metadata print it there ("2022-04-12 06:00:00 | ID: 67225", "08 липня 2022,
    09:25")."""
    from desktop_app.core.page.dates import DATE, TIME, date_of, time_of
    from desktop_app.core.page.visible import visible_text

    lines = [" ".join(line.split()) for line in visible_text(markup).splitlines()]
    lines = [line for line in lines if line]
    for i, line in enumerate(lines[:-1]):
        if line != title:
            continue
        match = re.match(rf"(?:{DATE})(?:,?\s+(?:{TIME}))?", lines[i + 1])
        day = date_of(match) if match else None
        if match is None or day is None:
            continue
        time = time_of(match) if match.group("hour") else None
        return _utc(dt.datetime.combine(day, time or dt.time(), _kyiv())), time is None
    return None


def _published(markup: str, date_text: str | None, title: str) -> tuple[dt.datetime, bool] | None:
    """(the article's own publication time, whether only its day is known)."""
    for text in _own_times(markup):
        when = _stamp(text)
        if when is not None:
            return when, False
    dateline = _dateline(markup, title)
    if dateline is not None:
        return dateline
    # trafilatura's guess may come from a news column's <time>: trusted only without any.
    if date_text and not _TIME_TAG.search(markup):
        try:
            day = dt.date.fromisoformat(date_text)
        except ValueError:
            return None
        return _utc(dt.datetime.combine(day, dt.time(), _kyiv())), True
    return None


def _utc(when: dt.datetime) -> dt.datetime:
    """The time in UTC; a time so near year 1 or 9999 that it leaves the calendar is kept as
    it is, for the bounds check to name (the arithmetic would raise)."""
    try:
        return when.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        return when


def _body_html(markup: str) -> str:
    import trafilatura

    extracted = trafilatura.extract(
        markup,
        output_format="html",
        include_formatting=True,
        include_links=True,
        include_images=False,
        include_comments=False,
    )
    return sanitize_html(extracted or "")


def read_html_page(text: str, *, source: str = "") -> ItemData:
    """One article from a saved page; ImportFormatError when no title, time or text is found."""
    import trafilatura  # ~0.3 s to import: only saved pages need it

    file = source or None
    if len(text) > MAX_PAGE_CHARS:
        raise ImportFormatError(f"page of {len(text):,} characters is too large", file=file)
    # A Document object (trafilatura 2) whose fields may each be None.
    doc: Any = trafilatura.bare_extraction(text, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        raise ImportFormatError(msg.NO_ARTICLE_TEXT, file=file, field="body")
    title = " ".join(unescape(doc.title or "").split())
    if not title:
        raise ImportFormatError("the page has no title", file=file, field="title")
    found = _published(text, doc.date, title)
    if found is None:
        raise ImportFormatError(
            "the page states no publication date", file=file, field="published_time"
        )
    published, day_only = found
    problem = published_at_problem(published)
    if problem is not None:
        raise ImportFormatError(problem, file=file, field="published_time")
    body_html = _body_html(text)
    body = html_to_text(body_html) if body_html else " ".join((doc.text or "").split())
    # trafilatura repeats the headline as the first paragraph; the reader shows it already.
    if body.startswith(title):
        body = body[len(title) :].lstrip()
    canonical = _CANONICAL.search(text)
    url = doc.url or (canonical.group(1) if canonical else None)
    return ItemData(
        kind=ARTICLE,
        title=title,
        published_at=published,
        body=body,
        lead=" ".join((doc.description or "").split()),
        author=" ".join((doc.author or "").split()),
        source_name=" ".join((doc.sitename or "").split()),
        source_url=url.strip() if url and url.strip() else None,
        tags=split_tags(",".join(doc.tags or [])),
        body_html=body_html,
        date_estimated=day_only,  # a day without its time
    )


def read_saved_page(text: str, *, source: str = "", now: dt.datetime | None = None) -> Page:
    """The saved page's article (as `read_html_page`), the report it states and the briefs of
    its news column; ImportFormatError when it holds neither an article nor briefs."""
    from desktop_app.core.page.build import assemble
    from desktop_app.core.page.text_page import split_page
    from desktop_app.core.page.visible import visible_text

    article: ItemData | None
    try:
        article = read_html_page(text, source=source)
    except ImportFormatError as exc:
        if exc.field == "published_time":
            raise  # an article is there, but not its date: never guessed, never dropped
        article, error = None, exc
    briefs = split_page(visible_text(text)).briefs
    if article is not None:
        # Lines of the article itself are never briefs, whatever their layout.
        known = f"{article.title}\n{article.body}"
        briefs = tuple(b for b in briefs if b.title not in known)
    if article is None and not briefs:
        raise error
    source_name = article.source_name if article is not None else ""
    return assemble(article, briefs, source_name=source_name, now=now)
