"""Build a large archive for benchmarks: articles and briefs with varied text, daily reports.

The text is assembled from phrases written for this generator; it reads like coverage but
carries no real reporting.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

from desktop_app.core.categories import CATEGORIES
from desktop_app.core.report import WAR_START, day_of_war
from desktop_app.storage import search_terms
from desktop_app.storage.db.connection import open_database

PLACES = [
    "Kharkiv",
    "Sumy",
    "Kherson",
    "Zaporizhzhia",
    "Odesa",
    "Kyiv",
    "Dnipro",
    "Donetsk",
    "Pokrovsk",
    "Kupiansk",
    "Chernihiv",
    "Mykolaiv",
    "Nikopol",
    "Kramatorsk",
    "Lyman",
]
SUBJECTS = [
    "Air defense",
    "Regional authorities",
    "Emergency crews",
    "The General Staff",
    "Border guards",
    "Energy engineers",
    "Rail operators",
    "Deminers",
    "Volunteers",
]
VERBS = ["report", "confirm", "restore", "count", "repair", "evacuate", "intercept", "inspect"]
OBJECTS = [
    "drones overnight",
    "power lines",
    "damaged homes",
    "a substation",
    "grain silos",
    "rail junctions",
    "shelters",
    "water mains",
    "supply routes",
    "school buildings",
]
TAGS = [
    "air defense",
    "energy",
    "evacuation",
    "shelling",
    "drones",
    "frontline",
    "rail",
    "humanitarian",
    "demining",
    "analysis",
]


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} "
        f"{rng.randint(2, 90)} {rng.choice(OBJECTS)}."
    )


def build(path: Path, *, items: int = 100_000, reports: int = 2_000, seed: int = 7) -> Path:
    """Create (or overwrite) an archive at `path` with the given numbers of rows."""
    if path.exists():
        path.unlink()
    db = open_database(path)
    db.close()
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    start = dt.datetime(2022, 2, 24, tzinfo=dt.UTC)
    span = 1700 * 86400
    rows = []
    for n in range(items):
        brief = rng.random() < 0.6
        when = start + dt.timedelta(seconds=rng.randrange(span))
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        paragraphs = 1 if brief else rng.randint(4, 9)
        body = "\n\n".join(
            " ".join(sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(paragraphs)
        )
        title = sentence(rng) if brief else f"{rng.choice(PLACES)}: {sentence(rng)[:-1]}"
        rows.append(
            (
                "brief" if brief else "article",
                title,
                "",
                body,
                f"Writer {rng.randint(1, 60)}",
                stamp,
                "Benchmark feed",
                f"https://bench.invalid/{n}",
                ", ".join(rng.sample(TAGS, 2)),
                stamp,
                stamp,
            )
        )
    con.executemany(
        "INSERT INTO item (kind, title, lead, body, author, published_at, source_name, "
        "source_url, tags, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    # The tag table the filters count from, as storage.items.write_tags keeps it.
    con.execute(
        "INSERT INTO item_tag (item_id, tag) SELECT item.id, trim(j.value) FROM item, "
        "json_each('[\"' || replace(item.tags, ', ', '\",\"') || '\"]') AS j"
    )
    keys = [c.key for c in CATEGORIES if not c.legacy]
    totals = dict.fromkeys(keys, 0)
    for n in range(reports):
        date = WAR_START + dt.timedelta(days=n + 1)
        cur = con.execute(
            "INSERT INTO report (date, day, qualifier, source, created_at, updated_at) "
            "VALUES (?, ?, 'about', 'bench', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
            (date.isoformat(), day_of_war(date)),
        )
        report_id = cur.lastrowid
        for key in keys:
            change = rng.randint(0, 1200 if key == "personnel" else 30)
            totals[key] += change
            con.execute(
                "INSERT INTO report_figure (report_id, category, total, change) "
                "VALUES (?, ?, ?, ?)",
                (report_id, key, totals[key], change),
            )
    # The search's word list, as the archive's own commits keep it (schema 9).
    search_terms.catch_up(con)
    con.commit()
    con.close()
    add_rare(path)
    # The items' sort keys (schema 15), as the archive's own commits make them: an open
    # makes those of the items written here.
    open_database(path).close()
    return path


RARE_TAG, RARE_SOURCE, RARE_ITEMS = "ceasefire", "Field notes", 30


def add_rare(path: Path) -> None:
    """A tag and a source of `RARE_ITEMS` items each, evenly spread, at any scale: what a
    person tags by hand or imports once beside the feeds. Added once (an archive cached by
    an earlier run gets them on its next), as the window would: the item's tags text, its
    tag row, the search index through the item's triggers."""
    con = sqlite3.connect(path)
    if con.execute("SELECT 1 FROM item_tag WHERE tag = ?", (RARE_TAG,)).fetchone() is None:
        ids = [row[0] for row in con.execute("SELECT id FROM item ORDER BY id")]
        step = max(1, len(ids) // RARE_ITEMS)
        chosen = ids[step // 2 :: step][:RARE_ITEMS]
        con.executemany(
            "UPDATE item SET tags = tags || ', ' || ?, source_name = ? WHERE id = ?",
            [(RARE_TAG, RARE_SOURCE, i) for i in chosen],
        )
        con.executemany(
            "INSERT INTO item_tag (item_id, tag) VALUES (?, ?)", [(i, RARE_TAG) for i in chosen]
        )
        search_terms.catch_up(con)
        con.commit()
    con.close()
