"""Read every article for clustering: its record, its stored story and any problem that
keeps it out (``path:line: message``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..article import Article
from ..errors import DigestError
from ..store.frontmatter import key_lines, parse, split
from ..store.schema import kind_of, read_article
from ..store.write import article_files
from .ids import id_problem


@dataclass
class Entry:
    path: Path
    rel: str  # under the content folder, with "/": how output names the file
    text: str
    article: Article
    story: str | None  # as stored in the front matter


def _day(date: dt.date | dt.datetime) -> int:
    return (date.date() if isinstance(date, dt.datetime) else date).toordinal()


def day_of(article: Article) -> int:
    assert article.date is not None
    return _day(article.date)


def read_entry(path: Path, content: Path) -> Entry:
    """One article, or a DigestError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes().count(b"\n", 0, exc.start) + 1
        raise DigestError("not valid UTF-8", path, line) from None
    except OSError as exc:
        raise DigestError(f"cannot read: {exc.strerror or exc}", path) from None
    meta, body = parse(text, path)
    article, problems = read_article(meta, body.strip("\n"), origin=str(path))
    lines = None

    def line_of(key: str) -> int:
        nonlocal lines
        lines = lines if lines is not None else key_lines(text)
        return lines.get(key, 1 if key == "date" else 0) or 1

    for key, message in problems:
        if key == "date":
            raise DigestError(message, path, line_of("date"))
    story = meta.get("story")
    if story is not None:
        if not isinstance(story, str):
            raise DigestError(f"story: expected a story id, found {kind_of(story)}",
                              path, line_of("story"))
        problem = id_problem(story)
        if problem:
            raise DigestError(problem, path, line_of("story"))
    if not article.body.strip():
        raise DigestError("no body: the article has no text to compare", path,
                          split(text, path)[2])
    rel = path.relative_to(content).as_posix() if path.is_relative_to(content) else str(path)
    return Entry(path=path, rel=rel, text=text, article=article, story=story)


def read_corpus(content: Path) -> tuple[list[Entry], list[DigestError]]:
    """Every article under ``content/articles``, in path order, and the problems of
    those left out."""
    articles = content / "articles"
    entries: list[Entry] = []
    problems: list[DigestError] = []
    for path in (article_files(articles) if articles.is_dir() else []):
        try:
            entries.append(read_entry(path, content))
        except DigestError as exc:
            problems.append(exc)
    entries.sort(key=lambda e: e.rel)
    return entries, problems
