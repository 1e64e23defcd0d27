"""Only absolute http(s) URLs are stored or linked: at ingest (feeds, JSON, page
metadata, ``--source-url``) and on pages (the ``safe_url`` filter, JSON-LD)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import lxml.html
import pytest
from jinja2 import Environment, FileSystemLoader

from digest.article import Article
from digest.cli import main
from digest.extract.feed import parse_feed
from digest.extract.html.meta import page_meta
from digest.site import templating
from digest.site.i18n import Catalogs
from digest.site.jsonld import news_article
from digest.site.settings import SiteSettings
from digest.store.article_file import read_article
from digest.urls import encode_url, linkable, storable_url

THEME = Path(__file__).resolve().parents[1] / "theme" / "templates"
# Spellings browsers read as script-running or data schemes.
HOSTILE = [
    "javascript:window.__xss=1",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "/relative/path",
    "http://",
    "http://[::1",
    "https://ok.example/\"onmouseover=\"alert(1)",
]


# --- the rule and its encoding --------------------------------------------------------

@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_refused_with_a_one_line_reason(value: str) -> None:
    url, reason = storable_url(value, "source URL")
    assert url is None and linkable(value) is None
    assert reason is not None and reason.startswith("source URL ")
    assert "\n" not in reason and "\t" not in reason


@pytest.mark.parametrize(("value", "stored"), [
    ("https://news.example/a b/c", "https://news.example/a%20b/c"),
    ("https://news.example/berita/pemilu-2024?q=jalan raya#bag 2",
     "https://news.example/berita/pemilu-2024?q=jalan%20raya#bag%202"),
    ("https://news.example/élection/à-genève", "https://news.example/%C3%A9lection/%C3%A0-gen%C3%A8ve"),
    ("http://bücher.example/x", "http://xn--bcher-kva.example/x"),
    ("  https://news.example/already%20encoded  ", "https://news.example/already%20encoded"),
    ("HTTPS://News.Example/Case", "HTTPS://News.Example/Case"),
])
def test_spaces_and_non_ascii_are_percent_encoded_not_refused(value: str, stored: str) -> None:
    assert encode_url(value) == stored
    assert storable_url(value) == (stored, None)
    assert linkable(value) == stored


# --- ingest: one line per refused entry, the batch goes on ----------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Hostile Wire</title><link>https://wire.example/</link><language>en</language>
<item><title>Ministers agree on a new budget for the coastal towns</title>
  <link>https://wire.example/budget coastal/é</link>
  <media:content url="javascript:alert('image')" medium="image"/>
  <pubDate>Tue, 09 Jul 2024 10:00:00 GMT</pubDate>
  <description>The ministers agreed on Tuesday on a new budget for the coastal towns after
  a long night of talks in the capital.</description></item>
<item><title>A scripted link that must not be stored anywhere</title>
  <link>javascript:window.__xss='rss'</link>
  <pubDate>Tue, 09 Jul 2024 11:00:00 GMT</pubDate>
  <description>This entry links to script and is refused at ingest with one line.</description>
</item>
<item><title>A data link that must not be stored either</title>
  <link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link>
  <pubDate>Tue, 09 Jul 2024 12:00:00 GMT</pubDate>
  <description>This entry links to a data URL and is refused at ingest.</description>
</item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>Hostile Atom</title><id>urn:x-hostile</id><updated>2024-07-10T10:00:00Z</updated>
<entry><title>Scripted Atom link refused at the door</title>
  <link href="  JaVaScRiPt:window.__xss='atom'"/><id>urn:x-1</id>
  <updated>2024-07-10T09:00:00Z</updated>
  <summary>An Atom entry whose link runs script when clicked on the site.</summary></entry>
<entry><title>Harbour workers end their strike after two weeks</title>
  <link href="https://atom.example/harbour"/><id>urn:x-2</id>
  <link rel="enclosure" type="image/png" href="https://atom.example/harbour.png"/>
  <updated>2024-07-10T08:00:00Z</updated>
  <summary>The harbour workers ended their strike on Wednesday after two weeks of talks
  with the port authority.</summary></entry>
</feed>
"""


