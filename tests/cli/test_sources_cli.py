"""subscribe, subscriptions, update, unsubscribe and OPML through the program's entry point.

In-process (`app.main`, as `python -m desktop_app` calls it) rather than a subprocess each:
a dozen commands at 2-3 s of start-up apiece would be most of the suite's time budget. One
test runs the real program, for the exit code and the absence of a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from desktop_app.app import main
from tests.cli.test_cli import run
from tests.services.feed_server import conditional, rss, story


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys):
    def call(db: Path, *args: str) -> Done:
        code = main(["--database", str(db), *args])
        out, err = capsys.readouterr()
        return Done(code, out, err)

    return call


def test_subscribe_update_list_export_import_unsubscribe(
    tmp_path: Path, httpserver: HTTPServer, cli
):
    run = cli
    db = tmp_path / "a.sqlite"
    feed = rss([story(1, httpserver.url_for("")), story(2, httpserver.url_for(""))], title="Desk")
    httpserver.expect_request("/feed").respond_with_handler(conditional(feed, '"e1"'))

    done = run(db, "subscribe", httpserver.url_for("/feed"), "--every", "30", "--tag", "ua")
    assert done.returncode == 0, done.stderr
    assert "subscribed: Desk" in done.stdout

    updated = run(db, "update")
    assert updated.returncode == 0, updated.stderr
    assert "Desk: 2 new (0 articles, 2 briefs)" in updated.stdout
    assert "unchanged (304)" in run(db, "update", "Desk").stdout

    listed = json.loads(run(db, "subscriptions", "--json").stdout)
    assert listed[0]["name"] == "Desk" and listed[0]["unread"] == 2
    assert listed[0]["every_minutes"] == 30 and listed[0]["tags"] == ["ua"]
    assert "2 unread of 2" in run(db, "subscriptions").stdout

    opml = tmp_path / "list.opml"
    assert run(db, "subscriptions", "export", str(opml)).returncode == 0
    other = tmp_path / "b.sqlite"
    imported = run(other, "subscriptions", "import", str(opml))
    assert "1 sources added" in imported.stdout, imported.stderr
    again = json.loads(run(other, "subscriptions", "--json").stdout)[0]
    assert (again["name"], again["every_minutes"], again["tags"]) == ("Desk", 30, ["ua"])

    gone = run(db, "unsubscribe", "Desk")
    assert gone.returncode == 0 and "stay in the archive" in gone.stdout
    assert "no sources" in run(db, "subscriptions").stdout
    assert run(db, "unsubscribe", "Desk").returncode == 2


def test_update_with_no_network_says_so_and_exits_1(tmp_path: Path):
    db = tmp_path / "a.sqlite"
    opml = tmp_path / "l.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Down" xmlUrl="http://127.0.0.1:9/f"/>'
        "</body></opml>"
    )
    assert run(db, "subscriptions", "import", str(opml)).returncode == 0
    result = run(db, "update")
    assert result.returncode == 1
    assert "Down: cannot connect" in result.stdout
    assert "Traceback" not in result.stderr


def test_subscribing_to_a_page_without_a_feed_exits_2(tmp_path: Path, httpserver: HTTPServer, cli):
    run = cli
    httpserver.expect_request("/").respond_with_data(b"<html><body>hi</body></html>")
    result = run(tmp_path / "a.sqlite", "subscribe", httpserver.url_for("/"))
    assert result.returncode == 2
    assert "names no feed; nothing was subscribed" in result.stderr


def test_subscriptions_set_changes_a_sources_settings(tmp_path: Path, httpserver: HTTPServer, cli):
    run = cli
    db = tmp_path / "a.sqlite"
    host = httpserver.url_for("")
    httpserver.expect_request("/feed").respond_with_data(rss([story(1, host)], title="Desk"))
    httpserver.expect_request("/other").respond_with_data(rss([story(2, host)], title="Other"))
    assert run(db, "subscribe", httpserver.url_for("/feed"), "--tag", "ua").returncode == 0
    assert run(db, "subscribe", httpserver.url_for("/other")).returncode == 0

    done = run(
        db, "subscriptions", "set", "desk", "--name", "Kyiv desk", "--as", "article",
        "--full-text", "--every", "15", "--tags", "energy, front",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Kyiv desk: name: Desk → Kyiv desk" in done.stdout
    assert "Kyiv desk: every: 60 → 15 minutes" in done.stdout
    listed = {s["name"]: s for s in json.loads(run(db, "subscriptions", "--json").stdout)}
    desk = listed["Kyiv desk"]
    assert (desk["as"], desk["full_text"], desk["every_minutes"]) == ("article", True, 15)
    assert desk["tags"] == ["energy", "front"] and desk["url"] == httpserver.url_for("/feed")

    # Back to each entry by its form, full text off, no tags; the rest kept.
    done = run(db, "subscriptions", "set", "Kyiv desk", "--as", "auto", "--no-full-text",
               "--tags", "")  # fmt: skip
    assert done.returncode == 0, done.stderr
    desk = json.loads(run(db, "subscriptions", "--json").stdout)[0]
    assert (desk["as"], desk["full_text"], desk["tags"], desk["every_minutes"]) == (
        "auto", False, [], 15
    )  # fmt: skip

    # Refused, nothing changed: another source's name, an interval out of range, no source.
    taken = run(db, "subscriptions", "set", "Kyiv desk", "--name", "other")
    assert taken.returncode == 2 and "exists already" in taken.stderr
    assert run(db, "subscriptions", "set", "Kyiv desk", "--every", "0").returncode == 2
    missing = run(db, "subscriptions", "set", "Nope", "--every", "5")
    assert missing.returncode == 2 and "no source called 'Nope'" in missing.stderr
    assert "Traceback" not in taken.stderr + missing.stderr
    names = [s["name"] for s in json.loads(run(db, "subscriptions", "--json").stdout)]
    assert names == ["Kyiv desk", "Other"]
    assert json.loads(run(db, "subscriptions", "--json").stdout)[0]["every_minutes"] == 15


def _write(db: Path, sql: str) -> None:
    """As another program would: straight into the file, past this program's checks."""
    import sqlite3

    con = sqlite3.connect(db)
    con.execute(sql)
    con.commit()
    con.close()


