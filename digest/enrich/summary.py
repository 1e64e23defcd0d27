"""Stage: an extractive summary, 2–3 sentences of the article in its own language.

Each passage (a sentence, or the sentences one quotation spans) is scored on position
(news puts the gist first), overlap with the title, similarity to the whole text (its
centroid), and mentions of the article's actors; the best are kept in their original
order, within about ``MAX_WORDS`` words. A summary must stand on its own: a passage
whose quotation is left open is never taken, one that starts with a pronoun ("He said")
weighs less, and never pads a summary, unless the passage before it is taken too, and
one that repeats a chosen passage (a standfirst and the lead saying the same) is skipped.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from operator import mul

from ..article import Article
from ..context import Context
from ..text.fold import norm
from ..text.lang import base_language
from ..text.stopwords import STOP_WORDS
from .actors import actor_matcher
from .article_text import article_text
from .sentences import split_passages

MAX_WORDS = 60
SOFT_MAX_WORDS = 75  # a second sentence may stretch the budget this far
MAX_SENTENCES = 3
MIN_WORDS = 6  # shorter ones are labels, captions or fragments
WEIGHTS = {"position": 1.5, "title": 1.0, "centroid": 1.0, "actors": 0.5}
ANAPHORA_PENALTY = 0.5  # score factor of a pronoun opener taken without what precedes it
# Jaccard similarity of content words from which a passage repeats a chosen one. The
# standfirst and lead "Bundesaußenminister Johann Wadephul hat bei einem Besuch … / … ist
# zu einem eintägigen Besuch … gereist" score 0.40; no other pair of sentences in the
# sample articles scores above 0.25.
DUPLICATE_JACCARD = 0.35
STEM = 6  # words compared by their first letters: "Besuch" and "besucht" are one
_WORD = re.compile(r"\w{3,}")
# "JAKARTA –", "POROS PERLAWANAN –": a capitalised label before the first sentence.
_DATELINE = re.compile(r"^([^\W\d_][^a-z–—:]{1,60}?)\s+[–—-]\s+")


# Pronoun subjects and references back to someone named before ("menurutnya",
# "according to him", "Il a ajouté", "Er sagte", "وأضاف أن"), on folded text, at the start
# of a passage or after a short lead-in ending in a comma ("Namun, menurutnya, …").
_LEAD_IN = r"^(?:[^\s,]+(?: [^\s,]+){0,2}, )?"
_ID_MS = (r"(?:ia|dia|beliau|mereka|menurutnya|pihaknya|katanya|tambahnya|ujarnya"
          r"|menurut (?:dia|beliau|mereka))\b")
_AR_SAID = (r"[وف]?(?:قال|اضاف|تابع|اكد|اشار|لفت|شدد|اوضح|اعتبر|ذكر|بين|راى|رات"
            r"|قالت|اضافت|تابعت|اكدت|اشارت|لفتت|شددت|اوضحت|اعتبرت|ذكرت|بينت)")
_OPENERS = {
    "id": _ID_MS, "ms": _ID_MS,
    "en": r"(?:he|she|they|his|her|their|according to (?:him|her|them))\b",
    "fr": (r"(?:il(?! y a\b| faut\b| s'agit\b)|elle|ils|elles"
           r"|(?:selon|d'apres|pour) (?:lui|elle|eux|elles))\b"),
    "de": (r"(?:er|sie|(?:ihm|ihr|ihnen) zufolge|(?:nach|laut) (?:seinen|ihren) "
           r"(?:worten|angaben)|(?:\S+ ){1,3}(?:sagte|betonte|erklarte|fugte|meinte"
           r"|kundigte|traf|besuchte|reiste|forderte|warnte) (?:er|sie))\b"),
    "es": (r"(?:(?:ella|ellos|ellas)\b|segun (?:el|ella|ellos|ellas),"
           r"|(?:dijo|anadio|afirmo|aseguro|senalo|explico|indico|agrego|subrayo) que\b)"),
    "ar": (r"(?:[وف]?(?:هو|هي|هم)\b|[وف]?(?:وفقا|طبقا) له\b"
           rf"|{_AR_SAID}(?: ?[:،]| (?:ان|انه|انها|بان|في|خلال|قائلا)\b))"),
}
# The same after a quotation: '…," he said', '…," katanya', '… », a-t-il dit'.
_TAGS = {
    "id": r"(?:katanya|ujarnya|tambahnya|jelasnya|tegasnya|lanjutnya|ungkapnya|tuturnya"
          r"|(?:kata|ujar|tambah|jelas) (?:dia|beliau|mereka))\b",
    "en": r"(?:(?:he|she|they) (?:said|says|added|told|stressed|noted|explained)"
          r"|(?:said|added) (?:he|she))\b",
    "fr": r"(?:a|ont|dit|ajoute|explique|affirme|poursuit|souligne|estime|precise)"
          r"-(?:t-)?(?:il|elle|ils|elles)\b",
    "de": r"(?:sagte|betonte|erklarte|fugte|so|meinte) (?:er|sie)\b",
    "es": r"(?:dijo|anadio|afirmo|explico|senalo|aseguro|indico)(?: (?:el|ella))?(?=[.,;]|$)",
    "ar": rf"{_AR_SAID}(?=[.،]|$)",
}
_TAGS["ms"] = _TAGS["id"]
_QUOTE_END = r"[\"'”’»“«›]\s*,?\s*"


@lru_cache(maxsize=16)
def _anaphora(lang: str | None) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Patterns for a pronoun opener and for a pronoun attribution after a quotation."""
    base = base_language(lang or "")
    opener, tag = _OPENERS.get(base), _TAGS.get(base)
    return (re.compile(_LEAD_IN + opener) if opener else None,
            re.compile(_QUOTE_END + tag) if tag else None)


