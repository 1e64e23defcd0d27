"""The language switcher, the Arabic right-to-left layout and the share link, in Debian's
Chromium, on the fixture content built with English, Indonesian and Arabic interfaces."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import require_chromium
from test_site_build import FIXTURE, SETTINGS, TOML

from digest.config import load_config
from digest.site.build import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Every text node of the page's interface with the language it is in. Text whose nearest
# lang attribute is its own (an article title, a summary: content in its language) is
# content; everything else takes its language from <html> or from the header, main and
# footer elements, which must then agree.
CHROME_LANGS = """() => {
  const parts = new Set([document.documentElement,
    ...document.querySelectorAll("body > .skip, body > header, body > main, body > footer")]);
  const langs = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest("script, nav.languages, [dir=auto]")) continue;
    const holder = el.closest("[lang]");
    if (!parts.has(holder)) continue;
    const lang = holder.getAttribute("lang");
    (langs[lang] = langs[lang] || []).push(n.textContent.trim().slice(0, 40));
  }
  return langs;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_chromium()
    root = tmp_path_factory.mktemp("browser-languages")
    toml = TOML.format(content=FIXTURE).replace('site_languages = ["en", "id"]',
                                                'site_languages = ["en", "id", "ar"]')
    (root / "digest.toml").write_text(toml, encoding="utf-8")
    return build_site(load_config(root / "digest.toml"), settings_file=SETTINGS, search=False,
                      overrides={"DEFAULT_PAGINATION": 3, "DIGEST_HOME_MIN": 3}).output


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    from tools.static_server import serve

    with serve(site) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def browser(site: Path) -> Iterator[Any]:
    from tools.chromium import launch

    with launch() as b:
        yield b


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def switch_to(page: Any, lang: str) -> None:
    with page.expect_navigation():
        page.click(f"nav.languages a[hreflang={lang}]")


@pytest.mark.parametrize(("start", "lang", "lands"), [
    ("/", "id", "/id/"),
    ("/page/2/", "id", "/id/page/2/"),
        ("/stories/2021-06-hamas-hezbollah/", "id", "/id/stories/2021-06-hamas-hezbollah/"),
    ("/id/actors/hamas/", "en", "/actors/hamas/"),
    ("/id/archive/", "ar", "/ar/archive/"),
    ("/articles/pemimpin-hamas-dan-hizbullah-bertemu/", "en",
     "/articles/pemimpin-hamas-dan-hizbullah-bertemu/en/"),
    ("/articles/gaza-ceasefire-talks/", "ar", "/articles/gaza-ceasefire-talks/ar/"),
    ("/articles/gaza-ceasefire-talks/", "id", "/id/"),  # no Indonesian version: its home
])
def test_switcher_leads_to_the_same_page_in_one_language(page: Any, base_url: str, start: str,
                                                          lang: str, lands: str) -> None:
    page.goto(base_url + start)
    switch_to(page, lang)
    assert page.url == base_url + lands
    assert page.evaluate("document.documentElement.lang") in (lang, "ar", "id")
    langs = page.evaluate(CHROME_LANGS)
    assert list(langs) == [lang], langs  # menu, headings, labels and footer alike


def test_arabic_interface_reads_right_to_left(page: Any, base_url: str) -> None:
    page.goto(base_url + "/ar/topics/lebanon/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator("a.brand").bounding_box()
    first_item = page.locator(".item-title").first.bounding_box()
    # The site name starts at the right edge; lists are aligned on the right too.
    assert brand["x"] + brand["width"] > 1280 / 2
    pad = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main')).paddingRight)")
    main_right = page.evaluate("document.querySelector('main').getBoundingClientRect().right")
    assert abs(first_item["x"] + first_item["width"] - (main_right - pad)) < 2
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_share_link_copies_the_address_without_leaving(browser: Any, base_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    try:
        url = base_url + "/articles/gaza-ceasefire-talks/"
        page.goto(url)
        page.evaluate("delete Navigator.prototype.share")  # the clipboard path
        page.click("a.share-link")
        page.wait_for_function(
            "document.querySelector('.share-status').textContent === 'Link copied'")
        assert page.url == url
        assert page.evaluate("navigator.clipboard.readText()") == \
            "https://digest.example/articles/gaza-ceasefire-talks/"
    finally:
        context.close()
