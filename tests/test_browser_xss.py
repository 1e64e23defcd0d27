"""Mutation-XSS shapes in every piece of article and registry text, in Chromium with
scripting on: every page of a hostile site (tests/xss_site.py), and the rendered
article HTML put into another page through ``innerHTML`` (twice: serialised and parsed
again) and an iframe ``srcdoc``. A parser with scripting off (lxml, DOMParser) would
not see ``noscript`` and namespace tricks: only a live page tells.

Extends tests/test_browser.py's hostile-markup test, which loads one hostile article of
the sample site; this one covers titles, summaries, translations, source names and the
registries on every kind of page, and the search results."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from browser_helpers import require_chromium
from xss_site import AFTER, BEFORE, HostileSite, build

from digest.store.frontmatter import parse

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESULT_LINK = "#search-results a.result-link"
# What a page must not hold once parsed and live: handlers, script in the article's own
# parts, script-running URLs. The theme's own scripts sit outside <main>.
INSPECT = """() => {
  const handlers = [...document.querySelectorAll("*")].filter((el) =>
    [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on")));
  const urls = [...document.querySelectorAll("[href], [src], [action], [formaction]")]
    .map((el) => el.getAttribute("href") || el.getAttribute("src") ||
                 el.getAttribute("action") || el.getAttribute("formaction") || "")
    .filter((u) => /^\\s*(javascript|vbscript|data):/i.test(u.replace(/[\\x00-\\x20]/g, "")));
  const main = document.querySelector("main");
  return {
    xss: window.__xss ?? null,
    handlers: handlers.map((el) => el.outerHTML.slice(0, 120)),
    urls,
    // The search page's own parts (the UI, its <noscript> note) are the theme's.
    active: main ? [...main.querySelectorAll("script, iframe, object, embed, svg, math, " +
                                             "noscript, style, template, textarea")]
      .filter((el) => !el.closest("#search") &&
                      !(el.tagName === "NOSCRIPT" && el.parentElement === main))
      .map((el) => el.outerHTML.slice(0, 120)) : ["no <main>"],
    ld: [...document.querySelectorAll("script[type='application/ld+json']")]
      .map((s) => s.textContent),
    text: main ? main.innerText : "",
  };
}"""
# The article's rendered HTML inserted into a blank page, as another site or app would.
INSERT = """async (parts) => {
  const frames = [];
  for (const html of parts) {
    const box = document.createElement("div");
    box.innerHTML = html;
    document.body.appendChild(box);
    const again = document.createElement("div");
    again.innerHTML = box.innerHTML;
    document.body.appendChild(again);
    const frame = document.createElement("iframe");
    frames.push(new Promise((ok) => { frame.onload = ok; }));
    frame.srcdoc = "<!doctype html><meta charset=utf-8><body>" + html;
    document.body.appendChild(frame);
  }
  await Promise.all(frames);
  await new Promise((ok) => setTimeout(ok, 300));  // broken images report after load
  return window.__xss ?? null;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    require_chromium()
    return build(tmp_path_factory.mktemp("hostile-pages"), search=True)


@pytest.fixture(scope="module")
def base_url(site: HostileSite) -> Iterator[str]:
    from tools.static_server import serve

    with serve(site.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser(site: HostileSite) -> Iterator[Any]:
    from tools.chromium import launch

    with launch() as b:
        yield b


class Tab:
    """One page with scripting on; dialogs and uncaught errors are recorded."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, url: str) -> dict[str, Any]:
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, url
        self.page.wait_for_timeout(200)  # broken images report their errors after load
        return self.page.evaluate(INSPECT)


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    t = Tab(browser)
    yield t
    t.context.close()


def _pages(site: HostileSite) -> list[str]:
    pages = ["", "archive/", "topics/", "actors/", "search/", "404.html"]
    pages += [f"topics/{t}/" for t in site.topics]
    pages += [f"actors/{a}/" for a in site.actors]
    pages += [f"articles/{s}/" for s in site.slugs]
    pages += [f"articles/{s}/{lang}/" for s, lang in site.translated]
    return pages


def _assert_inert(where: str, found: dict[str, Any], tab: Tab) -> None:
    assert found["xss"] is None, f"{where}: script ran ({found['xss']})"
    assert not tab.dialogs, f"{where}: dialogs {tab.dialogs}"
    assert not found["handlers"], f"{where}: event handlers {found['handlers']}"
    assert not found["urls"], f"{where}: script URLs {found['urls']}"
    assert not found["active"], f"{where}: active elements inside <main>: {found['active']}"
    for block in found["ld"]:
        json.loads(block)  # the JSON-LD still parses: nothing broke out of it


def test_the_harness_sees_script_that_runs(tab: Tab, base_url: str) -> None:
    """A page that does run a payload is caught (so the checks below can fail)."""
    tab.open(base_url)
    tab.page.evaluate("""() => { const d = document.createElement("div");
      d.innerHTML = '<img src=x onerror="top.__xss=\\'control\\';alert(1)">';
      document.body.appendChild(d); }""")
    tab.page.wait_for_function("window.__xss === 'control'", timeout=5_000)
    assert tab.dialogs


def test_no_page_runs_script(tab: Tab, base_url: str, site: HostileSite) -> None:
    pages = _pages(site)
    for path in pages:
        found = tab.open(base_url + path)
        _assert_inert(path or "home", found, tab)
        if path.startswith("articles/"):
            assert "onerror" in found["text"], f"{path}: the hostile text is not shown"
        if re.fullmatch(r"articles/[^/]+/", path):  # an original: its whole body is there
            assert BEFORE in found["text"] and AFTER in found["text"], path
    assert not tab.errors, tab.errors
    assert len(pages) == 6 + 3 + 4 + 8 + 16


def test_rendered_article_html_inserted_elsewhere_stays_inert(
        tab: Tab, base_url: str, site: HostileSite) -> None:
    parts = []
    for slug in site.slugs[:2]:
        for page in (site.output / "articles" / slug).rglob("index.html"):
            html = page.read_text(encoding="utf-8")
            main = re.search(r"<main\b[^>]*>(.*)</main>", html, re.DOTALL)
            assert main, page
            parts.append(main.group(1))
    tab.open(base_url + "404.html")
    tab.page.evaluate("document.body.innerHTML = ''")
    assert tab.page.evaluate(INSERT, parts) is None
    assert not tab.dialogs, tab.dialogs
    assert "onerror" in tab.page.evaluate("document.body.innerText")


@pytest.mark.parametrize("query", [
    "paragraph", "translated", "onerror",
    "<img src=x onerror=\"top.__xss='query';alert('query')\">",  # the query itself, too
])
def test_search_results_show_hostile_titles_as_text(tab: Tab, base_url: str,
                                                    query: str) -> None:
    tab.open(base_url + f"search/?q={quote(query)}")
    tab.page.wait_for_selector(RESULT_LINK, timeout=10_000)
    more = tab.page.locator("#search-more")
    for _ in range(10):  # every result, not only the first page of them
        if not more.is_visible():
            break
        shown = tab.page.locator(RESULT_LINK).count()
        more.first.click()
        tab.page.wait_for_function(f"document.querySelectorAll('{RESULT_LINK}').length > {shown}",
                                   timeout=10_000)
    tab.page.wait_for_timeout(500)  # results and excerpts arrive progressively
    found = tab.page.evaluate(INSPECT)
    assert found["xss"] is None and not tab.dialogs, (found["xss"], tab.dialogs)
    assert not found["handlers"] and not found["urls"], found
    titles = tab.page.eval_on_selector_all(RESULT_LINK, "els => els.map(e => e.innerText)")
    assert any("<" in t for t in titles), titles  # the payloads are there, as text
    assert not tab.errors, tab.errors


def _searched(tab: Tab) -> dict[str, Any]:
    tab.page.wait_for_function(
        """() => { const r = document.getElementById("search");
             return r.hasAttribute("data-ready") && !r.hasAttribute("aria-busy"); }""",
        timeout=15_000)
    tab.page.wait_for_timeout(300)  # broken images report their errors after load
    return tab.page.evaluate(INSPECT)


def test_search_filters_show_hostile_names_as_exactly_their_text(
        tab: Tab, base_url: str, site: HostileSite) -> None:
    """Filter values come from the index: actor, topic and source names must read as
    the very text the registry and the articles give, and run nothing."""
    tab.open(base_url + "search/?q=paragraph")
    found = _searched(tab)
    shown = set(tab.page.eval_on_selector_all(
        "#search-facets .facet-name", "els => els.map(e => e.textContent)"))
    names = site_names(site)
    assert names <= shown, sorted(names - shown)
    assert found["xss"] is None and not tab.dialogs and not found["handlers"], found
    # The "find an actor" box narrows the list by the hostile names too.
    find = tab.page.locator("fieldset[data-facet=actor] input[type=search]")
    if find.count():
        find.fill("onerror")
        assert tab.page.evaluate("window.__xss") is None


def test_ticked_hostile_filters_and_query_stay_text(
        tab: Tab, base_url: str, site: HostileSite) -> None:
    """From the URL: a hostile query and hostile filter values, shown in the status,
    the active-filter buttons and the ticked boxes as their text."""
    content = site.root / "content"
    actor = yaml.safe_load((content / "actors.yml").read_text(encoding="utf-8"))[0]["name"]
    topic = yaml.safe_load((content / "topics.yml").read_text(encoding="utf-8"))[0]
    query = "<img src=x onerror=\"top.__xss='status';alert('status')\"> paragraph"
    tab.open(base_url + f"search/?q={quote(query)}&actor={quote(actor)}"
             f"&topic={quote(topic['name']['en'])}")
    found = _searched(tab)
    _assert_inert("search with hostile filters", found, tab)
    active = tab.page.eval_on_selector_all(
        "#search-active .active-value", "els => els.map(e => e.textContent)")
    assert sorted(active) == sorted([actor, topic["name"]["en"]]), active
    assert query.strip() in tab.page.inner_text("#search-status")
    ticked = tab.page.eval_on_selector_all(
        "#search-facets input:checked", "els => els.map(e => e.dataset.value)")
    assert sorted(ticked) == sorted(active)
    tab.page.click("#search-active button.active-filter")  # removing one runs nothing
    _assert_inert("after removing a hostile filter", _searched(tab), tab)
    assert not tab.errors, tab.errors


def test_suggested_hostile_names_stay_text(tab: Tab, base_url: str, site: HostileSite) -> None:
    """Names offered for a misspelt query come from the registries: shown as text."""
    tab.open(base_url + "search/?q=Aktro")  # near the Indonesian names "Aktor n …"
    found = _searched(tab)
    _assert_inert("suggestions", found, tab)
    offered = tab.page.eval_on_selector_all(
        "#search-suggest a", "els => els.map(e => e.textContent)")
    content = site.root / "content"
    names = {n for a in yaml.safe_load((content / "actors.yml").read_text(encoding="utf-8"))
             for n in a["names"].values()}
    assert offered and set(offered) <= names, offered


def site_names(site: HostileSite) -> set[str]:
    """Every actor, topic and source name of the hostile site, as its files give them."""
    content = site.root / "content"
    actors = yaml.safe_load((content / "actors.yml").read_text(encoding="utf-8"))
    topics = yaml.safe_load((content / "topics.yml").read_text(encoding="utf-8"))
    sources = {parse(p.read_text(encoding="utf-8"), p)[0]["source"]["name"]
               for p in (content / "articles").rglob("*.md")}
    return {a["name"] for a in actors} | {t["name"]["en"] for t in topics} | sources
