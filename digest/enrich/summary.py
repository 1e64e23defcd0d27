"""Stage: an extractive summary, 2–3 sentences of the article in its own language.

Each sentence is scored on position (news puts the gist first), overlap with the title,
similarity to the whole text (its centroid), and mentions of the article's actors;
the best are kept in their original order, within about ``MAX_WORDS`` words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from operator import mul

from ..article import Article
from ..pipeline import Context
from .actors import actor_matcher
from .article_text import article_text
from .sentences import split_sentences
from .text import norm

MAX_WORDS = 60
SOFT_MAX_WORDS = 75  # a second sentence may stretch the budget this far
MAX_SENTENCES = 3
MIN_WORDS = 6  # shorter ones are labels, captions or fragments
WEIGHTS = {"position": 1.5, "title": 1.0, "centroid": 1.0, "actors": 0.5}
_WORD = re.compile(r"\w{3,}")
# "JAKARTA –", "POROS PERLAWANAN –": a capitalised label before the first sentence.
_DATELINE = re.compile(r"^([^\W\d_][^a-z–—:]{1,60}?)\s+[–—-]\s+")


@dataclass
class _Sentence:
    index: int
    text: str
    folded: str
    words: int
    terms: Counter[str]
    score: float = 0.0


def _strip_dateline(sentence: str) -> str:
    m = _DATELINE.match(sentence)
    if m and m.group(1).upper() == m.group(1):
        return sentence[m.end():]
    return sentence


def _terms(folded: str) -> Counter[str]:
    return Counter(_WORD.findall(folded))


def _actors_by_sentence(sentences: list[_Sentence], actors: set[str], ctx: Context
                        ) -> list[set[str]]:
    """The article's actors each sentence names, from one pass over all of them (a line
    break between sentences, which no name spans)."""
    named: list[set[str]] = [set() for _ in sentences]
    if not actors:
        return named
    starts = list(accumulate((len(s.folded) + 1 for s in sentences[:-1]), initial=0))
    for m in actor_matcher(ctx).find("\n".join(s.folded for s in sentences)):
        if m.value in actors:
            named[bisect_right(starts, m.start) - 1].add(m.value)
    return named


def _score(sentences: list[_Sentence], title: str, actors: set[str], ctx: Context) -> None:
    n = len(sentences)
    df: Counter[str] = Counter()
    for s in sentences:
        df.update(s.terms.keys())
    # Words found in most sentences ("yang", "the") weigh little: no stop-word list needed.
    idf = {t: math.log((1 + n) / (1 + d)) + 0.1 for t, d in df.items()}
    # The centroid is the sum of the sentences' tf-idf vectors: the text's counts times idf.
    # (Sentences are joined by a space, which no term can span.)
    total = _terms(" ".join(s.folded for s in sentences))
    centroid = {t: count * idf[t] for t, count in total.items()}
    centroid_norm = math.sqrt(sum(map(mul, centroid.values(), centroid.values())))
    # Per term, what one occurrence adds to a sentence's dot product with the centroid
    # and to its squared norm: each cosine is then two sums over C-level maps.
    to_dot = {t: idf[t] * c for t, c in centroid.items()}
    to_norm = {t: w * w for t, w in idf.items()}
    title_terms = set(_terms(norm(title)))
    named = _actors_by_sentence(sentences, actors, ctx)
    for s in sentences:
        terms, counts = s.terms.keys(), s.terms.values()
        dot = sum(map(mul, counts, map(to_dot.__getitem__, terms)))
        own = math.sqrt(sum(map(mul, map(mul, counts, counts), map(to_norm.__getitem__, terms))))
        cosine = dot / (own * centroid_norm) if own and centroid_norm else 0.0
        position = 1.0 / math.sqrt(1 + s.index)
        overlap = (len(title_terms & terms) / len(title_terms)) if title_terms else 0.0
        mentions = min(1.0, len(named[s.index]) / 2)
        length = 1.0 if s.words <= 40 else 40 / s.words
        s.score = length * (
            WEIGHTS["position"] * position + WEIGHTS["title"] * overlap
            + WEIGHTS["centroid"] * cosine + WEIGHTS["actors"] * mentions)


def _choose(sentences: list[_Sentence]) -> list[_Sentence]:
    ranked = sorted(sentences, key=lambda s: (-s.score, s.index))
    chosen: list[_Sentence] = []
    total = 0
    for s in ranked:
        if len(chosen) == MAX_SENTENCES:
            break
        if not chosen or total + s.words <= MAX_WORDS:
            chosen.append(s)
            total += s.words
    if len(chosen) == 1:
        for s in ranked:
            if s not in chosen and total + s.words <= SOFT_MAX_WORDS:
                chosen.append(s)
                break
    return sorted(chosen, key=lambda s: s.index)


def extract_summary(article: Article, ctx: Context) -> str | None:
    texts = split_sentences(article_text(article, ctx).body_plain, article.lang)
    sentences = []
    for text in texts:
        text = _strip_dateline(text) if not sentences else text
        words = len(text.split())
        if words >= MIN_WORDS:
            folded = norm(text)
            sentences.append(_Sentence(len(sentences), text, folded, words, _terms(folded)))
    if not sentences:
        return None
    _score(sentences, article.title, set(article.actors), ctx)
    return " ".join(s.text for s in _choose(sentences))


def summarize(article: Article, ctx: Context) -> Article:
    """Keep a summary already on the record (an editor's or the page's own)."""
    if not article.summary:
        article.summary = extract_summary(article, ctx)
    return article
