"""Stories in Debian's Chromium, on the fixture site: the story page, "More on this
story", the home page newest first across its pages, and phone widths."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_helpers import require_chromium

from digest.site.build import BuildResult

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STORY = "stories/2021-06-hamas-hezbollah/"


@pytest.fixture(scope="module")
def base_url(fixture_site: BuildResult) -> Iterator[str]:
    require_chromium()
    from tools.static_server import serve

    with serve(fixture_site.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    from tools.chromium import launch

    with launch() as b:
        yield b


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("console", lambda m: m.type == "error" and errors.append(m.text))
    p.on("pageerror", lambda e: errors.append(str(e)))
    yield p
    context.close()
    assert not errors, errors


def test_story_page_timeline_links_open_each_article(page: Any, base_url: str) -> None:
    page.goto(base_url + STORY)
    assert page.locator("h1").inner_text() == "Hamas and Hezbollah leaders meet in Beirut"
    actors = page.locator("#actors-h + ul a").all_inner_texts()
    assert {"Hamas", "Hezbollah", "Ismail Haniyeh", "Hassan Nasrallah"} <= set(actors)
    links = page.locator(".coverage-title a")
    titles = links.all_inner_texts()
    assert len(titles) == 3
    for i, title in enumerate(titles):
        page.goto(base_url + STORY)
        page.locator(".coverage-title a").nth(i).click()
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == title
    # An actor chip leads to the actor's page.
    page.goto(base_url + STORY)
    page.locator("#actors-h + ul a", has_text="Hezbollah").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/actors/hezbollah/")


def test_more_on_this_story_leads_to_the_other_articles_and_the_story(
        page: Any, base_url: str) -> None:
    page.goto(base_url + "articles/liqa-haniyeh-nasrallah/")
    more = page.locator(".story-more")
    assert more.locator("h2").inner_text() == "More on this story"
    assert more.locator("li").count() == 2
    assert "Example Wire" in more.inner_text()
    more.locator("li a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/articles/hamas-and-hezbollah-leaders-meet/")
    page.locator(".story-more p a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/" + STORY)


def test_home_is_newest_first_and_every_page_is_reachable(page: Any, base_url: str) -> None:
    page.goto(base_url)
    days: list[str] = []
    pages = 0
    while True:
        pages += 1
        days += page.locator(".item .meta time").evaluate_all(
            "els => els.map(e => e.getAttribute('datetime'))")
        older = page.locator("a[rel=next]")
        if not older.count():
            break
        older.click()
        page.wait_for_load_state("load")
    assert pages == 3
    assert days[0] == "2021-07-06"  # the newest article on the site comes first
    assert days == sorted(days, reverse=True)
    assert days[-1] == "2021-06-16"  # the oldest is reachable
    # The story line leads to the story page.
    page.goto(base_url + "page/2/")
    page.locator(".story-line a", has_text="in 3 languages").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/" + STORY)


@pytest.mark.parametrize("path", ["", STORY, "topics/israel-palestine/"])
def test_no_horizontal_scroll_on_a_phone(browser: Any, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        p = context.new_page()
        p.goto(base_url + path)
        assert p.evaluate("document.scrollingElement.scrollWidth") <= 375
        # The compact card: one row of chips, and the "+N more" link visible in it.
        rows = p.locator(".item .chips").evaluate_all(
            "els => els.map(e => [...e.children].map(c => c.getBoundingClientRect().top))")
        for tops in rows:
            assert len(set(tops)) <= 1, tops
        for more in p.locator(".item .chips .more a").all():
            assert more.is_visible()
    finally:
        context.close()
