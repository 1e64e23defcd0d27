"""``make bench-stories``: how well and how fast ``digest stories`` groups articles.

Quality: B-cubed precision, recall and F1 on the labelled sample in
``bench/stories/sample.yml`` (written as real article files and read back the way the
command reads them), against two baselines: every article alone, and one story per day.
Each half of the sample ("dev", looked at while choosing constants, and "held-out") is
clustered and scored on its own. "text alone" drops the registry and every article's
``actors``.

Speed: seconds and peak memory (max RSS of a fresh process) to extract features and
cluster N synthetic articles with story structure (stories of one to a dozen articles
over a few days, in six languages, sharing actors, names and numbers), and B-cubed on
them too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.article import Article, Source, Translation  # noqa: E402
from digest.registry import Registries, load_actors  # noqa: E402
from digest.slug import slugify  # noqa: E402
from digest.store.article_file import render_article  # noqa: E402
from digest.stories.assign import assign_stories  # noqa: E402
from digest.stories.corpus import read_corpus  # noqa: E402

SAMPLE = Path(__file__).parent / "stories" / "sample.yml"
ACTORS = ROOT / "content" / "actors.yml"


# --- the measure -------------------------------------------------------------------

def bcubed(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998; Amigó et al. 2009)."""
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, pred, strict=True):
        both = len(by_gold[g] & by_pred[p])
        precision += both / len(by_pred[p])
        recall += both / len(by_gold[g])
    n = len(gold)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall)


# --- the labelled sample -----------------------------------------------------------

def _article(entry: dict, text_alone: bool) -> Article:
    translations = {lang: Translation(title=t.get("title"), summary=t.get("summary"))
                    for lang, t in (entry.get("translations") or {}).items()}
    return Article(title=entry["title"], body=entry["body"].strip(), date=entry["date"],
                   lang=entry["lang"], source=Source(name=entry["source"]),
                   actors=[] if text_alone else list(entry.get("actors") or []),
                   via=list(entry.get("via") or []), translations=translations)


def write_sample(content: Path, stories: list[dict], text_alone: bool) -> dict[str, str]:
    """Article files under ``content``; returns gold story per file (as the command
    names it)."""
    gold: dict[str, str] = {}
    for story in stories:
        for n, entry in enumerate(story["articles"]):
            article = _article(entry, text_alone)
            rel = f"articles/{article.date:%Y}/{slugify(article)[:50]}-{n}.md"
            path = content / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render_article(article), encoding="utf-8")
            gold[rel] = story["story"]
    return gold


def score_sample(stories: list[dict], text_alone: bool) -> dict[str, tuple]:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp)
        gold = write_sample(content, stories, text_alone)
        registries = None
        if not text_alone:
            shutil.copy(ACTORS, content / "actors.yml")
            registries = Registries(actors=load_actors(content / "actors.yml"), topics={})
        entries, problems = read_corpus(content)
        assert not problems, problems
        result = assign_stories([e.article for e in entries], [None] * len(entries),
                                registries)
        labels = [gold[e.rel] for e in entries]
        days = [str(e.article.date)[:10] for e in entries]
        return {
            "digest stories": bcubed(labels, result.stories),
            "each article alone": bcubed(labels, [e.rel for e in entries]),
            "one story per day": bcubed(labels, days),
            "_counts": (len(entries), len(set(labels)), len(set(result.stories))),
        }


# --- synthetic scale ---------------------------------------------------------------

