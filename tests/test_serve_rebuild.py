"""The preview keeps serving the last good site after a failed rebuild, tells the open
pages what broke, and reloads them once the new site is in place."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_helpers import ARTICLE, write_tiny_digest

from digest.commands.serve import rebuild, reloaded_config
from digest.config import Config, load_config
from digest.errors import DigestError
from digest.site.build import build_site
from digest.site.serve import SCRIPT_PATH, PreviewServer
from digest.site.staging import leftovers


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return load_config(write_tiny_digest(tmp_path))


@pytest.fixture
def server(config: Config) -> Iterator[PreviewServer]:
    assert rebuild(config)
    srv = PreviewServer(config.output_dir, port=0).start()
    yield srv
    srv.stop()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def state(server: PreviewServer) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(server.state.snapshot()[1])
    return found


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


def test_failed_rebuild_tells_the_pages_path_line_and_message(
        config: Config, server: PreviewServer, capsys: pytest.CaptureFixture[str]) -> None:
    build = state(server)["build"]
    first = config.content_dir / "articles" / "first.md"
    good = first.read_text(encoding="utf-8")
    first.write_text(good.replace("title: First article", "title: First: article"),
                     encoding="utf-8")
    assert not rebuild(config, server)
    failed = state(server)
    assert failed["build"] == build  # no reload: the page stays, the overlay shows
    [error] = failed["errors"]
    assert error["where"].endswith("first.md:2") and "invalid YAML" in error["message"]
    err = capsys.readouterr().err
    assert f"{error['where']}: {error['message']}" in err  # the terminal says the same
    assert "still serving the last good site" in err

    first.write_text(good.replace("First article", "First article, edited"), encoding="utf-8")
    assert rebuild(config, server)
    fixed = state(server)
    assert fixed["build"] != build and fixed["errors"] == []
    out = capsys.readouterr().out
    assert "built 1 article in " in out and " s (pages reloaded at " in out
    assert "First article, edited" in get(server.url + "articles/first/")[1]
    built = list(config.output_dir.rglob("*.html"))
    assert built and not any(b"__digest" in p.read_bytes() for p in built)  # served only


def test_pages_are_told_to_reload_once_the_new_site_is_in_place(
        config: Config, server: PreviewServer) -> None:
    (config.content_dir / "articles" / "second.md").write_text(
        ARTICLE.format(title="Second article", body="Two."), encoding="utf-8")
    seen: list[tuple[int, bool]] = []

    def swapped() -> None:
        # What a page reloading now gets, and whether the old tree is still to be removed.
        seen.append((get(server.url + "articles/second/")[0], bool(leftovers(config.output_dir))))

    build_site(config, search=False, on_swapped=swapped)
    assert seen == [(200, True)]  # the new site is served; the old one's removal comes after
    assert not leftovers(config.output_dir)


def test_a_first_build_that_fails_serves_a_page_that_waits_for_the_fix(
        config: Config, capsys: pytest.CaptureFixture[str]) -> None:
    first = config.content_dir / "articles" / "first.md"
    good = first.read_text(encoding="utf-8")
    first.write_text(good.replace("title: First article", "title: First: article"),
                     encoding="utf-8")
    srv = PreviewServer(config.output_dir, port=0).start()
    try:
        assert not rebuild(config, srv)
        assert "nothing to serve until it builds" in capsys.readouterr().err
        code, body = get(srv.url)
        assert code == 404 and SCRIPT_PATH in body  # not a bare "Not found"
        assert state(srv)["errors"][0]["where"].endswith("first.md:2")
        first.write_text(good, encoding="utf-8")
        assert rebuild(config, srv)
        assert get(srv.url)[0] == 200
    finally:
        srv.stop()


def test_an_edited_digest_toml_is_read_again(config: Config) -> None:
    toml = config.root / "digest.toml"
    toml.write_text(toml.read_text().replace("Serve Digest", "Renamed Digest"))
    assert reloaded_config(toml, None, config).name == "Renamed Digest"


def test_a_broken_or_moved_digest_toml_is_an_error_naming_it(config: Config) -> None:
    toml = config.root / "digest.toml"
    good = toml.read_text()
    toml.write_text(good + "broken = [\n")
    with pytest.raises(DigestError) as broken:
        reloaded_config(toml, None, config)
    assert broken.value.path == str(toml)
    toml.write_text(good.replace("[digest]\n", '[digest]\ncontent = "elsewhere"\n'))
    with pytest.raises(DigestError, match="restart `digest serve`"):
        reloaded_config(toml, None, config)
