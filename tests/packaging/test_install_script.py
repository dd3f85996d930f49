"""packaging/install-desktop-entry.sh, run for a user whose data folder is a temporary one:
from a source checkout and from an unpacked bundle (whose program sits beside the script)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.test_desktop_files import COMPONENT_ID, RESOURCES, ROOT

SCRIPT = ROOT / "packaging" / "install-desktop-entry.sh"


def install(script: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(data.parent)}
    return subprocess.run(
        ["bash", str(script), *args], capture_output=True, text=True, env=env, timeout=60
    )


def installed(data: Path) -> list[Path]:
    return [
        data / "applications" / "frontline-archive.desktop",
        data / "icons" / "hicolor" / "scalable" / "apps" / "frontline-archive.svg",
        data / "metainfo" / f"{COMPONENT_ID}.metainfo.xml",
    ]


def exec_line(entry: Path) -> str:
    lines = [x for x in entry.read_text(encoding="utf-8").splitlines() if x.startswith("Exec=")]
    assert len(lines) == 1
    return lines[0]


def unpacked_bundle(folder: Path) -> Path:
    """The layout of make bundle's tarball, with a stand-in for the program."""
    folder.mkdir(parents=True)
    shutil.copy(SCRIPT, folder / SCRIPT.name)
    shutil.copytree(RESOURCES, folder / "resources")
    program = folder / "frontline-archive" / "frontline-archive"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    return program


def test_from_a_checkout_the_entry_starts_the_program_on_path(tmp_path: Path) -> None:
    data = tmp_path / "share"
    done = install(SCRIPT, data)
    assert done.returncode == 0, done.stderr
    entry, icon, meta = installed(data)
    assert entry.read_bytes() == (RESOURCES / "frontline-archive.desktop").read_bytes()
    assert icon.is_file() and meta.is_file()
    assert "frontline-archive (on PATH)" in done.stdout


def test_from_an_unpacked_bundle_the_entry_starts_the_bundled_program(tmp_path: Path) -> None:
    # A space and a percent sign: quoted, and the percent doubled, as the specification asks.
    program = unpacked_bundle(tmp_path / "my 100% apps" / "frontline-archive-0.1.0")
    data = tmp_path / "share"
    done = install(program.parent.parent / SCRIPT.name, data)
    assert done.returncode == 0, done.stderr
    entry = installed(data)[0]
    quoted = str(program).replace("%", "%%")
    assert exec_line(entry) == f'Exec="{quoted}" %F'
    # Everything else as in resources/.
    original = (RESOURCES / "frontline-archive.desktop").read_text(encoding="utf-8")
    assert [x for x in entry.read_text(encoding="utf-8").splitlines() if "Exec=" not in x] == [
        x for x in original.splitlines() if "Exec=" not in x
    ]
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=60
        )
        assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")

    done = install(program.parent.parent / SCRIPT.name, data, "--uninstall")
    assert done.returncode == 0, done.stderr
    assert not any(path.exists() for path in installed(data))


@pytest.mark.parametrize("folder", ["price $5", 'say "hi"', "back\\slash"])
def test_a_path_an_entry_cannot_name_is_refused_before_anything_is_installed(
    tmp_path: Path, folder: str
) -> None:
    program = unpacked_bundle(tmp_path / folder / "bundle")
    data = tmp_path / "share"
    done = install(program.parent.parent / SCRIPT.name, data)
    assert done.returncode == 2
    assert "move the folder" in done.stderr
    assert not any(path.exists() for path in installed(data))
