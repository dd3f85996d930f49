"""Bad input that used to get through (issue #11 §4), fed to the real program.

Each case runs `import`, `search` or `parse` as a subprocess on a real archive holding some
content and asserts the exit code, exactly one line on stderr naming the file and record (or
the filter), no traceback, and every table of the archive unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.archive_dump import count_rows, dump_archive
from tests.cli.test_cli import run

FUTURE = (dt.date.today() + dt.timedelta(days=3)).isoformat()

# What the archive holds before every case: two days of the dataset and two feed entries.
DATASET = [
    {"date": "2022-04-15", "day": 51, "tank": 756, "drone": 135, "APC": 1964},
    {"date": "2022-04-16", "day": 52, "tank": 762, "drone": 138, "APC": 1982},
]
FEED_ITEMS = [
    ("Air defense downs 14 drones.", "Sat, 25 Nov 2023 09:41:00 +0200"),
    ("Power restored in Kharkiv Oblast.", "Sat, 25 Nov 2023 15:53:00 +0200"),
]


def rss(entries: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>https://example.org/{n}</link>"
        f"<pubDate>{stamp}</pubDate><description>{title} More text on drones.</description></item>"
        for n, (title, stamp) in enumerate(entries, start=1)
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    return f"{head}{items}</channel></rss>"


def post(day: str, *, tanks: int = 768, drones: int = 140) -> str:
    """An official English post of April 2022 (no year in its header), written for this test."""
    return (
        f"The total combat losses of the enemy from 24.02 to {day} were approximately:"
        f" personnel ‒ about 20000 (+100) persons were liquidated, tanks ‒ {tanks} (+6),"
        f" UAV operational-tactical level ‒ {drones} (+2). The data are being updated.\n"
    )


PAGE = """<!DOCTYPE html><html><head><title>Old news</title>
<meta property="og:title" content="Old news">
<meta property="article:published_time" content="{stamp}">
</head><body><article><h1>Old news</h1><p>A paragraph of an article saved from a browser, long
enough to be the page's main text for the extractor to keep.</p></article></body></html>"""


@dataclass(frozen=True)
class Case:
    file: str  # name of the file written for the case ("" for a search)
    content: bytes
    args: tuple[str, ...]  # the command; "{file}" stands for the written file's path
    code: int
    says: tuple[str, ...]  # texts the one stderr line must hold


def _j(doc: object) -> bytes:
    return json.dumps(doc).encode()


IMPORT_CASES = {
    "feed entry dated year 1": Case(
        "wire.xml",
        rss([FEED_ITEMS[0], ("Broken clock.", "Mon, 01 Jan 0001 00:00:00 +0000")]).encode(),
        ("import", "{file}"),
        2,
        ("wire.xml", "record entry 2 (Broken clock.)", "field 'pubDate'", "before 1900"),
    ),
    "feed entry dated year 9999": Case(
        "wire.xml",
        rss([("Far ahead.", "Fri, 31 Dec 9999 23:00:00 +0000")]).encode(),
        ("import", "{file}"),
        2,
        ("wire.xml", "record entry 1 (Far ahead.)", "more than a day in the future"),
    ),
    "saved page dated year 1": Case(
        "page.html",
        PAGE.format(stamp="0001-01-01T00:30:00").encode(),
        ("import", "{file}"),
        2,
        ("page.html", "field 'published_time'", "before 1900"),
    ),
    "dataset day before the war": Case(
        "equipment.json",
        _j([{"date": "2022-02-20", "tank": 1}]),
        ("import", "{file}"),
        2,
        ("equipment.json", "record #1 (2022-02-20)", "field 'date'", "before the war"),
    ),
    "dataset day in the future": Case(
        "equipment.json",
        _j([*DATASET, {"date": FUTURE, "tank": 800}]),
        ("import", "{file}"),
        2,
        ("equipment.json", f"record #3 ({FUTURE})", f"{FUTURE} is in the future"),
    ),
    "API page with a future day": Case(
        "api.json",
        _j({"message": "ok", "data": {"records": [{"date": FUTURE, "stats": {"tanks": 9}}]}}),
        ("import", "{file}"),
        2,
        ("api.json", f"record #1 ({FUTURE})", "in the future"),
    ),
    "post dated in the future": Case(
        "post.txt",
        "Загальні бойові втрати з 24.02.22 по 08.08.36 склали: танків ‒ 12251 (+4)".encode(),
        ("import", "{file}"),
        2,
        ("post.txt", "record line 1", "field 'date'", "2036-08-08 is in the future"),
    ),
    "our own export with a future report": Case(
        "export.json",
        _j({"frontline_archive": 1, "reports": [{"date": FUTURE, "figures": {}}]}),
        ("import", "{file}"),
        2,
        ("export.json", f"record {FUTURE}", "in the future"),
    ),
    "totals file with one negative value": Case(
        "equipment.json",
        _j([*DATASET, {"date": "2022-04-17", "tank": -768, "drone": 140, "APC": 1989}]),
        ("import", "{file}"),
        2,
        ("equipment.json", "record #3 (2022-04-17)", "field 'tank'", "negative total -768"),
    ),
    "truncated post (drones 138 read as 13)": Case(
        "post.txt",
        post("17.04", drones=13).encode(),
        ("import", "{file}"),
        2,
        ("post.txt", "record 2022-04-17", "field 'drones'", "13 is below 90% of 138"),
    ),
    "one date posted twice with other figures": Case(
        "posts.txt",
        (post("17.04") + "---\n" + post("17.04", tanks=767)).encode(),
        ("import", "{file}"),
        2,
        ("posts.txt", "record post 2 (line 3)", "field 'tanks'", "2022-04-17 is posted twice"),
    ),
    "API page with one date twice": Case(
        "api.json",
        _j(
            {
                "message": "ok",
                "data": {
                    "records": [
                        {"date": "2022-04-17", "stats": {"tanks": 768}},
                        {"date": "2022-04-17", "stats": {"tanks": 769}},
                    ]
                },
            }
        ),
        ("import", "{file}"),
        2,
        ("api.json", "record #2 (2022-04-17)", "field 'date'", "duplicate date 2022-04-17"),
    ),
    "dataset in windows-1251": Case(
        "legacy.json",
        json.dumps(
            [{"date": "2022-04-17", "tank": 768, "greatest losses direction": "Ізюм"}],
            ensure_ascii=False,
        ).encode("cp1251"),
        ("import", "{file}"),
        2,
        ("legacy.json", "not UTF-8 text", "save the file as UTF-8"),
    ),
}

