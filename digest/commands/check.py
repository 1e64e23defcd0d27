"""``digest check``: validate every article and both registries.

Prints ``path:line: message`` on stdout, sorted by path and line; a summary on stderr;
exit 1 on any error. A date in the future is a warning, not an error, and so is an
actor the text names (by its name or an alias) that the article does not list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..config import Config, load_config
from ..context import Context
from ..errors import DigestError
from ..paths import display_path as shown
from ..registry import Registries, RegistryErrors, load_actors, load_topics
from ..store.frontmatter import key_lines
from ..store.validate import Corpus, check_corpus
from ..store.write import article_files

UNLISTED = "the text names actor"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


def _finding(err: DigestError, fallback: Path) -> Finding:
    return Finding(shown(Path(err.path)) if err.path else shown(fallback), err.line or 0,
                   err.message, err.warning)


def _registries(content: Path, findings: list[Finding]) -> Registries | None:
    """Both registries, each error reported; None (no id checks) if either is broken."""
    loaded: dict[str, Any] = {}
    for name, loader in (("actors", load_actors), ("topics", load_topics)):
        path = content / f"{name}.yml"
        try:
            loaded[name] = loader(path)
        except RegistryErrors as exc:
            findings.extend(_finding(err, path) for err in exc.errors)
        except DigestError as exc:
            findings.append(_finding(exc, path))
    if len(loaded) < 2:
        return None
    return Registries(actors=loaded["actors"], topics=loaded["topics"],
                      actors_path=content / "actors.yml", topics_path=content / "topics.yml")


def check_articles(paths: list[Path], registries: Registries | None,
                   today: dt.date, config: Config | None = None) -> list[Finding]:
    corpus = check_corpus(paths, registries, today, shown=shown)
    found = [_finding(err, Path(err.path or "")) for err in [*corpus.errors, *corpus.warnings]]
    if registries is not None and config is not None:
        found += unlisted_actors(corpus, Context(config=config, registries=registries))
    return found


def unlisted_actors(corpus: Corpus, ctx: Context) -> list[Finding]:
    """A warning for each actor the text names (by its name or an alias) that the
    article's ``actors:`` leaves out: tagging would add it."""
    from ..enrich.actors import tag_actors

    found: list[Finding] = []
    for checked in corpus.files:
        article = checked.article
        if article is None or checked.errors:
            continue
        listed = list(article.actors)
        missing = [a for a in tag_actors(replace(article, actors=list(listed)), ctx).actors
                   if a not in listed]
        if not missing:
            continue
        line = key_lines(Path(article.origin or checked.path).read_text(encoding="utf-8")
                         ).get("actors", 1)
        for ident in missing:
            found.append(Finding(checked.path, line, f"{UNLISTED} {ident!r} "
                                 f"({ctx.registries.actors[ident].name}) but actors: does "
                                 "not list it (add it, or run digest retag)", warning=True))
    return found


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.content:
        config = config.with_content(args.content)
    findings: list[Finding] = []
    registries = _registries(config.content_dir, findings)
    in_registries = len(findings)
    paths = article_files(config.articles_dir) if config.articles_dir.is_dir() else []
    findings.extend(check_articles(paths, registries, dt.date.today(), config))
    for finding in sorted(findings):
        print(finding)
    errors = sum(not f.warning for f in findings)
    warnings = len(findings) - errors
    summary = f"checked {len(paths)} article{'s' if len(paths) != 1 else ''}: {errors} error"
    summary += "s" if errors != 1 else ""
    if in_registries:
        summary += f" ({in_registries} in the registries, {errors - in_registries} in articles)"
    if warnings:
        summary += f", {warnings} warning{'s' if warnings != 1 else ''}"
        unlisted = sum(f.message.startswith(UNLISTED) for f in findings)
        if unlisted:
            summary += f" ({unlisted} unlisted actor{'s' if unlisted != 1 else ''})"
    print(summary, file=sys.stderr)
    return 1 if errors else 0
