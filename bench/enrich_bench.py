"""Enrichment timings: actor tagging against 5,000 actors, each stage on the seed, and
each stage and the whole enrichment per article on the sample text scrapes.

Run: .venv/bin/python bench/enrich_bench.py
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.article import Article  # noqa: E402
from digest.config import Config, load_config  # noqa: E402
from digest.context import Context  # noqa: E402
from digest.enrich.actors import tag_actors  # noqa: E402
from digest.enrich.article_text import CACHE_KEY as ARTICLE_TEXT  # noqa: E402
from digest.extract import extract_one  # noqa: E402
from digest.pipeline import STAGES, enrich  # noqa: E402
from digest.registry import Actor, Registries, load_registries  # noqa: E402

LANGS = ("id", "ms", "en", "ar", "fr", "de", "es")
SYLLABLES = ["ka", "ri", "mo", "sa", "dun", "bel", "ha", "nas", "ti", "ro", "al", "ze",
             "mar", "din", "lu", "qi", "van", "hoe", "fa", "jo"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def synthetic_actors(n: int, rng: random.Random) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    seen: set[str] = set()
    while len(actors) < n:
        first, last = word(rng).title(), word(rng).title()
        name = f"{first} {last}"
        if name.casefold() in seen or last.casefold() in seen:
            continue
        aliases = (last, f"{first[0]}. {last}", f"{first} al-{last}")
        seen.update(a.casefold() for a in (name, *aliases))
        ident = f"actor-{len(actors)}"
        actors[ident] = Actor(id=ident, name=name, kind="person", aliases=aliases)
    return actors


FILLER = ["pe", "ku", "ng", "to", "wi", "sem", "bra", "ou", "gy", "ple"]  # no name syllables


def article_640(actors: dict[str, Actor], rng: random.Random) -> Article:
    words = ["".join(rng.choice(FILLER) for _ in range(rng.randint(1, 3))) for _ in range(640)]
    names = list(actors.values())
    for i in range(0, 640, 32):  # 20 mentions of registry actors
        words[i] = rng.choice(names).name
    paragraphs = [" ".join(words[i:i + 64]) + "." for i in range(0, 640, 64)]
    return Article(title=" ".join(words[:8]), body="\n\n".join(paragraphs), lang="en")


def timed(fn, repeat: int) -> float:
    """Median milliseconds per call."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def seed_article() -> Article:
    blocks = [b.strip() for b in (ROOT / "samples/seed/raw-article-id.txt")
              .read_text(encoding="utf-8").split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("Pemimpin Hamas"))
    end = next(i for i, b in enumerate(blocks) if b.startswith("Tags:"))
    return Article(title=blocks[start], body="\n\n".join(blocks[start + 1:end]))


def bench_actors() -> None:
    rng = random.Random(7)
    actors = synthetic_actors(5000, rng)
    names = sum(len(a.all_names) for a in actors.values())
    config = Config(root=ROOT, languages=LANGS)
    ctx = Context(config=config, registries=Registries(actors=actors, topics={}))
    article = article_640(actors, rng)
    start = time.perf_counter()
    tag_actors(copy.deepcopy(article), ctx)  # builds the automaton
    build = (time.perf_counter() - start) * 1000
    per_article = timed(lambda: tag_actors(copy.deepcopy(article), ctx), 200)
    found = len(tag_actors(copy.deepcopy(article), ctx).actors)
    print(f"actors: 5,000 actors ({names:,} names and aliases)")
    print(f"  automaton build (first article, incl. tagging): {build:8.1f} ms")
    print(f"  tagging a 640-word article (median of 200):     {per_article:8.2f} ms"
          f"  ({found} actors found)")


