"""Validation of one article file's front matter against the contract and registries."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from .article import STATUSES
from .errors import DigestError
from .frontmatter import key_lines, parse, to_date
from .registry import Registries

REQUIRED = ("title", "date", "lang")
LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?$")


def _problem(msg: str, path: Path, lines: dict[str, int], key: str) -> DigestError:
    line = lines.get(key) or lines.get(key.split(".")[0]) or 1
    return DigestError(msg, path, line)


def check_meta(meta: dict[str, Any], body: str, path: Path, text: str,
               registries: Registries | None) -> list[DigestError]:
    """Every problem in one article's metadata, each with its line."""
    problems: list[DigestError] = []
    lines: dict[str, int] | None = None

    def report(msg: str, key: str) -> None:
        nonlocal lines
        if lines is None:
            lines = key_lines(text)
        problems.append(_problem(msg, path, lines, key))

    for key in REQUIRED:
        if meta.get(key) in (None, ""):
            report(f"missing required key '{key}'", key)
    if meta.get("title") is not None and not isinstance(meta.get("title"), str):
        report("title: expected text", "title")
    if meta.get("date") is not None and to_date(meta["date"]) is None:
        report(f"date: {meta['date']!r} is not an ISO 8601 date or datetime", "date")
    lang = meta.get("lang")
    if lang is not None and not (isinstance(lang, str) and LANG_RE.match(lang)):
        report(f"lang: {lang!r} is not a BCP 47 language tag", "lang")
    status = meta.get("status", "published")
    if status not in STATUSES:
        report(f"status: {status!r} is not one of {', '.join(STATUSES)}", "status")
    source = meta.get("source")
    if source is not None and not isinstance(source, dict):
        report("source: expected a mapping with name and url", "source")
    for key in ("topics", "actors", "via"):
        value = meta.get(key)
        if value is not None and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)):
            report(f"{key}: expected a list of strings", key)
    if registries is not None:
        for i, ident in enumerate(meta.get("actors") or []):
            if isinstance(ident, str) and ident not in registries.actors:
                report(f"unknown actor id {ident!r} (not in actors.yml)", f"actors.{i}")
        for i, ident in enumerate(meta.get("topics") or []):
            if isinstance(ident, str) and ident not in registries.topics:
                report(f"unknown topic id {ident!r} (not in topics.yml)", f"topics.{i}")
    translations = meta.get("translations")
    if translations is not None:
        if not isinstance(translations, dict):
            report("translations: expected a mapping of language to title/summary",
                   "translations")
        else:
            for tl, t in translations.items():
                key = f"translations.{tl}"
                if not isinstance(tl, str) or not LANG_RE.match(tl):
                    report(f"translations: {tl!r} is not a language tag", key)
                elif not isinstance(t, dict):
                    report(f"{key}: expected title, summary and by", key)
                elif "by" in t and not (t["by"] == "editor" or str(t["by"]).startswith(
                        "machine:")):
                    report(f"{key}.by: expected 'editor' or 'machine:<backend>/<model>'",
                           f"{key}.by")
    if not body.strip():
        problems.append(DigestError("the article has an empty body", path,
                                    text.count("\n") + 1))
    return problems


def check_file(path: Path, registries: Registries | None) -> list[DigestError]:
    """Problems in one article file (parse errors included), never raising."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [DigestError("not valid UTF-8", path)]
    except OSError as exc:
        return [DigestError(f"cannot read: {exc.strerror}", path)]
    try:
        meta, body = parse(text, path)
    except DigestError as exc:
        return [exc]
    return check_meta(meta, body, path, text, registries)


def is_future(value: dt.date | dt.datetime, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    day = value.date() if isinstance(value, dt.datetime) else value
    return day > today
