"""The arithmetic of polite fetching and of recognising one story twice; no I/O here.

- when a source is due again: its interval, or later when the server asked (Retry-After,
  429/503) or it keeps failing (doubling back-off, capped);
- the conditional-request headers from what the last answer said (ETag, Last-Modified);
- the keys that say two entries are the same story: the link without tracking parameters
  and with the host's case and default port normalised, and the title without case,
  punctuation or spacing differences;
- a feed's address as stored, and the key that says two addresses are one feed (`…/feed`,
  `…/feed/`, `HTTP://Example.com:80/feed#top`).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_EVERY_MINUTES = 60
MIN_EVERY_MINUTES = 5
# Failures back off 5 min, 10 min, 20 min … at most a day.
FIRST_BACKOFF = dt.timedelta(minutes=5)
MAX_BACKOFF = dt.timedelta(days=1)
# A server's Retry-After is honoured up to this long (a week-long one is a broken server).
MAX_RETRY_AFTER = dt.timedelta(days=2)
# Two entries with the same normalised title are one story when published this close.
SAME_STORY_WINDOW = dt.timedelta(hours=6)

_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid|ref|rss|cmpid)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def canonical_url(url: str) -> str:
    """The link as a key: scheme and host in lower case, no default port, no tracking
    parameters, no empty fragment; the path, the other parameters and a fragment kept."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), parts.fragment))


def feed_address(url: str) -> str:
    """A feed's address as stored: scheme and host in lower case, no default port and no
    fragment (never sent to a server); the user, the path and the query kept as given."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    user, at, _ = parts.netloc.rpartition("@")
    netloc = f"{user}@{host}" if at else host
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def feed_key(url: str) -> str:
    """The key that says two addresses are one feed: `feed_address` without a trailing
    slash, so `…/feed` and `…/feed/` are one source (the query still tells feeds apart)."""
    parts = urlsplit(feed_address(url))
    return urlunsplit(parts._replace(path=parts.path.rstrip("/")))


def title_key(title: str) -> str:
    """'Russia’s losses: 1,200 — today!' and 'russia s losses 1200 today' share one key."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    folded = folded.replace("’", "").replace("'", "").replace("ʼ", "")
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def parse_retry_after(value: str | None, now: dt.datetime) -> dt.datetime | None:
    """When a Retry-After header lets us come back (seconds or an HTTP date), capped."""
    if not value:
        return None
    text = value.strip()
    when: dt.datetime | None
    if text.isdigit():
        when = now + dt.timedelta(seconds=int(text))
    else:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
    return min(max(when, now), now + MAX_RETRY_AFTER)


def backoff(failures: int) -> dt.timedelta:
    """The wait after `failures` failures in a row (1 → 5 minutes, doubling, ≤ a day)."""
    if failures <= 0:
        return dt.timedelta(0)
    wait: dt.timedelta = FIRST_BACKOFF * (2 ** min(failures - 1, 20))
    return min(wait, MAX_BACKOFF)


@dataclass(frozen=True)
class Schedule:
    every_minutes: int
    last_checked: dt.datetime | None
    failures: int = 0
    retry_after: dt.datetime | None = None

    def due_at(self) -> dt.datetime | None:
        """When the next update may run (None: never checked, due now)."""
        if self.last_checked is None:
            return self.retry_after
        interval = dt.timedelta(minutes=max(self.every_minutes, MIN_EVERY_MINUTES))
        due = self.last_checked + max(interval, backoff(self.failures))
        if self.retry_after is not None:
            due = max(due, self.retry_after)
        return due

    def is_due(self, now: dt.datetime) -> bool:
        due = self.due_at()
        return due is None or due <= now

    def may_fetch(self, now: dt.datetime) -> bool:
        """Even when asked by hand: never before the server's own Retry-After."""
        return self.retry_after is None or self.retry_after <= now


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the last answer's validators."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def ago(then: dt.datetime, now: dt.datetime) -> str:
    """'just now', '5 min ago', '2 h ago', '3 days ago' (for the command line's lines)."""
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"
