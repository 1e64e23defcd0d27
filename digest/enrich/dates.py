"""Stage: the publication date (and an update stamp), from the extractor's hints or
the top of the text.

Month names come from Babel for every configured language, so "9 Juli 2024",
"3 mars 2024", "٩ يوليو ٢٠٢٤" and "July 9, 2024" need no per-language code, and so does
the order of a numeric date (Babel's short date pattern: "d/M/y" or "M/d/y"). On a date
line the words before each date say what it is: "Published …", "Publié le …",
"Diterbitkan …" a publication, "Updated …", "mis à jour le …", "Diperbarui …" an update
(small cue lists, one signal). The first publication date wins; an update is kept as
``updated``. A relative line ("2 hours ago", "kemarin") counts back from the time the
input was retrieved, and is reported when the input does not say when that was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from babel import localedata
from babel.dates import get_date_format

from ..article import Article
from ..context import Context
from ..text.calendar import month_names
from ..text.fold import ascii_digits, norm
from ..text.lang import base_language
from .relative_dates import find_relative, resolve

# Zones news sites print after a time (hours from UTC); anything else gives a plain date.
ZONES = {"wib": 7, "wita": 8, "wit": 9, "gmt": 0, "utc": 0, "z": 0, "cet": 1, "cest": 2,
         "mez": 1, "mesz": 2, "bst": 1, "est": -5, "edt": -4, "et": -5, "pst": -8,
         "pdt": -7, "pt": -8, "eet": 2, "eest": 3, "myt": 8, "ast": 3}
TOP_CHARS = 600  # a date line sits near the top; deeper dates are about other events
MIN_YEAR = 1900
# A language writes numeric dates day first (or month first) when this share of its
# regional variants in CLDR do; below it ("en": US and British), a number above 12 must
# tell, unless the article's tag names a region ("en-GB").
ORDER_SHARE = 0.9

# The words before a date on a date line, folded: what the date is. Small lists, one
# signal; a date with neither is a publication date.
PUBLISHED_CUES = (
    "published", "posted", "first published", "released", "publie", "publiee",
    "mis en ligne", "paru", "veroffentlicht", "erschienen", "publiziert", "publicado",
    "publicada", "diterbitkan", "dipublikasikan", "terbit", "dipublikasi", "disiarkan",
    "diterbit", "نشر", "تاريخ النشر", "نشر في", "نشر بتاريخ",
)
UPDATED_CUES = (
    "updated", "last updated", "modified", "last modified", "revised", "mis a jour",
    "mise a jour", "modifie", "modifiee", "actualise", "actualisiert", "aktualisiert",
    "zuletzt aktualisiert", "geandert", "stand", "actualizado", "actualizada",
    "modificado", "actualizacion", "diperbarui", "diperbaharui", "pembaruan", "update",
    "dikemaskini", "dikemas kini", "kemaskini", "تحديث", "اخر تحديث", "محدث", "حدث",
    "تم التحديث",
)
_CUES = re.compile(r"(?<!\w)(" + "|".join(
    re.escape(c) for c in sorted({*PUBLISHED_CUES, *UPDATED_CUES}, key=len, reverse=True))
    + r")(?!\w)")
_UPDATED = frozenset(UPDATED_CUES)

_CLOCK = (r"(\d{1,2})[:.h](\d{2})(?::(\d{2}))?(?:\s*(?:uhr|h|hrs))?"
          r"(?:\s*([ap])\.?\s?m\b\.?)?")
_ZONE = (r"(?:\s*\(?(" + "|".join(sorted(ZONES, key=len, reverse=True))
         + r")\b(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?\)?)?")
_TIME = re.compile(
    r"[\s,|/()–—·•\-]*(?:(?:pukul|jam|at|um|a las|a|à|alle|le)\s+)?" + _CLOCK + _ZONE)
# An update stamp with a time only ("· Updated 9:40 a.m. ET"): the day is the
# publication's.
_TIME_ONLY = re.compile(r"[\s:,]*(?:(?:pukul|jam|at|um|a las|a|à|le)\s+)?" + _CLOCK + _ZONE)
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


def _clock(m: re.Match[str]) -> tuple[int, int, int, dt.timezone | None] | None:
    """(hour, minute, second, zone or None) from a ``_TIME``-shaped match."""
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if m.group(4):  # a.m. / p.m.
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group(4) == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    if not m.group(5):
        return hour, minute, second, None
    offset = dt.timedelta(hours=ZONES[m.group(5)])
    if m.group(6):
        extra = dt.timedelta(hours=int(m.group(7)), minutes=int(m.group(8) or 0))
        offset += extra if m.group(6) == "+" else -extra
    return hour, minute, second, dt.timezone(offset)


def _at(day: dt.date, clock: tuple[int, int, int, dt.timezone | None] | None,
        zone: dt.tzinfo | None = None) -> dt.date | dt.datetime:
    """A datetime when the clock's zone (or ``zone``) is known, else the date."""
    if clock is None or (clock[3] or zone) is None:
        return day
    return dt.datetime(day.year, day.month, day.day, clock[0], clock[1], clock[2],
                       tzinfo=clock[3] or zone)


