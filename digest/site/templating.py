"""Filters and globals the theme uses, installed on every generator's Jinja environment.

Installed by the plugin (not through settings): settings are pickled with every
content object, and these are plain functions anyway.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from . import i18n
from .jsonld import news_article, script_json
from .languages import direction, language_name


@pass_context
def absolute(ctx: Context, url: str = "") -> str:
    """The public address of a site-relative URL (canonical links, Open Graph)."""
    base = ctx.get("DIGEST_SITE_URL") or ctx.get("SITEURL") or ""
    return f"{base}/{url.lstrip('/')}"


@pass_context
def jsonld(ctx: Context, article: Any) -> str:
    base = ctx.get("DIGEST_SITE_URL") or ctx.get("SITEURL") or ""
    return script_json(news_article(article, base, ctx.get("SITENAME", "")))


@pass_context
def lang_name(ctx: Context, lang: str) -> str:
    return language_name(lang, i18n.page_lang(ctx))


def install(env: Environment) -> None:
    i18n.install(env)
    env.filters.update(absolute=absolute, jsonld=jsonld, direction=direction,
                       lang_name=lang_name)
    env.globals["language_name"] = language_name
