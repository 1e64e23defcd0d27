"""Stage: topics from the keywords in ``topics.yml``, in the article's language.

Score = keyword hits, a hit in the title counting 3. A topic needs ``MIN_SCORE`` and at
least ``RELATIVE_SCORE`` of the best topic's score; an article gets ``MAX_TOPICS`` at
most. Without the last two, any article that names a place or an organisation twice in
passing got that topic too: 8 or 9 topics on a third of the samples.
"""

from __future__ import annotations

from collections import defaultdict

from ..article import Article
from ..context import Context
from ..text.fold import norm
from ..text.lang import base_language
from .article_text import article_text
from .matcher import PhraseMatcher

TITLE_WEIGHT = 3
MIN_SCORE = 2  # one title hit, or two hits in the body
# Tuned on the 35 sample articles: at 0.4, "Rumah Sakit Indonesia di Gaza kembali buka
# layanan ICU" (health 20, israel-palestine 7) lost Gaza; at 0.3 every sample keeps the
# topics its headline names and side topics mentioned in a sentence or two go.
RELATIVE_SCORE = 0.3
MAX_TOPICS = 4
# Keyword lists under these keys apply whatever the article's language (names, acronyms).
NEUTRAL = ("*", "any", "und", "mul")


def topic_matcher(ctx: Context, lang: str | None) -> PhraseMatcher[tuple[str, ...]]:
    """The keywords of ``lang`` plus the neutral ones; all languages' when unknown."""
    return ctx.memo(f"topics:{base_language(lang) if lang else '*'}",
                    lambda: _build(ctx, lang))


def _build(ctx: Context, lang: str | None) -> PhraseMatcher[tuple[str, ...]]:
    owners: dict[str, list[str]] = defaultdict(list)  # one keyword may serve two topics
    for topic in ctx.registries.topics.values():
        for kw_lang, words in topic.keywords.items():
            if lang is None or kw_lang in NEUTRAL or base_language(kw_lang) == base_language(lang):
                for word in words:
                    if topic.id not in owners[norm(word)]:
                        owners[norm(word)].append(topic.id)
    # A keyword is a place or a concept: "بغزة" ("in Gaza") is still about Gaza.
    return PhraseMatcher(((word, tuple(ids)) for word, ids in owners.items()),
                         proclitics=lambda _ids: True)


def topic_scores(article: Article, ctx: Context) -> list[tuple[str, int]]:
    """(topic id, score) for every topic with a keyword hit, best first."""
    matcher = topic_matcher(ctx, article.lang)
    scores: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    text = article_text(article, ctx)
    for m in matcher.find(text.folded):
        weight = TITLE_WEIGHT if text.part_at(m.start) == "title" else 1
        for ident in m.value:
            scores[ident] += weight
            first.setdefault(ident, m.start)
    return sorted(scores.items(), key=lambda item: (-item[1], first[item[0]]))


def tag_topics(article: Article, ctx: Context) -> Article:
    """Topics already on the record (an editor's) stay first, and always stay."""
    scores = topic_scores(article, ctx)
    floor = max(MIN_SCORE, RELATIVE_SCORE * scores[0][1]) if scores else MIN_SCORE
    found = [ident for ident, score in scores
             if score >= floor and ident not in article.topics]
    article.topics = [*article.topics, *found[:max(0, MAX_TOPICS - len(article.topics))]]
    return article
