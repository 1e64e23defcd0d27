"""`digest serve` in Debian's Chromium: a broken article shows its error over the open page,
the fix reloads it; a missing page still carries the live-reload script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_helpers import require_chromium
from serve_helpers import ARTICLE, ServeProcess, write_tiny_digest

from digest.errors import DigestError
from digest.site.serve import SCRIPT_PATH, PreviewServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OVERLAY = "#digest-error-overlay"
# Bounded, generous waits: the machine may be busy; nothing here measures speed.
WAIT_MS = 180_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_chromium()
    from tools.chromium import launch

    with launch() as b:
        yield b


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def digest_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_digest(tmp_path_factory.mktemp("serve-browser")).parent


@pytest.fixture(scope="module")
def serve(digest_root: Path) -> Iterator[ServeProcess]:
    require_chromium()
    proc = ServeProcess(digest_root)
    try:
        proc.wait_for(lambda line: line.startswith("built "))
        yield proc
    finally:
        assert proc.stop() == 0, "\n".join(proc.lines)


def wait_for_reload(page: Page, marker: str) -> None:
    """Wait until the page was loaded again (the marker set on the old one is gone)."""
    page.wait_for_function(f"() => window.{marker} === undefined", timeout=WAIT_MS)


def test_broken_yaml_shows_the_error_over_the_page_and_the_fix_reloads_it(
        serve: ServeProcess, digest_root: Path, page: Page) -> None:
    article = digest_root / "content" / "articles" / "first.md"
    good = article.read_text(encoding="utf-8")
    response = page.goto(serve.url + "articles/first/", wait_until="load")
    assert response is not None and response.ok
    assert page.locator("h1", has_text="First article").count() == 1
    page.evaluate("window.__beforeEdit = true")

    article.write_text(good.replace("title: First article", "title: First: article"),
                       encoding="utf-8")
    overlay = page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    text = overlay.inner_text()
    assert "content/articles/first.md:2" in text and "invalid YAML" in text
    assert page.evaluate("window.__beforeEdit") is True  # the page stayed: no reload
    assert page.locator("h1", has_text="First article").count() == 1  # the last good site
    line = serve.wait_for(lambda line: "first.md:2: invalid YAML" in line)
    assert line.startswith("content/articles/first.md:2: ")
    assert "changed: content/articles/first.md" in serve.lines

    article.write_text(good.replace("First article", "First article, edited"),
                       encoding="utf-8")
    wait_for_reload(page, "__beforeEdit")
    page.locator("h1", has_text="First article, edited").wait_for(timeout=WAIT_MS)
    assert page.locator(OVERLAY).count() == 0
    serve.wait_for(lambda line: line.startswith("built "))


def test_the_dev_404_carries_the_reload_script(
        serve: ServeProcess, digest_root: Path, page: Page) -> None:
    response = page.goto(serve.url + "articles/second/", wait_until="load")
    assert response is not None and response.status == 404
    assert page.locator(f'script[src="{SCRIPT_PATH}"]').count() == 1
    page.evaluate("window.__beforeAdded = true")
    # The script works there too: once the article exists, the page reloads into it.
    (digest_root / "content" / "articles" / "second.md").write_text(
        ARTICLE.format(title="Second article", body="Two."), encoding="utf-8")
    wait_for_reload(page, "__beforeAdded")
    page.locator("h1", has_text="Second article").wait_for(timeout=WAIT_MS)


def test_error_text_from_articles_stays_text(
        browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>T</title></head><body><h1>T</h1>'
        "</body></html>", encoding="utf-8")
    hostile = "unknown actor id '<img src=x onerror=\"window.__xss=1\"><b>bold</b>'"
    server = PreviewServer(tmp_path, port=0).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url, wait_until="load")
        server.failed([DigestError(hostile, "content/articles/a.md", 7)])
        overlay = page.locator(OVERLAY)
        overlay.wait_for(state="visible", timeout=WAIT_MS)
        assert f"content/articles/a.md:7: {hostile}" in overlay.inner_text()
        assert overlay.locator("img, b:not(.digest-error-where)").count() == 0
        assert page.evaluate("window.__xss") is None
    finally:
        context.close()
        server.stop()
