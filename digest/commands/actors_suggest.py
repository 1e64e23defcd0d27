"""``digest actors suggest``: names in the articles that no actor claims yet.

Text output, one line per name: articles naming it, the name, the guessed kind, the
article that names it most and a sentence from it. ``--format yaml`` prints registry
stubs to paste into ``content/actors.yml`` (check the kind, add aliases). Names the
editor never wants suggested go in ``content/ignore.yml``, a YAML list of names
(matched ignoring case and diacritics).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ..config import load_config
from ..enrich.suggest import Suggestion, suggest_names
from ..errors import DigestError
from ..paths import display_path as shown
from ..registry import load_registries
from ..slug import slugify
from ..store.article_file import read_article
from ..store.frontmatter import _Loader, dump_yaml, load_yaml
from ..store.write import article_files

IGNORE_NAME = "ignore.yml"
# Registry kinds for the guesses: a place the registry knows as a state is one.
REGISTRY_KIND = {"person": "person", "organization": "organization", "place": "other",
                 "other": "other"}


def load_ignore(path: Path) -> list[str]:
    """The editor's list of names never to suggest; a bad entry is ``path:line``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise DigestError(f"cannot read: {exc}", path) from None
    data = load_yaml(text, path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise DigestError("expected a YAML list of names (- Name)", path, 1)
    root = yaml.compose(text, Loader=_Loader)
    lines = [n.start_mark.line + 1 for n in (root.value if root is not None else [])]
    for item, line in zip(data, lines, strict=True):
        if not isinstance(item, str) or not item.strip():
            raise DigestError("each entry must be a name (text)", path, line)
    return [item.strip() for item in data]


def _stub(s: Suggestion, taken: set[str]) -> str:
    ident, n = slugify(s.name, 60), 1
    while ident in taken:
        n += 1
        ident = f"{slugify(s.name, 60)}-{n}"
    taken.add(ident)
    entry = dump_yaml({"id": ident, "name": s.name, "kind": REGISTRY_KIND[s.kind]})
    lines = entry.rstrip("\n").split("\n")
    head = f"# {s.count} article{'s' if s.count != 1 else ''}, guessed {s.kind}"
    example = " ".join(s.sentence.split())[:160]
    out = [head, *([f"# e.g. {example}"] if example else []), f"- {lines[0]}",
           *(f"  {line}" for line in lines[1:])]
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.content:
        config = config.with_content(args.content)
    registries = load_registries(config.content_dir)
    ignore = load_ignore(config.content_dir / IGNORE_NAME)
    articles = []
    folder = config.articles_dir
    for path in article_files(folder) if folder.is_dir() else []:
        try:
            article, _ = read_article(path)
        except DigestError as exc:  # one broken file should not hide the others' names
            print(f"digest: {exc} (skipped)", file=sys.stderr)
            continue
        articles.append((path.stem, article))
    found = [s for s in suggest_names(articles, registries, config.languages, ignore)
             if s.count >= args.min_count][:max(args.limit, 0)]
    if not found:
        print(f"no unclaimed names in {args.min_count} articles or more (of "
              f"{len(articles)})", file=sys.stderr)
    if args.format == "yaml":
        taken = set(registries.actors)
        print(f"# Suggested by digest actors suggest from {shown(folder)}: check each kind, "
              "add aliases, delete what is not an actor\n# (or list it in "
              f"{IGNORE_NAME}).")
        for s in found:
            print(_stub(s, taken))
        return 0
    width = len(str(found[0].count)) if found else 1
    for s in found:
        sentence = " ".join(s.sentence.split())
        print(f"{s.count:>{width}}  {s.name}  {s.kind}  {s.example}  {sentence}")
    return 0
