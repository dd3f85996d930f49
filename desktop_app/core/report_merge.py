"""Merging a newly entered report into the one stored for the same date (the user's "Merge")."""

from __future__ import annotations

from desktop_app.core.report import Figure, LossReport


def merge_reports(stored: LossReport, incoming: LossReport) -> LossReport:
    """`incoming` over `stored`: every figure the new report states wins, the rest is kept.

    A new figure that states no change keeps the stored change only when the totals agree;
    with a different total the old change no longer describes it.
    """
    figures = dict(stored.figures)
    for key, fig in incoming.figures.items():
        old = figures.get(key)
        if fig.change is None and old is not None and old.total == fig.total:
            fig = Figure(fig.total, old.change)
        figures[key] = fig
    return LossReport(
        date=incoming.date if incoming.date is not None else stored.date,
        figures=figures,
        qualifier=incoming.qualifier if incoming.qualifier is not None else stored.qualifier,
        note=incoming.note if incoming.note else stored.note,
    )


def combine_notes(stored: str | None, incoming: str | None) -> str | None:
    """Notes from several sources accumulate, each once, in the order they arrived.

    Replacing would make two sources (a dataset and an official post, say) overwrite each
    other's note on every import; keeping both loses nothing and repeats nothing.
    """
    if not incoming:
        return stored
    if not stored:
        return incoming
    if incoming in stored.split("\n"):
        return stored
    return f"{stored}\n{incoming}"
