"""Interface languages on the built fixture site: a home and listings per site language,
one language per page, the switcher, listings in the page's language; Arabic right to
left on a digest that lists it; outlets, the article line and the actor page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html
from test_site_build import FIXTURE, SETTINGS, TOML, page, text

from digest.config import load_config
from digest.site.build import BuildResult, build_site

LISTINGS = ["", "page/2/", "topics/", "actors/", "archive/", "search/", "topics/lebanon/",
            "actors/hamas/", "sources/example-wire/", "stories/2021-06-hamas-hezbollah/"]
NO_OUTLET = "no-outlet-named"


@pytest.fixture
def site(fixture_site: BuildResult) -> BuildResult:
    return fixture_site


@pytest.fixture(scope="module")
def site_ar(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The fixture content, plus an article whose page names no outlet, on a digest whose
    interface languages include Arabic."""
    root = tmp_path_factory.mktemp("site-ar")
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    (content / "articles" / "2021" / f"{NO_OUTLET}.md").write_text(
        "---\ntitle: A page that names no outlet\ndate: 2021-06-10\nlang: en\n"
        "source:\n  retrieved: 2021-06-11T08:00:00Z\ntopics: [lebanon]\nactors: [lebanon, hamas]\n"
        "summary: Nobody said who published this.\nstatus: published\n---\n\nText.\n",
        encoding="utf-8")
    toml = TOML.format(content=content).replace('site_languages = ["en", "id"]',
                                                'site_languages = ["en", "id", "ar"]')
    (root / "digest.toml").write_text(toml, encoding="utf-8")
    return build_site(load_config(root / "digest.toml"), settings_file=SETTINGS, search=False,
                      overrides={"DEFAULT_PAGINATION": 3, "DIGEST_HOME_MIN": 3})


def switcher(doc: lxml_html.HtmlElement) -> dict[str, str]:
    return {a.get("hreflang"): a.get("href") for a in doc.cssselect("nav.languages a")}


def chrome_langs(doc: lxml_html.HtmlElement) -> set[str | None]:
    """The language of the interface parts: the skip link, header, main and footer."""
    root = doc.get("lang")
    return {el.get("lang", root) for el in doc.cssselect(
        "body > .skip, body > header, body > main, body > footer")}


@pytest.mark.parametrize("url", LISTINGS)
def test_every_listing_exists_in_each_interface_language(site: BuildResult, url: str) -> None:
    english, indonesian = page(site, f"/{url}"), page(site, f"/id/{url}")
    assert english.get("lang") == "en" and indonesian.get("lang") == "id"
    assert chrome_langs(indonesian) == {"id"}
    # The two name each other, reciprocally.
    assert switcher(english) == {"id": f"/id/{url}"}
    assert switcher(indonesian) == {"en": f"/{url}"}
    alternates = {link.get("hreflang"): link.get("href")
                  for link in indonesian.cssselect("link[rel=alternate][hreflang]")}
    assert alternates == {"en": f"https://digest.example/{url}",
                          "id": f"https://digest.example/id/{url}"}


def test_an_indonesian_page_speaks_indonesian_throughout(site: BuildResult) -> None:
    doc = page(site, "/id/topics/")
    nav = [text(a) for a in doc.cssselect("header nav[aria-label=Utama] a")]
    assert nav == ["Topik", "Aktor", "Arsip", "Cari"]
    assert [a.get("href") for a in doc.cssselect("header nav[aria-label=Utama] a")] == [
        "/id/topics/", "/id/actors/", "/id/archive/", "/id/search/"]
    footer = text(doc.cssselect("body > footer")[0])
    assert "A test digest." not in footer  # the English description stays on English pages
    assert "Umpan Atom" in footer
    assert doc.cssselect("a.brand")[0].get("href") == "/id/"
    article = page(site, "/articles/prabowo-anggaran-pertahanan/")
    assert chrome_langs(article) == {"id"}
    assert "Umpan Atom" in text(article.cssselect("body > footer")[0])


