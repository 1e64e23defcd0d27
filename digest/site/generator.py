"""The digest's pages: home, topics, actors, archive, search, 404, translations, feeds,
sitemap, robots.

Article pages themselves are written by Pelican's article generator with the
theme's ``article.html``; this generator adds everything else, from groupings
computed once (see ``groupings``). Each translation gets its own page
(``translation.html``), in its own language, indexed by Pagefind like any page.
"""

from __future__ import annotations

import datetime as dt
import shutil
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pelican.generators import Generator

from ..registry import Registries
from ..text.fold import fold
from . import groupings, outlets
from .feeds import feed_path, write_feed
from .interface import Interface, interfaces
from .languages import language_name
from .reading import reading_minutes
from .search_data import names_json
from .state import current
from .taxonomy import Actor, Topic
from .versions import alternates

_QUOTE = {'"': "&quot;"}  # for attribute values: xml.sax.saxutils.escape leaves quotes


def namesakes(registries: Registries, digest: groupings.Digest) -> dict[str, str]:
    """Topic id → actor id and actor id → topic id for a topic and an actor of the same
    name ("Lebanon" the topic, "Lebanon" the state), both with pages: they link to each
    other. Topic ids and actor ids may coincide, so each side has its own map."""
    actor_by_name: dict[str, str] = {}
    for ident, actor in registries.actors.items():
        if ident in digest.by_actor:
            for name in (actor.name, *actor.names.values()):
                actor_by_name.setdefault(fold(name), ident)
    found: dict[str, str] = {}
    for ident, topic in registries.topics.items():
        if ident not in digest.by_topic:
            continue
        match = next((actor_by_name[fold(n)] for n in topic.name.values()
                      if fold(n) in actor_by_name), None)
        if match is not None:
            found[f"topic:{ident}"] = match
            found.setdefault(f"actor:{match}", ident)
    return found


def month_anchors(items: list[Any]) -> dict[str, str]:
    """Slug of the newest article of each month → that month's anchor ("m-2021-07")."""
    found: dict[str, str] = {}
    seen: set[str] = set()
    for item in items:
        anchor = f"m-{item.date:%Y-%m}"
        if anchor not in seen:
            seen.add(anchor)
            found[item.slug] = anchor
    return found


