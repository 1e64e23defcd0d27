"""``digest extract``: extract and enrich, print the articles, write nothing.

``--format json`` prints one list; ``jsonl`` one object per line, in input order;
``markdown`` the exact file text ``digest ingest`` would write. Inputs that give no
article are reported on stderr (stdout stays parseable) and the exit status is 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from ..article import Article
from ..extract import Failure
from ..store.write import ArticleStore, render_file
from .ingest import enriched, make_context, shown


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def as_json(article: Article, path: str) -> dict[str, Any]:
    return {
        "title": article.title,
        "body": article.body,
        "lang": article.lang,
        "date": _iso(article.date),
        "author": article.author,
        "section": article.section,
        "dateline": article.dateline,
        "via": list(article.via),
        "actors": list(article.actors),
        "topics": list(article.topics),
        "summary": article.summary,
        "source": {"name": article.source.name, "url": article.source.url,
                   "retrieved": _iso(article.source.retrieved)},
        "image": article.image,
        "path": path,
    }


def run(args: argparse.Namespace) -> int:
    ctx = make_context(args)
    store = ArticleStore(ctx.config.articles_dir)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    collected: list[dict[str, Any]] = []
    failed = False
    for result in enriched(list(args.inputs), ctx, "extract"):
        if isinstance(result, Failure):
            print(f"skipped {result}", file=sys.stderr)
            failed = True
            continue
        article = result
        article.source.retrieved = article.source.retrieved or now
        path = shown(store.target(article))
        if args.format == "markdown":
            sys.stdout.write(render_file(article))
        elif args.format == "jsonl":
            print(json.dumps(as_json(article, path), ensure_ascii=False), flush=True)
        else:
            collected.append(as_json(article, path))
    if args.format == "json":
        print(json.dumps(collected, ensure_ascii=False, indent=2))
    return 1 if failed else 0
