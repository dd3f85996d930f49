"""Update benchmark: 50 feeds × 100 entries, each entry's page fetched for its full text,
all from local HTTP servers, while the window is open.

Run as ``python -m tests.benchmarks.bench_update`` (`make bench` runs it). Prints the time
of the full update (View ▸ Update all sources, F5) and the longest gap between two ticks of
a 5 ms timer on the GUI thread meanwhile: how long the window could not paint or answer.
The floor is 50 ms; beside it, the longest gap of the same window idle for as long, which is
what the machine's own load costs. The feeds are spread over five loopback addresses
(127.0.0.1–5), ten each, as real subscriptions are over several sites; the fetcher keeps at
most two requests per host. The servers run in a child process, as a real site's would. A
second update right after (every feed answers 304) is timed too.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.services.feed_server import article_page, rss, story

FEEDS = int(os.environ.get("BENCH_FEEDS", "50"))
ENTRIES = int(os.environ.get("BENCH_ENTRIES", "100"))
HOSTS = 5
FULL_TEXT = os.environ.get("BENCH_FULL_TEXT", "1") == "1"
TICK_MS = 5
FLOOR_GAP_MS = 50.0
_FEED = re.compile(r"/feed/(\d+)$")
_PAGE = re.compile(r"/feed/(\d+)/story/(\d+)$")


def _server(address: str) -> HTTPServer:
    server = HTTPServer(host=address, threaded=True)
    base = f"http://{address}:{{port}}"

    def handle(request: Request) -> Response:
        host = base.format(port=server.port)
        if match := _PAGE.search(request.path):
            title = story(int(match.group(2)), prefix=f"feed/{match.group(1)}/story").title
            return Response(article_page(title, paragraphs=12), content_type="text/html")
        if match := _FEED.search(request.path):
            if request.headers.get("If-None-Match") == '"1"':
                return Response(status=304, headers={"ETag": '"1"'})
            n = int(match.group(1))
            prefix = f"feed/{n}/story"
            entries = [story(j, host, prefix=prefix) for j in range(ENTRIES)]
            body = rss(entries, title=f"Feed {n}")
            return Response(body, content_type="application/rss+xml", headers={"ETag": '"1"'})
        return Response(status=404)

    server.expect_request(re.compile(r"/feed/.*")).respond_with_handler(handle)
    server.start()
    return server


def serve(ready: Any, stop: Any) -> None:
    """In a child process: the servers (their threads must not share our GIL), until told."""
    import logging

    # The servers stand in for remote sites: their CPU would not be this machine's, so
    # they take it only when the window's process and its fetching child leave some.
    if hasattr(os, "nice"):
        os.nice(15)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    servers = [_server(f"127.0.0.{n + 1}") for n in range(HOSTS)]
    ready.put([s.url_for("") for s in servers])
    stop.wait()
    for server in servers:
        server.clear()
        server.stop()


def main() -> int:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="bench-update-"))
    from desktop_app.services import subscriptions as subs
    from desktop_app.storage.db.connection import open_archive
    from desktop_app.storage.db.models import Item
    from desktop_app.ui.app.main_window import MainWindow

    archive = open_archive(folder / "archive.sqlite")
    context = multiprocessing.get_context("spawn")
    ready, stop = context.Queue(), context.Event()
    child = context.Process(target=serve, args=(ready, stop), daemon=True)
    child.start()
    hosts = ready.get(timeout=60)
    for n in range(FEEDS):
        url = f"{hosts[n % HOSTS].rstrip('/')}/feed/{n}"
        subs.subscribe(url, name=f"Feed {n}", full_text=FULL_TEXT, check=False)
    window = MainWindow(
        QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat),
        database_path=archive.path,
    )
    window.resize(1280, 800)
    window.show()
    window.ensure_built()
    window._sources_dock.show()
    app.processEvents()

    def ticking() -> tuple[list[float], QTimer]:
        """A timer on the GUI thread every TICK_MS; the gaps between its ticks, in ms."""
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def tick() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        return gaps, timer

    def run_until(done: Any) -> None:
        """The window's own event loop (as app.exec() runs it) until `done()`."""
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(20)
        check.timeout.connect(lambda: loop.quit() if done() else None)
        check.start()
        if not done():
            loop.exec()
        check.stop()

    def longest_gap(seconds: float) -> float:
        """The idle window's longest gap: the machine's floor in this run."""
        gaps, timer = ticking()
        end = time.perf_counter() + seconds
        run_until(lambda: time.perf_counter() >= end)
        timer.stop()
        return max(gaps) if gaps else 0.0

    def run_update() -> tuple[float, float, float]:
        """(seconds, longest gap in ms, seconds the GUI thread was on a CPU meanwhile)."""
        gaps, timer = ticking()
        updater = window._sources_dock.updater
        t0, cpu0 = time.perf_counter(), time.thread_time()
        window.update_sources_action.trigger()
        run_until(lambda: not (updater.running or not window.runner.idle))
        elapsed, cpu = time.perf_counter() - t0, time.thread_time() - cpu0
        timer.stop()
        return elapsed, max(gaps) if gaps else 0.0, cpu

    full, gap, gui_cpu = run_update()
    items = Item.select().count()
    again, gap_304, _cpu = run_update()
    idle = longest_gap(min(full, 20.0))
    pages = FEEDS * ENTRIES
    print(f"full update: {FEEDS} feeds × {ENTRIES} entries, {pages:,} pages for full text")
    print(f"  {full:.1f} s, {items:,} items stored ({pages / full:.0f} pages/s)")
    print(
        f"  longest GUI frame gap meanwhile: {gap:.0f} ms (floor {FLOOR_GAP_MS:.0f} ms;"
        f" the idle window's on this machine now: {idle:.0f} ms)"
    )
    print(
        f"  the GUI thread's own CPU time meanwhile: {gui_cpu:.1f} s"
        f" (load average {os.getloadavg()[0]:.1f})"
    )
    print(f"second update (every feed 304): {again:.2f} s, longest gap {gap_304:.0f} ms")
    window.close()
    stop.set()
    child.join(10)
    archive.db.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
