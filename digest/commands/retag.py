"""``digest retag``: bring stored articles in step with the registries.

Re-runs via, actors and topics over each article and gives a story to an article that
has none; only those keys, the ``machine:`` stamp and the checksum lines change (an
in-place edit: every other byte stays). A key an editor changed is kept and reported.
A story once stored is never changed (story pages are addressed by it).

stdout: ``retagged PATH: actors +a -b`` per changed file, ``kept PATH: …`` where an
editor's value differs from what digest would write, then the changes over all files
(``actors: +new-actor in 1 article``). stderr: unreadable files as ``path:line:
message`` (left untouched, the others go on) and the summary line. Exit 1 if any file
failed. ``--dry-run`` writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..config import load_config
from ..context import Context
from ..enrich.retag import retag
from ..errors import DigestError
from ..paths import display_path as shown
from ..registry import load_registries
from ..store.atomic import WriteError
from ..store.edit import set_keys
from ..store.frontmatter import key_lines, parse, write_atomic
from ..store.ownership import ownership, stamp_for
from ..store.schema import read_article
from ..store.validate import read_text
from ..store.write import article_files, is_untouched
from ..stories.assign import assign_stories
from ..stories.corpus import read_corpus
from ..stories.ledger import NAME, Ledger, load_ledger, save_ledger


@dataclass
class Tally:
    files: int = 0
    changed: int = 0
    kept: int = 0
    failed: int = 0
    plus: Counter[tuple[str, str]] = field(default_factory=Counter)
    minus: Counter[tuple[str, str]] = field(default_factory=Counter)
    storied: int = 0  # articles given a story
    stories: set[str] = field(default_factory=set)


def selected(paths: list[str], articles_dir: Path) -> list[Path]:
    if not paths:
        return article_files(articles_dir) if articles_dir.is_dir() else []
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += article_files(path)
        elif path.is_file():
            found.append(path)
        else:
            raise DigestError("no such file or folder", path)
    return found


def new_stories(content: Path, ledger: Ledger | None, ctx: Context) -> dict[Path, str]:
    """A story for each article that has none (clustered with the whole corpus)."""
    if ledger is None:
        return {}
    entries, _ = read_corpus(content)  # files it cannot read are reported below
    if all(e.story for e in entries):
        return {}
    result = assign_stories([e.article for e in entries], [e.story for e in entries],
                            ctx.registries, taken=ledger.ids())
    return {e.path.resolve(): sid for e, sid, new in
            zip(entries, result.stories, result.new, strict=True) if new}


def _fail(tally: Tally, where: str, line: int | None, message: str) -> None:
    tally.failed += 1
    print(f"{where}:{line}: {message}" if line else f"{where}: {message}",
          file=sys.stderr, flush=True)


def _diff(old: list[str], new: list[str]) -> str:
    return " ".join([*(f"+{x}" for x in new if x not in old),
                     *(f"-{x}" for x in old if x not in new)]) or "reordered"


def retag_file(path: Path, ctx: Context, story: str | None, tally: Tally,
               dry_run: bool) -> bool:
    """Retag one file; True if it was (or would be) changed."""
    where = shown(path)
    text = read_text(path, where)
    if isinstance(text, DigestError):
        _fail(tally, where, text.line, text.message)
        return False
    try:
        meta, body = parse(text, path)
    except DigestError as exc:
        _fail(tally, where, exc.line, exc.message)
        return False
    article, problems = read_article(meta, body.strip("\n"), origin=str(path))
    if problems:
        key, message = problems[0]
        _fail(tally, where, key_lines(text).get(key.split(".")[0]), message)
        return False
    result = retag(article, ownership(article, meta, is_untouched(text)), ctx)
    values: dict[str, object] = {k: getattr(result.article, k) or None for k in result.changed}
    notes = [f"{k} {_diff(old, new)}" for k, (old, new) in result.changed.items()]
    if story and not article.story:
        values["story"] = result.article.story = story
        notes.append(f"story {story}")
    for key, (old, new) in result.changed.items():
        tally.plus.update((key, x) for x in new if x not in old)
        tally.minus.update((key, x) for x in old if x not in new)
    if story and not article.story:
        tally.stories.add(story)
        tally.storied += 1
    for key, theirs in result.kept.items():
        tally.kept += 1
        print(f"kept {where}: the editor's {key} (digest would write "
              f"{_diff(getattr(article, key), theirs)})", flush=True)
    if not values:
        return False
    new_text = set_keys(text, values, stamp_for(result.article, result.owner))
    if not dry_run:
        write_atomic(path, new_text)
    tally.changed += 1
    print(f"{'would retag' if dry_run else 'retagged'} {where}: {'; '.join(notes)}",
          flush=True)
    return True


def _summary(tally: Tally) -> list[str]:
    out = []
    for sign, counts in (("+", tally.plus), ("-", tally.minus)):
        for (key, ident), n in sorted(counts.items()):
            out.append(f"{key}: {sign}{ident} in {n} article{'s' if n != 1 else ''}")
    if tally.storied:
        n, k = tally.storied, len(tally.stories)
        out.append(f"story: given to {n} article{'s' if n != 1 else ''} "
                   f"({k} stor{'ies' if k != 1 else 'y'})")
    return out


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.content:
        config = config.with_content(args.content)
    ctx = Context(config=config, registries=load_registries(config.content_dir))
    paths = selected(list(args.paths), config.articles_dir)
    content = config.content_dir.resolve()
    tally = Tally(files=len(paths))
    try:
        ledger: Ledger | None = load_ledger(content / NAME)
    except DigestError as exc:
        _fail(tally, shown(content / NAME), exc.line, f"{exc.message} (no stories given)")
        ledger = None
    stories = new_stories(content, ledger, ctx)
    for path in paths:
        story = stories.get(path.resolve())
        try:
            changed = retag_file(path, ctx, story, tally, args.dry_run)
        except WriteError as exc:  # disk full: every next file would fail too
            raise DigestError(f"{exc.reason} writing {shown(exc.target)}") from None
        if changed and story and ledger is not None:
            rel = path.resolve().relative_to(content).as_posix() \
                if path.resolve().is_relative_to(content) else str(path)
            ledger.stories.setdefault(story, []).append(rel)
    if ledger is not None and stories and not args.dry_run:
        save_ledger(content / NAME, ledger)  # after the files, as `digest stories` does
    for line in _summary(tally):
        print(line)
    verb = "would change" if args.dry_run else "changed"
    print(f"digest retag: {tally.files} article{'s' if tally.files != 1 else ''}, "
          f"{tally.changed} {verb}, {tally.kept} editor's value{'s' if tally.kept != 1 else ''}"
          f" kept, {tally.failed} failed", file=sys.stderr)
    return 1 if tally.failed else 0

