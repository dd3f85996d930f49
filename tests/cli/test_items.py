"""`search` and `show`: finding articles and briefs from the command line and reading them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run

FEED = """<rss version="2.0"><channel><title>Wire</title>
<item><title>Drones downed over Kyiv</title><link>https://example.org/a</link>
<description>Air defense downed twelve drones over Kyiv; the drones came in waves.</description>
<pubDate>Sun, 12 May 2024 08:00:00 +0300</pubDate><category>air defense</category></item>
<item><title>Shelling in Kharkiv</title><link>https://example.org/b</link>
<description>Kharkiv was shelled at night, and one drone hit a warehouse.</description>
<pubDate>Sun, 12 May 2024 09:00:00 +0300</pubDate></item>
<item><title>Ferry to Kherson resumes</title><link>https://example.org/c</link>
<description>The river ferry runs again.</description>
<pubDate>Sun, 12 May 2024 07:00:00 +0300</pubDate></item>
</channel></rss>"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    feed = tmp_path / "wire.xml"
    feed.write_text(FEED, encoding="utf-8")
    path = tmp_path / "items.sqlite"
    assert run(path, "import", str(feed)).returncode == 0
    return path


def ids_of(stdout: str) -> list[int]:
    return [int(line.split()[0]) for line in stdout.splitlines()]


def test_search_lists_ids_in_the_order_asked(db: Path) -> None:
    newest = run(db, "search", "drone*")
    assert newest.returncode == 0, newest.stderr
    lines = newest.stdout.splitlines()
    assert [line.split("  ")[-1] for line in lines] == [
        "Shelling in Kharkiv",
        "Drones downed over Kyiv",
    ]
    assert "2024-05-12 06:00Z" in lines[0]
    assert (
        ids_of(run(db, "search", "drone*", "--order", "oldest").stdout)
        == ids_of(newest.stdout)[::-1]
    )
    # Three mentions of drones outrank one, whatever the time.
    ranked = run(db, "search", "drone*", "--order", "relevance", "--json").stdout.splitlines()
    assert [json.loads(line)["title"] for line in ranked] == [
        "Drones downed over Kyiv",
        "Shelling in Kharkiv",
    ]
    first = json.loads(ranked[0])
    assert first["source_url"] == "https://example.org/a" and first["tags"] == ["air defense"]
    assert (first["starred"], first["read"]) == (False, False)
    everything = run(db, "search", "", "--order", "title").stdout
    titles = [line.split("  ")[-1] for line in everything.splitlines()]
    assert titles == ["Drones downed over Kyiv", "Ferry to Kherson resumes", "Shelling in Kharkiv"]


def test_show_prints_an_item_whole_and_names_the_ids_it_cannot_find(db: Path) -> None:
    (kyiv,) = ids_of(run(db, "search", "kyiv").stdout)
    shown = run(db, "show", str(kyiv))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[:5] == [
        "Drones downed over Kyiv",
        f"brief {kyiv} · 2024-05-12 05:00Z · unread",
        "source: Wire",
        "link: https://example.org/a",
        "tags: air defense",
    ]
    assert "twelve drones over Kyiv" in shown.stdout
    as_json = json.loads(run(db, "show", str(kyiv), "--json").stdout)
    assert as_json["id"] == kyiv and as_json["body"].startswith("Air defense downed")
    missing = run(db, "show", str(kyiv), "999")
    assert missing.returncode == 1
    assert "Drones downed over Kyiv" in missing.stdout
    assert "no article or brief with id 999" in missing.stderr
    assert "Traceback" not in missing.stderr
