"""Related-link inserts in the page: "Baca juga: <a>…</a>", "Read more: <a>…</a>".

Outlets break the article with links to their other stories. In the DOM such an insert is
a short block whose text is mostly the text of its links and which is not a sentence:
that structure, not a list of phrases, finds them in any language. They are removed
before extraction, where trafilatura would otherwise keep the ones inside the text.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

# Blocks that can be an insert (and list items, judged by list), and what may not sit
# inside one (a block holding other blocks is a container, judged through its children).
INSERT_TAGS = ("p", "div", "td", "dd")
INNER_BLOCKS = ("p", "div", "td", "li", "ul", "ol", "dl", "table", "section", "article",
                "aside", "nav", "header", "footer", "blockquote", "figure", "form",
                "h1", "h2", "h3", "h4", "h5", "h6")
# An insert is at most this long (a label and a headline), its links carry at least
# LINK_SHARE of its text and one of them reads like a headline: HEADLINE_WORDS or more,
# not a URL (a name, a ticker symbol, a handle or an address is a reference, not an insert).
INSERT_CHARS = 200
LINK_SHARE = 0.7
HEADLINE_WORDS = 3
URL = re.compile(r"^(?:\w+://|www\.)", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?。؟।][\"'”’»)\]]*$")


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def is_link_insert(element: HtmlElement) -> bool:
    """A short block, not a sentence, whose text is mostly link text."""
    if next(element.iterdescendants(*INNER_BLOCKS), None) is not None:
        return False
    text = _text(element)
    if not text or len(text) > INSERT_CHARS or SENTENCE_END.search(text):
        return False
    links = [link_text for link_text in map(_text, element.iter("a"))
             if link_text and not URL.match(link_text)]
    return (any(len(link_text.split()) >= HEADLINE_WORDS for link_text in links)
            and sum(map(len, links)) >= LINK_SHARE * len(text))


# The nearest block around each link, once each, in document order: the only candidates,
# far fewer than the page's blocks.
LINK_BLOCKS = etree.XPath(
    "//a/ancestor::*[self::p or self::div or self::td or self::dd or self::li][1]")


def drop_link_inserts(tree: HtmlElement) -> int:
    """Remove every related-link insert from ``tree`` (text after it stays); how many.
    A list goes when each of its items is an insert; a single item of a list is a point
    of the text that happens to be a link, and stays."""
    found: list[HtmlElement] = []
    lists: dict[HtmlElement, None] = {}
    for block in LINK_BLOCKS(tree):
        if block.tag != "li":
            if is_link_insert(block):
                found.append(block)
        elif (parent := block.getparent()) is not None and parent.tag in ("ul", "ol"):
            lists[parent] = None
    found += [listing for listing in lists
              if all(item.tag == "li" and is_link_insert(item) for item in listing)]
    for element in found:
        element.drop_tree()
    return len(found)
