"""Subscriptions: add the sources once, and the archive fills itself while a network is there.

An update is three steps, so the window can keep the network off the archive's lanes:
1. `plan_updates` reads which sources to fetch and what is known about them (the archive);
2. `fetch_source` asks the network, and reads what came (no archive: any thread);
3. `store_fetch` writes one source's result in one transaction (the archive).
`update` does all three for the command line. A source's failure is its own: it is
remembered on the source (shown in the Sources panel) and never stops another source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from desktop_app.core import messages as m
from desktop_app.core.errors import ArchiveError, ImportFormatError, ValidationError
from desktop_app.core.feed_discovery import (
    find_feeds,
    is_json_feed,
    looks_like_feed,
    looks_like_html,
)
from desktop_app.core.fetch_rules import (
    DEFAULT_EVERY_MINUTES,
    Schedule,
    conditional_headers,
    feed_address,
)
from desktop_app.core.formats.result import ReadResult
from desktop_app.core.item import ItemData, split_tags
from desktop_app.services.changes import NOTHING, Changes
from desktop_app.services.fetching import Fetched, Fetcher
from desktop_app.services.helper_process import in_helper
from desktop_app.services.source_fetch import Plan as Plan
from desktop_app.services.source_fetch import SourceFetch as SourceFetch
from desktop_app.services.source_fetch import note_answer, page_not_feed
from desktop_app.storage.db.connection import require_writable
from desktop_app.storage.db.models import ReportArticle, database_proxy, utc_now
from desktop_app.storage.source_entries import Entry, StoreSummary, full_text_known, store_entries
from desktop_app.storage.sources import (
    FEED,
    LOSSES_API,
    Attempt,
    SourceSettings,
    add_source,
    find_source,
    list_sources,
    newest_report_date,
    record_attempt,
    remove_source,
)
from desktop_app.storage.sources import SourceInfo as SourceInfo  # re-exported for the window

_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
Progress = Callable[[int, int, str], None]


class SubscribeError(ArchiveError):
    """The address could not be subscribed to; nothing was stored."""


@dataclass
class SourceOutcome:
    name: str
    error: str = ""
    not_modified: bool = False
    stored: StoreSummary | None = None
    moved_to: str | None = None
    gone: bool = False
    offline: bool = False
    unreachable: bool = False
    changes: Changes = NOTHING

    def line(self) -> str:
        if self.error:
            return f"{self.name}: {self.error}"
        if self.not_modified:
            return f"{self.name}: unchanged (304)"
        parts = self.stored.lines() if self.stored is not None else ["nothing new"]
        if self.moved_to:
            parts.append(f"moved permanently, now {self.moved_to}")
        return f"{self.name}: {'; '.join(p for p in parts if p)}"


@dataclass
class UpdateOutcome:
    sources: list[SourceOutcome] = field(default_factory=list)
    changes: Changes = NOTHING

    @property
    def offline(self) -> bool:
        return bool(self.sources) and all(s.unreachable for s in self.sources)


# -- the list -----------------------------------------------------------------------------
def subscriptions() -> list[SourceInfo]:
    return list_sources()


def unsubscribe(name: str) -> Changes:
    require_writable()
    if not remove_source(name):
        raise ArchiveError(f"no source called {name!r}")
    return Changes(sources=True)


def _losses_api(url: str) -> bool:
    path = urlsplit(url).path.rstrip("/")
    return path.endswith("/statistics/latest") or "russianwarship.rip" in url.lower()


def _api_latest(url: str) -> str:
    if urlsplit(url).path.rstrip("/").endswith("/statistics/latest"):
        return url
    return url.rstrip("/") + (
        "/statistics/latest" if "/api/" in url else "/api/v2/statistics/latest"
    )


def _host_name(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


@dataclass(frozen=True)
class Resolved:
    """What an address turned out to be: a feed (found from a page) or the API."""

    kind: str
    url: str
    title: str = ""
    site_url: str = ""


def _web_address(url: str) -> str:
    """The address to ask (`https://` added when none is given); one of another kind
    (`ftp://`, `mailto:`), with spaces or without a host is refused before any request."""
    url = given = url.strip()
    web = url.lower().startswith(("http://", "https://"))
    other = not web and ("://" in url or url.lower().startswith(("mailto:", "javascript:")))
    if not web:
        url = url if other else "https://" + url
    try:
        host = urlsplit(url).hostname if not other else None
    except ValueError:
        host = None
    if not host or any(ch.isspace() for ch in url):
        reason = m.NOT_WEB_ONLY_HTTP if other else m.NOT_WEB
        raise SubscribeError(m.render(m.NOT_SUBSCRIBED, url=given, reason=reason))
    return feed_address(url)


def resolve(url: str, fetcher: Fetcher | None = None, *, check: bool = True) -> Resolved:
    """Ask the network what an address is (no archive: the window runs it off its lanes).

    SubscribeError when it is neither a feed nor a page that names one.
    """
    url = _web_address(url)
    if _losses_api(url):
        return Resolved(LOSSES_API, _api_latest(url), "Loss figures (russianwarship.rip)")
    if not check:
        return Resolved(FEED, url)
    feed_url, title = _discover(url, fetcher)
    return Resolved(FEED, feed_url, title, url if feed_url != url else "")


def subscribe(
    url: str,
    *,
    name: str | None = None,
    as_kind: str | None = None,
    full_text: bool = False,
    every: int | None = None,
    tags: Sequence[str] = (),
    fetcher: Fetcher | None = None,
    check: bool = True,
    resolved: Resolved | None = None,
) -> SourceInfo:
    """Subscribe to a feed, a site (its feed found from its page) or the loss figures' API.

    The address is fetched once to know what it is (`check=False` stores it as given, for
    an OPML list read offline; `resolved` when the caller asked already). Nothing is stored
    when it is neither a feed nor a page that names one.
    """
    require_writable()
    found = resolved or resolve(url, fetcher, check=check)
    settings = SourceSettings(
        name=(name or found.title or _host_name(found.url)).strip()[:200],
        url=found.url,
        kind=found.kind,
        site_url=found.site_url,
        as_kind=as_kind,
        full_text=full_text,
        every_minutes=every or DEFAULT_EVERY_MINUTES,
        tags=split_tags(",".join(tags)),
    )
    try:
        source_id = add_source(settings)
    except ValidationError as exc:
        raise SubscribeError(str(exc)) from None
    info = find_source(settings.name)
    assert info is not None and info.id == source_id
    return info


def _discover(url: str, fetcher: Fetcher | None) -> tuple[str, str]:
    """(feed address, feed title) for a feed's or a site's address."""
    own = fetcher is None
    client = fetcher or Fetcher()
    try:
        got = client.get(url)
        if got.error:
            raise SubscribeError(m.render(m.NOT_SUBSCRIBED, url=url, reason=got.error))
        if looks_like_feed(got.data):
            return got.moved_to or url, _feed_title(got)
        found = find_feeds(got.data, got.final_url or url)
        for candidate in found:
            feed = client.get(candidate)
            if not feed.error and looks_like_feed(feed.data):
                return feed.moved_to or candidate, _feed_title(feed)
        said = m.NAMES_NO_FEED if not found else m.NAMES_BAD_FEEDS
        raise SubscribeError(m.render(said, url=url))
    finally:
        if own:
            client.close()


def _feed_title(got: Fetched) -> str:
    from desktop_app.core.formats.feed_entries import plain
    from desktop_app.core.formats.feeds import parse_feed

    try:
        return plain(parse_feed(_feed_bytes(got), got.url).title)
    except ImportFormatError:
        return ""


# -- planning (archive) -------------------------------------------------------------------
def plan_updates(
    names: Sequence[str] = (), *, due_only: bool = False, now: dt.datetime | None = None
) -> list[Plan]:
    """The sources to fetch: the named ones (all when none), or only those due by now."""
    now = now or dt.datetime.now(dt.UTC)
    sources = list_sources()
    if names:
        wanted = {n.lower() for n in names}
        unknown = wanted - {s.name.lower() for s in sources}
        if unknown:
            raise ArchiveError(f"no source called {', '.join(sorted(unknown))}")
        sources = [s for s in sources if s.name.lower() in wanted]
    plans = []
    newest = newest_report_date()
    for s in sources:
        if s.gone and not names:
            continue
        if s.problem:
            # Another program's value in its row: said when an update is asked for
            # (`fetch_source` does not fetch it), not at every scheduled one.
            if not due_only:
                plans.append(Plan(s, frozenset(), newest))
            continue
        schedule = Schedule(s.settings.every_minutes, s.checked_at, s.failures, s.retry_after)
        if due_only and not schedule.is_due(now):
            continue
        known = frozenset(full_text_known(s.id)) if s.settings.full_text else frozenset()
        plans.append(Plan(s, known, newest))
    return plans


# -- fetching (network only) ------------------------------------------------------------
def fetch_source(plan: Plan, fetcher: Fetcher, now: dt.datetime | None = None) -> SourceFetch:
    """Fetch and read one source; never raises for the network's or the source's faults."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    source = plan.source
    attempt = Attempt(checked_at=now, ok=False, gone=source.gone)
    out = SourceFetch(plan, attempt)
    if source.problem:  # another program's value in its row: never fetched nor written
        attempt.error = m.render(m.NOT_FETCHED, reason=source.problem)
        return out
    schedule = Schedule(
        source.settings.every_minutes, source.checked_at, source.failures, source.retry_after
    )
    if not schedule.may_fetch(now):
        assert source.retry_after is not None
        attempt.error = m.render(m.WAIT_UNTIL, clock=f"{source.retry_after:%Y-%m-%d %H:%M}")
        attempt.retry_after = source.retry_after
        attempt.offline = True  # not asked: no failure of the source, no further back-off
        return out
    if source.settings.kind == LOSSES_API:
        from desktop_app.services.losses_api import fetch_losses

        return fetch_losses(plan, fetcher, out)
    got = fetcher.get(source.url, headers=conditional_headers(source.etag, source.last_modified))
    note_answer(got, attempt)
    out.offline = attempt.offline = got.offline
    out.unreachable = got.unreachable
    if got.not_modified:
        attempt.ok, attempt.keep_validators = True, True
        return out
    if got.error:
        return out
    if looks_like_html(got.data):
        attempt.ok, attempt.error = False, page_not_feed(got)
        attempt.etag = attempt.last_modified = None
        return out
    try:
        _read_feed(out, got, fetcher, now)
    except ImportFormatError as exc:
        attempt.ok, attempt.error = False, m.render(m.UNREADABLE_FEED, reason=exc)
        attempt.etag = attempt.last_modified = None
        out.result, out.entries = None, []
    return out