SEARCH_CASES = {
    f"search {typed}": Case("", b"", ("search", f"drones {typed}"), 0, ("ignored", typed))
    for typed in ("to:9999", "to:9999-12-31", "from:0001-01-01", "from:2022-02-30")
}

PARSE_CASES = {
    "parse a post whose only figure is run together with a letter": Case(
        "post.txt",
        b"The total combat losses of the enemy from 24.02 to 17.04: tanks \xe2\x80\x92 3O3 (+6)",
        ("parse", "{file}"),
        2,
        ("no known loss category", "tanks ‒ 3O3 (+6)"),
    ),
}

CASES = {**IMPORT_CASES, **SEARCH_CASES, **PARSE_CASES}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive with content, built once through the real program; each test copies it."""
    folder = tmp_path_factory.mktemp("template")
    db = folder / "archive.sqlite"
    (folder / "equipment.json").write_bytes(_j(DATASET))
    (folder / "wire.xml").write_text(rss(FEED_ITEMS))
    done = run(db, "import", str(folder / "equipment.json"), str(folder / "wire.xml"))
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def archive(template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "archive.sqlite"
    for part in template.parent.glob("archive.sqlite*"):
        shutil.copy(part, tmp_path / part.name)
    return db


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_refused_in_one_line_and_changes_nothing(archive: Path, name: str) -> None:
    case = CASES[name]
    before = dump_archive(archive)
    assert count_rows(before)["report"] == 2 and count_rows(before)["item"] == 2
    path = archive.parent / (case.file or "unused")
    if case.file:
        path.write_bytes(case.content)
    args = [str(path) if arg == "{file}" else arg for arg in case.args]
    done = run(archive, *args)
    assert done.returncode == case.code, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    for text in case.says:
        assert text in lines[0], lines[0]
    assert dump_archive(archive) == before


def test_parse_lists_figures_run_together_with_letters(archive: Path) -> None:
    text = post("17.04").replace("768 (+6)", "2l7 (+6)").replace("140 (+2)", "2o10 (+2)")
    path = archive.parent / "post.txt"
    path.write_text(text)
    before = dump_archive(archive)
    done = run(archive, "parse", str(path))
    assert done.returncode == 0 and done.stderr == ""
    parsed = json.loads(done.stdout)
    assert set(parsed["figures"]) == {"personnel"}
    tanks, drones = parsed["unparsed"]
    assert tanks == "tanks ‒ 2l7 (+6)"
    assert drones.startswith("UAV operational-tactical level ‒ 2o10 (+2)")
    assert dump_archive(archive) == before


def test_a_utf16_dataset_without_a_mark_is_read(archive: Path) -> None:
    path = archive.parent / "equipment.json"
    path.write_bytes(json.dumps([{"date": "2022-04-17", "tank": 768}]).encode("utf-16-le"))
    done = run(archive, "import", "--dry-run", str(path))
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout


def test_a_small_correction_in_a_post_is_stored_with_a_warning(archive: Path) -> None:
    path = archive.parent / "post.txt"
    path.write_text(post("17.04", tanks=757))  # 762 → 757: the kind of fall the staff corrects
    assert run(archive, "import", str(path)).returncode == 0
    assert json.loads(run(archive, "report", "2022-04-17").stdout)["figures"]["tanks"] == {
        "total": 757,
        "change": 6,
    }
    check = run(archive, "check")
    assert "Tanks: total fell from 762 on 2022-04-16 to 757" in check.stdout


def test_check_names_stored_reports_dated_before_the_war_or_in_the_future(archive: Path) -> None:
    # Written by an older release, which let such dates through.
    with sqlite3.connect(archive) as con:
        for date in ("2021-12-31", FUTURE):
            con.execute(
                "INSERT INTO report (date, day, source, created_at, updated_at)"
                " VALUES (?, 0, 'test', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                (date,),
            )
    done = run(archive, "check")
    assert done.returncode == 1
    assert "2021-12-31  -  2021-12-31 is before the war" in done.stdout
    assert f"{FUTURE}  -  {FUTURE} is in the future" in done.stdout
