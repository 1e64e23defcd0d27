"""Translation pages, compact listings and country names on the fixture site."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from test_site_build import FIXTURE, SETTINGS, TOML, page, text

from digest.config import load_config
from digest.site.build import BuildResult, build_site
from digest.site.languages import territory_name

BASE = "https://digest.example/"
ID_ARTICLE = "articles/pemimpin-hamas-dan-hizbullah-bertemu/"
EN_ARTICLE = "articles/lebanon-cabinet-deadlock/"  # translated into Indonesian by editors


@pytest.fixture
def site(fixture_site: BuildResult) -> BuildResult:
    return fixture_site


@pytest.fixture(scope="module")
def site_id(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The same content with Indonesian as the site's default interface language."""
    root = tmp_path_factory.mktemp("site-id")
    toml = TOML.format(content=FIXTURE).replace('default_language = "en"',
                                                'default_language = "id"')
    (root / "digest.toml").write_text(toml, encoding="utf-8")
    return build_site(load_config(root / "digest.toml"), settings_file=SETTINGS, search=False,
                      overrides={"DEFAULT_PAGINATION": 3, "DIGEST_HOME_MIN": 3})


def alternates(doc: lxml_html.HtmlElement) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href")
            for link in doc.cssselect("link[rel=alternate][hreflang]")}


def canonical(doc: lxml_html.HtmlElement) -> str:
    return doc.cssselect("link[rel=canonical]")[0].get("href")


def jsonld(doc: lxml_html.HtmlElement) -> dict:
    return json.loads(doc.cssselect("script[type='application/ld+json']")[0].text)


def test_translation_page_in_its_own_language(site: BuildResult) -> None:
    doc = page(site, f"/{ID_ARTICLE}en/")
    assert doc.get("lang") == "en"
    assert doc.cssselect("main")[0].get("lang") is None  # English is a site language
    h1 = doc.cssselect("h1")[0]
    assert text(h1) == "Hamas and Hezbollah leaders meet in Lebanon" and h1.get("lang") == "en"
    summary = doc.cssselect(".summary-box .summary:not(.original)")[0]
    assert "regional coordination" in text(summary)
    note = text(doc.cssselect(".translation-note")[0])
    assert "Machine translation" in note and "ctranslate2/opus-mt-id-en" in note
    original = doc.cssselect(".summary.original")[0]
    assert original.get("lang") == "id" and original.get("dir") == "ltr"
    assert "untuk membahas perlawanan" in text(original)
    back = doc.cssselect(f".read-original a[href='/{ID_ARTICLE}']")[0]
    assert text(back) == "Read the full original article in Indonesian"
    assert back.get("hreflang") == "id"
    # The article's metadata, in the interface language.
    footer = text(doc.cssselect(".article-footer")[0])
    assert "retrieved June 30, 2021" in footer and "Press TV, al-Manar" in footer
    assert doc.cssselect(".article-footer a[href='https://news.example/2021/06/29/hamas-hizbullah']")
    assert doc.cssselect(".chips a[href='/actors/ismail-haniyeh/']")
    assert doc.cssselect(".chips a[href='/topics/lebanon/']")
    assert text(doc.cssselect("time")[0]) == "June 29, 2021"


def test_editor_translation_into_indonesian_has_an_indonesian_interface(
        site: BuildResult) -> None:
    doc = page(site, f"/{EN_ARTICLE}id/")
    assert doc.get("lang") == "id"
    assert text(doc.cssselect("h1")[0]) == "Kebuntuan kabinet Lebanon berlanjut"
    assert text(doc.cssselect(".translation-note")[0]) == "Diterjemahkan oleh redaksi"
    assert text(doc.cssselect("#summary-h")[0]) == "Ringkasan"
    assert text(doc.cssselect("time")[0]) == "2 Juli 2021"
    assert "Terjemahan mesin" not in text(doc)
    assert text(doc.cssselect(".read-original a")[0]) == \
        "Baca artikel asli selengkapnya dalam bahasa Inggris"


def test_hreflang_alternates_are_reciprocal_with_self_canonicals(site: BuildResult) -> None:
    original = page(site, f"/{ID_ARTICLE}")
    translation = page(site, f"/{ID_ARTICLE}en/")
    expected = {"id": BASE + ID_ARTICLE, "en": BASE + ID_ARTICLE + "en/",
                "x-default": BASE + ID_ARTICLE}
    assert alternates(original) == expected
    assert alternates(translation) == expected
    assert canonical(original) == BASE + ID_ARTICLE
    assert canonical(translation) == BASE + ID_ARTICLE + "en/"


