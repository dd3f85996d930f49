"""An address that is not a web address is refused at once, naming it as typed; in an OPML
list it is that entry's refusal, not the list's."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.opml import OpmlSource, write_opml
from desktop_app.services import subscriptions as subs
from desktop_app.services.source_lists import import_opml


@pytest.mark.parametrize(
    "typed",
    ["ftp://files.example/feed.xml", "file:///home/me/feed.xml", "mailto:desk@news.example"],
)
def test_an_address_of_another_kind_is_refused_naming_it(archive_db, typed: str) -> None:
    with pytest.raises(subs.SubscribeError) as refused:
        subs.subscribe(typed)
    assert str(refused.value) == (
        f"{typed}: not a web address; only http:// and https:// addresses can be followed;"
        " nothing was subscribed"
    )
    assert subs.subscriptions() == []


def test_words_are_refused_without_asking_the_network(archive_db) -> None:
    with pytest.raises(subs.SubscribeError, match=r"^news of the day: not a web address"):
        subs.subscribe("news of the day")


def test_an_opml_list_with_an_ftp_address_adds_the_rest(archive_db, tmp_path: Path) -> None:
    listed = tmp_path / "list.opml"
    listed.write_bytes(
        write_opml(
            [
                OpmlSource(title="Files", url="ftp://files.example/feed.xml"),
                OpmlSource(title="Desk", url="https://news.example/feed"),
            ]
        )
    )
    lines = import_opml(listed)
    assert lines[0].endswith("1 sources added, 0 already there, 1 refused")
    assert any(line.startswith("  refused: Files: ftp://files.example/feed.xml") for line in lines)
    assert [(s.name, s.url) for s in subs.subscriptions()] == [
        ("Desk", "https://news.example/feed")
    ]
