"""Atom feeds, written directly with feedgenerator (Pelican's own feed library).

Deterministic: the feed's ``updated`` is its newest entry's date, never the clock.

Every entry field is article data. Titles, author names and categories are Atom text
constructs: readers show them as text. feedgenerator always declares
``<summary type="html">`` while the summary is plain text, so it is HTML-escaped: an
article quoting ``<script>`` shows those characters, and a reader that renders the
summary as HTML (as ``type="html"`` tells it to) gets no markup to run. ``<content
type="html">`` is the body as rendered and sanitised for the article page; actor and
topic feeds (most of the feed output at scale) carry there only the summary's
translation into the feed's language, when it has one.

Each feed's ``<id>`` is its own address; each entry says its language (``xml:lang``), so
a feed in English metadata can list Indonesian and Arabic articles truthfully.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed, get_tag_uri

# Characters XML 1.0 cannot carry at all: feedgenerator refuses them, and the build with it.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str | None) -> str | None:
    return _NOT_XML.sub("", text) if text else text


def feed_path(kind: str, ident: str) -> str:
    """Where the feed of one topic, actor or language is written ("feeds/actors/x.atom.xml")."""
    return f"feeds/{kind}/{ident}.atom.xml"


class _Feed(Atom1Feed):
    """Atom with each entry's own language."""

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        attrs: dict[str, str] = super().item_attributes(item)
        if item.get("lang"):
            attrs["xml:lang"] = item["lang"]
        return attrs


def _translated_summary(item: Any, language: str) -> str | None:
    """The summary's translation into ``language`` as HTML, if any (the original is the
    entry's ``<summary>`` already)."""
    translation = getattr(item, "translated", {}).get(language)
    if translation is None or not translation.summary:
        return None
    return _xml(f'<div lang="{escape(language)}">{translation.summary}</div>')


def write_feed(output: Path, path: str, items: list[Any], *, title: str, site_url: str,
               language: str, labels_lang: str, max_items: int, link: str = "",
               full: bool = True) -> None:
    """Write one Atom feed of ``items`` (already newest first) to ``output/path``.

    ``link`` is the page the feed follows (site-relative); ``full`` puts each article's
    body in its entry, otherwise its summaries only.
    """
    feed_url = f"{site_url}/{path}"
    feed = _Feed(title=_xml(title), link=f"{site_url}/{link}", description="",
                 feed_url=feed_url, language=language, feed_guid=feed_url)
    for item in items[:max_items]:
        href = f"{site_url}/{item.url}"
        feed.add_item(
            title=_xml(item.title),
            link=href,
            unique_id=get_tag_uri(href, item.date),
            description=escape(_xml(item.summary_text) or "", quote=False),
            content=_xml(item.content) if full else _translated_summary(item, language),
            lang=getattr(item, "lang", None),
            pubdate=item.date,
            author_name=_xml(item.source.get("name")) or None,
            categories=[_xml(t.label(labels_lang)) for t in item.topics] or None,
        )
    target = output / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as fh:
        feed.write(fh, "utf-8")
