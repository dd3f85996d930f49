"""Full text for entries that carry only a summary: the linked page, fetched once.

The page is read with the same fetcher (per-host limits, size cap, a host's Retry-After);
its main text is extracted and sanitised (core.full_text). A page that is not there (4xx) is
not asked for again; a passing fault (a timeout, a 5xx) is, at the next update. The address
and the time it was fetched are kept with the entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.core.fetch_rules import canonical_url
from desktop_app.core.full_text import FullText, extract_full_text
from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.services.fetching import Fetcher
from desktop_app.services.helper_process import in_helper
from desktop_app.storage.source_entries import Entry

if TYPE_CHECKING:
    from desktop_app.services.source_fetch import SourceFetch

# An entry whose text is shorter than this carries a summary, not the article.
SUMMARY_BELOW = 1500
# Pages fetched for full text per source and update (the rest wait for the next update).
MAX_FULL_TEXT = 200


def extract(markup: str, url: str) -> FullText | None:
    """The page's main text, extracted in the helper process when there is one."""
    return in_helper(extract_full_text, markup, url=url)


def _wants_full_text(item: ItemData, as_kind: str | None, known: frozenset[str]) -> bool:
    """An entry with a link and only a summary (a summary-only feed's entries read as briefs
    by their form: unless the source says its entries are briefs, their page is read)."""
    return (
        as_kind != BRIEF
        and (item.source_url or "").lower().startswith(("http://", "https://"))
        and len(item.body) < SUMMARY_BELOW
        and canonical_url(item.source_url or "") not in known
    )


def add_full_text(
    entries: list[Entry], out: SourceFetch, fetcher: Fetcher, now: dt.datetime
) -> list[Entry]:
    from desktop_app.core.full_text import decode_page

    as_kind = out.plan.source.settings.as_kind
    done: list[Entry] = []
    fetched = failed = 0
    for entry in entries:
        item = entry.item
        if fetched >= MAX_FULL_TEXT or not _wants_full_text(
            item, as_kind, out.plan.full_text_known
        ):
            done.append(entry)
            continue
        assert item.source_url is not None
        fetched += 1
        page = fetcher.get(item.source_url, accept="text/html, application/xhtml+xml;q=0.9")
        if page.error or not page.data:
            failed += 1
            # A page that is not there (4xx) is not asked for again; a passing fault is.
            tried = 400 <= page.status < 500 and page.status != 429
            done.append(
                replace(entry, full_text_url=item.source_url, full_text_at=now) if tried else entry
            )
            continue
        text = extract(decode_page(page.data, page.charset), page.final_url)
        if text is None:
            done.append(replace(entry, full_text_url=page.final_url, full_text_at=now))
            continue
        lead = item.lead or (item.body if item.body != text.body else "")
        fuller = replace(
            item, kind=as_kind or ARTICLE, body=text.body, body_html=text.body_html, lead=lead
        )
        done.append(replace(entry, item=fuller, full_text_url=page.final_url, full_text_at=now))
    if failed:
        out.remarks.append(f"full text: {failed} of {fetched} pages could not be fetched")
    return done
