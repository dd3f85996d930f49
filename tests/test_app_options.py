"""Starting the window reads its options without loading the command line's machinery."""

from __future__ import annotations

import subprocess
import sys

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
