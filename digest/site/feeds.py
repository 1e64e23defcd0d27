"""Atom feeds, written directly with feedgenerator (Pelican's own feed library).

Deterministic: the feed's ``updated`` is its newest entry's date, never the clock.

Every entry field is article data. Titles, author names and categories are Atom text
constructs: readers show them as text. feedgenerator always declares
``<summary type="html">`` while the summary is plain text, so it is HTML-escaped: an
article quoting ``<script>`` shows those characters, and a reader that renders the
summary as HTML (as ``type="html"`` tells it to) gets no markup to run. ``<content
type="html">`` is the body as rendered and sanitised for the article page.
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


def write_feed(output: Path, path: str, items: list[Any], *, title: str, site_url: str,
               language: str, labels_lang: str, max_items: int) -> None:
    """Write one Atom feed of ``items`` (already newest first) to ``output/path``."""
    feed = Atom1Feed(title=_xml(title), link=f"{site_url}/", description="",
                     feed_url=f"{site_url}/{path}", language=language)
    for item in items[:max_items]:
        link = f"{site_url}/{item.url}"
        feed.add_item(
            title=_xml(item.title),
            link=link,
            unique_id=get_tag_uri(link, item.date),
            description=escape(_xml(item.summary_text) or "", quote=False),
            content=_xml(item.content),
            pubdate=item.date,
            author_name=_xml(item.source.get("name")) or None,
            categories=[_xml(t.label(labels_lang)) for t in item.topics] or None,
        )
    target = output / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as fh:
        feed.write(fh, "utf-8")
