"""Translate articles' titles and summaries: the pipeline step and its batched form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..article import Article, Translation
from ..context import Context
from ..errors import DigestError
from ..text.lang import base_language
from .backend import Backend, BackendUnavailable, signature
from .engine import Request, translate_requests
from .load import load_backend
from .names import NameFinder

ONLY = ("missing", "all")


def backend_for(ctx: Context) -> Backend:
    """The configured backend, loaded once per run."""
    return ctx.memo("translate.backend", lambda: load_backend(ctx.config.translate))


def name_finder(ctx: Context) -> NameFinder:
    return ctx.memo("translate.names", lambda: NameFinder(ctx.registries.actors.values()))


def plan(article: Article, targets: Sequence[str], only: str = "missing") -> list[str]:
    """The target languages this article still needs.

    Never the article's own language; never over an editor's translation; over a
    machine one only with ``only="all"``.
    """
    if only not in ONLY:
        raise ValueError(f"only: expected one of {ONLY}")
    own = base_language(article.lang) if article.lang else None
    todo: list[str] = []
    for target in targets:
        if base_language(target) == own or target in todo:
            continue
        existing = article.translations.get(target)
        if existing is not None and (only == "missing" or not existing.is_machine):
            continue
        todo.append(target)
    return todo


def _check(article: Article, todo: list[str], backend: Backend) -> None:
    if not article.lang:
        raise DigestError("no lang: cannot tell what to translate from", article.origin)
    if not (article.summary or "").strip():
        raise DigestError("no summary to translate", article.origin)
    for target in todo:
        if not backend.supports(article.lang, target):
            raise DigestError(f"{backend.name}/{backend.model_name} cannot translate "
                              f"{article.lang}→{target}", article.origin)


def _apply(article: Article, todo: list[str], outs: list[str], by: str,
           ctx: Context) -> Article:
    translations = dict(article.translations)
    for k, target in enumerate(todo):
        title, summary = outs[2 * k], outs[2 * k + 1]
        if not title.strip() or not summary.strip():
            raise DigestError(f"{by} produced an empty translation into {target}",
                              article.origin)
        translations[target] = Translation(title=title, summary=summary, by=by,
                                           date=ctx.today)
    return replace(article, translations=translations)


def translate_articles(articles: Sequence[Article], ctx: Context, targets: Sequence[str],
                       backend: Backend | None = None,
                       only: str = "missing") -> list[Article | DigestError]:
    """Translate several articles in one batch per language pair.

    Returns, per article, the updated record (unchanged when it needs nothing) or the
    DigestError that stopped it; other articles go on. Raises BackendUnavailable
    when no article can succeed (server unreachable, bad credentials).
    """
    backend = backend or backend_for(ctx)
    finder = name_finder(ctx)
    results: list[Article | DigestError] = list(articles)
    requests: list[Request] = []
    jobs: list[tuple[int, list[str], int]] = []  # article index, targets, first request
    for i, article in enumerate(articles):
        todo = plan(article, targets, only)
        if not todo:
            continue
        try:
            _check(article, todo, backend)
        except DigestError as exc:
            results[i] = exc
            continue
        jobs.append((i, todo, len(requests)))
        for target in todo:
            requests += [Request(article.title, article.lang or "", target),
                         Request(article.summary or "", article.lang or "", target)]
    if not jobs:
        return results
    try:
        outs = translate_requests(backend, requests, finder)
    except BackendUnavailable:
        raise
    except DigestError as exc:
        if len(jobs) == 1:
            i = jobs[0][0]
            results[i] = DigestError(str(exc), articles[i].origin)
            return results
        # Find which article the failure belongs to: the others still get translated.
        for i, _, _ in jobs:
            results[i] = translate_articles([articles[i]], ctx, targets, backend, only)[0]
        return results
    by = signature(backend)
    for i, todo, first in jobs:
        try:
            results[i] = _apply(articles[i], todo, outs[first:first + 2 * len(todo)], by, ctx)
        except DigestError as exc:
            results[i] = exc
    return results


def translate_article(article: Article, ctx: Context, targets: list[str],
                      backend: Backend | None = None, only: str = "missing") -> Article:
    """Add machine translations of title and summary (the ingest step).

    Uses the backend in ``ctx.config.translate`` unless one is given; raises
    DigestError naming the article when it cannot be translated.
    """
    [result] = translate_articles([article], ctx, targets, backend, only)
    if isinstance(result, DigestError):
        raise result
    return result