class DigestGenerator(Generator):
    def generate_context(self) -> None:
        state = current()
        site = state.site
        digest = groupings.build(
            list(self.context.get("articles", [])), state.registries,
            related_max=site.related_actors)
        items = digest.articles
        for article in items:
            # Pelican formats the URL from settings at every access; pages list
            # articles tens of thousands of times, so fix it once.
            article.override_url = article.url
            article.reading_minutes = reading_minutes(article.content)
        for i, article in enumerate(items):
            article.newer = items[i - 1] if i else None
            article.older = items[i + 1] if i + 1 < len(items) else None
            article.in_story = digest.story_of.get(article.slug)
        self.digest = digest
        reg = state.registries
        self.topics = {t: Topic(t, self.settings, reg.topics[t]) for t in reg.topics}
        self.actors = {a: Actor(a, self.settings, reg.actors[a]) for a in reg.actors}
        self.namesakes = namesakes(reg, digest)
        self.outlets = outlets.group(items, reg)
        self.interfaces = interfaces(site.site_languages, site.default_lang)
        self.context.update(digest=digest, topics_by_id=self.topics, actors_by_id=self.actors,
                            digest_site=site, outlets_by_id=self.outlets)
        state.extra["articles"] = len(items)

    def generate_output(self, writer: Any) -> None:
        write = partial(writer.write_file, relative_urls=False)
        ctx = self.context
        digest = self.digest
        # Every listing page is written once per interface language (see interface.py):
        # at the root for the default language, under "<lang>/" for the others.
        for ui in self.interfaces:
            page = partial(self._page, write, ctx, ui)
            page("index.html", "index", "", paginated={"articles": digest.home})
            page("topics/index.html", "topics", "topics/")
            page("actors/index.html", "actors", "actors/")
            page("archive/index.html", "archive", "archive/")
            page("search/index.html", "search", "search/")
            page("404.html", "404", "404.html")
            for ident, items in sorted(digest.by_topic.items()):
                topic = self.topics[ident]
                page(topic.save_as, "topic", topic.url,
                     paginated={"articles": digest.topic_entries[ident]},
                     topic=topic, articles=items, feed_url=feed_path("topics", ident),
                     same_name=self.actors.get(self.namesakes.get(f"topic:{ident}", "")))
            for ident, items in sorted(digest.by_actor.items()):
                actor = self.actors[ident]
                listed = [e.article for e in digest.actor_entries[ident]]  # story leads
                page(actor.save_as, "actor", actor.url,
                     paginated={"articles": digest.actor_entries[ident]},
                     actor=actor, articles=items,
                     related=[(self.actors[o], n) for o, n in digest.related.get(ident, [])],
                     timeline=self._timeline(actor.url, listed),
                     month_anchors=month_anchors(listed),
                     feed_url=feed_path("actors", ident),
                     same_name=self.topics.get(self.namesakes.get(f"actor:{ident}", "")))
            for ident, outlet in sorted(self.outlets.items()):
                page(f"sources/{ident}/index.html", "source", f"sources/{ident}/",
                     paginated={"articles": outlet.articles}, outlet=outlet,
                     articles=outlet.articles)
            for story in digest.stories.values():
                page(story.save_as, "story", story.url, story=story)
        self._translations(write, ctx, self.settings["DEFAULT_LANG"])
        for ui in self.interfaces:  # typo suggestions, in each interface's labels
            names = Path(self.output_path) / ui.url("search/") / "names.json"
            names.parent.mkdir(parents=True, exist_ok=True)
            names.write_text(names_json(self.topics, self.actors, ui.lang), encoding="utf-8")
        self._feeds()
        self._story_feeds()
        self._sitemap()
        icon = Path(self.theme) / "static" / "favicon.ico"
        if icon.is_file():  # browsers ask for /favicon.ico whatever the page says
            shutil.copyfile(icon, Path(self.output_path) / "favicon.ico")

    def _page(self, write: Any, ctx: dict[str, Any], ui: Interface, save_as: str,
              template: str, url: str, **kwargs: Any) -> None:
        """One listing page in interface ``ui``: ``url`` and ``save_as`` are unprefixed."""
        write(ui.url(save_as), self.get_template(template), ctx, template_name=template,
              url=ui.url(url), ui_lang=ui.lang, page_kind=template, page_url=ui.url(url),
              **kwargs)

    def _timeline(self, url: str, items: list[Any]) -> list[tuple[dt.date, int, str]]:
        """(month, articles, link) for an actor's timeline: each month links to its
        first article on the actor's own pages (the page that holds it, its anchor)."""
        per_page = (self.settings["PAGINATED_TEMPLATES"].get("actor")
                    or self.settings["DEFAULT_PAGINATION"])
        months: dict[dt.date, list[int]] = {}
        for i, item in enumerate(items):
            months.setdefault(item.date.date().replace(day=1), []).append(i)
        found = []
        for month, indexes in months.items():
            number = indexes[0] // per_page + 1
            page = url if number == 1 else f"{url}page/{number}/"
            found.append((month, len(indexes), f"{page}#m-{month:%Y-%m}"))
        return found

    def _translations(self, write: Any, ctx: dict[str, Any], ui: str) -> None:
        """One page per translation; its interface speaks its language when the site does."""
        site_languages = current().site.site_languages
        template = self.get_template("translation")
        for article in self.digest.articles:
            for lang, translation in article.translated.items():
                write(translation.save_as, template, ctx, template_name="translation",
                      url=translation.url, article=article, translation=translation,
                      ui_lang=lang if lang in site_languages else ui, page_lang=lang,
                      page_url=translation.url)

    def _story_feeds(self) -> None:
        s = self.settings
        ui = s["DEFAULT_LANG"]
        for story in self.digest.stories.values():
            lead, translation = story.lead_in(ui)
            headline = (translation.title if translation and translation.title
                        else lead.title)
            write_feed(Path(self.output_path), story.feed, story.articles[::-1],
                       title=f"{s['SITENAME']}: {headline}", site_url=current().site.site_url,
                       language=ui, labels_lang=ui, max_items=s.get("FEED_MAX_ITEMS") or 30)

    def _feeds(self) -> None:
        s = self.settings
        out = Path(self.output_path)
        ui = s["DEFAULT_LANG"]
        site_url = current().site.site_url
        name = s["SITENAME"]
        feed = partial(write_feed, out, site_url=site_url, labels_lang=ui,
                       max_items=s.get("FEED_MAX_ITEMS") or 30)
        d = self.digest
        if d.articles:
            feed("feeds/all.atom.xml", d.articles, title=name, language=ui)
        # Topic and actor feeds: summaries only (at scale, bodies there were most of the output).
        for ident, items in sorted(d.by_topic.items()):
            topic = self.topics[ident]
            feed(feed_path("topics", ident), items, title=f"{name}: {topic.label(ui)}",
                 language=ui, link=topic.url, full=False)
        for ident, items in sorted(d.by_actor.items()):
            actor = self.actors[ident]
            feed(feed_path("actors", ident), items, title=f"{name}: {actor.label(ui)}",
                 language=ui, link=actor.url, full=False)
        for lang, items in d.by_lang.items():
            home = next((i.prefix for i in self.interfaces if i.lang == lang), "")
            feed(feed_path("lang", lang), items, title=f"{name} ({language_name(lang, lang)})",
                 language=lang, link=home)

    def _sitemap(self) -> None:
        site_url = current().site.site_url
        d = self.digest
        listings: list[tuple[str, str | None]] = [
            ("", None), ("topics/", None), ("actors/", None), ("archive/", None)]
        listings += [(self.topics[t].url, f"{items[0].date:%Y-%m-%d}")
                     for t, items in sorted(d.by_topic.items())]
        listings += [(self.actors[a].url, f"{items[0].date:%Y-%m-%d}")
                     for a, items in sorted(d.by_actor.items())]
        listings += [(o.url, f"{o.articles[0].date:%Y-%m-%d}") for o in self.outlets.values()]
        listings += [(s.url, f"{s.newest.date:%Y-%m-%d}") for s in d.stories.values()]
        urls: list[tuple[str, str | None, list[tuple[str, str]]]] = []
        for url, lastmod in listings:
            # Each listing in every interface language, each naming all of them.
            versions = [(i.lang, i.url(url)) for i in self.interfaces] \
                if len(self.interfaces) > 1 else []
            urls += [(i.url(url), lastmod, versions) for i in self.interfaces]
        for a in d.articles:
            day = f"{a.date:%Y-%m-%d}"
            versions = alternates(a) if a.translated else []
            urls.append((a.url, day, versions))
            urls += [(t.url, day, versions) for t in a.translated.values()]
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                 'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
        for url, lastmod, versions in urls:
            mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
            # Every version of an article lists all of them, itself included.
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{escape(lang, _QUOTE)}" '
                f'href="{escape(f"{site_url}/{href}", _QUOTE)}"/>' for lang, href in versions)
            lines.append(f"<url><loc>{escape(f'{site_url}/{url}')}</loc>{mod}{links}</url>")
        lines.append("</urlset>")
        out = Path(self.output_path)
        (out / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (out / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {site_url}/sitemap.xml\n", encoding="utf-8")

