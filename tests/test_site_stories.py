"""Story pages, "More on this story", story feeds and JSON-LD on the fixture site; the
story groupings the listings use."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from lxml import etree
from test_site_build import page, text

from digest.site import groupings
from digest.site.build import BuildResult

STORY = "/stories/2021-06-hamas-hezbollah/"
BASE = "https://digest.example"


@pytest.fixture
def site(fixture_site: BuildResult) -> BuildResult:
    return fixture_site


def jsonld(doc: Any) -> dict[str, Any]:
    return json.loads(doc.cssselect("script[type='application/ld+json']")[0].text)


def test_story_page_headline_timeline_actors_outlets(site: BuildResult) -> None:
    doc = page(site, STORY)
    assert text(doc.cssselect("h1")[0]) == "Hamas and Hezbollah leaders meet in Beirut"
    assert text(doc.cssselect("main .meta")[0]) == \
        "3 articles · 3 outlets · in 3 languages · June 28, 2021 – June 30, 2021"
    rows = doc.cssselect(".coverage li")
    assert [r.cssselect("time")[0].get("datetime") for r in rows] == [
        "2021-06-28", "2021-06-29", "2021-06-30"]  # oldest first
    # Each entry links to the version in the reader's language, and to the original.
    hrefs = [a.get("href") for a in doc.cssselect(".coverage a")]
    assert hrefs == ["/articles/hamas-and-hezbollah-leaders-meet/",
                     "/articles/pemimpin-hamas-dan-hizbullah-bertemu/en/",
                     "/articles/pemimpin-hamas-dan-hizbullah-bertemu/",
                     "/articles/liqa-haniyeh-nasrallah/en/",
                     "/articles/liqa-haniyeh-nasrallah/"]
    for href in hrefs:
        assert (site.output / href.strip("/") / "index.html").is_file()
    assert "Arabic" in text(rows[2]) and "مثال الأخبار" in text(rows[2])
    actors = [a.get("href") for a in doc.cssselect("#actors-h + ul a")]
    assert actors[:2] == ["/actors/ismail-haniyeh/", "/actors/hamas/"]  # most tagged first
    assert "/actors/hassan-nasrallah/" in actors
    covered = text(doc.cssselect(".covered")[0])
    assert "Example Wire, Contoh Berita, مثال الأخبار" in covered
    assert "English, Indonesian, Arabic" in covered


def test_story_headline_comes_from_the_reader_language(site: BuildResult) -> None:
    # The Lebanon crisis story starts with a French report translated into English.
    doc = page(site, "/stories/2021-07-michel-aoun-lebanon/")
    h1 = doc.cssselect("h1")[0]
    assert text(h1) == "Lebanon sinks deeper into economic crisis" and h1.get("lang") == "en"


def test_story_page_in_each_interface_language(site: BuildResult) -> None:
    # The Indonesian page headlines the first report an Indonesian reader can read,
    # speaks Indonesian, and its links stay in the Indonesian interface.
    doc = page(site, f"/id{STORY}")
    assert doc.get("lang") == "id"
    h1 = doc.cssselect("h1")[0]
    assert text(h1) == "Pemimpin Hamas dan Hizbullah Bertemu di Lebanon" and h1.get("lang") == "id"
    assert text(doc.cssselect(".kicker")[0]) != "Story"
    assert all(a.get("href").startswith("/id/actors/")
               for a in doc.cssselect("#actors-h + ul a"))
    canonical = doc.cssselect("link[rel=canonical]")[0].get("href")
    assert canonical == f"{BASE}/id{STORY}"
    # An Indonesian article's "more on this story" leads to the Indonesian story page.
    article = page(site, "/articles/pemimpin-hamas-dan-hizbullah-bertemu/")
    assert article.cssselect(f"a[href='/id{STORY}']")
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}/id{STORY}</loc>" in sitemap


def test_story_feed_and_json_ld(site: BuildResult) -> None:
    doc = page(site, STORY)
    feed_link = doc.cssselect("link[type='application/atom+xml'][href*='/stories/']")[0]
    feed = site.output / feed_link.get("href").lstrip("/")
    atom = etree.parse(str(feed))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert len(atom.findall("a:entry", ns)) == 3
    assert atom.findtext("a:entry/a:title", namespaces=ns) == \
        "لقاء بين هنية ونصر الله في بيروت"  # newest first, as every feed
    data = jsonld(doc)
    assert data["@type"] == "ItemList" and data["numberOfItems"] == 3
    assert data["itemListElement"][0]["url"] == \
        f"{BASE}/articles/hamas-and-hezbollah-leaders-meet/"
    article = jsonld(page(site, "/articles/liqa-haniyeh-nasrallah/"))
    assert article["isPartOf"]["@id"] == f"{BASE}{STORY}"
    translation = jsonld(page(site, "/articles/liqa-haniyeh-nasrallah/en/"))
    assert translation["isPartOf"]["@id"] == f"{BASE}{STORY}"
    alone = jsonld(page(site, "/articles/serangan-udara-gaza/"))
    assert "isPartOf" not in alone


def test_a_story_of_one_article_has_no_page(site: BuildResult) -> None:
    built = {p.name for p in (site.output / "stories").iterdir()}
    assert built == {"2021-06-hamas-hezbollah", "2021-07-michel-aoun-lebanon"}
    doc = page(site, "/articles/serangan-udara-gaza/")  # alone in 2021-06-hamas-israel
    assert not doc.cssselect(".story-more")


def test_more_on_this_story_on_articles_and_translations(site: BuildResult) -> None:
    doc = page(site, "/articles/hamas-and-hezbollah-leaders-meet/")
    more = doc.cssselect(".story-more")[0]
    links = [a.get("href") for a in more.cssselect("li a")]
    # The other two, each in the page's language where translated into it.
    assert links == ["/articles/pemimpin-hamas-dan-hizbullah-bertemu/en/",
                     "/articles/liqa-haniyeh-nasrallah/en/"]
    assert "Contoh Berita" in text(more) and "Indonesian" in text(more)
    assert more.cssselect(f"a[href='{STORY}']")
    translation = page(site, "/articles/liqa-haniyeh-nasrallah/en/")
    links = [a.get("href") for a in translation.cssselect(".story-more li a")]
    assert links == ["/articles/hamas-and-hezbollah-leaders-meet/",
                     "/articles/pemimpin-hamas-dan-hizbullah-bertemu/en/"]


def test_sitemap_lists_story_pages(site: BuildResult) -> None:
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}{STORY}</loc><lastmod>2021-06-30</lastmod>" in sitemap


# --- groupings, without a build --------------------------------------------------------

@dataclass
class Fake:
    slug: str
    day: int
    story: str | None = None
    lang: str = "en"
    source: dict[str, str] = field(default_factory=dict)
    translated: dict[str, Any] = field(default_factory=dict)
    actors: list[Any] = field(default_factory=list)

    @property
    def date(self) -> dt.datetime:
        return dt.datetime(2027, 3, self.day)


def test_entries_show_each_story_once_at_its_newest_by_its_earliest() -> None:
    items = [Fake("d", 9, "s"), Fake("c", 8), Fake("b", 7, "s"), Fake("a", 6, "s"),
             Fake("z", 5, "alone")]
    stories = groupings.stories(items)
    assert list(stories) == ["s"]  # "alone" has one article: no story on the site
    assert [a.slug for a in stories["s"].articles] == ["a", "b", "d"]
    story_of = {a.slug: s for s in stories.values() for a in s.articles}
    listing = groupings.entries(items, story_of)
    assert [(e.article.slug, e.story.id if e.story else None) for e in listing] == [
        ("a", "s"), ("c", None), ("z", None)]
    assert [a.slug for a in listing[0].more] == ["b", "d"]
    # A listing holding part of a story shows its earliest member there.
    part = groupings.entries([items[0], items[2]], story_of)
    assert [e.article.slug for e in part] == ["b"] and len(part[0].more) == 2


def test_lead_in_a_language_prefers_an_article_readable_in_it() -> None:
    fr = Fake("fr", 1, "s", lang="fr")
    de = Fake("de", 2, "s", lang="de", translated={"en": "translation"})
    en = Fake("en", 3, "s")
    story = groupings.Story("s", [fr, de, en])
    assert story.lead_in("en") == (de, "translation")
    assert story.lead_in("fr") == (fr, None)
    assert story.lead_in("ar") == (fr, None)  # nothing readable: the first report


def test_story_days_are_the_calendar_days_its_articles_give() -> None:
    class Zoned(Fake):
        @property
        def date(self) -> dt.datetime:  # a later report dated on an earlier local day
            tz = dt.timezone(dt.timedelta(hours=-10 if self.slug == "late" else 7))
            return dt.datetime(2027, 3, self.day, 1, tzinfo=tz)

    story = groupings.Story("s", [Zoned("early", 2, "s"), Zoned("late", 1, "s")])
    assert story.days == (dt.date(2027, 3, 1), dt.date(2027, 3, 2))


def test_week_headings_only_for_a_long_month() -> None:
    def month(n: int) -> groupings.Month:
        return groupings._archive([Fake(f"a{i}", 28 - i % 28) for i in range(n)])[0]

    assert not month(groupings.WEEK_HEADINGS_FROM - 1).by_week
    assert month(groupings.WEEK_HEADINGS_FROM).by_week

