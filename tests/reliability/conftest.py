"""Fixtures of the fault suite: the base archive and the import files (built once per session),
and complete reference runs of each command (run once, shared by every test of that command)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from tests.reliability.base import (
    BaseArchive,
    ImportFiles,
    build_base_archive,
    write_import_files,
)
from tests.reliability.rounds import Reference, reference_run

References = Callable[[Sequence[str]], Reference]


@pytest.fixture(scope="session")
def base_archive(tmp_path_factory: pytest.TempPathFactory) -> BaseArchive:
    return build_base_archive(tmp_path_factory.mktemp("base"))


@pytest.fixture(scope="session")
def import_files(tmp_path_factory: pytest.TempPathFactory) -> ImportFiles:
    return write_import_files(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="session")
def references(base_archive: BaseArchive, tmp_path_factory: pytest.TempPathFactory) -> References:
    """`references(args)`: the complete run of that command line on a copy of the base."""
    done: dict[tuple[str, ...], Reference] = {}

    def get(args: Sequence[str]) -> Reference:
        key = tuple(args)
        if key not in done:
            done[key] = reference_run(base_archive, tmp_path_factory.mktemp("reference"), key)
        return done[key]

    return get