def test_article_switcher_goes_to_its_version_or_that_language_home(site: BuildResult) -> None:
    # Indonesian original with an English translation: each links to the other.
    assert switcher(page(site, "/articles/pemimpin-hamas-dan-hizbullah-bertemu/")) == {
        "en": "/articles/pemimpin-hamas-dan-hizbullah-bertemu/en/"}
    assert switcher(page(site, "/articles/pemimpin-hamas-dan-hizbullah-bertemu/en/")) == {
        "id": "/articles/pemimpin-hamas-dan-hizbullah-bertemu/"}
    # An English article with no Indonesian version: the Indonesian home, said so.
    doc = page(site, "/articles/gaza-ceasefire-talks/")
    assert switcher(doc) == {"id": "/id/"}
    assert doc.cssselect("nav.languages a")[0].get("title") == "Beranda"


def items_by_title(doc: lxml_html.HtmlElement) -> dict[str, lxml_html.HtmlElement]:
    return {text(li.cssselect(".item-title a")[0]): li for li in doc.cssselect(".item")}


def test_listings_show_titles_in_the_page_language(site: BuildResult) -> None:
    # Translated by the editors into Indonesian: listed in Indonesian, the original below.
    # (Hassan Diab's page lists it first; on the topic page it is part of a story.)
    translated = items_by_title(page(site, "/id/actors/hassan-diab/"))[
        "Kebuntuan kabinet Lebanon berlanjut"]
    assert translated.cssselect(".item-title a")[0].get("lang") == "id"
    assert text(translated.cssselect(".original-title")[0]) == \
        "Lebanon's cabinet deadlock drags on"
    assert not translated.cssselect(".pending")
    # Not translated yet: the original, marked with its language, and "pending".
    french = items_by_title(page(site, "/id/topics/lebanon/"))[
        "Le Liban s'enfonce dans la crise économique"]
    assert french.cssselect(".item-title a")[0].get("lang") == "fr"
    assert text(french.cssselect(".label.pending")[0]) == "Terjemahan menyusul"
    # In English the same French article has its English translation: nothing pending.
    english = page(site, "/topics/lebanon/")
    assert "Lebanon sinks deeper into economic crisis" in text(english)
    assert not [li for li in english.cssselect(".item")
                if "economic crisis" in text(li) and li.cssselect(".pending")]


def test_an_article_page_marks_a_missing_translation(site: BuildResult) -> None:
    # Malay, not translated: the English interface says a translation is still to come.
    doc = page(site, "/articles/prabowo-lawatan-malaysia/")
    assert text(doc.cssselect("article header .meta .pending")[0]) == "Translation pending"
    # French with an English translation, and an English article: nothing pending.
    assert not page(site, "/articles/liban-crise-economique/").cssselect(".pending")
    assert not page(site, "/articles/gaza-ceasefire-talks/").cssselect(".pending")