def needs_antecedent(folded: str, lang: str | None) -> bool:
    """Whether the passage (folded) leans on a person named before it."""
    opener, tag = _anaphora(lang)
    return bool((opener and opener.match(folded)) or (tag and tag.search(folded)))


@dataclass
class _Passage:
    index: int
    text: str
    folded: str
    words: int
    sentences: int
    terms: Counter[str]
    balanced: bool  # no quotation left open or closed without opening
    lang: str | None
    score: float = 0.0

    # Both are needed only for the few passages that come close to being chosen.
    @cached_property
    def anaphoric(self) -> bool:
        """Leans on a person named before it."""
        return needs_antecedent(self.folded, self.lang)

    @cached_property
    def content(self) -> frozenset[str]:
        return frozenset(t[:STEM] for t in self.terms if t not in STOP_WORDS)


def _strip_dateline(sentence: str) -> str:
    m = _DATELINE.match(sentence)
    if m and m.group(1).upper() == m.group(1):
        return sentence[m.end():]
    return sentence


def _terms(folded: str) -> Counter[str]:
    return Counter(_WORD.findall(folded))


def _actors_by_sentence(sentences: list[_Passage], actors: set[str], ctx: Context
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


def _score(sentences: list[_Passage], title: str, actors: set[str], ctx: Context) -> None:
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


def _repeats(candidate: _Passage, chosen: list[_Passage]) -> bool:
    words = candidate.content
    for other in chosen:
        shared = len(words & other.content)
        if shared and shared >= DUPLICATE_JACCARD * (len(words) + len(other.content) - shared):
            return True
    return False


def _best(candidates: list[_Passage], chosen: list[_Passage], max_words: int
          ) -> _Passage | None:
    """The best candidate that fits the budgets and repeats nothing chosen.

    A pronoun opener counts fully only after the passage before it; without it, it may
    save a summary from being one passage, but never pads one that has two already."""
    total = sum(s.words for s in chosen)
    count = sum(s.sentences for s in chosen)
    taken = {s.index for s in chosen}
    best, best_score = None, 0.0
    for s in candidates:  # best first: none after one that scores less can win
        if best is not None and s.score <= best_score:
            break
        if s.index in taken or count + s.sentences > MAX_SENTENCES:
            continue
        if chosen and total + s.words > max_words:
            continue
        score = s.score
        if s.anaphoric and s.index - 1 not in taken:
            if len(chosen) >= 2:
                continue
            score *= ANAPHORA_PENALTY
        if (best is None or score > best_score) and not _repeats(s, chosen):
            best, best_score = s, score
    return best


def _choose(passages: list[_Passage]) -> list[_Passage]:
    # A quotation left open (it runs on into the next paragraph) is never taken.
    candidates = sorted((p for p in passages if p.balanced), key=lambda p: (-p.score, p.index))
    chosen: list[_Passage] = []
    while (pick := _best(candidates, chosen, MAX_WORDS)) is not None:
        chosen.append(pick)
    if len(chosen) == 1 and (pick := _best(candidates, chosen, SOFT_MAX_WORDS)):
        chosen.append(pick)
    return sorted(chosen, key=lambda s: s.index)


def extract_summary(article: Article, ctx: Context) -> str | None:
    passages: list[_Passage] = []
    for passage in split_passages(article_text(article, ctx).body_plain, article.lang):
        texts = list(passage.sentences)
        if not passages:
            texts[0] = _strip_dateline(texts[0])
        text = " ".join(texts)
        words = len(text.split())
        if words >= MIN_WORDS:
            folded = norm(text)
            passages.append(_Passage(
                len(passages), text, folded, words, len(texts), _terms(folded),
                passage.balanced, article.lang))
    if not passages:
        return None
    _score(passages, article.title, set(article.actors), ctx)
    return " ".join(p.text for p in _choose(passages))


def summarize(article: Article, ctx: Context) -> Article:
    """Keep a summary already on the record (an editor's or the page's own)."""
    if not article.summary:
        article.summary = extract_summary(article, ctx)
    return article
