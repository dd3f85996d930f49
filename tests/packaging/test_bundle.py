"""The PyInstaller bundle, started as a user would start it: the headless commands on a
temporary archive, and the window (offscreen) with a file named on its command line.

Building the bundle takes minutes, so these tests look at a bundle that is already built:
`make bundle-test` builds it and runs them (FRONTLINE_BUNDLE names the folder); without
FRONTLINE_BUNDLE they are skipped.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import APP_NAME, __version__
from tests.core.formats.samples import EN_POST_0810, RSS
from tests.packaging.test_desktop_files import COMPONENT_ID, ROOT

BUNDLE = os.environ.get("FRONTLINE_BUNDLE", "")
pytestmark = pytest.mark.skipif(
    not BUNDLE, reason="no bundle named: make bundle-test builds one and runs these"
)
# The whole folder: Qt, numpy and Python take most of it. A check that nothing large comes
# back unnoticed (GTK and its libraries, Qt's network and WebEngine modules, all of babel's
# and Qt's translations: 302 MB before they were left out); measured at 234 MB (92 MB as a
# tarball).
MAX_BUNDLE_MB = 260


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = Path(BUNDLE).resolve()
    assert (folder / APP_NAME).is_file(), f"no {APP_NAME} in {folder}"
    return folder


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """The environment of a user with nothing yet: no archive, no settings, no display."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("FRONTLINE_", "XDG_", "QT_", "PYTHON")) and key != "DISPLAY"
    }
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home" / "data"))
    return env


def run(bundle: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / APP_NAME), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


def test_parse_import_and_search_run_from_the_bundle(
    bundle: Path, home: dict[str, str], tmp_path: Path
) -> None:
    post = tmp_path / "post.txt"
    post.write_text(EN_POST_0810, encoding="utf-8")
    done = run(bundle, home, "parse", str(post), "--date", "2022-08-10")
    assert done.returncode == 0, done.stderr
    parsed = json.loads(done.stdout)
    assert parsed["date"] == "2022-08-10"
    assert parsed["figures"]["tanks"] == {"total": 1832, "change": 15}

    archive = tmp_path / "archive.sqlite"
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS, encoding="utf-8")
    done = run(bundle, home, "--database", str(archive), "import", str(feed))
    assert done.returncode == 0, done.stderr
    assert "wire.rss (feed)" in done.stdout

    done = run(bundle, home, "--database", str(archive), "search", "drones")
    assert done.returncode == 0, done.stderr
    assert "Air defense downs 14 of 20 drones overnight." in done.stdout
    # The command line never adds demo content, nor writes to the user's data folder.
    assert not (tmp_path / "home" / "data" / APP_NAME / "archive.sqlite").exists()
    assert run(bundle, home, "--version").stdout.strip() == f"{APP_NAME} {__version__}"


def test_the_bundle_dates_an_undated_text_from_the_series_it_carries(
    bundle: Path, home: dict[str, str], tmp_path: Path
) -> None:
    text = tmp_path / "undated.txt"
    text.write_text("Russia has lost 323,760 troops and 5,502 tanks so far.\n", encoding="utf-8")
    done = run(bundle, home, "parse", str(text))
    assert done.returncode == 0, done.stderr
    parsed = json.loads(done.stdout)
    assert parsed["date"] == "2023-11-25"
    assert parsed["date_found"] == "date found from the General Staff's figures the program carries"


