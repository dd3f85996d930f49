"""The headless commands: thin wrappers that call core and storage and print the result.

Exit codes: 0 success, 1 `check` found problems or nothing was found, 2 bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop_app.cli.items import add_item_commands, cmd_search, cmd_show
from desktop_app.core.errors import (
    BAD_INPUT,
    INTERNAL,
    OK,
    PIPE_CLOSED,
    PROBLEMS,
    ArchiveError,
)
from desktop_app.core.formats.detect import FORMATS
from desktop_app.core.item import KINDS

if TYPE_CHECKING:
    from desktop_app.core.report import LossReport

# The commands' own modules (parsers, formats, storage) are imported inside each command:
# this module is loaded for every start, including the window's, which needs none of them.


def add_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="print the report in a pasted text as JSON; store nothing")
    p.add_argument("file", help="a text file (or a saved page), or - for standard input")
    p.add_argument("--date", help="the report's date (YYYY-MM-DD) when the text gives none")
    p.add_argument(
        "--explain", action="store_true", help="say for every figure the words it was read from"
    )
    p.add_argument("--all", action="store_true", help="every day of a multi-day text, a line each")

    p = sub.add_parser("import", help="import files (format detected from the content)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=FORMATS, help="skip detection and read as this format")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would be added, updated and skipped; write nothing",
    )
    p.add_argument(
        "--overwrite-manual",
        action="store_true",
        help="let the files replace reports entered by hand (listed otherwise)",
    )
    p.add_argument(
        "--as", dest="as_kind", choices=KINDS, help="store every feed entry or page as this kind"
    )

    p = sub.add_parser("report", help="print the stored report of a date as JSON")
    p.add_argument("date", help="YYYY-MM-DD")

    p = sub.add_parser("export", help="export reports or articles and briefs")
    p.add_argument("what", choices=["reports", "articles"])
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")

    add_item_commands(sub)

    p = sub.add_parser("check", help="list every inconsistency in the stored reports")
    p.add_argument("--json", action="store_true", help="print the problems as JSON")

    p = sub.add_parser("maintain", help="check the archive file; optionally repair or compact it")
    p.add_argument(
        "--rebuild-index",
        action="store_true",
        help="build the full-text search index again from the items",
    )
    p.add_argument(
        "--compact",
        action="store_true",
        help="give the space of deleted rows back to the disk (VACUUM)",
    )

    p = sub.add_parser("trash", help="list, restore or empty deleted articles, briefs, reports")
    p.add_argument("action", nargs="?", choices=["list", "restore", "empty"], default="list")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="entries to restore or empty")

    p = sub.add_parser("backup", help="write a consistent copy of the archive to a file")
    p.add_argument(
        "destination",
        nargs="?",
        help="the copy's file or folder (default: the backups folder beside the archive)",
    )

    p = sub.add_parser(
        "restore",
        help="replace the archive by a backup (a safety copy is kept); without FILE, list backups",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="the backup file to restore")
    _add_source_commands(sub)


def _add_source_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("subscribe", help="subscribe to a feed, a site or the loss figures' API")
    p.add_argument("url", help="a feed's address, a site's address (its feed is found), or the API")
    p.add_argument("--name", help="the source's name (default: the feed's title)")
    p.add_argument("--as", dest="as_kind", choices=KINDS, help="store every entry as this kind")
    p.add_argument(
        "--full-text", action="store_true", help="fetch each entry's page for its full text"
    )
    p.add_argument("--every", type=int, metavar="MINUTES", help="update interval (default 60)")
    p.add_argument("--tag", action="append", default=[], help="a tag for its items (repeatable)")
    p = sub.add_parser(
        "subscriptions",
        help="list the sources; import or export them as OPML; change one's settings (set NAME)",
    )
    p.add_argument("action", nargs="?", choices=["list", "import", "export", "set"], default="list")
    p.add_argument("file", nargs="?", metavar="FILE.opml|NAME")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.add_argument("--name", dest="new_name", help="set: the source's new name")
    p.add_argument("--as", dest="as_kind", choices=["auto", *KINDS], help="set: what entries are")
    p.add_argument(
        "--full-text",
        action=argparse.BooleanOptionalAction,
        help="set: fetch each entry's page for its full text, or not",
    )
    p.add_argument("--every", type=int, metavar="MINUTES", help="set: the update interval")
    p.add_argument("--tags", metavar="T1,T2", help="set: the tags for its items ('' for none)")
    p = sub.add_parser("update", help="fetch the sources now (all, or the named ones)")
    p.add_argument("names", nargs="*", metavar="NAME")
    p.add_argument("--due", action="store_true", help="only the sources whose interval has passed")
    p = sub.add_parser("unsubscribe", help="forget a source (its items stay)")
    p.add_argument("name")

    p = sub.add_parser(
        "copy",
        help="copy a whole archive into a new one: a file to a postgresql:// server or back",
    )
    p.add_argument("source", metavar="SOURCE", help="an archive file or postgresql:// address")
    p.add_argument("destination", metavar="DEST", help="a new file or an empty server database")


def _read_input(path: str) -> str:
    """The text of a file (or stdin), decoded as `import` decodes it: UTF-8, or UTF-16/32
    with or without a byte-order mark; an 8-bit file refused naming its likely encoding."""
    from desktop_app.core.formats._common import decode_text

    if path == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            return sys.stdin.read()
        data = stdin.read()
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ArchiveError(f"{path}: {exc.strerror}") from None
    return decode_text(data, file=None if path == "-" else path)


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArchiveError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    import dataclasses

    from desktop_app.core.report_parser import parse_reports

    given = _parse_date(args.date) if args.date else None
    reports = parse_reports(_read_input(args.file))
    if given is not None:
        reports = [dataclasses.replace(reports[0], date=given, date_note=None), *reports[1:]]
    elif any(report.date is None for report in reports):
        reports = _dated_from_figures(args, reports)
    undated = False
    for report in reports if args.all else reports[:1]:
        shown = report.to_json()
        if report.date_note:
            shown["date_found"] = report.date_note
        if args.explain:
            shown["explain"] = dict(report.sources)
        out.write(json.dumps(shown, ensure_ascii=False) + "\n")
        undated = undated or report.date is None
    if undated:
        # Never a guessed date: the figures are shown, and the exit code says they are undated.
        sys.stderr.write(
            "the text states no date that could be established; give it with --date YYYY-MM-DD\n"
        )
        return BAD_INPUT
    return OK


def _dated_from_figures(args: argparse.Namespace, reports: list[LossReport]) -> list[LossReport]:
    """Undated reports dated from their figures: the archive's stored series if there is an
    archive, then the official series the program carries."""
    from desktop_app.services.reports import date_from_reference, establish_date
    from desktop_app.storage.db.connection import open_existing_for_reading

    try:
        archive = open_existing_for_reading(getattr(args, "database", None))
    except ArchiveError:
        archive = None
    if archive is None:
        return [date_from_reference(report) for report in reports]
    try:
        return [establish_date(report) for report in reports]
    finally:
        archive.db.close()


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services.transfer import import_files

    # Every file is read and checked first, then all are written in one transaction.
    outcome = import_files(
        [Path(name) for name in args.files],
        fmt=args.format,
        as_kind=args.as_kind,
        overwrite_manual=args.overwrite_manual,
        dry_run=args.dry_run,
        undo=False,  # nothing to undo from here; holds the write lock for less time
    )
    prefix = "dry run, nothing written: " if args.dry_run else ""
    for name, done in zip(args.files, outcome.files, strict=True):
        out.write(f"{prefix}{name} ({done.format}): {'; '.join(done.summary.lines())}\n")
    total = outcome.total
    assert total is not None
    if len(outcome.files) > 1:
        out.write(f"{prefix}total: {'; '.join(total.lines())}\n")
    if total.conflicts:
        out.write(
            "reports entered by hand were kept; run again with --overwrite-manual to replace them\n"
        )
    return OK


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.storage import reports as report_store

    date = _parse_date(args.date)
    report = report_store.load_report(date)
    if report is None:
        sys.stderr.write(f"no report stored for {date.isoformat()}\n")
        return PROBLEMS
    day_before = report_store.load_report(date - dt.timedelta(days=1))
    full = report_store.with_derived_changes(report, day_before)
    out.write(json.dumps(full.to_json(), ensure_ascii=False) + "\n")
    return OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services.transfer import export_to_file, write_export

    if args.output:
        done = export_to_file(args.what, args.format, Path(args.output).expanduser())
        sys.stderr.write(f"{done.records:,} {args.what} written to {done.path}\n")
    else:
        write_export(args.what, args.format, out.write)  # in pieces, as it is read
    return OK


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.storage.report_checks import find_problems

    # The same list as the window's Data problems panel, article mismatches included.
    problems = find_problems()
    if args.json:
        rows = [
            {
                "date": p.date.isoformat() if p.date else None,
                "category": p.category,
                "kind": p.kind,
                "message": p.message,
            }
            for p in problems
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    else:
        for p in problems:
            out.write(p.line() + "\n")
    return PROBLEMS if problems else OK


def cmd_maintain(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services.archive_file import maintain

    done = maintain(args.archive_path, rebuild_index=args.rebuild_index, compact_file=args.compact)
    if done.backup is not None:
        out.write(f"backup: {done.backup}\n")
    if done.rebuilt:
        out.write("search index rebuilt\n")
    if done.compacted is not None:
        before, after = done.compacted
        out.write(f"compacted: {before:,} → {after:,} bytes\n")
    for problem in done.health.problems:
        out.write(f"{problem}\n")
    out.write(
        "archive file ok\n"
        if done.health.ok
        else f"{len(done.health.problems)} problem{'' if len(done.health.problems) == 1 else 's'}\n"
    )
    return OK if done.health.ok else PROBLEMS


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services.archive_file import back_up

    destination = None
    if args.destination:
        destination = Path(args.destination).expanduser()
        if args.destination.endswith(("/", os.sep)) and not destination.is_dir():
            raise ArchiveError(f"{args.destination}: there is no such folder")
    out.write(f"{back_up(args.archive_path, destination)}\n")
    return OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services.archive_file import list_backups, restore

    if not args.file:
        backups = list_backups(args.archive_path)
        for b in backups:
            what = b.problem or f"{b.items:,} articles and briefs, {b.reports:,} reports"
            when = b.modified.strftime("%Y-%m-%d %H:%M")
            out.write(f"{when}  {b.size / 1e6:8.1f} MB  {what}  {b.path}\n")
        if not backups:
            out.write("no backups beside the archive; name a backup file to restore it\n")
        return OK if backups else PROBLEMS
    done = restore(args.archive_path, Path(args.file).expanduser())
    out.write(
        f"restored {done.backup.path} ({done.backup.items:,} articles and briefs, "
        f"{done.backup.reports:,} reports); the archive as it was is kept in {done.safety_copy}\n"
    )
    return OK


def cmd_trash(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services import trash

    ids = list(dict.fromkeys(args.ids))
    shown = {r.id: r for r in trash.list_trash()}
    if args.action == "restore":
        if not ids:
            raise ArchiveError("name the entries to restore: trash restore ID…")
        trash.restore(ids)
        for entry_id in ids:
            out.write(f"restored {entry_id}: {shown[entry_id].kind} {shown[entry_id].label}\n")
        return OK
    if args.action == "empty":
        trash.empty(ids or None)
        gone = len([i for i in ids if i in shown]) if ids else len(shown)
        out.write(f"deleted for good: {gone}\n")
        return OK
    for r in shown.values():
        out.write(f"{r.id}\t{r.deleted_at:%Y-%m-%d %H:%M}Z\t{r.item_kind or r.kind}\t{r.label}\n")
    if not shown:
        out.write("the Trash is empty\n")
    return OK


def cmd_subscribe(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services import subscriptions as subs

    info = subs.subscribe(
        args.url,
        name=args.name,
        as_kind=args.as_kind,
        full_text=args.full_text,
        every=args.every,
        tags=args.tag,
    )
    out.write(f"subscribed: {info.name} ({info.url})\n")
    return OK


def cmd_subscriptions(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services import source_lists

    if args.action == "set":
        return _set_source(args, out)
    if args.action != "list" and not args.file:
        raise ArchiveError(f"name the file: subscriptions {args.action} FILE.opml")
    if args.action == "import":
        out.writelines(line + "\n" for line in source_lists.import_opml(Path(args.file)))
    elif args.action == "export":
        count, left_out = source_lists.export_opml(Path(args.file))
        out.writelines(line + "\n" for line in left_out)
        out.write(f"exported {count} sources to {args.file}\n")
    else:
        out.write(source_lists.listing(as_json=args.json))
    return OK


def _set_source(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services.source_settings import SourceEdit, edit_source

    if not args.file:
        raise ArchiveError("name the source: subscriptions set NAME [--name …] [--every …]")
    tags = None if args.tags is None else args.tags.split(",")
    edit = SourceEdit(args.new_name, args.as_kind, args.full_text, args.every, tags)
    edited = edit_source(args.file, edit)
    out.writelines(f"{edited.info.name}: {line}\n" for line in edited.lines())
    return OK


def cmd_update(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services import subscriptions as subs

    outcome = subs.update(args.names, due_only=args.due)
    out.writelines(source.line() + "\n" for source in outcome.sources)
    if outcome.offline:
        out.write("offline: no source could be reached; nothing changed\n")
    if not outcome.sources:
        out.write("nothing to update\n")
    return PROBLEMS if any(s.error for s in outcome.sources) else OK


def cmd_unsubscribe(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services import subscriptions as subs

    subs.unsubscribe(args.name)
    out.write(f"unsubscribed: {args.name} (its articles and briefs stay in the archive)\n")
    return OK


def cmd_copy(args: argparse.Namespace, out: TextIO) -> int:
    from desktop_app.services.archive_copy import copy
    from desktop_app.storage.db.connection import command_busy_timeout_ms

    done = copy(args.source, args.destination, busy_timeout_ms=command_busy_timeout_ms())
    parts = ", ".join(f"{table} {n:,}" for table, n in done.rows.items() if n)
    out.write(f"copied {done.total:,} rows ({parts or 'an empty archive'})\n")
    return OK


COMMANDS = {
    "subscribe": cmd_subscribe,
    "subscriptions": cmd_subscriptions,
    "update": cmd_update,
    "unsubscribe": cmd_unsubscribe,
    "parse": cmd_parse,
    "import": cmd_import,
    "report": cmd_report,
    "export": cmd_export,
    "search": cmd_search,
    "show": cmd_show,
    "check": cmd_check,
    "backup": cmd_backup,
    "trash": cmd_trash,
    "maintain": cmd_maintain,
    "restore": cmd_restore,
    "copy": cmd_copy,
}

# Commands that open no archive before they run (`copy` opens the two it names itself).
OFFLINE_COMMANDS = {"parse", "copy"}


def run_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run a parsed command; ArchiveError becomes one line on stderr and exit code 2, a bug
    one line and exit code 3 (its traceback goes to the log in the data folder)."""
    try:
        return COMMANDS[args.command](args, out or sys.stdout)
    except ArchiveError as exc:
        sys.stderr.write(f"frontline-archive {args.command}: {exc}\n")
        return BAD_INPUT
    except BrokenPipeError:
        # The reader went away (`search '' | head -3`): no fault of anyone's. Said by the exit
        # code alone, as for a program SIGPIPE ends; stdout goes nowhere so that nothing more
        # is written (nor complained of when Python flushes it on the way out).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return PIPE_CLOSED
    except Exception as exc:  # a fault of ours: said in one line, never as a traceback
        from peewee import DatabaseError

        if isinstance(exc, DatabaseError):
            raise  # a locked, read-only or damaged file: app.main names the archive
        from desktop_app.core.fault_log import record_fault

        where = record_fault(f"cli {args.command}")
        details = f"; the details are in {where}" if where else ""
        sys.stderr.write(
            f"frontline-archive {args.command}: internal error ({type(exc).__name__}: {exc})"
            f"{details}\n"
        )
        return INTERNAL