def synthetic(n: int, seed: int = 7) -> tuple[list[Article], list[str]]:
    """``n`` articles in stories; returns them and their gold story."""
    sys.path.insert(0, str(ROOT / "tools"))
    from synthetic_corpus import LANGS, _name, _Words

    rng = random.Random(seed)
    words = _Words(rng, vocabulary=3000)
    taken: set[str] = set()
    actors = [(f"actor-{i}", _name(rng, taken)) for i in range(800)]
    weights = [1 / (r + 1) ** 0.8 for r in range(len(actors))]
    places = [_name(rng, taken).split()[0] for _ in range(300)]
    langs, lang_weights = list(LANGS), list(LANGS.values())
    start = dt.date(2024, 1, 1)
    days = max(30, n // 140)  # about 140 articles a day, as a busy digest has
    articles: list[Article] = []
    gold: list[str] = []
    s = 0
    while len(articles) < n:
        s += 1
        size = min(n - len(articles), max(1, int(rng.paretovariate(1.3))))
        cast = list(dict.fromkeys(a for a in rng.choices(actors, weights, k=rng.randint(2, 4))))
        place = rng.choice(places)
        event = f"{place} {_name(rng, set()).split()[0]}"
        figures = [str(rng.randint(10, 5000)) for _ in range(rng.randint(0, 2))]
        first = start + dt.timedelta(days=rng.randrange(days))
        for _ in range(size):
            lang = rng.choices(langs, lang_weights)[0]
            mention = [name for _, name in cast] + [event] + figures
            body = "\n\n".join(
                words.sentence(lang, rng.randint(12, 20),
                               [m for m in mention if rng.random() < 0.5]) for _ in range(8))
            title = words.sentence(lang, 8, [cast[0][1]]).rstrip(".")
            articles.append(Article(
                title=title, body=body, lang=lang,
                date=first + dt.timedelta(days=rng.randint(0, 3)),
                source=Source(name=f"Outlet {rng.randint(1, 30)}"),
                actors=[ident for ident, _ in cast if rng.random() < 0.8]))
            gold.append(f"s{s}")
    return articles, gold


def scale_run(n: int) -> dict:
    """Run in a fresh process so max RSS is this size's own."""
    articles, gold = synthetic(n)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = assign_stories(articles, [None] * n, None)
    seconds = time.perf_counter() - t0
    # Stability: the same run seeded with its own ids, plus 1% new articles.
    extra, _ = synthetic(n // 100 + 1, seed=99)
    extra = [replace(a, date=articles[i].date) for i, a in enumerate(extra)]
    t1 = time.perf_counter()
    again = assign_stories([*articles, *extra], [*result.stories, *[None] * len(extra)], None)
    incremental = time.perf_counter() - t1
    assert again.stories[:n] == result.stories
    return {"n": n, "seconds": seconds, "incremental_seconds": incremental,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "corpus_mb": rss_before / 1024, "bcubed": bcubed(gold, result.stories),
            "stories": len(set(result.stories)), "gold_stories": len(set(gold))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, nargs="*", default=[10_000, 100_000],
                        help="synthetic corpus sizes (default 10000 100000)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(scale_run(args.one)))
        return 0

    stories = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    halves = {"all": stories,
              "dev": [s for s in stories if s["half"] == "dev"],
              "held-out": [s for s in stories if s["half"] == "held-out"]}
    print("B-cubed on the labelled sample (bench/stories/sample.yml)")
    print(f"{'sample':<10} {'signals':<20} {'method':<20} {'P':>6} {'R':>6} {'F1':>6}"
          "   articles/gold/found")
    for name, subset in halves.items():
        for text_alone in (False, True):
            scores = score_sample(subset, text_alone)
            counts = scores.pop("_counts")
            signals = "text alone" if text_alone else "registry + actors"
            for method, (p, r, f) in scores.items():
                if text_alone and method != "digest stories":
                    continue  # the baselines do not read the signals
                found = "/".join(map(str, counts)) if method == "digest stories" else ""
                print(f"{name:<10} {signals:<20} {method:<20} {p:6.3f} {r:6.3f} {f:6.3f}"
                      f"   {found}")
    if args.scale:
        print("\nSynthetic corpus: features + clustering (one fresh process per size)")
        print(f"{'articles':>9} {'seconds':>8} {'+1% new':>8} {'peak MB':>8} "
              f"{'corpus MB':>9} {'P':>6} {'R':>6} {'F1':>6} {'stories':>8} {'gold':>7}")
        for n in args.scale:
            out = subprocess.run([sys.executable, __file__, "--one", str(n)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            p, rec, f = r["bcubed"]
            print(f"{r['n']:>9} {r['seconds']:8.2f} {r['incremental_seconds']:8.2f} "
                  f"{r['peak_mb']:8.0f} {r['corpus_mb']:9.0f} {p:6.3f} {rec:6.3f} {f:6.3f} "
                  f"{r['stories']:>8} {r['gold_stories']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