def test_arabic_interface_is_right_to_left(site_ar: BuildResult) -> None:
    doc = page(site_ar, "/ar/")
    assert (doc.get("lang"), doc.get("dir")) == ("ar", "rtl")
    assert chrome_langs(doc) == {"ar"}
    assert [text(a) for a in doc.cssselect("header nav[aria-label=الرئيسية] a")] == [
        "المواضيع", "الفاعلون", "الأرشيف", "بحث"]
    assert switcher(doc) == {"en": "/", "id": "/id/"}
    assert switcher(page(site_ar, "/"))["ar"] == "/ar/"
    labels = {a.get("hreflang"): text(a) for a in page(site_ar, "/").cssselect(
        "nav.languages a")}
    assert labels == {"id": "Indonesia", "ar": "العربية"}  # each in its own language
    # The Arabic translation of an English article now has an Arabic interface.
    tr = page(site_ar, "/articles/gaza-ceasefire-talks/ar/")
    assert (tr.get("lang"), tr.get("dir")) == ("ar", "rtl") and chrome_langs(tr) == {"ar"}
    assert switcher(page(site_ar, "/articles/gaza-ceasefire-talks/"))["ar"] == \
        "/articles/gaza-ceasefire-talks/ar/"
    css = (site_ar.output / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    assert not [w for w in ("left", "right") if f"-{w}" in css or f": {w}" in css]


def test_every_article_names_its_outlet_or_says_none_is_named(site_ar: BuildResult) -> None:
    doc = page(site_ar, f"/articles/{NO_OUTLET}/")
    line = text(doc.cssselect("article header .meta")[0])
    assert "Outlet not named" in line and "retrieved June 11, 2021" in line
    assert "Outlet not named" in text(doc.cssselect(".article-footer")[0])
    named = page(site_ar, "/articles/gaza-ceasefire-talks/")
    outlet = named.cssselect("article header .meta a")[0]
    assert (text(outlet), outlet.get("href")) == ("Example Wire", "/sources/example-wire/")
    assert "1 min read" in text(named.cssselect("article header .meta")[0])


def test_outlet_pages_list_their_articles(site: BuildResult) -> None:
    doc = page(site, "/sources/example-wire/")
    assert text(doc.cssselect("h1")[0]) == "Example Wire"
    assert "4 articles" in text(doc.cssselect("h1 + p.meta")[0])
    assert len(doc.cssselect(".item")) == 3  # paginated like every listing
    assert page(site, "/sources/example-wire/page/2/").cssselect(".item")
    indonesian = page(site, "/id/sources/contoh-berita/")
    assert indonesian.get("lang") == "id" and "3 artikel" in text(indonesian)


def test_via_names_link_to_their_actor_pages(site: BuildResult) -> None:
    doc = page(site, "/articles/pemimpin-hamas-dan-hizbullah-bertemu/")
    via = doc.cssselect(".article-footer dt")
    dd = next(d.getnext() for d in via if text(d) == "Melalui")
    assert [(text(a), a.get("href")) for a in dd.cssselect("a")] == [
        ("Press TV", "/id/actors/press-tv/")]
    assert "al-Manar" in text(dd)  # not an actor with a page: plain text


def test_share_link_works_without_script(site: BuildResult) -> None:
    doc = page(site, "/articles/gaza-ceasefire-talks/")
    link = doc.cssselect("a.share-link")[0]
    assert link.get("href") == "https://digest.example/articles/gaza-ceasefire-talks/"
    assert doc.cssselect(".share [role=status]")
    assert "/theme/js/share.js" in [s.get("src") for s in doc.cssselect("script")]


def test_actor_timeline_links_to_its_own_articles(site: BuildResult) -> None:
    first = page(site, "/actors/hamas/")
    links = [a.get("href") for a in first.cssselect(".timeline a")]
    assert links == ["/actors/hamas/#m-2021-07", "/actors/hamas/#m-2021-06"]
    for href in links:
        assert first.cssselect(f"li.item#{href.split('#')[1]}")
    assert [a.get("href") for a in page(site, "/id/actors/hamas/").cssselect(".timeline a")] \
        == ["/id/actors/hamas/#m-2021-07", "/id/actors/hamas/#m-2021-06"]


def test_actor_page_two_has_its_own_title_and_no_profile(site_ar: BuildResult) -> None:
    # Four listed entries for Hamas there (a story of three counts once), three a page.
    first, second = page(site_ar, "/actors/hamas/"), page(site_ar, "/actors/hamas/page/2/")
    assert text(first.cssselect("title")[0]) == "Hamas · Test Digest"
    assert text(second.cssselect("title")[0]) == "Hamas — page 2 · Test Digest"
    assert first.cssselect("#profile-h") and first.cssselect("#related-h")
    assert not second.cssselect("#profile-h, #related-h, .lead")
    # Articles come before the profile in the page.
    body = lxml_html.tostring(first, encoding="unicode")
    assert body.index('id="articles-h"') < body.index('id="profile-h"')


def test_topic_and_actor_of_the_same_name_link_to_each_other(site: BuildResult) -> None:
    topic = page(site, "/topics/lebanon/")
    assert topic.cssselect("h1 + p.meta a[href='/actors/lebanon/']")
    actor = page(site, "/actors/lebanon/")
    assert actor.cssselect("h1 + p.meta a[href='/topics/lebanon/']")
    assert page(site, "/id/topics/lebanon/").cssselect("a[href='/id/actors/lebanon/']")
    assert not page(site, "/topics/israel-palestine/").cssselect("h1 + p.meta a")


def test_sitemap_lists_every_interface_language(site: BuildResult) -> None:
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    for url in ("id/", "id/topics/lebanon/", "sources/example-wire/", "id/sources/example-wire/"):
        assert f"<loc>https://digest.example/{url}</loc>" in sitemap


def test_output_has_no_page_outside_the_interface_prefixes(site: BuildResult) -> None:
    tops = {p.name for p in Path(site.output).iterdir() if p.is_dir()}
    assert tops == {"actors", "archive", "articles", "feeds", "id", "page", "pagefind",
                    "search", "sources", "stories", "theme", "topics"}
