"""Facts about languages the templates need: script direction, display names."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError


@cache
def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


@cache
def direction(lang: str) -> str:
    """'rtl' for right-to-left scripts (Arabic, Hebrew, Persian, Urdu…), else 'ltr'."""
    loc = _locale(lang)
    return "rtl" if loc is not None and loc.character_order == "right-to-left" else "ltr"


@cache
def language_name(lang: str, in_lang: str) -> str:
    """The name of ``lang`` written in ``in_lang`` ("Indonesian", "Bahasa Indonesia")."""
    loc = _locale(lang)
    target = _locale(in_lang)
    if loc is None:
        return lang
    name = loc.get_display_name(target) if target is not None else None
    return name or lang


def babel_locale(lang: str) -> str:
    loc = _locale(lang)
    return str(loc) if loc is not None else "en"


@cache
def territory_name(code: str, in_lang: str) -> str:
    """A country or territory code as a name in ``in_lang`` ("LB" → "Lebanon"); else the code."""
    target = _locale(in_lang) or _locale("en")
    names = target.territories if target is not None else {}
    return str(names.get(code.upper(), code))
