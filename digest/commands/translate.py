"""``digest translate``: add machine translations of titles and summaries to article files.

Each file is rewritten atomically as soon as its batch is translated, so an interrupted
run keeps everything already done and the next run (``--only missing``) picks up the
rest. Prints ``translated PATH: LANG…`` on stdout; problems as ``PATH: message`` on
stderr, the others go on, exit 1 at the end. A write the system refuses (disk full)
stops the run with one message, that file left as it was. Only the front matter is
re-rendered: the body stays byte for byte as it was.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..article import Article
from ..config import load_config
from ..context import Context
from ..errors import DigestError
from ..paths import display_path as shown
from ..progress import progress
from ..registry import load_registries
from ..store.article_file import read_article, to_front_matter
from ..store.atomic import WriteError
from ..store.frontmatter import FENCE, dump_yaml, split, write_atomic
from ..store.write import is_untouched, restamp
from ..text.lang import base_language
from ..translate import Backend, load_backend, translate_articles

# Articles per backend call: enough sentences to fill CTranslate2's batches; an LLM
# gains nothing from batching, and one article at a time resumes most finely.
BATCH_SENTENCE_LEVEL = 16


def rewrite(text: str, article: Article, path: Path) -> str:
    """``text`` with its front matter re-rendered from ``article`` and its body as is."""
    if text.startswith("\ufeff"):
        text = text[1:]
    _, _, body_line = split(text, path)
    tail = "\n".join(text.split("\n")[body_line - 1:])  # the line after the closing fence
    return f"{FENCE}\n{dump_yaml(to_front_matter(article))}{FENCE}\n{tail}"


def article_paths(paths: list[str], articles_dir: Path) -> list[Path]:
    if not paths:
        if not articles_dir.is_dir():
            raise DigestError("no articles folder", articles_dir)
        return sorted(articles_dir.rglob("*.md"))
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(path.rglob("*.md"))
        elif path.is_file():
            found.append(path)
        else:
            raise DigestError("no such file or folder", path)
    return found


def choose_targets(requested: list[str] | None, defaults: Iterable[str],
                   backend: Backend) -> list[str]:
    """Requested targets must all be producible; defaults are narrowed to those that are."""
    produced = backend.targets()
    targets = list(dict.fromkeys(requested or defaults))
    if produced is None:
        return targets
    usable = [t for t in targets if base_language(t) in produced]
    if requested and len(usable) < len(targets):
        bad = ", ".join(t for t in targets if t not in usable)
        raise DigestError(f"{backend.name} model {backend.model_name} cannot produce {bad}: "
                          f"it translates into {', '.join(sorted(produced))}")
    if not usable:
        raise DigestError(f"{backend.name} model {backend.model_name} produces none of the "
                          f"site languages ({', '.join(targets)}): pass --to")
    for t in targets:
        if t not in usable:
            print(f"digest translate: {backend.model_name} cannot produce {t}: skipping it",
                  file=sys.stderr)
    return usable


def _batches(paths: list[Path], size: int) -> Iterator[list[Path]]:
    batch: list[Path] = []
    for path in progress(paths, len(paths), "translate"):
        batch.append(path)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _save(path: Path, before: str, article: Article) -> None:
    # An editor may have saved the file while the model was busy: theirs wins.
    if path.read_text(encoding="utf-8") != before:
        raise DigestError("changed while translating; run digest translate again", path)
    text = rewrite(before, article, path)
    # A file untouched since ingest stays "untouched", so a later ingest may still update it.
    if is_untouched(before):
        text = restamp(text)
    write_atomic(path, text)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "by", "machine") == "editor":
        from .translate_editor import run as by_editor

        return by_editor(args)
    if getattr(args, "title", None) is not None or getattr(args, "summary", None) is not None:
        raise DigestError("--title and --summary go with --by editor")
    config = load_config(getattr(args, "config", None))
    if args.content:
        config = config.with_content(args.content)
    ctx = Context(config=config, registries=load_registries(config.content_dir))
    # Loaded here, with the command's overrides, for every article to share.
    backend = ctx.memo("translate.backend",
                       lambda: load_backend(config.translate, args.backend, args.model))
    targets = choose_targets(args.to, config.site_languages, backend)
    paths = article_paths(list(args.paths), config.articles_dir)
    size = BATCH_SENTENCE_LEVEL if backend.sentence_level else 1
    counts = {"translated": 0, "up to date": 0, "failed": 0}

    def fail(exc: DigestError, path: Path) -> None:
        counts["failed"] += 1
        where = shown(Path(exc.path)) if exc.path else shown(path)
        line = f":{exc.line}" if exc.line else ""
        print(f"{where}{line}: {exc.message}", file=sys.stderr, flush=True)

    for batch in _batches(paths, size):
        read: list[tuple[Path, str, Article]] = []
        for path in batch:
            try:
                article, text = read_article(path)
            except DigestError as exc:
                fail(exc, path)
                continue
            read.append((path, text, article))
        results = translate_articles([a for _, _, a in read], ctx, targets, backend,
                                     only=args.only)
        for (path, text, before), result in zip(read, results, strict=True):
            if isinstance(result, DigestError):
                fail(result, path)
                continue
            done = [t for t in targets if result.translations.get(t)
                    is not before.translations.get(t)]
            if not done:
                counts["up to date"] += 1
                continue
            try:
                _save(path, text, result)
            except WriteError as exc:  # disk full: every next file would fail too
                raise DigestError(f"{exc.reason} writing {shown(exc.target)}") from None
            except DigestError as exc:
                fail(exc, path)
                continue
            counts["translated"] += 1
            print(f"translated {shown(path)}: {', '.join(done)}", flush=True)
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    print(f"digest translate: {summary} ({backend.name}/{backend.model_name})",
          file=sys.stderr)
    return 1 if counts["failed"] else 0
