"""Story ids: short, readable, never reused.

A new story is named after its first article: ``YYYY-MM-`` and two or three words — the
article's most salient registry actors (their ids are readable Latin names), else the
words of its slug (a Latin title or translated title). A taken id gets ``-2``, ``-3``…;
"taken" includes every id the ledger has ever recorded, so a retired id never returns.
"""

from __future__ import annotations

import re
from collections.abc import Container

from ..article import Article
from ..slug import slugify

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LENGTH = 60
WORDS = 3  # slug words
ACTORS = 2  # actor ids are names of one to four words already
_WORDS_LENGTH = 32  # the readable part after the month, before any suffix


def id_problem(value: object) -> str | None:
    """Why ``value`` cannot be a story id, or None."""
    if not isinstance(value, str):
        return None  # the caller says what kind of value it found
    if not ID_RE.match(value):
        return (f"story: {value!r} is not a story id (lower-case letters, digits and "
                "hyphens, e.g. 2026-09-hamas-fatah)")
    if len(value) > MAX_LENGTH:
        return f"story: {value!r} is longer than {MAX_LENGTH} characters"
    return None


def _words(article: Article, actors: list[str]) -> list[str]:
    people = [a for a in actors if a]
    if people:
        words: list[str] = []
        for ident in people[:ACTORS]:
            if words and len("-".join([*words, ident])) > _WORDS_LENGTH:
                break
            words.append(ident)
        return words
    slug = slugify(article)
    parts = [w for w in slug.split("-") if len(w) > 2 and not w.isdigit()] or [slug]
    return parts[:WORDS]


def new_id(article: Article, actors: list[str], taken: Container[str]) -> str:
    """A fresh id for a story whose first article is ``article``; ``actors`` are its
    salient actor ids, most salient first (may be empty)."""
    month = f"{article.date:%Y-%m}-" if article.date else ""
    words = "-".join(_words(article, actors))
    if len(words) > _WORDS_LENGTH:  # at a word boundary when there is one
        cut = words[:_WORDS_LENGTH + 1]
        words = cut.rsplit("-", 1)[0] if "-" in cut else cut[:_WORDS_LENGTH]
    base = (month + words).strip("-") or "story"
    if not ID_RE.match(base):  # slug words are [a-z0-9]; be sure anyway
        base = re.sub(r"[^a-z0-9]+", "-", base).strip("-") or "story"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    return ident
