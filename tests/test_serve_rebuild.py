"""The preview server keeps serving the last good site after a failed rebuild."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.commands.serve import rebuild
from digest.config import Config, load_config
from digest.site.serve import PreviewServer

FIXTURE = Path(__file__).parent / "fixtures" / "site"
TOML = """\
[digest]
name = "Serve Digest"
languages = ["en", "id"]
site_languages = ["en"]
default_language = "en"
site_url = "https://serve.example"
timezone = "UTC"
"""
ARTICLE = """\
---
title: {title}
date: 2021-07-01
lang: en
actors: [hamas]
---
{body}
"""


@pytest.fixture
def config(tmp_path: Path) -> Config:
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    for name in ("actors.yml", "topics.yml"):
        shutil.copy(FIXTURE / name, tmp_path / "content" / name)
    (articles / "first.md").write_text(ARTICLE.format(title="First article", body="One."),
                                       encoding="utf-8")
    (tmp_path / "digest.toml").write_text(TOML, encoding="utf-8")
    return load_config(tmp_path / "digest.toml")


@pytest.fixture
def server(config: Config) -> Iterator[PreviewServer]:
    assert rebuild(config)
    srv = PreviewServer(config.output_dir, port=0).start()
    yield srv
    srv.stop()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_failed_rebuild_keeps_serving_then_a_good_one_is_served(
        config: Config, server: PreviewServer, capsys: pytest.CaptureFixture[str]) -> None:
    articles = config.content_dir / "articles"
    home = get(server.url)
    assert home[0] == 200 and "First article" in home[1]

    (articles / "second.md").write_text(ARTICLE.format(title="Second article", body="Two."),
                                        encoding="utf-8")
    (articles / "broken.md").write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    assert not rebuild(config)
    assert "broken.md" in capsys.readouterr().err
    assert get(server.url) == home  # the last good site, unchanged
    assert get(server.url + "articles/first/")[0] == 200
    assert get(server.url + "articles/second/")[0] == 404

    (articles / "broken.md").unlink()
    assert rebuild(config)
    code, body = get(server.url + "articles/second/")
    assert code == 200 and "Second article" in body  # the swapped-in tree, by path
    assert "Second article" in get(server.url)[1]