def _feed_bytes(got: Fetched) -> bytes:
    """The feed's bytes, in UTF-8 when the server's declared charset is what reads them."""
    data, charset = got.data, got.charset
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8") or is_json_feed(data):
        return data
    try:
        data.decode("utf-8")
        return data  # valid UTF-8 whatever the header says: the header is wrong
    except UnicodeDecodeError:
        pass
    if _XML_ENCODING.match(data):
        return data  # the file's own declaration decides (core.formats.feed_input)
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data


def content_hash(item: ItemData) -> str:
    """A digest of what the feed says of an entry; a time the feed does not state (estimated
    from when it was read) is no part of it: reading the entry again changes nothing."""
    parts = (
        item.title,
        item.lead,
        item.body,
        item.body_html,
        "" if item.date_estimated else item.published_at.isoformat(),
        item.author,
    )
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def _read_feed(out: SourceFetch, got: Fetched, fetcher: Fetcher, now: dt.datetime) -> None:
    from desktop_app.core.formats import detect
    from desktop_app.core.formats.feeds import read_feed
    from desktop_app.core.formats.load import check_bounds

    settings = out.plan.source.settings
    feed = in_helper(
        read_feed,
        _feed_bytes(got),
        source=settings.name,
        as_kind=settings.as_kind,
        now=now,
        leave_out_bad_times=True,
        url=got.final_url or got.url,
    )
    items = [_with_source(i, settings) for i in feed.items]
    entries = [
        Entry(item, guid=guid, content_hash=content_hash(raw))
        for item, raw, guid in zip(items, feed.items, feed.ids, strict=True)
    ]
    if settings.full_text:
        from desktop_app.services.full_texts import add_full_text

        entries = add_full_text(entries, out, fetcher, now)
    out.entries = entries
    out.result = ReadResult(
        detect.FEED,
        feed.reports,
        [e.item for e in entries],
        feed.links,
        skipped=feed.skipped,
        remarks=feed.notes + out.remarks,
        estimated=feed.estimated,
        source=settings.name,
    )
    check_bounds(out.result, settings.name)


