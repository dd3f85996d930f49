"""Merging reports and their notes."""

from __future__ import annotations

from desktop_app.core.report_merge import combine_notes


def test_notes_combine_once_each() -> None:
    assert combine_notes(None, "a") == "a"
    assert combine_notes("a", None) == "a"
    assert combine_notes("a", "b") == "a\nb"
    assert combine_notes("a\nb", "b") == "a\nb"
