"""Two people edited the same report or item: a three-way merge of their versions.

The base is the row as it was when this user opened it, `mine` what they typed, `theirs`
what is stored now. Field by field (a report's qualifier, note and each category's figure;
an item's title, body, tags, …): where only one side changed the field, that side's value
is taken; where both changed it to different values, the field is a conflict and the user
chooses (`Merge.resolve`). Nothing here reads or writes the archive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from desktop_app.core.categories import BY_KEY
from desktop_app.core.item import ItemData
from desktop_app.core.report import Figure, LossReport

MINE, THEIRS = "mine", "theirs"
# The fields of an item the edit dialog shows (and so the ones a merge looks at).
ITEM_FIELDS = (
    "kind",
    "title",
    "lead",
    "body",
    "author",
    "published_at",
    "source_name",
    "source_url",
    "tags",
)
QUALIFIER, NOTE = "qualifier", "note"


@dataclass(frozen=True)
class FieldMerge:
    """One field: its value at the base, mine and theirs, and what the merge takes."""

    key: str
    base: object
    mine: object
    theirs: object

    @property
    def changed_by_me(self) -> bool:
        return not _same(self.mine, self.base)

    @property
    def changed_by_them(self) -> bool:
        return not _same(self.theirs, self.base)

    @property
    def conflict(self) -> bool:
        """Both changed it, to different values: the user chooses."""
        return self.changed_by_me and self.changed_by_them and not _same(self.mine, self.theirs)

    @property
    def differs(self) -> bool:
        """Mine and theirs are not the same (worth showing side by side)."""
        return not _same(self.mine, self.theirs)

    def taken(self, choice: str | None = None) -> object:
        """The merged value: the side that changed it, else `choice` for a conflict (mine
        when no choice is given)."""
        if self.conflict:
            return self.theirs if choice == THEIRS else self.mine
        return self.mine if self.changed_by_me else self.theirs


@dataclass(frozen=True)
class Merge:
    fields: tuple[FieldMerge, ...]
    choices: Mapping[str, str] = field(default_factory=dict)

    @property
    def conflicts(self) -> list[FieldMerge]:
        return [f for f in self.fields if f.conflict]

    @property
    def differences(self) -> list[FieldMerge]:
        return [f for f in self.fields if f.differs]

    def resolve(self, choices: Mapping[str, str]) -> Merge:
        """The same merge with a choice (MINE or THEIRS) for conflicting fields."""
        return Merge(self.fields, {**self.choices, **choices})

    def values(self) -> dict[str, object]:
        return {f.key: f.taken(self.choices.get(f.key)) for f in self.fields}


def _comparable(value: object) -> object:
    if isinstance(value, dt.datetime):
        return int(value.timestamp())  # the dialog edits to the second
    if isinstance(value, str) or value is None:
        return (value or "").strip() or None
    if isinstance(value, tuple | list):
        return tuple(value)
    return value


def _same(a: object, b: object) -> bool:
    return _comparable(a) == _comparable(b)


def merge_values(
    base: Mapping[str, object], mine: Mapping[str, object], theirs: Mapping[str, object]
) -> Merge:
    """Field by field; a key missing on one side is None there (a figure not stated)."""
    keys = list(dict.fromkeys([*base, *mine, *theirs]))
    return Merge(tuple(FieldMerge(k, base.get(k), mine.get(k), theirs.get(k)) for k in keys))


# -- reports --------------------------------------------------------------------------------
def _report_values(report: LossReport | None) -> dict[str, object]:
    if report is None:
        return {}
    values: dict[str, object] = {QUALIFIER: report.qualifier, NOTE: report.note}
    values.update(report.figures)
    return values


def merge_report(base: LossReport, mine: LossReport, theirs: LossReport | None) -> Merge:
    """The three versions of one report (`theirs` None: deleted, every field of mine differs)."""
    return merge_values(_report_values(base), _report_values(mine), _report_values(theirs))


def merged_report(date: dt.date, merge: Merge) -> LossReport:
    values = merge.values()
    figures = {
        key: value for key, value in values.items() if key in BY_KEY and isinstance(value, Figure)
    }
    qualifier, note = values.get(QUALIFIER), values.get(NOTE)
    return LossReport(
        date,
        figures,
        qualifier if isinstance(qualifier, str) and qualifier else None,
        note if isinstance(note, str) and note else None,
    )


# -- items ----------------------------------------------------------------------------------
def _item_values(data: ItemData | None) -> dict[str, object]:
    if data is None:
        return {}
    return {name: getattr(data, name) for name in ITEM_FIELDS}


def merge_item(base: ItemData, mine: ItemData, theirs: ItemData) -> Merge:
    return merge_values(_item_values(base), _item_values(mine), _item_values(theirs))


def merged_item(theirs: ItemData, merge: Merge) -> ItemData:
    """Their stored item with the merged fields (what the dialog does not show stays theirs)."""
    values = merge.values()
    changes = {name: values[name] for name in ITEM_FIELDS if name in values}
    if changes.get("body") != theirs.body:
        changes["body_html"] = ""  # a typed body replaces the stored markup, as a save does
    if "published_at" in changes and not _same(changes["published_at"], theirs.published_at):
        changes["date_estimated"] = False  # a typed time is a stated one, as a save makes it
    return replace(theirs, **changes)  # type: ignore[arg-type]
