"""Sources through OPML: what an export writes, an import into another archive reads back."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.source_lists import export_opml, import_opml
from desktop_app.storage.sources import SourceSettings, add_source, list_sources, remove_source


def test_an_opml_round_trip_keeps_every_setting_of_every_source(
    archive_db: object, tmp_path: Path
) -> None:
    written = [
        SourceSettings(
            name='Новини «УА», "щодня"',
            url="https://news.example.ua/rss",
            site_url="https://news.example.ua/?lang=uk&page=1",
            as_kind="brief",
            full_text=True,
            every_minutes=15,
            tags=("новини", "україна"),
        ),
        SourceSettings(name="Example, Inc.", url="https://example.org/feed.xml"),
        SourceSettings(
            name="Loss figures",
            url="https://russianwarship.rip/api/v2/statistics/latest",
            kind="losses-api",
        ),
    ]
    for settings in written:
        add_source(settings)
    opml = tmp_path / "sources.opml"
    assert export_opml(opml) == (3, [])
    for settings in written:
        remove_source(settings.name)

    import_opml(opml)
    read = {s.settings.name: s.settings for s in list_sources()}
    assert read == {s.name: s for s in written}
    # The same list again adds nothing and changes nothing.
    assert "0 sources added, 3 already there" in import_opml(opml)[0]
    assert {s.settings.name: s.settings for s in list_sources()} == read


def test_feeds_of_one_title_in_two_folders_are_both_subscribed(
    archive_db: object, tmp_path: Path
) -> None:
    # Readers name a site's feeds by their section: "News" under two sites' folders.
    opml = tmp_path / "reader.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head/><body>'
        '<outline text="Kyiv desk"><outline text="News" type="rss"'
        ' xmlUrl="https://kyiv.example/rss"/></outline>'
        '<outline text="Lviv desk"><outline text="News" type="rss"'
        ' xmlUrl="https://lviv.example/rss"/></outline>'
        "</body></opml>",
        encoding="utf-8",
    )
    lines = import_opml(opml)
    assert "2 sources added, 0 already there" in lines[0]
    by_url = {s.url: s.name for s in list_sources()}
    assert by_url["https://kyiv.example/rss"] == "News"
    assert by_url["https://lviv.example/rss"] == "News (lviv.example)"
    assert any("News (lviv.example)" in line for line in lines[1:])
    # Imported again, both are there already: nothing added, nothing renamed.
    assert "0 sources added, 2 already there" in import_opml(opml)[0]
    assert len(list_sources()) == 2
