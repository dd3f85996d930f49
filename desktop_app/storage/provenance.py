"""Where stored reports came from, for the program's own export and its re-import.

An export names each report's source and the articles that published it; a re-import
finds those articles again (by link, else by kind, title and time) and links them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from peewee import chunked

from desktop_app.core.provenance import ArticleRef, Provenance
from desktop_app.storage.db.models import Item, Report, ReportArticle


def report_provenance() -> dict[dt.date, Provenance]:
    """Every stored report's source and linked articles (for export), in two queries."""
    links: dict[dt.date, list[ArticleRef]] = defaultdict(list)
    query = (
        ReportArticle.select(Report.date, Item.source_url, Item.kind, Item.title, Item.published_at)
        .join_from(ReportArticle, Report)
        .join_from(ReportArticle, Item)
        .order_by(ReportArticle.id)
        .tuples()
    )
    for date, url, kind, title, published in query:
        links[date].append(ArticleRef(url, kind, title, published) if not url else ArticleRef(url))
    return {
        date: Provenance(source, tuple(links.get(date, ())))
        for date, source in Report.select(Report.date, Report.source).tuples()
    }


def _item_ids(refs: Sequence[ArticleRef]) -> dict[ArticleRef, int]:
    """The stored items the refs name, in one query per 400 refs."""
    found: dict[ArticleRef, int] = {}
    urls = sorted({r.source_url for r in refs if r.source_url})
    for batch in chunked(urls, 400):
        for item_id, url in (
            Item.select(Item.id, Item.source_url).where(Item.source_url.in_(batch)).tuples()
        ):
            found[ArticleRef(url)] = item_id
    keyed = {(r.kind, r.title, r.published_at): r for r in refs if not r.source_url}
    titles = sorted({title for _kind, title, _when in keyed})
    for batch in chunked(titles, 400):
        query = Item.select(Item.id, Item.kind, Item.title, Item.published_at).where(
            Item.title.in_(batch)
        )
        for item_id, kind, title, published in query.tuples():
            ref = keyed.get((kind, title, published))
            if ref is not None:
                found.setdefault(ref, item_id)
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