def _with_time(day: dt.date, rest: str) -> dt.date | dt.datetime:
    """A datetime when a time with a known zone follows the date, else the date."""
    m = _TIME.match(rest)
    return _at(day, _clock(m) if m else None)


def _iso_zone(text: str | None) -> dt.timezone | None:
    if not text:
        return None
    if text == "z":
        return dt.UTC
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _order(ident: str) -> str:
    """"dM" or "Md" (or "yM") as the locale's short date pattern orders them."""
    pattern = get_date_format("short", locale=ident).pattern
    return "".join(dict.fromkeys(c for c in pattern if c in "dMy"))[:2]


@lru_cache(maxsize=64)
def day_first(lang: str) -> bool | None:
    """Whether numeric dates in ``lang`` put the day first (True), the month (False),
    or either (None: "en", whose variants disagree); a tag with a region ("en-GB",
    "en-US") follows that region's pattern."""
    parts = lang.replace("-", "_").split("_")
    if len(parts) > 1 and len(parts[-1]) == 2:
        ident = f"{parts[0].lower()}_{parts[-1].upper()}"
        if ident in localedata.locale_identifiers():
            return {"dM": True, "Md": False}.get(_order(ident))
    base = base_language(lang)
    orders = [_order(i) for i in localedata.locale_identifiers() if i.split("_")[0] == base]
    if not orders or not {"dM", "Md"} & set(orders):
        return True  # year first (read by its own pattern) or unknown: never month first
    if orders.count("dM") >= ORDER_SHARE * len(orders):
        return True
    return False if orders.count("Md") >= ORDER_SHARE * len(orders) else None


def _numeric(m: re.Match[str], lang: str | None) -> dt.date | None:
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    order = day_first(lang) if lang else True
    if order is None:
        # Writers of the language put either first: only a number above 12 tells which.
        if first > 12:
            return _make(year, second, first)
        if second > 12:
            return _make(year, first, second)
        return None
    return _make(year, second, first) if order else _make(year, first, second)


Candidate = tuple[int, int, dt.date | dt.datetime]


