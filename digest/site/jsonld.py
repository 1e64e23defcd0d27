"""schema.org ``NewsArticle`` JSON-LD for article pages."""

from __future__ import annotations

import json
from typing import Any

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


def news_article(article: Any, site_url: str, site_name: str) -> dict[str, Any]:
    """The JSON-LD object: actors named first are what the article is about."""
    url = f"{site_url}/{article.url}"
    source = article.source
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.isoformat(),
        "inLanguage": article.lang,
        "url": url,
        "mainEntityOfPage": url,
        "description": article.summary_text,
        "publisher": {"@type": "Organization", "name": site_name, "url": f"{site_url}/"},
    }
    if article.actors:
        data["about"] = [_thing(article.actors[0], site_url)]
        if len(article.actors) > 1:
            data["mentions"] = [_thing(a, site_url) for a in article.actors[1:]]
    if article.topics:
        data["keywords"] = [t.entry.name_in("en") for t in article.topics]
    if source.get("name"):
        data["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": source["name"]}
        data["author"] = {"@type": "Organization", "name": source["name"]}
    if source.get("url"):
        data["isBasedOn"] = source["url"]
    translations = [
        {"@type": "CreativeWork", "inLanguage": lang, "headline": t.title}
        for lang, t in article.translated.items() if t.title
    ]
    if translations:
        data["workTranslation"] = translations
    return data


def script_json(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</script>`` or HTML comment can end it early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
