"""``digest ingest``: extract, enrich, (translate,) write; one line per article on stdout.

Lines: ``created PATH``, ``updated PATH``, ``unchanged PATH``, ``skipped INPUT: why``.
Exit status 1 when any input gave no article (bad input, no date…); a file kept
because an editor changed it is the rules working, not an error. A write the system
refuses (disk full) stops the run with one message; the file is left as it was.
A new article gets its story as it is written (``digest.stories.online``): it joins a
story or starts one; an existing file keeps the story it has.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..article import Article
from ..config import load_config
from ..context import Context
from ..errors import DigestError
from ..extract import collect_inputs, extract_one
from ..extract.result import Failure, Result
from ..paths import display_path as shown
from ..pipeline import enrich
from ..progress import progress
from ..registry import Registries, load_registries
from ..store.atomic import WriteError, remove_leftovers
from ..store.write import ArticleStore
from ..stories.online import StoryPlacer
from ..text.lang import base_language
from ..urls import storable_url

Translator = Callable[[Article, Context, list[str]], Article]


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DigestError(f"--date: {value!r} is not a date (expected YYYY-MM-DD)") from None


_TAG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")  # en, en-us, zh-hant, es-419


def _code(value: str) -> str:
    return value.strip().replace("_", "-").lower()


def parse_lang(value: str | None, languages: tuple[str, ...]) -> str | None:
    """``--lang`` as one of the configured languages: ``EN`` → ``en``, ``en_US`` → ``en``
    when ``en`` (and not ``en-US``) is configured, ``pt`` → ``pt-BR`` when that is the
    only Portuguese one."""
    if value is None:
        return None
    wanted = _code(value)
    by_code = {_code(lang): lang for lang in languages}
    base = base_language(wanted)
    same_base = [lang for code, lang in by_code.items() if base_language(code) == base]
    found = by_code.get(wanted)
    if found is None and _TAG.match(wanted):
        found = by_code.get(base) or (same_base[0] if len(same_base) == 1 else None)
    if found is None:
        raise DigestError(f"--lang: {value!r} is not one of the digest's languages "
                          f"({', '.join(languages)}; see languages in digest.toml)")
    return found


def source_url_option(value: str | None) -> str | None:
    """``--source-url`` as it will be stored; refused up front unless it is http(s)."""
    if value is None:
        return None
    url, refused = storable_url(value, "--source-url:")
    if refused:
        raise DigestError(refused)
    return url


def make_context(args: argparse.Namespace, *, registries_optional: bool = False) -> Context:
    """Settings and registries, loaded once; a broken registry stops the run here.

    With ``registries_optional`` (``digest extract`` outside a digest folder) a content
    folder without registries means no actor or topic tagging, said once on stderr."""
    date = parse_date(getattr(args, "date", None))  # bad options first, before any reading
    source_url = source_url_option(getattr(args, "source_url", None))
    config = load_config(getattr(args, "config", None))
    if getattr(args, "content", None):
        config = config.with_content(args.content)
    lang = parse_lang(getattr(args, "lang", None), config.languages)
    if registries_optional and not (config.actors_path.exists()
                                    or config.topics_path.exists()):
        print(f"digest: no registries in {shown(config.content_dir)}: "
              "actors and topics are not tagged", file=sys.stderr)
        registries = Registries(actors={}, topics={})
    else:
        registries = load_registries(config.content_dir)
    return Context(
        config=config,
        registries=registries,
        date=date,
        lang=lang,
        source_name=getattr(args, "source_name", None),
        source_url=source_url,
    )


def enriched(inputs: list[str], ctx: Context, desc: str) -> Iterator[Result]:
    """Extract and enrich every input in order; problems come out as Failures."""
    for _item, result in enriched_by_input(inputs, ctx, desc):
        yield result


def enriched_by_input(inputs: list[str], ctx: Context, desc: str
                      ) -> Iterator[tuple[str, Result]]:
    """Each result with the input (file or URL, folders expanded) it came from."""
    items = collect_inputs(inputs)
    for item in progress(items, len(items), desc):
        if isinstance(item, Failure):
            yield item.origin, item
            continue
        for result in _enriched_one(item, ctx):
            yield item, result


def _enriched_one(item: str, ctx: Context) -> Iterator[Result]:
    for result in extract_one(item, ctx):
        if isinstance(result, Failure):
            yield result
            continue
        try:
            article = enrich(result, ctx)
        except DigestError as exc:
            yield Failure(result.origin or item, exc.message)
            continue
        if article.hints.get("date_warning"):
            print(f"{article.origin or item}: warning: {article.hints['date_warning']}",
                  file=sys.stderr)
        if not article.lang:  # first: dates and names are read in the article's language
            from ..enrich.language import unidentified

            yield Failure(article.origin or item, unidentified(article, ctx))
        elif article.date is None:
            yield Failure(article.origin or item, article.hints.get("date_problem")
                          or "no date found (pass --date YYYY-MM-DD)")
        elif not article.title.strip():
            yield Failure(article.origin or item, "no title found")
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


def clean_leftovers(folder: Path) -> None:
    """Remove the temporary files of runs that were killed while writing."""
    for path in remove_leftovers(folder):
        print(f"digest: removed {shown(path)} (left by an interrupted run)", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    ctx = make_context(args)
    translate, unavailable = _translator(ctx, list(args.translate_to))
    clean_leftovers(ctx.config.content_dir)  # the articles and the story ledger
    store = ArticleStore(ctx.config.articles_dir)
    stories = StoryPlacer(ctx.config.content_dir, ctx.registries)
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
        try:
            outcome = store.write(article, force=args.force, now=now, place=stories.place)
        except WriteError as exc:  # disk full, permissions: every next write would fail too
            raise DigestError(f"{exc.reason} writing {shown(exc.target)}") from None
        line = f"{outcome.action} {shown(outcome.path)}"
        print(f"{line}: {outcome.reason}" if outcome.reason else line, flush=True)
    return 1 if failed else 0

