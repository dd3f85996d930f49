"""Saving an article together with the loss report its text states: one change, one undo step.

The item dialog asks first (create the report, link to the stored one, or neither) and then
makes the whole change here in one transaction: if the report cannot be saved, the article is
not saved either, and undo takes back both at once.
"""

from __future__ import annotations

from desktop_app.core.item import ItemData
from desktop_app.core.report import LossReport
from desktop_app.services import history
from desktop_app.storage.db.models import database_proxy

# The answers to "this article states a report": create it, link to the stored one, or not.
CREATE_REPORT, LINK_REPORT, NO_REPORT = "create", "link", "no"


def save_article(
    data: ItemData,
    item_id: int | None = None,
    *,
    report: LossReport | None = None,
    choice: str = NO_REPORT,
    expected_version: int | None = None,
) -> history.Undoable:
    """Save the item (new when `item_id` is None) and, as chosen, create or link `report`.

    The step's `result` is the item's id. An edit opened at `expected_version` is refused
    (ConflictError) when someone else saved the item since.
    """
    with database_proxy.atomic():
        saved = history.save_item(data, item_id, expected_version=expected_version)
        if report is None or report.date is None or choice == NO_REPORT:
            return saved
        new_id = saved.result
        assert isinstance(new_id, int)
        if choice == CREATE_REPORT:
            clean = LossReport(report.date, report.figures, report.qualifier, report.note)
            other = history.save_report(clean, source="article", article_id=new_id)
        elif choice == LINK_REPORT:
            other = history.link_article(report.date, new_id)
        else:
            raise ValueError(f"unknown report choice {choice!r}")
        return history.combine([saved, other])
