"""schema.org JSON-LD: ``NewsArticle`` for article pages and their translations (part of
their story's ``ItemList`` when they belong to one), ``ItemList`` for story pages."""

from __future__ import annotations

import json
from typing import Any

from ..urls import linkable

SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "state": "Country",
    "media": "NewsMediaOrganization",
    "other": "Thing",
}


def _thing(actor: Any, site_url: str) -> dict[str, Any]:
    return {
        "@type": SCHEMA_TYPES.get(actor.kind, "Thing"),
        "name": actor.entry.name,
        "url": f"{site_url}/{actor.url}",
    }


def _shared(article: Any, site_url: str, site_name: str) -> dict[str, Any]:
    """What the original and its translations say alike: dates, actors, topics, source."""
    source = article.source
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "datePublished": article.date.isoformat(),
        **({"dateModified": article.updated.isoformat()}
           if getattr(article, "updated", None) else {}),
        "publisher": {"@type": "Organization", "name": site_name, "url": f"{site_url}/"},
    }
    if article.actors:
        data["about"] = [_thing(article.actors[0], site_url)]
        if len(article.actors) > 1:
            data["mentions"] = [_thing(a, site_url) for a in article.actors[1:]]
    if article.topics:
        data["keywords"] = [t.entry.name_in("en") for t in article.topics]
    outlet = getattr(article, "outlet", None)  # the name as the page shows it (outlets.py)
    name = outlet.name if outlet is not None else source.get("name")
    if name:
        data["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": name}
        data["author"] = {"@type": "Organization", "name": name}
    based_on = linkable(source.get("url"))
    if based_on:
        data["isBasedOn"] = based_on
    story = getattr(article, "in_story", None)
    if story is not None:
        data["isPartOf"] = {"@type": "ItemList", "@id": f"{site_url}/{story.url}",
                            "url": f"{site_url}/{story.url}"}
    return data


def story_list(story: Any, headline: str, site_url: str) -> dict[str, Any]:
    """A story page: the ``ItemList`` of its articles, oldest first."""
    url = f"{site_url}/{story.url}"
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "@id": url,
        "url": url,
        "name": headline,
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "numberOfItems": len(story.articles),
        "itemListElement": [
            {"@type": "ListItem", "position": i, "url": f"{site_url}/{a.url}",
             "item": {"@type": "NewsArticle", "headline": a.title, "inLanguage": a.lang,
                      "datePublished": a.date.isoformat(), "url": f"{site_url}/{a.url}"}}
            for i, a in enumerate(story.articles, 1)],
    }


def news_article(article: Any, site_url: str, site_name: str) -> dict[str, Any]:
    """The JSON-LD object: actors named first are what the article is about."""
    url = f"{site_url}/{article.url}"
    data = _shared(article, site_url, site_name)
    data.update(headline=article.title, inLanguage=article.lang, url=url,
                mainEntityOfPage=url, description=article.summary_text)
    translations = [
        {"@type": "NewsArticle", "inLanguage": lang, "headline": t.title or article.title,
         "url": f"{site_url}/{t.url}"}
        for lang, t in article.translated.items()
    ]
    if translations:
        data["workTranslation"] = translations
    return data


def translated_article(article: Any, translation: Any, site_url: str,
                       site_name: str) -> dict[str, Any]:
    """A translation's page: its own language and headline, a translation of the original."""
    url = f"{site_url}/{translation.url}"
    data = _shared(article, site_url, site_name)
    data.update(headline=translation.title or article.title, inLanguage=translation.lang,
                url=url, mainEntityOfPage=url,
                description=translation.summary_text or article.summary_text)
    data["translationOfWork"] = {
        "@type": "NewsArticle", "@id": f"{site_url}/{article.url}",
        "url": f"{site_url}/{article.url}", "headline": article.title,
        "inLanguage": article.lang}
    if not translation.machine:  # the editors translated it: the site's own work
        data["translator"] = {"@type": "Organization", "name": site_name, "url": f"{site_url}/"}
    return data


def script_json(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</script>`` or HTML comment can end it early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