def _with_source(item: ItemData, settings: SourceSettings) -> ItemData:
    tags = split_tags(",".join([*item.tags, *settings.tags])) if settings.tags else item.tags
    return replace(item, source_name=item.source_name or settings.name, tags=tags)


# -- storing (archive) ----------------------------------------------------------------------
def _publishes_a_report(item_ids: set[int]) -> bool:
    """Whether any of the items is linked to a stored report."""
    ids = sorted(item_ids)
    return any(
        ReportArticle.select().where(ReportArticle.item.in_(ids[i : i + 500])).exists()
        for i in range(0, len(ids), 500)
    )


def store_fetch(fetch: SourceFetch) -> SourceOutcome:
    """Write one source's fetch in one transaction: its state, then its entries or reports."""
    require_writable()
    source = fetch.plan.source
    attempt = fetch.attempt
    outcome = SourceOutcome(
        source.name,
        error=attempt.error,
        not_modified=attempt.ok and fetch.result is None,
        moved_to=attempt.new_url if attempt.new_url != source.url else None,
        gone=attempt.gone,
        offline=fetch.offline,
        unreachable=fetch.unreachable,
    )
    if source.problem:
        return outcome  # its row is left as the other program wrote it
    with database_proxy.atomic():
        record_attempt(source.id, attempt)
        if fetch.result is not None:
            if source.settings.kind == LOSSES_API:
                from desktop_app.services.losses_api import store_losses

                outcome.stored = store_losses(fetch.result)
            else:
                outcome.stored = store_entries(source.id, fetch.result, fetch.entries)
        stored = outcome.stored
        # An entry the feed changed may be an article that published a report: its title
        # and figures are shown with the report (Losses, Charts), which must read them again.
        published = stored is not None and _publishes_a_report(stored.item_ids)
    if stored is not None:
        imported = stored.imported
        outcome.changes = Changes(
            items=bool(stored.item_ids) or bool(imported.items.added),
            reports=published
            or bool(imported.reports.added or imported.reports.updated or imported.links),
            # No item ids: a background update is not the user's own change, so the list keeps
            # its selection rather than selecting what arrived (as it does for a saved item).
            report_dates=frozenset(imported.reports.added + imported.reports.updated),
        )
    # The Sources panel shows every attempt (its time, its error), new items or not.
    outcome.changes = outcome.changes | Changes(sources=True)
    return outcome


