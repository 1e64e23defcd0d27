"""``digest ingest``: extract, enrich, (translate,) write; one line per article on stdout.

Lines: ``created PATH``, ``updated PATH``, ``unchanged PATH``, ``skipped INPUT: why``.
Exit status 1 when any input gave no article (bad input, no date…); a file kept
because an editor changed it is the rules working, not an error.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterator

from ..article import Article
from ..config import load_config
from ..context import Context
from ..errors import DigestError
from ..extract import Failure, Result, collect_inputs, extract_one
from ..paths import display_path as shown
from ..pipeline import enrich
from ..progress import progress
from ..registry import load_registries
from ..store.write import ArticleStore

Translator = Callable[[Article, Context, list[str]], Article]


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DigestError(f"--date: {value!r} is not a date (expected YYYY-MM-DD)") from None


def make_context(args: argparse.Namespace) -> Context:
    """Settings and registries, loaded once; a broken registry stops the run here."""
    config = load_config(getattr(args, "config", None))
    if getattr(args, "content", None):
        config = config.with_content(args.content)
    return Context(
        config=config,
        registries=load_registries(config.content_dir),
        date=parse_date(getattr(args, "date", None)),
        lang=getattr(args, "lang", None),
        source_name=getattr(args, "source_name", None),
        source_url=getattr(args, "source_url", None),
    )


def enriched(inputs: list[str], ctx: Context, desc: str) -> Iterator[Result]:
    """Extract and enrich every input in order; problems come out as Failures."""
    items = collect_inputs(inputs)
    for item in progress(items, len(items), desc):
        if isinstance(item, Failure):
            yield item
            continue
        for result in extract_one(item, ctx):
            if isinstance(result, Failure):
                yield result
                continue
            try:
                article = enrich(result, ctx)
            except DigestError as exc:
                yield Failure(result.origin or item, exc.message)
                continue
            if article.date is None:
                yield Failure(article.origin or item, "no date found (pass --date YYYY-MM-DD)")
            elif not article.title.strip():
                yield Failure(article.origin or item, "no title found")
            elif not article.lang:
                yield Failure(article.origin or item, "language not identified (pass --lang)")
            else:
                yield article


def _translator(ctx: Context, targets: list[str]
                ) -> tuple[Translator | None, type[DigestError]]:
    """The translation step and the error that means no article can be translated."""
    if not targets:
        return None, DigestError
    if ctx.config.translate.backend == "none":
        raise DigestError("--translate-to needs a translation backend: set [translate] "
                          "backend in digest.toml (ctranslate2 or openai)")
    try:
        from ..translate import BackendUnavailable, translate_article
    except ImportError as exc:
        raise DigestError(f"--translate-to: translation is not available ({exc})") from None
    return translate_article, BackendUnavailable


def run(args: argparse.Namespace) -> int:
    ctx = make_context(args)
    translate, unavailable = _translator(ctx, list(args.translate_to))
    store = ArticleStore(ctx.config.articles_dir)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    failed = False
    for result in enriched(list(args.inputs), ctx, "ingest"):
        if isinstance(result, Failure):
            print(f"skipped {result}", flush=True)
            failed = True
            continue
        article = result
        if translate is not None:
            try:
                article = translate(article, ctx, list(args.translate_to))
            except DigestError as exc:
                if isinstance(exc, unavailable) and unavailable is not DigestError:
                    raise  # the backend is down: stop rather than skip every article
                print(f"skipped {article.origin}: translation failed: {exc.message}",
                      flush=True)
                failed = True
                continue
        outcome = store.write(article, force=args.force, now=now)
        line = f"{outcome.action} {shown(outcome.path)}"
        print(f"{line}: {outcome.reason}" if outcome.reason else line, flush=True)
    return 1 if failed else 0

