"""Every feed the site writes (all, per topic, per actor, per language) carries hostile
titles, summaries, source names, topic names and bodies as inert text: checked by
parsing the feeds (lxml, feedparser) and by rendering their entries in Chromium the way
a feed reader does (``innerHTML`` and an iframe ``srcdoc``), with scripting on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest
import yaml
from browser_helpers import require_chromium
from lxml import etree
from xss_site import HostileSite, build

from digest.site.markdown import plain
from digest.store.frontmatter import parse

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPTY = ("script", "iframe", "svg", "math", "style", "object", "embed", "noscript",
           "template", "form", "textarea", "xmp", "base", "meta", "link")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    return build(tmp_path_factory.mktemp("hostile-feeds"))


def _feeds(site: HostileSite) -> dict[str, Path]:
    root = site.output / "feeds"
    return {str(p.relative_to(root)): p for p in sorted(root.rglob("*.atom.xml"))}


def _front_matter(site: HostileSite) -> list[dict[str, Any]]:
    folder = site.root / "content" / "articles"
    return [parse(p.read_text(encoding="utf-8"), p)[0] for p in sorted(folder.rglob("*.md"))]


def test_every_feed_kind_is_written(site: HostileSite) -> None:
    names = set(_feeds(site))
    expected = {"all.atom.xml", "lang/en.atom.xml", "lang/id.atom.xml"}
    expected |= {f"topics/{t}.atom.xml" for t in site.topics}
    expected |= {f"actors/{a}.atom.xml" for a in site.actors}
    assert names == expected


def _text(el: etree._Element | None) -> str | None:
    return None if el is None else "".join(el.itertext())


def test_feeds_parse_and_every_field_is_inert(site: HostileSite) -> None:
    meta = _front_matter(site)
    titles = {m["title"] for m in meta}
    summaries = {plain(m["summary"]) for m in meta}
    sources = {m["source"]["name"] for m in meta}
    registry = yaml.safe_load((site.root / "content" / "topics.yml").read_text("utf-8"))
    topic_names = {t["name"]["en"] for t in registry}
    entries = 0
    for name, path in _feeds(site).items():
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False))  # strict XML
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{name}: {parsed.get('bozo_exception')}"
        for entry in tree.getroot().iter(f"{ATOM}entry"):
            entries += 1
            title = entry.find(f"{ATOM}title")
            assert title.get("type", "text") == "text"
            assert _text(title) in titles, name  # the title as text, exactly
            summary = entry.find(f"{ATOM}summary")
            assert summary.get("type") == "html"
            fragment = lxml.html.fragment_fromstring(_text(summary), create_parent="div")
            assert len(fragment) == 0, f"{name}: markup in a summary: {_text(summary)}"
            assert fragment.text_content() in summaries  # shown as the article's text
            body = entry.find(f"{ATOM}content")
            light = name.startswith(("topics/", "actors/"))
            # Topic and actor feeds carry summaries only: a body there is a translated summary.
            assert body is not None or light, name
            if body is not None:
                content = lxml.html.fragment_fromstring(_text(body), create_parent="div")
                assert not content.xpath("|".join(f"//{tag}" for tag in SCRIPTY)), name
                assert not content.xpath("//@*[starts-with(name(), 'on')]"), name
                for url in content.xpath("//@href|//@src"):
                    assert not url.strip().lower().startswith(("javascript:", "data:")), url
                shown = content.text_content()
                assert ("The paragraph after the hostile markup." in shown) != light, name
            assert _text(entry.find(f"{ATOM}author/{ATOM}name")) in sources
            for category in entry.iter(f"{ATOM}category"):
                assert category.get("term") in topic_names
    assert entries > len(meta)  # every article, in several feeds


# --- in Chromium, as a feed reader renders entries ------------------------------------

# A reader's rendering: text constructs as text, html ones as HTML, into the page (innerHTML)
# and into a document of their own (srcdoc). Resolves once every frame has loaded.
RENDER = """async (xml) => {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.querySelector("parsererror")) throw new Error("feed does not parse");
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const asHtml = (el) => !el ? "" :
    (el.getAttribute("type") === "html" ? el.textContent : esc(el.textContent));
  const frames = [];
  let shown = 0;
  for (const entry of doc.getElementsByTagName("entry")) {
    const part = (name) => entry.getElementsByTagName(name)[0];
    const cats = [...entry.getElementsByTagName("category")]
      .map((c) => "<li>" + esc(c.getAttribute("term")) + "</li>").join("");
    const html = "<article><h2>" + asHtml(part("title")) + "</h2><p>" +
      esc(part("name") ? part("name").textContent : "") + "</p><ul>" + cats + "</ul>" +
      "<div>" + asHtml(part("summary")) + "</div><div>" + asHtml(part("content")) +
      "</div></article>";
    const box = document.createElement("div");
    box.innerHTML = html;
    document.body.appendChild(box);
    const again = document.createElement("div");
    again.innerHTML = box.innerHTML;  // serialise and parse again: mutation XSS
    document.body.appendChild(again);
    const frame = document.createElement("iframe");
    frames.push(new Promise((ok) => { frame.onload = ok; }));
    frame.srcdoc = "<!doctype html><meta charset=utf-8><body>" + html;
    document.body.appendChild(frame);
    shown += 1;
  }
  await Promise.all(frames);
  // Broken images report errors after load: let them, then answer.
  await new Promise((ok) => setTimeout(ok, 300));
  return shown;
}"""
CHECK = """() => {
  const docs = [document, ...[...document.querySelectorAll("iframe")]
    .map((f) => f.contentDocument)];
  const live = docs.flatMap((d) => [...d.querySelectorAll("*")]).filter((el) =>
    [...el.attributes].some((a) => a.name.startsWith("on")) ||
    ["SCRIPT", "IFRAME"].includes(el.tagName) && el.ownerDocument !== document);
  return {xss: window.__xss ?? null, live: live.map((el) => el.outerHTML.slice(0, 120)),
          text: document.body.innerText.includes("onerror")};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    from tools.chromium import launch

    with launch() as b:
        yield b


def _rendered(browser: Any, xml: str) -> tuple[int, dict[str, Any], list[str]]:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.set_content("<!doctype html><meta charset=utf-8><body></body>")
        shown = page.evaluate(RENDER, xml)
        return shown, page.evaluate(CHECK), dialogs
    finally:
        context.close()


@pytest.mark.browser
def test_the_reader_rendering_does_catch_live_markup(browser: Any) -> None:
    """The harness sees script when a feed does carry it (the old unescaped summary)."""
    xml = ('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title>'
           '<summary type="html">&lt;img src=x onerror="top.__xss=\'control\';'
           'alert(1)"&gt;</summary></entry></feed>')
    shown, found, dialogs = _rendered(browser, xml)
    assert shown == 1
    assert found["xss"] == "control"
    assert dialogs


@pytest.mark.browser
def test_no_feed_entry_runs_script_in_a_reader(browser: Any, site: HostileSite) -> None:
    feeds = _feeds(site)
    for name, path in feeds.items():
        xml = path.read_text(encoding="utf-8")
        shown, found, dialogs = _rendered(browser, xml)
        assert shown == xml.count("<entry"), name
        assert found["text"], f"{name}: the hostile text is not shown"
        assert found["xss"] is None, f"{name}: script ran ({found['xss']})"
        assert not found["live"], f"{name}: live markup: {json.dumps(found['live'])}"
        assert not dialogs, f"{name}: dialogs {dialogs}"


def test_characters_xml_cannot_carry_are_left_out(tmp_path: Path) -> None:
    """A control character in a title or name must not break the feed (or the build)."""
    import datetime as dt
    from types import SimpleNamespace

    from digest.site.feeds import write_feed

    topic = SimpleNamespace(label=lambda lang: "Topic\x0c")
    item = SimpleNamespace(
        url="articles/a/", title="Vertical\x0btab \x01title", summary_text="Sum\x02mary",
        content="<p>Con\x03tent</p>", date=dt.datetime(2024, 7, 1, tzinfo=dt.UTC),
        source={"name": "Name\x04"}, topics=[topic])
    write_feed(tmp_path, "f.atom.xml", [item], title="Feed\x05", site_url="https://d.example",
               language="en", labels_lang="en", max_items=5)
    root = etree.parse(str(tmp_path / "f.atom.xml")).getroot()
    entry = root.find(f"{ATOM}entry")
    assert _text(root.find(f"{ATOM}title")) == "Feed"
    assert _text(entry.find(f"{ATOM}title")) == "Verticaltab title"
    assert _text(entry.find(f"{ATOM}summary")) == "Summary"
    assert _text(entry.find(f"{ATOM}content")) == "<p>Content</p>"
    assert _text(entry.find(f"{ATOM}author/{ATOM}name")) == "Name"
    assert entry.find(f"{ATOM}category").get("term") == "Topic"
