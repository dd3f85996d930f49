"""Feeds, pages and API answers for the subscription tests, served by a local HTTP server."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import format_datetime
from html import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

BASE_TIME = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Story:
    guid: str
    title: str
    summary: str
    link: str
    published: dt.datetime = BASE_TIME


def story(n: int, host: str = "", *, prefix: str = "story", summary: str = "") -> Story:
    return Story(
        guid=f"{prefix}-{n}",
        title=f"Front line report number {n} from the {prefix} desk",
        summary=summary or f"Summary of report {n}: units held their positions near the river.",
        link=f"{host}/{prefix}/{n}",
        published=BASE_TIME + dt.timedelta(hours=n),
    )


def rss(stories: Sequence[Story], *, title: str = "Test feed", encoding: str = "utf-8") -> bytes:
    items = "".join(
        f"<item><guid isPermaLink='false'>{escape(s.guid)}</guid><title>{escape(s.title)}</title>"
        f"<link>{escape(s.link)}</link><description>{escape(s.summary)}</description>"
        f"<pubDate>{format_datetime(s.published)}</pubDate></item>"
        for s in stories
    )
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link>{items}"
        "</channel></rss>"
    )
    return text.encode(encoding)


def article_page(title: str, paragraphs: int = 8, *, extra: str = "") -> bytes:
    body = "".join(
        f"<p>Paragraph {n} of “{escape(title)}”: the brigade reported shelling along the line, "
        f"and the regional administration said evacuation continued for the {n}th day.</p>"
        for n in range(paragraphs)
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>{escape(title)}</h1>{body}{extra}</article>"
        "<footer>Copyright the test newspaper</footer></body></html>"
    ).encode()


def conditional(data: bytes, etag: str, content_type: str = "application/rss+xml"):
    """A handler that answers 200 with an ETag, then 304 when asked with that ETag."""
    seen: list[str] = []

    def handle(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match", ""))
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(data, status=200, content_type=content_type, headers={"ETag": etag})

    handle.seen = seen  # type: ignore[attr-defined]
    return handle


def api_day(day: dt.date, tanks: int, personnel: int, change: int | None = None) -> dict:
    return {
        "date": day.isoformat(),
        "day": (day - dt.date(2022, 2, 24)).days + 1,
        "stats": {"tanks": tanks, "personnel_units": personnel},
        "increase": {"tanks": 1 if change is None else change, "personnel_units": 1000},
    }


def api_latest(record: dict) -> bytes:
    return json.dumps({"message": "The data were fetched successfully.", "data": record}).encode()


def api_page(records: list[dict], has_next: bool = False) -> bytes:
    return json.dumps(
        {
            "message": "The data were fetched successfully.",
            "data": {"paginator": {"has_next_page": has_next}, "records": records},
        }
    ).encode()


@contextmanager
def threaded_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()


@contextmanager
def silent_server() -> Iterator[tuple[str, list[socket.socket]]]:
    """A server that accepts connections and never answers (a stalled host): its address,
    and the connections it accepted so far (a request is in flight once one is there)."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                accepted.append(listener.accept()[0])

    threading.Thread(target=accept, name="silent server", daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", accepted
    finally:
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        listener.close()
        for conn in accepted:
            conn.close()
