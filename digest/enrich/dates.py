"""Stage: the publication date, from the extractor's hint or the top of the text.

Month names come from Babel for every configured language, so "9 Juli 2024",
"3 mars 2024", "٩ يوليو ٢٠٢٤" and "July 9, 2024" need no per-language code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..article import Article
from ..context import Context
from ..text.calendar import month_names
from ..text.fold import ascii_digits, norm
from ..text.lang import base_language

# Zones news sites print after a time; anything else gives a plain date.
ZONES = {"wib": 7, "wita": 8, "wit": 9, "gmt": 0, "utc": 0, "z": 0}
TOP_CHARS = 600  # a date line sits near the top; deeper dates are about other events
MIN_YEAR = 1900

_TIME = re.compile(
    r"[\s,|/()–—\-]*(?:(?:pukul|jam|at|um|a las|a|à)\s+)?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?"
    r"(?:\s*(wita|wib|wit|gmt|utc|z)\b(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?)?")
_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"(z|[+-]\d{2}:?\d{2})?)?(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?![\d/])")
# Year first with slashes or dots ("2026/09/07", Arabic and East Asian sites): always
# year, month, day; no site writes year, day, month.
_YEAR_FIRST = re.compile(r"(?<![\d/.])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)")


@dataclass
class _Patterns:
    months: dict[str, dict[str, int]]  # per language
    shared: dict[str, int]  # every configured language; clashing names left out
    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]


def _build(languages: tuple[str, ...]) -> _Patterns:
    months = {lang: month_names(lang) for lang in languages}
    shared: dict[str, int] = {}
    clashes: set[str] = set()
    for table in months.values():
        for name, number in table.items():
            if shared.setdefault(name, number) != number:
                clashes.add(name)
    names = sorted({n for t in months.values() for n in t}, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names) or r"(?!x)x"
    month = rf"(?<!\w)({alternation})(?!\w)\.?"
    return _Patterns(
        months=months,
        shared={k: v for k, v in shared.items() if k not in clashes},
        day_month_year=re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:er|º|°)?[\s.\-/]*(?:de\s+)?{month}[\s,\-/]*(?:de\s+)?"
            rf"(\d{{4}})(?!\d)"),
        month_day_year=re.compile(rf"{month}\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"),
    )


def _patterns(ctx: Context) -> _Patterns:
    return ctx.memo("date", lambda: _build(ctx.config.languages))


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_time(day: dt.date, rest: str) -> dt.date | dt.datetime:
    """A datetime when a time with a known zone follows the date, else the date."""
    m = _TIME.match(rest)
    if not m or not m.group(4):
        return day
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    offset = dt.timedelta(hours=ZONES[m.group(4)])
    if m.group(5):
        extra = dt.timedelta(hours=int(m.group(6)), minutes=int(m.group(7) or 0))
        offset += extra if m.group(5) == "+" else -extra
    try:
        return dt.datetime(day.year, day.month, day.day, hour, minute, second,
                           tzinfo=dt.timezone(offset))
    except ValueError:
        return day


def _iso_zone(text: str | None) -> dt.timezone | None:
    if not text:
        return None
    if text == "z":
        return dt.UTC
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _numeric(m: re.Match[str], lang: str | None) -> dt.date | None:
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if lang and base_language(lang) == "en":
        # US writers put the month first, British ones the day: only a number above 12
        # tells which.
        if first > 12:
            return _make(year, second, first)
        if second > 12:
            return _make(year, first, second)
        return None
    return _make(year, second, first)


def _candidates(text: str, pats: _Patterns, lang: str | None
                ) -> Iterator[tuple[int, dt.date | dt.datetime]]:
    """(position, date or datetime) for every date written in ``text``."""
    table = pats.months.get(lang or "", {})

    def month(name: str) -> int | None:
        return table.get(name) or pats.shared.get(name)

    for m in pats.day_month_year.finditer(text):
        number = month(m.group(2))
        day = _make(int(m.group(3)), number, int(m.group(1))) if number else None
        if day:
            yield m.start(), _with_time(day, text[m.end():m.end() + 40])
    for m in pats.month_day_year.finditer(text):
        number = month(m.group(1))
        day = _make(int(m.group(3)), number, int(m.group(2))) if number else None
        if day:
            yield m.start(), _with_time(day, text[m.end():m.end() + 40])
    for m in _ISO.finditer(text):
        day = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if not day:
            continue
        zone = _iso_zone(m.group(7))
        if m.group(4) and zone is not None:
            try:
                yield m.start(), dt.datetime(day.year, day.month, day.day, int(m.group(4)),
                                             int(m.group(5)), int(m.group(6) or 0),
                                             tzinfo=zone)
                continue
            except ValueError:
                pass
        yield m.start(), day
    for m in _NUMERIC.finditer(text):
        day = _numeric(m, lang)
        if day:
            yield m.start(), _with_time(day, text[m.end():m.end() + 40])
    for m in _YEAR_FIRST.finditer(text):
        day = _make(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if day:
            yield m.start(), _with_time(day, text[m.end():m.end() + 40])


def parse_date(text: str, ctx: Context, lang: str | None = None,
               ) -> dt.date | dt.datetime | None:
    """The first plausible date written in ``text`` (not after tomorrow), or None."""
    latest = ctx.today + dt.timedelta(days=1)
    folded = ascii_digits(norm(text))
    found = sorted(_candidates(folded, _patterns(ctx), lang), key=lambda c: c[0])
    for _, value in found:
        day = value.date() if isinstance(value, dt.datetime) else value
        if day.year >= MIN_YEAR and day <= latest:
            return value
    return None


def find_date(article: Article, ctx: Context) -> Article:
    """Keep a date already known (page metadata); else the page's date line (the
    extractor's ``date_text`` hint); else the title's or the top of the body's, a
    fallback only, since a lead often dates the event rather than the article; else
    ``--date``."""
    if article.date is not None:
        return article
    places = [article.hints.get("date_text") or "", article.title,
              "\n".join(article.paragraphs)[:TOP_CHARS]]
    for text in places:
        found = parse_date(text, ctx, article.lang) if text else None
        if found is not None:
            article.date = found
            return article
    article.date = ctx.date
    return article
