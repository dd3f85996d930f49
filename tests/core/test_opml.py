"""OPML lists in and out: folders become tags, our own settings survive a round trip."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import ImportFormatError
from desktop_app.core.opml import OpmlSource, read_opml, write_opml

RSS_GUARD_STYLE = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="Ukraine" title="Ukraine">
    <outline text="Kyiv Desk" type="rss" xmlUrl="https://example.invalid/kyiv.xml"
             htmlUrl="https://example.invalid/"/>
    <outline text="Dup" type="rss" xmlUrl="https://example.invalid/kyiv.xml"/>
  </outline>
  <outline text="Loose &amp; free" xmlUrl="https://example.invalid/a.rss"/>
  <outline text="folder without feeds"/>
</body></opml>"""


def test_reads_nested_outlines_with_folders_as_tags() -> None:
    found = read_opml(RSS_GUARD_STYLE)
    assert [(s.title, s.url, s.tags) for s in found] == [
        ("Kyiv Desk", "https://example.invalid/kyiv.xml", ("ukraine",)),
        ("Loose & free", "https://example.invalid/a.rss", ()),
    ]
    assert found[0].site_url == "https://example.invalid/"


def test_round_trip_keeps_our_settings() -> None:
    sources = [
        OpmlSource(
            "A & B <news>",
            "https://e.invalid/f?x=1&y=2",
            tags=("ua", "front"),
            as_kind="brief",
            full_text=True,
            every_minutes=15,
        ),
        OpmlSource("Plain", "https://e.invalid/p"),
    ]
    assert read_opml(write_opml(sources)) == sources


def test_not_opml_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="not an OPML file"):
        read_opml(b"<rss><channel/></rss>", source="x.opml")


def test_entity_declarations_are_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<opml><body><outline text="&b;" xmlUrl="https://e.invalid/x"/></body></opml>'
    )
    with pytest.raises(ImportFormatError, match="declares XML entities"):
        read_opml(bomb)
