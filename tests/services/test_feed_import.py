"""Feeds into the archive (issue #18): nothing merged that differs, checked before writing,
and a summary that says per file what was added, skipped, estimated and repaired."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.services.transfer import import_files
from desktop_app.storage.items import all_items


def _feed(path: Path, items: str, channel: str = "") -> Path:
    path.write_text(
        f'<rss version="2.0"><channel><title>Тривоги</title>{channel}{items}</channel></rss>',
        encoding="utf-8",
    )
    return path


def _item(
    title: str, text: str, date: str = "Sun, 12 May 2024 03:14:00 +0300", link: str = ""
) -> str:
    link_el = f"<link>{link}</link>" if link else ""
    return (
        f"<item><title>{title}</title><description>{text}</description>{link_el}"
        f"<pubDate>{date}</pubDate></item>"
    )


def test_alerts_for_two_regions_at_one_minute_are_both_kept(
    archive_db: Any, tmp_path: Path
) -> None:
    alerts = _feed(
        tmp_path / "alerts.xml",
        _item("Повітряна тривога", "Харківська область.")
        + _item("Повітряна тривога", "Сумська область."),
    )
    first = import_files([alerts]).files[0].summary.items
    assert (first.added, first.unchanged, first.briefs) == (2, 0, 2)
    again = import_files([alerts]).files[0].summary.items
    assert (again.added, again.unchanged) == (0, 2)
    assert sorted(i.body for i in all_items()) == ["Сумська область.", "Харківська область."]


def test_a_live_blogs_updates_are_all_kept(archive_db: Any, tmp_path: Path) -> None:
    live = "https://example.org/live"
    blog = _feed(
        tmp_path / "live.xml",
        _item("Live: evening update", "Evening.", "Sun, 12 May 2024 19:00:00 +0300", live)
        + _item("Live: morning update", "Morning.", "Sun, 12 May 2024 09:00:00 +0300", live),
    )
    assert import_files([blog]).files[0].summary.items.added == 2
    assert import_files([blog]).files[0].summary.items.unchanged == 2
    assert {i.title for i in all_items()} == {"Live: evening update", "Live: morning update"}


def test_a_bad_entry_in_the_second_file_leaves_the_first_unwritten(
    archive_db: Any, tmp_path: Path
) -> None:
    good = _feed(tmp_path / "a.xml", _item("Good news", "Text."))
    bad = _feed(
        tmp_path / "b.xml",
        _item("Fine", "Text.") + _item("Broken clock", "Text.", "Fri, 31 Dec 9999 23:00:00 -0500"),
    )
    with pytest.raises(ImportFormatError) as info:
        import_files([good, bad])
    assert info.value.file == str(bad) and info.value.record == "entry 2 (Broken clock)"
    assert info.value.field == "pubDate"
    assert all_items() == []


def test_the_summary_names_estimated_dates_skips_and_repairs(
    archive_db: Any, tmp_path: Path
) -> None:
    wire = _feed(
        tmp_path / "wire.xml",
        "<item><title>Без дати &amp; часу&nbsp;</title><description>Текст.</description></item>"
        "<item><description>&lt;img src='x.jpg'&gt;</description></item>"
        + _item("Дата є", "Текст."),
        "<pubDate>Sun, 12 May 2024 09:00:00 +0300</pubDate>",
    )
    outcome = import_files([wire, _feed(tmp_path / "b.xml", _item("Інша", "Текст."))])
    lines = outcome.files[0].summary.lines()
    assert lines[0] == "articles and briefs: 2 added (0 articles, 2 briefs), 0 unchanged"
    assert lines[1] == "skipped 1: entry 2: nothing to show (no title, no text)"
    assert lines[2] == (
        "dates estimated (1): entry 1 (Без дати & часу): no date;"
        " the feed's date (2024-05-12 06:00Z) used"
    )
    assert lines[3].startswith("not well-formed XML, recovered: ") and "&nbsp;" in lines[3]
    total = outcome.total
    assert total is not None and total.items.added == 3
    assert total.estimated[0].startswith("wire.xml: entry 1")
    estimated = [i for i in all_items() if i.date_estimated]
    assert [i.title for i in estimated] == ["Без дати & часу"]