def _candidates(text: str, pats: _Patterns, lang: str | None) -> Iterator[Candidate]:
    """(start, end, date or datetime) for every date written in ``text``."""
    table = pats.months.get(lang or "", {})

    def month(name: str) -> int | None:
        return table.get(name) or pats.shared.get(name)

    for m in pats.day_month_year.finditer(text):
        number = month(m.group(2))
        day = _make(int(m.group(3)), number, int(m.group(1))) if number else None
        if day:
            yield m.start(), m.end(), _with_time(day, text[m.end():m.end() + 40])
    for m in pats.month_day_year.finditer(text):
        number = month(m.group(1))
        day = _make(int(m.group(3)), number, int(m.group(2))) if number else None
        if day:
            yield m.start(), m.end(), _with_time(day, text[m.end():m.end() + 40])
    for m in _ISO.finditer(text):
        day = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if not day:
            continue
        zone = _iso_zone(m.group(7))
        if m.group(4) and zone is not None:
            try:
                yield m.start(), m.end(), dt.datetime(day.year, day.month, day.day, int(m.group(4)),
                                             int(m.group(5)), int(m.group(6) or 0),
                                             tzinfo=zone)
                continue
            except ValueError:
                pass
        yield m.start(), m.end(), day
    for m in _NUMERIC.finditer(text):
        day = _numeric(m, lang)
        if day:
            yield m.start(), m.end(), _with_time(day, text[m.end():m.end() + 40])
    for m in _YEAR_FIRST.finditer(text):
        day = _make(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if day:
            yield m.start(), m.end(), _with_time(day, text[m.end():m.end() + 40])


def _plausible(value: dt.date | dt.datetime, latest: dt.date) -> bool:
    day = value.date() if isinstance(value, dt.datetime) else value
    return day.year >= MIN_YEAR and day <= latest


def parse_date(text: str, ctx: Context, lang: str | None = None,
               ) -> dt.date | dt.datetime | None:
    """The first plausible date written in ``text`` (not after tomorrow), or None."""
    latest = ctx.today + dt.timedelta(days=1)
    folded = ascii_digits(norm(text))
    found = sorted(_candidates(folded, _patterns(ctx), lang), key=lambda c: c[0])
    return next((value for _, _, value in found if _plausible(value, latest)), None)


@dataclass
class DateLine:
    """What a page's date line says."""

    published: dt.date | dt.datetime | None = None
    updated: dt.date | dt.datetime | None = None
    relative: str | None = None  # a relative date with no retrieval time to count from
    dates: list[tuple[str, dt.date | dt.datetime]] = field(default_factory=list)


def _label(segment: str) -> str:
    """"updated" when the last cue word before a date is an update cue, else
    "published"."""
    cues = _CUES.findall(segment)
    return "updated" if cues and cues[-1] in _UPDATED else "published"


def parse_date_line(text: str, ctx: Context, lang: str | None = None,
                    retrieved: dt.datetime | None = None) -> DateLine:
    """The publication date and update stamp of a date line ("Publié le 3 mars 2024 à
    10h12, modifié le 4 mars 2024"; "March 3, 2025 · Updated 9:40 a.m. ET"; "vor 3
    Tagen"). ``retrieved``: when the input was fetched, for relative dates."""
    latest = (max(ctx.today, retrieved.date()) if retrieved else ctx.today) \
        + dt.timedelta(days=1)
    folded = ascii_digits(norm(text))
    found = sorted(_candidates(folded, _patterns(ctx), lang), key=lambda c: c[0])
    line = DateLine()
    end = 0
    for start, stop, value in found:
        if start < end:  # the same date read by two patterns
            continue
        if _plausible(value, latest):
            line.dates.append((_label(folded[end:start]), value))
        end = stop
    line.published = next((v for kind, v in line.dates if kind == "published"), None)
    line.updated = next((v for kind, v in line.dates if kind == "updated"), None)
    if line.published is None and line.updated is None:
        relative = find_relative(folded, (lang or "", *ctx.config.languages))
        if relative is not None and retrieved is not None:
            line.published = resolve(relative, retrieved)
        elif relative is not None:
            line.relative = relative.text
        return line
    if line.updated is None and line.published is not None:
        line.updated = _time_only_update(folded, line.published)
    if line.published is None:  # only a stamp ("Stand: 09.04.2026"): the best there is
        line.published, line.updated = line.updated, None
    return line


def _time_only_update(folded: str, published: dt.date | dt.datetime
                      ) -> dt.date | dt.datetime | None:
    """An update cue followed by a time alone: that time on the publication's day, in
    the zone it names or else the publication's."""
    for cue in _CUES.finditer(folded):
        if cue.group(1) not in _UPDATED:
            continue
        m = _TIME_ONLY.match(folded, cue.end())
        if not m:
            continue
        day = published.date() if isinstance(published, dt.datetime) else published
        zone = published.tzinfo if isinstance(published, dt.datetime) else None
        clock = _clock(m)
        if clock is not None:
            return _at(day, clock, zone)
    return None


def _same(a: dt.date | dt.datetime | None, b: dt.date | dt.datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, dt.datetime) != isinstance(b, dt.datetime):
        return False
    return a == b


def find_date(article: Article, ctx: Context) -> Article:
    """Keep a date already known (page metadata); else the page's date line (the
    extractor's ``date_text`` hint); else the title's or the top of the body's, a
    fallback only, since a lead often dates the event rather than the article; else
    ``--date``. An update stamp on the date line (or the metadata's ``updated_text``)
    becomes ``updated`` when it says more than the date.

    A date line that is only relative ("2 hours ago") with no retrieval time leaves a
    ``date_warning`` hint and no guessed date. The ``date_problem`` hint (a feed's
    unreadable entry date) means the date line is the only place to look."""
    lang = article.hints.get("lang") if article.lang and article.hints.get("lang", "") \
        .lower().startswith(base_language(article.lang)) else article.lang
    retrieved = article.source.retrieved
    hint = article.hints.get("date_text")
    line = parse_date_line(hint, ctx, lang, retrieved) if hint else DateLine()
    if article.date is None:
        article.date = line.published
    updated = line.updated
    if updated is None and article.hints.get("updated_text"):
        updated = parse_date(article.hints["updated_text"], ctx, lang)
    if article.updated is None and updated is not None and not _same(updated, article.date):
        article.updated = updated
    if article.date is not None:
        return article
    if line.relative:
        article.hints["date_warning"] = (
            f"the date line says {line.relative!r} and the input does not say when it "
            "was retrieved: no date guessed (pass --date, or ingest the URL)")
    elif "date_problem" not in article.hints:
        places = [article.title, "\n".join(article.paragraphs)[:TOP_CHARS]]
        for text in places:
            found = parse_date(text, ctx, article.lang) if text else None
            if found is not None:
                article.date = found
                return article
    article.date = ctx.date
    return article
