"""Away from the network: a server archive's local copy, opened read-only when the server
cannot be reached."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from desktop_app.core.item import ARTICLE, ItemData
from desktop_app.services import archive_file
from desktop_app.services import items as item_service
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.errors import DatabaseOpenError, ReadOnlyArchiveError
from desktop_app.storage.search import search_item_ids

AT = dt.datetime(2024, 5, 12, 9, 30, tzinfo=dt.UTC)


def unreachable(url: str, folder: Path) -> str:
    """The same address (user, database) with the server's socket somewhere it is not."""
    return re.sub(r"host=[^&]*", f"host={folder}", url) + "&connect_timeout=2"


def test_the_offline_copy_opens_read_only_when_the_server_is_away(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    away = unreachable(pg_url, tmp_path)
    with pytest.raises(DatabaseOpenError, match="cannot be reached"):
        open_archive(away)  # no copy yet: nothing to fall back on

    archive = open_archive(pg_url)
    item = item_service.saved_id(item_service.save_item(ItemData(ARTICLE, "Drones", AT)))
    copy = archive_file.daily_backup(archive.path, dt.date.today())  # what the window runs
    assert copy == archive.path and copy.is_file()
    assert str(copy).startswith(str(tmp_path / "data"))
    archive.db.close()

    offline = open_archive(away)
    assert offline.read_only and offline.offline_since is not None
    assert offline.server == archive.server
    assert search_item_ids("drones") == [item]
    with pytest.raises(ReadOnlyArchiveError, match=r"cannot be reached; this is its offline copy"):
        item_service.save_item(ItemData(ARTICLE, "Edited offline", AT), item)
    offline.db.close()

    back = open_archive(pg_url)  # the server is back: the archive itself again
    assert back.offline_since is None and not back.read_only
    back.db.close()