def test_a_bad_file_is_one_line_and_exit_code_2(
    bundle: Path, home: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    done = run(bundle, home, "--database", str(tmp_path / "a.sqlite"), "import", str(bad))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "bad.json" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture
def window(bundle: Path, home: dict[str, str], tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS, encoding="utf-8")
    env = {**home, "QT_QPA_PLATFORM": "offscreen"}
    archive = tmp_path / "window.sqlite"
    # As the desktop entry starts it: `frontline-archive %F`.
    process = subprocess.Popen(
        [str(bundle / APP_NAME), "--database", str(archive), str(feed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def titles(archive: Path) -> set[str]:
    if not archive.exists():
        return set()
    try:
        con = sqlite3.connect(f"file:{archive}?mode=ro", uri=True, timeout=5)
        try:
            return {row[0] for row in con.execute("SELECT title FROM item")}
        finally:
            con.close()
    except sqlite3.OperationalError:  # not created yet, or being created
        return set()


def test_the_window_starts_and_imports_the_file_it_was_given(
    window: subprocess.Popen[str], tmp_path: Path
) -> None:
    archive = tmp_path / "window.sqlite"
    deadline = time.monotonic() + 300  # a bound for a machine under load, not a timing
    while "Air defense downs 14 of 20 drones overnight." not in titles(archive):
        if window.poll() is not None:
            pytest.fail(f"the window ended ({window.returncode}): {window.communicate()[0]}")
        assert time.monotonic() < deadline, "the file was not imported within 5 minutes"
        time.sleep(0.5)
    assert window.poll() is None  # still open, showing what it imported
    # The demo content of a new archive came first (the bundle carries it).
    assert len(titles(archive)) > 20


def test_the_bundle_carries_its_resources_and_leaves_out_the_rest(bundle: Path) -> None:
    internal = bundle / "_internal"
    ours = internal / "desktop_app" / "resources"
    assert {p.name for p in (ours / "translations").glob("*.qm")} == {
        f"{APP_NAME}_en.qm",
        f"{APP_NAME}_uk.qm",
    }
    assert not list(ours.rglob("*.ts"))
    assert (ours / "demo" / "items.json").is_file() and (ours / "demo" / "reports.json").is_file()
    assert (ours / "icons" / f"{APP_NAME}.svg").is_file()
    qt = internal / "PySide6" / "Qt"
    assert (qt / "translations" / "qtbase_uk.qm").is_file()
    assert len(list((qt / "translations").glob("*.qm"))) <= 2
    plugins = {p.relative_to(qt / "plugins").as_posix() for p in (qt / "plugins").rglob("*.so")}
    assert {"platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so"} <= (
        plugins
    )
    assert "iconengines/libqsvgicon.so" in plugins and "imageformats/libqsvg.so" in plugins
    assert "platformthemes/libqgtk3.so" not in plugins
    names = {p.name for p in internal.rglob("*") if p.is_file()}
    for left_out in ("libgtk-3.so.0", "libQt6Network.so.6", "QtNetwork.abi3.so", "tkinter"):
        assert left_out not in names
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {size / 1e6:.0f} MB in {len(names):,} files (ceiling {MAX_BUNDLE_MB} MB)")
    assert size < MAX_BUNDLE_MB * 1e6


def test_the_tarball_holds_the_bundle_and_the_desktop_files(bundle: Path) -> None:
    tarballs = sorted(bundle.parent.glob(f"{APP_NAME}-{__version__}-linux-*.tar.gz"))
    assert tarballs, f"no tarball beside {bundle}"
    with tarfile.open(tarballs[-1]) as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = tarballs[-1].name.removesuffix(".tar.gz")
    for name in (
        f"{APP_NAME}/{APP_NAME}",
        "install-desktop-entry.sh",
        f"resources/{APP_NAME}.desktop",
        f"resources/{COMPONENT_ID}.metainfo.xml",
        f"resources/icons/{APP_NAME}.svg",
        f"{APP_NAME}/_internal/desktop_app/resources/translations/{APP_NAME}_uk.qm",
    ):
        assert f"{top}/{name}" in members, name
    assert members[f"{top}/{APP_NAME}/{APP_NAME}"].mode & 0o111
    assert members[f"{top}/install-desktop-entry.sh"].mode & 0o111
    assert {m.uname for m in members.values()} <= {"", "root"}
    packed = (ROOT / "resources" / f"{APP_NAME}.desktop").read_bytes()
    with tarfile.open(tarballs[-1]) as tar:
        entry = tar.extractfile(f"{top}/resources/{APP_NAME}.desktop")
        assert entry is not None and entry.read() == packed
