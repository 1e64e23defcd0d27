"""Online clustering: each article joins the story it fits best, or starts one.

Articles that already carry a story id (stored in their front matter) seed the stories
and never move. The others are taken in date order; each is compared only with
articles a few days away that share one of its distinctive tokens (an inverted index
keyed by token and week, so never all pairs), and joins the best-scoring story above a
threshold. Re-running on the same files therefore changes nothing, and adding articles
never renames a story.

Two phases keep this near-linear: an article's few most distinctive tokens find
candidates through small index buckets (a token too common in a week finds nothing),
then exact cosines are computed for the best candidates only.

Pair similarity combines two cosines of TF-IDF vectors, *entities* (language-neutral)
and *words* (same language, or through translations), as a noisy-or, damped by the
days between the two articles. A story's score for an article mixes its best member's
similarity with the mean over its members in the date window, so one lucky match
does not pull an article into a large story about something else.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .features import Features


@dataclass(frozen=True)
class Params:
    window: int = 4  # days either side within which two articles may share a story
    threshold: float = 0.2  # story score needed to join rather than start a story
    best_share: float = 0.5  # weight of the best member against the members' mean
    day_decay: float = 0.1  # similarity lost per day apart beyond the first
    entity_terms: int = 30  # strongest tokens kept per vector
    word_terms: int = 40
    probe_terms: int = 16  # distinctive tokens an article looks its candidates up by
    bucket_cap: int = 40  # a token in more articles than this in one week finds nothing
    candidates: int = 24  # candidates scored exactly


@dataclass(slots=True)
class _Vector:
    day: int
    entities: dict[str, float]  # token -> weight, each channel of unit length
    words: dict[str, float]
    probes: list[str]  # the highest-weighted tokens of both channels


def document_frequencies(items: Sequence[Features]) -> Counter[str]:
    """In how many of ``items`` each token occurs."""
    df: Counter[str] = Counter()
    for f in items:
        df.update(f.entities.keys())
        df.update(f.words.keys())
    return df


def _vectors(items: Sequence[Features], params: Params,
             corpus: tuple[Counter[str], int] | None = None) -> list[_Vector]:
    df, n = corpus if corpus is not None else (document_frequencies(items), len(items))
    idf = {t: math.log(1.0 + n / c) for t, c in df.items()}

    def weigh(counts: Mapping[str, float], keep: int) -> dict[str, float]:
        weights = {t: (1.0 + math.log(c)) * idf[t] for t, c in counts.items() if c > 0}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        # The norm counts every token, but only tokens another article has are kept:
        # a unique token cannot match and must not crowd out shared ones.
        shared = sorted(((w, t) for t, w in weights.items() if df[t] > 1), reverse=True)
        return {t: w / norm for w, t in shared[:keep]}

    vectors = []
    for f in items:
        entities, words = weigh(f.entities, params.entity_terms), weigh(f.words,
                                                                        params.word_terms)
        ranked = sorted([*entities.items(), *words.items()], key=lambda kv: -kv[1])
        vectors.append(_Vector(f.day, entities, words,
                               [t for t, _ in ranked[:params.probe_terms]]))
    return vectors


def cluster(items: Sequence[Features], stored: Sequence[str | None],
            new_id: Callable[[int, set[str]], str], taken: set[str] | None = None,
            params: Params | None = None,
            corpus: tuple[Counter[str], int] | None = None) -> list[str]:
    """The story id of every item.

    ``stored[i]`` is item i's id from its front matter (kept as it is) or None;
    ``new_id(i, taken)`` names a story started by item i, avoiding ``taken`` (every id
    stored, recorded or issued so far, which this function keeps up to date).
    ``corpus`` (document frequencies and count) weighs the tokens when ``items`` are
    only the part of a larger corpus that can matter (see ``window_days``).
    """
    params = params or Params()
    vectors = _vectors(items, params, corpus)
    taken = set(taken or ()) | {s for s in stored if s}
    story: list[str | None] = list(stored)
    index: dict[tuple[str, int], list[int]] = defaultdict(list)
    members: dict[str, list[int]] = defaultdict(list)  # story -> sorted days

    def add(i: int, sid: str) -> None:
        story[i] = sid
        vec = vectors[i]
        bisect.insort(members[sid], vec.day)
        week = vec.day // 7
        for token in (*vec.entities, *vec.words):
            bucket = index[(token, week)]
            if len(bucket) <= params.bucket_cap:  # one past the cap marks it full
                bucket.append(i)

    order = sorted(range(len(items)), key=lambda i: (stored[i] is None, items[i].day, i))
    for i in order:
        if stored[i]:
            add(i, stored[i])  # type: ignore[arg-type]
            continue
        candidates = _candidates(vectors, i, index, params)
        best = _best_story(vectors, i, candidates, story, members, params)
        if best is None:
            best = new_id(i, taken)
            taken.add(best)
        add(i, best)
    return [s or "" for s in story]


def window_days(day: int, params: Params) -> range:
    """The days whose articles can take part in placing an article of ``day``: whole
    index weeks around its date window, so candidates and bucket caps are as in a run
    over every article."""
    return range((day - params.window) // 7 * 7, ((day + params.window) // 7 + 1) * 7)


def _candidates(vectors: list[_Vector], i: int, index: dict[tuple[str, int], list[int]],
                params: Params) -> list[int]:
    """Articles within the window sharing the most of ``i``'s distinctive tokens."""
    vec = vectors[i]
    day, window = vec.day, params.window
    weeks = range((day - window) // 7, (day + window) // 7 + 1)
    shared: Counter[int] = Counter()
    for token in vec.probes:
        for week in weeks:
            bucket = index.get((token, week))
            if bucket and len(bucket) <= params.bucket_cap:
                shared.update(bucket)
    return [j for j, _ in shared.most_common()
            if abs(vectors[j].day - day) <= window][:params.candidates]


def similarity(a: _Vector, b: _Vector, params: Params) -> float:
    """Noisy-or of the entity and word cosines, damped by the days between them."""
    entities = sum(a.entities[t] * b.entities[t] for t in a.entities.keys() & b.entities.keys())
    words = sum(a.words[t] * b.words[t] for t in a.words.keys() & b.words.keys())
    sim = 1.0 - (1.0 - min(entities, 1.0)) * (1.0 - min(words, 1.0))
    return sim * max(0.0, 1.0 - params.day_decay * max(0, abs(a.day - b.day) - 1))


def _best_story(vectors: list[_Vector], i: int, candidates: list[int],
                story: list[str | None], members: dict[str, list[int]],
                params: Params) -> str | None:
    vec = vectors[i]
    by_story: dict[str, list[float]] = defaultdict(list)
    for j in candidates:
        by_story[story[j]].append(similarity(vec, vectors[j], params))  # type: ignore[index]
    day, window = vec.day, params.window
    best, best_score = None, params.threshold
    for sid, sims in sorted(by_story.items()):
        days = members[sid]
        in_window = bisect.bisect_right(days, day + window) - bisect.bisect_left(
            days, day - window)
        score = (params.best_share * max(sims)
                 + (1.0 - params.best_share) * sum(sims) / max(in_window, len(sims)))
        if score >= best_score and (best is None or score > best_score):
            best, best_score = sid, score
    return best
