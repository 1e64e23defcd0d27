"""Downloading, against a server these tests start on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import httpx
import pytest

from digest import __version__
from digest.errors import DigestError
from digest.extract.fetch import fetch
from tools.static_server import base_url, loopback

PAGE = "<html><head><title>Café</title></head><body><p>Déjà vu</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/latin1":
            self._send(200, PAGE.encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/ua":
            self._send(200, self.headers.get("User-Agent", "").encode(), "text/plain")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = f"/hop/{left - 1}" if left > 0 else "/ua"
            self._send(302, b"", headers={"Location": target})
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10_000_000))
            self.end_headers()
        elif path == "/huge-streamed":
            # No Content-Length: the client must count what it receives.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(128):
                    self.wfile.write(b"x" * 16_384)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/slow":
            time.sleep(2)
            self._send(200, b"late")
        else:
            self._send(500, b"unexpected")


@pytest.fixture
def server() -> Iterator[str]:
    with loopback(Handler) as httpd:
        yield base_url(httpd)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_charset_from_header_and_content_type(server: str) -> None:
    got = fetch(f"{server}/latin1")
    assert got.content_type == "text/html"
    assert got.charset == "ISO-8859-1"
    assert got.data == PAGE.encode("latin-1")


def test_user_agent_names_digest_and_version(server: str) -> None:
    assert fetch(f"{server}/ua").data.decode() == f"digest/{__version__}"


def test_follows_up_to_five_redirects(server: str) -> None:
    got = fetch(f"{server}/hop/4")
    assert got.url.endswith("/ua")


def test_too_many_redirects(server: str) -> None:
    with pytest.raises(DigestError, match="more than 5 redirects"):
        fetch(f"{server}/hop/9")


def test_http_error_status(server: str) -> None:
    with pytest.raises(DigestError) as err:
        fetch(f"{server}/missing")
    assert str(err.value).startswith(f"{server}/missing: HTTP 404")


def test_declared_size_over_limit_is_refused(server: str) -> None:
    with pytest.raises(DigestError, match=r"9\.5 MB is over the 1 MB limit"):
        fetch(f"{server}/huge-declared", max_bytes=1024 * 1024)


def test_streamed_size_over_limit_is_aborted(server: str) -> None:
    with pytest.raises(DigestError, match="download stopped: over the 1 MB limit"):
        fetch(f"{server}/huge-streamed", max_bytes=1024 * 1024)


def test_read_timeout(server: str) -> None:
    with pytest.raises(DigestError) as err:
        fetch(f"{server}/slow", timeout=httpx.Timeout(0.2))
    assert str(err.value) == f"{server}/slow: timed out"


def test_unreachable_port() -> None:
    url = f"http://127.0.0.1:{closed_port()}/x"
    with pytest.raises(DigestError) as err:
        fetch(url)
    assert str(err.value) == f"{url}: cannot connect"
