"""The search page in Debian's Chromium: one result per article in the interface's
language, actor aliases, story groups, filters and their URL state, the live count,
misspelt names, whole-word snippets, and the page without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml
from browser_helpers import (
    ID_BODY_WORD,
    ID_SLUG,
    SHARED_SLUGS,
    SHARED_WORD,
    BuiltSite,
    build_test_site,
    require_chromium,
    write_article,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESULT = "#search-results > li.result"
RESULT_LINK = "#search-results a.result-link"
STORY = "2021-06-quokkavale-probe"
STORY_WORD = "quokkavale"  # in the titles of the three story probes, every version
STORY_SLUGS = ("probe-story-en", "probe-story-id", "probe-story-fr")


def _story_articles(content: Path) -> None:
    folder = content / "articles" / "2021"
    source = {"name": "Story Probe Wire", "url": "https://story.example/"}
    common = {"topics": [], "actors": [], "status": "published", "story": STORY}
    write_article(folder / "probe-story-en.md", {
        "title": "Quokkavale harbour talks open", "date": "2021-06-21", "lang": "en",
        "source": {**source, "url": source["url"] + "en"},
        "summary": "Talks on the harbour opened on Monday.", **common},
        "Talks on the harbour opened on Monday. Delegates met in the port.\n")
    write_article(folder / "probe-story-id.md", {
        "title": "Perundingan pelabuhan Quokkavale dimulai", "date": "2021-06-22",
        "lang": "id", "source": {**source, "url": source["url"] + "id"},
        "summary": "Perundingan soal pelabuhan dimulai hari Senin.",
        "translations": {"en": {"title": "Quokkavale harbour talks begin", "by": "editor",
                                "summary": "Talks about the harbour began on Monday."}},
        **common}, "Perundingan soal pelabuhan dimulai hari Senin.\n")
    write_article(folder / "probe-story-fr.md", {
        "title": "Les pourparlers de Quokkavale", "date": "2021-06-23", "lang": "fr",
        "source": {**source, "url": source["url"] + "fr"},
        "summary": "Les pourparlers sur le port ont commencé lundi.", **common},
        "Les pourparlers sur le port ont commencé lundi.\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    require_chromium()
    return build_test_site(tmp_path_factory.mktemp("search-site"), hostile=False,
                           extra=_story_articles)


@pytest.fixture(scope="module")
def base_url(site: BuiltSite) -> Iterator[str]:
    from tools.static_server import serve

    with serve(site.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser(site: BuiltSite) -> Iterator[Any]:
    from tools.chromium import launch

    with launch() as b:
        yield b


class Page:
    """A tab on the search page; console errors and uncaught exceptions are recorded."""

    def __init__(self, browser: Any, base_url: str, width: int = 1280,
                 javascript: bool = True) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900},
                                           java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.base_url = base_url
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, query: str = "") -> None:
        response = self.page.goto(f"{self.base_url}search/{query}", wait_until="load")
        assert response is not None and response.ok
        self.settled()

    def settled(self, after: str | None = None) -> None:
        """Wait until the latest search (a newer one than ``after``) has shown all."""
        self.page.wait_for_function(
            """(after) => { const r = document.getElementById("search");
                 return r.hasAttribute("data-ready") && !r.hasAttribute("aria-busy") &&
                        r.getAttribute("data-searched") !== after; }""",
            arg=after, timeout=15_000)

    def searched(self) -> str | None:
        return self.page.get_attribute("#search", "data-searched")

    def links(self) -> list[str]:
        return self.page.eval_on_selector_all(RESULT_LINK, "els => els.map(e => e.href)")

    def status(self) -> str:
        return self.page.inner_text("#search-status").strip()

    def params(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Page]:
    t = Page(browser, base_url)
    yield t
    t.context.close()
    assert not t.errors, t.errors


def _of(links: list[str], slug: str) -> list[str]:
    return [h for h in links if f"/articles/{slug}/" in h]


def test_one_result_per_article_in_the_interface_language(tab: Page) -> None:
    tab.open(f"?q={STORY_WORD}")
    links = tab.links()
    # The Indonesian article matches in its original and in its English translation:
    # the English interface shows it once, as the translation.
    for slug in STORY_SLUGS:
        assert len(_of(links, slug)) == 1, (slug, links)
    assert _of(links, "probe-story-id")[0].endswith("/articles/probe-story-id/en/")
    assert len(links) == 3, links
    # Its language is marked and the original is linked.
    item = tab.page.locator("li", has=tab.page.locator(
        "a.result-link[href$='/probe-story-id/en/']")).last
    meta = item.locator(".result-meta").first.inner_text()
    assert "English" in meta and "Indonesian" in meta, meta
    original = item.locator("a.result-original")
    assert original.get_attribute("hreflang") == "id"
    assert original.get_attribute("href").endswith("/articles/probe-story-id/")


def test_body_words_of_a_translated_original_find_the_translation(tab: Page) -> None:
    tab.open(f"?q={ID_BODY_WORD}")
    links = tab.links()
    assert links == [h for h in links if h.endswith(f"/articles/{ID_SLUG}/en/")], links
    assert len(links) == 1
    # The snippet quotes the original, marked with its language.
    snippet = tab.page.locator(f"{RESULT} .result-snippet").first
    assert snippet.get_attribute("lang") == "id"
    assert snippet.locator("mark").inner_text().lower() == ID_BODY_WORD


def test_every_alias_of_an_actor_finds_its_articles(tab: Page, site: BuiltSite) -> None:
    actor = site.probe.actor_a
    names = [actor["name"], *actor.get("aliases", []), *actor.get("names", {}).values()]
    assert len(names) >= 3, "the registry's first actor needs aliases for this test"
    # The probes tagged with the actor, and one that is not (the control); the
    # probes' text gives the actor's main name only.
    tagged, untagged = (ID_SLUG, SHARED_SLUGS[0], SHARED_SLUGS[1]), SHARED_SLUGS[2]
    texts = "".join(p.read_text(encoding="utf-8").lower()
                    for p in (site.content / "articles" / "2021").glob("probe-*.md"))
    assert [n for n in names if n.lower() not in texts], "no alias only the index knows"
    topics = yaml.safe_load((site.content / "topics.yml").read_text(encoding="utf-8"))
    topic_names = {n.lower() for n in topics[0]["name"].values()}  # every probe's topic
    for name in dict.fromkeys(names):
        tab.open(f"?q={quote(name)}&source=Probe%20News")
        links = tab.links()
        assert all(len(_of(links, slug)) == 1 for slug in tagged), (name, links)
        if name.lower() not in topic_names:
            assert not _of(links, untagged), (name, links)


def test_story_results_are_grouped_with_a_link_to_the_story(tab: Page) -> None:
    tab.open(f"?q={STORY_WORD}")
    entries = tab.page.locator(RESULT)
    assert entries.count() == 1
    entry = entries.first
    assert entry.locator(".result-story li").count() == 2
    story = entry.locator("a.result-story-link")
    assert story.get_attribute("href").endswith(f"/stories/{STORY}/")
    # Result titles are headings; the grouped ones are links beneath the first.
    assert entry.locator("h2 a.result-link").count() == 1
    assert tab.page.get_by_role("heading", level=2).filter(
        has_text=re.compile("Quokkavale")).count() == 1


def test_query_and_filters_live_in_the_url(tab: Page, site: BuiltSite) -> None:
    name = site.probe.actor_a["name"]
    tab.open(f"?q={SHARED_WORD}&actor={quote(name)}")
    narrowed = tab.links()
    assert _of(narrowed, SHARED_SLUGS[0]) and _of(narrowed, SHARED_SLUGS[1]), narrowed
    assert not _of(narrowed, SHARED_SLUGS[2]), narrowed
    box = tab.page.locator("#search-filters input[type=checkbox]:checked")
    assert box.count() == 1 and box.get_attribute("data-value") == name
    assert tab.page.locator("#search-active").is_visible()
    assert name in tab.page.inner_text("#search-active")
    # Unticking is a step of its own: the URL follows, the back button undoes it.
    before = tab.searched()
    box.click()  # the list is built anew: a click, not uncheck(), which would re-check
    tab.settled(before)
    assert "actor" not in tab.params() and tab.params()["q"] == [SHARED_WORD]
    assert all(_of(tab.links(), s) for s in SHARED_SLUGS), tab.links()
    assert not tab.page.locator("#search-active").is_visible()
    before = tab.searched()
    tab.page.go_back()
    tab.settled(before)
    assert tab.params()["actor"] == [name]
    assert not _of(tab.links(), SHARED_SLUGS[2])
    assert tab.page.locator("#search-filters input[type=checkbox]:checked").count() == 1
    # The clear button drops every filter, keeps the query.
    before = tab.searched()
    tab.page.click("#search-clear")
    tab.settled(before)
    assert tab.params() == {"q": [SHARED_WORD]}


def test_the_result_count_is_announced(tab: Page) -> None:
    live = tab.page.locator("#search-status")
    tab.open()
    assert live.get_attribute("aria-live") == "polite"
    assert live.get_attribute("role") == "status"
    # "/" brings the reader to the box from anywhere on the page.
    tab.page.locator("h1").click()
    tab.page.keyboard.press("/")
    assert tab.page.evaluate("document.activeElement.id") == "search-q"
    before = tab.searched()
    tab.page.keyboard.type(SHARED_WORD)
    tab.settled(before)
    assert re.search(r"\b3 results\b", tab.status()), tab.status()
    assert SHARED_WORD in tab.status()
    assert tab.params()["q"] == [SHARED_WORD]  # typing keeps the URL up to date


def test_a_misspelt_name_offers_the_closest_names(tab: Page, site: BuiltSite) -> None:
    actor = site.probe.actor_a
    word = max(actor["name"].split(), key=len)
    assert len(word) >= 5
    typo = word[:2] + word[3:]  # one letter dropped
    tab.open(f"?q={quote(typo)}")
    offered = tab.page.locator("#search-suggest a")
    hrefs = offered.evaluate_all("els => els.map(e => e.href)")
    assert any(h.endswith(f"/actors/{actor['id']}/") for h in hrefs), (typo, hrefs)
    assert tab.page.locator("#search-suggest").is_visible()


def test_a_misspelt_topic_offers_the_topic(tab: Page, site: BuiltSite) -> None:
    if not (site.content / "topics.yml").read_text(encoding="utf-8").count(
            "id: reconstruction"):
        pytest.skip("no reconstruction topic in this registry")
    tab.open("?q=reconstrction")
    assert tab.links() == []
    hrefs = tab.page.locator("#search-suggest a").evaluate_all("els => els.map(e => e.href)")
    assert any(h.endswith("/topics/reconstruction/") for h in hrefs), hrefs


def test_snippets_are_whole_words_of_the_article(tab: Page, base_url: str) -> None:
    tab.open(f"?q={SHARED_WORD}")
    pairs = tab.page.eval_on_selector_all(
        RESULT, "els => els.map(e => [e.querySelector('a.result-link').href, "
                "e.querySelector('.result-snippet').innerText])")
    assert len(pairs) == 3
    for href, text in pairs:
        page_words = set(re.findall(r"\w+", _page_text(tab, href)))
        words = re.findall(r"\w+", text)
        assert words, href
        assert set(words) <= page_words, (href, set(words) - page_words)
        assert SHARED_WORD in text


def _page_text(tab: Page, href: str) -> str:
    other = tab.context.new_page()
    try:
        other.goto(href)
        return other.inner_text("main")
    finally:
        other.close()


def test_long_filters_are_truncated_and_searchable_and_never_zero(tab: Page) -> None:
    tab.open("?q=a")  # a prefix nearly every article shares
    actor = tab.page.locator("fieldset[data-facet=actor]")
    shown = actor.locator("li:visible")
    total = actor.locator("li").count()
    if total <= 8:
        pytest.skip("too few actors for a long filter")
    assert shown.count() == 8
    labels = tab.page.locator("#search-facets label").all_inner_texts()
    assert not [x for x in labels if x.strip().endswith("(0)")], labels
    find = actor.get_by_label("Find an actor")
    name = actor.locator("li").nth(total - 1).get_attribute("data-value")
    find.fill(name)
    assert actor.locator("li:visible").count() >= 1
    assert all(name in v for v in actor.locator("li:visible").evaluate_all(
        "els => els.map(e => e.dataset.value)"))
    find.fill("")
    button = actor.locator("button.facet-all")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert actor.locator("li:visible").count() == total


def test_filters_fold_away_on_a_phone(browser: Any, base_url: str) -> None:
    t = Page(browser, base_url, width=375)
    try:
        t.open(f"?q={SHARED_WORD}")
        assert t.page.locator("#search-filters").is_visible()
        assert t.page.get_attribute("#search-filters", "open") is None
        assert t.page.evaluate("document.scrollingElement.scrollWidth") <= 375
        assert not t.errors, t.errors
    finally:
        t.context.close()


def test_without_javascript_the_page_points_to_the_listings(browser: Any,
                                                            base_url: str) -> None:
    t = Page(browser, base_url, javascript=False)
    try:
        response = t.page.goto(base_url + "search/")
        assert response is not None and response.ok
        note = t.page.locator("main .search-nojs")
        assert note.is_visible()
        hrefs = note.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == [
            "topics", "actors", "archive"], hrefs
        assert t.page.locator("label[for=search-q]").is_visible()
    finally:
        t.context.close()


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (1280, "dark"), (375, "light")])
def test_the_search_page_with_results_and_filters_passes_axe(
        browser: Any, base_url: str, site: BuiltSite, width: int, scheme: str) -> None:
    from browser_helpers import require_tool

    from tools.axe_check import WCAG21_AA, axe_available, describe, run_axe

    require_tool(axe_available())
    t = Page(browser, base_url, width=width)
    t.context.close()
    t.context = browser.new_context(viewport={"width": width, "height": 900},
                                    color_scheme=scheme)
    t.page = t.context.new_page()
    states = {"a ticked filter": f"?q={SHARED_WORD}&actor={quote(site.probe.actor_a['name'])}",
              "a story group": f"?q={STORY_WORD}",
              "long filters": "?q=a",  # "show all", the find box
              "suggestions": "?q=reconstrction"}
    found = {}
    try:
        for what, query in states.items():
            t.open(query)
            t.page.evaluate("document.getElementById('search-filters').open = true")
            found[what] = run_axe(t.page, [*WCAG21_AA, "best-practice"])
    finally:
        t.context.close()
    for what, violations in found.items():
        assert not violations, f"{what} ({width}px, {scheme}):\n{describe(violations)}"
