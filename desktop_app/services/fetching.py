"""Fetching over HTTP like a good citizen: the one place the program talks to the network.

httpx does timeouts, redirects, compression, HTTP/2 (when h2 is installed) and proxies from
the environment; TLS is verified. On top of it:
- a User-Agent naming the program and its version;
- conditional requests (the caller passes the last ETag / Last-Modified; a 304 costs one
  round trip and no body);
- at most `per_host` requests to one host at a time, and a host that answered 429 or 503 is
  left alone until its Retry-After (or a back-off) has passed, for the rest of the run;
- a size cap: a body is read in pieces and dropped the moment it passes the cap (a 50 MB
  answer costs the first few megabytes, not fifty);
- redirects remembered: a chain of permanent ones (301, 308) gives the new address.

`get` never raises for what the network or the server does: the `Fetched` says what happened
in one line a person can read. Nothing here touches the archive.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from desktop_app import APP_NAME, __version__
from desktop_app.core import messages as m
from desktop_app.core.fetch_rules import backoff, parse_retry_after

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"{APP_NAME}/{__version__} (feed reader; +offline archive)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
PER_HOST = 2
MAX_REDIRECTS = 8
_PERMANENT = (301, 308)
ACCEPT_FEED = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9,"
    " application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"
)


@dataclass
class Fetched:
    url: str
    status: int = 0
    data: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    # The address after redirects, and the new address when every redirect was permanent.
    final_url: str = ""
    moved_to: str | None = None
    # What went wrong, in a line ("" when the answer can be used, a 304 included).
    error: str = ""
    # No network at all (no route, no name resolution): the program is offline.
    offline: bool = False
    # No connection to the host (refused, unreachable, no name): when every source says
    # so, the window says "offline" rather than listing errors.
    unreachable: bool = False
    # Not asked at all: the host asked us to wait (for another source's request).
    held_back: bool = False
    retry_after: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return not self.error and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def gone(self) -> bool:
        return self.status == 410

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header declares, if any."""
        kind = self.headers.get("content-type", "")
        for part in kind.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def _http2() -> bool:
    try:
        import h2  # noqa: F401
    except ImportError:
        return False
    return True


