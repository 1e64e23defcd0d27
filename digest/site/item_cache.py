"""``item_html(article)``: a listed article's markup, rendered once and reused.

An article is listed on the home page, its topics' and its actors' pages and their
later pages: tens of times at scale, always the same markup for the same interface
language. The item template (``_item.html``) is rendered once per article and per
value of everything it reads from the page (found by parsing it: ``ui_lang``, ``hx``,
``SITEURL``…), so a template change that reads another page variable is keyed on it
without touching this module.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from jinja2 import Environment, meta, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import i18n

ITEM_TEMPLATE = "_item.html"
_PLAIN = (str, int, float, bool, type(None))


def _variables(env: Environment) -> tuple[str, ...]:
    """The names the item template reads from its page (the article aside)."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, ITEM_TEMPLATE)
    return tuple(sorted(meta.find_undeclared_variables(env.parse(source)) - {"a", "anchor", "e"}))


def _story_line(entry: Any) -> Hashable:
    """What an entry's story line shows: its story and the other articles listed in it."""
    if entry is None or entry.story is None:
        return None
    return (entry.story.id, tuple(id(a) for a in entry.more))


def make(env: Environment) -> Callable[..., Markup]:
    """A fresh ``item_html`` for one build's environment."""
    cache: dict[tuple[Hashable, ...], Markup] = {}
    kept: list[Any] = []  # values keyed by identity stay alive: no id is reused
    names: list[tuple[str, ...]] = []

    @pass_context
    def item_html(ctx: Context, article: Any, anchor: str | None = None,
                  entry: Any = None) -> Markup:
        if not names:
            names.append(_variables(env))
        values = [ctx.resolve_or_missing(name) for name in names[0]]
        key = (id(article), anchor, _story_line(entry), i18n.page_lang(ctx),
               *(v if isinstance(v, _PLAIN) else id(v) for v in values))
        found = cache.get(key)
        if found is None:
            kept.append(article)
            kept.extend(v for v in values if not isinstance(v, _PLAIN))
            found = Markup(env.get_template(ITEM_TEMPLATE).render(
                {**ctx.get_all(), "a": article, "anchor": anchor, "e": entry}))
            cache[key] = found
        return found

    return item_html
