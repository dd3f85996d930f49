"""The desktop entry and AppStream metadata in resources/: what they promise, checked against
the program (its version, icon, screenshots) and against the desktop's own validators."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
ENTRY = RESOURCES / "frontline-archive.desktop"
COMPONENT_ID = "io.github.frontline_archive.frontline_archive"
METAINFO = RESOURCES / f"{COMPONENT_ID}.metainfo.xml"
# Where the screenshots in docs/ are published: the project's repository on GitHub.
SCREENSHOT_BASE = "https://raw.githubusercontent.com/frontline-archive/frontline-archive/main/"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(ENTRY, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def list_of(value: str) -> list[str]:
    return [part for part in value.split(";") if part]


def test_the_entry_starts_the_program_with_the_files_it_was_given() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == f"{APP_NAME} %F"
    assert entry["Icon"] == APP_NAME and (RESOURCES / "icons" / f"{APP_NAME}.svg").is_file()
    # The window sets its desktop file name to APP_NAME: the shell matches it to this entry.
    assert ENTRY.stem == entry["StartupWMClass"] == APP_NAME
    assert entry["Terminal"] == "false"


def test_the_entry_speaks_ukrainian_too() -> None:
    entry = desktop_entry()
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[f"{key}[uk]"].strip(), key
    # The program's own name stays as the Ukrainian window shows it; the rest is translated.
    assert entry["Name[uk]"] == entry["Name"]
    assert entry["Comment[uk]"] != entry["Comment"]
    assert "зведен" in entry["Comment[uk]"] and "звіт" not in entry["Comment[uk]"]


def test_the_entry_lists_the_file_types_the_metainfo_names() -> None:
    listed = set(list_of(desktop_entry()["MimeType"]))
    provided = {e.text for e in metainfo().iterfind("provides/mediatype")}
    assert provided and provided <= listed
    assert {"application/json", "text/csv", "application/rss+xml", "text/plain"} <= listed


def test_the_metainfo_names_this_entry_release_and_screenshots() -> None:
    root = metainfo()
    assert root.findtext("id") == COMPONENT_ID
    assert root.findtext("launchable[@type='desktop-id']") == ENTRY.name
    assert root.findtext("provides/binary") == APP_NAME
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__  # newest first
    assert all(r.find("description") is not None for r in releases)
    assert root.find("content_rating[@type='oars-1.1']") is not None
    screenshots = root.findall("screenshots/screenshot")
    assert len(screenshots) >= 2
    assert [s.get("type") for s in screenshots].count("default") == 1
    for shot in screenshots:
        captions = {c.get(LANG): c.text for c in shot.findall("caption")}
        assert captions.get(None) and captions.get("uk")
        image = shot.find("image")
        assert image is not None and image.text is not None
        assert image.text.startswith(SCREENSHOT_BASE)
        file = ROOT / image.text.removeprefix(SCREENSHOT_BASE)
        assert file.parent == ROOT / "docs" and file.is_file(), image.text
        # The size the metadata states is the picture's (a PNG's header says it).
        header = file.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (
            int(image.get("width", 0)),
            int(image.get("height", 0)),
        )


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(args[0]) is None:
        pytest.skip(f"{args[0]} is not installed (Debian: desktop-file-utils, appstream)")
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def test_desktop_file_validate_finds_nothing_to_say() -> None:
    done = run_tool("desktop-file-validate", str(ENTRY))
    # Hints included: without --no-hints it prints them, and nothing is printed.
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_appstreamcli_validates_pedantically_without_a_remark() -> None:
    done = run_tool("appstreamcli", "validate", "--pedantic", "--no-net", str(METAINFO))
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    # Errors, warnings, infos and pedantic notes would each be counted in the summary line.
    assert out.strip().splitlines() == ["✔ Validation was successful."], out
