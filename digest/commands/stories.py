"""``digest stories``: group the articles into stories; list them, or store ``story:``.

Problems (an unreadable file, no date, no body, a malformed ``story:``, a broken
registry) go to stderr as ``path:line: message``; the other articles are still
clustered and the exit status is 1. With ``--write`` only articles without a story get
one, by a one-line edit of their front matter; the ids digest issued are recorded in
``content/stories.yml`` (see ``digest.stories.ledger``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from ..config import load_config
from ..errors import DigestError
from ..paths import display_path
from ..registry import Registries, RegistryErrors, load_actors
from ..store.frontmatter import write_atomic
from ..stories.assign import assign_stories
from ..stories.corpus import Entry, read_corpus
from ..stories.front_matter import set_story
from ..stories.ledger import NAME, Ledger, load_ledger, save_ledger


def _report(err: DigestError) -> None:
    if err.path:
        err = DigestError(err.message, display_path(err.path), err.line, warning=err.warning)
    print(f"digest: {err}", file=sys.stderr)


def _registries(content: Path, problems: list[DigestError]) -> Registries | None:
    """The actor registry (topics play no part); none at all is fine: text alone."""
    path = content / "actors.yml"
    if not path.exists():
        return Registries(actors={}, topics={})
    try:
        return Registries(actors=load_actors(path), topics={}, actors_path=path)
    except RegistryErrors as exc:
        problems.extend(exc.errors)
    except DigestError as exc:
        problems.append(exc)
    return None  # clustered on the text alone, and nothing written


def _text(entries: list[Entry], stories: list[str], hand_set: set[str]) -> str:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry, sid in zip(entries, stories, strict=True):
        groups[sid].append(entry)
    out = []
    for sid, items in sorted(groups.items(),
                             key=lambda kv: (min(str(e.article.date)[:10] for e in kv[1]),
                                             kv[0])):
        items.sort(key=lambda e: (str(e.article.date), e.rel))
        days = sorted(str(e.article.date)[:10] for e in items)
        span = days[0] if days[0] == days[-1] else f"{days[0]}..{days[-1]}"
        outlets = sorted({e.article.source.name for e in items if e.article.source.name})
        langs = sorted({e.article.lang for e in items if e.article.lang})
        count = f"{len(items)} article{'s' if len(items) != 1 else ''}"
        mark = " (editor)" if sid in hand_set else ""
        out.append(f"{sid}{mark}  {span}  {count}  outlets: {', '.join(outlets) or '-'}  "
                   f"languages: {', '.join(langs) or '-'}\n  {items[0].article.title}")
    return "\n".join(out) + ("\n" if out else "")


def _write(entries: list[Entry], stories: list[str], new: list[bool], ledger: Ledger,
           content: Path, problems: list[DigestError]) -> int:
    written = 0
    for entry, sid, is_new in zip(entries, stories, new, strict=True):
        if not is_new:
            continue  # a stored story (digest's or an editor's) never changes
        try:
            write_atomic(entry.path, set_story(entry.text, sid))
        except (OSError, ValueError) as exc:
            problems.append(DigestError(f"cannot write: {exc}", entry.path))
            continue
        ledger.stories.setdefault(sid, []).append(entry.rel)
        written += 1
    for entry, sid in zip(entries, stories, strict=True):
        listed = ledger.stories.setdefault(sid, [])  # an editor's id is reserved too
        if entry.rel not in listed:
            for other, paths in ledger.stories.items():  # moved by an editor
                if other != sid and entry.rel in paths:
                    paths.remove(entry.rel)
    save_ledger(content / NAME, ledger)  # after the files: a crash leaves ids unlisted,
    return written                      # which reads as an editor's (kept), never lost


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.content:
        config = config.with_content(args.content)
    content = config.content_dir.resolve()
    problems: list[DigestError] = []
    registries = _registries(content, problems)
    try:
        ledger = load_ledger(content / NAME)
    except DigestError as exc:
        problems.append(exc)
        ledger = None
    entries, bad = read_corpus(content)
    problems.extend(bad)

    stored = [e.story for e in entries]
    result = assign_stories([e.article for e in entries], stored, registries,
                            taken=ledger.ids() if ledger else set())
    hand_set = {e.story for e in entries
                if e.story and not (ledger and ledger.machine_owned(e.rel, e.story))}

    if args.format == "jsonl":
        for entry, sid in zip(entries, result.stories, strict=True):
            print(json.dumps({"path": entry.rel, "story": sid}, ensure_ascii=False))
    else:
        sys.stdout.write(_text(entries, result.stories, hand_set))

    if args.write:
        if ledger is None or registries is None:
            problems.append(DigestError("nothing written: fix the problems above first "
                                        f"({NAME} and the registries must be readable)"))
        else:
            written = _write(entries, result.stories, result.new, ledger, content, problems)
            print(f"stored story in {written} article{'s' if written != 1 else ''}",
                  file=sys.stderr)
    for err in problems:
        _report(err)
    return 1 if problems else 0
