"""Stage: an extractive summary, 2–3 sentences of the article in its own language.

Each sentence is scored on position (news puts the gist first), overlap with the title,
similarity to the whole text (its centroid), and mentions of the article's actors;
the best are kept in their original order, within about ``MAX_WORDS`` words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

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


def _score(sentences: list[_Sentence], title: str, actors: set[str], ctx: Context) -> None:
    n = len(sentences)
    df: Counter[str] = Counter()
    for s in sentences:
        df.update(s.terms.keys())
    # Words found in most sentences ("yang", "the") weigh little: no stop-word list needed.
    idf = {t: math.log((1 + n) / (1 + d)) + 0.1 for t, d in df.items()}
    # Each sentence's tf-idf vector, made once; the centroid is their sum.
    vectors = [{t: count * idf[t] for t, count in s.terms.items()} for s in sentences]
    centroid: Counter[str] = Counter()
    for vector in vectors:
        centroid.update(vector)
    centroid_norm = math.sqrt(sum(v * v for v in centroid.values()))
    title_terms = set(_terms(norm(title)))
    matcher = actor_matcher(ctx) if actors else None
    for s, vector in zip(sentences, vectors, strict=True):
        position = 1.0 / math.sqrt(1 + s.index)
        overlap = (len(title_terms & s.terms.keys()) / len(title_terms)) if title_terms else 0.0
        named = {m.value for m in matcher.find(s.folded)} & actors if matcher else set()
        mentions = min(1.0, len(named) / 2)
        length = 1.0 if s.words <= 40 else 40 / s.words
        s.score = length * (
            WEIGHTS["position"] * position + WEIGHTS["title"] * overlap
            + WEIGHTS["centroid"] * _cosine(vector, centroid, centroid_norm)
            + WEIGHTS["actors"] * mentions)


def _cosine(vector: dict[str, float], centroid: Counter[str], centroid_norm: float) -> float:
    dot = sum(w * centroid[t] for t, w in vector.items())
    own = math.sqrt(sum(w * w for w in vector.values()))
    return dot / (own * centroid_norm) if own and centroid_norm else 0.0


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