def store_fetches(fetches: Sequence[SourceFetch]) -> UpdateOutcome:
    """Store several sources' fetches, each in its own transaction (one failing source's
    write does not undo another's); what changed, in one value."""
    outcome = UpdateOutcome()
    for fetch in fetches:
        try:
            done = store_fetch(fetch)
        except ArchiveError as exc:
            done = SourceOutcome(fetch.plan.source.name, error=str(exc))
        outcome.sources.append(done)
        outcome.changes = outcome.changes | done.changes
    return outcome


def update(
    names: Sequence[str] = (),
    *,
    due_only: bool = False,
    fetcher: Fetcher | None = None,
    workers: int = 4,
    progress: Progress | None = None,
) -> UpdateOutcome:
    """Fetch the sources in parallel (a few hosts at a time) and store each as it arrives."""
    plans = plan_updates(names, due_only=due_only)
    outcome = UpdateOutcome()
    own = fetcher is None
    client = fetcher or Fetcher()
    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            futures = [pool.submit(fetch_source, plan, client) for plan in plans]
            for n, future in enumerate(as_completed(futures), start=1):
                done = store_fetch(future.result())
                outcome.sources.append(done)
                outcome.changes = outcome.changes | done.changes
                if progress is not None:
                    progress(n, len(plans), done.name)
    finally:
        if own:
            client.close()
    outcome.sources.sort(key=lambda s: s.name.lower())
    return outcome


def last_update() -> dt.datetime | None:
    """When any source last answered (for "offline — last update 2 h ago")."""
    times = [s.succeeded_at for s in list_sources() if s.succeeded_at is not None]
    return max(times) if times else None


def now_utc() -> dt.datetime:
    return utc_now()
