"""`parse` reads a file as `import` does: UTF-16 (as Windows' Notepad saves "Unicode"), a
byte-order mark, CRLF; an 8-bit file is refused in one line naming its likely encoding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import KI_TEXT, run


def _parse_stdin(db: Path, data: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FRONTLINE_ARCHIVE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--database", str(db), "parse", "-"],
        input=data,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_parse_reads_utf16_and_crlf_files_as_import_does(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    expected = json.loads(run(db, "parse", "-", stdin=KI_TEXT).stdout)
    for name, data in (
        ("notepad.txt", KI_TEXT.encode("utf-16")),
        ("no-mark.txt", KI_TEXT.encode("utf-16-le")),
        ("crlf.txt", b"\xef\xbb\xbf" + KI_TEXT.replace("\n", "\r\n").encode()),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        parsed = run(db, "parse", str(path))
        assert parsed.returncode == 0, (name, parsed.stderr)
        assert json.loads(parsed.stdout) == expected, name
        assert run(db, "import", "--dry-run", str(path)).returncode == 0, name
    piped = _parse_stdin(db, KI_TEXT.encode("utf-16"))
    assert piped.returncode == 0 and json.loads(piped.stdout) == expected


def test_parse_refuses_an_8_bit_file_in_one_line_naming_its_encoding(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    text = "Загальні бойові втрати противника: особового складу близько 323760 осіб, танків 5502"
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    refused = run(db, "parse", str(path))
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "cp1251" in refused.stderr
    piped = _parse_stdin(db, text.encode("cp1251"))
    lines = piped.stderr.decode().splitlines()
    assert piped.returncode == 2 and len(lines) == 1 and "cp1251" in lines[0], lines
