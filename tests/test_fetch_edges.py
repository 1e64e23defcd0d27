"""Network edges: servers that drip, cut a page short or hang up; URLs that are not
http(s); folders with nothing to read. Servers run on 127.0.0.1 for each test."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

import digest.extract.fetch as fetch_module
from digest.cli import main
from digest.errors import DigestError
from digest.extract import collect_inputs
from digest.extract.fetch import fetch
from tools.static_server import base_url, loopback

DRIP_BYTES = 60
DRIP_EVERY = 0.25  # below the read timeout used here: only the deadline can stop it
READ_TIMEOUT = httpx.Timeout(2.0, connect=2.0)


class Handler(BaseHTTPRequestHandler):
    dripped: ClassVar[set[str]] = set()  # paths whose whole drip was sent

    def log_message(self, *args: object) -> None:
        pass

    def _drip(self, data: bytes) -> None:
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(DRIP_EVERY)
        except OSError:  # the client gave up
            return
        self.dripped.add(self.path)

    def do_GET(self) -> None:
        if self.path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(DRIP_BYTES))
            self.end_headers()
            self.wfile.flush()
            self._drip(b"x" * DRIP_BYTES)
        elif self.path == "/drip-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(b"X-Slow: " + b"y" * DRIP_BYTES + b"\r\nContent-Length: 2\r\n\r\nok")
        elif self.path == "/short":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<html><body><p>Only the start of the page")
            self.close_connection = True
        elif self.path == "/hang-up":
            self.close_connection = True  # no response at all
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


@pytest.fixture
def server() -> Iterator[str]:
    with loopback(Handler) as httpd:
        yield base_url(httpd)


def reason(url: str, **kw: object) -> str:
    with pytest.raises(DigestError) as caught:
        fetch(url, timeout=READ_TIMEOUT, **kw)  # type: ignore[arg-type]
    assert caught.value.path == url
    return caught.value.message


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_dripping_server_meets_the_deadline(server: str, path: str) -> None:
    # Without the deadline both would finish, slowly, after DRIP_BYTES * DRIP_EVERY s.
    assert reason(server + path, deadline=1.0) == "timed out after 1 s"
    assert path not in Handler.dripped  # given up on while the server was still sending


def test_the_deadline_is_a_module_setting(server: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "DEADLINE", 0.5)
    assert reason(server + "/drip-body") == "timed out after 0.5 s"


def test_a_body_cut_short(server: str) -> None:
    assert reason(server + "/short") == "connection closed before the whole page arrived"


def test_a_server_that_hangs_up(server: str) -> None:
    assert reason(server + "/hang-up") == "connection closed before the server answered"


def test_a_redirect_to_ftp(server: str) -> None:
    assert reason(server + "/to-ftp") == "unsupported URL scheme 'ftp' (only http and https)"


@pytest.mark.parametrize("url, scheme", [
    ("ftp://127.0.0.1/a.html", "ftp"), ("file:///etc/hostname", "file"),
    ("FILE:///etc/hostname", "file"), ("gopher://127.0.0.1/", "gopher"),
])
def test_inputs_with_other_schemes(url: str, scheme: str) -> None:
    (failure,) = collect_inputs([url])
    assert str(failure) == f"{url}: unsupported URL scheme '{scheme}' (only http and https)"


def test_a_file_named_like_a_url_is_still_a_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ftp:").mkdir()
    (tmp_path / "ftp:" / "x.txt").write_text("text")
    assert collect_inputs(["ftp://x.txt"]) == ["ftp://x.txt"]


KINDS = ".txt, .html, .htm, .xhtml, .xml, .rss, .atom, .json, or .gz of them"


@pytest.fixture
def root(digest_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(digest_root)
    return digest_root


def test_folders_with_nothing_to_read(root: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    pictures = tmp_path / "pictures"
    (pictures / ".hidden").mkdir(parents=True)
    (pictures / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (pictures / ".notes.txt").write_text("hidden")
    (pictures / ".hidden" / "a.txt").write_text("hidden")
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.json").write_text(json.dumps({"title": "Still read after the others",
                                             "body": "Text.", "date": "2024-01-02",
                                             "lang": "en"}))
    assert main(["ingest", str(empty), str(pictures), str(good)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"skipped {empty}: no supported files (expected {KINDS})",
        f"skipped {pictures}: no supported files (expected {KINDS})",
        "created content/articles/2024/still-read-after-the-others.md",
    ]
    assert main(["extract", str(empty)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"skipped {empty}: no supported files (expected {KINDS})\n"
    assert json.loads(captured.out) == [
        {"input": str(empty), "error": f"no supported files (expected {KINDS})"}]


def test_ingest_reports_each_network_edge(root: Path, server: str,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(fetch_module, "DEADLINE", 1.0)
    urls = [f"{server}/drip-body", f"{server}/short", "ftp://127.0.0.1/a.html",
            "file:///etc/hostname"]
    assert main(["ingest", "--date", "2024-01-02", *urls]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"skipped {urls[0]}: timed out after 1 s",
        f"skipped {urls[1]}: connection closed before the whole page arrived",
        f"skipped {urls[2]}: unsupported URL scheme 'ftp' (only http and https)",
        f"skipped {urls[3]}: unsupported URL scheme 'file' (only http and https)",
    ]
    assert "Traceback" not in captured.err
    assert not list((root / "content" / "articles").rglob("*.md"))