def bench_seed() -> None:
    fixtures = ROOT / "tests" / "fixtures" / "content"
    config = Config(root=ROOT, languages=LANGS, content_dir=fixtures)
    ctx = Context(config=config, registries=load_registries(fixtures),
                  today=dt.date(2026, 11, 24), date=dt.date(2021, 6, 29))
    seed = seed_article()
    rss_before = rss_mb()
    print(f"stages on the seed ({len(seed.body.split())} words), ms: first call (builds "
          "caches) / median of 50")
    article = copy.deepcopy(seed)
    for name, stage in STAGES:
        start = time.perf_counter()
        article = stage(article, ctx)
        cold = (time.perf_counter() - start) * 1000
        prepared = copy.deepcopy(article)
        if name == "language":
            prepared.lang = None
        elif name == "date":
            prepared.date = None
        elif name == "summary":
            prepared.summary = None

        def again(stage=stage, prepared=prepared, name=name):
            if name == "language":  # the first stage makes the shared plain, folded text
                ctx.cache.pop(ARTICLE_TEXT, None)
            stage(copy.deepcopy(prepared), ctx)

        print(f"  {name:9} {cold:8.2f} / {timed(again, 50):6.2f}")
    print(f"  RSS growth over the stages (lingua models load lazily for the configured "
          f"languages): {rss_mb() - rss_before:.0f} MB")
    print(f"  result: lang={article.lang} via={article.via} actors={article.actors} "
          f"topics={article.topics}")


def bench_samples() -> None:
    """Mean CPU milliseconds per article on the sample text scrapes: the best of 7 passes."""
    config = load_config(ROOT / "digest.toml")
    ctx = Context(config=config, registries=load_registries(config.content_dir))
    articles = [a for path in sorted((ROOT / "samples" / "text").glob("*.txt"))
                for a in extract_one(str(path), ctx) if isinstance(a, Article)]
    for article in articles:  # builds the caches
        enrich(copy.deepcopy(article), ctx)
    best: dict[str, float] = {}
    for _ in range(7):
        spent: dict[str, float] = {}
        for article in [copy.deepcopy(a) for a in articles]:
            for name, stage in STAGES:
                start = time.process_time()
                article = stage(article, ctx)
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    whole = min(_enrich_all(articles, ctx) for _ in range(7))
    n = len(articles)
    print(f"stages on the {n} sample text scrapes, ms per article (CPU, best of 7 passes):")
    print("  " + "  ".join(f"{k} {v / n * 1000:.2f}" for k, v in best.items()))
    print(f"  whole enrichment: {whole / n * 1000:.2f} ms per article")


def _enrich_all(articles: list[Article], ctx: Context) -> float:
    copies = [copy.deepcopy(a) for a in articles]
    start = time.process_time()
    for article in copies:
        enrich(article, ctx)
    return time.process_time() - start


_LINGUA_CHILD = """
import pathlib, sys, time
def rss():
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
from lingua import IsoCode639_1, LanguageDetectorBuilder
preload = sys.argv[1] == "1"
codes = [getattr(IsoCode639_1, c.upper()) for c in sys.argv[2:]]
before = rss()
start = time.perf_counter()
builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
detector = (builder.with_preloaded_language_models() if preload else builder).build()
detector.detect_language_of("Pemerintah akan mengalokasikan uang tambahan.")
first = (time.perf_counter() - start) * 1000
start = time.perf_counter()
for _ in range(100):
    detector.detect_language_of("Kerajaan akan memperuntukkan wang tambahan, kata beliau.")
print(f"{first:.0f} {(time.perf_counter() - start) * 10:.2f} {rss() - before:.0f}")
"""


def bench_lingua() -> None:
    """Each mode in its own process, so one's loaded models do not serve the other."""
    for preload in ("0", "1"):
        out = subprocess.run([sys.executable, "-c", _LINGUA_CHILD, preload, *LANGS],
                             capture_output=True, text=True, check=True).stdout.split()
        print(f"  lingua ({len(LANGS)} languages), preloaded={preload == '1'}: first "
              f"detection {out[0]} ms, then {out[1]} ms each, RSS +{out[2]} MB")


if __name__ == "__main__":
    bench_actors()
    bench_seed()
    bench_samples()
    bench_lingua()
