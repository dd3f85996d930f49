"""The command line against real processes: concurrent writers, refusals, restore, read-only."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli import KI_TEXT, run


def dataset(path: Path, *days: tuple[str, int]) -> Path:
    path.write_text(json.dumps([{"date": d, "tank": t, "APC": 100} for d, t in days]))
    return path


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def cli(db: Path, *args: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    return [sys.executable, "-m", "desktop_app", "--database", str(db), *args]


def test_concurrent_imports_all_succeed_one_after_another(tmp_path: Path) -> None:
    # Not created beforehand: the first writers also race to create the schema.
    db = tmp_path / "shared.sqlite"
    files = [
        dataset(tmp_path / f"day{n}.json", (f"2023-11-{10 + n:02d}", 5000 + n)) for n in range(8)
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    procs = [
        subprocess.Popen(
            cli(db, "import", str(f)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        for f in files
    ]
    results = [(p.wait(timeout=120), p.stderr.read().decode() if p.stderr else "") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    assert [code for code, _err in results] == [0] * len(files), results
    con = sqlite3.connect(db)
    dates = [r[0] for r in con.execute("SELECT date FROM report ORDER BY date")]
    con.close()
    assert dates == [f"2023-11-{10 + n:02d}" for n in range(8)]


HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
"""


def test_a_writer_blocked_past_the_timeout_says_another_program_is_writing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "busy.sqlite"
    post = tmp_path / "post.txt"
    post.write_text(KI_TEXT)
    assert run(db, "check").returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        line = one_line_error(run(db, "import", str(post), wait="0.3"))
        assert "another program is writing to the archive; try again" in line
        # Reading is never blocked by a writer.
        assert run(db, "search", "anything").returncode == 1
    finally:
        holder.communicate("\n", timeout=30)
    assert run(db, "import", str(post)).returncode == 0


def test_an_sqlite_file_of_another_program_is_refused_unchanged(tmp_path: Path) -> None:
    other = tmp_path / "places.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE place (name TEXT)")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    before = other.read_bytes()
    line = one_line_error(run(other, "check"))
    assert "not a Frontline Archive database" in line
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_a_server_address_is_refused_and_no_local_file_appears(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--database", "mysql://user@host/db", "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert "other than PostgreSQL" in one_line_error(result)
    assert list(tmp_path.iterdir()) == []


def test_backup_into_a_folder_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    assert run(db, "check").returncode == 0
    one_line_error(run(db, "backup", str(tmp_path / "nonexistent" / "dir") + "/"))
    assert not (tmp_path / "nonexistent").exists()
    one_line_error(run(db, "backup", str(tmp_path / "newdir") + "/"))
    assert not (tmp_path / "newdir").exists()


def test_a_huge_search_limit_is_no_traceback(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    post = tmp_path / "post.txt"
    post.write_text(KI_TEXT)
    assert run(db, "import", str(post)).returncode == 0
    result = run(db, "search", "Russia", "--limit", "99999999999999999999")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


def test_importing_the_archive_into_itself_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    assert run(db, "check").returncode == 0
    assert "archive's own file" in one_line_error(run(db, "import", str(db)))


def test_export_to_a_file_replaces_it_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    post = tmp_path / "post.txt"
    post.write_text(KI_TEXT)
    assert run(db, "import", str(post)).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    target = out / "reports.json"
    target.write_text("old")
    result = run(db, "export", "reports", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text())["reports"][0]["date"] == "2023-11-25"
    assert [p.name for p in out.iterdir()] == ["reports.json"]
    assert "1 reports written" in result.stderr
    one_line_error(run(db, "export", "reports", "-o", str(tmp_path / "missing" / "r.json")))
    assert not (tmp_path / "missing").exists()


def test_restore_lists_backups_and_brings_one_back(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    post = tmp_path / "post.txt"
    post.write_text(KI_TEXT)
    assert run(db, "import", str(post)).returncode == 0
    copy = Path(run(db, "backup").stdout.strip())
    later = dataset(tmp_path / "later.json", ("2023-12-01", 5600))
    assert run(db, "import", str(later)).returncode == 0
    listing = run(db, "restore")
    assert listing.returncode == 0 and str(copy) in listing.stdout
    # The copied article (headline and dated byline) is kept with the report it states.
    assert "1 articles and briefs, 1 reports" in listing.stdout
    done = run(db, "restore", str(copy))
    assert done.returncode == 0, done.stderr
    assert "kept in" in done.stdout
    assert run(db, "report", "2023-11-25").returncode == 0
    assert run(db, "report", "2023-12-01").returncode == 1
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    assert "cannot restore" in one_line_error(run(db, "restore", str(not_a_backup)))


# --- a read-only folder -------------------------------------------------------------------


@pytest.fixture
def read_only_archive() -> Iterator[tuple[Path, list[str]]]:
    """An archive in a folder nobody may write, and the prefix that runs the CLI as someone
    to whom that applies (root ignores permissions: then the CLI runs as `nobody`)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    folder = Path(tempfile.mkdtemp(prefix="frontline-ro-"))
    try:
        db = folder / "archive.sqlite"
        post = folder / "post.txt"
        post.write_text(KI_TEXT)
        assert run(db, "import", str(post)).returncode == 0
        db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        post.chmod(0o444)
        folder.chmod(0o555)
        yield db, prefix
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def run_as(prefix: list[str], db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": "/tmp"}
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    return subprocess.run(
        [*prefix, *cli(db, *args)],
        capture_output=True,
        text=True,
        env=env,
        cwd="/",
        timeout=120,
        check=False,
    )


def test_a_read_only_folder_opens_read_only(read_only_archive: tuple[Path, list[str]]) -> None:
    db, prefix = read_only_archive
    before = db.read_bytes()
    found = run_as(prefix, db, "search", "Russia")
    assert found.returncode in (0, 1) and "Traceback" not in found.stderr, found.stderr
    report = run_as(prefix, db, "report", "2023-11-25")
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["figures"]["tanks"]["total"] == 5502
    assert run_as(prefix, db, "export", "reports").returncode == 0
    checked = run_as(prefix, db, "maintain")
    assert checked.returncode == 0 and "archive file ok" in checked.stdout, checked.stdout
    refused = run_as(prefix, db, "import", str(db.parent / "post.txt"))
    assert "the archive is read-only" in one_line_error(refused)
    rebuild = run_as(prefix, db, "maintain", "--rebuild-index")
    assert "the archive is read-only" in one_line_error(rebuild)
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["archive.sqlite", "post.txt"]