@pytest.fixture
def root(digest_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(digest_root)
    return digest_root


def _ingest(*args: str) -> int:
    return main(["ingest", "--lang", "en", *args])


def _articles(root: Path) -> list[Path]:
    return sorted((root / "content" / "articles").rglob("*.md"))


def _stored(root: Path) -> list[Article]:
    return [read_article(path)[0] for path in _articles(root)]


def test_feed_entries_with_script_links_are_skipped_and_the_rest_stored(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "wire.rss").write_text(RSS, encoding="utf-8")
    (root / "wire.atom").write_text(ATOM, encoding="utf-8")
    assert _ingest("wire.rss", "wire.atom") == 1
    out = capsys.readouterr().out.splitlines()
    skipped = [line for line in out if line.startswith("skipped")]
    assert skipped == [
        "skipped wire.rss entry 2: source URL \"javascript:window.__xss='rss'\" is not "
        "allowed: only http and https URLs are allowed (javascript:)",
        "skipped wire.rss entry 3: source URL 'data:text/html,<script>alert(1)</script>' is "
        "not allowed: URL contains '<'",
        "skipped wire.atom entry 1: source URL \"  JaVaScRiPt:window.__xss='atom'\" is not "
        "allowed: only http and https URLs are allowed (javascript:)",
    ]
    assert sum(line.startswith("created ") for line in out) == 2
    stored = {a.title: a for a in _stored(root)}
    budget = stored["Ministers agree on a new budget for the coastal towns"]
    assert budget.source.url == "https://wire.example/budget%20coastal/%C3%A9"
    assert budget.image is None  # the javascript: image is dropped, the article kept
    harbour = stored["Harbour workers end their strike after two weeks"]
    assert harbour.source.url == "https://atom.example/harbour"
    assert harbour.image == "https://atom.example/harbour.png"
    every_file = "".join(p.read_text(encoding="utf-8") for p in _articles(root)).lower()
    assert "javascript" not in every_file and "data:" not in every_file


def test_parse_feed_reports_each_refused_entry() -> None:
    results = list(parse_feed(RSS.encode(), "wire.rss"))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Failure"]


def test_json_records_with_bad_urls_are_skipped_and_bad_images_dropped(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "A long enough body for the article, written in plain English words."
    records = [
        {"title": "Scripted url", "body": body, "date": "2024-07-08",
         "url": "javascript:window.__xss='json'"},
        {"title": "Scripted source url", "body": body, "date": "2024-07-08",
         "source": {"name": "X", "url": "vbscript:msgbox(1)"}},
        {"title": "A fine record with a hostile image", "body": body, "date": "2024-07-08",
         "url": "https://json.example/fine record", "image": "javascript:alert(1)"},
        {"title": "A fine record with a fine image", "date": "2024-07-08",
         "body": "Another body, about something else entirely, in plain English words.",
         "url": "https://json.example/fine-image", "image": "https://json.example/a b.jpg"},
    ]
    (root / "records.json").write_text(json.dumps(records), encoding="utf-8")
    assert _ingest("records.json") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("skipped records.json item 1: source URL \"javascript:window.__xss='json'\""
                      " is not allowed: only http and https URLs are allowed (javascript:)")
    assert out[1] == ("skipped records.json item 2: source URL 'vbscript:msgbox(1)' is not "
                      "allowed: only http and https URLs are allowed (vbscript:)")
    assert [line.split()[0] for line in out[2:]] == ["created", "created"]
    stored = {a.title: a for a in _stored(root)}
    hostile_image = stored["A fine record with a hostile image"]
    assert hostile_image.source.url == "https://json.example/fine%20record"
    assert hostile_image.image is None
    assert stored["A fine record with a fine image"].image == "https://json.example/a%20b.jpg"


@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:,x", "/just/a/path"])
def test_a_bad_source_url_option_stops_before_anything_is_read(
        root: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    text = root / "a.txt"
    text.write_text("Some text.", encoding="utf-8")
    assert _ingest("--source-url", value, "--date", "2024-07-08", str(text)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"digest: --source-url: {value!r} is not allowed")
    assert _articles(root) == []


def test_source_url_option_is_encoded_and_fills_a_gap(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"title": "Gap filled by the option", "date": "2024-07-08",
                "body": "A body long enough for an article written in plain English."}]
    path = root / "one.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert _ingest("--source-url", "https://opt.example/ä b", str(path)) == 0
    (article,) = _stored(root)
    assert article.source.url == "https://opt.example/%C3%A4%20b"


# --- page metadata --------------------------------------------------------------------

def _page(head: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")


def test_page_metadata_never_yields_script_urls() -> None:
    meta = page_meta(_page(
        '<link rel="canonical" href="javascript:alert(1)">'
        '<meta property="og:url" content="data:text/html,x">'
        '<meta property="og:image" content="javascript:alert(2)">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "url": "vbscript:x",'
        ' "image": "javascript:alert(3)"}</script>'), "https://fetched.example/page")
    assert meta.url == "https://fetched.example/page"
    assert meta.image is None


def test_page_metadata_urls_are_encoded() -> None:
    meta = page_meta(_page(
        '<link rel="canonical" href="https://site.example/berita/jalan raya">'
        '<meta property="og:image" content="/img/foto é.jpg">'), None)
    assert meta.url == "https://site.example/berita/jalan%20raya"
    assert meta.image == "https://site.example/img/foto%20%C3%A9.jpg"


def test_page_without_any_safe_url_has_none() -> None:
    meta = page_meta(_page('<link rel="canonical" href="javascript:alert(1)">'), None)
    assert meta.url is None


# --- pages: whatever the content files say ---------------------------------------------

def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(THEME), autoescape=True)
    templating.install(env, Catalogs({}, "en"))
    return env


def _footer(source: dict[str, object]) -> str:
    env = _env()
    article = SimpleNamespace(source=source, via=[], actors=[], topics=[])
    return env.get_template("_article_footer.html").render(article=article, ui_lang="en")


@pytest.mark.parametrize("value", [*HOSTILE, ["https://a.example/"], {"u": 1}, 7])
def test_footer_prints_the_source_name_without_a_link_when_the_url_is_unsafe(
        value: object) -> None:
    html = _footer({"name": "Hostile Wire", "url": value})
    tree = lxml.html.fromstring(html)
    assert tree.xpath("//a") == []
    assert tree.xpath("string(//dd)").strip() == "Hostile Wire"


def test_footer_with_unsafe_url_and_no_name_says_no_outlet_is_named() -> None:
    tree = lxml.html.fromstring(_footer({"name": None, "url": "javascript:alert(1)"}))
    assert tree.xpath("//a") == []
    assert tree.xpath("string(//dd)").strip() == "Outlet not named"


def test_footer_links_a_safe_url() -> None:
    tree = lxml.html.fromstring(_footer({"name": "Wire", "url": "https://wire.example/a b"}))
    (link,) = tree.xpath("//a")
    assert link.get("href") == "https://wire.example/a%20b"
    assert link.text == "original page"
    assert tree.xpath("string(//dd)").startswith("Wire · original page")


@pytest.mark.parametrize("value", HOSTILE[:6])
def test_json_ld_has_no_unsafe_is_based_on(value: str) -> None:
    article = SimpleNamespace(
        url="articles/x/", title="T", lang="en", summary_text="S", translated={},
        date=SimpleNamespace(isoformat=lambda: "2024-07-08"), actors=[], topics=[],
        source={"name": "Wire", "url": value})
    data = news_article(article, "https://digest.example", "Digest")
    assert "isBasedOn" not in data
    article.source = {"name": "Wire", "url": "https://wire.example/é"}
    assert news_article(article, "https://digest.example", "Digest")["isBasedOn"] == (
        "https://wire.example/%C3%A9")


def test_listing_language_attributes_cannot_be_broken_out_of() -> None:
    """Listings build lang/dir attributes as one string: a hostile value stays inside."""
    item = SimpleNamespace(
        lang='en" onmouseover="top.__xss=1', dir='ltr" onfocus="x', translated={},
        url="articles/a/", title="T", date=dt.date(2024, 1, 1), source={"name": None},
        summary="<p>s</p>", actors=[], topics=[])
    html = _env().get_template("_items.html").render(
        items=[SimpleNamespace(article=item, story=None)], ui_lang="id", hx=2,
        digest_site=SiteSettings(), SITEURL="")
    tree = lxml.html.fromstring(html)
    assert not tree.xpath("//@onmouseover|//@onfocus")
    assert tree.xpath("//h2/a/@lang") == ['en" onmouseover="top.__xss=1']
