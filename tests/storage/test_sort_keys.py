"""Title and author orders by the stored sort keys (schema 15), on both backends: the
Ukrainian alphabet's order, items without an author last, and a key on every item however it
was written."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from desktop_app.core.item import ARTICLE, BRIEF, ItemData
from desktop_app.core.sort_key import sort_key
from desktop_app.storage.db.connection import open_archive
from desktop_app.storage.db.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop_app.storage.db.models import Item, database_proxy
from desktop_app.storage.db.postgres import ServerDatabase
from desktop_app.storage.item_import import import_items
from desktop_app.storage.items import save_item
from desktop_app.storage.search import SearchRequest, search_ids
from desktop_app.storage.trash import (
    delete_items,
    list_trash,
    restore_deleted_items,
    restore_entries,
)

# Our own titles, in the order a Ukrainian reader looks for them.
TITLES = [
    "2022: перший рік",
    "«Azov» returns to the front",
    "drones over the border",
    "Абетка укриттів",
    "бджоли біля Бахмута",
    "Вечір у Вінниці",
    "Ґанок школи відбудували",
    "дощ у Дніпрі",
    "Євген веде облік",
    "жовтий автобус",
    "Ірпінь навесні",
    "їжак у бліндажі",
    "Йосип і його сад",
    "Кременчук без світла",
    "щоденник волонтера",
    "Юний сапер",
    "яр під Ізюмом",
]


def at(day: int) -> dt.datetime:
    return dt.datetime(2024, 3, day, 9, tzinfo=dt.UTC)


def _stored_keys() -> dict[int, tuple[str | None, str | None, str, str]]:
    rows = Item.select(Item.id, Item.title_key, Item.author_key, Item.title, Item.author)
    return {r.id: (r.title_key, r.author_key, r.title, r.author) for r in rows}


def _assert_every_item_keyed() -> None:
    keys = _stored_keys()
    assert keys
    for title_key, author_key, title, author in keys.values():
        assert (title_key, author_key) == (sort_key(title), sort_key(author))


def test_titles_sort_in_the_ukrainian_alphabet_both_ways(archive_db: object) -> None:
    shuffled = TITLES[:]
    random.Random(3).shuffle(shuffled)
    id_of = {t: save_item(ItemData(ARTICLE, t, at(1 + i))) for i, t in enumerate(shuffled)}
    expected = [id_of[t] for t in TITLES]
    assert search_ids(SearchRequest(order="title", descending=False)) == expected
    assert search_ids(SearchRequest(order="title")) == expected[::-1]


def test_items_without_an_author_come_last_both_ways(archive_db: object) -> None:
    nobody = save_item(ItemData(BRIEF, "Тривога в Одесі.", at(5)))
    olha = save_item(ItemData(ARTICLE, "Рейд", at(4), author="Ольга Іваненко"))
    anna = save_item(ItemData(ARTICLE, "Міст", at(3), author="Анна Коваль"))
    yurii = save_item(ItemData(ARTICLE, "Поля", at(2), author="Юрій Бондар"))
    ivan = save_item(ItemData(ARTICLE, "Ліс", at(1), author="Іван Сірко"))
    also_nobody = save_item(ItemData(BRIEF, "Світло повернули.", at(6)))
    assert search_ids(SearchRequest(order="author", descending=False)) == [
        anna,
        ivan,
        olha,
        yurii,
        also_nobody,
        nobody,
    ]
    assert search_ids(SearchRequest(order="author")) == [
        yurii,
        olha,
        ivan,
        anna,
        also_nobody,
        nobody,
    ]


def test_every_write_path_keys_the_title_and_author(archive_db: object) -> None:
    first = save_item(ItemData(ARTICLE, "Єдність", at(1), author="Ґрета"))
    _assert_every_item_keyed()
    save_item(ItemData(ARTICLE, "«Інша» назва", at(1), author="Їржі"), item_id=first)
    _assert_every_item_keyed()
    assert _stored_keys()[first][0] == sort_key("Інша назва")
    import_items(
        [
            ItemData(ARTICLE, "Імпорт з файлу", at(2), author="Юлія", source_url="https://e.x/1"),
            ItemData(BRIEF, "ґрунтові дороги розмило", at(3)),
        ]
    )
    _assert_every_item_keyed()
    with database_proxy.atomic():  # any other write of ours: keyed at its commit
        Item.update(title="Змінено напряму", author="Хтось").where(Item.id == first).execute()
    _assert_every_item_keyed()
    ids = list(_stored_keys())
    snapshots = delete_items(ids)
    assert not _stored_keys()
    restore_deleted_items(snapshots)  # the undo of a delete
    _assert_every_item_keyed()
    delete_items(ids[:1])
    restore_entries([row.id for row in list_trash()])  # put back from the Trash
    _assert_every_item_keyed()
    assert len(_stored_keys()) == len(ids)


@pytest.mark.sqlite_only
def test_an_item_another_program_wrote_shows_and_is_keyed_at_the_next_open(
    tmp_path: Path,
) -> None:
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    kept = save_item(ItemData(ARTICLE, "Бердянськ", at(1)))
    archive.db.close()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO item (kind, title, published_at, created_at, updated_at) VALUES"
        " ('article', 'Авдіївка', '2024-03-02T09:00:00Z', '2024-03-02T09:00:00Z',"
        " '2024-03-02T09:00:00Z')"
    )
    con.commit()
    con.close()

    archive = open_archive(path)
    [(other,)] = archive.db.execute_sql("SELECT id FROM item WHERE id != ?", (kept,)).fetchall()
    assert search_ids(SearchRequest(order="title", descending=False)) == [other, kept]
    _assert_every_item_keyed()
    archive.db.close()


def _archive_of_schema_14(target: str) -> None:
    """Items written before schema 15, in a file or on a server at `target`."""
    db: SqliteDatabase | ServerDatabase
    if target.startswith("postgresql://"):
        db = ServerDatabase(target, archive_path=None)  # type: ignore[arg-type]
    else:
        db = SqliteDatabase(target)
    db.connect()
    with db.atomic():
        migrate(db, target=14)
        for title, author in (("Чернігів", ""), ("Авіаудар", "Ірина"), ("Єнакієве", "Богдан")):
            db.execute_sql(
                "INSERT INTO item (kind, title, author, published_at, created_at, updated_at)"
                " VALUES ('article', ?, ?, '2024-03-01T09:00:00Z', '2024-03-01T09:00:00Z',"
                " '2024-03-01T09:00:00Z')",
                (title, author),
            )
    db.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_archive_of_schema_14_gains_keys_for_every_item(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        target = str(tmp_path / "v14.sqlite")
    else:
        target = str(request.getfixturevalue("pg_url"))
    _archive_of_schema_14(target)

    archive = open_archive(target)

    assert schema_version(archive.db) == SCHEMA_VERSION
    _assert_every_item_keyed()
    titles = {r.id: r.title for r in Item.select(Item.id, Item.title)}
    by_title = search_ids(SearchRequest(order="title", descending=False))
    assert [titles[i] for i in by_title] == ["Авіаудар", "Єнакієве", "Чернігів"]
    by_author = search_ids(SearchRequest(order="author", descending=False))
    assert [titles[i] for i in by_author] == ["Єнакієве", "Авіаудар", "Чернігів"]
    archive.db.close()


def test_notes_of_more_items_than_a_page_are_all_keyed_past_deleted_ones(
    archive_db: object,
) -> None:
    """The keys are made a page of notes at a time; a page whose items were all deleted in
    the same transaction is passed over, not taken for the end of the notes."""
    from desktop_app.storage import sort_keys

    count = sort_keys._BATCH * 2 + 7
    with database_proxy.atomic():
        rows = [
            ItemData(BRIEF, f"Ґуляйполе, повідомлення {n}", at(1 + n % 20)) for n in range(count)
        ]
        ids = [save_item(row) for row in rows]
        Item.delete().where(Item.id.in_(ids[: sort_keys._BATCH + 3])).execute()
    assert len(_stored_keys()) == count - sort_keys._BATCH - 3
    _assert_every_item_keyed()
