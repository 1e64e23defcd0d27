"""Text is text: what a feed entry, a text scrape or a JSON item says reaches the page as
those characters, never as Markdown or HTML markup (one escaper,
``sanitize.escape_markdown_text``, for every extractor)."""

from __future__ import annotations

import json
from html import escape
from xml.sax.saxutils import escape as xml_escape

import lxml.html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from digest.article import Article
from digest.extract import _json_articles
from digest.extract.feed import parse_feed
from digest.extract.text import extract_text
from digest.sanitize import escape_markdown_text
from digest.site.markdown import render

# Every ASCII punctuation mark, spaces and line breaks, letters and digits, and the
# quotes, dashes and scripts of the configured languages.
ALPHABET = ("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + "  \n\t\r" + "abcXYZ0189"
            + "éüñ«»‘’“”—–•·…" + "على" + "&;")
PUNCTUATED = st.text(alphabet=ALPHABET, min_size=1, max_size=60)
HOSTILE = [
    "# Not a heading and *not emphasis* and [a](b)",
    "*five*", "_five_", "**bold** __bold__ ~~gone~~ `code`", "<b>bold</b> <!-- hidden -->",
    "&copy; &amp; &#65; &#x41;", "[ref]: https://example.com", "![img](https://x.example/i)",
    "a  \nb", "a\\\nb", "|a|b|\n|-|-|\n|1|2|", "a\n===", "a\n---", "1. one\n2) two",
    "    indented code", "```\nfenced\n```", "> quoted", "- item\n+ item\n* item",
    "<https://example.com>", "https://example.com", "snake_case and _under_", "***",
]


def shown(html: str) -> tuple[str, set[str]]:
    """The text a reader sees, spaces collapsed, and the elements other than paragraphs."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return " ".join(root.text_content().split()), {e.tag for e in root.iter()} - {"div", "p"}


def plain(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=400, deadline=None, database=None)
@given(PUNCTUATED)
def test_the_escaper_renders_any_text_as_written(text: str) -> None:
    if not plain(text):
        return
    seen, markup = shown(render(escape_markdown_text(text)))
    assert seen == plain(text)
    assert not markup


def test_hostile_examples_render_as_written() -> None:
    for text in HOSTILE:
        seen, markup = shown(render(escape_markdown_text(text)))
        assert (seen, markup) == (plain(text), set()), text


def _rss(description: str) -> bytes:
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Wire</title><item><title>Entry</title>"
            f"<pubDate>Tue, 09 Jul 2024 07:02:00 GMT</pubDate>"
            f"<description>{description}</description></item></channel></rss>"
            ).encode()


def _atom_text(content: str) -> bytes:
    return ("<?xml version='1.0' encoding='utf-8'?>"
            "<feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>"
            "<id>urn:feed</id><updated>2024-07-09T07:02:00Z</updated><entry><title>Entry</title>"
            "<link href='https://wire.example/1'/>"
            "<id>urn:1</id><updated>2024-07-09T07:02:00Z</updated>"
            f"<content type='text'>{content}</content></entry></feed>").encode()


def _feed_body(data: bytes) -> str:
    [article] = [r for r in parse_feed(data, "feed.xml") if isinstance(r, Article)]
    return article.body


@settings(max_examples=150, deadline=None, database=None)
@given(PUNCTUATED)
@example(HOSTILE[0])
def test_a_feed_entry_shows_its_text_as_written(text: str) -> None:
    text = text.replace("\r", "")  # XML reads a carriage return as a line break
    if not plain(text):
        return
    # RSS descriptions are HTML: the entry's text escaped once for HTML, once for XML.
    for data in (_rss(xml_escape(escape(text, quote=False))), _atom_text(xml_escape(text))):
        seen, markup = shown(render(_feed_body(data)))
        assert seen == plain(text)
        assert not markup


def test_the_issue_example_in_a_feed() -> None:
    body = _feed_body(_rss(xml_escape(escape(HOSTILE[0]))))
    assert shown(render(body)) == (HOSTILE[0], set())


def test_entities_in_a_feed_description_are_characters() -> None:
    # "AT&amp;T" in an HTML description is "AT&T", shown as such.
    body = _feed_body(_rss(xml_escape("AT&amp;T &lt;3")))
    assert shown(render(body)) == ("AT&T <3", set())


@settings(max_examples=150, deadline=None, database=None)
@given(PUNCTUATED)
def test_a_json_items_text_shows_as_written(text: str) -> None:
    if not plain(text):
        return
    item = {"title": "Item", "text": text, "date": "2024-07-09"}
    [article] = list(_json_articles(json.dumps(item), "items.json"))
    assert isinstance(article, Article)
    assert shown(render(article.body)) == (plain(text), set())


def test_a_json_body_is_markdown_as_digest_extract_writes_it() -> None:
    item = {"title": "Item", "body": "Some *emphasis*.", "date": "2024-07-09"}
    [article] = list(_json_articles(json.dumps(item), "items.json"))
    assert isinstance(article, Article)
    assert shown(render(article.body))[1] == {"em"}


SCRAPE = """Home | World | Business

Harbour reopens after a *five* day closure

By Jane Holloway

The harbour reopened on Tuesday after a *five* day closure, the port said to reporters.

Ships offshore began to dock at noon; the port expects [normal] traffic by <Friday> & then.

# Crews worked through the night to clear the channel, a spokesperson for the port said.

1. Fishing boats were the first to return to their moorings, followed by the ferries.
"""


def test_a_text_scrape_shows_its_text_as_written() -> None:
    article = extract_text(SCRAPE, "harbour.txt")
    seen, markup = shown(render(article.body))
    assert not markup
    for line in SCRAPE.splitlines()[6:]:
        if line:
            assert line in seen
    assert "*five*" in seen
