"""Validation of article files against the contract (``schema``) and the registries.

One path for ``digest check`` and the build: :func:`check_corpus` reads every article
file once, returns the typed Articles of the good ones and every problem as
``path:line: message``; the Pelican reader builds pages from those Articles.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..article import Article
from ..errors import DigestError
from ..registry import Registries
from .frontmatter import key_lines, parse
from .schema import FIELDS, KNOWN_KEYS, read_article

# Keys digest itself writes besides the contract's fields.
MACHINE_KEYS = ("checksum", "machine")


@dataclass
class Checked:
    """One file's verdict: its Article when it could be read, and its problems."""

    path: str  # as shown to the user
    article: Article | None
    errors: list[DigestError] = field(default_factory=list)
    warnings: list[DigestError] = field(default_factory=list)


@dataclass
class Corpus:
    """Every article file of a digest, checked."""

    files: list[Checked]
    errors: list[DigestError] = field(default_factory=list)
    warnings: list[DigestError] = field(default_factory=list)

    @property
    def articles(self) -> dict[str, Article]:
        """Good articles by absolute path (as Pelican names its source files)."""
        return {os.path.abspath(c.article.origin or c.path): c.article for c in self.files
                if c.article is not None and not c.errors}


def _line_of(lines: dict[str, int], key: str) -> int:
    while key:
        if key in lines:
            return lines[key]
        key = key.rpartition(".")[0]
    return 1


def check_text(text: str, shown: str, registries: Registries | None,
               origin: str | None = None) -> Checked:
    """Problems in one article file's text, each with its line; never raises."""
    try:
        meta, body = parse(text, shown)
    except DigestError as exc:
        return Checked(shown, None, [exc])
    article, problems = read_article(meta, body.strip("\n"), origin=origin or shown)
    messages = [(key, msg) for key, msg in problems]
    if registries is not None:
        for f in FIELDS:
            known = getattr(registries, f.registry) if f.registry else None
            if known is None:
                continue
            for i, ident in enumerate(meta.get(f.key) or []):
                if isinstance(ident, str) and ident not in known:
                    messages.append((f"{f.key}.{i}", f"unknown {f.key[:-1]} id {ident!r} "
                                     f"(not in {f.registry}.yml)"))
    hints = []
    for key in meta:
        if isinstance(key, str) and key not in KNOWN_KEYS and key not in MACHINE_KEYS:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.75)
            if close:
                hints.append((key, f"unknown key {key!r} (did you mean {close[0]!r}?)"))
    lines = key_lines(text) if messages or hints else {}
    checked = Checked(shown, article)
    checked.errors = [DigestError(msg, shown, _line_of(lines, key)) for key, msg in messages]
    checked.warnings = [DigestError(msg, shown, _line_of(lines, key), warning=True)
                        for key, msg in hints]
    if not body.strip():
        checked.errors.append(DigestError("the article has an empty body", shown,
                                          text.count("\n") + 1))
    return checked


def read_text(path: Path, shown: str) -> str | DigestError:
    """The file's text, or the reason it cannot be read (with the line of a bad byte)."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        return DigestError("is a folder, not an article file", shown, 1)
    except OSError as exc:
        return DigestError(f"cannot read: {exc.strerror or exc}", shown, 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return DigestError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", shown, line)


def check_file(path: Path, registries: Registries | None,
               shown: str | None = None) -> Checked:
    """One article file, read and checked; never raises."""
    shown = shown or str(path)
    text = read_text(path, shown)
    if isinstance(text, DigestError):
        return Checked(shown, None, [text])
    return check_text(text, shown, registries, origin=str(path))


def is_future(value: dt.date | dt.datetime, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    day = value.date() if isinstance(value, dt.datetime) else value
    return day > today


def check_corpus(paths: Iterable[Path], registries: Registries | None,
                 today: dt.date | None = None,
                 shown: Callable[[Path], str] = str) -> Corpus:
    """Every file checked, plus what only the whole set shows: duplicate slugs (article
    URLs have no year) and source URLs, and dates in the future (a warning)."""
    from .write import canonical_url

    today = today or dt.date.today()
    corpus = Corpus(files=[])
    slugs: dict[str, str] = {}
    urls: dict[str, str] = {}
    for path in paths:
        name = shown(path)
        checked = check_file(path, registries, name)
        corpus.files.append(checked)
        slug = path.stem
        if slug in slugs:
            checked.errors.append(DigestError(
                f"duplicate slug {slug!r} (also {slugs[slug]})", name, 1))
        else:
            slugs[slug] = name
        article = checked.article
        if article is None:
            continue
        lines: dict[str, int] | None = None
        if article.source.url:
            key = canonical_url(article.source.url)
            if key in urls:
                lines = key_lines(path.read_text(encoding="utf-8"))
                checked.errors.append(DigestError(
                    f"same source URL as {urls[key]} ({article.source.url})", name,
                    lines.get("source.url", 1)))
            else:
                urls[key] = name
        if article.date is not None and is_future(article.date, today):
            if lines is None:
                lines = key_lines(path.read_text(encoding="utf-8"))
            checked.warnings.append(DigestError(
                f"date {article.date.isoformat()} is in the future", name,
                lines.get("date", 1), warning=True))
    for checked in corpus.files:
        corpus.errors += checked.errors
        corpus.warnings += checked.warnings
    return corpus
