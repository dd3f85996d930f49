"""One feed, one source: its address in another form (`…/feed/`, an upper-case host, the
default port, a `#fragment`) is the source already there, from the command line, the window's
Add and an OPML list alike; an entry's relative link is read against its feed's address. A real
local HTTP server answers, on both backends."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytest_httpserver import HTTPServer

from desktop_app.core.opml import OpmlSource, write_opml
from desktop_app.services import subscriptions as subs
from desktop_app.services.fetching import Fetcher
from desktop_app.services.source_lists import import_opml
from desktop_app.storage.db.models import Item, Source, utc_now
from tests.services.feed_server import rss, story


@pytest.fixture
def fetcher():
    with Fetcher(timeout=2.0, max_bytes=1024 * 1024) as client:
        yield client


def _other_forms(server: HTTPServer) -> list[str]:
    feed = server.url_for("/feed")
    return [
        feed + "/",
        feed.replace("http://localhost", "HTTP://LocalHost"),
        feed + "#latest",
        feed + "/#latest",
    ]


def test_the_same_feed_in_another_form_is_refused_naming_the_source(
    archive_db, httpserver: HTTPServer, fetcher
):
    host = httpserver.url_for("")
    httpserver.expect_request("/feed").respond_with_data(rss([story(1, host)], title="Desk"))
    httpserver.expect_request("/feed/").respond_with_data(rss([story(1, host)], title="Desk"))
    subs.subscribe(httpserver.url_for("/feed"), fetcher=fetcher)
    for n, form in enumerate(_other_forms(httpserver)):
        with pytest.raises(subs.SubscribeError, match="already subscribed as 'Desk'"):
            subs.subscribe(form, name=f"Desk {n}", fetcher=fetcher)
        with pytest.raises(subs.SubscribeError, match="already subscribed as 'Desk'"):
            subs.subscribe(form, name=f"Desk {n}", check=False)
    assert [s.name for s in subs.subscriptions()] == ["Desk"]


def test_an_address_is_stored_without_its_fragment_default_port_or_upper_case_host(
    archive_db,
):
    info = subs.subscribe("HTTP://News.Example:80/Feed.xml?lang=uk#top", name="N", check=False)
    assert info.url == "http://news.example/Feed.xml?lang=uk"
    # Another query is another feed (one site's feeds per language).
    other = subs.subscribe("http://news.example/Feed.xml?lang=en", name="E", check=False)
    assert other.url == "http://news.example/Feed.xml?lang=en"


def test_an_opml_list_naming_a_feed_in_another_form_keeps_the_source(archive_db, tmp_path):
    subs.subscribe("http://news.example/feed", name="Desk", check=False)
    listed = tmp_path / "list.opml"
    listed.write_bytes(
        write_opml(
            [
                OpmlSource(title="Desk again", url="http://NEWS.example:80/feed/"),
                OpmlSource(title="Other", url="http://news.example/other"),
            ]
        )
    )
    lines = import_opml(listed)
    assert lines[0].endswith("1 sources added, 1 already there")
    assert sorted(s.name for s in subs.subscriptions()) == ["Desk", "Other"]


def test_an_archive_holding_one_feed_twice_keeps_both_and_refuses_a_third(
    archive_db, httpserver: HTTPServer, fetcher
):
    """Written before addresses were compared: both sources stay (each with its own
    settings and items), update as before, and a third form is refused naming the first."""
    host = httpserver.url_for("")
    httpserver.expect_request("/feed").respond_with_data(rss([story(1, host)]))
    httpserver.expect_request("/feed/").respond_with_data(rss([story(1, host)]))
    for name, url in (("First", httpserver.url_for("/feed")), ("Second", host + "/feed/")):
        Source.insert(name=name, url=url, kind="feed", created_at=utc_now()).execute()
    with pytest.raises(subs.SubscribeError, match="already subscribed as 'First'"):
        subs.subscribe(_other_forms(httpserver)[1], name="Third", check=False)
    outcome = subs.update(fetcher=fetcher)
    assert [(s.name, s.error) for s in outcome.sources] == [("First", ""), ("Second", "")]
    assert Item.select().count() == 1  # one story, one item
    assert [s.name for s in subs.subscriptions()] == ["First", "Second"]


def test_a_permanent_redirect_onto_another_sources_feed_keeps_the_address(
    archive_db, httpserver: HTTPServer, fetcher
):
    host = httpserver.url_for("")
    httpserver.expect_request("/feed").respond_with_data(rss([story(1, host)]))
    httpserver.expect_request("/old").respond_with_data(
        b"", status=301, headers={"Location": "/feed/"}
    )
    httpserver.expect_request("/feed/").respond_with_data(rss([story(1, host)]))
    subs.subscribe(httpserver.url_for("/feed"), name="Kept", check=False)
    subs.subscribe(httpserver.url_for("/old"), name="Old", check=False)
    subs.update(fetcher=fetcher)
    assert Source.get(Source.name == "Old").url == httpserver.url_for("/old")


def test_relative_links_are_read_against_the_feeds_address(archive_db, fetcher):
    """Two sites' feeds with relative links ("/story/1"): each item links to its own site,
    and the two stories are not taken for one."""
    from tests.services.feed_server import threaded_server

    with threaded_server() as one, threaded_server() as two:
        for server, desk in ((one, "east"), (two, "west")):
            stories = [story(1, "", prefix=desk), story(2, "", prefix=desk)]
            stories = [replace(s, link="/story/" + s.guid[-1]) for s in stories]
            server.expect_request("/news/feed").respond_with_data(rss(stories))
            subs.subscribe(server.url_for("/news/feed"), name=desk, check=False)
        outcome = subs.update(fetcher=fetcher)
        assert all(not s.error for s in outcome.sources)
        links = sorted(i.source_url for i in Item.select())
        assert links == sorted(
            server.url_for(f"/story/{n}") for server in (one, two) for n in (1, 2)
        )
