"""``digest actors suggest``: names in the articles that no actor claims yet."""

from __future__ import annotations

import argparse
import sys

from ..config import load_config
from ..enrich.suggest import suggest_names
from ..errors import DigestError
from ..registry import load_registries
from ..store.article_file import read_article


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.content:
        config = config.with_content(args.content)
    registries = load_registries(config.content_dir)
    articles = []
    for path in sorted(config.articles_dir.rglob("*.md")):
        try:
            article, _ = read_article(path)
        except DigestError as exc:  # one broken file should not hide the others' names
            print(f"digest: {exc} (skipped)", file=sys.stderr)
            continue
        articles.append((path.stem, article))
    found = [s for s in suggest_names(articles, registries, config.languages)
             if s.count >= args.min_count][:max(args.limit, 0)]
    if not found:
        print(f"no unclaimed names seen {args.min_count} times or more in "
              f"{len(articles)} articles", file=sys.stderr)
    width = len(str(found[0].count)) if found else 1
    for s in found:
        print(f"{s.count:>{width}}  {s.name}  (e.g. {s.example})")
    return 0
