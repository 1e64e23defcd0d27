"""The typed record every pipeline stage reads and returns."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("published", "draft", "hidden")


@dataclass
class Source:
    """Where the text came from."""

    name: str | None = None
    url: str | None = None  # canonical URL when known
    retrieved: dt.datetime | None = None


@dataclass
class Translation:
    """Title and summary in another language, by an editor or a machine."""

    title: str | None = None
    summary: str | None = None
    by: str = "editor"  # "editor" or "machine:<backend>/<model>"
    date: dt.date | dt.datetime | None = None

    @property
    def is_machine(self) -> bool:
        return self.by.startswith("machine:")


@dataclass
class Article:
    """One news article, from extraction to the written Markdown file.

    ``body`` is Markdown: paragraphs separated by one blank line.
    ``extra`` keeps front-matter keys the digest does not know, so they survive a rewrite.
    """

    title: str = ""
    body: str = ""
    date: dt.date | dt.datetime | None = None
    updated: dt.date | dt.datetime | None = None  # the page's last update stamp, if any
    lang: str | None = None
    source: Source = field(default_factory=Source)
    author: str | None = None
    section: str | None = None
    dateline: str | None = None
    image: str | None = None
    via: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    summary: str | None = None
    translations: dict[str, Translation] = field(default_factory=dict)
    status: str = "published"
    story: str | None = None  # the story (event) this article belongs to
    extra: dict[str, Any] = field(default_factory=dict)
    # Never written to front matter: the input this came from, and raw clues an
    # extractor found for later stages (e.g. "date_text": "Selasa, 9 Juli 2024 | 14:02 WIB",
    # "lang": the page's declared language).
    origin: str | None = None
    hints: dict[str, str] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in re.split(r"\n\s*\n", self.body) if p.strip()]

    @property
    def body_hash(self) -> str:
        """Hash of the body's words, insensitive to whitespace and case."""
        words = " ".join(self.body.split()).casefold()
        return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]