class Fetcher:
    """One client for a run of updates; thread-safe (the window fetches from a worker)."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        per_host: int = PER_HOST,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self._per_host = per_host
        self._hosts: dict[str, threading.Semaphore] = {}
        self._blocked: dict[str, dt.datetime] = {}
        self._lock = threading.Lock()
        # Imported here: the window's process loads this module for the Sources panel but
        # fetches in a child process, and httpx with what it imports costs 180 ms there.
        import httpx

        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT},
            http2=_http2() and transport is None,
            trust_env=True,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.Semaphore(self._per_host)
            return self._hosts[host]

    def blocked_until(self, url: str) -> dt.datetime | None:
        """When a host that asked us to wait may be asked again (None: it may now)."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            until = self._blocked.get(host)
        if until is not None and until <= dt.datetime.now(dt.UTC):
            return None
        return until

    def get(
        self, url: str, *, headers: Mapping[str, str] | None = None, accept: str = ACCEPT_FEED
    ) -> Fetched:
        host = urlsplit(url).netloc.lower()
        until = self.blocked_until(url)
        if until is not None:
            return Fetched(
                url,
                error=m.render(m.WAIT_UNTIL, clock=f"{until:%H:%M}"),
                retry_after=until,
                held_back=True,
            )
        with self._slot(host):
            out = self._get(url, {"Accept": accept, **(headers or {})})
        if out.status in (429, 503):
            now = dt.datetime.now(dt.UTC)
            out.retry_after = parse_retry_after(out.headers.get("retry-after"), now) or (
                now + backoff(1)
            )
            with self._lock:
                self._blocked[host] = out.retry_after
        return out

    def _get(self, url: str, headers: Mapping[str, str]) -> Fetched:
        import httpx  # (loaded by __init__ already)

        out = Fetched(url)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                out.status = response.status_code
                out.headers = {k.lower(): v for k, v in response.headers.items()}
                out.final_url = str(response.url)
                chain = [r.status_code for r in response.history]
                if chain and all(code in _PERMANENT for code in chain):
                    out.moved_to = out.final_url
                if response.status_code == 200:
                    out.data = self._read(response, out)
                elif response.status_code != 304:
                    out.error = _status_text(response.status_code, response.reason_phrase)
        except httpx.TimeoutException:
            out.error = m.TIMED_OUT
        except httpx.TooManyRedirects:
            out.error = m.render(m.TOO_MANY_REDIRECTS, count=MAX_REDIRECTS)
        except (httpx.ConnectError, httpx.NetworkError) as exc:
            out.error = m.render(m.CANNOT_CONNECT, reason=_connect_reason(exc))
            out.offline, out.unreachable = _looks_offline(exc), True
        except httpx.RemoteProtocolError:
            out.error = m.CLOSED_PARTWAY if out.status else m.CLOSED_SILENT
            out.data = b""
        except httpx.DecodingError:
            how = out.headers.get("content-encoding", "").strip()
            out.error = m.render(m.DAMAGED_HOW, encoding=how) if how else m.DAMAGED
            out.data = b""
        except httpx.InvalidURL as exc:
            out.error = m.render(m.NOT_AN_ADDRESS, detail=exc)
        except httpx.HTTPError as exc:
            out.error = f"{type(exc).__name__}: {_reason(exc)}"
        return out

    def _read(self, response: httpx.Response, out: Fetched) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            out.error = _too_big(self.max_bytes, m.render(m.TOO_BIG_SAID, bytes=int(declared)))
            return b""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                out.error = _too_big(self.max_bytes, m.TOO_BIG_READ)
                return b""
            chunks.append(chunk)
        return b"".join(chunks)


def _too_big(cap: int, how: str) -> str:
    return m.render(m.TOO_BIG, megabytes=f"{cap / 1024 / 1024:.0f}", how=how)


def _status_text(code: int, phrase: str) -> str:
    known = {
        404: m.NOT_FOUND_404,
        410: m.GONE_410,
        429: m.SLOW_DOWN_429,
        500: m.FAILED_500,
        503: m.UNAVAILABLE_503,
    }
    return known.get(code, f"HTTP {code} {phrase}".strip())


# What the operating system's words for a failed connection mean, in the user's terms
# ("[Errno 111] Connection refused" is the socket library's, not a sentence).
_CONNECT_REASONS = (
    ("connection refused", m.REFUSED_CONNECTION),
    ("name or service not known", m.NO_SUCH_HOST),
    ("nodename nor servname", m.NO_SUCH_HOST),
    ("no address associated", m.NO_SUCH_HOST),
    ("getaddrinfo failed", m.NAME_NOT_LOOKED_UP),
    ("temporary failure in name resolution", m.NAME_NOT_LOOKED_UP),
    ("network is unreachable", m.NETWORK_UNREACHABLE),
    ("no route to host", m.NO_ROUTE),
    ("connection reset", m.CONNECTION_RESET),
)
_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")


def _connect_reason(exc: BaseException) -> str:
    """Why a connection failed, in words ("the server refused the connection")."""
    text = _reason(exc)
    lowered = text.lower()
    for mark, said in _CONNECT_REASONS:
        if mark in lowered:
            return said
    return _ERRNO.sub("", text) or text


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


def _looks_offline(exc: BaseException) -> bool:
    """No way to the host at all (name resolution, unreachable network), not one bad host."""
    text = str(exc).lower()
    return any(
        mark in text
        for mark in (
            "name or service not known",
            "temporary failure in name resolution",
            "network is unreachable",
            "no address associated",
            "nodename nor servname",
            "getaddrinfo failed",
        )
    )
