"""The loss figures' API as a source: the latest day, and the days missing since the newest
stored report.

The API (russianwarship.rip, v2) answers `…/statistics/latest` with one day, and
`…/statistics?date_from=&date_to=&offset=&limit=` with a page of days. New days go through
the one importer (storage.importing): a report entered by hand is never overwritten (it is
listed as a conflict), and the stored warnings (a total that decreased, a stated change that
is not the difference of the totals) are recomputed, so the chart and the Data problems
panel follow.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.formats import detect
from desktop_app.core.formats.result import ReadResult
from desktop_app.core.formats.russianwarship import read_russianwarship
from desktop_app.core.report import LossReport
from desktop_app.services.source_fetch import note_answer
from desktop_app.storage.importing import import_result
from desktop_app.storage.source_entries import StoreSummary

if TYPE_CHECKING:
    from desktop_app.services.fetching import Fetcher
    from desktop_app.services.source_fetch import Plan, SourceFetch

PAGE = 50
# At most this many pages of missing days in one update (50 × 40 = 2,000 days: the whole war).
MAX_PAGES = 40
_LATEST = "/latest"


def _range_url(latest_url: str, start: dt.date, end: dt.date, offset: int) -> str:
    base = latest_url.split("?")[0].rstrip("/").removesuffix(_LATEST)
    query = urlencode(
        {
            "date_from": start.isoformat(),
            "date_to": end.isoformat(),
            "offset": offset,
            "limit": PAGE,
        }
    )
    return f"{base}?{query}"


def _has_next(data: bytes) -> bool:
    try:
        doc = json.loads(data)
        paginator = doc["data"]["paginator"]
        return bool(paginator.get("has_next_page"))
    except (ValueError, KeyError, TypeError, AttributeError):
        return False


def fetch_losses(plan: Plan, fetcher: Fetcher, out: SourceFetch) -> SourceFetch:
    """The latest day, then the missing days between the newest stored report and it."""
    source = plan.source
    attempt = out.attempt
    got = fetcher.get(source.url, accept="application/json")
    note_answer(got, attempt)
    out.offline = attempt.offline = got.offline
    out.unreachable = got.unreachable
    if got.error:
        return out
    try:
        reports = read_russianwarship(got.data, source=source.name)
    except ImportFormatError as exc:
        attempt.ok, attempt.error = False, f"not an answer of the API: {exc}"
        return out
    latest = max((r.date for r in reports if r.date is not None), default=None)
    newest = plan.newest_report
    if latest is not None and newest is not None and (latest - newest).days > 1:
        missing = _missing(source.url, newest + dt.timedelta(days=1), latest, fetcher, out)
        if missing is None:
            return out
        reports = missing + reports
    out.result = ReadResult(
        detect.RUSSIANWARSHIP_JSON, reports, source=source.name, remarks=list(out.remarks)
    )
    return out


def _missing(
    url: str, start: dt.date, latest: dt.date, fetcher: Fetcher, out: SourceFetch
) -> list[LossReport] | None:
    """The days from `start` to the day before `latest` (None: a page failed, said)."""
    found: list[LossReport] = []
    end = latest - dt.timedelta(days=1)
    for page in range(MAX_PAGES):
        got = fetcher.get(_range_url(url, start, end, page * PAGE), accept="application/json")
        if got.error:
            out.attempt.ok, out.attempt.error = False, f"missing days: {got.error}"
            out.attempt.retry_after = got.retry_after
            return None
        try:
            found += read_russianwarship(got.data, source=url)
        except ImportFormatError as exc:
            out.attempt.ok, out.attempt.error = False, f"missing days: {exc}"
            return None
        if not _has_next(got.data):
            break
    wanted = [r for r in found if r.date is not None and start <= r.date <= end]
    have = {r.date for r in wanted}
    gaps = (end - start).days + 1 - len(have)
    if gaps > 0:
        out.remarks.append(f"the API has no figures for {gaps} of the missing days")
    return wanted


def store_losses(result: ReadResult) -> StoreSummary:
    """The days through the importer (its checks, its conflicts), in the caller's transaction."""
    return StoreSummary(import_result(result))
