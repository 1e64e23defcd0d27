"""Interface translations and dates for one Pelican build in several languages.

The Babel catalogs (``theme/translations/<lang>/LC_MESSAGES/messages.po``) are
compiled in memory at build time. The gettext callables installed on the Jinja
environment are context-aware: each page picks the catalog of its interface
language, so one build serves every language (no build per language).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from .languages import babel_locale

_GLOBAL = "digest_catalogs"  # where install() puts the build's catalogs on the environment


@dataclass(frozen=True)
class Catalogs:
    """The interface catalogs of one build, by language."""

    by_lang: dict[str, NullTranslations]
    default: str

    @classmethod
    def load(cls, translations_dir: Path, languages: list[str], default: str) -> Catalogs:
        found: dict[str, NullTranslations] = {}
        for lang in languages:
            po = translations_dir / lang / "LC_MESSAGES" / "messages.po"
            found[lang] = compile_catalog(po) if po.is_file() else NullTranslations()
        return cls(found, default)

    def get(self, lang: str) -> NullTranslations:
        return self.by_lang.get(lang) or self.by_lang.get(self.default) or NullTranslations()


def compile_catalog(po_path: Path) -> Translations:
    """A .po file → Babel Translations, without writing a .mo to disk."""
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=po_path.parent.parent.name)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(fp=buf)


def page_lang(ctx: Context | dict[str, Any]) -> str:
    """The interface language of the page being rendered."""
    lang = ctx.get("ui_lang")
    if lang:
        return str(lang)
    article = ctx.get("article")
    if article is not None and getattr(article, "ui_lang", None):
        return str(article.ui_lang)
    return str(ctx.get("DEFAULT_LANG") or "en")


def _catalogs(ctx: Context | dict[str, Any]) -> Catalogs:
    if isinstance(ctx, Context):
        found = ctx.environment.globals.get(_GLOBAL)
        if isinstance(found, Catalogs):
            return found
    return Catalogs({}, str(ctx.get("DEFAULT_LANG") or "en"))


def _catalog(ctx: Context) -> NullTranslations:
    return _catalogs(ctx).get(page_lang(ctx))


@pass_context
def gettext(ctx: Context, message: str) -> str:
    return _catalog(ctx).gettext(message)


@pass_context
def ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
    return _catalog(ctx).ngettext(singular, plural, n)


@pass_context
def pgettext(ctx: Context, context: str, message: str) -> str:
    return str(_catalog(ctx).pgettext(context, message))


@pass_context
def npgettext(ctx: Context, context: str, singular: str, plural: str, n: int) -> str:
    return _catalog(ctx).npgettext(context, singular, plural, n)


def interface_lang(lang: str, ctx: Context | dict[str, Any]) -> str:
    """``lang`` when the interface is translated into it, else the page's interface language."""
    return lang if lang in _catalogs(ctx).by_lang else page_lang(ctx)


@pass_context
def gettext_in(ctx: Context, lang: str, message: str, **variables: Any) -> str:
    """A message in another interface language ("Read in English" on an Indonesian page).

    Falls back to the page's own language when the site has no catalog for ``lang``.
    """
    text = _catalogs(ctx).by_lang.get(interface_lang(lang, ctx)) or _catalog(ctx)
    translated = text.gettext(message)
    return translated % variables if variables else translated


@pass_context
def interface_lang_of(ctx: Context, lang: str) -> str:
    return interface_lang(lang, ctx)


@cache
def _format(day: dt.date, fmt: str, locale: str) -> str:
    return format_date(day, fmt, locale=locale)


def format_day(value: dt.date | dt.datetime, fmt: str, lang: str) -> str:
    day = value.date() if isinstance(value, dt.datetime) else value
    return _format(day, fmt, babel_locale(lang))


@pass_context
def date_filter(ctx: Context, value: dt.date | dt.datetime | None, fmt: str = "long",
                lang: str | None = None) -> str:
    """``{{ article.date|date }}`` → "June 29, 2021" / "29 Juni 2021" by page language."""
    if value is None:
        return ""
    return format_day(value, fmt, lang or page_lang(ctx))


def install(env: Environment, catalogs: Catalogs) -> None:
    env.globals[_GLOBAL] = catalogs
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext)
    env.filters["date"] = date_filter
    env.globals.update(_in=gettext_in, interface_lang=interface_lang_of)
