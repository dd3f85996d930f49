"""What fetching one source needs from the archive, and what it brings back to store.

Shared by the feed, full-text and loss-figures parts of an update (services.subscriptions,
services.full_texts, services.losses_api); no I/O here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core import messages as m
from desktop_app.core.feed_discovery import find_feeds
from desktop_app.core.formats.result import ReadResult
from desktop_app.services.fetching import Fetched
from desktop_app.storage.source_entries import Entry
from desktop_app.storage.sources import Attempt, SourceInfo


@dataclass(frozen=True)
class Plan:
    """What fetching one source needs to know from the archive."""

    source: SourceInfo
    full_text_known: frozenset[str] = frozenset()
    newest_report: dt.date | None = None


@dataclass
class SourceFetch:
    """What the network gave for one source, read and ready to store."""

    plan: Plan
    attempt: Attempt
    result: ReadResult | None = None
    entries: list[Entry] = field(default_factory=list)
    offline: bool = False
    unreachable: bool = False
    remarks: list[str] = field(default_factory=list)


def note_answer(got: Fetched, attempt: Attempt) -> None:
    attempt.new_url = got.moved_to
    attempt.retry_after = got.retry_after
    attempt.etag = got.headers.get("etag")
    attempt.last_modified = got.headers.get("last-modified")
    if got.gone:
        attempt.gone = True
    if got.error:
        attempt.error = got.error
        # A request not made (the host asked us to wait) is no failure of the source.
        attempt.offline = attempt.offline or got.held_back
    elif got.status in (200, 304):
        attempt.ok, attempt.gone = True, False


def page_not_feed(got: Fetched) -> str:
    """The error of a source whose address now gives a web page (a site rebuilt, a login or
    maintenance page): what the page names as its feeds, to subscribe to instead."""
    named = find_feeds(got.data, got.final_url or got.url)
    if not named:
        return m.PAGE_NOT_FEED
    return m.render(m.PAGE_NAMES_FEED, url=named[0])