def test_original_links_to_its_translations(site: BuildResult) -> None:
    doc = page(site, f"/{ID_ARTICLE}")  # Indonesian page
    link = doc.cssselect(".read-in a")[0]
    # Labelled in the translation's language, for readers of that language.
    assert text(link) == "Read in English" and link.get("lang") == "en"
    assert link.get("href") == f"/{ID_ARTICLE}en/" and link.get("hreflang") == "en"
    english = page(site, f"/{EN_ARTICLE}")
    link = english.cssselect(".read-in a")[0]
    assert text(link) == "Baca dalam bahasa Indonesia" and link.get("lang") == "id"
    # A translation page does not link to itself.
    assert not page(site, f"/{EN_ARTICLE}id/").cssselect(".read-in")


def test_one_page_per_translation_only(site: BuildResult) -> None:
    pages = sorted(p.parent.relative_to(site.output / "articles").as_posix()
                   for p in (site.output / "articles").glob("*/*/index.html"))
    assert pages == ["gaza-ceasefire-talks/ar", "lebanon-cabinet-deadlock/id",
                     "liban-crise-economique/en", "liqa-haniyeh-nasrallah/en",
                     "pemimpin-hamas-dan-hizbullah-bertemu/en", "prabowo-anggaran-pertahanan/en"]


def test_listings_link_to_the_translation_in_their_language(site: BuildResult) -> None:
    home = page(site, "/")
    link = page(site, "/page/2/").cssselect("a[href='/articles/liban-crise-economique/en/']")[0]
    assert text(link) == "Lebanon sinks deeper into economic crisis"
    link = home.cssselect(".item-title a[href='/articles/prabowo-anggaran-pertahanan/en/']")[0]
    assert text(link) == "Prabowo presents the defence budget to parliament"
    assert link.get("lang") == "en"
    original = link.getparent().getnext().cssselect("small")[0]
    assert text(original) == "Prabowo paparkan anggaran pertahanan di DPR"
    assert original.get("lang") == "id"
    # An article in the listing's own language links to its own page.
    assert home.cssselect(".item-title a[href='/articles/gaza-ceasefire-talks/']")
    actor = page(site, "/actors/prabowo-subianto/")
    assert actor.cssselect(".item-title a[href='/articles/prabowo-anggaran-pertahanan/en/']")
    assert actor.cssselect(".item-title a[href='/articles/prabowo-lawatan-malaysia/']")


def test_listing_chips_stop_at_one_row_with_a_link_to_the_rest(site: BuildResult) -> None:
    topic = page(site, "/topics/israel-palestine/")
    more = topic.cssselect(f".chips li.more a[href='/{ID_ARTICLE}']")[0]
    chips = more.getparent().getparent().cssselect("li")
    assert [text(c) for c in chips] == ["Hamas", "Hezbollah", "Ismail Haniyeh", "+2 more"]
    # The article page shows every actor (in its own, Indonesian, interface).
    article = page(site, f"/{ID_ARTICLE}")
    assert len(article.cssselect(".article-footer .chips a[href^='/id/actors/']")) == 5


def test_listing_chips_more_in_indonesian(site_id: BuildResult) -> None:
    topic = page(site_id, "/topics/israel-palestine/")
    assert "+2 lainnya" in [text(li) for li in topic.cssselect(".chips li.more")]


def test_country_names_in_the_page_language(site: BuildResult, site_id: BuildResult) -> None:
    def country(doc: lxml_html.HtmlElement) -> str:
        # The actor's one-line profile under its name: kind · country · articles.
        return text(doc.cssselect("h1 + p.meta")[0]).split(" · ")[1]

    assert country(page(site, "/actors/hamas/")) == "Palestinian Territories"
    assert country(page(site_id, "/actors/hamas/")) == "Wilayah Palestina"
    assert country(page(site, "/actors/hezbollah/")) == "Lebanon"
    assert territory_name("us", "id") == "Amerika Serikat"
    assert territory_name("XX", "en") == "XX"  # unknown codes stay as written


