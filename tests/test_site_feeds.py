"""The fixture site's feeds, parsed: one id per feed, each page advertising its own feed,
each entry in its own language, light topic and actor feeds."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from lxml import etree
from test_site_build import page, text

from digest.site.build import BuildResult

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASE = "https://digest.example/"


@pytest.fixture
def site(fixture_site: BuildResult) -> BuildResult:
    return fixture_site


def feeds(site: BuildResult) -> dict[str, etree._Element]:
    root = site.output / "feeds"
    return {p.relative_to(site.output).as_posix(): etree.parse(str(p)).getroot()
            for p in sorted(root.rglob("*.atom.xml"))}


def article_langs(site: BuildResult) -> dict[str, str]:
    """Article URL → the language its page declares."""
    found = {}
    for path in (site.output / "articles").glob("*/index.html"):
        url = f"{BASE}articles/{path.parent.name}/"
        found[url] = page(site, f"/articles/{path.parent.name}/").get("lang")
    return found


def test_every_feed_has_its_own_id_and_self_link(site: BuildResult) -> None:
    ids = {}
    for name, root in feeds(site).items():
        ids[name] = root.findtext(f"{ATOM}id")
        assert root.find(f"{ATOM}link[@rel='self']").get("href") == BASE + name
        assert not feedparser.parse((site.output / name).read_bytes()).bozo, name
    assert len(set(ids.values())) == len(ids) > 3


def test_each_entry_says_its_language(site: BuildResult) -> None:
    langs = article_langs(site)
    main = feeds(site)["feeds/all.atom.xml"]
    assert main.get(XML_LANG) == "en"  # the feed's own words (its title) are English
    seen = set()
    for entry in main.iter(f"{ATOM}entry"):
        href = entry.find(f"{ATOM}link").get("href")
        assert entry.get(XML_LANG) == langs[href], href
        seen.add(entry.get(XML_LANG))
    assert {"en", "id", "ar", "fr"} <= seen
    parsed = feedparser.parse((site.output / "feeds/all.atom.xml").read_bytes())
    assert {e.title_detail.language for e in parsed.entries} >= {"id", "ar"}


@pytest.mark.parametrize(("url", "feed"), [
    ("topics/lebanon/", "feeds/topics/lebanon.atom.xml"),
    ("actors/hamas/", "feeds/actors/hamas.atom.xml"),
    ("id/actors/hamas/", "feeds/actors/hamas.atom.xml"),
])
def test_topic_and_actor_pages_advertise_their_own_feed(site: BuildResult, url: str,
                                                        feed: str) -> None:
    doc = page(site, f"/{url}")
    advertised = [link.get("href") for link in doc.cssselect(
        "link[rel=alternate][type='application/atom+xml']")]
    assert advertised == [f"/{feed}"]
    follow = doc.cssselect("p.follow a")[0]
    assert follow.get("href") == f"/{feed}" and text(follow) in ("Follow", "Ikuti")
    root = feeds(site)[feed]
    # The feed points back at the page it follows.
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == \
        BASE + url.removeprefix("id/").split("page/")[0]


def test_homes_link_the_feed_of_their_language(site: BuildResult) -> None:
    home = page(site, "/id/")
    advertised = [link.get("href") for link in home.cssselect(
        "link[rel=alternate][type='application/atom+xml']")]
    assert advertised == ["/feeds/all.atom.xml", "/feeds/lang/id.atom.xml"]
    follow = [a.get("href") for a in home.cssselect("p.follow a")]
    assert follow == ["/feeds/all.atom.xml", "/feeds/lang/id.atom.xml"]
    lang_feed = feeds(site)["feeds/lang/id.atom.xml"]
    assert lang_feed.get(XML_LANG) == "id"
    assert lang_feed.find(f"{ATOM}link[@rel='alternate']").get("href") == BASE + "id/"
    english = page(site, "/")
    assert "/feeds/lang/en.atom.xml" in [a.get("href") for a in english.cssselect(
        "p.follow a")]


def test_topic_and_actor_feeds_carry_summaries_not_bodies(site: BuildResult) -> None:
    out = Path(site.output)
    full = (out / "feeds/all.atom.xml").read_text(encoding="utf-8")
    body_only = "Pertemuan ini adalah yang kedua tahun ini."  # in a body, not a summary
    assert body_only in full
    for name, root in feeds(site).items():
        if not name.startswith(("feeds/topics/", "feeds/actors/")):
            continue
        for entry in root.iter(f"{ATOM}entry"):
            assert entry.findtext(f"{ATOM}summary")
            body = entry.find(f"{ATOM}content")
            if body is not None:  # only to add the summary's translation into English
                assert 'lang="en"' in body.text and body_only not in body.text, name
    # Bodies only in the full feeds: the light ones are much smaller per entry.
    hamas = out / "feeds/actors/hamas.atom.xml"
    per_entry = hamas.stat().st_size / hamas.read_text(encoding="utf-8").count("<entry ")
    main = out / "feeds/all.atom.xml"
    assert per_entry < main.stat().st_size / full.count("<entry ")
    translated = feeds(site)["feeds/actors/ismail-haniyeh.atom.xml"]
    bodies = [e.findtext(f"{ATOM}content") or "" for e in translated.iter(f"{ATOM}entry")]
    assert any("regional coordination" in b for b in bodies)  # the English summary
