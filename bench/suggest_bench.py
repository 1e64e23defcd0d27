"""Precision of ``digest actors suggest`` on the sample content.

The top 30 suggestions (names in two articles or more) are scored against the labels in
``bench/suggest_labels.yml`` (whole proper name or not); unlabelled names are listed
and left out of the figure. Also prints the guessed kinds and the time taken.

Run: make bench-suggest
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.config import load_config  # noqa: E402
from digest.enrich.suggest import suggest_names  # noqa: E402
from digest.registry import load_registries  # noqa: E402
from digest.store.article_file import read_article  # noqa: E402
from digest.store.write import article_files  # noqa: E402

TOP = 30


def main() -> int:
    config = load_config(ROOT / "digest.toml")
    registries = load_registries(config.content_dir)
    labels = yaml.safe_load((ROOT / "bench" / "suggest_labels.yml").read_text(encoding="utf-8"))
    articles = [(p.stem, read_article(p)[0]) for p in article_files(config.articles_dir)]
    start = time.perf_counter()
    found = [s for s in suggest_names(articles, registries, config.languages) if s.count >= 2]
    elapsed = time.perf_counter() - start
    top = found[:TOP]
    scored = [s for s in top if s.name in labels]
    right = [s for s in scored if labels[s.name]]
    for s in top:
        mark = {True: "ok ", False: "NO ", None: "?  "}[labels.get(s.name)]
        print(f"{mark} {s.count:>3}  {s.name}  ({s.kind})")
    unlabelled = [s.name for s in top if s.name not in labels]
    print(f"\nsuggest precision@{TOP}: {len(right)}/{len(scored)} = "
          f"{len(right) / max(len(scored), 1):.3f} on {len(articles)} sample articles "
          f"({len(unlabelled)} unlabelled{': ' + ', '.join(unlabelled) if unlabelled else ''})")
    print(f"time: {elapsed * 1000:.0f} ms for {len(articles)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
