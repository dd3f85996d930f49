"""Starting the window reads its options without loading the command line's machinery."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import app, cli


def test_the_window_start_loads_neither_the_cli_nor_any_file_format() -> None:
    code = (
        "import sys; import desktop_app.app as a;"
        "args = a.parse_options(['--database', 'x.sqlite']);"
        "print(args.command, args.database, 'desktop_app.cli' in sys.modules,"
        " any(m.startswith('desktop_app.core.formats') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split() == ["None", "x.sqlite", "False", "False"]


def test_a_command_is_parsed_by_the_whole_parser() -> None:
    args = app.parse_options(["--database", "x.sqlite", "search", "drones"])
    assert (args.command, args.database) == ("search", "x.sqlite")
    assert app.parse_options([]).command is None


def test_help_and_unknown_options_still_reach_the_whole_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as shown:
        app.parse_options(["--help"])
    assert shown.value.code == 0
    assert "search" in capsys.readouterr().out  # the commands are listed
    with pytest.raises(SystemExit) as refused:
        app.parse_options(["--no-such-option"])
    assert refused.value.code == cli.BAD_INPUT == app.BAD_INPUT


def test_files_alone_on_the_command_line_open_the_window_with_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The desktop entry's `frontline-archive %F`: absolute paths; a user may type relative
    # ones, or name a file not (yet) there, which the import then names as missing.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feed.xml").write_text("<rss/>")
    args = app.parse_options(["--database", "x.sqlite", "feed.xml", str(tmp_path / "b.csv")])
    assert (args.command, args.database) == (None, "x.sqlite")
    assert args.files == [tmp_path / "feed.xml", tmp_path / "b.csv"]
    assert app.parse_options(["--database", "x.sqlite"]).files == []


def test_a_command_name_stays_the_command_and_a_typo_stays_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "search").write_text("a file called like a command")
    args = app.parse_options(["search", "drones"])
    assert (args.command, args.query) == ("search", "drones")
    assert app.parse_options(["./search"]).files == [tmp_path / "search"]
    with pytest.raises(SystemExit) as refused:
        app.parse_options(["serch", "drones"])  # no such command, no such file
    assert refused.value.code == app.BAD_INPUT
    assert "invalid choice: 'serch'" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # an unknown option beside a file is still refused
        app.parse_options(["./search", "--no-such-option"])
