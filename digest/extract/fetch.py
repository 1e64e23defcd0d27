"""Download one URL with limits: timeouts, at most 5 redirects, a streamed size cap,
and an overall deadline.

The read timeout starts again with every byte, so a server that sends one byte every
few seconds would never time out: the deadline bounds the whole download. A watchdog
shuts the connection's socket down when it passes, which ends a read blocked anywhere
(headers or body) at once.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from .. import __version__
from ..errors import DigestError

MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEADLINE = 60.0  # seconds for one URL, redirects included
USER_AGENT = f"digest/{__version__}"


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str  # media type only, lower-case: "text/html"
    charset: str | None  # from the Content-Type header


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def over_limit(size: int, limit: int) -> str:
    return f"{megabytes(size)} is over the {limit // (1024 * 1024)} MB limit"


def _stopped(limit: int) -> str:
    return f"download stopped: over the {limit // (1024 * 1024)} MB limit"


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: httpx.Timeout = TIMEOUT,
          deadline: float | None = None, client: httpx.Client | None = None) -> Fetched:
    """GET ``url``; raises DigestError("<url>: <one-line reason>") on any failure.

    ``deadline``: seconds for the whole download (default ``DEADLINE``)."""
    limit = DEADLINE if deadline is None else deadline
    own = client is None
    client = client or httpx.Client(
        follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
        headers={"User-Agent": USER_AGENT})
    watchdog = _Watchdog(limit)
    started = False  # the response headers arrived: what breaks now breaks the body
    try:
        with watchdog, client.stream("GET", url, extensions={"trace": watchdog.trace}
                                     ) as response:
            started = True
            if response.status_code >= 400:
                reason = f"HTTP {response.status_code}"
                if response.reason_phrase:
                    reason += f" {response.reason_phrase}"
                raise DigestError(reason, url)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise DigestError(over_limit(int(declared), max_bytes), url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                if watchdog.expired():
                    raise DigestError(f"timed out after {limit:g} s", url)
                size += len(chunk)
                if size > max_bytes:  # a lying or missing Content-Length
                    raise DigestError(_stopped(max_bytes), url)
                chunks.append(chunk)
            media, _, params = response.headers.get("content-type", "").partition(";")
            return Fetched(url=str(response.url), data=b"".join(chunks),
                           content_type=media.strip().lower(), charset=_charset(params))
    except DigestError:
        raise
    except httpx.HTTPError as exc:
        if watchdog.expired():
            raise DigestError(f"timed out after {limit:g} s", url) from None
        raise DigestError(_reason(exc, started), url) from None
    finally:
        if own:
            client.close()


def _reason(exc: httpx.HTTPError, started: bool) -> str:
    """One line for a failed download."""
    if isinstance(exc, httpx.TooManyRedirects):
        return f"more than {MAX_REDIRECTS} redirects"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.UnsupportedProtocol):
        scheme = _scheme(exc)
        return (f"unsupported URL scheme {scheme!r} (only http and https)" if scheme
                else "not an absolute http or https URL")
    if isinstance(exc, httpx.ConnectError):
        return "cannot connect"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return ("connection closed before the whole page arrived" if started
                else "connection closed before the server answered")
    if isinstance(exc, httpx.InvalidURL):
        return f"invalid URL: {exc}"
    return f"download failed: {exc}"


def _scheme(exc: httpx.HTTPError) -> str:
    try:
        return exc.request.url.scheme
    except RuntimeError:  # no request attached
        return ""


class _Watchdog:
    """Shuts down the sockets of one download once its deadline has passed."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._fired = threading.Event()
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def expired(self) -> bool:
        return self._fired.is_set() or time.monotonic() >= self._end

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: note each new connection's socket."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            sock = info["return_value"].get_extra_info("socket")
            if sock is not None:
                with self._lock:
                    self._sockets.append(sock)
                    if self._fired.is_set():
                        _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self._fired.set()
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)  # a blocked recv returns at once


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
