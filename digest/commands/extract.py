"""``digest extract``: extract and enrich, print the articles, write nothing.

``--format jsonl`` prints one object per line, in input order, each starting with
``"input"`` (the path or URL as given; a folder stands for the files in it): the article,
or ``{"input": …, "error": "why"}`` for an input that gave none, so no input vanishes
and line N is always about input N (a feed or JSON list gives one line per entry, each
with its ``"entry"`` number). ``--format json`` prints the same objects as one list;
``markdown`` the exact file text ``digest ingest`` would write. Problems are also said
on stderr, and the exit status is then 1. Outside a digest folder (no registries) no
actors or topics are tagged. A closed pipe (``| head``) ends the run quietly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Any

from ..article import Article
from ..extract.result import Failure
from ..paths import display_path as shown
from ..store.write import ArticleStore, render_file
from .ingest import enriched_by_input, make_context


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def as_json(article: Article, path: str) -> dict[str, Any]:
    return {
        "title": article.title,
        "body": article.body,
        "lang": article.lang,
        "date": _iso(article.date),
        "updated": _iso(article.updated),
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


def _entry(origin: str | None, item: str) -> int | None:
    """The entry number of a feed/JSON entry ("feed.xml entry 3" → 3)."""
    if origin and origin != item and origin.startswith(item):
        tail = origin[len(item):].split()
        if len(tail) == 2 and tail[0] in ("entry", "item") and tail[1].isdigit():
            return int(tail[1])
    return None


def _line(item: str, result: Failure | Article, store: ArticleStore,
          now: dt.datetime) -> dict[str, Any]:
    origin = result.origin
    head: dict[str, Any] = {"input": item}
    entry = _entry(origin, item)
    if entry is not None:
        head["entry"] = entry
    if isinstance(result, Failure):
        return {**head, "error": result.reason}
    result.source.retrieved = result.source.retrieved or now
    return {**head, **as_json(result, shown(store.target(result)))}


def run(args: argparse.Namespace) -> int:
    ctx = make_context(args, registries_optional=True)
    store = ArticleStore(ctx.config.articles_dir)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    collected: list[dict[str, Any]] = []
    failed = False
    try:
        for item, result in enriched_by_input(list(args.inputs), ctx, "extract"):
            if isinstance(result, Failure):
                print(f"skipped {result}", file=sys.stderr)
                failed = True
            if args.format == "markdown":
                if isinstance(result, Article):
                    result.source.retrieved = result.source.retrieved or now
                    sys.stdout.write(render_file(result))
                continue
            line = _line(item, result, store, now)
            if args.format == "jsonl":
                print(json.dumps(line, ensure_ascii=False), flush=True)
            else:
                collected.append(line)
        if args.format == "json":
            print(json.dumps(collected, ensure_ascii=False, indent=2), flush=True)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    return 1 if failed else 0
