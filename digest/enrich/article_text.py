"""The article's plain and folded text, made once and shared by every stage.

Removing Markdown and folding are most of the cost of matching; each stage used to do
both again. The result is kept (``ctx.memo``) for the article being enriched only,
keyed by its title and body, so a stage that changes neither reuses it and a batch
holds one entry at a time.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from ..article import Article
from ..context import Context
from ..text.fold import norm
from .text import plain

CACHE_KEY = "article_text"


@dataclass(frozen=True)
class Segment:
    part: str  # "title", "lead" (the first paragraph) or "body"
    text: str  # plain text: Markdown links and emphasis removed
    folded: str  # ``norm(text)``: what registry phrases are matched against


@dataclass
class ArticleText:
    title: str
    body: str
    segments: list[Segment]

    @cached_property
    def plain(self) -> str:
        """Title and paragraphs as plain text, separated by blank lines."""
        return "\n\n".join(s.text for s in self.segments)

    @cached_property
    def body_plain(self) -> str:
        return "\n\n".join(s.text for s in self.segments if s.part != "title")

    @cached_property
    def folded(self) -> str:
        """The folded segments joined by line breaks, which no registry phrase spans:
        one matcher pass serves the whole article."""
        return "\n".join(s.folded for s in self.segments)

    @cached_property
    def _starts(self) -> list[int]:
        return list(accumulate((len(s.folded) + 1 for s in self.segments[:-1]), initial=0))

    def part_at(self, offset: int) -> str:
        """The part ("title", "lead", "body") an offset in ``folded`` falls in."""
        return self.segments[bisect_right(self._starts, offset) - 1].part


def _make(article: Article) -> ArticleText:
    segments: list[Segment] = []
    if article.title.strip():
        text = plain(article.title)
        segments.append(Segment("title", text, norm(text)))
    for i, para in enumerate(article.paragraphs):
        text = plain(para)
        segments.append(Segment("lead" if i == 0 else "body", text, norm(text)))
    return ArticleText(article.title, article.body, segments)


@dataclass
class _Latest:
    """The text of the article being enriched: one per run, replaced article by article."""

    text: ArticleText | None = None


def article_text(article: Article, ctx: Context) -> ArticleText:
    """The shared text of ``article``, made on first use."""
    latest = ctx.memo(CACHE_KEY, _Latest)
    cached = latest.text
    # Identity first: stages hand on the same strings, so the check is usually instant.
    if cached is not None and (
            (cached.title is article.title or cached.title == article.title)
            and (cached.body is article.body or cached.body == article.body)):
        return cached
    made = latest.text = _make(article)
    return made
