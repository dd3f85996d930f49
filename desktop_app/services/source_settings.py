"""Changing a source's settings: its name, what its entries are, full text, interval, tags.

One transaction; what changed comes back with the source as it now is, so the window's
Sources panel (and every other view) follows. The address is not a setting: a permanent
redirect changes it, and another address is another source (subscribe to it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from desktop_app.core.errors import ArchiveError, ValidationError
from desktop_app.core.item import split_tags
from desktop_app.services.changes import Changes
from desktop_app.storage.db.connection import require_writable
from desktop_app.storage.db.models import database_proxy
from desktop_app.storage.sources import SourceInfo, find_source, get_source, set_source

# The settings an edit gives, as the command line and the Sources panel name them.
_LABELS = {
    "name": "name",
    "as_kind": "entries",
    "full_text": "full text",
    "every_minutes": "every",
    "tags": "tags",
}

# What `as_kind` may be set to: each entry by its form, or every entry one kind.
AS_KINDS = ("auto", "article", "brief")


@dataclass(frozen=True)
class SourceEdit:
    """The settings to change; None keeps the stored one."""

    name: str | None = None
    as_kind: str | None = None  # "auto", "article" or "brief"
    full_text: bool | None = None
    every: int | None = None  # minutes
    tags: Sequence[str] | None = None  # the source's whole list of tags from now on


@dataclass(frozen=True)
class Edited:
    """A source as it is after the edit, and what changed (the runner tells every view)."""

    info: SourceInfo
    before: SourceInfo
    changes: Changes = field(default_factory=lambda: Changes(sources=True))

    def lines(self) -> list[str]:
        """What changed, a line each ("nothing changed" when the edit kept everything)."""
        old, new = self.before.settings, self.info.settings
        said = [f"{_LABELS[f]}: another program's value replaced" for f in self.before.foreign]
        if old.name != new.name:
            said.append(f"name: {old.name} → {new.name}")
        if old.as_kind != new.as_kind and "as_kind" not in self.before.foreign:
            said.append(f"entries: {old.as_kind or 'auto'} → {new.as_kind or 'auto'}")
        if old.full_text != new.full_text and "full_text" not in self.before.foreign:
            said.append(f"full text: {'on' if new.full_text else 'off'}")
        if old.every_minutes != new.every_minutes and "every_minutes" not in self.before.foreign:
            said.append(f"every: {old.every_minutes} → {new.every_minutes} minutes")
        if old.tags != new.tags and "tags" not in self.before.foreign:
            said.append(f"tags: {', '.join(new.tags) or '(none)'}")
        return said or ["nothing changed"]


def edit_source(name: str, edit: SourceEdit) -> Edited:
    """Change the named source's settings in one transaction.

    ArchiveError when there is no such source; ValidationError (nothing changed) for a
    name another source has, an empty name, an unknown kind or an interval out of range.
    """
    require_writable()
    with database_proxy.atomic():
        before = find_source(name)
        if before is None:
            raise ArchiveError(f"no source called {name!r}")
        given = {
            "name": edit.name,
            "as_kind": edit.as_kind,
            "full_text": edit.full_text,
            "every_minutes": edit.every,
            "tags": edit.tags,
        }
        kept = [f for f in before.foreign if given.get(f) is None]
        if kept:  # another program's value, which this edit would leave in place
            settable = all(f in given for f in kept)
            raise ValidationError(
                f"Source “{before.name}”: {before.problem}; "
                + (
                    f"set {', '.join(_LABELS[f] for f in kept)} anew"
                    if settable
                    else "unsubscribe it"
                )
                + " (nothing changed)"
            )
        settings = before.settings
        if edit.as_kind is not None and edit.as_kind not in AS_KINDS:
            raise ValidationError(f"as: {edit.as_kind!r} is not one of {', '.join(AS_KINDS)}")
        changed = replace(
            settings,
            name=settings.name if edit.name is None else edit.name.strip()[:200],
            as_kind=settings.as_kind
            if edit.as_kind is None
            else (None if edit.as_kind == "auto" else edit.as_kind),
            full_text=settings.full_text if edit.full_text is None else edit.full_text,
            every_minutes=settings.every_minutes if edit.every is None else int(edit.every),
            tags=settings.tags if edit.tags is None else split_tags(",".join(edit.tags)),
        )
        set_source(before.id, changed)
        after = get_source(before.id)
    assert after is not None
    return Edited(after, before)
