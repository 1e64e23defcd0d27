"""The four everyday changes to a digest, for incremental-build benchmarks.

Each function changes one thing in a content folder and returns what it touched: an
article edited, one added, one deleted, one alias added to an actor in the registry.
The choice of article is deterministic (by sorted path), so runs are comparable.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from digest.store.article_file import read_article, render_article


def _articles(content: Path) -> list[Path]:
    return sorted((content / "articles").rglob("*.md"))


def edit_article(content: Path) -> Path:
    """Add one sentence to the body of the middle article."""
    paths = _articles(content)
    path = paths[len(paths) // 2]
    article, _ = read_article(path)
    article.body = article.body.rstrip() + "\n\nThis paragraph was added by an editor.\n"
    path.write_text(render_article(article), encoding="utf-8")
    return path


def add_article(content: Path) -> Path:
    """A new article: a copy of the first one under a new slug and title."""
    source = _articles(content)[0]
    article, _ = read_article(source)
    article.title = f"{article.title} (follow-up)"
    article.source = replace(article.source, url=f"{article.source.url}/follow-up")
    path = source.with_name(f"{source.stem}-follow-up.md")
    path.write_text(render_article(article), encoding="utf-8")
    return path


def delete_article(content: Path) -> Path:
    """Remove the last article."""
    path = _articles(content)[-1]
    path.unlink()
    return path


def add_alias(content: Path, alias: str = "Added Alias Name") -> Path:
    """Give the first actor of the registry one more alias."""
    path = content / "actors.yml"
    actors = yaml.safe_load(path.read_text(encoding="utf-8"))
    actors[0].setdefault("aliases", []).append(alias)
    path.write_text(yaml.safe_dump(actors, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


EDITS = {"edit": edit_article, "add": add_article, "delete": delete_article,
         "alias": add_alias}
