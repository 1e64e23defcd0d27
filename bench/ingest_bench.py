"""Ingest throughput on the sample inputs: extraction alone, then extraction + enrichment;
then date recall per language on every sample and fixture with a labelled date
(bench/dates.yml).

One process pinned to one core; each figure repeats the samples until at least
``--seconds`` of work (default 2) and reports inputs per second. Writing is left out:
it is one small atomic file per article and depends on the disk, not on the code.

Run: make bench-ingest   (or .venv/bin/python bench/ingest_bench.py --seconds 5)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from digest.article import Article  # noqa: E402
from digest.config import Config, load_config  # noqa: E402
from digest.context import Context  # noqa: E402
from digest.extract import extract_one  # noqa: E402
from digest.pipeline import enrich  # noqa: E402
from digest.registry import load_registries  # noqa: E402

SAMPLES = ROOT / "samples"
TARGETS = {"text": 300.0, "html": 40.0}  # inputs per second, extraction + enrichment


def pin_to_one_core() -> str:
    """Keep the figures comparable on a shared machine: one core, whatever the library."""
    if not hasattr(os, "sched_setaffinity"):
        return "unpinned"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"cpu {cpu}"


def inputs() -> dict[str, list[str]]:
    text = sorted(str(p) for p in (SAMPLES / "text").glob("*.txt"))
    html = sorted(str(p) for p in (SAMPLES / "html").iterdir()
                  if p.name.endswith((".html", ".html.gz")))
    feeds = sorted(str(p) for p in (SAMPLES / "feeds").iterdir() if p.is_file())
    return {"text": text, "html": html, "feed": feeds}


def run_once(paths: list[str], ctx: Context, with_enrich: bool) -> tuple[int, int]:
    """(articles made, inputs that gave nothing) for one pass over ``paths``."""
    made = failed = 0
    for path in paths:
        for result in extract_one(path, ctx):
            if not isinstance(result, Article):
                failed += 1
                continue
            if with_enrich:
                enrich(result, ctx)
            made += 1
    return made, failed


def rate(paths: list[str], ctx: Context, with_enrich: bool, seconds: float
         ) -> tuple[float, float, int]:
    """(inputs/s, articles/s, inputs that gave nothing per pass), over >= ``seconds``."""
    done = articles = failed = 0
    clock: Callable[[], float] = time.process_time  # CPU time: other users don't count
    start = clock()
    while True:
        made, failed = run_once(paths, ctx, with_enrich)
        done += len(paths)
        articles += made
        elapsed = clock() - start
        if elapsed >= seconds:
            return done / elapsed, articles / elapsed, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0,
                        help="minimum CPU seconds per figure (default 2)")
    args = parser.parse_args()

    where = pin_to_one_core()
    config = load_config(ROOT / "digest.toml")
    ctx = Context(config=config, registries=load_registries(config.content_dir))
    groups = inputs()

    start = time.process_time()
    for paths in groups.values():  # loads language models, builds the matchers
        run_once(paths, ctx, with_enrich=True)
    warmup = time.process_time() - start

    print(f"ingest benchmark: {len(groups['text'])} text scrapes, {len(groups['html'])} "
          f"HTML pages, {len(groups['feed'])} feed(s) from samples/; one process on {where}; "
          f"Python {platform.python_version()}")
    print(f"warm-up (language models, matchers, first pass): {warmup:.2f} s CPU")
    print(f"{'':16}{'extract':>14}{'extract+enrich':>18}{'target':>10}")
    for kind, label, unit in (("text", "text scrapes", "/s"), ("html", "HTML pages", "/s"),
                              ("feed", "feed entries", "/s")):
        paths = groups[kind]
        if not paths:
            continue
        alone, alone_articles, failed = rate(paths, ctx, False, args.seconds)
        full, full_articles, _ = rate(paths, ctx, True, args.seconds)
        if kind == "feed":  # a feed holds many articles: count those
            alone, full = alone_articles, full_articles
        target = TARGETS.get(kind)
        verdict = "" if target is None else (
            f"{'≥' if full >= target else '<'} {target:.0f}")
        print(f"{label + unit:16}{alone:14.1f}{full:18.1f}{verdict:>10}")
        if failed:
            print(f"  ({failed} {label} gave no article: see `digest extract`)")
    per_text = 1000 / max(rate(groups["text"], ctx, True, 0.2)[0], 1e-9)
    per_html = 1000 / max(rate(groups["html"], ctx, True, 0.2)[0], 1e-9)
    print(f"per input, extract+enrich: text {per_text:.2f} ms, HTML {per_html:.2f} ms")
    print_date_recall(config)
    return 0


def print_date_recall(config: Config) -> None:
    """Date recall per language on the inputs bench/dates.yml labels."""
    from date_recall import outcomes, recall_by_language

    # "Today" after every labelled date, so none is refused as in the future.
    ctx = Context(config=config, registries=load_registries(config.content_dir),
                  today=dt.date(2026, 12, 31))
    results = outcomes(ctx)
    table = recall_by_language(results)
    right = sum(r for r, _ in table.values())
    total = sum(t for _, t in table.values())
    print(f"date recall (bench/dates.yml, {total} labelled inputs): {right}/{total} "
          f"= {right / total:.3f}")
    print("  " + "  ".join(f"{lang} {r}/{t}" for lang, (r, t) in table.items()))
    for outcome in results:
        if not outcome.right:
            print(f"  missed {outcome.origin}: expected {outcome.expected}, "
                  f"found {outcome.found}")


if __name__ == "__main__":
    sys.exit(main())
