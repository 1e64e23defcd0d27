"""End to end in Debian's Chromium: navigation, search, filters, hostile markup, layout."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator

import pytest
from browser_helpers import (
    EN_SUMMARY_WORD,
    ID_BODY_WORD,
    ID_SLUG,
    RESULTS,
    SHARED_SLUGS,
    SHARED_WORD,
    XSS_SLUG,
    BuiltSite,
    build_test_site,
    require_chromium,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# An article, or one of its translations (listings link to the one in their language).
ARTICLE_URL = re.compile(r"/articles/[a-z0-9-]+/(?:[a-z]{2,3}(?:-[A-Za-z0-9]+)*/)?$")
ACTOR_URL = re.compile(r"/actors/[a-z0-9-]+/$")
# The search page (theme/static/js/search.js).
SEARCH_INPUT = "#search-q"
RESULT_LINK = "#search-results a.result-link"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    require_chromium()
    return build_test_site(tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="module")
def base_url(site: BuiltSite) -> Iterator[str]:
    from tools.static_server import serve

    with serve(site.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser(site: BuiltSite):  # type: ignore[no-untyped-def]
    from tools.chromium import launch

    with launch() as b:
        yield b


class Watched:
    """A page whose console errors, uncaught exceptions and dialogs are recorded."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(
            f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:  # type: ignore[no-untyped-def]
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def goto(self, url: str) -> None:
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"


@pytest.fixture
def watched(browser) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    w = Watched(context.new_page())
    yield w
    context.close()
    assert not w.errors, "console errors:\n" + "\n".join(w.errors)
    assert not w.dialogs, f"dialogs opened: {w.dialogs}"


def _search(w: Watched, base_url: str, query: str) -> list[str]:
    """Type ``query`` on /search/; return the result links' hrefs once results settle."""
    w.goto(base_url + "search/")
    box = w.page.locator(SEARCH_INPUT).first
    box.fill(query)
    w.page.wait_for_selector(RESULT_LINK, timeout=10_000)
    return _settled_results(w)


def _settled_results(w: Watched) -> list[str]:
    # Pagefind renders results progressively: wait until two reads agree.
    previous: list[str] | None = None
    for _ in range(20):
        hrefs = w.page.eval_on_selector_all(RESULT_LINK, "els => els.map(e => e.href)")
        if hrefs == previous:
            return hrefs
        previous = hrefs
        w.page.wait_for_timeout(250)
    return previous or []


def _has(hrefs: list[str], slug: str) -> bool:
    return any(f"/articles/{slug}/" in h for h in hrefs)


def test_home_to_actor_to_article(watched: Watched, base_url: str) -> None:
    page = watched.page
    watched.goto(base_url)
    assert page.locator("h1").count() == 1
    # An actor's own page, not the A–Z index in the navigation.
    page.locator("main a[href*='actors/']:not([href$='actors/'])").locator(
        "visible=true").first.click()
    page.wait_for_load_state()
    assert ACTOR_URL.search(page.url), page.url
    actor_heading = page.locator("h1").inner_text()
    assert actor_heading.strip()
    link = page.locator("main a[href*='articles/']").locator("visible=true").first
    link_text = link.inner_text().strip()
    link.click()
    page.wait_for_load_state()
    assert ARTICLE_URL.search(page.url), page.url
    heading = page.locator("h1").inner_text().strip()
    assert heading and (heading in link_text or link_text in heading), (heading, link_text)
    # The article links to its actors.
    assert page.locator("main a[href*='actors/']").count() >= 1


def test_search_finds_indonesian_body_word(watched: Watched, base_url: str) -> None:
    hrefs = _search(watched, base_url, ID_BODY_WORD)
    assert _has(hrefs, ID_SLUG), hrefs


def test_a_query_typed_while_the_index_loads_is_kept(watched: Watched, base_url: str) -> None:
    # Hold Pagefind's script until the reader has typed: the typed query must survive
    # the page's start-up (it once reset the box to the address's empty query).
    # The page's clock is held too, so the typing pause has not ended when the index
    # is ready: the case where the start-up used to win.
    page = watched.page
    start = dt.datetime(2021, 7, 1, 12, 0, tzinfo=dt.UTC)
    page.clock.install(time=start)
    held: list[object] = []
    page.route("**/pagefind/pagefind.js*", lambda route: held.append(route))
    page.goto(base_url + "search/", wait_until="domcontentloaded")
    page.clock.pause_at(start + dt.timedelta(minutes=1))  # from here time moves on demand
    page.locator(SEARCH_INPUT).first.fill(ID_BODY_WORD)
    page.wait_for_function("() => document.activeElement !== null")
    assert held, "the search script asked for Pagefind's"
    held[0].continue_()  # type: ignore[attr-defined]
    page.wait_for_selector("#search[data-ready]", state="attached", timeout=10_000)
    page.clock.run_for(1000)
    page.wait_for_selector(RESULT_LINK, timeout=10_000)
    assert _has(_settled_results(watched), ID_SLUG)
    assert page.locator(SEARCH_INPUT).first.input_value() == ID_BODY_WORD
    assert f"q={ID_BODY_WORD}" in page.url


