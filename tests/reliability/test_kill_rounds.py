"""SIGKILL at random moments of import, backup, compaction and export; every round checked.

See rounds.py for what a round checks, config.py for the sizes and round counts.
"""

from __future__ import annotations

from pathlib import Path

from tests.reliability.base import BaseArchive, ImportFiles
from tests.reliability.config import rounds_for
from tests.reliability.conftest import References
from tests.reliability.rounds import Command, kill_rounds, same_archive

EXPORT_ARGS = ["export", "articles", "-o", "out.json"]


def _backups(folder: Path) -> list[Path]:
    found = (folder / "backups").glob("*.sqlite") if (folder / "backups").is_dir() else []
    return [p for p in found if ".part" not in p.name]


def _backups_are_sound(folder: Path, reference: Path) -> list[str]:
    problems: list[str] = []
    for copy in _backups(folder):
        problems += same_archive(copy, reference / "archive.sqlite")
    return problems


def _export_is_whole(folder: Path, reference: Path) -> list[str]:
    out = folder / "out.json"
    if out.exists() and out.read_bytes() != (reference / "out.json").read_bytes():
        return [f"out.json: {out.stat().st_size:,} bytes, not the complete export"]
    return []


def _nothing(folder: Path, reference: Path) -> list[str]:
    return []


def _no_outputs(folder: Path) -> list[Path]:
    return []


BACKUP = Command("kill during backup", ["backup"], _backups, _backups_are_sound)
COMPACT = Command("kill during compaction", ["maintain", "--compact"], _backups, _backups_are_sound)
EXPORT = Command("kill during export", EXPORT_ARGS, lambda f: [f / "out.json"], _export_is_whole)


def test_kill_during_import_of_two_files_leaves_both_or_neither(
    base_archive: BaseArchive, import_files: ImportFiles, references: References, tmp_path: Path
) -> None:
    command = Command("kill during import of two files", import_files.args(), _no_outputs, _nothing)
    ref = references(command.args)
    tally = kill_rounds(command, base_archive, ref, tmp_path, rounds_for("import"))
    assert tally.failures == 0 and tally.rows_lost == 0, tally.summary()


def test_kill_during_backup_leaves_no_partial_copy(
    base_archive: BaseArchive, references: References, tmp_path: Path
) -> None:
    ref = references(BACKUP.args)
    tally = kill_rounds(BACKUP, base_archive, ref, tmp_path, rounds_for("backup"))
    assert tally.failures == 0 and tally.rows_lost == 0, tally.summary()


def test_kill_during_compaction_keeps_the_archive(
    base_archive: BaseArchive, references: References, tmp_path: Path
) -> None:
    ref = references(COMPACT.args)
    tally = kill_rounds(COMPACT, base_archive, ref, tmp_path, rounds_for("compact"))
    assert tally.failures == 0 and tally.rows_lost == 0, tally.summary()


def test_kill_during_export_leaves_no_truncated_file(
    base_archive: BaseArchive, references: References, tmp_path: Path
) -> None:
    ref = references(EXPORT.args)
    tally = kill_rounds(EXPORT, base_archive, ref, tmp_path, rounds_for("export"))
    assert tally.failures == 0 and tally.rows_lost == 0, tally.summary()
