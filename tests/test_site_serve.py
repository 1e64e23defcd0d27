"""The preview server: built pages plus a reload script, on 127.0.0.1 only."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.site.serve import RELOAD_PATH, PreviewServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PreviewServer]:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<html><body><p>A</p></body></html>")
    (tmp_path / "404.html").write_text("<html><body>gone</body></html>")
    (tmp_path / "site.css").write_text("p{}")
    srv = PreviewServer(tmp_path, port=0).start()
    yield srv
    srv.stop()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_listens_on_loopback(server: PreviewServer) -> None:
    assert server.server_address[0] == "127.0.0.1"


def test_html_gets_the_reload_script_other_files_do_not(server: PreviewServer) -> None:
    code, body = get(server.url + "a/")
    assert code == 200 and RELOAD_PATH in body and body.index(RELOAD_PATH) < body.index("</body>")
    assert get(server.url + "site.css") == (200, "p{}")


def test_generation_changes_after_a_rebuild(server: PreviewServer) -> None:
    before = get(server.url + RELOAD_PATH.lstrip("/"))[1]
    server.reloaded()
    assert get(server.url + RELOAD_PATH.lstrip("/"))[1] != before


def test_missing_page_serves_404_html(server: PreviewServer) -> None:
    code, body = get(server.url + "nowhere/")
    assert code == 404 and "gone" in body
