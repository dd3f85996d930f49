"""Where stored reports came from, for the program's own export and its re-import.

An export names each report's source and the articles that published it; a re-import
finds those articles again (by link, else by kind, title and time) and links them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from peewee import chunked, fn

from desktop_app.core.provenance import ArticleRef, Provenance
from desktop_app.storage.db.models import Item, Report, ReportArticle


def report_provenance() -> dict[dt.date, Provenance]:
    """Every stored report's source and linked articles (for export), in a few queries."""
    links: dict[dt.date, list[ArticleRef]] = defaultdict(list)
    query = (
        ReportArticle.select(
            Report.date, Item.source_url, Item.kind, Item.title, Item.published_at, Item.body
        )
        .join_from(ReportArticle, Report)
        .join_from(ReportArticle, Item)
        .order_by(ReportArticle.id)
        .tuples()
    )
    rows = list(query)
    unlinked = {(kind, title, when) for _date, url, kind, title, when, _body in rows if not url}
    shared = _shared_keys(unlinked)
    for date, url, kind, title, published, body in rows:
        if url:
            links[date].append(ArticleRef(url))
        else:
            # The text only where the kind, title and time alone would name two items.
            told = body if (kind, title, published) in shared else None
            links[date].append(ArticleRef(url, kind, title, published, told))
    return {
        date: Provenance(source, tuple(links.get(date, ())))
        for date, source in Report.select(Report.date, Report.source).tuples()
    }


_Key = tuple[str, str, dt.datetime]


def _shared_keys(keys: set[_Key]) -> set[_Key]:
    """Those of `keys` (kind, title, time) that more than one link-less item has."""
    shared: set[_Key] = set()
    titles = sorted({title for _kind, title, _when in keys})
    for batch in chunked(titles, 400):
        query = (
            Item.select(Item.kind, Item.title, Item.published_at)
            .where(Item.title.in_(batch) & Item.source_url.is_null())
            .group_by(Item.kind, Item.title, Item.published_at)
            .having(fn.COUNT(Item.id) > 1)
        )
        shared.update(key for key in query.tuples() if key in keys)
    return shared


def _item_ids(refs: Sequence[ArticleRef]) -> dict[ArticleRef, int]:
    """The stored items the refs name, in one query per 400 refs."""
    found: dict[ArticleRef, int] = {}
    urls = sorted({r.source_url for r in refs if r.source_url})
    for batch in chunked(urls, 400):
        for item_id, url in (
            Item.select(Item.id, Item.source_url).where(Item.source_url.in_(batch)).tuples()
        ):
            found[ArticleRef(url)] = item_id
    # By kind, title and time; a ref that states the text takes the item with that text, and
    # the first of them only when none has it (the text was edited since the export).
    keyed: dict[_Key, list[ArticleRef]] = defaultdict(list)
    exact: set[ArticleRef] = set()
    for ref in refs:
        if not ref.source_url and ref.published_at is not None:
            keyed[(ref.kind, ref.title, ref.published_at)].append(ref)
    titles = sorted({title for _kind, title, _when in keyed})
    for batch in chunked(titles, 400):
        query = (
            Item.select(Item.id, Item.kind, Item.title, Item.published_at, Item.body)
            .where(Item.title.in_(batch))
            .order_by(Item.id)
        )
        for item_id, kind, title, published, body in query.tuples():
            for ref in keyed.get((kind, title, published), ()):
                if ref.body is not None and ref.body == body and ref not in exact:
                    found[ref] = item_id
                    exact.add(ref)
                elif ref not in found:
                    found[ref] = item_id
    return found


def link_article_refs(links: Sequence[tuple[ArticleRef, dt.date]]) -> int:
    """Link each named article to the report of its date when both are stored; returns how
    many links are new. An article not in the archive is left out (it may come later, in an
    items export that names the report in turn). A few queries whatever the count: 2,000
    links take well under a second."""
    if not links:
        return 0
    report_ids = dict(Report.select(Report.date, Report.id).tuples())
    item_ids = _item_ids([ref for ref, _date in links])
    existing = set(ReportArticle.select(ReportArticle.report, ReportArticle.item).tuples())
    new: list[tuple[int, int]] = []
    for ref, date in links:
        report_id, item_id = report_ids.get(date), item_ids.get(ref)
        if report_id is None or item_id is None or (report_id, item_id) in existing:
            continue
        existing.add((report_id, item_id))
        new.append((report_id, item_id))
    fields = [ReportArticle.report, ReportArticle.item]
    for batch in chunked(new, 400):
        ReportArticle.insert_many(batch, fields=fields).execute()
    return len(new)
