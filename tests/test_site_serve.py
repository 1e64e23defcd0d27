"""The preview server: built pages plus the live-reload script, an event stream that
carries the build and its errors, on 127.0.0.1 only."""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.client import HTTPResponse
from pathlib import Path
from typing import Any

import pytest

from digest.errors import DigestError
from digest.site.serve import EVENTS_PATH, SCRIPT, SCRIPT_PATH, PreviewServer

BUILD = re.compile(r'<script src="/__digest/live-reload\.js" data-build="([0-9a-f]+-\d+)">')


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<html><body><p>A</p></body></html>")
    (tmp_path / "404.html").write_text("<html><body>gone</body></html>")
    (tmp_path / "site.css").write_text("p{}")
    return tmp_path


@pytest.fixture
def server(site: Path) -> Iterator[PreviewServer]:
    srv = PreviewServer(site, port=0).start()
    yield srv
    srv.stop()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def next_state(stream: HTTPResponse) -> dict[str, Any]:
    """The next ``state`` event of a server-sent event stream (keep-alives skipped)."""
    event = None
    while True:
        line = stream.readline().decode()
        assert line, "the stream ended"
        if line.startswith("event: "):
            event = line[7:].strip()
        elif line.startswith("data: ") and event == "state":
            state: dict[str, Any] = json.loads(line[6:])
            return state


def test_listens_on_loopback(server: PreviewServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")


def test_html_gets_the_reload_script_other_files_do_not(server: PreviewServer) -> None:
    code, body = get(server.url + "a/")
    assert code == 200 and BUILD.search(body) and body.index(SCRIPT_PATH) < body.index("</body>")
    assert get(server.url + "site.css") == (200, "p{}")
    with urllib.request.urlopen(server.url + "site.css", timeout=30) as resp:
        assert resp.headers["Cache-Control"] == "no-store"  # a reload gets the rebuilt file
    assert get(server.url + SCRIPT_PATH.lstrip("/")) == (200, SCRIPT.decode())


def test_built_files_are_left_as_they_are(server: PreviewServer, site: Path) -> None:
    get(server.url + "a/")
    assert (site / "a" / "index.html").read_text() == "<html><body><p>A</p></body></html>"


def test_pages_carry_the_build_they_belong_to(server: PreviewServer) -> None:
    before = BUILD.search(get(server.url + "a/")[1])
    server.reloaded()
    after = BUILD.search(get(server.url + "a/")[1])
    assert before and after and before.group(1) != after.group(1)


def test_event_stream_carries_the_build_and_the_errors(server: PreviewServer) -> None:
    page_build = BUILD.search(get(server.url + "a/")[1])
    assert page_build
    with urllib.request.urlopen(server.url + EVENTS_PATH.lstrip("/"), timeout=30) as stream:
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        first = next_state(stream)
        assert first == {"build": page_build.group(1), "errors": []}

        server.failed([DigestError("invalid YAML: <img src=x onerror=alert(1)>\nnext",
                                   "content/articles/a.md", 3)])
        failed = next_state(stream)
        assert failed["build"] == first["build"]  # the last good site stays
        assert failed["errors"] == [{"where": "content/articles/a.md:3",
                                     "message": "invalid YAML: <img src=x onerror=alert(1)>\nnext"}]

        server.reloaded()
        fixed = next_state(stream)
        assert fixed["build"] != first["build"] and fixed["errors"] == []


def test_stop_ends_open_event_streams(site: Path) -> None:
    srv = PreviewServer(site, port=0).start()
    with urllib.request.urlopen(srv.url + EVENTS_PATH.lstrip("/"), timeout=30) as stream:
        next_state(stream)
        srv.stop()
        assert stream.read().strip() == b""  # ended, rather than the read timing out


def test_missing_page_serves_404_html_with_the_reload_script(server: PreviewServer) -> None:
    code, body = get(server.url + "nowhere/")
    assert code == 404 and "gone" in body and BUILD.search(body)


def test_without_a_404_page_the_dev_404_still_carries_the_reload_script(
        tmp_path: Path) -> None:
    srv = PreviewServer(tmp_path / "not-built-yet", port=0).start()
    try:
        code, body = get(srv.url + "a/")
        assert code == 404 and BUILD.search(body)
        conn = http.client.HTTPConnection("127.0.0.1", srv.server_address[1], timeout=30)
        conn.request("GET", "/<b>x</b>/")
        raw = conn.getresponse().read().decode()
        conn.close()
        assert "<code>/&lt;b&gt;x&lt;/b&gt;/</code>" in raw and "<b>x" not in raw
    finally:
        srv.stop()
