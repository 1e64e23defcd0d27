"""Convert between the typed Article record and an article file (front matter + body).

The field table lives in ``schema``; this module only joins it to the file format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..article import Article
from .frontmatter import parse, render
from .schema import KNOWN_KEYS, to_front_matter
from .schema import read_article as _read

__all__ = ["KNOWN_KEYS", "from_front_matter", "read_article", "render_article",
           "to_front_matter"]


def from_front_matter(meta: dict[str, Any], body: str, origin: str | None = None) -> Article:
    """Build an Article from parsed metadata, leniently: a bad value is left empty
    (``validate`` reports it)."""
    return _read(meta, body, origin)[0]


def read_article(path: Path) -> tuple[Article, str]:
    """Read an article file; returns the record and the file's raw text."""
    text = path.read_text(encoding="utf-8")
    meta, body = parse(text, path)
    return from_front_matter(meta, body.strip("\n"), origin=str(path)), text


def render_article(article: Article) -> str:
    return render(to_front_matter(article), article.body)