def test_english_word_in_translated_summary_finds_the_translation_page(
        watched: Watched, base_url: str) -> None:
    hrefs = _search(watched, base_url, EN_SUMMARY_WORD)
    assert any(h.endswith(f"/articles/{ID_SLUG}/en/") for h in hrefs), hrefs
    # The result opens the English page, which links back to the Indonesian original.
    page = watched.page
    page.locator(RESULT_LINK).first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"
    # (in the page's text; the language switcher in the header names it too)
    assert page.locator(f"main a[href$='/articles/{ID_SLUG}/'][hreflang='id']").count() == 1


def test_actor_filter_narrows_results(watched: Watched, base_url: str, site: BuiltSite) -> None:
    hrefs = _search(watched, base_url, SHARED_WORD)
    assert all(_has(hrefs, s) for s in SHARED_SLUGS), hrefs
    page = watched.page
    # The filters fold into a <details> (closed on phones): open it if closed.
    filters = page.locator("details#search-filters")
    if filters.get_attribute("open") is None:
        filters.locator("summary").click()
    name = site.probe.actor_a["name"]
    # A click: the list is built anew with the results, so check() would lose its box.
    actors = page.locator("fieldset[data-facet=actor]")
    actors.get_by_label(re.compile(rf"^\s*{re.escape(name)}\b")).first.click()
    page.wait_for_function(
        "([sel, slug]) => ![...document.querySelectorAll(sel)].some("
        "a => a.href.includes(`/articles/${slug}/`))",
        arg=[RESULT_LINK, SHARED_SLUGS[2]], timeout=10_000)
    narrowed = _settled_results(watched)
    assert _has(narrowed, SHARED_SLUGS[0]) and _has(narrowed, SHARED_SLUGS[1]), narrowed
    assert not _has(narrowed, SHARED_SLUGS[2]), narrowed
    assert len(narrowed) < len(hrefs)


def test_hostile_markup_never_runs(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    w = Watched(context.new_page())
    page = w.page
    try:
        w.goto(f"{base_url}articles/{XSS_SLUG}/")
        body = page.locator("main").inner_text()
        assert "The paragraph before the hostile markup." in body
        assert "The paragraph after the hostile markup." in body
        assert page.locator("[href^='javascript:' i], [src^='javascript:' i]").count() == 0
        assert page.locator("main script, main iframe, main svg[onload]").count() == 0
        for handler in ("onerror", "onload", "onmouseover"):
            assert page.locator(f"main [{handler}]").count() == 0, handler
        hover = page.locator("main p", has_text="Hover")
        if hover.count():
            hover.first.hover()
        for link in page.locator("main a", has_text=re.compile("markdown link|raw link")).all():
            link.click(no_wait_after=True)
            page.wait_for_load_state()
        # The title and summary also reach the JSON-LD block: it must still be JSON.
        for block in page.locator("script[type='application/ld+json']").all():
            json.loads(block.text_content() or "")
        assert page.evaluate("window.__xss") is None
        w.goto(base_url)  # listings show the same title and summary
        assert page.evaluate("window.__xss") is None
        assert not w.dialogs, w.dialogs
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_and_no_horizontal_scroll(browser, base_url: str, width: int) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image, ImageStat

    RESULTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 800})
    w = Watched(context.new_page())
    try:
        for name, path in (("home", ""), ("article", f"articles/{ID_SLUG}/"),
                           ("search", "search/")):
            w.goto(base_url + path)
            shot = w.page.screenshot(full_page=True, path=RESULTS / f"{name}-{width}.png")
            image = Image.open(io.BytesIO(shot)).convert("L")
            assert image.width == width
            # Blank = one flat colour: text and rules give spread and several tones.
            assert ImageStat.Stat(image).stddev[0] > 5, f"{name} at {width}px looks blank"
            assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 8
            if width == 360:
                scroll = w.page.evaluate("document.scrollingElement.scrollWidth")
                assert scroll <= width, f"{name} scrolls sideways at 360px ({scroll}px)"
        assert not w.errors, w.errors
    finally:
        context.close()
