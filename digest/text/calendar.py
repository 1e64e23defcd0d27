"""Month and weekday names of any language, from Babel's CLDR data (no lists in code)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from babel import localedata
from babel.dates import get_day_names, get_month_names

from .fold import norm
from .lang import base_language

_WIDTHS: tuple[Literal["wide", "abbreviated"], ...] = ("wide", "abbreviated")
_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")


@lru_cache(maxsize=64)
def _locales(lang: str) -> tuple[str, ...]:
    """The language's locale and all its regional variants (Levantine Arabic month
    names "تموز" live in ar_LB and ar_SY, not in ar)."""
    base = base_language(lang)
    return tuple(i for i in localedata.locale_identifiers() if i.split("_")[0] == base)


@lru_cache(maxsize=64)
def month_names(lang: str) -> dict[str, int]:
    """Folded month name (wide or abbreviated, without a final dot) -> month number.

    Names that mean different months in different variants are left out.
    """
    table: dict[str, int] = {}
    clashes: set[str] = set()
    for ident in _locales(lang):
        for width in _WIDTHS:
            for context in _CONTEXTS:
                for number, name in get_month_names(width, context, locale=ident).items():
                    key = norm(name).rstrip(".")
                    if not key:
                        continue
                    if table.setdefault(key, number) != number:
                        clashes.add(key)
    for key in clashes:
        del table[key]
    return table


@lru_cache(maxsize=64)
def month_abbreviations(lang: str) -> frozenset[str]:
    """Folded abbreviated month names that are not also a full one: "jan", not "mai"
    (a stop after "Mai" or "Maret" ends a sentence as after any word)."""
    names: dict[Literal["wide", "abbreviated"], set[str]] = {"wide": set(), "abbreviated": set()}
    for ident in _locales(lang):
        for width, found in names.items():
            for context in _CONTEXTS:
                found.update(norm(n).rstrip(".")
                             for n in get_month_names(width, context, locale=ident).values())
    return frozenset(names["abbreviated"] - names["wide"] - {""})


@lru_cache(maxsize=64)
def day_names(lang: str) -> frozenset[str]:
    """Folded weekday names, wide and abbreviated, without a final dot."""
    names: set[str] = set()
    for ident in _locales(lang):
        for width in _WIDTHS:
            for context in _CONTEXTS:
                names.update(norm(n).rstrip(".")
                             for n in get_day_names(width, context, locale=ident).values())
    return frozenset(n for n in names if n)


def calendar_words(langs: tuple[str, ...]) -> frozenset[str]:
    """Every folded month and weekday name of the given languages."""
    words: set[str] = set()
    for lang in langs:
        words.update(month_names(lang))
        words.update(day_names(lang))
    return frozenset(words)
