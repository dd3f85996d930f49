"""Ctrl+C during a long import, sent to the real program as SIGINT, and an output pipe closed
early (`| head`): the archive is as it was, and the user reads one line (or nothing), not a
traceback."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from email.utils import format_datetime
from pathlib import Path

from tests.cli.test_cli import KI_TEXT, run


def _big_feed(path: Path, entries: int) -> None:
    base = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T')
        out.write("</title>")
        for n in range(entries):
            out.write(
                f"<item><guid>entry-{n}</guid><title>Test headline {n} of the day</title>"
                f"<link>http://e.invalid/{n}</link><description>Short text {n}.</description>"
                f"<pubDate>{format_datetime(base + dt.timedelta(minutes=n))}</pubDate></item>"
            )
        out.write("</channel></rss>")


def _counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        items = con.execute("SELECT count(*) FROM item").fetchone()[0]
        reports = con.execute("SELECT count(*) FROM report").fetchone()[0]
    return items, reports


def test_ctrl_c_during_an_import_leaves_the_archive_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    post = tmp_path / "post.txt"
    post.write_text(KI_TEXT, encoding="utf-8")
    assert run(db, "import", str(post)).returncode == 0
    before = _counts(db)
    feed = tmp_path / "feed.xml"
    _big_feed(feed, 150_000)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--database", str(db), "import", str(feed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        # A Ctrl+C reaches a program started from a shell; a test's child may inherit SIG_IGN.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    wal = Path(f"{db}-wal")
    # Interrupted while it writes: its transaction has begun to fill the write-ahead log.
    while process.poll() is None and (not wal.exists() or wal.stat().st_size < 2_000_000):
        time.sleep(0.01)
    assert process.poll() is None, "the import ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert out == "" and "Traceback" not in err
    assert err.splitlines() == [
        "frontline-archive import: interrupted (Ctrl+C); the write under way was undone"
    ]
    assert _counts(db) == before
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # The archive takes the next write.
    assert run(db, "import", str(post)).returncode == 0


def test_output_piped_into_a_reader_that_stops_early_is_no_error(tmp_path: Path) -> None:
    """`search '' | head -1`: the reader closes the pipe; no "internal error", no log entry."""
    db = tmp_path / "a.sqlite"
    feed = tmp_path / "feed.xml"
    _big_feed(feed, 20_000)
    assert run(db, "import", str(feed)).returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    for command in (["search", "", "--limit", "100000"], ["export", "articles"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--database", str(db), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()  # as `head -1` does once it has its line
        err = process.stderr.read().decode()
        assert process.wait(timeout=120) == 141, (command, err)
        assert err == "", command
