"""Inputs written by the suite itself: RSS feeds of any length, a pasted loss report.

The sentences are assembled from phrases written for these tests; they carry no real reporting.
Every entry has its own link, so feeds with different `tag`s never overlap.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

_PLACES = ("Sumy", "Kharkiv", "Odesa", "Dnipro", "Kherson", "Poltava", "Chernihiv", "Lviv")
_CREWS = ("Repair crews", "Deminers", "Rail workers", "Volunteers", "Water engineers")
_WORK = (
    "restored power to {n} homes",
    "cleared {n} hectares of fields",
    "reopened {n} kilometres of track",
    "delivered {n} generators",
    "patched {n} metres of water main",
)


def write_feed(path: Path, entries: int, tag: str, start: dt.datetime | None = None) -> Path:
    """An RSS 2.0 file of `entries` items with links under https://feed.test/<tag>/."""
    start = start or dt.datetime(2024, 3, 1, 6, 0, tzinfo=dt.UTC)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>Reliability feed {escape(tag)}</title>",
        f"<link>https://feed.test/{escape(tag)}/</link>",
        "<description>Entries written for the fault suite.</description>",
    ]
    for i in range(entries):
        when = (start + dt.timedelta(minutes=11 * i)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        place = _PLACES[i % len(_PLACES)]
        crew = _CREWS[(i // 3) % len(_CREWS)]
        work = _WORK[(i // 7) % len(_WORK)].format(n=(i * 37) % 900 + 3)
        link = f"https://feed.test/{escape(tag)}/{i}"
        lines.append(
            f"<item><title>{crew} in {place} {work} ({tag} {i})</title>"
            f"<link>{link}</link><guid>{link}</guid><pubDate>{when}</pubDate>"
            f"<description>{crew} in {place} oblast {work} overnight; district {i % 41} "
            f"reported the work finished by morning.</description></item>"
        )
    lines.append("</channel></rss>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# A short official-style post written for this suite; its figures are the published totals of
# 1 Jan 2024 (public facts), with the one change the sources state.
REPORT_TEXT = (
    "The total combat losses of the enemy from 24.02.2022 to 01.01.2024 were approximately: "
    "personnel ‒ about 360010 (+780) persons were liquidated, tanks ‒ 5983, "
    "artillery systems – 8482, MLRS – 943. The data are being updated.\n"
)