def test_sitemap_lists_translations_with_alternates(site: BuildResult) -> None:
    tree = etree.parse(str(site.output / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "x": "http://www.w3.org/1999/xhtml"}
    entries = {u.findtext("s:loc", namespaces=ns): u for u in tree.findall("s:url", ns)}
    expected = {("id", BASE + ID_ARTICLE), ("en", BASE + ID_ARTICLE + "en/"),
                ("x-default", BASE + ID_ARTICLE)}
    for loc in (BASE + ID_ARTICLE, BASE + ID_ARTICLE + "en/"):
        links = {(x.get("hreflang"), x.get("href")) for x in entries[loc].findall("x:link", ns)}
        assert links == expected
    assert not entries[BASE + "articles/serangan-udara-gaza/"].findall("x:link", ns)


def test_jsonld_translation_of_work(site: BuildResult) -> None:
    data = jsonld(page(site, f"/{ID_ARTICLE}en/"))
    assert data["inLanguage"] == "en"
    assert data["headline"] == "Hamas and Hezbollah leaders meet in Lebanon"
    assert data["url"] == BASE + ID_ARTICLE + "en/"
    assert data["translationOfWork"]["url"] == BASE + ID_ARTICLE
    assert data["translationOfWork"]["inLanguage"] == "id"
    assert "translator" not in data  # a machine's
    original = jsonld(page(site, f"/{ID_ARTICLE}"))
    assert [t["url"] for t in original["workTranslation"]] == [BASE + ID_ARTICLE + "en/"]
    editors = jsonld(page(site, f"/{EN_ARTICLE}id/"))
    assert editors["translator"]["name"] == "Test Digest"


def _fragments(output: Path) -> dict[str, tuple[str, dict]]:
    """Pagefind's page records by URL: (index language, record)."""
    found = {}
    for path in (output / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(raw)
        found[record["url"]] = (path.name.split("_", 1)[0], record)
    return found


def test_translation_pages_are_indexed_in_their_own_language(site: BuildResult) -> None:
    records = _fragments(site.output)
    lang, record = records[f"/{ID_ARTICLE}en/"]
    assert lang == "en"
    assert record["meta"]["title"] == "Hamas and Hezbollah leaders meet in Lebanon"
    assert "regional coordination" in record["content"]
    # The original's text comes after the translation's, in its own marked part (a
    # search in English finds the article by any word of it, as this page).
    starts = {a["id"]: a["location"] for a in record["anchors"]}
    words = record["content"].split()
    assert "perlawanan" not in words[:starts["search-original"]]
    assert "perlawanan" in words[starts["search-original"]:starts["search-names"]]
    assert record["meta"]["original_lang"] == "id"
    assert record["meta"]["original_url"] == f"/{ID_ARTICLE}"
    assert "Hizbullah" in words[starts["search-names"]:]  # an alias of a tagged actor
    # The same filters as the original's, but another interface shows it.
    original = records[f"/{ID_ARTICLE}"][1]["filters"]
    assert {k: v for k, v in record["filters"].items() if k != "ui"} == {
        k: v for k, v in original.items() if k != "ui"}
    assert record["filters"]["ui"] == ["en"] and original["ui"] == ["id"]
    assert records[f"/{EN_ARTICLE}id/"][0] == "id"
    # No records outside the site's own pages.
    assert all((site.output / url.strip("/") / "index.html").is_file() for url in records)


def test_translation_into_a_language_the_interface_lacks(site: BuildResult) -> None:
    doc = page(site, "/articles/gaza-ceasefire-talks/ar/")
    assert doc.get("lang") == "ar"
    main = doc.cssselect("main")[0]
    assert main.get("lang") == "en"  # the site's default interface, marked as such
    h1 = doc.cssselect("h1")[0]
    assert h1.get("lang") == "ar" and h1.get("dir") == "rtl"
    summary = doc.cssselect(".summary-box .summary:not(.original)")[0]
    assert summary.get("lang") == "ar" and summary.get("dir") == "rtl"
    assert text(doc.cssselect("#summary-h")[0]) == "Summary"
    # The English original labels its Arabic version in English: no Arabic catalog.
    link = page(site, "/articles/gaza-ceasefire-talks/").cssselect(".read-in a")[0]
    assert text(link) == "Read in Arabic" and link.get("lang") == "en"
