"""Filters and globals the theme uses, installed on every generator's Jinja environment.

Installed by the plugin (not through settings): settings are pickled with every
content object, and these are plain functions anyway.
"""

from __future__ import annotations

from html import escape
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from ..urls import linkable
from . import i18n, item_cache
from .interface import Interface, Switch, interfaces, switches, unprefixed
from .jsonld import news_article, script_json, story_list, translated_article
from .languages import direction, language_name, territory_name
from .search_data import index_names, ui_languages
from .versions import alternates

_INTERFACES = "digest_interfaces"  # the site's interface languages, on the environment


@pass_context
def absolute(ctx: Context, url: str = "") -> str:
    """The public address of a site-relative URL (canonical links, Open Graph)."""
    base = ctx.get("DIGEST_SITE_URL") or ctx.get("SITEURL") or ""
    return f"{base}/{url.lstrip('/')}"


def link_url(value: Any) -> str:
    """An article's URL (its source, an image) as an ``href``/``src``: "" unless it is
    an absolute http(s) URL, whatever the content files say."""
    return linkable(value) or ""


def search_value(value: Any) -> str:
    """A Pagefind filter value, for an attribute that autoescaping escapes once more.

    Pagefind (1.5) decodes HTML entities in a ``data-pagefind-filter="key:value"``
    attribute once more after the HTML parser has: escaped here and by the template, the
    value it keeps is exactly the name (``<img onerror=…>``, ``AT&amp;T``), which the
    search page shows as text (``textContent``), never as markup."""
    return escape(str(value), quote=False)


@pass_context
def jsonld(ctx: Context, article: Any, translation: Any = None) -> str:
    """The article's JSON-LD, or that of its ``translation``'s page."""
    base = ctx.get("DIGEST_SITE_URL") or ctx.get("SITEURL") or ""
    name = ctx.get("SITENAME", "")
    if translation is not None:
        return script_json(translated_article(article, translation, base, name))
    return script_json(news_article(article, base, name))


@pass_context
def story_jsonld(ctx: Context, story: Any, headline: str) -> str:
    """A story page's JSON-LD: the ``ItemList`` of its articles."""
    base = ctx.get("DIGEST_SITE_URL") or ctx.get("SITEURL") or ""
    return script_json(story_list(story, headline, base))


@pass_context
def lang_name(ctx: Context, lang: str) -> str:
    return language_name(lang, i18n.page_lang(ctx))


@pass_context
def country_name(ctx: Context, code: str) -> str:
    """An ISO 3166 code as a country name in the page's interface language."""
    return territory_name(code, i18n.page_lang(ctx))


def _interfaces(ctx: Context) -> list[Interface]:
    found = ctx.environment.globals.get(_INTERFACES)
    return found if isinstance(found, list) else [Interface(i18n.page_lang(ctx), "")]


def _interface(ctx: Context) -> Interface:
    lang = i18n.page_lang(ctx)
    ifaces = _interfaces(ctx)
    return next((i for i in ifaces if i.lang == lang), ifaces[0])


@pass_context
def in_ui(ctx: Context, path: str = "") -> str:
    """A listing page's site-relative URL in the page's interface language
    (``"topics/"|in_ui`` → "id/topics/" on an Indonesian page)."""
    return _interface(ctx).url(path)


@pass_context
def language_switches(ctx: Context) -> list[Switch]:
    """The language switcher of the page being rendered (see ``interface.switches``)."""
    iface = _interface(ctx)
    article = ctx.get("article")
    if article is not None:
        return switches(iface.lang, _interfaces(ctx), article=article)
    page = ctx.get("articles_page")
    here = page.url if page else ctx.get("page_url") or ""
    return switches(iface.lang, _interfaces(ctx), listing_path=unprefixed(here, iface.prefix))


def install(env: Environment, catalogs: i18n.Catalogs) -> None:
    env.globals[_INTERFACES] = interfaces(list(catalogs.by_lang), catalogs.default)
    env.globals.update(language_switches=language_switches)
    env.filters.update(in_ui=in_ui)
    i18n.install(env, catalogs)
    env.filters.update(absolute=absolute, jsonld=jsonld, story_jsonld=story_jsonld,
                       direction=direction, safe_url=link_url,
                       search_value=search_value, search_names=index_names,
                       lang_name=lang_name, country_name=country_name)
    env.globals.update(language_name=language_name, alternates=alternates,
                       item_html=item_cache.make(env), search_ui=ui_languages)
