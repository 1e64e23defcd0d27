"""What the search gets beyond a page's visible text.

- ``index_names(article)``: every name of the article's actors and topics, in every
  language and script the registries give, for a hidden block of the page's index
  record: a search for any alias of an actor finds the articles tagged with it.
- ``ui_languages(article, site_languages)``: the interface languages whose search shows
  *this* page of the article (the translation into that language, else the original),
  so that each article is one result per interface (the ``ui`` filter).
- ``names_json(topics, actors)``: the small list the search page offers names from
  when a query finds nothing (a misspelt actor or topic).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def _unique(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        name = " ".join(name.split())
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _actor_names(actor: Any) -> tuple[str, ...]:
    return tuple(actor.entry.all_names)


def _topic_names(topic: Any) -> tuple[str, ...]:
    return tuple(topic.entry.name.values())


def index_names(article: Any) -> str:
    """The article's actors' and topics' names and aliases, one line, " · " between."""
    names: list[str] = []
    for actor in getattr(article, "actors", None) or ():
        names += _actor_names(actor)
    for topic in getattr(article, "topics", None) or ():
        names += _topic_names(topic)
    return " · ".join(_unique(names))


def ui_languages(article: Any, site_languages: Sequence[str],
                 translation_lang: str | None = None) -> list[str]:
    """The interface languages in which this page of ``article`` is the one shown.

    ``translation_lang`` names the translation page; ``None`` is the original. A
    translation is shown in its own interface; the original in its own and in every
    interface the article has no translation for."""
    if translation_lang is not None:
        return [translation_lang] if translation_lang in site_languages else []
    translated: Mapping[str, Any] = getattr(article, "translated", None) or {}
    return [lang for lang in site_languages
            if lang == article.lang or lang not in translated]


def names_json(topics: Mapping[str, Any], actors: Mapping[str, Any], default_lang: str) -> str:
    """``[[name, url, label], …]``: each name (aliases and every language's name too)
    with the page it leads to and the label that page goes by; sorted, so the file is
    the same from build to build."""
    rows: list[tuple[str, str, str]] = []
    for ident in sorted(actors):
        actor = actors[ident]
        label = actor.label(default_lang)
        rows += [(name, actor.url, label) for name in _unique(_actor_names(actor))]
    for ident in sorted(topics):
        topic = topics[ident]
        label = topic.label(default_lang)
        rows += [(name, topic.url, label) for name in _unique(_topic_names(topic))]
    return json.dumps([list(r) for r in rows], ensure_ascii=False, separators=(",", ":"))
