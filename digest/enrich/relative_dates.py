"""Relative date lines ("2 hours ago", "kemarin", "vor 3 Tagen", "il y a 2 jours",
"hace 3 días", "منذ ساعتين"), read with Babel's CLDR phrases of each language, and
resolved against the time the input was retrieved.

A relative date says nothing without that time: callers report it instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from ..text.fold import ascii_digits, norm
from ..text.lang import base_language

# CLDR field -> how long one of it is; months and years are too vague for a date line.
UNITS = {"second": dt.timedelta(seconds=1), "minute": dt.timedelta(minutes=1),
         "hour": dt.timedelta(hours=1), "day": dt.timedelta(days=1),
         "week": dt.timedelta(weeks=1)}
_WIDTHS = ("", "-short")
# Counts CLDR writes as words in forms without a number (Arabic "قبل ساعتين", two hours).
_CATEGORY_COUNT = {"one": 1, "two": 2}
# CLDR writes the Arabic past with قبل ("before"); pages as often write منذ ("since").
FRAME_WORDS = {"ar": {"قبل": ("منذ",)}}


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern[str]  # on folded text with ASCII digits
    step: dt.timedelta
    count: int | None  # None: the number is in the text


def _compile(folded: str) -> re.Pattern[str]:
    parts = [r"\s+".join(re.escape(w) for w in piece.split()) for piece in folded.split("{0}")]
    return re.compile(r"(?<!\w)" + r"\s*(\d{1,3})\s*".join(parts) + r"(?!\w)")


@lru_cache(maxsize=64)
def phrases(lang: str) -> tuple[Phrase, ...]:
    """The language's past-time phrases, longest first ("kemarin dulu" before "kemarin")."""
    base = base_language(lang)
    try:
        fields = Locale.parse(base)._data["date_fields"]
    except (UnknownLocaleError, ValueError, KeyError):
        return ()
    found: dict[str, Phrase] = {}
    for unit, step in UNITS.items():
        for width in _WIDTHS:
            data = fields.get(unit + width)
            if not data:
                continue
            for category, text in dict(data.get("past") or {}).items():
                count = None if "{0}" in text else _CATEGORY_COUNT.get(category)
                if count is None and "{0}" not in text:
                    continue
                for variant in _variants(base, norm(text)):
                    found.setdefault(variant, Phrase(_compile(variant), step, count))
            if unit == "day":  # "yesterday", "the day before yesterday", "today"
                for offset, text in dict(data.get("relative") or {}).items():
                    if int(offset) <= 0:
                        folded = norm(text)
                        found.setdefault(folded, Phrase(_compile(folded), step, -int(offset)))
    return tuple(found[k] for k in sorted(found, key=len, reverse=True))


def _variants(base: str, folded: str) -> Iterable[str]:
    yield folded
    for word, others in FRAME_WORDS.get(base, {}).items():
        if word in folded.split():
            for other in others:
                yield " ".join(other if w == word else w for w in folded.split())


@dataclass(frozen=True)
class Found:
    start: int
    text: str  # the phrase as matched (folded)
    ago: dt.timedelta
    by_day: bool  # days and weeks give a date; hours and minutes a time


def find_relative(text: str, languages: Iterable[str]) -> Found | None:
    """The first relative date phrase in ``text`` in any of ``languages`` (the
    article's first), or None."""
    folded = ascii_digits(norm(text))
    langs = tuple(dict.fromkeys(languages))
    # Every phrase has its longest word in the text: a set lookup rules out most lines.
    if not _anchors(langs).intersection(_WORD.findall(folded)):
        return None
    best: Found | None = None
    for lang in langs:
        for phrase in phrases(lang):
            m = phrase.pattern.search(folded)
            if m is None or (best is not None and m.start() >= best.start):
                continue
            count = phrase.count if phrase.count is not None else int(m.group(1))
            best = Found(m.start(), m.group(0), phrase.step * count,
                         phrase.step >= dt.timedelta(days=1))
    return best


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=16)
def _anchors(languages: tuple[str, ...]) -> frozenset[str]:
    return frozenset(max(_WORD.findall(p.pattern.pattern.replace(r"(\d{1,3})", " ")),
                         key=len, default="")
                     for lang in languages for p in phrases(lang))


def resolve(found: Found, retrieved: dt.datetime) -> dt.date | dt.datetime:
    """The date (days, weeks) or time (hours, minutes) ``found`` means, counted back
    from ``retrieved``."""
    if found.by_day:
        return retrieved.date() - found.ago
    return (retrieved - found.ago).replace(microsecond=0)