def test_a_source_another_program_wrote_into_stops_neither_the_list_nor_the_others(
    tmp_path: Path, httpserver: HTTPServer, cli
):
    run = cli
    db = tmp_path / "a.sqlite"
    host = httpserver.url_for("")
    httpserver.expect_request("/feed").respond_with_data(rss([story(1, host)], title="Desk"))
    httpserver.expect_request("/other").respond_with_data(rss([story(2, host)], title="Other"))
    assert run(db, "subscribe", httpserver.url_for("/feed")).returncode == 0
    assert run(db, "subscribe", httpserver.url_for("/other")).returncode == 0
    _write(db, "UPDATE source SET every_minutes = 'zzz' WHERE name = 'Desk'")
    told = "source.every_minutes: 'zzz' is not a whole number"

    listed = run(db, "subscriptions")
    assert listed.returncode == 0, listed.stderr
    assert "Other" in listed.stdout and f"last error: {told}" in listed.stdout
    desk = json.loads(run(db, "subscriptions", "--json").stdout)[0]
    assert desk["problem"] == told and desk["every_minutes"] is None  # no default shown

    # The other source is fetched; this one is said and left as the other program wrote it.
    updated = run(db, "update")
    assert updated.returncode == 1
    assert f"Desk: not fetched: {told}" in updated.stdout and "Other: 1 new" in updated.stdout
    assert run(db, "update", "--due").stdout == "nothing to update\n"
    opml = tmp_path / "sources.opml"
    exported = run(db, "subscriptions", "export", str(opml))
    assert f"left out Desk: {told}" in exported.stdout
    assert "exported 1 sources" in exported.stdout and "/other" in opml.read_text()

    # An edit that would keep the foreign interval is refused; one that sets it replaces it.
    kept = run(db, "subscriptions", "set", "Desk", "--tags", "ua")
    assert kept.returncode == 2 and "set every anew (nothing changed)" in kept.stderr
    mended = run(db, "subscriptions", "set", "Desk", "--every", "30")
    assert mended.returncode == 0, mended.stderr
    assert "Desk: every: another program's value replaced" in mended.stdout
    assert "Desk: 1 new" in run(db, "update", "Desk").stdout

    # A kind no setting gives: only unsubscribing ends it.
    _write(db, "UPDATE source SET kind = 'video' WHERE name = 'Desk'")
    refused = run(db, "subscriptions", "set", "Desk", "--every", "30")
    assert refused.returncode == 2 and "unsubscribe it" in refused.stderr
    assert run(db, "unsubscribe", "Desk").returncode == 0


def test_an_interval_under_the_schedules_least_is_refused_not_pretended(
    tmp_path: Path, httpserver: HTTPServer, cli
):
    """Asked every 2 minutes, a source was still asked every 5, without a word."""
    run = cli
    db = tmp_path / "a.sqlite"
    httpserver.expect_request("/feed").respond_with_data(
        rss([story(1)]), content_type="application/rss+xml"
    )
    refused = run(db, "subscribe", httpserver.url_for("/feed"), "--name", "Desk", "--every", "2")
    assert refused.returncode == 2
    assert "the interval is 5 to 100,000 minutes" in refused.stderr
    assert run(db, "subscribe", httpserver.url_for("/feed"), "--name", "Desk").returncode == 0
    changed = run(db, "subscriptions", "set", "Desk", "--every", "4")
    assert changed.returncode == 2 and "not asked more often than every 5" in changed.stderr
    listed = json.loads(run(db, "subscriptions", "--json").stdout)
    assert listed[0]["every_minutes"] == 60
