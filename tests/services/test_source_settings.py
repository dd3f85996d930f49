"""Editing a source's settings: one transaction, applied from the next update on."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from desktop_app.core.errors import ArchiveError, ValidationError
from desktop_app.services import subscriptions as subs
from desktop_app.services.fetching import Fetcher
from desktop_app.services.source_settings import SourceEdit, edit_source
from desktop_app.storage.db.models import Item, Source
from tests.services.feed_server import rss, story


@pytest.fixture
def fetcher():
    with Fetcher(timeout=2.0, max_bytes=1024 * 1024) as client:
        yield client


def test_edited_settings_apply_to_the_next_update(archive_db, httpserver: HTTPServer, fetcher):
    httpserver.expect_request("/f").respond_with_data(rss([story(1)]))
    subs.subscribe(httpserver.url_for("/f"), name="F", fetcher=fetcher)

    edited = edit_source(
        "f", SourceEdit(name="Front", as_kind="article", every=15, tags=["Energy", " UA "])
    )
    assert edited.changes.sources and edited.info.name == "Front"
    assert "name: F → Front" in edited.lines() and "every: 60 → 15 minutes" in edited.lines()
    row = Source.get()
    assert (row.name, row.as_kind, row.every_minutes, row.tags) == (
        "Front",
        "article",
        15,
        "energy, ua",
    )
    assert row.url == httpserver.url_for("/f")  # the address is not a setting

    subs.update(fetcher=fetcher)
    item = Item.get()
    assert item.kind == "article" and item.tags == "energy, ua"

    back = edit_source("Front", SourceEdit(as_kind="auto", tags=[]))
    assert back.info.settings.as_kind is None and back.info.settings.tags == ()
    assert back.info.settings.every_minutes == 15  # kept
    assert edit_source("Front", SourceEdit()).lines() == ["nothing changed"]


def test_a_refused_edit_changes_nothing(archive_db):
    subs.subscribe("http://127.0.0.1:9/a", name="A", check=False)
    subs.subscribe("http://127.0.0.1:9/b", name="B", check=False)
    before = sorted((s.name, s.every_minutes, s.tags) for s in Source.select())

    with pytest.raises(ValidationError, match="exists already"):
        edit_source("A", SourceEdit(name="b", every=5, tags=["x"]))
    with pytest.raises(ValidationError, match="needs a name"):
        edit_source("A", SourceEdit(name="  "))
    with pytest.raises(ValidationError, match="5 to 100,000"):
        edit_source("A", SourceEdit(every=0))
    with pytest.raises(ValidationError, match="not one of"):
        edit_source("A", SourceEdit(as_kind="video"))
    with pytest.raises(ArchiveError, match="no source called"):
        edit_source("Z", SourceEdit(every=5))
    assert sorted((s.name, s.every_minutes, s.tags) for s in Source.select()) == before
