"""The fixture site (tests/fixtures/site), built once for the module, page by page."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from lxml import html as lxml_html

from digest.config import load_config
from digest.site.build import BuildResult, build_site

FIXTURE = Path(__file__).parent / "fixtures" / "site"
GOLDEN = Path(__file__).parent / "golden"
SETTINGS = Path(__file__).resolve().parents[1] / "pelicanconf.py"
# DIGEST_UPDATE_GOLDEN=1 rewrites the expected files after a deliberate change.
UPDATE = os.environ.get("DIGEST_UPDATE_GOLDEN") == "1"
TOML = """\
[digest]
name = "Test Digest"
description = "A test digest."
languages = ["id", "ms", "en", "ar", "fr"]
site_languages = ["en", "id"]
default_language = "en"
site_url = "https://digest.example"
timezone = "UTC"
content = "{content}"
output = "out"
"""


def build(root: Path, search: bool = True) -> BuildResult:
    root.mkdir(parents=True, exist_ok=True)
    (root / "digest.toml").write_text(TOML.format(content=FIXTURE), encoding="utf-8")
    return build_site(load_config(root / "digest.toml"), settings_file=SETTINGS,
                      search=search, overrides={"DEFAULT_PAGINATION": 3, "DIGEST_HOME_MIN": 3})


@pytest.fixture
def site(fixture_site: BuildResult) -> BuildResult:
    return fixture_site


def page(site: BuildResult, url: str) -> lxml_html.HtmlElement:
    path = site.output / url.strip("/") / "index.html" if not url.endswith(".html") \
        else site.output / url
    return lxml_html.fromstring(path.read_bytes())


def text(el: lxml_html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def test_builds_published_articles_only(site: BuildResult) -> None:
    assert site.articles == 10
    built = sorted(p.name for p in (site.output / "articles").iterdir())
    assert "draft-not-built" not in built and "hidden-not-built" not in built
    assert "pemimpin-hamas-dan-hizbullah-bertemu" in built
    assert not (site.output / "drafts").exists()


def test_home_is_newest_first_with_the_topic_on_each_item(site: BuildResult) -> None:
    doc = page(site, "/")
    titles = [text(a) for a in doc.cssselect(".item-title a")]
    assert titles[0] == "Prabowo presents the defence budget to parliament"  # 2021-07-06
    days = [t.get("datetime") for t in doc.cssselect(".item .meta time")]
    assert days == sorted(days, reverse=True)
    topics = [text(a) for a in doc.cssselect(".item .meta a.topic")]
    assert topics[:2] == ["Indonesian politics", "Southeast Asia"]
    assert doc.cssselect("a[rel=next]")[0].get("href") == "/page/2/"
    form = doc.cssselect("form[role=search]")[0]
    assert form.get("action") == "/search/" and form.cssselect("label[for=q]")


def test_every_article_is_reachable_from_the_home_pages(site: BuildResult) -> None:
    """Each story once (with a line to its page), every other article on some page."""
    shown: list[str] = []
    url: str | None = "/"
    while url:
        doc = page(site, url)
        shown += [a.get("href") for a in doc.cssselect(".item-title a, .story-line a")]
        nxt = doc.cssselect("a[rel=next]")
        url = nxt[0].get("href") if nxt else None
    assert shown.count("/stories/2021-06-hamas-hezbollah/") == 1
    assert "/articles/hamas-and-hezbollah-leaders-meet/" in shown  # the first report
    assert "/articles/liqa-haniyeh-nasrallah/en/" not in shown  # inside the story
    assert "/articles/serangan-udara-gaza/" in shown  # the oldest, on the last page
    assert len(shown) == 10 - 3 + 2  # 10 articles, two stories (3 + 2) shown once each


def test_listings_are_paginated_with_directory_urls(site: BuildResult) -> None:
    first = page(site, "/")
    second = page(site, "/page/2/")
    assert first.cssselect("a[rel=next]")[0].get("href") == "/page/2/"
    assert second.cssselect("a[rel=prev]")[0].get("href") == "/"
    assert len(first.cssselect(".item")) == 3
    assert second.cssselect("link[rel=canonical]")[0].get("href") == \
        "https://digest.example/page/2/"


def test_topic_pages_list_each_story_once(site: BuildResult) -> None:
    lebanon = page(site, "/topics/lebanon/")
    assert "6 articles" in text(lebanon.cssselect("main .meta")[0])
    titles = [text(a) for a in lebanon.cssselect(".item-title a")]
    assert titles == ["Lebanon sinks deeper into economic crisis",
                      "Hamas and Hezbollah leaders meet in Beirut",
                      "A scraped page that still carries markup"]
    lines = [text(a) for a in lebanon.cssselect(".story-line a")]
    assert lines == ["1 more from Example Wire · in 2 languages",
                     "2 more from Contoh Berita, مثال الأخبار · in 3 languages"]
    topics = page(site, "/topics/")
    assert "Lebanon 6 articles" in text(topics)


def test_actor_index_and_profile(site: BuildResult) -> None:
    index = page(site, "/actors/")
    kinds = [text(h) for h in index.cssselect("main h2")]
    assert kinds == ["People", "Organizations", "States", "Media"]
    hamas = page(site, "/actors/hamas/")
    body = text(hamas.cssselect("main")[0])
    assert "Harakat al-Muqawama al-Islamiya" in body  # aliases
    related = [text(a) for a in hamas.cssselect("#related-h + ul a")]
    assert related[:2] == ["Hezbollah", "Ismail Haniyeh"]  # most co-occurrences first
    months = [text(a) for a in hamas.cssselect(".timeline a")]
    assert months == ["July 2021", "June 2021"]
    assert page(site, "/actors/ismail-haniyeh/").cssselect(".profile a[href='/actors/hamas/']")


def test_archive_groups_by_month_and_marks_languages(site: BuildResult) -> None:
    doc = page(site, "/archive/")
    assert [text(h) for h in doc.cssselect("main h2")] == ["July 2021 5", "June 2021 5"]
    assert not doc.cssselect("main h3")  # five a month: no week headings needed
    assert len(doc.cssselect("#m-2021-07 li")) == 5
    marks = [text(m) for m in doc.cssselect("#m-2021-07 .lang-mark")]
    assert marks == ["original in Indonesian", "Malay", "original in French"]


def test_article_page(site: BuildResult) -> None:
    doc = page(site, "/articles/pemimpin-hamas-dan-hizbullah-bertemu/")
    assert doc.get("lang") == "id"
    assert text(doc.cssselect("h1")[0]) == "Pemimpin Hamas dan Hizbullah Bertemu di Lebanon"
    source = doc.cssselect(".article-footer a[href='https://news.example/2021/06/29/hamas-hizbullah']")
    assert source and "diambil 30 Juni 2021" in text(doc.cssselect(".article-footer")[0])
    assert "Press TV, al-Manar" in text(doc.cssselect(".article-footer")[0])
    # An Indonesian page links to the Indonesian listings.
    assert doc.cssselect(".chips a[href='/id/actors/ismail-haniyeh/']")
    assert doc.cssselect(".chips a[href='/id/topics/israel-palestine/']")
    assert doc.cssselect("a[rel=prev]")[0].get("href") == "/articles/liqa-haniyeh-nasrallah/"
    assert doc.cssselect("link[rel=canonical]")[0].get("href") == \
        "https://digest.example/articles/pemimpin-hamas-dan-hizbullah-bertemu/"
    hreflangs = {link.get("hreflang") for link in doc.cssselect("link[rel=alternate][hreflang]")}
    assert hreflangs == {"id", "en", "x-default"}
    assert doc.cssselect("meta[property='og:title']")[0].get("content").startswith("Pemimpin")


def test_translation_shown_with_machine_label_beside_original(site: BuildResult) -> None:
    doc = page(site, "/articles/liqa-haniyeh-nasrallah/")  # Arabic: English interface
    assert doc.get("lang") == "ar"
    assert doc.cssselect("main")[0].get("lang") == "en"
    summary = doc.cssselect(".summary-box .summary")[0]
    assert summary.get("lang") == "en" and "Machine translation" in text(summary)
    original = doc.cssselect(".summary.original")[0]
    assert original.get("lang") == "ar" and original.get("dir") == "rtl"
    assert doc.cssselect(".prose")[0].get("dir") == "rtl"
    editor = page(site, "/articles/prabowo-anggaran-pertahanan/")
    assert "Diterjemahkan oleh redaksi" in text(editor.cssselect(".read-in")[0])


def test_indonesian_interface_and_babel_dates(site: BuildResult) -> None:
    doc = page(site, "/articles/prabowo-anggaran-pertahanan/")
    assert doc.get("lang") == "id" and doc.cssselect("main")[0].get("lang") is None
    assert text(doc.cssselect("time")[0]) == "6 Juli 2021"
    assert text(doc.cssselect("#summary-h")[0]) == "Ringkasan"
    assert text(doc.cssselect(".skip")[0]) == "Langsung ke konten"
    english = page(site, "/articles/gaza-ceasefire-talks/")
    assert text(english.cssselect("time")[0]) == "July 3, 2021"
    assert text(english.cssselect("#summary-h")[0]) == "Summary"


def test_hostile_markup_is_inert(site: BuildResult) -> None:
    doc = page(site, "/articles/scraped-page-with-markup/")
    scripts = doc.cssselect("script")
    # The page's own data and the theme's share button only.
    assert [(s.get("type"), s.get("src")) for s in scripts] == [
        ("application/ld+json", None), (None, "/theme/js/share.js")]
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert not [a for a in el.attrib if a.lower().startswith("on")], el.tag
        for attr in ("href", "src"):
            assert not (el.get(attr) or "").strip().lower().startswith(
                ("javascript:", "vbscript:", "data:")), el.get(attr)
    prose = text(doc.cssselect(".prose")[0])
    assert '<script>alert("xss")</script>' in prose  # shown as text
    assert "<img" not in "".join(lxml_html.tostring(e, encoding="unicode")
                                 for e in doc.cssselect(".prose img"))


def test_feeds_sitemap_robots(site: BuildResult) -> None:
    out = site.output
    for path in ("feeds/all.atom.xml", "feeds/topics/lebanon.atom.xml",
                 "feeds/actors/hamas.atom.xml", "feeds/lang/id.atom.xml"):
        assert (out / path).read_text(encoding="utf-8").startswith("<?xml")
    lang_feed = (out / "feeds/lang/id.atom.xml").read_text(encoding="utf-8")
    assert lang_feed.count("<entry ") == 3
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://digest.example/articles/gaza-ceasefire-talks/</loc>" in sitemap
    assert "draft-not-built" not in sitemap
    assert "Sitemap: https://digest.example/sitemap.xml" in (out / "robots.txt").read_text()
    assert (out / "404.html").is_file() and (out / "favicon.ico").is_file()


def test_search_index_languages_and_filters(site: BuildResult) -> None:
    entry = json.loads((site.output / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "id", "ar", "fr", "ms"}
    # English: 4 English articles + the pages of 4 English translations of other articles.
    assert entry["languages"]["en"]["page_count"] == 8
    filters = b"".join(gzip.decompress(p.read_bytes())
                       for p in (site.output / "pagefind" / "filter").iterdir())
    for value in (b"actor", b"topic", b"language", b"source", b"Prabowo Subianto",
                  b"Indonesian politics", b"Indonesian", b"Contoh Berita"):
        assert value in filters
    doc = page(site, "/search/")
    assert doc.cssselect("#search[data-bundle='/pagefind/']")
    assert [s.get("src") for s in doc.cssselect("script[src]")] == ["/theme/js/search.js"]
    assert doc.cssselect("label[for=search-q]") and doc.cssselect("input#search-q")
    assert doc.cssselect("noscript")
    names = json.loads((site.output / "search" / "names.json").read_text(encoding="utf-8"))
    assert ["Prabowo", "actors/prabowo-subianto/", "Prabowo Subianto"] in names


def test_only_articles_are_marked_for_indexing(site: BuildResult) -> None:
    assert not page(site, "/").cssselect("[data-pagefind-body]")
    doc = page(site, "/articles/prabowo-anggaran-pertahanan/")
    assert doc.cssselect("article[data-pagefind-body] h1[data-pagefind-meta=title]")
    translation = page(site, "/articles/prabowo-anggaran-pertahanan/en/")
    assert translation.cssselect("article[data-pagefind-body] h1[data-pagefind-meta=title]")
    assert doc.cssselect("[data-pagefind-sort='date[datetime]']")
    filters = {el.get("data-pagefind-filter") for el in doc.cssselect("[data-pagefind-filter]")}
    assert filters == {"source:Contoh Berita", "language:Indonesian", "actor:Prabowo Subianto",
                       "topic:Indonesian politics", "ui:id"}


def _normalise_json(raw: str) -> str:
    return json.dumps(json.loads(raw), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@pytest.mark.parametrize(("golden", "path"), [
    ("article.html", "articles/pemimpin-hamas-dan-hizbullah-bertemu/index.html"),
    ("actor.html", "actors/hamas/index.html"),
    ("all.atom.xml", "feeds/all.atom.xml"),
    ("article.jsonld.json", "articles/pemimpin-hamas-dan-hizbullah-bertemu/index.html"),
    ("translation.html", "articles/pemimpin-hamas-dan-hizbullah-bertemu/en/index.html"),
    ("translation.jsonld.json", "articles/pemimpin-hamas-dan-hizbullah-bertemu/en/index.html"),
])
def test_golden(site: BuildResult, golden: str, path: str) -> None:
    actual = (site.output / path).read_text(encoding="utf-8")
    if golden.endswith(".jsonld.json"):
        script = lxml_html.fromstring(actual).cssselect("script[type='application/ld+json']")[0]
        actual = _normalise_json(script.text)
    expected_path = GOLDEN / golden
    if UPDATE:
        old = expected_path.read_text(encoding="utf-8") if expected_path.is_file() else None
        expected_path.write_text(actual, encoding="utf-8")
        # Never green in the run that rewrites: the new file must be reviewed, then the
        # suite run again without DIGEST_UPDATE_GOLDEN.
        if old != actual:
            pytest.fail(f"rewrote {expected_path.name}: review the diff, run again without "
                        "DIGEST_UPDATE_GOLDEN")
        pytest.fail("DIGEST_UPDATE_GOLDEN is set: unset it to check the golden files")
    assert actual == expected_path.read_text(encoding="utf-8")


def test_two_builds_are_identical(site: BuildResult, tmp_path: Path) -> None:
    again = build(tmp_path / "again")

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in sorted(root.rglob("*")) if p.is_file()}

    first, second = files(site.output), files(again.output)
    # The search index too: Pagefind's own filter and metadata files are canonicalised
    # after it writes them (digest/site/search_canonical.py).
    assert any(k.startswith("pagefind/filter/") for k in first)
    assert sorted(first) == sorted(second)
    assert [k for k in sorted(first) if first[k] != second[k]] == []


def test_an_updated_article_shows_and_declares_its_update(site: BuildResult) -> None:
    doc = page(site, "/articles/gaza-ceasefire-talks/")
    assert "updated July 4, 2021" in text(doc.cssselect("article header .meta")[0])
    data = json.loads(doc.cssselect("script[type='application/ld+json']")[0].text)
    assert data["dateModified"].startswith("2021-07-04T09:15:00")
    assert data["datePublished"].startswith("2021-07-03")
    # An article without an update stamp says nothing of one.
    plain = page(site, "/articles/lebanon-cabinet-deadlock/")
    assert "updated" not in text(plain.cssselect("article header .meta")[0])
    assert "dateModified" not in plain.cssselect("script[type='application/ld+json']")[0].text
