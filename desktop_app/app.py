"""The composition root: parse options, then run a command on the archive, or the window.

A command opens the archive here. The window opens it itself, after its frame has painted
(`ui.app.startup`): nothing before the first paint imports the database modules.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop_app import APP_NAME, APP_TITLE, __version__
from desktop_app.core.errors import BAD_INPUT, INTERRUPTED, ArchiveError

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from desktop_app.ui.app.main_window import MainWindow

log = logging.getLogger(__name__)


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description=f"{APP_TITLE}: an offline archive of war coverage and daily loss reports. "
        "Without a command, opens the window.",
        add_help=commands,
    )
    parser.add_argument(
        "--database",
        metavar="PATH",
        help="archive file to use (default: $FRONTLINE_ARCHIVE_DB or the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    if commands:
        from desktop_app.cli import add_commands

        add_commands(parser)
    return parser


def parse_options(argv: Sequence[str] | None) -> argparse.Namespace:
    """The options; the command line's parsers and formats are loaded only for a command.

    Starting the window (no command) is the common case and should not pay for them: a
    parser without the commands reads the options first, and anything it does not know (a
    command, `--help`, a typo) goes to the whole parser, which handles it as before.
    """
    window_only, rest = build_parser(commands=False).parse_known_args(argv)
    window_only.command = None
    window_only.files = []
    if not rest:
        return window_only
    if _names_files(rest):
        # `frontline-archive FILE…` (the desktop entry's %F: files opened with the program or
        # dropped on its icon): the window opens and imports them, as a drop on it would.
        window_only.files = [Path(name).absolute() for name in rest]
        return window_only
    return build_parser().parse_args(argv)


def _names_files(words: Sequence[str]) -> bool:
    """Whether what the window-only parser left over is a list of files, not a command.

    A command's name always means the command (`./search` names a file called "search"); a
    word that is neither a command nor an existing file nor looks like a path (no folder, no
    extension) is left to the whole parser, which says it is no command (a typo stays an
    error rather than an import of a file that is not there).
    """
    from desktop_app.cli import COMMANDS

    first = words[0]
    if first in COMMANDS or any(word.startswith("-") for word in words):
        return False
    path = Path(first)
    return path.exists() or "/" in first or path.suffix != ""


def _setup_logging() -> Path | None:
    """A local log in the data folder for what a user can send us; nothing leaves the machine."""
    from desktop_app.core.paths import data_dir

    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "frontline-archive.log"
        logging.basicConfig(
            filename=path,
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        return path
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_options(argv)
    if args.command is None:
        # Start-up makes objects that live as long as the window; the cyclic collector
        # walking them again and again during the imports is start-up time spent on nothing.
        # The window's own collector takes over (desktop_app/ui/common/garbage.py).
        gc.disable()
        return run_window(args.database, args.files)
    try:
        return _run_command(args)
    except KeyboardInterrupt:
        # Every write is one transaction, undone when interrupted: said in one line.
        print(
            f"{APP_NAME} {args.command}: interrupted (Ctrl+C); the write under way was undone",
            file=sys.stderr,
        )
        return INTERRUPTED


def _run_command(args: argparse.Namespace) -> int:
    from desktop_app.cli import OFFLINE_COMMANDS, run_command

    if args.command in OFFLINE_COMMANDS:
        return run_command(args)
    from peewee import DatabaseError as PeeweeDatabaseError

    from desktop_app.storage.db.connection import command_busy_timeout_ms, open_archive

    try:
        # A command may wait longer for another program's write than the window should.
        archive = open_archive(args.database, busy_timeout_ms=command_busy_timeout_ms())
    except ArchiveError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return BAD_INPUT
    try:
        args.archive_path = archive.path
        return run_command(args)
    except PeeweeDatabaseError as exc:
        # A locked, read-only or damaged file: say which, in one line.
        print(
            f"{APP_NAME}: database error in {archive.server or archive.path}: {exc}",
            file=sys.stderr,
        )
        return BAD_INPUT
    finally:
        archive.db.close()


_crash_log: TextIO | None = None


def enable_crash_log(log_path: Path | None) -> None:
    """A native crash (a segfault in Qt, an abort) writes every thread's Python stack to the
    log as well as to stderr: a program started from a menu has no terminal to read."""
    global _crash_log
    target: TextIO = sys.stderr
    if log_path is not None:
        try:
            # Kept open for the life of the process: faulthandler writes to its descriptor.
            _crash_log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115
            target = _crash_log
        except OSError:
            pass
    faulthandler.enable(file=target, all_threads=True)


def run_window(database: str | None, files: Sequence[Path] = ()) -> int:
    """The window on the archive `database` names (the default one if None); `files` (given
    on the command line) are imported into it."""
    from desktop_app.platform_check import display_problem

    problem = display_problem()
    if problem:
        print(f"{APP_NAME}: {problem}", file=sys.stderr)
        return BAD_INPUT
    log_path = _setup_logging()
    enable_crash_log(log_path)
    from desktop_app.ui.app.qt_import import quicken_pyside_imports

    quicken_pyside_imports()  # before the window's modules are imported
    from desktop_app.ui.app.startup import run_frame_first

    def fill(frame: MainWindow, settings: QSettings) -> object:
        # The database and window modules load here, after the frame's first paint.
        from desktop_app.ui.app.application import open_in_frame

        return open_in_frame(frame, settings, database, files)

    try:
        return run_frame_first(log_path, fill)
    finally:
        from desktop_app.services.archive_state import close_connection

        close_connection()


if __name__ == "__main__":
    sys.exit(main())
