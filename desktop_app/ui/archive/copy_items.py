"""Ctrl+C in the list: the chosen items as lines of time, title, source and address, for a
note or a message; as plain text, and as HTML whose titles are links (a word processor or a
mail program keeps them). Read on the window's read lane."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from desktop_app.ui.archive.list_selection import SELECTION_LIMIT, too_many

if TYPE_CHECKING:
    from desktop_app.services.queries import ItemRow
    from desktop_app.ui.common.context import WindowContext


def citations(found: Sequence[tuple[ItemRow, str]]) -> QMimeData:
    """One line an item: "2026-08-08 11:20 · Title · Source · https://…" (no address: none;
    "≈ " before a time the source did not state, as the list marks it)."""
    lines, links = [], []
    for row, url in found:
        when = ("≈ " if row.date_estimated else "") + row.local_time("%Y-%m-%d %H:%M")
        parts = [when, row.title, row.source_name or row.author]
        lines.append(" · ".join([p for p in parts if p] + ([url] if url else [])))
        title = html.escape(row.title)
        if url:
            title = f'<a href="{html.escape(url, quote=True)}">{title}</a>'
        source = html.escape(row.source_name or row.author)
        links.append(f"<li>{when} · {title}" + (f" · {source}" if source else "") + "</li>")
    data = QMimeData()
    data.setText("\n".join(lines) + "\n")
    data.setHtml("<ul>" + "".join(links) + "</ul>")
    return data


def copy_items(ctx: WindowContext, item_ids: Sequence[int]) -> None:
    """Put the chosen items on the clipboard (at most `SELECTION_LIMIT`)."""
    if not item_ids:
        return
    if len(item_ids) > SELECTION_LIMIT:
        ctx.status(too_many(SELECTION_LIMIT))
        return
    from desktop_app.services import queries

    ids = list(item_ids)

    def copied(found: list[tuple[ItemRow, str]]) -> None:
        QGuiApplication.clipboard().setMimeData(citations(found))
        ctx.status(
            QCoreApplication.translate(
                "ArchiveView", "Copied %Ln article(s) and brief(s).", "", len(found)
            )
        )

    ctx.runner.read("copy items", lambda: queries.item_links(ids), success=copied)
